"""The spaces a worksheet question gives to answer in, beyond ruled lines: a scale of
boxes to mark, a 2 x 2 grid, a timeline and a table to fill in.

Each is drawn as vector lines (artifacts: they are there to write on) with its
labels as real, tagged text, so a screen reader reads the end points, axes and
headings. The table is a real table (TH headings, empty TD cells).
"""

from __future__ import annotations

import math

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from generator.model import Prompt
from generator.writers.pdf.common import inline
from generator.writers.pdf.flowables import LINE_SPACING, RuledLines
from generator.writers.pdf.style import SIZE_META, SIZE_SMALL, PdfStyle
from generator.writers.pdf.tagged import Paragraph, Table
from generator.writers.pdf.tags import artifact, layout_only

SCALE_BOX = 26.0
"""The side of one box of a scale (about 9 mm: room for a tick or a cross)."""
GRID_HEIGHT = 232.0
"""The height of a 2 x 2 grid's square area (about 8 cm)."""
TIMELINE_HEIGHT = 150.0
"""The height of a timeline's band: room above and below the line to write on."""
TABLE_ROW = LINE_SPACING * 1.5
"""The height of one empty row of a worksheet table (two lines of handwriting)."""

# The least each space shrinks to when a worksheet would otherwise run onto a second
# page (`space_for`'s ``shrink`` of 1): still room to write, mark or plot in.
MIN_LINES = 2
"""The fewest ruled lines a plain question keeps (or its ``write_in``, when fewer)."""
GRID_MIN = 140.0
"""A 2 x 2 grid's smallest square area (about 5 cm)."""
TIMELINE_MIN = 90.0
"""A timeline's smallest band (about 3 cm)."""
TABLE_ROW_MIN = LINE_SPACING
"""A worksheet table's smallest empty row: one line of handwriting."""


def _between(largest: float, least: float, shrink: float) -> float:
    """Return a size ``shrink`` of the way from ``largest`` down to ``least``."""
    return largest - shrink * (largest - least)


def _label(ps: PdfStyle, alignment: int = 0) -> ParagraphStyle:
    """Return the style of a space's labels: small, bold, in the headings' colour."""
    return ps.style(f"space-label-{alignment}", SIZE_META, leading=12.5, bold=True,
                    textColor=ps.colours.heading, alignment=alignment)


def space_for(ps: PdfStyle, prompt: Prompt, write_in: int, width: float,
              indent: float = 0.0, shrink: float = 0.0,
              lines_shrink: float | None = None) -> Flowable:
    """Return the space drawn under one worksheet question, set ``indent`` in from the
    left of a ``width`` column: ``write_in`` ruled lines for a plain question, else its
    scale, grid, timeline or table.

    ``shrink`` (0 to 1) says how far each space goes from its full size down to its
    least (`MIN_LINES`, `GRID_MIN`, `TIMELINE_MIN`, `TABLE_ROW_MIN`; a scale keeps
    its size), so a worksheet can fit the page it is on; ``lines_shrink``, when given,
    is the ruled lines' own (they shrink by whole lines)."""
    lines = shrink if lines_shrink is None else lines_shrink
    space = _space(ps, prompt, write_in, width - indent, min(max(shrink, 0.0), 1.0),
                   min(max(lines, 0.0), 1.0))
    return Indented(space, indent) if indent else space


def _space(ps: PdfStyle, prompt: Prompt, write_in: int, width: float,
           shrink: float, lines_shrink: float) -> Flowable:
    if prompt.scale is not None:
        return Scale(ps, *prompt.scale, points=prompt.points)
    if prompt.grid is not None:
        return Grid(ps, *prompt.grid, height=_between(GRID_HEIGHT, GRID_MIN, shrink))
    if prompt.timeline is not None:
        return Timeline(ps, *prompt.timeline,
                        height=_between(TIMELINE_HEIGHT, TIMELINE_MIN, shrink))
    if prompt.table is not None:
        return fill_in_table(ps, prompt.table, prompt.rows, width,
                             _between(TABLE_ROW, TABLE_ROW_MIN, shrink))
    least = min(write_in, MIN_LINES)
    lines = math.ceil(_between(write_in, least, lines_shrink) - 1e-6)
    return RuledLines(max(lines, least), ps.colours.write_line)


class Indented(Flowable):
    """A flowable set ``left`` points in from the frame's left edge."""

    def __init__(self, flowable: Flowable, left: float) -> None:
        super().__init__()
        self.flowable = flowable
        self.left = left

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Return the flowable's size in the narrower column, plus the indent."""
        width, self.height = self.flowable.wrap(availWidth - self.left, availHeight)
        self.width = width + self.left
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Return the flowable's parts, each indented the same (none when it cannot split)."""
        parts = self.flowable.split(availWidth - self.left, availHeight)
        return [Indented(part, self.left) for part in parts]

    def getSpaceBefore(self) -> float:
        """Return the flowable's space before."""
        return self.flowable.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        """Return the flowable's space after."""
        return self.flowable.getSpaceAfter()

    def draw(self) -> None:
        """Draw the flowable, moved right by the indent."""
        self.flowable.drawOn(self.canv, self.left, 0)


