"""A template's short subtitle box and a break layout with two short bodies still take
the title slide's details and the break's "Back at" time (as CDC's, UFRJ's and DHSC's
templates have them)."""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

from pptx import Presentation
from pptx.util import Pt

from generator.build import build
from generator.options import BuildOptions

OUTLINE = """\
title: Change at pace
subtitle: Keeping up, co-creating and shifting culture
event: Digital leadership away day
date: 2026-12-03
venue: Room 4, 2 Marsham Street
organisation: Example Department
start: "09:30"
theme: short-boxes.pptx
sections:
  - title: Part one
    minutes: 10
    slides:
      - title: A slide
        bullets: [A point]
  - break: Coffee
    minutes: 15
"""


def _short_boxes(folder: Path) -> Path:
    """Save python-pptx's default with a 60 pt tall subtitle box on its title layout and
    a "Break" layout whose two bodies are 30 pt tall, one above the other."""
    prs = Presentation()
    title_layout = prs.slide_layouts[0]
    for shape in title_layout.placeholders:
        if shape.placeholder_format.type is not None and shape.placeholder_format.idx == 1:
            shape.height = Pt(60)
    breaks = prs.slide_layouts[1]
    breaks.name = "Break"
    for shape in list(breaks.placeholders):
        if shape.placeholder_format.idx == 1:
            shape.top, shape.height = Pt(200), Pt(30)
            copy = deepcopy(shape._element)
            copy.xpath(".//p:ph")[0].set("idx", "13")
            copy.xpath(".//a:off")[0].set("y", str(Pt(250)))
            shape._element.getparent().append(copy)
    path = folder / "short-boxes.pptx"
    prs.save(str(path))
    return path


def test_short_template_boxes_still_take_the_title_details_and_the_break_time(tmp_path):
    _short_boxes(tmp_path)
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    result = build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out"))
    deck = Presentation(str(result.written[0]))
    first = " ".join(s.text_frame.text for s in deck.slides[0].shapes if s.has_text_frame)
    assert "Keeping up, co-creating" in first and "Digital leadership away day" in first
    texts = [" ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
             for slide in deck.slides]
    assert any("Back at 09:55" in text for text in texts), texts


def _short_section_body(folder: Path) -> Path:
    """Save python-pptx's default with its section header's body (where a break's
    "Back at" goes) 130 pt tall and right above the title, so the time's size is set by
    the box's height."""
    prs = Presentation()
    section = prs.slide_layouts[2]
    title = next(s for s in section.placeholders if s.placeholder_format.idx == 0)
    for shape in section.placeholders:
        if shape.placeholder_format.idx == 1:
            shape.left, shape.width = Pt(18), Pt(684)
            shape.top, shape.height = title.top - Pt(132), Pt(130)
    path = folder / "short-boxes.pptx"
    prs.save(str(path))
    return path


def test_libreoffice_draws_a_height_bound_back_at_time_inside_its_box(tmp_path):
    """Calibri (drawn as Carlito) rises 1.22 em from its descent to its ascent: set in a
    short box at the largest size that fits, "Back at" must still be drawn inside it."""
    from roundtrip import characters_outside, find_soffice, to_pdf
    from system_tools import need_font

    soffice = find_soffice()
    need_font("Carlito")
    _short_section_body(tmp_path)
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    deck = build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out")).written[0]
    back = [shape for slide in Presentation(str(deck)).slides for shape in slide.shapes
            if shape.has_text_frame and "Back at" in shape.text_frame.text]
    assert back and back[0].height < Pt(130)  # the short box, not one grown under it
    counted, outside = characters_outside(deck, to_pdf(soffice, deck, tmp_path / "pdf"))
    assert counted > 20
    assert outside == [], outside
