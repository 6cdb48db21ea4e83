"""What the handout and the facilitator guide share: fonts, colours, paragraph styles,
inline markup, page templates with a running header and "Page X of Y" footer,
bookmarks, metadata and a deterministic build.

Every PDF embeds Arimo (metric-compatible with Arial), never a base-14 font. A
build lays the story out until page numbers settle (at most a few passes), so
the footer knows the page count and cross-references ("worksheet on page 12")
are right; with ``invariant`` on and a fixed creation date, the same plan gives
byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, BinaryIO, Literal
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    TableStyle,
)

from generator.layout.fonts import face_path
from generator.markup import Span, parse_inline, plain_text
from generator.model import Workshop
from generator.plan import Plan

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


def spans_markup(spans: Iterable[Span]) -> str:
    """Return reportlab paragraph markup for styled runs, with text escaped and links kept."""
    parts: list[str] = []
    for span in spans:
        text = escape(span.text)
        if span.italic:
            text = f"<i>{text}</i>"
        if span.bold:
            text = f"<b>{text}</b>"
        if span.href:
            text = (f'<link href="{_attr(span.href)}" color="{hex_of(LINK)}">'
                    f"<u>{text}</u></link>")
        parts.append(text)
    return "".join(parts)


def inline(text: str) -> str:
    """Return paragraph markup for one outline text value (bold, italic and links kept)."""
    return spans_markup(parse_inline(" ".join(text.split())))


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


def slide_field(content: object, name: str) -> str | None:
    """Return a slide's ``notes`` or ``handout`` text, or None (made-up slides have none)."""
    value = getattr(content, name, None)
    return value if isinstance(value, str) and value.strip() else None


def author_of(workshop: Workshop) -> str:
    """Return the document author: the facilitators, else the organisation, else ""."""
    if workshop.facilitators:
        return join_names([plain(name) for name in workshop.facilitators])
    return plain(workshop.organisation) if workshop.organisation else ""


def join_names(names: list[str]) -> str:
    """Return names joined as "A", "A and B" or "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def creation_time(workshop: Workshop) -> int:
    """Return the fixed creation time (Unix seconds) written into the PDF.

    The workshop's date (midnight UTC) if it has one, else ``SOURCE_DATE_EPOCH``,
    else 2000-01-01.
    """
    if workshop.date is not None:
        moment = dt.datetime.combine(workshop.date, dt.time(), tzinfo=dt.UTC)
        return int(moment.timestamp())
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return int(epoch)
    return 946_684_800


def _timestamp(seconds: int) -> TimeStamp:
    """Return a reportlab timestamp fixed at ``seconds`` (UTC)."""
    stamp = TimeStamp(invariant=True)
    stamp.t = float(seconds)
    stamp.lt = dt.datetime.fromtimestamp(seconds, dt.UTC).timetuple()
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    return stamp


# --------------------------------------------------------------------------- front matter


def deck_numbers(plan: Plan, slide_numbers: Sequence[int] | None) -> list[int]:
    """Return the deck number of each plan slide, checking a given list's length."""
    if slide_numbers is None:
        return list(range(1, len(plan.slides) + 1))
    if len(slide_numbers) != len(plan.slides):
        raise ValueError(
            f"slide_numbers has {len(slide_numbers)} numbers for {len(plan.slides)} slides"
        )
    return list(slide_numbers)


def footer_text(workshop: Workshop) -> str:
    """Return the footer's left-hand text: event and date, where known."""
    parts = [plain(workshop.event or workshop.organisation or "")]
    if workshop.date:
        parts.append(long_date(workshop.date))
    return "  ·  ".join(p for p in parts if p)


def cover_details(plan: Plan) -> list[tuple[str, str]]:
    """Return the cover's label/value rows (date and times, venue, people)."""
    workshop = plan.workshop
    rows: list[tuple[str, str]] = []
    when = long_date(workshop.date, weekday=True) if workshop.date else ""
    if workshop.start:
        times = f"{workshop.start} to {plan.end}"
        when = f"{when}, {times}" if when else times
    if when:
        rows.append(("Date", markup_of(when)))
    if workshop.venue:
        rows.append(("Venue", inline(workshop.venue)))
    if workshop.facilitators:
        label = "Facilitators" if len(workshop.facilitators) > 1 else "Facilitator"
        rows.append((label, "<br/>".join(inline(name) for name in workshop.facilitators)))
    if workshop.organisation:
        rows.append(("Organisation", inline(workshop.organisation)))
    return rows


# --------------------------------------------------------------------------- pages


@dataclass(frozen=True, slots=True)
class PageGeometry:
    """Paper size and margins, in points."""

    width: float
    height: float
    left: float = 56.0
    right: float = 56.0
    top: float = 72.0
    bottom: float = 62.0

    @property
    def frame_width(self) -> float:
        """Return the width of the text frame."""
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        """Return the height of the text frame."""
        return self.height - self.top - self.bottom


