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
