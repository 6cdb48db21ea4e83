"""A logo in the cover's top corner (a picture on the title layout, as many department
templates have it) is never written over: the organisation line sets beside it, or
joins the details under the title."""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Pt

from generator.build import build
from generator.options import BuildOptions

OUTLINE = """\
title: Change at pace
subtitle: Keeping up, co-creating and shifting culture
event: Digital leadership away day
organisation: Example Department
theme: logo-cover.pptx
sections:
  - title: Part one
    slides:
      - title: A slide
        bullets: [A point]
"""

LOGO = (Pt(54), Pt(70), Pt(120), Pt(60))
"""Left, top, width and height of the logo: above the title, at its left edge."""


def _logo_cover(folder: Path) -> Path:
    """Save python-pptx's default with a small logo shape on its title layout (drawn on
    a scratch slide, moved to the layout, the slide dropped)."""
    prs = Presentation()
    scratch = prs.slides.add_slide(prs.slide_layouts[6])
    logo = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, *LOGO)
    prs.slide_layouts[0].shapes._spTree.append(deepcopy(logo._element))
    prs.part.drop_rel(prs.slides._sldIdLst[0].rId)
    prs.slides._sldIdLst.remove(prs.slides._sldIdLst[0])
    path = folder / "logo-cover.pptx"
    prs.save(str(path))
    return path


def test_the_organisation_line_is_not_written_over_a_cover_logo(tmp_path: Path) -> None:
    _logo_cover(tmp_path)
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    deck = build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out")).written[0]
    cover = Presentation(str(deck)).slides[0]
    left, top, width, height = LOGO
    holders = [s for s in cover.shapes if s.has_text_frame
               and "Example Department" in s.text_frame.text]
    assert holders, "the organisation is not on the cover"
    for shape in holders:
        apart = (shape.left >= left + width or shape.left + shape.width <= left
                 or shape.top >= top + height or shape.top + shape.height <= top)
        assert apart, (shape.left, shape.top, shape.width, shape.height)
