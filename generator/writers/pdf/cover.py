"""The cover page both PDFs open with (a flowable filling the whole page).

Its band, stripes and texts take the look's colours and faces; the logo, when the
look has one, sits at the band's top right as a figure with its alternative text.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from generator.look.theme import Logo
from generator.markup import halves, strip_marks
from generator.writers.pdf.document import PageGeometry
from generator.writers.pdf.style import (
    BODY_SIZE,
    SIZE_DISPLAY,
    SIZE_H2,
    SIZE_LEAD,
    SIZE_SMALL,
    PdfStyle,
    hex_of,
)
from generator.writers.pdf.tagged import Paragraph, Table
from generator.writers.pdf.tags import artifact, figure, layout_only, tagged


class CoverPage(Flowable):
    """A whole cover page: a band in the look's cover colour with the title and the
    logo, an accent stripe, the details as label/value rows, an optional notice and a
    credit line at the foot."""

    def __init__(
        self,
        geometry: PageGeometry,
        style: PdfStyle,
        *,
        kind: str,
        title: str,
        subtitle: str | None,
        kicker: str | None,
        organisation: str | None,
        details: Sequence[tuple[str, str]],
        notice: str | None = None,
        credit: str | None = None,
        logo: Logo | None = None,
    ) -> None:
        super().__init__()
        self.geo = geometry
        self.style = style
        self.logo = logo
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
        s, c = self.style, self.style.colours
        out: list[tuple[Paragraph, float]] = [
            (Paragraph(self.kind, s.style("cover-kind", SIZE_H2, bold=True,
                                          textColor=c.cover_text), role="P"), 0.0),
        ]
        if self.kicker:
            kicker = s.style("cover-kicker", SIZE_LEAD, textColor=c.cover_soft,
                             linkColor=hex_of(c.cover_soft))
            out.append((Paragraph(self.kicker, kicker, role="P"), 18.0))
        out.append((Paragraph(self.title, s.style("cover-title", SIZE_DISPLAY, leading=41,
                                                  fontName=s.fonts.heading,
                                                  textColor=c.cover_text,
                                                  linkColor=hex_of(c.cover_text)),
                              role="H1"),
                    8.0 if self.kicker else 18.0))
        if self.subtitle:
            out.append((Paragraph(self.subtitle, s.style("cover-sub", SIZE_H2, leading=20.5,
                                                         textColor=c.cover_soft,
                                                         linkColor=hex_of(c.cover_soft)),
                                  role="P"),
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

        c = self.style.colours
        canvas.saveState()
        with artifact(canvas, "Layout"):
            canvas.setFillColor(c.cover)
            canvas.rect(0, band_bottom, self.width, band_height, stroke=0, fill=1)
            canvas.setFillColor(c.cover_accent)
            canvas.rect(0, band_bottom - 9, self.width, 9, stroke=0, fill=1)
        if self.organisation:  # one line; a pair's two languages side by side
            found = halves(self.organisation)
            parts = [(None, self.organisation)] if found is None else [
                (found[0][0], found[0][1] + " / "), found[1]]
            x = left
            for lang, text in parts:
                text = strip_marks(text)
                with tagged(canvas, "P", lang=lang):
                    canvas.setFillColor(c.cover_text)
                    canvas.setFont(self.style.fonts.bold, BODY_SIZE)
                    canvas.drawString(x, page_top - 58, text)
                x += stringWidth(text, self.style.fonts.bold, BODY_SIZE)
        if self.logo is not None:
            self._draw_logo(page_top)
        # The title block sits at the foot of the band, an accent bar above it.
        y = band_bottom + 48 + block
        with artifact(canvas, "Layout"):
            canvas.setFillColor(c.cover_accent)
            canvas.rect(left, y + 14, 56, 5, stroke=0, fill=1)
        for (paragraph, gap), height in zip(paragraphs, heights, strict=True):
            y -= gap + height
            paragraph.drawOn(canvas, left, y)
        canvas.restoreState()

        self._draw_details(left, width, band_bottom - 9 - 44)
        self._draw_foot(left, width)

    def _draw_logo(self, page_top: float) -> None:
        """Draw the look's logo at the band's top right, as a figure with its alt text,
        at most 150 pt wide and 60 pt tall."""
        logo = self.logo
        assert logo is not None
        scale = min(150.0 / max(logo.width, 1), 60.0 / max(logo.height, 1))
        w, h = logo.width * scale, logo.height * scale
        x, y = self.width - self.geo.right - w, page_top - 40 - h
        with figure(self.canv, logo.alt, (x, y, w, h)):
            self.canv.drawImage(str(logo.path), x, y, w, h, mask="auto")

    def _draw_details(self, left: float, width: float, top: float) -> None:
        """Draw the details as a table of label (row header) and value."""
        s = self.style
        label_style = s.style("cover-label", SIZE_SMALL, bold=True, textColor=s.colours.muted,
                              leading=16)
        value_style = s.style("cover-value", SIZE_LEAD, leading=17)
        rows = [[Paragraph(label, label_style), Paragraph(value, value_style)]
                for label, value in self.details]
        if rows:
            table = Table(rows, colWidths=[112, width - 112 + 8], header_cols=1)
            table.setStyle(s.table([
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
        s = self.style
        foot = geo_bottom = self.geo.bottom
        credit = None
        if self.credit:
            credit = Paragraph(self.credit, s.style("cover-credit", SIZE_SMALL, leading=13,
                                                    textColor=s.colours.muted))
            _w, credit_height = credit.wrap(width + 40, self.height)
            foot += credit_height + 24
        if self.notice:
            notice = Paragraph(self.notice, s.style(
                "cover-notice", BODY_SIZE, leading=15, backColor=None))
            _w, h = notice.wrap(width - 12, self.height)
            with artifact(canvas, "Layout"):
                canvas.saveState()
                canvas.setFillColor(s.colours.accent)
                canvas.rect(left, foot + 6, 4, h + 12, stroke=0, fill=1)
                canvas.restoreState()
            notice.drawOn(canvas, left + 14, foot + 12)
        if credit is not None:
            credit.drawOn(canvas, left, geo_bottom)
            line = geo_bottom + credit_height + 10
            with artifact(canvas, "Layout"):
                canvas.saveState()
                canvas.setStrokeColor(s.colours.rule)
                canvas.setLineWidth(0.6)
                canvas.line(left, line, left + width + 40, line)
                canvas.restoreState()
