"""A test that needs a system program or font says which package to install."""

from __future__ import annotations

import pytest
from system_tools import need_font, need_program


def test_a_missing_program_names_its_package(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(pytest.skip.Exception, match=r"apt-get install libreoffice-impress"):
        need_program("soffice", "libreoffice")
    with pytest.raises(pytest.skip.Exception, match=r"`apt-get install poppler-utils`"):
        need_program("pdftoppm")
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match=r"qpdf is not installed: `apt-get install "
                       r"qpdf`.*CI must install it"):
        need_program("qpdf")


def test_a_missing_font_names_its_package(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr("system_tools._families", lambda: "dejavu sans\n")
    with pytest.raises(pytest.skip.Exception,
                       match=r"Carlito is not installed: `apt-get install "
                       r"fonts-crosextra-carlito`"):
        need_font("Carlito")
    need_font("DejaVu Sans")
