"""A deck built on a template that embeds its font is laid out with that font's widths,
keeps the font for PowerPoint, and a font that cannot be read never stops a build."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from generator.build import build, prepare
from generator.layout import fonts, measure
from generator.layout.frames import TextFrame
from generator.options import BuildOptions
from tests.templates.font_templates import embedding_template, have_font

pytestmark = pytest.mark.skipif(not have_font(), reason="needs Carlito and fontconfig")

OUTLINE = """\
title: Measured in the template's own font
theme: {theme}
sections:
  - title: Start
    minutes: 10
    slides:
      - title: Why the width of every character matters here
        bullets:
          - Participants agree the scope and who decides
          - Each team leaves with a plan of three steps
          - The facilitator sends the plans round a week on
"""


@pytest.fixture(autouse=True)
def _fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Use an empty cache and forget earlier answers."""
    monkeypatch.setenv("MAKE_DECK_CACHE", str(tmp_path / "cache"))
    fonts.cache_dir.cache_clear()
    measure.resolve.cache_clear()
    measure.face_metrics.cache_clear()
    yield
    fonts.cache_dir.cache_clear()


def _build(tmp_path: Path, form: str) -> tuple[Path, list[tuple[float, int]], list[str],
                                               tuple[str, ...]]:
    """Build the outline on a template embedding its font in ``form``; return the deck,
    (size, lines) of each text frame, the build's problem codes and why the embedded
    faces could not be read."""
    folder = tmp_path / form
    folder.mkdir()
    template = embedding_template(folder, form, bold=True)
    outline = folder / "outline.yaml"
    outline.write_text(OUTLINE.format(theme=template.name), encoding="utf-8")
    options = BuildOptions(outputs=("deck",), output_dir=folder / "out")
    result = build(outline, options)
    prepared = prepare(outline, options)
    texts = [(f.text.size, f.text.line_count) for s in prepared.deck.slides for f in s.frames
             if isinstance(f, TextFrame)]
    (embedded,) = prepared.theme.embedded_fonts
    return result.written[0], texts, [d.code for d in result.diagnostics], embedded.problems


def test_the_deck_is_laid_out_with_the_embedded_widths_and_keeps_the_font(
        tmp_path: Path) -> None:
    deck, embedded, codes, problems = _build(tmp_path, "raw")
    _, margin, _, _ = _build(tmp_path, "corrupt")
    assert problems == ()
    assert not [c for c in codes if c.startswith("E")]
    assert embedded != margin  # the real font is narrower than the margin allows
    assert sum(lines for _, lines in embedded) < sum(lines for _, lines in margin) or \
        sum(size for size, _ in embedded) > sum(size for size, _ in margin)
    with zipfile.ZipFile(deck) as package:
        names = package.namelist()
        presentation = package.read("ppt/presentation.xml").decode("utf-8")
    assert "ppt/fonts/font1.fntdata" in names and "<p:embeddedFontLst>" in presentation


@pytest.mark.parametrize("form", ["eot-mtx", "corrupt"])
def test_an_unreadable_embedded_font_never_stops_a_build(tmp_path: Path, form: str) -> None:
    deck, texts, codes, problems = _build(tmp_path, form)
    assert deck.is_file() and texts
    assert not [c for c in codes if c.startswith("E")]
    assert [p.split(":")[0] for p in problems] == ["regular", "bold"]
