"""Colour contrast of every text on every slide (WCAG 2.2 success criterion 1.4.3).

The deck does not pick colours per run: the template and the theme do. So the
colour of a text is worked out the way the slide shows it, from the theme, the
frame's tone and slot, and the layout's background (dark layouts are
``Theme.dark_background``; the Quote layout's panel is ``Theme.surface``, see
``templates/README.md``). Where a background could be either (a quote on a light
layout of an organisation's template), the text is checked against both. Tables
have a header row filled with the accent colour and body rows banded with a light
tint of it and the background (`TABLE_BANDS`).

Ratios and luminance are computed as WCAG 2.2 defines them.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.checks.where import Where
from generator.diagnostics import Diagnostic, Severity
from generator.layout.frames import SlideLayout, TableFrame, TextFrame
from generator.layout.slides import DeckLayout
from generator.layout.text import FittedText
from generator.look.colours import (
    LARGE_TEXT_RATIO,
    NORMAL_TEXT_RATIO,
    TABLE_BANDS,
    contrast_ratio,
    ratio_text,
    relative_luminance,
    tint,
)
from generator.look.theme import Theme
from generator.problems import Problem

__all__ = ["contrast_ratio", "relative_luminance", "tint"]

LARGE_TEXT_PT = 18.0
LARGE_BOLD_TEXT_PT = 14.0

SURFACE_LAYOUTS = frozenset({"Quote", "Break"})
"""Light layouts of the default template filled with ``Theme.surface``, not the background."""

HEADING_SLOTS = frozenset({"title", "quote", "statement"})
"""Slots set in the theme's heading colour on light layouts."""



def required_ratio(size: float, bold: bool) -> float:
    """Return the contrast a text needs: 3:1 when large (18 pt, or 14 pt bold), else 4.5:1."""
    large = size >= LARGE_TEXT_PT or (bold and size >= LARGE_BOLD_TEXT_PT)
    return LARGE_TEXT_RATIO if large else NORMAL_TEXT_RATIO


def backgrounds(slide: SlideLayout, theme: Theme) -> tuple[str, ...]:
    """Return the background colours text on a laid-out slide may sit on."""
    if slide.layout.dark:
        return (theme.dark_background,)
    if slide.layout.name in SURFACE_LAYOUTS:
        return (theme.surface,)
    if slide.role == "quote":
        return (theme.background, theme.surface)
    return (theme.background,)


def text_colours(slide: SlideLayout, frame: TextFrame, theme: Theme) -> tuple[str, str]:
    """Return (text colour, link colour) of a text frame on its slide.

    The ``inverse`` tone only means something on a dark layout; on a light layout of
    an organisation's template the text takes the template's own (dark) text colour.
    """
    if slide.layout.dark:
        return theme.inverse_text, theme.inverse_text
    if frame.tone == "muted":
        return theme.muted, theme.link
    if frame.slot in HEADING_SLOTS:
        return theme.heading, theme.link
    return theme.text, theme.link


@dataclass(frozen=True, slots=True)
class Shortfall:
    """The worst text of a frame: its colours, ratio, the ratio it needs and its size."""

    foreground: str
    background: str
    ratio: float
    needed: float
    size: float

    @property
    def gap(self) -> float:
        """Return how far the ratio falls short (positive means too low)."""
        return self.needed - self.ratio


def _worst(fitted: FittedText, text: str, link: str, *fills: str) -> Shortfall | None:
    worst: Shortfall | None = None
    for paragraph in fitted.paragraphs:
        for line in paragraph.lines:
            for span in line.spans:
                if not span.text.strip():
                    continue
                colour = link if span.href else text
                needed = required_ratio(fitted.size, span.bold)
                for fill in fills:
                    ratio = contrast_ratio(colour, fill)
                    found = Shortfall(colour, fill, ratio, needed, fitted.size)
                    if ratio < needed and (worst is None or found.gap > worst.gap):
                        worst = found
    return worst


def org_colours(slide: SlideLayout, frame: TextFrame) -> tuple[str, str, str] | None:
    """Return (text, link, background) of a text frame on a layout of an organisation's
    template, as the deck shows them, or None where the layout's colours are unknown.

    A placeholder's text has the template's own colour (or the one make-deck set
    instead, see `Placeholder.recolour`) on the colour found under that placeholder;
    an added box the colour the writer chose for it, on the layout's background.
    """
    from generator.look.template import org_link_slot, org_text_slot

    layout = slide.layout
    if not layout.colours or layout.background is None:
        return None
    colours = dict(layout.colours)
    link = colours.get(org_link_slot(layout, frame) or "hlink") or colours.get("tx1", "000000")
    own = next((p for p in layout.placeholders if p.idx == frame.placeholder_idx), None)
    tone = {"muted": "tx2", "inverse": "bg1" if layout.dark else "tx1"}.get(frame.tone, "tx1")
    slot = org_text_slot(layout, frame, tone)
    if own is not None and own.text_colour and own.background:
        return (colours.get(slot, own.text_colour) if slot else own.text_colour, link,
                own.background)
    return colours.get(slot or "tx1", "000000"), link, layout.background


def frame_shortfalls(slide: SlideLayout, theme: Theme) -> list[tuple[str, Shortfall]]:
    """Return (slot, worst shortfall) for each frame of ``slide`` with too little contrast."""
    found: list[tuple[str, Shortfall]] = []
    fills = backgrounds(slide, theme)
    for frame in slide.frames:
        if isinstance(frame, TextFrame):
            text, link = text_colours(slide, frame, theme)
            org = org_colours(slide, frame)
            if org is not None:
                text, link = org[0], org[1]
            worst = _worst(frame.text, text, link, *((org[2],) if org else fills))
            if worst is not None:
                found.append((frame.slot, worst))
        elif isinstance(frame, TableFrame):
            worst = None
            for row_index, row in enumerate(frame.cells):
                if frame.header and row_index == 0:
                    colours = (theme.table_header_text, theme.table_header_text,
                               theme.table_header_fill)
                else:
                    band = row_index - 1 if frame.header else row_index
                    colours = (theme.text, theme.link,
                               tint(theme.table_header_fill, TABLE_BANDS[band % 2]))
                for cell in row:
                    shortfall = _worst(cell, *colours)
                    if shortfall is not None and (worst is None or shortfall.gap > worst.gap):
                        worst = shortfall
            if worst is not None:
                found.append(("table", worst))
    return found


def check_contrast(deck: DeckLayout, theme: Theme, where: Where) -> list[Diagnostic]:
    """Return A11Y-CONTRAST for each text whose colour contrast is below WCAG AA."""
    found: list[Diagnostic] = []
    for slide in deck.slides:
        for slot, worst in frame_shortfalls(slide, theme):
            found.append(Diagnostic(
                Problem.A11Y_CONTRAST,
                f"the {slot} text (#{worst.foreground} on #{worst.background}) has a "
                f"contrast of {ratio_text(worst.ratio)}; {worst.size:g} pt text needs "
                f"{worst.needed:g}:1",
                Severity.ERROR, where.frame_position(slide, slot), slide=slide.number,
                hint=f"the colours come from the theme “{where.plan.workshop.theme}”; choose "
                "colours with more contrast (a WCAG contrast checker shows the ratio)",
            ))
    return found
