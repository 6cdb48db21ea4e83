"""A stand-in picture of a slide for the PDFs, drawn from the plan alone.

The deck's own layout will later draw the real slide into the handout and the
guide; until then (and whenever no drawer is given) this draws a clean sketch of
each slide: its title and the first of its content (bullets, quote, table...),
in a 16:9 rectangle. Everything is drawn in slide coordinates (960 x 540 points,
a 13.33 x 7.5 inch slide) and scaled into the rectangle, so the sketch keeps its
proportions at any size; anything that does not fit is clipped at the slide edge.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table

from generator.model import (
    ActivitySlide,
    Bullet,
    BulletsSlide,
    ColumnsSlide,
    ImageSlide,
    QuoteSlide,
    StatementSlide,
    TableSlide,
)
from generator.plan import AgendaItem, Plan, PlannedSlide
from generator.slide_kinds import ClosingKind, SectionKind
from generator.writers.pdf.common import (
    ACCENT,
    FONT,
    FONT_BOLD,
    GREY,
    NAVY,
    PALE,
    RULE,
    SOFT_WHITE,
    TEXT,
    WHITE,
    inline,
    long_date,
    make_style,
    markup_of,
    register_fonts,
    table_style,
)
from generator.writers.pdf.flowables import Thumbnail


def _markup(text: str) -> str:
    """Return markup for outline text on a sketch: styled, but links are not clickable."""
    return inline(text, links=False)


SLIDE_WIDTH = 960.0
SLIDE_HEIGHT = 540.0
MARGIN = 60.0
BODY_TOP = SLIDE_HEIGHT - 150.0
BOTTOM = 48.0

Item = tuple[str, float, Color, bool, float]
"""A paragraph to draw: markup, font size, colour, bold, left indent."""


def standin_thumbnail(plan: Plan, slide_numbers: Sequence[int] | None = None) -> Thumbnail:
    """Return a thumbnail drawer that sketches ``plan``'s slides from their content."""
    register_fonts()

    def draw(canvas: Canvas, index: int, x: float, y: float, width: float,
             height: float) -> None:
        number = slide_numbers[index] if slide_numbers else index + 1
        draw_standin(canvas, plan, index, number, x, y, width, height)

    return draw


def draw_standin(canvas: Canvas, plan: Plan, index: int, number: int,
                 x: float, y: float, width: float, height: float) -> None:
    """Draw the framed sketch of ``plan.slides[index]`` into the rectangle (x, y, w, h)."""
    slide = plan.slides[index]
    scale = min(width / SLIDE_WIDTH, height / SLIDE_HEIGHT)
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(x, y, width, height)
    canvas.clipPath(clip, stroke=0, fill=0)
    canvas.translate(x + (width - SLIDE_WIDTH * scale) / 2, y + (height - SLIDE_HEIGHT * scale) / 2)
    canvas.scale(scale, scale)
    _DRAW.get(slide.role, _content)(canvas, plan, slide)
    if slide.role not in ("title", "section", "closing"):
        canvas.setFont(FONT, 14)
        canvas.setFillColor(GREY)
        canvas.drawRightString(SLIDE_WIDTH - 28, 20, str(number) if number > 0 else "")
    canvas.restoreState()
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.75)
    canvas.rect(x, y, width, height, stroke=1, fill=0)
    canvas.restoreState()


def _background(canvas: Canvas, colour: Color) -> None:
    canvas.setFillColor(colour)
    canvas.rect(0, 0, SLIDE_WIDTH, SLIDE_HEIGHT, stroke=0, fill=1)


