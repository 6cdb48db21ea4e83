"""The words every output shares for lengths, time ranges and breaks."""

from __future__ import annotations

import pytest

from generator.wording import break_name, minutes, time_range


def test_minutes_are_spelled_out() -> None:
    assert minutes(1) == "1 minute"
    assert minutes(15) == "15 minutes"


def test_a_time_range_has_an_en_dash_or_is_empty() -> None:
    assert time_range("09:30", "09:55") == "09:30–09:55"
    assert time_range(None, "09:55") == ""


@pytest.mark.parametrize(("name", "said"), [
    ("Coffee", "Coffee break"), ("Lunch break", "Lunch break"), ("Break", "Break"),
    (" Tea ", "Tea break"), ("Breakfast", "Breakfast break"),
])
def test_a_break_is_named_as_a_break(name: str, said: str) -> None:
    assert break_name(name) == said
