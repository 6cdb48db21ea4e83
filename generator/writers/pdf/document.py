"""The PDF document machinery: paper sizes, metadata, the cover and body page
templates with a running header and "Page X of Y" footer, bookmarks, and a build
that lays the story out until page numbers settle, then makes the result a
tagged PDF (`generator.writers.pdf.structure`).

A build runs the layout again while page numbers change (at most a few passes),
so the footer knows the page count and cross-references ("worksheet on page 12")
are right. With ``invariant`` on and a fixed creation date, the same plan gives
byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from generator.model import Workshop
from generator.pack import Pack
from generator.plan import Plan
from generator.words import Words
from generator.writers.pdf.common import (
    contact_markup,
    inline,
    markup_of,
    plain,
)
from generator.writers.pdf.structure import FileInfo, tag_pdf
from generator.writers.pdf.style import BODY_SIZE, SIZE_SMALL, PdfStyle, pdf_style
from generator.writers.pdf.tags import TagRecorder, artifact, attach, layout_only, set_layout_only
from generator.writers.pdf.thumbnails import Thumbnail, thumbnail_drawer


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


def creation_time(moment: dt.datetime) -> int:
    """Return the build's moment (naive UTC) as the Unix seconds written into the PDF."""
    from generator.stamps import epoch_seconds

    return epoch_seconds(moment)


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


def document_setup(pack: Pack, kind: str, thumbnail: Thumbnail | None
                   ) -> tuple[list[int], Thumbnail, DocumentInfo]:
    """Return what both PDFs start from: the deck number of each plan slide, the
    thumbnail drawer (made from the pack when none is given) and the document's
    information (title, metadata, page geometry, the look's style) for ``kind``."""
    drawer = thumbnail or thumbnail_drawer(pack.deck, pack.look)
    return list(pack.slide_numbers), drawer, document_info(pack, kind)


def footer_text(workshop: Workshop, words: Words) -> str:
    """Return the footer's left-hand text: event and date, where known."""
    parts = [plain(workshop.event or workshop.organisation or "")]
    if workshop.date:
        parts.append(plain(words.date(workshop.date)))
    return "  ·  ".join(p for p in parts if p)


def cover_details(plan: Plan) -> list[tuple[str, str]]:
    """Return the cover's label/value rows (date and times, venue, people)."""
    workshop = plan.workshop
    words = plan.words
    rows: list[tuple[str, str]] = []
    when = words.date(workshop.date, weekday=True) if workshop.date else ""
    if workshop.start and plan.end:
        times = words("{start} to {end}", start=words.time(workshop.start),
                      end=words.time(plan.end))
        when = f"{when}, {times}" if when else times
    if when:
        rows.append((words("Date"), markup_of(when)))
    if workshop.venue:
        rows.append((words("Venue"), inline(workshop.venue)))
    if workshop.facilitators:
        label = words.plural("Facilitator", "Facilitators", len(workshop.facilitators))
        rows.append((label, "<br/>".join(inline(name) for name in workshop.facilitators)))
    if workshop.organisation:
        rows.append((words("Organisation"), inline(workshop.organisation)))
    if workshop.contact:
        rows.append((words("Contact"), contact_markup(workshop.contact)))
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
    style: PdfStyle
    words: Words


def shorten(text: str, font: str, size: float, width: float) -> str:
    """Return ``text``, cut at a word and ended with "…" if it is wider than ``width``."""
    if stringWidth(text, font, size) <= width:
        return text
    words = text.split()
    while words and stringWidth(" ".join(words) + "…", font, size) > width:
        words.pop()
    if words:
        return " ".join(words).rstrip(",;:·–-") + "…"
    cut = text
    while cut and stringWidth(cut + "…", font, size) > width:
        cut = cut[:-1]
    return cut + "…"