def _draw_items(canvas: Canvas, items: Sequence[Item], x: float, top: float, width: float,
                bottom: float = BOTTOM, gap: float = 0.45, align: int = 0) -> float:
    """Draw paragraphs downwards from ``top``; stop (with an ellipsis) when one does not fit.

    The first paragraph is always drawn, shrunk if need be (the slide edge clips it).

    Returns the y where drawing stopped.
    """
    y = top
    for i, (markup, size, colour, bold, indent) in enumerate(items):
        paragraph, h = _paragraph(markup, size, colour, bold, align, width - indent)
        # The first item shrinks (down to half size) rather than go missing.
        shrunk = size
        while not i and h > top - bottom and shrunk > size * 0.5:
            shrunk *= 0.85
            paragraph, h = _paragraph(markup, shrunk, colour, bold, align, width - indent)
        space = size * gap if i else 0.0
        if i and y - space - h < bottom:
            canvas.setFont(FONT, size)
            canvas.setFillColor(GREY)
            canvas.drawString(x + indent, y - space - size, "…")
            break
        y -= space + h
        paragraph.drawOn(canvas, x + indent, y)
    return y


def _paragraph(markup: str, size: float, colour: Color, bold: bool, align: int,
               width: float) -> tuple[Paragraph, float]:
    """Return a sketch paragraph wrapped to ``width``, and its height."""
    style = make_style(f"standin-{size:.2f}", size, leading=size * 1.2, textColor=colour,
                       fontName=FONT_BOLD if bold else FONT, alignment=align)
    paragraph = Paragraph(markup, style)
    _w, h = paragraph.wrap(width, SLIDE_HEIGHT)
    return paragraph, h


def _title(canvas: Canvas, slide: PlannedSlide, text: str | None = None) -> None:
    """Draw a content slide's white background, title and accent rule."""
    _background(canvas, WHITE)
    markup = _markup(text) if text is not None else _markup(slide.title)
    end = _draw_items(canvas, [(markup, 36, NAVY, True, 0)], MARGIN, SLIDE_HEIGHT - 44,
                      SLIDE_WIDTH - 2 * MARGIN, bottom=SLIDE_HEIGHT - 150)
    canvas.setFillColor(ACCENT)
    canvas.rect(MARGIN, min(end, SLIDE_HEIGHT - 96) - 20, 72, 6, stroke=0, fill=1)


def _bullet_items(bullets: Sequence[Bullet], size: float = 24, depth: int = 0) -> list[Item]:
    items: list[Item] = []
    for bullet in bullets:
        mark = "•" if depth == 0 else "–"
        items.append((f"{mark}&nbsp;&nbsp;{_markup(bullet.text)}", size - 3 * depth, TEXT, False,
                      30.0 * depth))
        items.extend(_bullet_items(bullet.children, size, depth + 1))
    return items


def _content(canvas: Canvas, plan: Plan, slide: PlannedSlide) -> None:
    """Draw a bullets slide (and, as a fallback, any slide as its title)."""
    _title(canvas, slide)
    content = slide.slide
    if isinstance(content, BulletsSlide):
        _draw_items(canvas, _bullet_items(content.bullets), MARGIN, BODY_TOP,
                    SLIDE_WIDTH - 2 * MARGIN)


def _columns(canvas: Canvas, plan: Plan, slide: PlannedSlide) -> None:
    _title(canvas, slide)
    content = slide.slide
    assert isinstance(content, ColumnsSlide)
    gap = 36.0
    count = len(content.columns)
    width = (SLIDE_WIDTH - 2 * MARGIN - gap * (count - 1)) / count
    for i, column in enumerate(content.columns):
        x = MARGIN + i * (width + gap)
        items: list[Item] = []
        if column.heading:
            items.append((_markup(column.heading), 26, NAVY, True, 0))
        items.extend(_bullet_items(column.bullets, 21))
        _draw_items(canvas, items, x, BODY_TOP, width)


def _quote(canvas: Canvas, plan: Plan, slide: PlannedSlide) -> None:
    _background(canvas, WHITE)
    content = slide.slide
    assert isinstance(content, QuoteSlide)
    canvas.setFillColor(ACCENT)
    canvas.setFont(FONT_BOLD, 150)
    canvas.drawString(MARGIN, SLIDE_HEIGHT - 170, "“")
    items: list[Item] = [(f"<i>{_markup(content.quote)}</i>", 40, NAVY, False, 0)]
    if content.by:
        items.append((f"— {_markup(content.by)}", 22, GREY, False, 0))
    _draw_items(canvas, items, MARGIN + 40, SLIDE_HEIGHT - 170, SLIDE_WIDTH - 2 * MARGIN - 80,
                gap=1.0)


