"""Bullets spread over slides: a continuation slide never opens on a sub-bullet whose
parent is left on the slide before."""

from __future__ import annotations

from generator.layout.fitting import SizeRange, bullet_paragraphs, split_over_slides
from generator.layout.geometry import Box
from generator.layout.text import TextStyle
from generator.model import Bullet

STYLE = TextStyle()


def _bullets() -> list[Bullet]:
    return [Bullet(text=f"Point {n} about the work we do") for n in range(1, 4)] + [
        Bullet.model_validate({"text": "Three places to look", "children": [
            {"text": "deploying code"}, {"text": "procurement"}, {"text": "hiring people"}]}),
        Bullet(text="Ask where more rigour would make each faster")]


def test_a_parent_moves_on_with_its_sub_bullets() -> None:
    paragraphs = bullet_paragraphs(_bullets())
    for height in range(222, 336, 6):  # wherever the slide breaks, with room for the group
        chunks = split_over_slides(paragraphs, Box(0, 0, 400, height),
                                   SizeRange(24, 24, 24), STYLE, "bullets")
        for chunk in chunks[1:]:
            assert chunk.paragraphs[0].paragraph.level == 0, (
                height, [p.paragraph.text for p in chunk.paragraphs])
        texts = [p.paragraph.text for c in chunks for p in c.paragraphs]
        assert texts == [p.text for p in paragraphs]  # nothing lost or reordered
