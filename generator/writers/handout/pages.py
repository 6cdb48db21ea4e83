"""The participant handout PDF: cover, agenda, each section with its slides and
room for notes, activity worksheets and a "My next steps" page.

Speaker notes and activity outcomes are for the facilitator: they are never
printed here.
"""

from __future__ import annotations

import re
from typing import BinaryIO

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Indenter,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
)

from generator.markup import plain_text, unstyled
from generator.model import Section
from generator.pack import Pack
from generator.plan import Plan, PlannedSlide
from generator.writers.handout.slides import (
    CONTENT_ROLES,
    SlideCard,
    slide_rows,
    slide_text,
)
from generator.writers.handout.worksheet import fitted_questions
from generator.writers.pdf.common import (
    break_name,
    inline,
    markup_of,
    plain,
    slide_field,
    slide_label,
)
from generator.writers.pdf.cover import CoverPage
from generator.writers.pdf.document import (
    DocumentInfo,
    PageRefs,
    anchor,
    bookmark,
    build_pdf,
    cover_details,
    document_setup,
)
from generator.writers.pdf.flowables import FillLines, RuledLines
from generator.writers.pdf.slide_alt import slide_alt
from generator.writers.pdf.style import (
    BODY_SIZE,
    SIZE_LEAD,
    SIZE_META,
    SIZE_SMALL,
    PdfStyle,
    measure_width,
    measured,
)
from generator.writers.pdf.tagged import Paragraph, Table
from generator.writers.pdf.thumbnails import Thumbnail

_NEXT_STEPS_TITLES = frozenset({"next steps", "my next steps", "your next steps",
                                 "our next steps"})


def is_next_steps(title: str) -> bool:
    """Return True when an activity called ``title`` is the workshop's own "My next
    steps": its worksheet is then the handout's closing page, instead of a second one."""
    words = re.sub(r"[^\w\s]", " ", plain_text(title).casefold()).split()
    return " ".join(words) in _NEXT_STEPS_TITLES

NEXT_STEPS_PROMPTS = (
    "One thing I will **start** doing",
    "One thing I will **stop** doing",
    "One thing I will **speed up**",
    "Who I need on side, and when I will check my progress",
)


def write_handout(pack: Pack, target: BinaryIO, *, thumbnail: Thumbnail | None = None
                  ) -> None:
    """Write the participant handout of ``pack`` to ``target`` as a PDF; returns None.

    ``thumbnail`` draws a slide into a rectangle (made from the pack's deck layout
    when None; a build shares one between the handout and the guide)."""
    numbers, draw, info = document_setup(pack, pack.plan.words("Participant handout"),
                                         thumbnail)
    build_pdf(target, info, lambda refs: _Handout(pack, numbers, draw, info, refs).story())


