"""Text make-deck sets keeps clear of the artwork a template draws itself: a seal
across the cover, arrows inside a full-slide freeform, a label above a corner logo."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from generator.build import build
from generator.layout.geometry import Box
from generator.look.template import read_template
from generator.options import BuildOptions

from .artwork_templates import (
    ARROWS,
    LABEL,
    LOGO,
    SEAL,
    freeform_arrows,
    labelled_logo,
    seal_cover,
)

OUTLINE = """\
title: Small session
subtitle: Keeping up with change
event: Away day
date: 2026-12-03
venue: Room 4
organisation: Example Department
facilitators: [Alex Example]
source: Based on a talk by Sam Example at the Spring Conference in the Town Hall
theme: {theme}
sections:
  - title: Start
    minutes: 10
    slides:
      - title: One thing
        bullets: [A point, Another point]
"""


def _slides(tmp_path: Path, template: Path) -> list[object]:
    """Return the built deck's slides, the outline built against ``template``."""
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE.format(theme=template.name), encoding="utf-8")
    result = build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out"))
    assert not [d for d in result.diagnostics if d.code.value.startswith("E")]
    return list(Presentation(str(next((tmp_path / "out").glob("*.pptx")))).slides)


def _box(shape: object) -> Box:
    return Box(shape.left / 12700, shape.top / 12700,  # type: ignore[attr-defined]
               shape.width / 12700, shape.height / 12700)  # type: ignore[attr-defined]


def _overlap(a: Box, b: Box) -> bool:
    return min(a.right, b.right) - max(a.x, b.x) > 1 and \
        min(a.bottom, b.bottom) - max(a.y, b.y) > 1


def _holding(slide: object, words: str) -> Box:
    """Return the box of the one shape on ``slide`` whose text holds ``words``."""
    found = [s for s in slide.shapes  # type: ignore[attr-defined]
             if s.has_text_frame and words in s.text_frame.text]
    assert len(found) == 1, [s.name for s in found]
    return _box(found[0])


def test_a_covers_subtitle_and_details_go_round_the_seal_across_its_body(
        tmp_path: Path) -> None:
    cover = _slides(tmp_path, seal_cover(tmp_path))[0]
    for words in ("Keeping up with change", "Away day", "Example Department"):
        box = _holding(cover, words)
        assert not _overlap(box, SEAL), (words, box)
        assert box.y >= 160 - 1 and box.bottom <= 540


def test_arrows_inside_a_full_slide_freeform_are_artwork_the_body_keeps_clear_of(
        tmp_path: Path) -> None:
    info = read_template(freeform_arrows(tmp_path))
    layout = info.geometry.roles["bullets"]
    assert layout.artwork and all(_overlap(b, ARROWS) for b in layout.artwork)  # no frame
    body = layout.bodies()[0].box
    assert not _overlap(body, ARROWS)
    assert body.h > 300 and body.w > 648 / 2  # narrowed beside the arrows, still roomy


def test_the_closing_credit_keeps_clear_of_a_label_above_the_corner_logo(
        tmp_path: Path) -> None:
    closing = _slides(tmp_path, labelled_logo(tmp_path))[-1]
    credit = _holding(closing, "Spring Conference")
    assert not _overlap(credit, LABEL) and not _overlap(credit, LOGO), credit