def _statement(canvas: Canvas, plan: Plan, slide: PlannedSlide) -> None:
    _background(canvas, WHITE)
    content = slide.slide
    assert isinstance(content, StatementSlide)
    canvas.setFillColor(ACCENT)
    canvas.rect(MARGIN, SLIDE_HEIGHT - 150, 72, 8, stroke=0, fill=1)
    _draw_items(canvas, [(_markup(content.statement), 46, NAVY, True, 0)], MARGIN,
                SLIDE_HEIGHT - 180, SLIDE_WIDTH - 2 * MARGIN)


def _image(canvas: Canvas, plan: Plan, slide: PlannedSlide) -> None:
    _title(canvas, slide)
    content = slide.slide
    assert isinstance(content, ImageSlide)
    left, right, bottom, top = MARGIN, SLIDE_WIDTH - MARGIN, 92.0, BODY_TOP
    canvas.setFillColor(PALE)
    canvas.setStrokeColor(RULE)
    canvas.rect(left, bottom, right - left, top - bottom, stroke=1, fill=1)
    # A simple picture sign: a sun and two hills.
    cx, cy = (left + right) / 2, bottom + (top - bottom) * 0.58
    canvas.setFillColor(RULE)
    canvas.circle(cx + 40, cy + 34, 16, stroke=0, fill=1)
    hills = canvas.beginPath()
    hills.moveTo(cx - 80, cy - 30)
    hills.lineTo(cx - 25, cy + 30)
    hills.lineTo(cx + 5, cy)
    hills.lineTo(cx + 30, cy + 18)
    hills.lineTo(cx + 80, cy - 30)
    hills.close()
    canvas.drawPath(hills, stroke=0, fill=1)
    if content.alt:
        _draw_items(canvas, [(f"<i>{_markup(content.alt)}</i>", 18, GREY, False, 0)],
                    left + 40, cy - 48, right - left - 80, bottom=bottom + 8, align=TA_CENTER)
    if content.caption:
        _draw_items(canvas, [(_markup(content.caption), 16, GREY, False, 0)], MARGIN, 84,
                    SLIDE_WIDTH - 2 * MARGIN, bottom=20)


def _table(canvas: Canvas, plan: Plan, slide: PlannedSlide) -> None:
    _title(canvas, slide)
    content = slide.slide
    assert isinstance(content, TableSlide)
    cell = make_style("standin-cell", 18, leading=22)
    head = make_style("standin-head", 18, leading=22, fontName=FONT_BOLD, textColor=WHITE)
    rows = []
    if content.table.header:
        rows.append([Paragraph(_markup(h), head) for h in content.table.header])
    rows.extend([Paragraph(_markup(c), cell) for c in row] for row in content.table.rows)
    width = SLIDE_WIDTH - 2 * MARGIN
    columns = len(rows[0])
    table = Table(rows, colWidths=[width / columns] * columns)
    commands: list[tuple[object, ...]] = [
        ("LINEBELOW", (0, 0), (-1, -1), 1, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]
    if content.table.header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), NAVY))
    table.setStyle(table_style(commands))
    _w, h = table.wrap(width, SLIDE_HEIGHT)
    table.drawOn(canvas, MARGIN, BODY_TOP - h)


def _activity(canvas: Canvas, plan: Plan, slide: PlannedSlide) -> None:
    content = slide.slide
    assert isinstance(content, ActivitySlide)
    activity = content.activity
    _background(canvas, WHITE)
    canvas.setFillColor(NAVY)
    canvas.rect(0, SLIDE_HEIGHT - 150, SLIDE_WIDTH, 150, stroke=0, fill=1)
    label = f"ACTIVITY · {activity.minutes} MINUTES"
    items: list[Item] = [(label, 18, SOFT_WHITE, True, 0),
                         (_markup(activity.title), 36, WHITE, True, 0)]
    _draw_items(canvas, items, MARGIN, SLIDE_HEIGHT - 30, SLIDE_WIDTH - 2 * MARGIN,
                bottom=SLIDE_HEIGHT - 148, gap=0.3)
    canvas.setFillColor(ACCENT)
    canvas.rect(0, SLIDE_HEIGHT - 156, SLIDE_WIDTH, 6, stroke=0, fill=1)
    body: list[Item] = []
    if activity.format:
        body.append((f"<i>{_markup(activity.format)}</i>", 20, GREY, False, 0))
    body.extend((f"{n}.&nbsp;&nbsp;{_markup(step)}", 22, TEXT, False, 0)
                for n, step in enumerate(activity.steps, 1))
    _draw_items(canvas, body, MARGIN, SLIDE_HEIGHT - 186, SLIDE_WIDTH - 2 * MARGIN)


