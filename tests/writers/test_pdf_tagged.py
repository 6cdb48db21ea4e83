"""The tagged reportlab paragraph: lines broken once per width, reused when asked again."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle

from generator.look.typefaces import choose_typeface
from generator.writers.pdf.style import register_typeface
from generator.writers.pdf.tagged import Paragraph

ARIMO = register_typeface(choose_typeface("Arial")).regular

TEXT = " ".join(["Co-creation means building the service with the people who use it."] * 6)


def _paragraph() -> Paragraph:
    return Paragraph(TEXT, ParagraphStyle("body", fontName=ARIMO, fontSize=11,
                                          leading=14))


def test_same_width_reuses_the_lines() -> None:
    paragraph = _paragraph()
    first = paragraph.wrap(200, 1000)
    lines = paragraph.blPara
    assert paragraph.wrap(200, 500) == first
    assert paragraph.blPara is lines


def test_another_width_breaks_again_and_matches_a_fresh_paragraph() -> None:
    paragraph = _paragraph()
    paragraph.wrap(200, 1000)
    wide = paragraph.wrap(400, 1000)
    assert wide == _paragraph().wrap(400, 1000)
    assert wide[1] < paragraph.wrap(200, 1000)[1]
    assert paragraph.height == _paragraph().wrap(200, 1000)[1]


def test_lines_taken_away_by_a_failed_split_are_broken_again() -> None:
    paragraph = _paragraph()
    paragraph.wrap(200, 1000)
    assert paragraph.split(200, 1) == []  # no room at all: reportlab drops the lines
    assert "blPara" not in paragraph.__dict__
    assert paragraph.wrap(200, 1000) == _paragraph().wrap(200, 1000)
    assert "blPara" in paragraph.__dict__
