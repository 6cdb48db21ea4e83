"""A template's closing layout with a short body under its title (as HKUST's has it)
still takes the facilitators, the organisation and the contact: the last two share a
line before the build gives up."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Pt

from generator.build import build
from generator.options import BuildOptions

OUTLINE = """\
title: Change at pace
facilitators: [Alex Example, Sam Example]
organisation: Example Department
contact: alex.example@example.gov.uk
source: Based on a talk at a conference
theme: short-closing.pptx
sections:
  - title: Part one
    slides:
      - title: A slide
        bullets: [A point]
"""


def _short_closing(folder: Path, body_height: float) -> Path:
    """Save python-pptx's default with its two-content layout made a custom "Closing" one:
    a title, then a body ``body_height`` pt tall and a credit body right under it."""
    prs = Presentation()
    closing = prs.slide_layouts[3]
    closing.name = "Closing"
    closing._element.attrib.pop("type")  # a custom layout, as most closing layouts are
    for shape in closing.placeholders:
        idx = shape.placeholder_format.idx
        if idx == 0:
            shape.left, shape.width, shape.top, shape.height = Pt(54), Pt(612), Pt(120), Pt(200)
        elif idx in (1, 2):
            top = 330 if idx == 1 else 330 + body_height + 4
            shape.left, shape.width = Pt(54), Pt(612)
            shape.top, shape.height = Pt(top), Pt(body_height if idx == 1 else 60)
    path = folder / "short-closing.pptx"
    prs.save(str(path))
    return path


@pytest.mark.parametrize(("height", "lines"), [(120, 3), (60, 2)])
def test_a_short_closing_body_puts_organisation_and_contact_on_one_line(
        tmp_path: Path, height: float, lines: int) -> None:
    _short_closing(tmp_path, height)
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    result = build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out"))
    closing = Presentation(str(result.written[0])).slides[-1]
    people = next(s for s in closing.shapes if s.has_text_frame
                  and "Alex Example" in s.text_frame.text)
    paragraphs = [p.text for p in people.text_frame.paragraphs]
    assert len(paragraphs) == lines, paragraphs
    assert "Example Department" in people.text_frame.text
    assert "alex.example@example.gov.uk" in people.text_frame.text
    if lines == 2:
        assert paragraphs[1] == "Example Department · alex.example@example.gov.uk"
    links = [r.hyperlink.address for p in people.text_frame.paragraphs for r in p.runs
             if r.hyperlink.address]
    assert links == ["mailto:alex.example@example.gov.uk"]
