"""Flowables the handout and the facilitator guide share: ruled writing lines,
slide thumbnails, checkbox squares, rules and the cover page.

Each marks what it draws for the structure tree (`generator.writers.pdf.tags`):
writing lines, squares, rules and the cover's bands are artifacts, a thumbnail
is a figure with alternative text, the cover's texts are headings and paragraphs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from reportlab.platypus.flowables import HRFlowable

from generator.writers.pdf.common import (
    ACCENT,
    FONT_BOLD,
    GREY,
    LINE,
    NAVY,
    RULE,
    SOFT_WHITE,
    TEXT,
    WHITE,
    make_style,
    table_style,
)
from generator.writers.pdf.document import (
    PageGeometry,
)
from generator.writers.pdf.tagged import Paragraph, Table
from generator.writers.pdf.tags import artifact, figure, layout_only, tagged

Thumbnail = Callable[[Canvas, int, float, float, float, float], None]
"""Draws ``plan.slides[i]`` into the rectangle (x, y, width, height), in points."""

SLIDE_RATIO = 9 / 16
LINE_SPACING = 24.0
"""Distance between ruled writing lines (about 8.5 mm, like ruled paper)."""


class RuledLines(Flowable):
    """Ruled lines to write on; splits across pages when there are too many for one.

    With ``fill`` the block grows to use the rest of the frame; it still has at
    least ``count`` lines, continuing on the next page when they do not all fit.
    """

    def __init__(self, count: int, spacing: float = LINE_SPACING, *, fill: bool = False,
                 colour: Color = LINE) -> None:
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
        """Return the lines that fit here and the rest, or [] when none fit."""
        here = int((availHeight + 0.01) // self.spacing)
        if here < 1 or here >= self.count:
            return []
        return [RuledLines(here, self.spacing, colour=self.colour),
                RuledLines(self.count - here, self.spacing, colour=self.colour,
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

    def __init__(self, heading: Paragraph, min_lines: int = 2,
                 spacing: float = LINE_SPACING) -> None:
        super().__init__()
        self.heading = heading
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
                         self.spacing)


def draw_ruled_lines(canvas: Canvas, x: float, top: float, width: float, bottom: float,
                     spacing: float = LINE_SPACING) -> int:
    """Draw writing lines from ``top`` down to ``bottom``; return how many were drawn."""
    count = math.floor((top - bottom + 0.01) / spacing)
    if count < 1:
        return 0
    with artifact(canvas, "Layout"):
        canvas.saveState()
        canvas.setStrokeColor(LINE)
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

    def __init__(self, size: float = 10.0) -> None:
        super().__init__()
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Return the square's size."""
        return self.width, self.height

    def draw(self) -> None:
        """Draw the square (an artifact: it is there to tick on paper)."""
        with artifact(self.canv, "Layout"):
            self.canv.saveState()
            self.canv.setStrokeColor(TEXT)
            self.canv.setLineWidth(0.9)
            self.canv.rect(0, 0, self.width, self.height, stroke=1, fill=0)
            self.canv.restoreState()


class Rule(HRFlowable):
    """A horizontal rule between blocks (an artifact)."""

    def draw(self) -> None:
        """Draw the rule."""
        with artifact(self.canv, "Layout"):
            super().draw()


