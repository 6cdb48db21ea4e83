"""A template's embedded fonts are read into the cache, face by face, and handed to the
layout as plain data through the template's theme."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from generator.layout.fonts import cache_dir
from generator.look import embedded_fonts as module
from generator.look.embedded_fonts import embedded_fonts
from generator.look.template import read_template
from tests.templates.font_templates import (
    FAMILY,
    FORMS,
    embedding_template,
    have_font,
    renamed_font,
)

pytestmark = pytest.mark.skipif(not have_font(), reason="needs Carlito and fontconfig")


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Give each test an empty cache."""
    monkeypatch.setenv("MAKE_DECK_CACHE", str(tmp_path / "cache"))
    cache_dir.cache_clear()
    yield
    cache_dir.cache_clear()


@pytest.mark.parametrize("form", ["raw", "eot", "eot-xor", "obfuscated"])
def test_each_form_is_decoded_into_the_cache(tmp_path: Path, form: str) -> None:
    template = embedding_template(tmp_path, form, bold=True)
    (family,) = embedded_fonts(template)
    assert family.family == FAMILY and family.problems == ()
    regular, bold, italic, bold_italic = family.files
    assert regular is not None and regular.read_bytes() == renamed_font()
    assert bold is not None and bold.read_bytes() == renamed_font(bold=True)
    assert italic is None and bold_italic is None
    assert family.styles() == ("regular", "bold")


@pytest.mark.parametrize("form", ["eot-mtx", "corrupt"])
def test_an_unreadable_face_is_left_out_with_the_reason(tmp_path: Path, form: str) -> None:
    (family,) = embedded_fonts(embedding_template(tmp_path, form))
    assert family.files == (None, None, None, None) and not family.readable
    (problem,) = family.problems
    assert problem.startswith("regular: ")
    assert ("MicroType Express" in problem) == (form == "eot-mtx")


def test_the_theme_carries_the_embedded_fonts(tmp_path: Path) -> None:
    theme = read_template(embedding_template(tmp_path, "raw")).theme
    assert theme.font_family == FAMILY
    assert [f.family for f in theme.embedded_fonts] == [FAMILY]


def test_a_second_read_comes_from_the_cache(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    template = embedding_template(tmp_path, "eot")
    first = embedded_fonts(template)

    def unread(*_args: object) -> list[object]:
        raise AssertionError("read again")

    monkeypatch.setattr(module, "read_embedded", unread)
    assert embedded_fonts(template) == first
    first[0].files[0].unlink()  # a cached font gone: read again
    monkeypatch.undo()
    assert embedded_fonts(template) == first and first[0].files[0].is_file()


def test_a_template_without_embedded_fonts_or_a_broken_list_gives_none(
        tmp_path: Path) -> None:
    template = embedding_template(tmp_path, "raw")
    with zipfile.ZipFile(template) as source:
        files = {name: source.read(name) for name in source.namelist()}
    files["ppt/_rels/presentation.xml.rels"] = b"<not xml"
    broken = tmp_path / "broken.pptx"
    with zipfile.ZipFile(broken, "w") as out:
        for name, data in files.items():
            out.writestr(name, data)
    (family,) = embedded_fonts(broken)
    assert not family.readable and family.problems
    (tmp_path / "not-a-zip.pptx").write_bytes(b"PK nothing")
    assert embedded_fonts(tmp_path / "not-a-zip.pptx") == ()


def test_every_fixture_form_is_known() -> None:
    assert set(FORMS) == {"raw", "eot", "eot-xor", "eot-mtx", "obfuscated", "corrupt"}
