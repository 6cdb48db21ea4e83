"""How two boxes overlap: across, down, and both."""

from __future__ import annotations

from generator.layout.geometry import Box


def test_boxes_overlap_only_by_more_than_the_margin_both_ways() -> None:
    body, logo = Box(100, 100, 400, 300), Box(450, 350, 100, 80)
    assert body.across(logo) == 50 and body.down(logo) == 50
    assert body.overlaps(logo) and body.overlaps(logo, 49)
    assert not body.overlaps(logo, 50)


def test_boxes_side_by_side_or_one_under_another_do_not_overlap() -> None:
    left, right, under = Box(0, 0, 100, 100), Box(110, 0, 100, 100), Box(0, 100, 100, 40)
    assert left.across(right) == -10 and not left.overlaps(right)
    assert left.down(under) == 0 and not left.overlaps(under)
    assert left.across(under) == 100  # one under another: they overlap across only
