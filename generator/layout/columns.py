"""Columns set side by side at one size: no column wrapping word by word, and rows
that line up where the outline's columns pair up item by item.

Narrow columns at a large size wrap word by word; they are set smaller while that
helps, down to the theme's body minimum. Where they still would, each column takes
the width its text needs (a short column gives room to a long one) and the gutters
narrow, down to `MIN_GUTTER`. Paired columns line up row by row, going down to the
theme's small size for it when the aligned rows are taller than the box; or, where
the theme sets a body minimum no slide may go below, their rows are shared out over
slides (`split_paired_columns`), each repeating the headings.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.layout.compose import row_gaps, single_word_lines
from generator.layout.corner import clear_of_corner
from generator.layout.fitting import DoesNotFit, SizeRange, fit_common, fit_exact
from generator.layout.frames import TextFrame
from generator.layout.geometry import Box, Placeholder
from generator.layout.text import FittedText, Paragraph, TextStyle

BODY = TextStyle()
MIN_GUTTER = 14.4
"""The narrowest space between two columns' boxes, pt (0.2 in; the boxes' own insets
add to the space the eye sees)."""
WIDTH_STEP = 2.0
"""How finely a column's own width is searched, pt."""


def _need(group: Sequence[Paragraph], box: Box, size: float, widest: float,
          factor: float) -> float | None:
    """Return the narrowest width (to `WIDTH_STEP`) at which ``group`` fits ``box``'s
    height at ``size`` with no line of a single word; None when no width up to
    ``widest`` does."""
    width = WIDTH_STEP * 40
    while width <= widest:
        try:
            fitted = fit_exact(group, Box(box.x, box.y, width, box.h), size, BODY, factor)
        except DoesNotFit:
            fitted = None
        if fitted is not None and not single_word_lines(fitted):
            return width
        width += WIDTH_STEP
    return None


def content_boxes(groups: Sequence[Sequence[Paragraph]], boxes: Sequence[Box], size: float,
                  factor: float = 1.0) -> list[Box] | None:
    """Return boxes across the same row as ``boxes`` in which each group takes the width
    its text needs at ``size`` (the spare width shared out evenly, the gutters as wide
    as the template's or at least `MIN_GUTTER`); None when the groups need more width
    than the row has."""
    if len(boxes) < 2:
        return None
    left, right = boxes[0].x, boxes[-1].right
    gutter = max(boxes[1].x - boxes[0].right, MIN_GUTTER)
    widest = right - left - (len(boxes) - 1) * MIN_GUTTER
    needs = [_need(g, b, size, widest, factor) for g, b in zip(groups, boxes, strict=True)]
    if any(n is None for n in needs):
        return None
    widths = [float(n) for n in needs if n is not None]
    spare = right - left - sum(widths)
    if spare < (len(boxes) - 1) * MIN_GUTTER - 1e-9:
        return None
    gutter = min(gutter, spare / (len(boxes) - 1))
    extra = (spare - gutter * (len(boxes) - 1)) / len(boxes)
    found, x = [], left
    for width, box in zip(widths, boxes, strict=True):
        found.append(Box(x, box.y, width + extra, box.h))
        x += width + extra + gutter
    return found


def lay_out_columns(groups: Sequence[Sequence[Paragraph]], bodies: Sequence[Placeholder],
                    sizes: SizeRange, small: float, factor: float) -> list[TextFrame]:
    """Return the columns' frames (slots ``column1``...), all at one size: as large as
    fits without word-by-word wrapping, in boxes narrowed to their text where the
    template's would wrap so, and with rows lined up where the groups pair up (down
    to ``small`` pt for that). Columns kept clear of something in a lower corner
    take their full boxes where all the text reaching past a clipped edge then ends
    above that thing (one more lay-out, only for a row with such a column)."""
    if any(b.full_box() for b in bodies):
        try:
            frames = _lay_out(groups, bodies, [b.full_box() or b.box for b in bodies],
                              sizes, small, factor)
        except DoesNotFit:
            frames = []
        kept = [_clear_of_corners(f, bodies, factor) for f in frames]
        if frames and all(kept):
            return [f for f in kept if f]
    return _lay_out(groups, bodies, [b.box for b in bodies], sizes, small, factor)


