"""The pages' colours and typefaces, taken from the build's look in one place.

`page_look` is the only function in the HTML pages that reads the theme: when
the look changes shape, this function changes and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.look.theme import Theme

FALLBACK_FONTS = "Arial, \"Liberation Sans\", Arimo, Helvetica, sans-serif"


@dataclass(frozen=True, slots=True)
class PageLook:
    """Colours as ``#RRGGBB`` and font stacks, ready to write into the page's CSS."""

    text: str
    background: str
    heading: str
    link: str
    muted: str
    surface: str
    accent: str
    header_fill: str
    header_text: str
    font: str
    heading_font: str


def _stack(family: str | None) -> str:
    """Return a CSS font stack: the family first, then look-alikes every device has."""
    if not family:
        return FALLBACK_FONTS
    return f"\"{family.replace(chr(34), '')}\", {FALLBACK_FONTS}"


def page_look(theme: Theme) -> PageLook:
    """Return the page look of the build's theme."""
    return PageLook(
        text=f"#{theme.text}", background=f"#{theme.background}",
        heading=f"#{theme.heading}", link=f"#{theme.link}", muted=f"#{theme.muted}",
        surface=f"#{theme.surface}", accent=f"#{theme.accent}",
        header_fill=f"#{theme.table_header_fill}", header_text=f"#{theme.table_header_text}",
        font=_stack(theme.font_family),
        heading_font=_stack(theme.heading_font_family or theme.font_family),
    )