def document_info(pack: Pack, kind: str) -> DocumentInfo:
    """Return the metadata, running texts and style of one of the pack's PDFs.

    ``kind`` names the document in the plan's words' language ("Participant handout",
    "Facilitator guide"); the title is "<workshop title>: <kind in lower case>"; the
    creation time is the pack's moment (see `creation_time`).
    """
    workshop = pack.plan.workshop
    words = pack.plan.words
    return DocumentInfo(
        title=plain(words("{title}: {kind}", title=plain(workshop.title),
                          kind=plain(kind).lower())),
        author=author_of(workshop),
        subject=plain(workshop.subtitle or workshop.event or workshop.title),
        language=workshop.language,
        header_left=plain(workshop.title),
        header_right=plain(kind),
        footer_left=footer_text(workshop, words),
        created=creation_time(pack.moment),
        geometry=page_geometry(workshop.handout.paper),
        style=pdf_style(pack.look),
        words=words,
    )


def bookmark(flowable: Flowable, title: str, level: int = 0) -> Flowable:
    """Return ``flowable`` marked to get an outline entry (a PDF bookmark) where it lands."""
    flowable._outline_entry = (plain(title), level)  # type: ignore[attr-defined]
    return flowable


def anchor(flowable: Flowable, key: str) -> Flowable:
    """Return ``flowable`` marked so the page it lands on is known as ``key``."""
    flowable._anchor_key = key  # type: ignore[attr-defined]
    return flowable


class PageRefs:
    """The page numbers of the anchors (see `anchor`) found in the previous layout pass."""

    def __init__(self, pages: Mapping[str, int]) -> None:
        self.pages = dict(pages)

    def page(self, key: str) -> str:
        """Return the page number of ``key`` as text ("?" before it is known)."""
        number = self.pages.get(key)
        return str(number) if number else "?"


def _page_label(number: int) -> str:
    """Return the name of the form showing "Page ``number`` of Y"."""
    return f"PageLabel{number}"


class _Document(BaseDocTemplate):
    """A document with a cover template and a body template with header and footer.

    With ``measure_only``, the document is a layout pass: it finds where pages break
    and what lands on each, but draws nothing (and is never saved)."""

    def __init__(self, target: BinaryIO, info: DocumentInfo,
                 measure_only: bool = False) -> None:
        geo = info.geometry
        fonts = info.style.fonts
        super().__init__(
            target, pagesize=(geo.width, geo.height), leftMargin=geo.left,
            rightMargin=geo.right, topMargin=geo.top, bottomMargin=geo.bottom,
            title=info.title, author=info.author, subject=info.subject,
            creator="make-deck", producer="make-deck", invariant=1, lang=info.language,
            initialFontName=fonts.regular, initialFontSize=BODY_SIZE, displayDocTitle=True,
        )
        self.measure_only = measure_only
        self._doSave = 0  # reportlab's build stops short of saving: see `finish`
        self._labelled: list[int] = []
        self.info = info
        self.found: dict[str, int] = {}
        self.tags = TagRecorder()
        self._outline_count = 0
        cover = Frame(0, 0, geo.width, geo.height, 0, 0, 0, 0, id="cover")
        body = Frame(geo.left, geo.bottom, geo.frame_width, geo.frame_height, 0, 0, 0, 0,
                     id="body")
        self.addPageTemplates([
            PageTemplate("cover", [cover], onPage=self._cover_page),
            PageTemplate("body", [body], onPage=self._body_page),
        ])

    def beforeDocument(self) -> None:
        """Fix the creation date, open the bookmarks panel when the file is opened and
        start marking the content for the structure tree."""
        self.canv._doc._timeStamp = _timestamp(self.info.created)
        self.tags = attach(self.canv)
        if self.measure_only:
            set_layout_only(self.canv)
        self.canv.showOutline()

    def _cover_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Draw nothing: the cover flowable draws the whole cover."""

    def _body_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Draw the running header and the "Page X of Y" footer, both artifacts."""
        if layout_only(canvas):
            return
        geo = self.info.geometry
        colours, fonts = self.info.style.colours, self.info.style.fonts
        regular, bold = fonts.regular, fonts.bold
        with artifact(canvas, "Pagination", "Header"):
            canvas.saveState()
            top = geo.height - geo.top + 26
            canvas.setFillColor(colours.muted)
            room = geo.frame_width - stringWidth(self.info.header_right, regular, SIZE_SMALL) - 24
            canvas.setFont(bold, SIZE_SMALL)
            canvas.drawString(geo.left, top + 4,
                              shorten(self.info.header_left, bold, SIZE_SMALL, room))
            canvas.setFont(regular, SIZE_SMALL)
            canvas.drawRightString(geo.width - geo.right, top + 4, self.info.header_right)
            canvas.setStrokeColor(colours.accent)
            canvas.setLineWidth(1.2)
            canvas.line(geo.left, top - 2, geo.width - geo.right, top - 2)
            canvas.restoreState()
        with artifact(canvas, "Pagination", "Footer"):
            canvas.saveState()
            canvas.setFillColor(colours.muted)
            bottom = geo.bottom - 34
            canvas.setStrokeColor(colours.rule)
            canvas.setLineWidth(0.5)
            canvas.line(geo.left, bottom + 13, geo.width - geo.right, bottom + 13)
            canvas.setFont(regular, SIZE_SMALL)
            widest = plain(self.info.words("Page {page} of {pages}", page=999, pages=999))
            room = geo.frame_width - stringWidth(widest, regular, SIZE_SMALL) - 24
            canvas.drawString(geo.left, bottom,
                              shorten(self.info.footer_left, regular, SIZE_SMALL, room))
            # "Page X of Y" waits for Y: each page shows a form filled in by `finish`
            canvas.translate(geo.width - geo.right, bottom)
            canvas.doForm(_page_label(canvas.getPageNumber()))
            canvas.restoreState()
            self._labelled.append(canvas.getPageNumber())

    def finish(self) -> None:
        """Fill in each page's "Page X of Y" now that Y is known, and save the file."""
        canvas = self.canv
        style = self.info.style
        total = self.page
        for number in self._labelled:
            # the form's box must hold text that ends at its origin
            canvas.beginForm(_page_label(number), -300, -10, 0, 20)
            canvas.setFillColor(style.colours.muted)
            canvas.setFont(style.fonts.regular, SIZE_SMALL)
            canvas.drawRightString(0, 0, plain(self.info.words(
                "Page {page} of {pages}", page=number, pages=total)))
            canvas.endForm()
        canvas.save()

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


