"""A logo in the lower right corner of a two-content layout (as AWS Honolulu's has it)
keeps the right-hand column clear of it, although the left column runs down further:
columns are not grown back over a logo to match."""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Pt

from generator.build import build
from generator.options import BuildOptions
from tests.templates.make_templates import drop_scratch_slide

OUTLINE = """\
title: Columns
theme: column-logo.pptx
sections:
  - title: Part one
    slides:
      - title: Outsourcing or partnership?
        columns:
          - heading: Outsourcing
            bullets: [fixed scope agreed up front, one large supplier]
          - heading: Co-creation
            bullets: [shared goals, large and small partners]
"""

LOGO = (Pt(560), Pt(420), Pt(120), Pt(60))


def _column_logo(folder: Path) -> Path:
    """Save python-pptx's default with a logo shape at the foot of the right-hand
    column on its two-content layout."""
    prs = Presentation()
    scratch = prs.slides.add_slide(prs.slide_layouts[6])
    logo = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, *LOGO)
    prs.slide_layouts[3].shapes._spTree.append(deepcopy(logo._element))
    drop_scratch_slide(prs)
    path = folder / "column-logo.pptx"
    prs.save(str(path))
    return path


def test_the_right_column_stops_above_a_logo_in_its_corner(tmp_path: Path) -> None:
    _column_logo(tmp_path)
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    deck = build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out")).written[0]
    slide = next(s for s in Presentation(str(deck)).slides
                 if s.shapes.title.text_frame.text.startswith("Outsourcing"))
    right = next(s for s in slide.shapes if s.has_text_frame
                 and s.text_frame.text.startswith("Co-creation"))
    left = next(s for s in slide.shapes if s.has_text_frame
                and s.text_frame.text.startswith("Outsourcing") and s != slide.shapes.title)
    assert right.top + right.height <= LOGO[1], (right.top + right.height, LOGO[1])
    assert left.top + left.height > LOGO[1]  # the left column keeps its full height
