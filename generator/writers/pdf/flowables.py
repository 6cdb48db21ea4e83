"""Flowables the handout and the facilitator guide share: ruled writing lines,
slide thumbnails, checkbox squares and rules (the cover is in `pdf.cover`).

Each marks what it draws for the structure tree (`generator.writers.pdf.tags`):
writing lines, squares, rules and the cover's bands are artifacts, a thumbnail
is a figure with alternative text, the cover's texts are headings and paragraphs.
"""

from __future__ import annotations

import math

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from generator.writers.pdf.tagged import Paragraph
from generator.writers.pdf.tags import artifact, figure, layout_only
from generator.writers.pdf.thumbnails import Thumbnail

SLIDE_RATIO = 9 / 16
LINE_SPACING = 22.68
"""Distance between ruled writing lines everywhere in the handout: 8 mm, like ruled paper."""


class RuledLines(Flowable):
    """Ruled lines to write on; splits across pages when there are too many for one.

    With ``fill`` the block grows to use the rest of the frame; it still has at
    least ``count`` lines, continuing on the next page when they do not all fit.
    """

    def __init__(self, count: int, colour: Color, spacing: float = LINE_SPACING, *,
                 fill: bool = False) -> None:
        super().__init__()
        self.count = max(count, 0)
        self.spacing = spacing
        self.fill = fill
        self.colour = colour
        self._lines = self.count

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Return the size: full width, one spacing per line."""
        self.width = availWidth
        lines = self.count
        if self.fill:
            lines = max(lines, int((availHeight + 0.01) // self.spacing))
        self._lines = lines
        self.height = lines * self.spacing
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Return the lines that fit here and the rest, or [] when that would leave a
        lone line on either page (or none fit)."""
        here = int((availHeight + 0.01) // self.spacing)
        rest = self.count - here
        if rest == 1 and not self.fill:  # one line over: two go on instead
            here, rest = here - 1, 2
        if here < 2 or rest < 1:
            return []
        return [RuledLines(here, self.colour, self.spacing),
                RuledLines(self.count - here, self.colour, self.spacing,
                           fill=self.fill)]

    def draw(self) -> None:
        """Draw the lines, the last one at the bottom of the block."""
        canvas = self.canv
        with artifact(canvas, "Layout"):
            canvas.saveState()
            canvas.setStrokeColor(self.colour)
            canvas.setLineWidth(0.6)
            for i in range(self._lines):
                y = self.height - (i + 1) * self.spacing
                canvas.line(0, y, self.width, y)
            canvas.restoreState()


class Continued(Flowable):
    """A flowable with a heading shown over it only when it starts a page, such as
    "Map the waits (continued)" over a worksheet question that moved on from the
    worksheet's first page.

    Mid-page it is exactly its flowable (size and spacing). It knows it starts a
    page when it is offered exactly the whole frame's height. The heading repeats one already read,
    so it is drawn as an artifact."""

    def __init__(self, flowable: Flowable, heading: Paragraph, frame_height: float) -> None:
        super().__init__()
        self.flowable = flowable
        self.heading = heading
        self.frame_height = frame_height
        self.shown = False
        self._above = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Return the flowable's size, plus the heading's when it starts a page."""
        # the whole frame, not more: a group measuring its parts offers them "unlimited"
        self.shown = abs(availHeight - self.frame_height) < 1.0
        self._above = 0.0
        if self.shown:
            _w, h = self.heading.wrap(availWidth, availHeight)
            self._above = h + self.heading.getSpaceAfter()
        width, height = self.flowable.wrap(availWidth, availHeight - self._above)
        self.width, self.height = width, height + self._above
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        """Return the flowable's space before."""
        return self.flowable.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        """Return the flowable's space after."""
        return self.flowable.getSpaceAfter()

    def draw(self) -> None:
        """Draw the heading (when shown) and the flowable under it."""
        canvas = self.canv
        if layout_only(canvas):
            return
        if self.shown:
            with artifact(canvas, "Pagination"):
                self.heading.drawOn(canvas, 0, self.height - self.heading.height)
        self.flowable.drawOn(canvas, 0, 0)


class FillLines(Flowable):
    """A heading and writing lines that use up the rest of the page, or nothing at all
    when fewer than ``min_lines`` lines would fit (it never starts a page of its own)."""

    def __init__(self, heading: Paragraph, colour: Color, min_lines: int = 2,
                 spacing: float = LINE_SPACING) -> None:
        super().__init__()
        self.heading = heading
        self.colour = colour
        self.min_lines = min_lines
        self.spacing = spacing
        self._heading_height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Return the rest of the frame, or zero height when too little is left."""
        self.width = availWidth
        _w, h = self.heading.wrap(availWidth, availHeight)
        self._heading_height = h + self.heading.getSpaceBefore() + self.heading.getSpaceAfter()
        if availHeight - self._heading_height < self.min_lines * self.spacing:
            self.height = 0.0
        else:
            self.height = availHeight - 0.01
        return self.width, self.height

    def draw(self) -> None:
        """Draw the heading and as many lines as fit under it."""
        if not self.height:
            return
        top = self.height - self.heading.getSpaceBefore()
        self.heading.drawOn(self.canv, 0, top - self.heading.height)
        draw_ruled_lines(self.canv, 0, self.height - self._heading_height, self.width, 0,
                         self.colour, self.spacing)


def draw_ruled_lines(canvas: Canvas, x: float, top: float, width: float, bottom: float,
                     colour: Color, spacing: float = LINE_SPACING) -> int:
    """Draw writing lines from ``top`` down to ``bottom``; return how many were drawn."""
    count = math.floor((top - bottom + 0.01) / spacing)
    if count < 1:
        return 0
    with artifact(canvas, "Layout"):
        canvas.saveState()
        canvas.setStrokeColor(colour)
        canvas.setLineWidth(0.6)
        for i in range(count):
            y = top - (i + 1) * spacing
            canvas.line(x, y, x + width, y)
        canvas.restoreState()
    return count


def draw_thumbnail(canvas: Canvas, thumbnail: Thumbnail, index: int,
                   x: float, y: float, width: float, height: float, alt: str) -> None:
    """Draw slide ``index`` through ``thumbnail`` into a rectangle (the drawer frames it),
    as a figure with alternative text ``alt``."""
    with figure(canvas, alt, (x, y, width, height)):
        canvas.saveState()
        thumbnail(canvas, index, x, y, width, height)
        canvas.restoreState()


class SlideThumbnail(Flowable):
    """A framed 16:9 picture of one slide, ``width`` points wide, with alternative text."""

    def __init__(self, thumbnail: Thumbnail, index: int, width: float, alt: str) -> None:
        super().__init__()
        self.thumbnail = thumbnail
        self.index = index
        self.alt = alt
        self.width = width
        self.height = width * SLIDE_RATIO

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Return the thumbnail's fixed size."""
        return self.width, self.height

    def draw(self) -> None:
        """Draw the slide and its frame (nothing in a layout pass)."""
        if layout_only(self.canv):
            return
        draw_thumbnail(self.canv, self.thumbnail, self.index, 0, 0, self.width, self.height,
                       self.alt)


class CheckBox(Flowable):
    """An empty square to tick."""

    def __init__(self, colour: Color, size: float = 10.0) -> None:
        super().__init__()
        self.colour = colour
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Return the square's size."""
        return self.width, self.height

    def draw(self) -> None:
        """Draw the square (an artifact: it is there to tick on paper)."""
        with artifact(self.canv, "Layout"):
            self.canv.saveState()
            self.canv.setStrokeColor(self.colour)
            self.canv.setLineWidth(0.9)
            self.canv.rect(0, 0, self.width, self.height, stroke=1, fill=0)
            self.canv.restoreState()
