"""What the handout and the facilitator guide share: fonts, colours, paragraph
styles, inline markup, multi-line texts as paragraphs and lists, dates and times.

Every PDF embeds Arimo (metric-compatible with Arial), never a base-14 font:
paragraph styles, bullets and tables all name an Arimo face. Page templates,
metadata and the build itself are in `generator.writers.pdf.document`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, TableStyle

from generator.layout.fonts import face_path
from generator.markup import Span, parse_inline, plain_text
from generator.writers.pdf.tagged import Paragraph

# --------------------------------------------------------------------------- fonts

FONT = "Arimo"
FONT_BOLD = "Arimo-Bold"
FONT_ITALIC = "Arimo-Italic"
FONT_BOLD_ITALIC = "Arimo-BoldItalic"

_FACES = {
    (False, False): FONT,
    (True, False): FONT_BOLD,
    (False, True): FONT_ITALIC,
    (True, True): FONT_BOLD_ITALIC,
}


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register the four Arimo faces and their family with reportlab; return the family.

    After this, ``<b>`` and ``<i>`` in paragraph markup pick the bold and italic faces.
    """
    for (bold, italic), name in _FACES.items():
        pdfmetrics.registerFont(TTFont(name, str(face_path(bold, italic))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )
    return FONT


def face(bold: bool = False, italic: bool = False) -> str:
    """Return the registered font name for a style (registering the fonts if needed)."""
    register_fonts()
    return _FACES[bold, italic]


# --------------------------------------------------------------------------- colours

NAVY = HexColor("#12436D")
TEXT = HexColor("#0B0C0C")
ACCENT = HexColor("#F47738")
GREY = HexColor("#505A5F")
RULE = HexColor("#B1B4B6")
LINE = HexColor("#C8CCCE")
PALE = HexColor("#F3F2F1")
PALE_NAVY = HexColor("#E8EFF6")
PALE_ACCENT = HexColor("#FDEEE4")
LINK = HexColor("#1D70B8")
WHITE = HexColor("#FFFFFF")
SOFT_WHITE = HexColor("#D9E4EF")


def hex_of(colour: Color) -> str:
    """Return a colour as ``#RRGGBB`` for paragraph markup."""
    return "#" + colour.hexval()[2:].upper()


# --------------------------------------------------------------------------- styles

BODY_SIZE = 11.0
LEADING_RATIO = 1.35


@dataclass(frozen=True)
class Styles:
    """The paragraph styles both documents use."""

    body: ParagraphStyle
    lead: ParagraphStyle
    small: ParagraphStyle
    meta: ParagraphStyle
    label: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    bullet: ParagraphStyle
    bullet2: ParagraphStyle
    number: ParagraphStyle
    note_box: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    cell_small: ParagraphStyle
    quote: ParagraphStyle
    statement: ParagraphStyle
    prompt: ParagraphStyle


def make_style(name: str, size: float = BODY_SIZE, **kw: Any) -> ParagraphStyle:
    """Return a paragraph style in Arimo with leading ``size * 1.35`` unless given."""
    kw.setdefault("leading", round(size * LEADING_RATIO, 2))
    kw.setdefault("textColor", TEXT)
    kw.setdefault("fontName", FONT)
    kw.setdefault("bulletFontName", kw["fontName"])
    kw.setdefault("alignment", TA_LEFT)
    return ParagraphStyle(name, fontSize=size, **kw)


@lru_cache(maxsize=1)
def styles() -> Styles:
    """Return the shared paragraph styles (fonts are registered first)."""
    register_fonts()
    return Styles(
        body=make_style("body", spaceAfter=6),
        lead=make_style("lead", 12.5, leading=18, spaceAfter=10),
        small=make_style("small", 9, textColor=GREY),
        meta=make_style("meta", 10, textColor=GREY, spaceAfter=4),
        label=make_style("label", 9, fontName=FONT_BOLD, textColor=NAVY, spaceAfter=2),
        h1=make_style("h1", 22, leading=27, fontName=FONT_BOLD, textColor=NAVY,
                  spaceBefore=0, spaceAfter=8, keepWithNext=1),
        h2=make_style("h2", 15, leading=19, fontName=FONT_BOLD, textColor=NAVY,
                  spaceBefore=14, spaceAfter=6, keepWithNext=1),
        h3=make_style("h3", 12.5, leading=16, fontName=FONT_BOLD, spaceBefore=4, spaceAfter=3,
                  keepWithNext=1),
        bullet=make_style("bullet", leftIndent=16, bulletIndent=4, spaceAfter=3),
        bullet2=make_style("bullet2", leftIndent=32, bulletIndent=20, spaceAfter=2),
        number=make_style("number", leftIndent=20, bulletIndent=0, spaceAfter=4),
        note_box=make_style("note_box", 10.5, backColor=PALE_NAVY, borderPadding=(7, 8, 8, 8),
                        leftIndent=8, rightIndent=8, spaceBefore=10, spaceAfter=12),
        cell=make_style("cell", 10.5, leading=13.5),
        cell_bold=make_style("cell_bold", 10.5, leading=13.5, fontName=FONT_BOLD),
        cell_head=make_style("cell_head", 9.5, leading=12, fontName=FONT_BOLD, textColor=WHITE),
        cell_small=make_style("cell_small", 9, leading=11.5, textColor=GREY),
        quote=make_style("quote", 13, leading=18, fontName=FONT_ITALIC, leftIndent=14,
                     spaceAfter=4),
        statement=make_style("statement", 14, leading=19, fontName=FONT_BOLD, textColor=NAVY,
                         spaceAfter=6),
        prompt=make_style("prompt", 11.5, leading=15.5, fontName=FONT_BOLD, spaceBefore=12,
                      spaceAfter=4, leftIndent=20, bulletIndent=0, keepWithNext=1),
    )


def table_style(commands: Iterable[tuple[Any, ...]]) -> TableStyle:
    """Return a table style in Arimo (a table's own default face is Helvetica) + ``commands``."""
    return TableStyle([("FONT", (0, 0), (-1, -1), FONT, BODY_SIZE), *commands])


# --------------------------------------------------------------------------- markup


def _attr(value: str) -> str:
    """Return ``value`` escaped for a double-quoted markup attribute."""
    return escape(value, {'"': "&quot;"})


def spans_markup(spans: Iterable[Span], links: bool = True) -> str:
    """Return reportlab paragraph markup for styled runs, text escaped; links are kept
    (blue, underlined, clickable) unless ``links`` is false."""
    parts: list[str] = []
    for span in spans:
        text = escape(span.text)
        if span.italic:
            text = f"<i>{text}</i>"
        if span.bold:
            text = f"<b>{text}</b>"
        if span.href and links:
            text = (f'<link href="{_attr(span.href)}" color="{hex_of(LINK)}">'
                    f"<u>{text}</u></link>")
        parts.append(text)
    return "".join(parts)


def inline(text: str, links: bool = True) -> str:
    """Return paragraph markup for one outline text value (bold, italic and links kept)."""
    return spans_markup(parse_inline(" ".join(text.split())), links)


def plain(text: str) -> str:
    """Return an outline text value without its markup, on one line."""
    return " ".join(plain_text(text).split())


def markup_of(text: str) -> str:
    """Return escaped markup for text we write ourselves (no outline markup in it)."""
    return escape(text)


def stack_height(flowables: Iterable[Flowable], width: float) -> float:
    """Return the height ``flowables`` take stacked in a column ``width`` wide."""
    total = 0.0
    for i, flowable in enumerate(flowables):
        _w, h = flowable.wrap(width, 10_000)
        total += h + (flowable.getSpaceBefore() if i else 0) + flowable.getSpaceAfter()
    return total


BlockKind = Literal["para", "bullet", "number"]
_LIST_ITEM = re.compile(r"^\s*(?:(?P<bullet>[-*•])|(?P<number>\d{1,3})[.)])\s+(?P<text>.*)$")


@dataclass(frozen=True, slots=True)
class TextBlock:
    """One paragraph or list item of a multi-line text (speaker notes, handout text)."""

    kind: BlockKind
    text: str
    number: str = ""


def text_blocks(text: str) -> list[TextBlock]:
    """Return the paragraphs and list items of a multi-line text, in order.

    Blank lines separate paragraphs; lines of a paragraph are joined. A line
    starting ``- ``, ``* `` or ``1. `` starts a list item; an indented line after
    a list item continues it.
    """
    blocks: list[TextBlock] = []
    current: list[str] = []
    kind: BlockKind = "para"
    number = ""

    def flush() -> None:
        nonlocal current
        if current:
            blocks.append(TextBlock(kind, " ".join(current), number))
        current = []

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
            kind = "para"
            continue
        item = _LIST_ITEM.match(raw)
        if item:
            flush()
            kind = "bullet" if item.group("bullet") else "number"
            number = item.group("number") or ""
            current = [item.group("text").strip()]
        elif kind != "para" and raw[:1].isspace() and current:
            current.append(line)
        elif kind != "para":
            flush()
            kind = "para"
            current = [line]
        else:
            current.append(line)
    flush()
    return blocks


def text_flowables(
    text: str, style: ParagraphStyle, bullet_style: ParagraphStyle | None = None
) -> list[Flowable]:
    """Return a multi-line text as paragraphs, with its list lines as bulleted items."""
    bullet_style = bullet_style or styles().bullet
    out: list[Flowable] = []
    for block in text_blocks(text):
        if block.kind == "para":
            out.append(Paragraph(inline(block.text), style))
        else:
            mark = "•" if block.kind == "bullet" else f"{block.number}."
            item_style = ParagraphStyle(
                f"{style.name}-item", parent=style, leftIndent=style.leftIndent + 16,
                bulletIndent=style.leftIndent + 3, spaceBefore=0, spaceAfter=3,
                bulletFontName=FONT,
            )
            out.append(Paragraph(inline(block.text), item_style, bulletText=mark))
    return out


# --------------------------------------------------------------------------- dates, times

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def long_date(day: dt.date, weekday: bool = False) -> str:
    """Return a date as "3 December 2026" (or "Thursday 3 December 2026")."""
    text = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{_DAYS[day.weekday()]} {text}" if weekday else text


def hours_minutes(minutes: int) -> str:
    """Return a length of time as "h:mm", e.g. 85 -> "1:25"."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def duration_text(minutes: int) -> str:
    """Return a length of time in words, e.g. "3 hours", "1 hour 5 minutes", "45 minutes"."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)


def slide_label(number: int) -> str:
    """Return "Slide 5" for a deck slide number ("Slide –" when the deck has no such slide)."""
    return f"Slide {number}" if number > 0 else "Slide –"


def slide_field(content: object, name: str) -> str | None:
    """Return a slide's ``notes`` or ``handout`` text, or None (made-up slides have none)."""
    value = getattr(content, name, None)
    return value if isinstance(value, str) and value.strip() else None