def _stroke(canvas: Canvas, colour: Color, width: float) -> None:
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(width)


class Scale(Flowable):
    """A row of ``points`` numbered boxes to mark one of, its two ends labelled under
    the first and the last box."""

    def __init__(self, ps: PdfStyle, left: str, right: str, points: int = 5) -> None:
        super().__init__()
        self.colours = ps.colours
        self.points = points
        self.left = Paragraph(inline(left), _label(ps))
        self.right = Paragraph(inline(right), _label(ps, TA_RIGHT))
        number = ps.style("space-number", SIZE_SMALL, leading=11, textColor=ps.colours.muted,
                          alignment=TA_CENTER)
        self.numbers = [Paragraph(str(n), number) for n in range(1, points + 1)]
        self._labels = 0.0

    def _pitch(self, width: float) -> float:
        """Return the distance between box centres: spread over the width, not too far."""
        return min((width - SCALE_BOX) / max(self.points - 1, 1), 4 * SCALE_BOX)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Return the size: boxes, their numbers under them, then the end labels."""
        self.width = availWidth
        span = self._pitch(availWidth) * (self.points - 1) + SCALE_BOX
        half = max(span / 2 - 6, SCALE_BOX * 2)
        self._labels = max(self.left.wrap(half, availHeight)[1],
                           self.right.wrap(half, availHeight)[1])
        self.height = 6 + SCALE_BOX + 4 + 11 + 4 + self._labels + 6
        return self.width, self.height

    def draw(self) -> None:
        """Draw the boxes (artifacts), then the numbers and the end labels (text)."""
        canvas = self.canv
        if layout_only(canvas):
            return
        pitch = self._pitch(self.width)
        top = self.height - 6
        with artifact(canvas, "Layout"):
            canvas.saveState()
            _stroke(canvas, self.colours.heading, 1.2)
            for n in range(self.points):
                canvas.rect(n * pitch, top - SCALE_BOX, SCALE_BOX, SCALE_BOX, stroke=1, fill=0)
            if pitch > SCALE_BOX + 8:  # a faint line joining the boxes reads as one scale
                _stroke(canvas, self.colours.rule, 0.8)
                middle = top - SCALE_BOX / 2
                for n in range(self.points - 1):
                    canvas.line(n * pitch + SCALE_BOX + 3, middle, (n + 1) * pitch - 3, middle)
            canvas.restoreState()
        numbers_y = top - SCALE_BOX - 4 - 11
        for n, number in enumerate(self.numbers):
            number.wrap(SCALE_BOX, 20)
            number.drawOn(canvas, n * pitch, numbers_y)
        span = pitch * (self.points - 1) + SCALE_BOX
        half = max(span / 2 - 6, SCALE_BOX * 2)
        labels_y = numbers_y - 4
        _w, h = self.left.wrap(half, 100)
        self.left.drawOn(canvas, 0, labels_y - h)
        _w, h = self.right.wrap(half, 100)
        self.right.drawOn(canvas, span - half, labels_y - h)


def _arrow(canvas: Canvas, x: float, y: float, dx: float, dy: float, size: float = 6) -> None:
    """Draw a filled arrow head at (x, y) pointing along (dx, dy), a unit direction."""
    path = canvas.beginPath()
    path.moveTo(x, y)
    path.lineTo(x - dx * size - dy * size * 0.5, y - dy * size + dx * size * 0.5)
    path.lineTo(x - dx * size + dy * size * 0.5, y - dy * size - dx * size * 0.5)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


class Grid(Flowable):
    """A 2 x 2 grid to plot on: two axes with arrows, the x axis labelled under the
    grid and the y axis along its left side, and the four quadrants marked out."""

    def __init__(self, ps: PdfStyle, x_axis: str, y_axis: str,
                 height: float = GRID_HEIGHT) -> None:
        super().__init__()
        self.colours = ps.colours
        self.x_label = Paragraph(inline(x_axis), _label(ps, TA_CENTER))
        self.y_label = Paragraph(inline(y_axis), _label(ps, TA_CENTER))
        self.area = height
        self._x_height = self._y_height = 0.0

    GUTTER = 22.0
    """Room left of the grid for the rotated y-axis label."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Return the size: the grid's area, then the x label under it."""
        self.width = availWidth
        self._grid_width = min(availWidth - self.GUTTER, self.area * 1.6)
        self._x_height = self.x_label.wrap(self._grid_width, availHeight)[1]
        self._y_height = self.y_label.wrap(self.area, availHeight)[1]
        self.height = 8 + self.area + 6 + self._x_height + 6
        return self.width, self.height

    def draw(self) -> None:
        """Draw the grid and axes (artifacts), then the axis labels (text)."""
        canvas = self.canv
        if layout_only(canvas):
            return
        left = self.GUTTER
        bottom = self.height - 8 - self.area
        width, height = self._grid_width, self.area
        with artifact(canvas, "Layout"):
            canvas.saveState()
            canvas.setFillColor(self.colours.surface)
            canvas.rect(left, bottom, width, height, stroke=0, fill=1)
            _stroke(canvas, self.colours.write_line, 0.8)
            canvas.setDash(3, 3)
            canvas.line(left + width / 2, bottom, left + width / 2, bottom + height)
            canvas.line(left, bottom + height / 2, left + width, bottom + height / 2)
            canvas.setDash()
            _stroke(canvas, self.colours.heading, 1.4)
            canvas.setFillColor(self.colours.heading)
            canvas.line(left, bottom, left + width, bottom)
            canvas.line(left, bottom, left, bottom + height)
            _arrow(canvas, left + width, bottom, 1, 0)
            _arrow(canvas, left, bottom + height, 0, 1)
            canvas.restoreState()
        self.x_label.drawOn(canvas, left, bottom - 6 - self._x_height)
        canvas.saveState()
        canvas.translate(left - 6, bottom)
        canvas.rotate(90)
        self.y_label.drawOn(canvas, 0, 0)
        canvas.restoreState()


