"""The theme make-deck takes from an organisation's template: the colours its own
panels are filled with stay readable in the template's text colour."""

from __future__ import annotations

from generator.look.colours import contrast_ratio
from generator.look.template import surface_colour

FALLBACK = "F3F2F1"


def test_a_light_second_light_colour_fills_the_quote_panels() -> None:
    colours = {"dk1": "000000", "lt1": "FFFFFF", "lt2": "E7E6E6"}
    assert surface_colour(colours, FALLBACK, 4.5) == "E7E6E6"


def test_a_dark_second_light_colour_gives_a_pale_tint_of_it() -> None:
    # a ministry's template puts its navy in lt2: black text on navy is unreadable
    colours = {"dk1": "000000", "lt1": "FFFFFF", "lt2": "000091"}
    surface = surface_colour(colours, FALLBACK, 4.5)
    assert surface not in ("000091", FALLBACK)
    assert contrast_ratio("000000", surface) >= 4.5
    assert contrast_ratio("FFFFFF", surface) < 1.5  # pale, next to the page


def test_without_a_second_light_colour_the_default_panel() -> None:
    assert surface_colour({"dk1": "000000"}, FALLBACK, 4.5) == FALLBACK
