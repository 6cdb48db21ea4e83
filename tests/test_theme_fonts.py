"""The width margin covers the wider of a theme's body and heading fonts."""

from __future__ import annotations

from dataclasses import replace

from generator.look.theme import DEFAULT_THEME, FONT_WIDTH_FACTORS, UNKNOWN_FONT_FACTOR


def test_heading_font_wider_than_body_font_sets_the_margin():
    theme = replace(DEFAULT_THEME, font_family="Calibri", heading_font_family="Verdana")
    assert theme.font_width_factor == FONT_WIDTH_FACTORS["verdana"] > 1.0


def test_unknown_heading_font_gets_the_unknown_margin():
    theme = replace(DEFAULT_THEME, font_family="Arial", heading_font_family="Fancy Display")
    assert theme.font_width_factor == UNKNOWN_FONT_FACTOR


def test_without_a_heading_font_the_body_font_decides():
    assert DEFAULT_THEME.font_width_factor == 1.0