class CoverPage(Flowable):
    """A whole cover page: a navy band with the title, an accent stripe, the details
    as label/value rows, an optional notice and a credit line at the foot."""

    def __init__(
        self,
        geometry: PageGeometry,
        *,
        kind: str,
        title: str,
        subtitle: str | None,
        kicker: str | None,
        organisation: str | None,
        details: Sequence[tuple[str, str]],
        notice: str | None = None,
        credit: str | None = None,
    ) -> None:
        super().__init__()
        self.geo = geometry
        self.kind = kind
        self.title = title
        self.subtitle = subtitle
        self.kicker = kicker
        self.organisation = organisation
        self.details = list(details)
        self.notice = notice
        self.credit = credit

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Return the size of the whole page."""
        self.width, self.height = availWidth, availHeight
        return availWidth, availHeight

    def _band_paragraphs(self) -> list[tuple[Paragraph, float]]:
        """Return the band's paragraphs, each with the space to leave above it.

        The title is the document's first heading; the rest are paragraphs.
        """
        out: list[tuple[Paragraph, float]] = [
            (Paragraph(self.kind, make_style("cover-kind", 15, fontName=FONT_BOLD,
                                         textColor=WHITE), role="P"), 0.0),
        ]
        if self.kicker:
            kicker = make_style("cover-kicker", 13, textColor=SOFT_WHITE)
            out.append((Paragraph(self.kicker, kicker, role="P"), 18.0))
        out.append((Paragraph(self.title, make_style("cover-title", 36, leading=41,
                                                 fontName=FONT_BOLD, textColor=WHITE),
                              role="H1"),
                    8.0 if self.kicker else 18.0))
        if self.subtitle:
            out.append((Paragraph(self.subtitle, make_style("cover-sub", 16, leading=21.5,
                                                        textColor=SOFT_WHITE), role="P"),
                        12.0))
        return out

    def draw(self) -> None:
        """Draw the cover, its texts in reading order: organisation, title block,
        details, notice, credit (nothing in a layout pass)."""
        canvas = self.canv
        if layout_only(canvas):
            return
        geo = self.geo
        left = geo.left + 8
        width = min(geo.width - left - geo.right - 8, 440.0)
        page_top = self.height

        paragraphs = self._band_paragraphs()
        heights = []
        for paragraph, _gap in paragraphs:
            heights.append(paragraph.wrap(width, page_top)[1])
        block = sum(heights) + sum(gap for _p, gap in paragraphs)
        band_height = max(0.46 * page_top, block + 150.0)
        band_bottom = page_top - band_height

        canvas.saveState()
        with artifact(canvas, "Layout"):
            canvas.setFillColor(NAVY)
            canvas.rect(0, band_bottom, self.width, band_height, stroke=0, fill=1)
            canvas.setFillColor(ACCENT)
            canvas.rect(0, band_bottom - 9, self.width, 9, stroke=0, fill=1)
        if self.organisation:
            with tagged(canvas, "P"):
                canvas.setFillColor(WHITE)
                canvas.setFont(FONT_BOLD, 10.5)
                canvas.drawString(left, page_top - 58, self.organisation)
        # The title block sits at the foot of the band, an accent bar above it.
        y = band_bottom + 48 + block
        with artifact(canvas, "Layout"):
            canvas.setFillColor(ACCENT)
            canvas.rect(left, y + 14, 56, 5, stroke=0, fill=1)
        for (paragraph, gap), height in zip(paragraphs, heights, strict=True):
            y -= gap + height
            paragraph.drawOn(canvas, left, y)
        canvas.restoreState()

        self._draw_details(left, width, band_bottom - 9 - 44)
        self._draw_foot(left, width)

    def _draw_details(self, left: float, width: float, top: float) -> None:
        """Draw the details as a table of label (row header) and value."""
        label_style = make_style("cover-label", 9.5, fontName=FONT_BOLD, textColor=GREY,
                             leading=16)
        value_style = make_style("cover-value", 13, leading=17)
        rows = [[Paragraph(label, label_style), Paragraph(value, value_style)]
                for label, value in self.details]
        if rows:
            table = Table(rows, colWidths=[112, width - 112 + 8], header_cols=1)
            table.setStyle(table_style([
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (0, -1), 2.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (1, 0), (1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 13),
            ]))
            _w, h = table.wrap(width + 8, top)
            table.drawOn(self.canv, left, top - h)

    def _draw_foot(self, left: float, width: float) -> None:
        """Draw the notice and, under it at the foot of the page, the credit line."""
        canvas = self.canv
        foot = geo_bottom = self.geo.bottom
        credit = None
        if self.credit:
            credit = Paragraph(self.credit, make_style("cover-credit", 9.5, leading=13,
                                                   textColor=GREY))
            _w, credit_height = credit.wrap(width + 40, self.height)
            foot += credit_height + 24
        if self.notice:
            notice = Paragraph(self.notice, make_style(
                "cover-notice", 10.5, leading=14.5, backColor=None, textColor=TEXT))
            _w, h = notice.wrap(width - 12, self.height)
            with artifact(canvas, "Layout"):
                canvas.saveState()
                canvas.setFillColor(ACCENT)
                canvas.rect(left, foot + 6, 4, h + 12, stroke=0, fill=1)
                canvas.restoreState()
            notice.drawOn(canvas, left + 14, foot + 12)
        if credit is not None:
            credit.drawOn(canvas, left, geo_bottom)
            line = geo_bottom + credit_height + 10
            with artifact(canvas, "Layout"):
                canvas.saveState()
                canvas.setStrokeColor(RULE)
                canvas.setLineWidth(0.6)
                canvas.line(left, line, left + width + 40, line)
                canvas.restoreState()