def page_geometry(paper: str) -> PageGeometry:
    """Return the page geometry for ``A4`` or ``letter``."""
    width, height = letter if paper == "letter" else A4
    return PageGeometry(float(width), float(height))


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What goes into a PDF's metadata and running header and footer."""

    title: str
    author: str
    subject: str
    language: str
    header_left: str
    header_right: str
    footer_left: str
    created: int
    geometry: PageGeometry


def bookmark(flowable: Flowable, title: str, level: int = 0) -> Flowable:
    """Return ``flowable`` marked to get an outline entry (a PDF bookmark) where it lands."""
    flowable._outline_entry = (plain(title), level)  # type: ignore[attr-defined]
    return flowable


def anchor(flowable: Flowable, key: str) -> Flowable:
    """Return ``flowable`` marked so the page it lands on is known as ``key``."""
    flowable._anchor_key = key  # type: ignore[attr-defined]
    return flowable


class PageRefs:
    """Page numbers found in the previous layout pass, and the page count."""

    def __init__(self, pages: Mapping[str, int], total: int) -> None:
        self._pages = dict(pages)
        self.total = total

    def page(self, key: str) -> str:
        """Return the page number of ``key`` as text ("?" before it is known)."""
        number = self._pages.get(key)
        return str(number) if number else "?"


class _Document(BaseDocTemplate):
    """A document with a cover template and a body template with header and footer."""

    def __init__(self, target: BinaryIO, info: DocumentInfo, total: int) -> None:
        geo = info.geometry
        register_fonts()
        super().__init__(
            target, pagesize=(geo.width, geo.height), leftMargin=geo.left,
            rightMargin=geo.right, topMargin=geo.top, bottomMargin=geo.bottom,
            title=info.title, author=info.author, subject=info.subject,
            creator="make-deck", producer="make-deck", invariant=1, lang=info.language,
            initialFontName=FONT, initialFontSize=BODY_SIZE, displayDocTitle=True,
        )
        self.info = info
        self.total = total
        self.found: dict[str, int] = {}
        self._outline_count = 0
        cover = Frame(0, 0, geo.width, geo.height, 0, 0, 0, 0, id="cover")
        body = Frame(geo.left, geo.bottom, geo.frame_width, geo.frame_height, 0, 0, 0, 0,
                     id="body")
        self.addPageTemplates([
            PageTemplate("cover", [cover], onPage=self._cover_page),
            PageTemplate("body", [body], onPage=self._body_page),
        ])

    def beforeDocument(self) -> None:
        """Fix the creation date and open the bookmarks panel when the file is opened."""
        self.canv._doc._timeStamp = _timestamp(self.info.created)
        self.canv.showOutline()

    def _cover_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Draw nothing: the cover flowable draws the whole cover."""

    def _body_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Draw the running header and the "Page X of Y" footer."""
        geo = self.info.geometry
        canvas.saveState()
        top = geo.height - geo.top + 26
        canvas.setFillColor(GREY)
        canvas.setFont(FONT_BOLD, 8.5)
        canvas.drawString(geo.left, top + 4, self.info.header_left)
        canvas.setFont(FONT, 8.5)
        canvas.drawRightString(geo.width - geo.right, top + 4, self.info.header_right)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1.2)
        canvas.line(geo.left, top - 2, geo.width - geo.right, top - 2)
        bottom = geo.bottom - 34
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(geo.left, bottom + 13, geo.width - geo.right, bottom + 13)
        canvas.setFont(FONT, 8.5)
        canvas.drawString(geo.left, bottom, self.info.footer_left)
        total = self.total or canvas.getPageNumber()
        canvas.drawRightString(
            geo.width - geo.right, bottom, f"Page {canvas.getPageNumber()} of {total}"
        )
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        """Record anchors and add outline entries for marked flowables."""
        key = getattr(flowable, "_anchor_key", None)
        if key is not None:
            self.found.setdefault(key, self.page)
        entry = getattr(flowable, "_outline_entry", None)
        if entry is not None:
            title, level = entry
            self._outline_count += 1
            name = f"o{self._outline_count}"
            self.canv.bookmarkPage(name)
            self.canv.addOutlineEntry(title, name, level=level, closed=level > 0)


StoryMaker = Callable[[PageRefs], list[Flowable]]


def build_pdf(target: BinaryIO, info: DocumentInfo, make_story: StoryMaker) -> int:
    """Lay out the story until page numbers settle, write the PDF to ``target``.

    ``make_story`` is called once per pass with the page numbers found by the
    previous pass. Returns the number of pages.
    """
    refs = PageRefs({}, 0)
    data = b""
    for _ in range(4):
        buffer = io.BytesIO()
        doc = _Document(buffer, info, refs.total)
        doc.build(make_story(refs))
        data = buffer.getvalue()
        found = PageRefs(doc.found, doc.page)
        if doc.found == refs._pages and doc.page == refs.total:
            break
        refs = found
    target.write(data)
    return refs.total
