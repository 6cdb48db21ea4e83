"""The pages' colours and typefaces, taken from the build's look in one place.

`page_look` is the only function in the HTML pages that reads the look: the
documents' palette (every text colour already at the look's contrast on its
background) and the theme's typefaces. The pages embed no font: the font stack
names the look's families, then their metric-compatible stand-ins, then Arial.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.look.look import Look

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
    panel: str
    accent: str
    rule: str
    write_line: str
    header_fill: str
    header_text: str
    stripe: str
    font: str
    heading_font: str


def _stack(*families: str | None) -> str:
    """Return a CSS font stack: the families given, then look-alikes every device has."""
    names = dict.fromkeys(f.replace('"', "") for f in families if f)
    return ", ".join([*(f'"{name}"' for name in names), FALLBACK_FONTS])


def page_look(look: Look) -> PageLook:
    """Return the page look of the build's look."""
    palette = look.palette
    theme = look.theme

    def colour(value: str) -> str:
        return f"#{value}"

    return PageLook(
        text=colour(palette.text), background=colour(palette.background),
        heading=colour(palette.heading), link=colour(palette.link),
        muted=colour(palette.muted), surface=colour(palette.surface),
        panel=colour(palette.panel), accent=colour(palette.accent),
        rule=colour(palette.rule), write_line=colour(palette.write_line),
        header_fill=colour(palette.table_header),
        header_text=colour(palette.table_header_text), stripe=colour(palette.stripe),
        font=_stack(theme.font_family, look.body_face.embedded),
        heading_font=_stack(theme.heading_font_family or theme.font_family,
                            look.heading_face.embedded),
    )
