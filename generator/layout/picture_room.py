"""The room a picture gets on a slide, and the layout that gives it enough.

A picture goes under the slide's title, on the grid body text uses. Some layouts
leave it little room there (a picture-with-caption layout whose title sits at the
foot, a title placed low down): a picture must have at least `MIN_WIDTH_SHARE` of
the slide's width and `MIN_HEIGHT_SHARE` of its height (and room for a caption
under it), or its slides move to a
layout with room (the template's Title Only layout, or the content layout with
its body box left empty for the picture).
"""

from __future__ import annotations

from dataclasses import replace

from generator.layout.frames import INSET_X, INSET_Y
from generator.layout.geometry import Box, LayoutGeometry
from generator.layout.layout_kinds import hinted

GAP = 14.0
"""Space between a picture or table and the title above it, or the foot below, pt."""
MIN_WIDTH_SHARE = 0.4
"""A picture's area is at least this share of the slide's width..."""
MIN_HEIGHT_SHARE = 0.35
"""...and at least this share of its height,"""
CAPTION_SHARE = 0.1
"""...besides this share of the height for a caption of two lines under it."""


def content_area(layout: LayoutGeometry, reference: LayoutGeometry | None, width: float,
                 height: float) -> Box:
    """Return the area pictures and tables take below ``layout``'s title: on the grid
    text uses (the first body of ``reference``, the bullets layout), starting where
    the first letter of body text starts (left and top), above the slide number,
    footer or logo at the foot."""
    title = layout.first("title")
    body = next(iter(reference.bodies()), None) if reference is not None else None
    bottom = height * 0.9
    if body is not None and title is not None and body.box.y >= title.box.bottom:
        box = body.box
        top = box.y + INSET_Y
        left, w = box.x + INSET_X, box.w - 2 * INSET_X
        bottom = min(box.bottom, bottom)
    else:
        top = (title.box.bottom if title else 36.0) + GAP
        left = (title.box.x if title else 36.0) + INSET_X
        w = (title.box.w if title else width - 72) - 2 * INSET_X
    for box in layout.obstacles:  # the slide number, footer or logo at the foot: clear it
        if box.y > top + (bottom - top) / 2 and box.x < left + w and box.right > left:
            bottom = min(bottom, box.y - GAP)
    return Box(left, top, w, bottom - top)


def roomy(area: Box, width: float, height: float) -> bool:
    """Return whether ``area`` is large enough for a readable picture and a caption."""
    return area.w >= width * MIN_WIDTH_SHARE and \
        area.h >= height * (MIN_HEIGHT_SHARE + CAPTION_SHARE)


def is_title_only(layout: LayoutGeometry) -> bool:
    """Return whether ``layout`` is a Title Only layout, by its type or its name."""
    return layout.kind == "titleOnly" or (layout.kind == "cust"
                                          and hinted(layout.name, "title_only"))


def without_bodies(layout: LayoutGeometry) -> LayoutGeometry:
    """Return ``layout`` without its body boxes (their room goes to a picture)."""
    return replace(layout, placeholders=tuple(
        p for p in layout.placeholders if p.kind not in ("body", "subTitle", "obj", "pic")))
