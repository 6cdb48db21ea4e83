"""Pictures stay readable on an organisation's template: a layout that leaves a
picture too little room (under `picture_room.MIN_WIDTH_SHARE` of the slide's width
or `MIN_HEIGHT_SHARE` of its height) gives way to the Title Only layout, or the
content layout's body area, with a warning at the picture slide's line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from generator.build import build
from generator.layout.picture_room import MIN_HEIGHT_SHARE, MIN_WIDTH_SHARE
from generator.options import BuildOptions

from .make_templates import tiny_picture

ROOT = Path(__file__).resolve().parents[2]
OUTLINE = """\
title: Small session
theme: tiny-picture.pptx
{extra}sections:
  - title: Start
    minutes: 10
    slides:
      - title: One thing
        bullets: [A point]
      - title: The room
        image: room.png
        alt: A workshop room with tables in groups
"""


def _build(tmp_path: Path, extra: str, title_only: bool):
    tiny_picture(tmp_path, title_only=title_only)
    shutil.copy(ROOT / "images" / "workshop-room.png", tmp_path / "room.png")
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE.format(extra=extra), encoding="utf-8")
    result = build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out"))
    prs = Presentation(str(next((tmp_path / "out").glob("*.pptx"))))
    return prs, result.diagnostics


def _picture_slide(prs: object) -> object:
    return next(s for s in prs.slides  # type: ignore[attr-defined]
                if s.shapes.title is not None and s.shapes.title.text == "The room")


@pytest.mark.parametrize(("title_only", "layout"), [(True, "Title Only"),
                                                     (False, "Title and Content")])
def test_a_picture_layout_with_little_room_gives_way_with_a_warning(
        tmp_path: Path, title_only: bool, layout: str) -> None:
    prs, diagnostics = _build(tmp_path, "layouts:\n  image: Picture with Caption\n", title_only)
    slide = _picture_slide(prs)
    assert slide.slide_layout.name == layout
    picture = next(s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE)
    assert picture.width >= prs.slide_width * MIN_WIDTH_SHARE or \
        picture.height >= prs.slide_height * MIN_HEIGHT_SHARE
    assert picture.height >= prs.slide_height * 0.3  # a landscape photo: tall enough too
    warned = [d for d in diagnostics if d.code == "W-TEMPLATE-PICTURE"]
    assert len(warned) == 1
    assert warned[0].position is not None and warned[0].position.line == 11
    assert "Picture with Caption" in warned[0].message and layout in warned[0].message
    assert "layouts:" in (warned[0].hint or "")
    assert not [s for s in slide.placeholders if s.placeholder_format.type is not None
                and "BODY" in str(s.placeholder_format.type)]  # no empty body box left


def test_a_layout_with_room_for_pictures_is_kept_without_a_warning(tmp_path: Path) -> None:
    prs, diagnostics = _build(tmp_path, "", True)
    assert _picture_slide(prs).slide_layout.name == "Title Only"
    assert "W-TEMPLATE-PICTURE" not in [d.code for d in diagnostics]
