"""Packaging: every package in the source tree is shipped, with its data files."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "generator").rglob("__init__.py")
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    assert "generator.templates" in listed


def test_template_and_theme_files_are_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["generator.templates"]
    templates = ROOT / "templates"
    shipped = {p for pattern in patterns for p in templates.glob(pattern)}
    assert templates / "default.pptx" in shipped
    themes = {p.name for p in shipped if p.suffix == ".yaml"}
    assert themes >= {"default.yaml", "high-contrast.yaml", "civic.yaml"}


def test_the_word_catalogues_are_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["generator.words"]
    folder = ROOT / "generator" / "words"
    shipped = {p.name for pattern in patterns for p in folder.glob(pattern)}
    assert shipped >= {"en.po", "cy.po"}


def test_html_templates_are_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["generator.writers.html"]
    folder = ROOT / "generator" / "writers" / "html"
    shipped = {p.name for pattern in patterns for p in folder.glob(pattern)}
    on_disk = {p.name for p in (folder / "templates").iterdir() if p.is_file()}
    assert on_disk and on_disk <= shipped, f"add to package-data: {sorted(on_disk - shipped)}"
