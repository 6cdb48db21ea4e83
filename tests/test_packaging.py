"""Packaging: every package in the source tree is shipped, with its data files."""

from __future__ import annotations

import re
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


def test_the_readme_set_up_works_on_a_fresh_debian_machine():
    """The README's commands make a virtual environment (Debian's Python refuses pip
    outside one), its apt line names every package CI installs and every package a
    test may ask for, and CI runs the README's own test command."""
    from system_tools import PACKAGES

    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text("utf-8")
    ci = (root / ".ci" / "run").read_text("utf-8")
    apt = next(line for line in readme.splitlines() if "apt-get install" in line
               and line.startswith("sudo "))
    ci_packages = set(re.findall(r"[a-z0-9][a-z0-9.+-]+", ci.split("apt-get install", 1)[1]
                                 .split(">/dev/null", 1)[0].replace("-y -qq", "")))
    assert ci_packages <= set(apt.split()), ci_packages - set(apt.split())
    assert set(PACKAGES.values()) <= set(apt.split())
    assert {"python3-venv", "fonts-crosextra-carlito"} <= set(apt.split())
    build = "python3 -m venv .venv && . .venv/bin/activate && python3 -m pip install . && "
    assert f"{build}make-deck outline.yaml" in readme
    test = next(line for line in readme.splitlines() if "pytest" in line
                and line.startswith("python3 -m venv"))
    assert test in ci
