"""Links on an organisation's template whose own hyperlink colour is unreadable on
its slides: set in a readable colour of the template's, which PowerPoint honours."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from generator.build import build
from generator.options import BuildOptions
from generator.writers.pptx.text import HYPERLINK_COLOUR_EXT

from .make_templates import _restyle_theme

OUTLINE = """\
title: Small session
theme: pale-links.pptx
sections:
  - title: Start
    minutes: 10
    slides:
      - title: Read more
        bullets:
          - "See the manual first: https://www.gov.uk/service-manual"
"""
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def test_an_unreadable_hyperlink_colour_is_replaced_by_a_readable_one(tmp_path: Path) -> None:
    prs = Presentation()
    _restyle_theme(prs, "Arial", {"hlink": "FFF200"}, "Pale links")  # yellow on white
    prs.save(str(tmp_path / "pale-links.pptx"))
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    result = build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out"))
    assert "A11Y-CONTRAST" not in [d.code.value for d in result.diagnostics]
    deck = Presentation(str(next((tmp_path / "out").glob("*.pptx"))))
    slide = next(s for s in deck.slides if s.shapes.title.text == "Read more")
    links = [r for shape in slide.shapes if shape.has_text_frame
             for p in shape.text_frame.paragraphs for r in p.runs if r.hyperlink.address]
    assert [r.text for r in links] == ["https://www.gov.uk/service-manual"]
    props = links[0]._r.rPr
    assert props.find(f"{A}solidFill/{A}schemeClr").get("val") == "tx1"
    assert props.find(f"{A}hlinkClick/{A}extLst/{A}ext").get("uri") == HYPERLINK_COLOUR_EXT
    plain = [r for shape in slide.shapes if shape.has_text_frame
             for p in shape.text_frame.paragraphs for r in p.runs if not r.hyperlink.address]
    assert plain and all(r._r.rPr.find(f"{A}hlinkClick") is None for r in plain)


def test_a_readable_hyperlink_colour_is_left_to_the_template(tmp_path: Path) -> None:
    prs = Presentation()
    _restyle_theme(prs, "Arial", {"hlink": "1D70B8"}, "Blue links")
    prs.save(str(tmp_path / "pale-links.pptx"))
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out"))
    deck = Presentation(str(next((tmp_path / "out").glob("*.pptx"))))
    slide = next(s for s in deck.slides if s.shapes.title.text == "Read more")
    (link,) = [r for shape in slide.shapes if shape.has_text_frame
               for p in shape.text_frame.paragraphs for r in p.runs if r.hyperlink.address]
    assert link._r.rPr.find(f"{A}solidFill") is None
