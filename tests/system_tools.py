"""The programs and fonts some tests need from the system, and what to install for them.

A test that needs one calls `need_program` or `need_font`: without it the test is
skipped with a message naming the Debian/Ubuntu package to install (the README's
set-up line installs them all), and fails in CI, which must have everything.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess

import pytest

PACKAGES = {
    "soffice": "libreoffice-impress",
    "libreoffice": "libreoffice-impress",
    "pdftoppm": "poppler-utils",
    "pdftotext": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "pdffonts": "poppler-utils",
    "qpdf": "qpdf",
    "Liberation Sans": "fonts-liberation2",
    "Carlito": "fonts-crosextra-carlito",
}
"""The Debian/Ubuntu package that provides each program or font family."""


def _missing(what: str) -> None:
    message = (f"{what} is not installed: `apt-get install {PACKAGES.get(what, what)}` "
               "(see the README's set-up)")
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must install it")
    pytest.skip(message)


def need_program(*names: str) -> str:
    """Return the path of the first of ``names`` installed; skip (fail in CI) naming the
    package to install when none is."""
    for name in names:
        found = shutil.which(name)
        if found is not None:
            return found
    _missing(names[0])
    raise AssertionError("unreachable")  # pragma: no cover


@functools.cache
def _families() -> str:
    try:
        return subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True,
                              check=False, timeout=60).stdout.lower()
    except (OSError, subprocess.SubprocessError):
        return ""


def need_font(family: str) -> None:
    """Skip (fail in CI) naming the package to install when the font ``family`` is absent."""
    if family.lower() not in _families():
        _missing(family)


def interruptible() -> None:
    """Give a child process SIGINT's default action, as a terminal does (for
    `subprocess.Popen`'s ``preexec_fn``): a test run started in the background, without
    job control, ignores SIGINT, and a child would inherit that and never see Ctrl-C."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
