"""The room a layout's text boxes really have.

Templates designed in Google Slides (and many others) give titles and bodies boxes
a line or two tall that grow with their text (``spAutoFit``); taken literally they
hold almost nothing. Such a box, and any box far shorter than its text needs,
extends down to the next thing below it (another placeholder, a logo, the footer
zone) or the slide's bottom margin. Boxes that overlap (a subtitle grown into its
title) are separated, so their texts cannot print over each other.
"""

from __future__ import annotations

from dataclasses import replace

from generator.layout.geometry import Box, LayoutGeometry, Placeholder

TEXT_KINDS = ("title", "ctrTitle", "body", "obj", "subTitle")
TITLE_SHARE = 0.1
"""A title box shorter than this share of the slide's height is taken as growing."""
BODY_SHARE = 0.1
"""A body box shorter than this share of the slide's height is taken as growing."""
TITLE_MAX_SHARE = 0.22
"""A growing title extends to at most this share of the slide's height."""
SLIVER = 0.03
"""Artwork thinner than this share of the slide's height is a rule, not a piece
bodies keep clear of."""
BODY_KINDS = ("body", "obj", "subTitle")
BOTTOM_MARGIN = 0.92
"""Boxes extend no lower than this share of the slide's height."""


def _floor_below(box: Box, others: list[Box], height: float) -> float:
    """Return the y of the first thing below ``box`` that shares its columns."""
    limit = height * BOTTOM_MARGIN
    for other in others:
        if other.y >= box.bottom - 1 and box.across(other) > 2:
            limit = min(limit, other.y)
    return limit


def room_below(box: Box, layout: LayoutGeometry, height: float) -> float:
    """Return the y down to which ``box`` may grow on ``layout``: the next placeholder,
    logo, piece of artwork or footer below it in its columns, or the slide's bottom
    margin."""
    others = [p.box for p in layout.placeholders if p.box != box] + list(layout.obstacles) \
        + list(solid_artwork(layout, height))
    return _floor_below(box, others, height) - height * 0.01


def _grown(p: Placeholder, others: list[Box], height: float) -> Placeholder:
    is_title = p.kind in ("title", "ctrTitle")
    short = p.box.h < height * (TITLE_SHARE if is_title else BODY_SHARE)
    if not (p.grows or short):
        return p
    floor = _floor_below(p.box, others, height) - height * 0.02
    new_h = floor - p.box.y
    if is_title:
        new_h = min(new_h, max(p.box.h, height * TITLE_MAX_SHARE))
    if new_h <= p.box.h:
        return p
    return replace(p, box=replace(p.box, h=new_h))


def _separated(placeholders: list[Placeholder], height: float) -> list[Placeholder]:
    """Return the placeholders with each text box clear of the one above it."""
    out = list(placeholders)
    gap = height * 0.015
    for i, upper in enumerate(out):
        for j, lower in enumerate(out):
            if i == j or upper.kind not in TEXT_KINDS or lower.kind not in TEXT_KINDS:
                continue
            a, b = out[i].box, out[j].box
            if not (b.y > a.y + 1 and b.y < a.bottom - 1 and a.across(b) > 2):
                continue
            if a.bottom - b.y > b.h / 2:
                continue  # one box laid over another (LibreOffice's titles): not a grown edge
            if b.y - gap - a.y >= height * 0.06:  # the upper one ends above the lower
                out[i] = replace(out[i], box=replace(a, h=b.y - gap - a.y))
            elif b.bottom - (a.bottom + gap) >= height * 0.06:
                out[j] = replace(out[j], box=Box(b.x, a.bottom + gap, b.w,
                                                 b.bottom - a.bottom - gap))
    return out


