"""Themes: the colours, font and text sizes a deck and its PDFs use.

A theme is plain data. The deck's template carries the same colours and font in
its own theme part, so a user who edits the deck in PowerPoint keeps the look.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours (``RRGGBB``), the font family and the size range of each kind of text."""

    name: str = "default"
    font_family: str = "Arial"
    text: str = "0B0C0C"
    background: str = "FFFFFF"
    dark_background: str = "12436D"
    inverse_text: str = "FFFFFF"
    heading: str = "12436D"
    accent: str = "F47738"
    muted: str = "505A5F"
    link: str = "1D70B8"
    table_header_fill: str = "12436D"
    table_header_text: str = "FFFFFF"
    table_stripe_fill: str = "F3F2F1"
    title_max: float = 36.0
    title_min: float = 28.0
    body_max: float = 28.0
    body_min: float = 24.0
    hero_max: float = 44.0
    small_size: float = 20.0
    size_floor: float = 18.0
    max_bullets: int = 8
    max_words: int = 80


DEFAULT_THEME = Theme()
