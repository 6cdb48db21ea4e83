"""The slide pages of the participant handout: 1, 2, 3, 4 or 6 slides to a page,
or (with 0) each slide's content as text.

A `SlideRow` holds one row of slides. Its height is the page's share for one
row, but it shrinks to the space left on a page (never below what its content
needs), so a section's summary and its first slides can share a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import assert_never

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer

from generator.model import Bullet, ColumnsSlide, TableSlide
from generator.plan import PlannedSlide
from generator.slide_kinds import (
    ActivityKind,
    AgendaKind,
    BreakKind,
    BulletsKind,
    ClosingKind,
    ColumnsKind,
    ImageKind,
    QuoteKind,
    SectionKind,
    StatementKind,
    TableKind,
    TitleKind,
)
from generator.words import Words, words_for
from generator.writers.pdf.common import (
    inline,
    markup_of,
    slide_field,
    stack_height,
    text_flowables,
)
from generator.writers.pdf.flowables import (
    LINE_SPACING,
    SLIDE_RATIO,
    Thumbnail,
    draw_ruled_lines,
    draw_thumbnail,
)
from generator.writers.pdf.style import SIZE_META, SIZE_SMALL, PdfStyle
from generator.writers.pdf.tagged import Paragraph, Table
from generator.writers.pdf.tags import layout_only

CONTENT_ROLES = frozenset(
    {"bullets", "columns", "quote", "statement", "image", "table", "activity"}
)
"""Slides the handout shows: the outline's own slides, not the made-up ones."""

NOTE_LINE_SPACING = LINE_SPACING
ROW_GAP = 18.0
COLUMN_GAP = 20.0


@dataclass(frozen=True, slots=True)
class RowLayout:
    """How one slides-per-page setting arranges a row of slides."""

    rows: int
    columns: int
    thumb_fraction: float
    lines_beside: bool
    text_size: float
    min_lines: int


LAYOUTS: dict[int, RowLayout] = {
    1: RowLayout(1, 1, 1.0, False, SIZE_META, 3),
    2: RowLayout(2, 1, 0.74, False, SIZE_META, 2),
    3: RowLayout(3, 1, 0.5, True, SIZE_META, 3),
    4: RowLayout(2, 2, 1.0, False, SIZE_META, 2),
    6: RowLayout(3, 2, 1.0, False, SIZE_SMALL, 0),
}


@dataclass(frozen=True, slots=True)
class SlideCard:
    """One slide in a row: which slide, its caption, the handout text beside it and
    the picture's alternative text."""

    index: int
    caption: str
    text: str | None
    alt: str


def _caption_style(ps: PdfStyle, layout: RowLayout) -> ParagraphStyle:
    return ps.style(f"caption-{layout.text_size}", SIZE_SMALL,
                    textColor=ps.colours.muted, spaceAfter=3)


def _text_style(ps: PdfStyle, layout: RowLayout) -> ParagraphStyle:
    return ps.style(f"cell-{layout.text_size}", layout.text_size, spaceAfter=4)


def card_paragraphs(ps: PdfStyle, card: SlideCard, layout: RowLayout) -> list[Flowable]:
    """Return the caption and handout text of a card as paragraphs."""
    out: list[Flowable] = [Paragraph(card.caption, _caption_style(ps, layout))]
    if card.text:
        out.extend(text_flowables(card.text, _text_style(ps, layout)))
    return out