def _dark(canvas: Canvas, kicker: str | None, title: str, lines: Sequence[str]) -> None:
    """Draw a navy slide: a small kicker, a big title and a few lines under it."""
    _background(canvas, NAVY)
    canvas.setFillColor(ACCENT)
    canvas.rect(MARGIN, 300, 80, 8, stroke=0, fill=1)
    items: list[Item] = []
    if kicker:
        items.append((kicker, 22, SOFT_WHITE, True, 0))
    items.append((title, 54, WHITE, True, 0))
    items.extend((line, 24, SOFT_WHITE, False, 0) for line in lines)
    _draw_items(canvas, items, MARGIN, 280, SLIDE_WIDTH - 2 * MARGIN, gap=0.5)


def _title_slide(canvas: Canvas, plan: Plan, slide: PlannedSlide) -> None:
    workshop = plan.workshop
    lines = [_markup(workshop.subtitle)] if workshop.subtitle else []
    when = [_markup(workshop.event)] if workshop.event else []
    if workshop.date:
        when.append(markup_of(long_date(workshop.date)))
    if when:
        lines.append(" · ".join(when))
    _dark(canvas, None, _markup(workshop.title), lines)


def _section(canvas: Canvas, plan: Plan, slide: PlannedSlide) -> None:
    kind = slide.kind
    assert isinstance(kind, SectionKind)
    _dark(canvas, f"SECTION {kind.number}", _markup(kind.section.title), [])


def _break(canvas: Canvas, plan: Plan, slide: PlannedSlide) -> None:
    _background(canvas, PALE)
    canvas.setFillColor(ACCENT)
    canvas.rect(0, 0, 16, SLIDE_HEIGHT, stroke=0, fill=1)
    _draw_items(canvas, [(_markup(slide.title), 50, NAVY, True, 0)], MARGIN + 20, 330,
                SLIDE_WIDTH - 2 * MARGIN - 20)


def _agenda(canvas: Canvas, plan: Plan, slide: PlannedSlide) -> None:
    _title(canvas, slide)
    items: list[Item] = []
    for item in plan.agenda:
        assert isinstance(item, AgendaItem)
        when = f"<b>{item.start}</b>&nbsp;&nbsp;&nbsp;" if item.start else ""
        text = _markup(item.title)
        if item.is_break:
            items.append((f"{when}<i>{text}</i>", 22, GREY, False, 0))
        else:
            items.append((f"{when}{text}", 22, TEXT, False, 0))
    _draw_items(canvas, items, MARGIN, BODY_TOP, SLIDE_WIDTH - 2 * MARGIN, gap=0.55)


def _closing(canvas: Canvas, plan: Plan, slide: PlannedSlide) -> None:
    closing = slide.kind
    assert isinstance(closing, ClosingKind)
    lines = [markup_of(", ".join(closing.facilitators))] if closing.facilitators else []
    _dark(canvas, None, _markup(slide.title), lines)
    if closing.source:
        _draw_items(canvas, [(_markup(closing.source), 16, SOFT_WHITE, False, 0)], MARGIN, 70,
                    SLIDE_WIDTH - 2 * MARGIN, bottom=10)


_DRAW = {
    "title": _title_slide,
    "agenda": _agenda,
    "section": _section,
    "break": _break,
    "closing": _closing,
    "bullets": _content,
    "columns": _columns,
    "quote": _quote,
    "statement": _statement,
    "image": _image,
    "table": _table,
    "activity": _activity,
}
