"""Text in a family the template embeds, and this machine lacks, is measured with the
embedded faces: widths and line breaks are the real font's, not the margin's."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from generator.layout import fontconfig, measure
from generator.layout.fonts import metrics
from generator.layout.linebreak import break_lines, prepare
from generator.layout.measure import measured_families, measuring, resolve
from generator.look.template import read_template
from generator.markup import Span
from tests.templates.font_templates import FAMILY, embedding_template, have_font, source_font

pytestmark = pytest.mark.skipif(not have_font(), reason="needs Carlito and fontconfig")

TEXT = ("Participants agree the workshop's scope, name who decides what, and leave "
        "with a plan of three steps they can start on Monday morning")


@pytest.fixture(autouse=True)
def _fresh(fresh_cache: Path) -> None:
    """Forget what earlier tests resolved, in an empty font cache."""
    measure.resolve.cache_clear()
    measure.face_metrics.cache_clear()
    fontconfig.match.cache_clear()


def carlito_width(text: str, bold: bool = False) -> float:
    """Return the width of ``text`` in ems in the installed Carlito, read with fontTools."""
    path = source_font(bold)
    assert path is not None
    font = TTFont(str(path))
    cmap, hmtx, upem = font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm
    return sum(hmtx[cmap[ord(c)]][0] for c in text) / upem


def measured(families: tuple[object, ...], bold: bool = False) -> tuple[float, int]:
    """Return TEXT's width in ems and its line count at 20 ems, measured for ``families``."""
    with measuring(families):  # type: ignore[arg-type]
        prepared = prepare((Span(TEXT, bold=bold),))
        return prepared.em_width(0, len(TEXT)), len(break_lines(prepared, 20.0))


@pytest.mark.parametrize("form", ["raw", "eot", "eot-xor", "obfuscated"])
def test_text_is_measured_with_the_embedded_font(tmp_path: Path, form: str) -> None:
    found = fontconfig.match(FAMILY, False, False)  # only the template has the font
    assert (found is None or FAMILY not in found.families) and resolve(FAMILY).how == "margin"
    theme = read_template(embedding_template(tmp_path, form, bold=True)).theme
    families = measured_families(theme.font_family, embedded=theme.embedded_fonts)
    width, lines = measured(families)
    bold_width, _ = measured(families, bold=True)
    margin_width, margin_lines = measured(measured_families(FAMILY))
    assert width == pytest.approx(carlito_width(TEXT))
    assert bold_width == pytest.approx(carlito_width(TEXT, bold=True))
    assert width < margin_width * 0.9 and lines < margin_lines
    how = resolve(FAMILY, theme.embedded_fonts[0])
    assert how.how == "exact" and how.embedded
    assert "measured exactly, embedded in the template" in how.note


def test_a_style_not_embedded_keeps_the_margin(tmp_path: Path) -> None:
    theme = read_template(embedding_template(tmp_path, "raw")).theme  # regular only
    families = measured_families(theme.font_family, embedded=theme.embedded_fonts)
    with measuring(families):
        italic = metrics(False, True).em_width(TEXT)
    with measuring(measured_families(FAMILY)):
        assert italic == pytest.approx(metrics(False, True).em_width(TEXT))
    assert "bold, italic, bold italic with a margin" in resolve(
        FAMILY, theme.embedded_fonts[0]).note


@pytest.mark.parametrize("form", ["eot-mtx", "corrupt"])
def test_an_unreadable_embedded_font_falls_back_to_the_margin(tmp_path: Path,
                                                              form: str) -> None:
    theme = read_template(embedding_template(tmp_path, form)).theme
    families = measured_families(theme.font_family, embedded=theme.embedded_fonts)
    assert families == (FAMILY,)
    assert measured(families) == measured(measured_families(FAMILY))
    how = resolve(FAMILY, theme.embedded_fonts[0])
    assert how.how == "margin" and not how.embedded
    assert "the template embeds it, unread here (regular: " in how.note


def test_a_character_the_embedded_subset_lacks_keeps_the_margin(tmp_path: Path) -> None:
    theme = read_template(embedding_template(tmp_path, "raw")).theme
    families = measured_families(theme.font_family, embedded=theme.embedded_fonts)
    heta = "\u0370"  # Greek capital heta: in Arimo, not in Carlito
    with measuring(families):
        embedded = metrics(False, False).advance_em(heta)
    with measuring(("Arial",)):
        arial = metrics(False, False).advance_em(heta)
    assert embedded == pytest.approx(arial * resolve(FAMILY).margin)


def test_titles_are_measured_in_the_font_the_layouts_set_them_in(tmp_path: Path) -> None:
    from tests.templates.font_templates import layouts_embedding_template

    theme = read_template(layouts_embedding_template(tmp_path)).theme
    assert theme.font_family == "Arial" and theme.layout_heading_fonts == (FAMILY,)
    assert theme.heading_families == ("Arial", FAMILY) and theme.text_families == ("Arial",)
    with measuring(measured_families(*theme.heading_families, embedded=theme.embedded_fonts)):
        title = metrics(True, False).em_width(TEXT)
    with measuring(measured_families("Arial")):
        arial = metrics(True, False).em_width(TEXT)
    # per character the wider of Arial (the theme's) and the embedded font the layouts use
    assert title >= arial and title < arial * 1.05
    with measuring(measured_families(*theme.text_families, embedded=theme.embedded_fonts)):
        assert metrics(True, False).em_width(TEXT) == arial
