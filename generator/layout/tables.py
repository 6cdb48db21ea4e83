"""Table layout: column widths from the content, rows fitted, long tables continued."""

from __future__ import annotations

from collections.abc import Sequence

from generator.layout.fitting import DoesNotFit, SizeRange
from generator.layout.fonts import metrics
from generator.layout.frames import INSET_X, INSET_Y, TableFrame
from generator.layout.geometry import Box
from generator.layout.text import WIDTH_SAFETY, FittedText, Paragraph, TextStyle, layout_text
from generator.markup import Span, parse_inline

TABLE_STYLE = TextStyle(line_height=1.15, space_before=0.0)


def _em_width(spans: Sequence[Span]) -> tuple[float, float]:
    """Return (whole text width, widest word width) of ``spans`` in ems."""
    total = widest = 0.0
    for span in spans:
        face = metrics(span.bold, span.italic)
        total += face.width(span.text, 1.0)
        for word in span.text.split():
            widest = max(widest, face.width(word, 1.0))
    return total, widest


def column_widths(rows: Sequence[Sequence[tuple[Span, ...]]], width: float,
                  size: float, factor: float = 1.0) -> tuple[float, ...]:
    """Return column widths sharing ``width``, sized from the content at ``size``.

    Each column needs at least its widest word (so no word is split) and would like
    its longest cell on one line. When every column can have what it would like, the
    spare room goes by those widths; otherwise each column gets its least plus the
    same share of what more it would like (as browsers lay out tables), so a column
    of short cells stays unwrapped while long ones wrap evenly.
    """
    count = len(rows[0])
    pad = 2 * INSET_X + 1.0
    least: list[float] = []
    most: list[float] = []
    for column in range(count):
        sizes = [_em_width(row[column]) for row in rows]
        least.append(max(w for _, w in sizes) * size * factor / WIDTH_SAFETY + pad)
        most.append(max(max(t for t, _ in sizes) * size * factor / WIDTH_SAFETY + pad,
                        least[-1]))
    if sum(least) >= width:
        return tuple(width * m / sum(least) for m in least)
    if sum(most) <= width:
        return tuple(width * m / sum(most) for m in most)
    share = (width - sum(least)) / (sum(most) - sum(least))
    return tuple(lo + (hi - lo) * share for lo, hi in zip(least, most, strict=True))


def _cells(rows: Sequence[Sequence[tuple[Span, ...]]], widths: Sequence[float],
           size: float, factor: float) -> tuple[tuple[tuple[FittedText, ...], ...],
                                                tuple[float, ...]]:
    fitted_rows = []
    heights = []
    for row in rows:
        cells = tuple(
            layout_text([Paragraph(spans)], (w - 2 * INSET_X) / factor, size, TABLE_STYLE)
            for spans, w in zip(row, widths, strict=True)
        )
        fitted_rows.append(cells)
        heights.append(max(c.height for c in cells) + 2 * INSET_Y)
    return tuple(fitted_rows), tuple(heights)


def _frame(area: Box, widths: tuple[float, ...], cells: tuple[tuple[FittedText, ...], ...],
           heights: tuple[float, ...], header: bool, description: str) -> TableFrame:
    box = Box(area.x, area.y, sum(widths), sum(heights))
    return TableFrame(box, widths, heights, cells, TABLE_STYLE, header, description)


def layout_table(
    header: Sequence[str] | None, rows: Sequence[Sequence[str]], area: Box, sizes: SizeRange,
    description: str, factor: float = 1.0,
) -> list[TableFrame]:
    """Return the table laid out in ``area``: one frame, or several when rows continue.

    Text shrinks from ``sizes.preferred`` to ``sizes.minimum``; a table still too
    tall is split between rows, repeating the header. Raises `DoesNotFit` when one
    row is taller than a slide even at ``sizes.floor``.
    """
    head = [tuple(Span(s.text, True, s.italic, s.href, s.lang) for s in parse_inline(c))
            for c in header] \
        if header else None
    body = [[parse_inline(c) if c else () for c in row] for row in rows]
    every = ([head] if head else []) + body
    has_header = head is not None
    size = sizes.preferred
    while size >= sizes.minimum:
        widths = column_widths(every, area.w, size, factor)
        cells, heights = _cells(every, widths, size, factor)
        if sum(heights) <= area.h and all(all(c.fits for c in r) for r in cells):
            return [_frame(area, widths, cells, heights, has_header, description)]
        size -= 1.0
    for size in (sizes.minimum, sizes.floor):
        widths = column_widths(every, area.w, size, factor)
        cells, heights = _cells(every, widths, size, factor)
        head_cells = cells[:1] if has_header else ()
        head_height = heights[0] if has_header else 0.0
        body_cells = cells[1:] if has_header else cells
        body_heights = heights[1:] if has_header else heights
        if any(head_height + h > area.h for h in body_heights):
            continue
        frames: list[TableFrame] = []
        chunk: list[int] = []
        used = head_height
        for index, height in enumerate(body_heights):
            if chunk and used + height > area.h:
                frames.append(_chunk_frame(area, widths, head_cells, head_height, body_cells,
                                           body_heights, chunk, has_header, description))
                chunk, used = [], head_height
            chunk.append(index)
            used += height
        frames.append(_chunk_frame(area, widths, head_cells, head_height, body_cells,
                                   body_heights, chunk, has_header, description))
        return frames
    raise DoesNotFit("table", sizes.floor)


def _chunk_frame(area: Box, widths: tuple[float, ...], head_cells: tuple, head_height: float,
                 body_cells: tuple, body_heights: tuple, chunk: list[int], has_header: bool,
                 description: str) -> TableFrame:
    cells = tuple(head_cells) + tuple(body_cells[i] for i in chunk)
    heights = ((head_height,) if has_header else ()) + tuple(body_heights[i] for i in chunk)
    return _frame(area, widths, cells, heights, has_header, description)