def _clear_of_corners(frame: TextFrame, bodies: Sequence[Placeholder],
                      factor: float) -> TextFrame | None:
    """Return ``frame`` as it stands clear of every body's corner (narrowed where one
    asks it to be, see `corner.clear_of_corner`); None where its text runs into one."""
    found: TextFrame | None = frame
    for body in bodies:
        found = clear_of_corner(found, body, factor) if found else None
    return found


def _lay_out(groups: Sequence[Sequence[Paragraph]], bodies: Sequence[Placeholder],
             boxes: list[Box], sizes: SizeRange, small: float,
             factor: float) -> list[TextFrame]:
    """Return `lay_out_columns` in ``boxes`` (one for each of ``bodies``)."""
    fitted = fit_common(groups, boxes, sizes, BODY, "columns", factor)
    size = fitted[0].size

    def at(size: float) -> list[FittedText]:
        return [fit_exact(g, b, size, BODY, factor) for g, b in zip(groups, boxes, strict=True)]

    while size - 1 >= sizes.minimum and any(single_word_lines(f) for f in fitted):
        size -= 1
        fitted = at(size)
    if any(single_word_lines(f) for f in fitted):
        narrowed = content_boxes(groups, boxes, size, factor)
        if narrowed is not None:
            boxes = narrowed
            fitted = at(size)
    height = min(b.h for b in boxes)
    found = row_gaps(fitted, height)
    paired = len({len(g) for g in groups}) == 1
    while found is None and paired and size - 1 >= min(sizes.minimum, small):
        size -= 1  # smaller, so that the rows line up
        fitted = at(size)
        found = row_gaps(fitted, height)
    gaps = found or [()] * len(fitted)
    return [TextFrame(f"column{i + 1}", b.idx, box, f, BODY, gaps=g)
            for i, (b, box, f, g) in enumerate(zip(bodies, boxes, fitted, gaps, strict=True))]


def row_shares(rows: int, slides: int) -> list[int]:
    """Return how many of ``rows`` each of ``slides`` slides takes: as even as can be,
    the earlier slides taking any one more."""
    each, more = divmod(rows, slides)
    return [each + (index < more) for index in range(slides)]


def split_paired_columns(groups: Sequence[Sequence[Paragraph]], bodies: Sequence[Placeholder],
                         sizes: SizeRange, factor: float,
                         headed: bool) -> list[list[TextFrame]] | None:
    """Return two paired columns' rows shared out over as few slides as line them up at
    or above ``sizes.minimum``, each slide with at least two rows (and the columns'
    headings, when ``headed``: the first paragraph of each group) and every slide at
    one size; None when the columns do not pair up or no such split exists."""
    if len(groups) != 2 or len({len(g) for g in groups}) != 1:
        return None
    heads = [list(g[:1]) if headed else [] for g in groups]
    rows = [list(g[1:]) if headed else list(g) for g in groups]
    strict = sizes.strict()
    for slides in range(2, len(rows[0]) // 2 + 1):
        chunks, start = [], 0
        for share in row_shares(len(rows[0]), slides):
            chunks.append([h + r[start:start + share] for h, r in zip(heads, rows, strict=True)])
            start += share
        try:
            pages = [lay_out_columns(c, bodies, strict, strict.minimum, factor) for c in chunks]
        except DoesNotFit:
            continue
        common = min(f.text.size for page in pages for f in page)
        if common < strict.minimum:
            continue
        try:
            pages = [lay_out_columns(c, bodies, SizeRange(common, common, common), common,
                                     factor) for c in chunks]
        except DoesNotFit:
            continue
        if all(f.gaps for page in pages for f in page):
            return pages
    return None