class Timeline(Flowable):
    """A line from a start to an end to mark steps and waits on: a dot at the start, an
    arrow at the end, faint ticks between, on a pale band with room above and below the
    line to write on; the ends labelled under the band."""

    TICKS = 12

    def __init__(self, ps: PdfStyle, start: str, end: str,
                 height: float = TIMELINE_HEIGHT) -> None:
        super().__init__()
        self.colours = ps.colours
        self.start = Paragraph(inline(start), _label(ps))
        self.end = Paragraph(inline(end), _label(ps, TA_RIGHT))
        self.band = height
        self._labels = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Return the size: the band with the line in it, then the end labels."""
        self.width = availWidth
        half = availWidth / 2 - 6
        self._labels = max(self.start.wrap(half, availHeight)[1],
                           self.end.wrap(half, availHeight)[1])
        self.height = self.band + 4 + self._labels + 6
        return self.width, self.height

    def draw(self) -> None:
        """Draw the band, the line and its ticks (artifacts), then the labels (text)."""
        canvas = self.canv
        if layout_only(canvas):
            return
        width = self.width
        bottom = self.height - self.band
        line_y = bottom + self.band * 0.42
        with artifact(canvas, "Layout"):
            canvas.saveState()
            canvas.setFillColor(self.colours.surface)
            canvas.rect(0, bottom, width, self.band, stroke=0, fill=1)
            _stroke(canvas, self.colours.rule, 0.8)
            step = (width - 16) / self.TICKS
            for n in range(1, self.TICKS):
                canvas.line(6 + n * step, line_y - 5, 6 + n * step, line_y + 5)
            _stroke(canvas, self.colours.heading, 2.0)
            canvas.setFillColor(self.colours.heading)
            canvas.line(6, line_y, width - 2, line_y)
            canvas.circle(6, line_y, 5, stroke=0, fill=1)
            _arrow(canvas, width, line_y, 1, 0, 9)
            canvas.restoreState()
        half = width / 2 - 6
        _w, h = self.start.wrap(half, 100)
        self.start.drawOn(canvas, 0, bottom - 4 - h)
        _w, h = self.end.wrap(half, 100)
        self.end.drawOn(canvas, width - half, bottom - 4 - h)


def fill_in_table(ps: PdfStyle, headings: tuple[str, ...], rows: int, width: float,
                  row_height: float = TABLE_ROW) -> Table:
    """Return a table to fill in: the headings as its header row, then ``rows`` empty
    rows ``row_height`` tall (room for two lines of handwriting unless the page is
    short of room; a real table: TH and TD cells)."""
    c = ps.colours
    head = ps.style("space-head", SIZE_META, leading=12.5, bold=True)
    header = [Paragraph(inline(h), head) for h in headings]
    data: list[list[object]] = [header, *([""] * len(headings) for _ in range(rows))]
    table = Table(data, colWidths=[width / len(headings)] * len(headings), repeatRows=1,
                  hAlign="LEFT", header_rows=1,
                  rowHeights=[None, *([row_height] * rows)])
    table.setStyle(ps.table([
        ("BACKGROUND", (0, 0), (-1, 0), c.surface),
        ("GRID", (0, 0), (-1, -1), 0.6, c.write_line),
        ("LINEBELOW", (0, 0), (-1, 0), 1.2, c.heading),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, 0), 5),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table
