"""The words the deck composes from the catalogues: breaks said as breaks, time ranges."""

from __future__ import annotations

import pytest

from generator.markup import halves, plain_text
from generator.wording import break_name, time_range
from generator.words import together, words_for

ENGLISH = words_for("en-GB")
WELSH = words_for("cy-GB")


def test_a_time_range_has_an_en_dash_or_is_empty() -> None:
    assert time_range("09:30", "09:55", ENGLISH) == "09:30–09:55"
    assert time_range(None, "09:55", ENGLISH) == ""
    assert time_range("09:30", "09:55", WELSH) == "09:30–09:55"


@pytest.mark.parametrize(("name", "said"), [
    ("Coffee", "Coffee break"), ("Lunch break", "Lunch break"), ("Break", "Break"),
    (" Tea ", "Tea break"),
])
def test_a_break_is_named_as_a_break(name: str, said: str) -> None:
    assert break_name(name, ENGLISH) == said


def test_a_welsh_break_is_named_in_welsh() -> None:
    assert break_name("Coffi", WELSH) == "Coffi (egwyl)"
    assert break_name("Egwyl ginio", WELSH) == "Egwyl ginio"


def test_a_bilingual_break_names_each_language_its_own_way() -> None:
    words = together("en-GB", "cy-GB")
    name = words("Coffee")  # not a catalogue word: the same text in both languages
    assert plain_text(break_name(name, words)) == "Coffee break\nCoffee (egwyl)"
    found = halves(break_name("Coffee", words))
    assert found is not None
    assert [text for _tag, text in found] == ["Coffee break", "Coffee (egwyl)"]
