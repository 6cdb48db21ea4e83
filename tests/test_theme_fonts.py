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


def test_a_monospaced_family_gets_a_margin_its_lines_need():
    # every character of Consolas or Lucida Console takes 0.55 to 0.6 em; measured with
    # Arial's widths, a line of the default outline runs up to about 1.45 times as wide
    from generator.layout.fonts import metrics

    theme = replace(DEFAULT_THEME, font_family="Consolas", heading_font_family="Lucida Console")
    arial = metrics(False, False)
    lines = ["Skills stay in the organisation", "Success means meeting the contract",
             "Fixed scope agreed up front"]
    widest = max(0.6 * len(line) / arial.em_width(line) for line in lines)
    assert UNKNOWN_FONT_FACTOR < widest <= theme.font_width_factor
