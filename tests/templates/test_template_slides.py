"""A template's example slides as the patterns of slide roles (``template_slides:``),
and the warning when a template's branding lives only on its example slides."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches

from generator.build import build
from generator.diagnostics import MakeDeckError
from generator.options import BuildOptions
from generator.template_report import template_facts

from .make_templates import (
    BRAND_SLIDE_TITLE,
    BRAND_WORDS,
    STAND_IN_WORDS,
    example_branding,
    text_box_cover,
)

OUTLINE = """\
title: Small session
theme: example-branding.pptx
{extra}sections:
  - title: Start
    minutes: 10
    slides:
      - title: One thing
        bullets: [A point]
      - title: Another thing
        bullets: [A second point]
      - title: Said well
        quote: Less, but better.
"""


def _build(tmp_path: Path, extra: str = "") -> tuple[Path, list[str]]:
    example_branding(tmp_path)
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE.format(extra=extra), encoding="utf-8")
    result = build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out"))
    codes = [d.code.value for d in result.diagnostics]
    return next((tmp_path / "out").glob("*.pptx")), codes


def _pictures(slide: object) -> list[object]:
    return [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]  # type: ignore[attr-defined]


@pytest.mark.parametrize("reference", ["1", f'"{BRAND_SLIDE_TITLE.upper()}"'])
def test_the_pattern_slides_branding_is_on_every_slide_of_its_role(
        tmp_path: Path, reference: str) -> None:
    deck, codes = _build(tmp_path, f"template_slides:\n  bullets: {reference}\n")
    assert "W-TEMPLATE-BRANDING" not in codes
    prs = Presentation(str(deck))
    bullets = [s for s in prs.slides if s.shapes.title.text in ("One thing", "Another thing")]
    assert len(bullets) == 2
    for slide in bullets:
        assert slide.slide_layout.name == "Title and Content"
        (picture,) = _pictures(slide)
        assert picture.image.size == (60, 30) and picture.image.content_type == "image/png"
        bands = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE]
        assert len(bands) == 1 and bands[0].fill.fore_color.rgb == (0x00, 0x5E, 0xB8)
        texts = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        assert BRAND_WORDS not in texts  # the example's words stay behind
        ids = [s.shape_id for s in slide.shapes]
        assert len(ids) == len(set(ids))
        # behind the slide's own text: the copies come first in drawing order
        assert slide.shapes[0].shape_type in (MSO_SHAPE_TYPE.PICTURE, MSO_SHAPE_TYPE.AUTO_SHAPE)
    others = [s for s in prs.slides if s not in bullets]
    assert others and all(not _pictures(s) for s in others)


def test_without_a_pattern_the_build_names_the_branding_it_leaves_out(tmp_path: Path) -> None:
    _, codes = _build(tmp_path)
    assert "W-TEMPLATE-BRANDING" in codes
    facts = template_facts(tmp_path / "example-branding.pptx")
    assert "2 example slide(s) (1, 2)" in facts["branding_lost"]
    assert [(s["number"], s["title"], s["branding"]) for s in facts["example_slides"]] == [
        (1, BRAND_SLIDE_TITLE, 2), (2, "Another example", 1)]
    assert facts["embedded"]  # what the PDFs embed for the fonts


def test_an_example_slide_the_template_lacks_is_an_error_on_its_line(tmp_path: Path) -> None:
    with pytest.raises(MakeDeckError) as exc:
        _build(tmp_path, "template_slides:\n  title: 7\n  bullets: No such slide\n")
    found = [d for d in exc.value.diagnostics if d.code.value == "E-TEMPLATE-SLIDE"]
    assert [(d.position.line, d.position.column) for d in found] == [(4, 10), (5, 12)]
    assert "“7”" in found[0].message and "it has 2" in found[0].message
    assert "No such slide" in found[1].message


def test_a_role_that_is_no_role_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(MakeDeckError) as exc:
        _build(tmp_path, "template_slides:\n  cover: 1\n")
    assert any(d.position and d.position.line == 4 for d in exc.value.diagnostics)


def test_a_cover_whose_title_is_a_text_box_gets_the_title_in_its_place(tmp_path: Path) -> None:
    text_box_cover(tmp_path)
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE.format(extra="").replace("example-branding", "text-box-cover")
                       .replace("title: Small session",
                                "title: Small session\nsubtitle: A short one"), "utf-8")
    result = build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out"))
    assert "W-TEMPLATE-ROLE" not in [d.code.value for d in result.diagnostics
                                     if "title slides" in d.message]
    prs = Presentation(str(next((tmp_path / "out").glob("*.pptx"))))
    cover = prs.slides[0]
    assert cover.shapes.title.text == "Small session"
    # where the template's "Title 1" box was, and its prompt words gone from the layout
    assert (cover.shapes.title.left, cover.shapes.title.top) == (Inches(1), Inches(2))
    drawn = [s.text_frame.text for s in cover.slide_layout.shapes if s.has_text_frame]
    assert not set(STAND_IN_WORDS) & set(drawn)
    texts = [s.text_frame.text for s in cover.shapes if s.has_text_frame]
    assert any("A short one" in t for t in texts)
