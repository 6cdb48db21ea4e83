"""The title slide composed as a designer sets it: the organisation at the top, the
subtitle at body size under the title, then event, date and venue smaller, all clear
of the logos and artwork the cover draws.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.layout.compose import BODY, Composed
from generator.layout.fitting import DoesNotFit, SizeRange, fit_in_box
from generator.layout.frames import INSET_Y, TextFrame
from generator.layout.geometry import Box, LayoutGeometry
from generator.layout.text import FittedText, Paragraph
from generator.layout.usable import room_below
from generator.look.theme import Theme
from generator.slide_kinds import TitleKind
from generator.words import Words

LOGO_GAP = 7.2
"""Room (0.1 in) kept between a logo and a line make-deck sets beside it."""


def _clear_of(room: Box, obstacles: Sequence[Box]) -> Box:
    """Return the part of ``room`` right of the logos, pictures and artwork that overlap
    it (a crest in the cover's top corner), or ``room`` itself when none does."""
    left = room.x
    for shape in obstacles:
        if shape.overlaps(room):
            left = max(left, shape.right + LOGO_GAP)
    return Box(left, room.y, max(room.right - left, 0.0), room.h)


def title_slide(kind: TitleKind, organisation: str | None, layout: LayoutGeometry,
                theme: Theme, factor: float, tone: str, words: Words,
                slide_height: float) -> Composed:
    """Return the title slide's frames under its title: the organisation at the top,
    the subtitle at body size, then event, date and venue smaller.

    The organisation goes above the title where the layout leaves a line of room
    there, else it joins the event line. A template's short subtitle box takes the
    free room below it; where the subtitle and the details still do not fit one
    under the other, they share the box at the small size. Where a picture or artwork
    lies across the middle of the box (a seal and the organisation's name), the
    subtitle goes above it and the details below it, or all of them below.
    """
    body = layout.bodies()[0]
    title = layout.first("title")
    small = SizeRange(theme.small_size, theme.size_floor, theme.size_floor)
    frames: list[TextFrame] = []
    details = [x for x in (kind.event, kind.date and words.date(kind.date), kind.venue) if x]
    if organisation and title is not None:
        top = min(title.box.x, title.box.y)
        room = _clear_of(Box(title.box.x, top, title.box.w, title.box.y - top),
                         (*layout.obstacles, *layout.artwork))
        try:
            fitted = fit_in_box([Paragraph.from_markup(organisation)], room, small, BODY,
                                "organisation", factor)
            frames.append(TextFrame("organisation", None, room, fitted, BODY, tone=tone))
            organisation = None
        except DoesNotFit:
            pass
    lines = [" · ".join(details)] if details else []
    if organisation:
        lines.append(organisation)
    own = body.box
    box = Box(own.x, own.y, own.w,
              max(own.bottom, room_below(own, layout, slide_height)) - own.y)
    around = _around(box, (*layout.obstacles, *layout.artwork))
    if around is not None:
        above, below = around
        try:
            return Composed((*frames, *_beside_artwork(kind, lines, above, below, body.idx,
                                                       theme, factor, tone)))
        except DoesNotFit:
            pass
    return Composed((*frames, *_under_title(kind, lines, organisation, layout, box, theme,
                                            factor, tone)))


def _around(box: Box, shapes: Sequence[Box]) -> tuple[Box, Box] | None:
    """Return the rooms of ``box`` above and below the artwork or picture that lies
    across the middle of it (half its width or more, clear of its top and bottom
    edges: a cover's seal and lettering), or None when none does."""
    across = [s for s in shapes if s.across(box) >= box.w / 2
              and box.y < s.y and s.bottom < box.bottom - LOGO_GAP]
    if not across:
        return None
    top, bottom = min(s.y for s in across), max(s.bottom for s in across)
    return (Box(box.x, box.y, box.w, max(top - LOGO_GAP - box.y, 0.0)),
            Box(box.x, bottom + LOGO_GAP, box.w, box.bottom - bottom - LOGO_GAP))


def _beside_artwork(kind: TitleKind, lines: list[str], above: Box, below: Box,
                    idx: int | None, theme: Theme, factor: float, tone: str
                    ) -> list[TextFrame]:
    """Return the subtitle's and details' frames around a cover's artwork: the subtitle
    in the room ``above`` it (under the title) and the details ``below`` it, or all of
    them below where the subtitle does not fit above.

    Raises `DoesNotFit` when they fit neither way."""
    small = SizeRange(theme.small_size, theme.size_floor, theme.size_floor)
    sizes = SizeRange(theme.body_max, theme.small_size, theme.size_floor)
    details = [Paragraph.from_markup(x) for x in lines]
    if kind.subtitle is not None:
        try:
            subtitle = fit_in_box([Paragraph.from_markup(kind.subtitle)], above, sizes, BODY,
                                  "subtitle", factor)
        except DoesNotFit:
            pass
        else:
            frames = [TextFrame("subtitle", idx, above, subtitle, BODY, tone=tone)]
            if details:
                under = fit_in_box(details, below, small, BODY, "details", factor)
                frames.append(TextFrame("details", None, _top(below, under), under, BODY,
                                        tone=tone))
            return frames
    if kind.subtitle is None or not details:
        texts = details if kind.subtitle is None else [Paragraph.from_markup(kind.subtitle)]
        slot = "details" if kind.subtitle is None else "subtitle"
        fitted = fit_in_box(texts, below, small if kind.subtitle is None else sizes, BODY,
                            slot, factor)
        return [TextFrame(slot, idx, below, fitted, BODY, tone=tone)]
    under = fit_in_box(details, below, small, BODY, "details", factor)
    room = Box(below.x, below.y, below.w, below.h - under.height - 2 * INSET_Y - 6)
    subtitle = fit_in_box([Paragraph.from_markup(kind.subtitle)], room, sizes, BODY,
                          "subtitle", factor)
    used = _top(room, subtitle)
    return [TextFrame("subtitle", idx, used, subtitle, BODY, tone=tone),
            TextFrame("details", None, _top(Box(below.x, used.bottom + 6, below.w, 0), under),
                      under, BODY, tone=tone)]


def _top(room: Box, fitted: FittedText) -> Box:
    """Return the top of ``room`` as tall as ``fitted`` text needs."""
    return Box(room.x, room.y, room.w, fitted.height + 2 * INSET_Y)


def _under_title(kind: TitleKind, lines: list[str], organisation: str | None,
                 layout: LayoutGeometry, box: Box, theme: Theme, factor: float,
                 tone: str) -> list[TextFrame]:
    """Return the subtitle's and details' frames in the cover's body ``box`` (grown to
    its free room below), one under the other (see `title_slide`)."""
    body = layout.bodies()[0]
    own = body.box
    small = SizeRange(theme.small_size, theme.size_floor, theme.size_floor)
    frames: list[TextFrame] = []
    if kind.subtitle is None:
        if lines:
            fitted = fit_in_box([Paragraph.from_markup(x) for x in lines], box, small, BODY,
                                "details", factor)
            frames.append(TextFrame("details", body.idx, box, fitted, BODY, tone=tone))
        return frames
    bodies = layout.bodies()
    second = bodies[1] if len(bodies) > 1 and bodies[1].box.y >= own.bottom - 1 else None
    if lines and second is not None:  # a template's own line under the subtitle
        try:
            details = fit_in_box([Paragraph.from_markup(x) for x in lines], second.box, small,
                                 BODY, "details", factor)
            subtitle = fit_in_box([Paragraph.from_markup(kind.subtitle)], own,
                                  SizeRange(theme.body_max, theme.small_size,
                                            theme.size_floor), BODY, "subtitle", factor)
            frames.append(TextFrame("subtitle", body.idx, own, subtitle, BODY, tone=tone))
            frames.append(TextFrame("details", second.idx, second.box, details, BODY,
                                    tone=tone))
            return frames
        except DoesNotFit:
            pass
    under: FittedText | None = None
    if lines:
        under = fit_in_box([Paragraph.from_markup(x) for x in lines], box, small, BODY,
                           "details", factor)
    room = under.height + 2 * INSET_Y + 6 if under else 0.0
    sub_box = Box(box.x, box.y, box.w, box.h - room)
    try:
        subtitle = fit_in_box([Paragraph.from_markup(kind.subtitle)], sub_box,
                              SizeRange(theme.body_max, theme.small_size, theme.size_floor),
                              BODY, "subtitle", factor)
    except DoesNotFit:
        if under is None:
            raise
        # the subtitle and the details share the box; the organisation, which the
        # closing slide and the documents' covers show too, gives way last of all
        shared = None
        for kept in (lines, [x for x in lines if x != organisation]):
            try:
                shared = fit_in_box([Paragraph.from_markup(x) for x in (kind.subtitle, *kept)],
                                    box, small, BODY, "subtitle", factor)
                break
            except DoesNotFit:
                continue
        if shared is None:
            raise
        frames.append(TextFrame("subtitle", body.idx, box, shared, BODY, tone=tone))
        return frames
    used = subtitle.height + 2 * INSET_Y
    frames.append(TextFrame("subtitle", body.idx, Box(box.x, box.y, box.w, used), subtitle,
                            BODY, tone=tone))
    if under is not None:
        detail_box = Box(box.x, box.y + used + 6, box.w, under.height + 2 * INSET_Y)
        frames.append(TextFrame("details", None, detail_box, under, BODY, tone=tone))
    return frames
