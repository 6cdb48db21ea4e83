"""Shared fixtures: the repository, outlines written on the fly, the built default deck
and LibreOffice."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.build import BuildResult, Prepared, build, prepare
from generator.options import BuildOptions

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTLINE = REPO_ROOT / "outline.yaml"

OutlineFactory = Callable[..., Path]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """Return the root of the checkout (where `outline.yaml` and `images/` live)."""
    return REPO_ROOT


@pytest.fixture
def tmp_outline(tmp_path: Path) -> OutlineFactory:
    """Return a factory writing an outline into ``tmp_path`` and returning its path.

    ``tmp_outline(text, name="outline.yaml", images=None)``: ``name`` may hold
    folders (``deck/outline.yaml``); the repository's ``images/`` folder is copied
    beside the outline when the text mentions ``images/`` (or ``images=True``).
    ``text`` may be ``bytes`` to write a file that is not UTF-8 text.
    """

    def write(text: str | bytes, name: str = "outline.yaml", images: bool | None = None) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        wanted = images if images is not None else (
            isinstance(text, str) and "images/" in text)
        if wanted and not (path.parent / "images").exists():
            shutil.copytree(REPO_ROOT / "images", path.parent / "images")
        return path

    return write


@dataclass(frozen=True)
class BuiltDeck:
    """The default outline built once: the .pptx, the build's result and its layout."""

    path: Path
    result: BuildResult
    prepared: Prepared


@pytest.fixture(scope="session")
def default_deck(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltDeck]:
    """Build the default `outline.yaml` (deck only) once per session into a temp folder."""
    out = tmp_path_factory.mktemp("default-deck")
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("SOURCE_DATE_EPOCH", raising=False)  # dates come from the outline
        options = BuildOptions(outputs=("deck",), output_dir=out)
        result = build(DEFAULT_OUTLINE, options)
        prepared = prepare(DEFAULT_OUTLINE, options)
    (path,) = result.written
    yield BuiltDeck(path, result, prepared)


@pytest.fixture(scope="session")
def soffice() -> str:
    """Return the LibreOffice command; skip when it is absent, except in CI (which has it)."""
    from system_tools import need_program

    return need_program("soffice", "libreoffice")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Return one headless chromium session shared by every browser test; skip when
    chromium or chromedriver is absent, except in CI (whose .ci/run installs them)."""
    from browser import chromium_paths, start_browser

    if chromium_paths() is None:
        if os.environ.get("CI"):
            pytest.fail("chromium and chromedriver are needed in CI")
        pytest.skip("chromium and chromedriver are not installed")
    pytest.importorskip("selenium")
    driver = start_browser()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """Return axe-core's script; skip when .ci/run has not installed it (fail in CI)."""
    from browser import AXE

    if not AXE.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"axe-core is needed in CI at {AXE}")
        pytest.skip("axe-core is not installed (npm install --prefix .ci/node axe-core)")
    return AXE.read_text("utf-8")
