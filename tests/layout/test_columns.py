"""Columns that narrow to their text rather than wrap word by word."""

from __future__ import annotations

from generator.layout.columns import MIN_GUTTER, content_boxes
from generator.layout.compose import single_word_lines
from generator.layout.fitting import fit_exact
from generator.layout.geometry import Box
from generator.layout.text import Paragraph, TextStyle


def _group(*items: str) -> list[Paragraph]:
    return [Paragraph.from_markup(item, 0, True) for item in items]


def test_a_short_column_gives_its_width_to_a_long_one() -> None:
    groups = [_group("Go", "Stop"), _group("Share platforms across departments")]
    boxes = [Box(0, 0, 200, 300), Box(228.8, 0, 200, 300)]
    even = fit_exact(groups[1], boxes[1], 28, TextStyle())
    assert single_word_lines(even)  # the template's even split wraps word by word
    found = content_boxes(groups, boxes, 28)
    assert found is not None
    left, right = found
    assert left.w < right.w and left.x == 0 and abs(right.right - boxes[1].right) < 1e-6
    assert right.x - left.right >= MIN_GUTTER - 1e-6
    assert not single_word_lines(fit_exact(groups[1], right, 28, TextStyle()))


def test_columns_that_need_more_than_the_row_are_left_alone() -> None:
    wide = _group("Share platforms across departments")
    assert content_boxes([wide, wide], [Box(0, 0, 120, 300), Box(140, 0, 120, 300)], 28) is None