class _Handout:
    """Builds the handout's story for one layout pass."""

    def __init__(self, pack: Pack, numbers: list[int], thumbnail: Thumbnail,
                 info: DocumentInfo, refs: PageRefs) -> None:
        plan = pack.plan
        self.pack = pack
        self.plan = plan
        self.workshop = plan.workshop
        self.numbers = numbers
        self.thumbnail = thumbnail
        self.geo = info.geometry
        self.refs = refs
        self.ps = info.style
        self.st = self.ps.styles
        self.line = self.ps.colours.write_line
        self.activities = [
            (i, s) for i, s in enumerate(plan.slides)
            if s.activity is not None
        ]
        self.worksheets = self.workshop.handout.worksheets and bool(self.activities)
        self.closing = next((i for i, s in self.activities if is_next_steps(s.title)),
                            None) if self.worksheets else None
        """The activity whose worksheet is the closing "My next steps" page, if any."""
        self.summary_style = measured(self.st.lead, self.geo.frame_width)
        self.opening_label = ParagraphStyle("opening-label", parent=self.st.label,
                                            spaceBefore=24)
        self.notes_heading = self.ps.style("next-step", SIZE_LEAD, leading=16, spaceBefore=14,
                                           spaceAfter=2, keepWithNext=1)

    def story(self) -> list[Flowable]:
        """Return every flowable of the handout, in order."""
        story = self.cover()
        story += self.agenda()
        for item in self.plan.agenda:
            part = self.workshop.sections[item.part_index]
            if isinstance(part, Section):
                story += self.section(item.part_index, part)
        if self.worksheets:
            story += self.worksheet_pages()
        story += self.next_steps()
        return story

    # ------------------------------------------------------------------ cover, agenda

    def cover(self) -> list[Flowable]:
        """Return the cover page and the switch to the body pages."""
        w = self.workshop
        credit = inline(w.source) if w.source else None
        return [
            CoverPage(
                self.geo, self.ps, kind=self.plan.words("Participant handout"),
                title=inline(w.title),
                subtitle=inline(w.subtitle) if w.subtitle else None,
                kicker=inline(w.event) if w.event else None,
                organisation=unstyled(w.organisation) if w.organisation else None,
                details=cover_details(self.plan), credit=credit, logo=self.pack.look.logo,
            ),
            NextPageTemplate("body"),
            PageBreak(),
        ]

    def agenda(self) -> list[Flowable]:
        """Return the agenda page: a table of sessions and breaks with their times."""
        st = self.st
        w = self.workshop
        words = self.plan.words
        out: list[Flowable] = [bookmark(Paragraph(words("Agenda"), st.h1), words("Agenda"))]
        facts = []
        if w.date:
            facts.append(words.date(w.date, weekday=True))
        if w.start and self.plan.end:
            facts.append(words("{start} to {end}", start=words.time(w.start),
                               end=words.time(self.plan.end)))
        if w.venue:
            facts.append(plain(w.venue))
        if facts:
            out.append(Paragraph(markup_of("  ·  ".join(facts)), st.meta))
        out.append(Spacer(1, 12))
        out.append(agenda_table(self.ps, self.plan, self.geo.frame_width))
        breaks = sum(item.minutes for item in self.plan.agenda if item.is_break)
        total = words.duration(self.plan.total_minutes)
        if breaks:
            total = words("Total time: {total}, including {breaks} of breaks.", total=total,
                          breaks=words.duration(breaks))
        else:
            total = words("Total time: {total}.", total=total)
        out.append(Spacer(1, 8))
        out.append(Paragraph(markup_of(total), st.meta))
        out.append(Spacer(1, 20))
        out.append(Paragraph(words("About this handout"), st.h2))
        per_page = self.workshop.handout.slides_per_page
        about = [words(
            "Each section starts with a short summary, followed by the content of its slides."
            if per_page == 0 else "Each section starts with a short summary, followed by its "
            "slides, with space beside them for your own notes." if per_page == 3 else
            "Each section starts with a short summary, followed by its slides, with room for "
            "your own notes.")]
        if self.worksheets:
            about.append(words("The activities have worksheet pages, starting on page {page}.",
                               page=self.refs.page("worksheets")))
        about.append(words("The last page is for your own next steps: what you will do "
                           "differently after today."))
        out.append(Paragraph(markup_of(" ".join(about)), measured(st.body, self.geo.frame_width)))
        return out

    # ------------------------------------------------------------------ sections

    def section(self, part_index: int, section: Section) -> list[Flowable]:
        """Return one section: its heading, summary and slides."""
        st = self.st
        item = next(i for i in self.plan.agenda if i.part_index == part_index)
        number = sum(1 for p in self.workshop.sections[: part_index + 1]
                     if isinstance(p, Section))
        words = self.plan.words
        facts = [words("Section {number}", number=number)]
        if item.start and item.end:
            facts.append(words("{start} to {end}", start=words.time(item.start),
                               end=words.time(item.end)))
        facts.append(words.duration(item.minutes))
        head: list[Flowable] = [  # space above it, unless it starts a page
            Paragraph(markup_of("  ·  ".join(facts)), self.opening_label),
            bookmark(Paragraph(inline(section.title), st.h1), section.title),
        ]
        per_page = self.workshop.handout.slides_per_page
        if section.summary:  # (written-out slides narrow the whole column, summary too)
            head.append(Paragraph(inline(section.summary),
                                  self.st.lead if per_page == 0 else self.summary_style))
        head.append(Spacer(1, 10))
        slides = [(i, s) for i, s in enumerate(self.plan.slides)
                  if s.part_index == part_index and s.role in CONTENT_ROLES]
        body: list[Flowable] = []
        text_width = min(self.geo.frame_width,
                         measure_width(st.body.fontName, BODY_SIZE) + 24)
        if per_page == 0:
            for index, slide in slides:
                body += slide_text(self.ps, slide, self._caption(index, slide), text_width,
                                   self.plan.words)
        else:
            cards = [SlideCard(i, self._caption(i, s), slide_field(s.slide, "handout"),
                               slide_alt(self.plan, i, self.numbers[i]))
                     for i, s in slides]
            body += slide_rows(self.ps, cards, per_page, self.thumbnail,
                               self.geo.frame_width, self.geo.frame_height)
        # A section starts a new page only when less than a third of this one is left,
        # and its heading and summary always share a page with its first slide.
        first = body[:1]
        if first and isinstance(first[0], KeepTogether):  # never one inside another
            first = list(first[0]._content)
        out = [KeepTogether([*head, *first]), *body[1:]]
        if per_page == 0:  # slides written out are running text: set at its measure
            room = self.geo.frame_width - text_width
            out = [Indenter(right=room), *out, Indenter(right=-room)]
        return [CondPageBreak(self.geo.frame_height / 3), *out]

    def _caption(self, index: int, slide: PlannedSlide) -> str:
        """Return a slide's caption: its number, and its worksheet page for an activity."""
        words = self.plan.words
        caption = f"<b>{slide_label(self.numbers[index], words)}</b>"
        if slide.role == "activity" and self.worksheets:
            caption += "  ·  " + words("Worksheet on page {page}",
                                       page=self.refs.page(f"worksheet-{index}"))
        return caption

    # ------------------------------------------------------------------ worksheets

    def worksheet_pages(self) -> list[Flowable]:
        """Return one worksheet page per activity."""
        out: list[Flowable] = []
        ordered = sorted(self.activities, key=lambda item: item[0] == self.closing)
        for n, (index, slide) in enumerate(ordered):
            out += self.worksheet(index, slide, first=n == 0)
        return out

    def worksheet(self, index: int, slide: PlannedSlide, first: bool) -> list[Flowable]:
        """Return the worksheet of one activity: steps, then each prompt with lines."""
        st = self.st
        activity = slide.activity
        assert activity is not None
        words = self.plan.words
        label = Paragraph(words("Activity worksheet") + "  ·  "
                          + slide_label(self.numbers[index], words), st.label)
        if first:
            label = anchor(bookmark(label, words("Activity worksheets")), "worksheets")
        title = anchor(bookmark(Paragraph(inline(activity.title), st.h1), activity.title, 1),
                       f"worksheet-{index}")
        facts = [words.duration(activity.minutes)]
        if activity.format:
            facts.append(inline(activity.format))
        head: list[Flowable] = [label, title, Paragraph("  ·  ".join(facts), st.meta)]
        if activity.steps:
            head.append(Paragraph(words("What to do"), st.h2))
            head += [Paragraph(inline(step), st.number, bulletText=f"{n}.")
                     for n, step in enumerate(activity.steps, 1)]
        closing = index == self.closing
        notes = "Other notes" if closing else "Notes"
        if not activity.prompts:
            return [PageBreak(), *head, Paragraph(words(notes), st.h2),
                    RuledLines(activity.write_in, self.line, fill=True)]
        head.append(Paragraph(words("Questions"), st.h2))
        return [PageBreak(), fitted_questions(
            self.ps, head, activity,
            continued=words("{title} (continued)", title=inline(activity.title)),
            notes=Paragraph(words(notes), self.notes_heading, role="H2"), closing=closing,
            frame_height=self.geo.frame_height, line=self.line)]

    def next_steps(self) -> list[Flowable]:
        """Return the closing "My next steps" page with ruled lines; nothing when an
        activity's worksheet is that page already."""
        if self.closing is not None:
            return []
        st = self.st
        words = self.plan.words
        out: list[Flowable] = [
            PageBreak(),
            bookmark(Paragraph(words("My next steps"), st.h1), words("My next steps")),
            Paragraph(words("Before you leave, note what you will do differently after today, "
                            "and when."), st.lead),
        ]
        heading = self.notes_heading
        for prompt in NEXT_STEPS_PROMPTS:
            out.append(KeepTogether([Paragraph(inline(words(prompt)), heading, role="H2"),
                                     RuledLines(3, self.line)]))
        out.append(FillLines(Paragraph(words("Other notes"), heading, role="H2"), self.line))
        return out

