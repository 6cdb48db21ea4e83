"""Quote layouts that set the quote in their title placeholder, as PowerPoint's
"Quote with Caption" does: a large title box (the quote, between two large quote
marks the layout draws) with a line right under it for who said it, and a caption
box further down. `make-deck` uses them as designed: the quote in the title
placeholder, who said it in the line under it, the caption box left out.
"""

from __future__ import annotations

from dataclasses import replace

from generator.layout.geometry import LayoutGeometry, Placeholder
from generator.layout.layout_kinds import hinted
from generator.layout.usable import usable_areas

QUOTE_TITLE_SHARE = 0.25
"""A quote layout's title this share of the slide's height or taller holds the quote."""
BY_GAP_SHARE = 0.1
"""Who said it stands at most this share of the slide's height under the quote."""
BY_HEIGHT_SHARE = 0.12
"""...in a line no taller than this share of the slide's height."""

BODY_KINDS = ("body", "subTitle", "obj")


def _attribution(layout: LayoutGeometry, title: Placeholder, height: float
                 ) -> Placeholder | None:
    """Return the small body right under the title that holds who said the quote."""
    under = [b for b in layout.bodies()
             if title.box.bottom - 1 <= b.box.y <= title.box.bottom + height * BY_GAP_SHARE
             and b.box.h <= height * BY_HEIGHT_SHARE
             and b.box.across(title.box) > title.box.w / 2]
    return min(under, key=lambda b: b.box.y, default=None)


def quote_in_title(layout: LayoutGeometry, width: float, height: float
                   ) -> LayoutGeometry | None:
    """Return ``layout`` ready for a quote set in its title and who said it in the
    line under it (its other bodies left out, ``quote_in_title`` set), or None when
    it is no such layout (not named as a quote layout, a title under
    `QUOTE_TITLE_SHARE` of the height, or no line under it)."""
    if not hinted(layout.name, "quote"):
        return None
    grown = usable_areas(layout, width, height)  # the line grows to the caption below it
    title = grown.first("title")
    if title is None or layout.first("title").box.h < height * QUOTE_TITLE_SHARE:  # type: ignore[union-attr]
        return None
    by = _attribution(layout, layout.first("title"), height)  # type: ignore[arg-type]
    if by is None:
        return None
    by = next(p for p in grown.placeholders if p.idx == by.idx and p.kind == by.kind)
    kept = tuple(p for p in grown.placeholders if p.kind not in BODY_KINDS or p is by)
    return replace(grown, placeholders=kept, quote_in_title=True)