def _clear_of_logos(p: Placeholder, obstacles: tuple[Box, ...], width: float,
                    height: float, roomier: tuple[Box, ...] = ()) -> Placeholder:
    """Return ``p`` shortened above (or narrowed beside) a logo or small picture the
    layout draws in its lower part (or at its right end), where its text would run
    over it; a box that would lose more than half of itself is left as it is. Beside
    the shapes in ``roomier`` (tall artwork in a corner) it is shortened or narrowed,
    whichever leaves it more room."""
    box = p.box
    gap = height * 0.015
    for shape in obstacles:
        if not shape.overlaps(box, 2) or shape.w * shape.h > width * height / 6:
            continue
        shorter = replace(box, h=shape.y - gap - box.y) if (
            shape.y >= box.y + box.h * 0.5 and shape.y - gap - box.y >= box.h * 0.5) else None
        narrower = replace(box, w=shape.x - gap - box.x) if (
            shape.x >= box.x + box.w * 0.6 and shape.x - gap - box.x >= box.w * 0.5) else None
        if shorter is not None and narrower is not None and shape in roomier:
            box = max(shorter, narrower, key=lambda b: b.w * b.h)
        else:
            box = shorter or narrower or box
    if box == p.box:
        return p
    return replace(p, box=box, **_corner(box, p.box, obstacles, width, height))


CORNER_SHARE = 0.25
"""A box kept clear of something whose top lies at least this share of the box's
height below the box's top may still take its full size where its text ends above it."""


def _corner(box: Box, own: Box, obstacles: tuple[Box, ...], width: float,
            height: float) -> dict[str, float]:
    """Return, for ``box`` narrowed or shortened from ``own`` clear of things in its
    lower corner, the right and bottom edges of ``own`` and the y its text must end
    above to take that full box (the top of the highest thing there, less the usual
    gap); empty where the things reach too high for text to pass above them."""
    full = replace(box, w=own.right - box.x, h=own.bottom - box.y)
    things = [shape for shape in obstacles if shape.w * shape.h <= width * height / 6
              and shape.overlaps(full, 2)]
    gap = height * 0.015
    above = min((s.y for s in things), default=full.bottom) - gap
    if not things or above - box.y < box.h * CORNER_SHARE:
        return {}
    return {"full_right": own.right, "full_bottom": own.bottom,
            "clear_left": max(full.x, min(s.x for s in things) - gap), "clear_above": above}


def cut_to(p: Placeholder, box: Box) -> Placeholder:
    """Return ``p`` with its box made ``box``: its full size kept (down to ``box``'s
    bottom) where ``box`` is its own cut short, forgotten where it moves or narrows."""
    if (box.x, box.y, box.w) != (p.box.x, p.box.y, p.box.w) or p.full_bottom is None:
        return p.moved(box)
    return replace(p, box=box, full_bottom=min(p.full_bottom, box.bottom))


def solid_artwork(layout: LayoutGeometry, height: float) -> tuple[Box, ...]:
    """Return the pieces of ``layout``'s artwork (inside its full-slide pictures and
    freeforms) that bodies keep clear of: all but slivers (a rule, a thin stripe)
    less than `SLIVER` of the slide's ``height`` across."""
    return tuple(b for b in layout.artwork if min(b.w, b.h) >= height * SLIVER)


def kept_clear(p: Placeholder, layout: LayoutGeometry, width: float,
               height: float) -> Placeholder:
    """Return ``p`` kept clear of the logos ``layout`` draws in its lower part or at its
    right end (see `_clear_of_logos`), and a body clear of its artwork there too."""
    pieces = solid_artwork(layout, height) if p.kind in BODY_KINDS else ()
    return _clear_of_logos(p, (*layout.obstacles, *pieces), width, height, pieces)


def usable_areas(layout: LayoutGeometry, width: float, height: float) -> LayoutGeometry:
    """Return ``layout`` with growing or too-short text boxes extended to the room they
    really have, clear of the logos (and the artwork inside its full-slide pictures and
    freeforms) they would cover, and overlapping ones separated."""
    boxes = [p.box for p in layout.placeholders] + list(layout.obstacles)
    grown = [kept_clear(_grown(p, [b for b in boxes if b is not p.box], height), layout,
                        width, height)
             if p.kind in TEXT_KINDS else p for p in layout.placeholders]
    separated = _separated(grown, height)
    if separated == list(layout.placeholders):
        return layout
    return replace(layout, placeholders=tuple(separated))
