"""A body kept clear of artwork or a logo in its lower corner takes its full size where
its text ends above that thing, and its clipped box where the text would reach it:
bullets, a one-slide activity (its foot line beside the logo) and columns."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from generator.build import build
from generator.layout.geometry import Box
from generator.options import BuildOptions

from .artwork_templates import ARROWS, LOGO, freeform_arrows, labelled_logo

LONG = "A longer point that takes most of a line across the slide's body box"
OUTLINE = """\
title: Corner
theme: {theme}
sections:
  - title: Start
    slides:
      - title: Short
        bullets: [A point, Another point]
      - title: Long
        bullets: [{long}]
      - activity:
          title: Quick sort
          minutes: 10
          format: pairs
          materials: [cards, pens]
          steps: [Sort the cards into three piles., Compare piles with a partner.]
          prompts: [Which pile is largest?, What surprised you?]
      - title: Side by side
        columns:
          - bullets: [one, two]
          - bullets: [three, four]
      - title: Tall columns
        columns:
          - bullets: [one, two]
          - bullets: [{long_column}]
"""


def _deck(tmp_path: Path, template: Path) -> list[object]:
    """Return the slides of the outline built against ``template``."""
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE.format(theme=template.name, long=", ".join([LONG] * 9),
                                      long_column=", ".join(["a point in a column"] * 9)),
                       encoding="utf-8")
    result = build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out"))
    assert not [d for d in result.diagnostics if d.code.value.startswith("E")]
    return list(Presentation(str(next((tmp_path / "out").glob("*.pptx")))).slides)


def _titled(slides: list[object], title: str) -> list[object]:
    return [s for s in slides if s.shapes.title is not None  # type: ignore[attr-defined]
            and s.shapes.title.text_frame.text.startswith(title)]  # type: ignore[attr-defined]


def _texts(slide: object) -> dict[str, Box]:
    """Return the box of each text shape on ``slide`` but its title and number, by its
    first words."""
    return {s.text_frame.text[:12]: Box(s.left / 12700, s.top / 12700, s.width / 12700,
                                        s.height / 12700)
            for s in slide.shapes  # type: ignore[attr-defined]
            if s.has_text_frame and s.text_frame.text.strip()
            and not s.name.startswith("Slide Number")
            and s != slide.shapes.title}  # type: ignore[attr-defined]


def _overlap(a: Box, b: Box) -> bool:
    return min(a.right, b.right) - max(a.x, b.x) > 1 and \
        min(a.bottom, b.bottom) - max(a.y, b.y) > 1


def test_short_bullets_take_the_full_width_beside_corner_arrows_long_ones_keep_clear(
        tmp_path: Path) -> None:
    slides = _deck(tmp_path, freeform_arrows(tmp_path))
    short = _texts(_titled(slides, "Short")[0])["A point\nAnot"]
    assert short.right > ARROWS.x + 40, short  # the full width: its text ends far above
    assert not _overlap(short, ARROWS), short  # and its box ends above them too
    for slide in _titled(slides, "Long"):  # nine long points reach down to the arrows
        for box in _texts(slide).values():
            assert not _overlap(box, ARROWS), box


def test_a_short_activity_is_set_at_full_width_its_foot_line_beside_the_arrows(
        tmp_path: Path) -> None:
    slides = _deck(tmp_path, freeform_arrows(tmp_path))
    activity = _titled(slides, "Quick sort")
    assert len(activity) == 1
    texts = _texts(activity[0])
    prompts = next(b for words, b in texts.items() if words.startswith("Think about"))
    needs = next(b for words, b in texts.items() if words.startswith("You need"))
    assert prompts.right > ARROWS.x + 40, prompts
    assert not any(_overlap(box, ARROWS) for box in texts.values()), texts
    assert needs.bottom > ARROWS.y and not _overlap(needs, ARROWS), needs


def test_an_activity_above_a_corner_logo_takes_the_room_down_to_the_slides_foot(
        tmp_path: Path) -> None:
    slides = _deck(tmp_path, labelled_logo(tmp_path))
    activity = _titled(slides, "Quick sort")
    texts = _texts(activity[0])
    needs = next(b for words, b in texts.items() if words.startswith("You need"))
    assert needs.bottom > LOGO.y, needs  # under the steps, beside the logo, not above it
    for box in texts.values():
        assert not _overlap(box, LOGO), box


def test_a_column_beside_corner_arrows_takes_its_full_width_where_its_text_ends_above(
        tmp_path: Path) -> None:
    template = freeform_arrows(tmp_path, layouts=("Title and Content", "Two Content"))
    slides = _deck(tmp_path, template)
    short = _texts(_titled(slides, "Side by side")[0])["three\nfour"]
    assert short.right > ARROWS.x + 40, short
    assert not _overlap(short, ARROWS), short
    long = _texts(_titled(slides, "Tall columns")[0])
    assert long and not any(_overlap(box, ARROWS) for box in long.values()), long