class SlideRow(Flowable):
    """One row of slides: thumbnails with their captions, handout text and note lines.

    ``texts`` are the cards' `card_paragraphs`, made once by the caller, then
    measured and drawn at one width."""

    def __init__(self, cards: Sequence[SlideCard], texts: Sequence[list[Flowable]],
                 layout: RowLayout, thumbnail: Thumbnail, frame_width: float,
                 frame_height: float, line_colour: Color) -> None:
        super().__init__()
        self.line_colour = line_colour
        self.cards = list(cards)
        self.texts = list(texts)
        self.layout = layout
        self.thumbnail = thumbnail
        self.width = frame_width
        self.nominal = frame_height / layout.rows - 0.01
        self.cell_width = (frame_width - COLUMN_GAP * (layout.columns - 1)) / layout.columns
        if layout.lines_beside:
            self.thumb_width = (frame_width - COLUMN_GAP) * layout.thumb_fraction
        else:
            self.thumb_width = self.cell_width * layout.thumb_fraction
        self.thumb_height = self.thumb_width * SLIDE_RATIO
        self.need = ROW_GAP + max(self._content_height(text) for text in self.texts)
        if not layout.lines_beside:
            self.need += layout.min_lines * NOTE_LINE_SPACING
        self.height = self.nominal

    def _content_height(self, text: list[Flowable]) -> float:
        return self.thumb_height + 8 + stack_height(text, self.thumb_width)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Return the row's size: its page share, or all the space left when no other
        row would fit under it; never less than its content needs."""
        if availHeight - self.nominal >= self.need:
            self.height = self.nominal
        else:
            self.height = max(self.need, availHeight - 0.01)
        return self.width, self.height

    def draw(self) -> None:
        """Draw each card: thumbnail, caption, text, then lines to write notes on
        (nothing in a layout pass)."""
        canvas = self.canv
        if layout_only(canvas):
            return
        top = self.height
        bottom = ROW_GAP
        for column, (card, text) in enumerate(zip(self.cards, self.texts, strict=True)):
            x = column * (self.cell_width + COLUMN_GAP)
            if not self.layout.lines_beside:
                x += (self.cell_width - self.thumb_width) / 2
            y = top - self.thumb_height
            draw_thumbnail(canvas, self.thumbnail, card.index, x, y, self.thumb_width,
                           self.thumb_height, card.alt)
            y -= 8
            for i, paragraph in enumerate(text):
                _w, h = paragraph.wrap(self.thumb_width, y)
                y -= h + (paragraph.getSpaceBefore() if i else 0)
                paragraph.drawOn(canvas, x, y)
                y -= paragraph.getSpaceAfter()
            if self.layout.lines_beside:
                lines_x = x + self.thumb_width + COLUMN_GAP
                draw_ruled_lines(canvas, lines_x, top + NOTE_LINE_SPACING - 6,
                                 self.width - lines_x, bottom, self.line_colour,
                                 NOTE_LINE_SPACING)
            else:
                draw_ruled_lines(canvas, x, y - 2, self.thumb_width, bottom, self.line_colour,
                                 NOTE_LINE_SPACING)


def slide_rows(ps: PdfStyle, cards: Sequence[SlideCard], per_page: int, thumbnail: Thumbnail,
               frame_width: float, frame_height: float) -> list[Flowable]:
    """Return the rows for a section's slides, with over-long handout text set after its row.

    Handout text that would make a row taller than about half a page is printed
    under the row as ordinary paragraphs, which can flow across pages.
    """
    layout = LAYOUTS[per_page]
    out: list[Flowable] = []
    pending: list[SlideCard] = []
    texts: list[list[Flowable]] = []
    after: list[Flowable] = []
    width = (frame_width - COLUMN_GAP) * layout.thumb_fraction if layout.lines_beside else (
        (frame_width - COLUMN_GAP * (layout.columns - 1)) / layout.columns
        * layout.thumb_fraction)

    def flush() -> None:
        nonlocal after
        if pending:
            out.append(SlideRow(pending, texts, layout, thumbnail, frame_width, frame_height,
                                ps.colours.write_line))
            out.extend(after)
            pending.clear()
            texts.clear()
            after = []

    for card in cards:
        text = card_paragraphs(ps, card, layout)
        if card.text and stack_height(text, width) > 0.4 * frame_height:
            after.extend(text_flowables(card.text, ps.styles.note_box))
            card = SlideCard(card.index, card.caption + " (text below)", None, card.alt)
            text = card_paragraphs(ps, card, layout)
        pending.append(card)
        texts.append(text)
        if len(pending) == layout.columns:
            flush()
    flush()
    return out


# --------------------------------------------------------------------------- text only


def _bullets(ps: PdfStyle, bullets: Sequence[Bullet], depth: int = 0) -> list[Flowable]:
    st = ps.styles
    out: list[Flowable] = []
    for bullet in bullets:
        style = st.bullet if depth == 0 else st.bullet2
        out.append(Paragraph(inline(bullet.text), style, bulletText="•" if depth == 0 else "–",
                             list_level=depth))
        out.extend(_bullets(ps, bullet.children, depth + 1))
    return out


def _table(ps: PdfStyle, slide: TableSlide) -> Table:
    st = ps.styles
    rows: list[list[Flowable]] = []
    if slide.table.header:
        rows.append([Paragraph(inline(h), st.cell_head) for h in slide.table.header])
    rows.extend([Paragraph(inline(c), st.cell) for c in row] for row in slide.table.rows)
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, ps.colours.rule),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]
    if slide.table.header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), ps.colours.table_header))
    table = Table(rows, repeatRows=1 if slide.table.header else 0, hAlign="LEFT",
                  header_rows=1 if slide.table.header else 0)
    table.setStyle(ps.table(commands))
    return table


def _columns(ps: PdfStyle, slide: ColumnsSlide, width: float) -> Table:
    st = ps.styles
    cells: list[list[Flowable]] = []
    for column in slide.columns:
        cell: list[Flowable] = []
        if column.heading:
            cell.append(Paragraph(inline(column.heading), st.cell_bold))
            cell.append(Spacer(1, 3))
        cell.extend(_bullets(ps, column.bullets))
        cells.append(cell)
    table = Table([cells], colWidths=[width / len(cells)] * len(cells), hAlign="LEFT",
                  layout=True)
    table.setStyle(ps.table([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 12),
    ]))
    return table


def slide_text(ps: PdfStyle, slide: PlannedSlide, caption: str, width: float,
               words: Words | None = None) -> list[Flowable]:
    """Return one slide written out as text: caption, title, content, handout text;
    make-deck's own words in ``words``' language (default English)."""
    st = ps.styles
    words = words or words_for("en-GB")
    kind = slide.kind
    head: list[Flowable] = [Paragraph(caption, st.label)]
    if slide.title_given or not isinstance(kind, QuoteKind | StatementKind):
        head.append(Paragraph(inline(slide.title), st.h3, role="H2"))
    body: list[Flowable] = []
    match kind:
        case BulletsKind(slide=bullets):
            body = _bullets(ps, bullets.bullets)
        case ColumnsKind(slide=columns):
            body = [_columns(ps, columns, width)]
        case QuoteKind(slide=quote):
            body = [Paragraph(f"“{inline(quote.quote)}”", st.quote)]
            if quote.by:
                body.append(Paragraph(f"— {inline(quote.by)}", ps.style(
                    "quote-by", SIZE_META, textColor=ps.colours.muted, leftIndent=14,
                    spaceAfter=4)))
        case StatementKind(slide=statement):
            body = [Paragraph(inline(statement.statement), st.statement)]
        case ImageKind(slide=image):
            if image.alt:
                body.append(Paragraph(
                    f"<i>{words('Picture: {alt}', alt=inline(image.alt))}</i>", st.meta))
            if image.caption:
                body.append(Paragraph(inline(image.caption), st.meta))
        case TableKind(slide=table):
            body = [_table(ps, table)]
        case ActivityKind(slide=activity_slide):
            activity = activity_slide.activity
            parts = [markup_of(words.minutes(activity.minutes))]
            if activity.format:
                parts.append(inline(activity.format))
            body = [Paragraph(words("Activity: {title}", title=" · ".join(parts)), st.meta)]
        case TitleKind() | AgendaKind() | SectionKind() | BreakKind() | ClosingKind():
            pass  # slides make-deck adds are not written out in the handout
        case _:
            assert_never(kind)
    text = slide_field(slide.slide, "handout")
    extra = text_flowables(text, st.note_box) if text else []
    return [KeepTogether([*head, *body, *extra]), Spacer(1, 14)]