def build_pdf(target: BinaryIO, info: DocumentInfo, make_story: StoryMaker, *,
              page_refs: bool = True) -> int:
    """Lay out the story until page numbers settle, write the PDF to ``target``.

    ``make_story`` is called once per pass with the page numbers found by the
    previous pass; ``page_refs`` says whether its text uses them (if not, one pass
    is enough: the page total in the footers is filled in at the end). Returns the
    number of pages.
    """
    from reportlab import rl_config

    # Streams are compressed again when the tags are added, so reportlab's pure-Python
    # ASCII85 pass would be wasted work (about a fifth of the time); the bytes written
    # are the same either way.
    saved_a85, rl_config.useA85 = rl_config.useA85, 0
    try:
        return _build_passes(target, info, make_story, page_refs)
    finally:
        rl_config.useA85 = saved_a85


def _build_passes(target: BinaryIO, info: DocumentInfo, make_story: StoryMaker,
                  page_refs: bool) -> int:
    """Return the page count after laying out until page numbers settle (see `build_pdf`).

    When the story uses page numbers, the first pass only measures, drawing nothing,
    to find them; each later pass draws with the numbers the pass before found, and
    the first whose numbers hold is written. Usually that is one measuring and one
    drawing pass; a story without page numbers is drawn once."""
    refs = PageRefs({})
    data = b""
    tags = TagRecorder()
    pages = 0
    measure_only = page_refs
    for _ in range(5):
        buffer = io.BytesIO()
        doc = _Document(buffer, info, measure_only=measure_only)
        doc.build(make_story(refs))
        settled = doc.found == refs.pages
        if not measure_only:
            doc.finish()
            data, tags, pages = buffer.getvalue(), doc.tags, doc.page
            if settled:
                break
        refs = PageRefs(doc.found)
        measure_only = False
    file_info = FileInfo(info.title, info.author, info.subject, info.language, info.created)
    target.write(tag_pdf(data, tags, file_info))
    return pages