def agenda_table(ps: PdfStyle, plan: Plan, width: float) -> Table:
    """Return the agenda as a table: times, session titles and minutes; breaks shaded."""
    st, c = ps.styles, ps.colours
    timed = plan.workshop.start is not None
    time_style = ps.style("agenda-time", SIZE_META, leading=14)
    min_style = ps.style("agenda-min", SIZE_META, leading=14, alignment=2)
    head_right = ps.style("agenda-head-r", SIZE_SMALL, leading=12, fontName=st.cell_head.fontName,
                          textColor=st.cell_head.textColor, alignment=2)
    words = plan.words
    header = [Paragraph(words("Session"), st.cell_head), Paragraph(words("Minutes"), head_right)]
    if timed:
        header.insert(0, Paragraph(words("Time"), st.cell_head))
    rows: list[list[Flowable]] = [header]
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), c.table_header),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.5, c.rule),
        ("TOPPADDING", (0, 0), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
    ]
    for item in plan.agenda:
        if item.is_break:
            title = Paragraph(f"<i>{break_name(item.title, words)}</i>", st.cell)
            commands.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), c.surface))
        else:
            title = Paragraph(inline(item.title), st.cell_bold)
        row: list[Flowable] = [title, Paragraph(str(item.minutes), min_style)]
        if timed:
            row.insert(0, Paragraph(words("{start}–{end}", start=words.time(item.start or ""),
                                          end=words.time(item.end or "")), time_style))
        rows.append(row)
    widths = [width - 74.0, 74.0]
    if timed:
        widths = [104.0, width - 104.0 - 74.0, 74.0]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT", header_rows=1)
    table.setStyle(ps.table(commands))
    return table



