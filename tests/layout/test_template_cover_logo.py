"""A logo in the cover's top corner is never written over, whether it is a shape of its
own on the title layout or drawn inside the layout's full-slide picture (as DHSC's and
OHID's crests are): the organisation line sets beside it, or joins the details under
the title."""

from __future__ import annotations

import io
from copy import deepcopy
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Pt

from generator.build import build
from generator.options import BuildOptions
from tests.templates.make_templates import drop_scratch_slide

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


def _logo_cover(folder: Path, in_picture: bool) -> Path:
    """Save python-pptx's default with a small logo on its title layout: a rectangle
    shape, or (``in_picture``) a dark patch inside a white full-slide picture. Both are
    drawn on a scratch slide, moved to the layout, and the slide dropped."""
    prs = Presentation()
    layout = prs.slide_layouts[0]
    scratch = prs.slides.add_slide(prs.slide_layouts[6])
    if in_picture:
        width, height = int(prs.slide_width.pt), int(prs.slide_height.pt)
        left, top, w, h = (int(v.pt) for v in LOGO)
        picture = Image.new("RGB", (width, height), "white")
        ImageDraw.Draw(picture).rectangle((left, top, left + w, top + h), fill=(0, 48, 135))
        stream = io.BytesIO()
        picture.save(stream, format="PNG")
        stream.seek(0)
        shape = scratch.shapes.add_picture(stream, 0, 0, prs.slide_width, prs.slide_height)
        image = scratch.part.related_part(shape._element.blipFill.blip.rEmbed)
        element = deepcopy(shape._element)
        element.blipFill.blip.rEmbed = layout.part.relate_to(image, RT.IMAGE)
        layout.shapes._spTree.insert(2, element)  # behind the placeholders
    else:
        shape = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, *LOGO)
        layout.shapes._spTree.append(deepcopy(shape._element))
    drop_scratch_slide(prs)
    path = folder / "logo-cover.pptx"
    prs.save(str(path))
    return path


@pytest.mark.parametrize("in_picture", [False, True], ids=["shape", "in-picture"])
def test_the_organisation_line_is_not_written_over_a_cover_logo(
        tmp_path: Path, in_picture: bool) -> None:
    _logo_cover(tmp_path, in_picture)
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
