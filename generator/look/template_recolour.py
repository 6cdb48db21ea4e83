"""Colours make-deck chooses on an organisation's template: the template colour a
placeholder's text takes where its own fails against what lies under it, a readable
table header pair and quote-panel surface, and the colour slot of added boxes and links.

Each choice is made from the template's own palette (its colour slots), so the deck
still looks like the organisation's; `generator.look.template` applies them as the
template is read.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from generator.layout.geometry import LayoutGeometry
from generator.look.template_colours import READABLE_SLOTS, readable_slot


@dataclass(frozen=True)
class Recoloured:
    """A placeholder whose own text colour fails against what lies under it, and the
    template colour make-deck sets its text in instead."""

    layout: str
    kind: str
    colour: str
    background: str
    ratio: float
    slot: str
    fixed_ratio: float


_CANDIDATE_SLOTS = ("tx1", "bg1", "tx2", "bg2", "accent1", "accent2", "accent3", "accent4",
                    "accent5", "accent6")


def _recolour(layout: LayoutGeometry) -> tuple[LayoutGeometry, list[Recoloured]]:
    """Return ``layout`` with each placeholder whose text colour lacks contrast on its
    background given the template colour with the most contrast there."""
    from generator.look.colours import contrast_ratio

    found: list[Recoloured] = []
    placeholders = []
    for p in layout.placeholders:
        if p.text_colour and p.background and p.kind in ("title", "ctrTitle", "body", "obj",
                                                          "subTitle"):
            needed = 3.0 if p.kind in ("title", "ctrTitle") else 4.5
            ratio = contrast_ratio(p.text_colour, p.background)
            if ratio < needed:
                ratios = [(contrast_ratio(c, p.background), slot)
                          for slot in _CANDIDATE_SLOTS if (c := layout.colour(slot))]
                best, slot = max(ratios, default=(0.0, ""))
                if best >= needed:
                    p = replace(p, recolour=slot)
                    found.append(Recoloured(layout.name, p.kind, p.text_colour, p.background,
                                            ratio, slot, best))
        placeholders.append(p)
    return replace(layout, placeholders=tuple(placeholders)), found


def table_colours(colours: dict[str, str]) -> tuple[str | None, str | None]:
    """Return (header fill, header text) for tables from a template's colours: accent 1
    and light 1 as PowerPoint's default table style has them, or else the first pair
    of the template's colours readable in the header and, in dark 1, on the body rows'
    tints of the fill (4.5:1 each); (None, None) without colours."""
    from generator.look.colours import TABLE_BANDS, contrast_ratio, tint

    body = colours.get("dk1", "000000")
    for fill_slot in ("accent1", "accent2", "accent3", "accent4", "accent5", "accent6",
                      "dk2", "dk1"):
        fill = colours.get(fill_slot)
        if fill is None:
            continue
        for text_slot in ("lt1", "dk1"):
            text = colours.get(text_slot)
            if text and contrast_ratio(text, fill) >= 4.5 and all(
                    contrast_ratio(body, tint(fill, band)) >= 4.5 for band in TABLE_BANDS):
                return fill, text
    return None, None


def surface_colour(colours: dict[str, str], fallback: str, target: float) -> str:
    """Return the quote panels' fill: light 2 where dark 1 text reads on it (``target``),
    else a pale tint of it (a brand's navy in light 2 gives a pale blue), else
    ``fallback``."""
    from generator.look.colours import blend, contrast_ratio

    text, light = colours.get("dk1", "000000"), colours.get("lt1", "FFFFFF")
    own = colours.get("lt2")
    candidates = [own, blend(own, light, 0.1)] if own else []
    return next((c for c in candidates if contrast_ratio(text, c) >= target), fallback)


def org_text_slot(layout: LayoutGeometry, frame: Any, wanted: str) -> str | None:
    """Return the scheme slot to set a text frame's colour in on an organisation
    template's layout, or None to leave the placeholder's own style.

    A frame in one of the layout's placeholders keeps the template's colour unless
    it was found unreadable (`Placeholder.recolour`); added boxes and added titles
    take ``wanted`` (``tx1``, ``tx2``...) or, where that is not readable on the
    layout's background, the template colour with the most contrast there.
    """
    from generator.layout.roles import SYNTHETIC_TITLE, is_added_body

    idx = frame.placeholder_idx
    if not is_added_body(idx) and idx != SYNTHETIC_TITLE:
        own = next((p for p in layout.placeholders if p.idx == idx), None)
        return own.recolour if own is not None else None
    colours = {slot: c for slot, c in layout.colours if c}
    return readable_slot(colours, layout.background, wanted)


def org_link_slot(layout: LayoutGeometry, frame: Any) -> str | None:
    """Return the scheme slot to set a text frame's links in on an organisation's
    template's layout, or None where the template's own hyperlink colour (``hlink``)
    is readable on what lies under the frame."""
    from generator.layout.roles import SYNTHETIC_TITLE, is_added_body

    colours = {slot: c for slot, c in layout.colours if c}
    if "hlink" not in colours:
        return None
    idx = frame.placeholder_idx
    own = None if is_added_body(idx) or idx == SYNTHETIC_TITLE else next(
        (p for p in layout.placeholders if p.idx == idx), None)
    under = own.background if own is not None and own.background else layout.background
    slot = readable_slot(colours, under, "hlink")
    return None if slot == "hlink" else slot


@dataclass(frozen=True)
class PageColours:
    """The template colours (RRGGBB) make-deck sets text in on a light page: the
    handout, the guide, the web pages and the deck's tables."""

    text: str
    heading: str
    link: str


_PALETTE = ("dk1", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6",
            "hlink")


def page_colours(colours: dict[str, str], body_text: str | None, page: str,
                 fallback: PageColours, needed: float = 4.5) -> PageColours:
    """Return the colours for text on ``page`` from a template's ``colours`` (``dk1``,
    ``hlink``... to RRGGBB): the text in the colour its slides' bullets have
    (``body_text``), else dark 1; headings in dark 2, links in the hyperlink colour,
    else an accent, else the text's; each the first of its choices with ``needed``
    contrast on ``page``, else the template colour with the most (a Google blue in dark
    1 gives way to the black of its bullets, a white dark 2 to an accent). Where the
    template lacks a colour, ``fallback``'s."""
    from generator.look.colours import contrast_ratio

    palette = [c for c in (colours.get(slot) for slot in _PALETTE) if c]

    def readable(*choices: str | None) -> str:
        wanted = [c for c in choices if c]
        found = next((c for c in wanted if contrast_ratio(c, page) >= needed), None)
        return found or max([*wanted, *palette], key=lambda c: contrast_ratio(c, page))

    accents = [colours.get(f"accent{n}") for n in range(1, 7)]
    text = readable(body_text, colours.get("dk1"), fallback.text)
    heading = readable(colours.get("dk2", fallback.heading), *accents, text)
    link = readable(colours.get("hlink", fallback.link), *accents, text)
    return PageColours(text, heading, link)


def table_link_slot(layout: LayoutGeometry, link: str) -> str | None:
    """Return the scheme slot of ``layout``'s colours that shows ``link`` (the theme's
    link colour, `page_colours`), for links in the deck's tables, or None where the
    template's hyperlink colour is that colour or the layout's colours are unknown."""
    colours = dict(layout.colours)
    if not colours or colours.get("hlink") == link:
        return None
    return next((slot for slot in READABLE_SLOTS if colours.get(slot) == link), None)


def _plain(layout: LayoutGeometry) -> LayoutGeometry:
    """Return a layout of the built-in template without what is read for organisation
    templates (the built-in one's colours come from the theme)."""
    return replace(layout, background=None, colours=(), placeholders=tuple(
        replace(p, text_colour=None, background=None) for p in layout.placeholders))
