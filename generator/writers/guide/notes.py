"""The facilitator guide's main part: each slide in order with its thumbnail, time
and full speaker notes, and each activity with everything needed to run it."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Spacer,
)

from generator.markup import plain_text
from generator.model import Activity, Section
from generator.plan import Plan, PlannedSlide, clock
from generator.text import hours_minutes
from generator.words import Words
from generator.writers.pdf.common import (
    break_name,
    inline,
    markup_of,
    slide_field,
    slide_label,
    text_flowables,
)
from generator.writers.pdf.document import (
    PageGeometry,
    bookmark,
)
from generator.writers.pdf.fitting import first_that_fits
from generator.writers.pdf.flowables import SlideThumbnail
from generator.writers.pdf.slide_alt import slide_alt
from generator.writers.pdf.style import (
    BODY_SIZE,
    SIZE_LEAD,
    SIZE_META,
    SIZE_SMALL,
    PdfStyle,
    hex_of,
    measured,
)
from generator.writers.pdf.tagged import Paragraph, Table
from generator.writers.pdf.tags import artifact, layout_only
from generator.writers.pdf.thumbnails import Thumbnail

THUMB_WIDTH = 196.0
COMPACT_WIDTH = 128.0
"""The picture of a divider, break or closing slide: it shows no content to look at."""
COMPACT_ROLES = frozenset({"section", "break", "closing"})
CLOSING_WIDTHS = (COMPACT_WIDTH, 88.0, 64.0)
"""The closing slide's picture, largest first: a smaller one when that lets the entry
share the page with the entries before it instead of standing alone on the last."""
GUTTER = 16.0


def _when(plan: Plan, offset: int) -> str:
    """Return the clock time ``offset`` minutes in, or "+h:mm" without a start time."""
    when = clock(plan.workshop.start, offset)
    return plan.words.time(when) if when else f"+{hours_minutes(offset)}"


def slide_entries(ps: PdfStyle, plan: Plan, numbers: list[int],
                  continued: Sequence[Sequence[tuple[int, str]]], thumbnail: Thumbnail,
                  geometry: PageGeometry) -> list[Flowable]:
    """Return every slide's entry, grouped under headings for its section or break.

    A section or break starts a new page only when less than a third of the page is
    left; its heading always shares a page with its first entry."""
    st = ps.styles
    words = plan.words
    out: list[Flowable] = [
        CondPageBreak(geometry.frame_height / 3),
        bookmark(Paragraph(words("Slides and speaker notes"), st.h1),
                 words("Slides and speaker notes")),
        Paragraph(words("Every slide in order, with its time and notes. Activities follow "
                        "their slide in full, with the outcome to aim for."), st.meta),
        Spacer(1, 10),
    ]
    heading: list[Flowable] = []
    opening = ParagraphStyle("opening-label", parent=st.label, spaceBefore=16)
    agenda = {item.part_index: item for item in plan.agenda}
    sections = plan.workshop.sections
    current: int | None = None
    for index, slide in enumerate(plan.slides):
        if slide.part_index is not None and slide.part_index != current:
            current = slide.part_index
            item = agenda[current]
            part = sections[current]
            times = [words.duration(item.minutes)]
            if item.start and item.end:
                times.insert(0, words("{start} to {end}", start=words.time(item.start),
                                      end=words.time(item.end)))
            kind = words("Break")
            title = break_name(item.title, words)
            if isinstance(part, Section):
                kind = words("Section {number}", number=sum(
                    isinstance(p, Section) for p in sections[: current + 1]))
                title = inline(item.title)
            out.append(CondPageBreak(geometry.frame_height / 3))
            heading = [  # space above it, unless it starts a page
                Paragraph(markup_of(f"{kind}  ·  " + "  ·  ".join(times)), opening),
                bookmark(Paragraph(title, st.h1), plain_text(title)),
            ]
            if isinstance(part, Section) and part.summary:
                heading.append(Paragraph(inline(part.summary),
                                         measured(st.body, geometry.frame_width)))
            heading.append(Spacer(1, 8))
        out += _entry(ps, plan, index, slide, numbers[index], continued[index], thumbnail,
                      geometry, heading, last=index == len(plan.slides) - 1)
        heading = []
    return out


def _entry(ps: PdfStyle, plan: Plan, index: int, slide: PlannedSlide, number: int,
           continued: Sequence[tuple[int, str]], thumbnail: Thumbnail,
           geometry: PageGeometry, heading: Sequence[Flowable] = (), *, last: bool = False
           ) -> list[Flowable]:
    """Return one slide's entry: thumbnail beside its number, time and title (and the
    slides that continue it), then its notes and, for an activity, its details.

    ``heading`` (a section's, for its first entry) is kept on one page with the
    entry's opening. A rule above each entry but the first separates it from the one
    before and moves with it, so no rule ends a page; a closing slide's
    entry takes a smaller picture rather than start a page of its own."""
    st, c = ps.styles, ps.colours
    width, frame_height = geometry.frame_width, geometry.frame_height
    words = plan.words
    facts = [slide_label(number, words), _when(plan, slide.offset)]
    if slide.minutes:
        facts[-1] = words("{start} to {end}", start=facts[-1],
                          end=_when(plan, slide.offset + slide.minutes))
        facts.append(words.duration(slide.minutes))
    side: list[Flowable] = [
        Paragraph(markup_of("  ·  ".join(facts)), st.label),
        Paragraph(inline(slide.title), ps.style("entry-title", SIZE_LEAD, leading=16.5,
                                                fontName=st.h3.fontName, spaceAfter=4),
                  role="H2"),
    ]
    activity = slide.activity
    if activity is not None:
        side.append(Paragraph(f"<font color='{hex_of(c.accent)}'>■</font> "
                              + markup_of(words("Activity")), st.meta))
    for more, more_title in continued:
        side.append(Paragraph(f"<b>{markup_of(slide_label(more, words))}</b>  ·  "
                              f"{inline(more_title)}", st.meta))
    handout = slide_field(slide.slide, "handout")
    if handout:
        side.append(Paragraph(inline(words("**In the handout:** {text}", text=handout)), ps.style(
            "entry-handout", SIZE_META, leading=13, textColor=c.muted, spaceBefore=4)))

    def row_of(thumb: float, below: float = 8.0) -> Table:
        picture = SlideThumbnail(thumbnail, index, thumb, slide_alt(plan, index, number))
        row = Table([[picture, list(side)]], colWidths=[thumb + GUTTER, width - thumb - GUTTER],
                    hAlign="LEFT", layout=True, reading_order=(1, 0))  # the heading first
        row.setStyle(ps.table([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), below),
        ]))
        return row

    notes = slide_field(slide.slide, "notes")
    body: list[Flowable] = []
    if notes:
        body.append(Paragraph(words("Speaker notes"), ps.style(
            "notes-label", SIZE_SMALL, fontName=st.label.fontName, textColor=c.muted,
            spaceBefore=2, spaceAfter=3, keepWithNext=1)))
        body += text_flowables(notes, notes_style(ps, width))
    if activity is not None:
        body += [Spacer(1, 4), activity_table(ps, activity, width, words)]
    below = 8.0 if body or not last else 0.0  # (nothing under the last entry)
    row = row_of(COMPACT_WIDTH if slide.role in COMPACT_ROLES else THUMB_WIDTH, below)
    if activity is not None:
        bookmark(row, words("Activity: {title}", title=activity.title), 1)
    rule: list[Flowable] = [] if index == 0 else [  # kept with the entry it opens
        Separator(width, c.rule, space_before=8, space_after=14, frame_height=frame_height)]
    opening = [*rule, *heading, row, *body[:2]]
    out: list[Flowable] = [KeepTogether(opening), *body[2:]]
    if slide.role == "closing":
        smaller = [[*rule, *heading, row_of(thumb, below), *body]
                   for thumb in CLOSING_WIDTHS[1:]]
        out = [first_that_fits([[*opening, *body[2:]], *smaller], len(opening))]
    return out


def notes_style(ps: PdfStyle, width: float) -> ParagraphStyle:
    """Return the speaker notes' style: large enough to read standing up, in a column
    of about 68 characters (narrower than the page)."""
    return measured(ps.style("notes", SIZE_LEAD, leading=18, spaceAfter=7), width)


def activity_table(ps: PdfStyle, activity: Activity, width: float, words: Words) -> Table:
    """Return an activity's details: format, materials, steps, prompts, outcome (its
    time is in the entry's heading, said once)."""
    st, c = ps.styles, ps.colours
    label = ps.style("act-label", SIZE_META, leading=14, fontName=st.cell_bold.fontName)
    cell = ps.style("act-cell", BODY_SIZE, leading=15)
    rows: list[list[Flowable | list[Flowable]]] = []
    if activity.format:
        rows.append([Paragraph(words("Format"), label), Paragraph(inline(activity.format), cell)])
    if activity.materials:
        rows.append([Paragraph(words("Materials"), label),
                     Paragraph("; ".join(inline(m) for m in activity.materials), cell)])
    if activity.steps:
        rows.append([Paragraph(words("Steps"), label), [
            Paragraph(inline(step), ps.style("act-step", BODY_SIZE, leading=15, leftIndent=16,
                                             spaceAfter=3), bulletText=f"{n}.")
            for n, step in enumerate(activity.steps, 1)
        ]])
    if activity.prompts:
        rows.append([Paragraph(words("Worksheet prompts"), label), [
            Paragraph(inline(prompt.prompt), ps.style("act-prompt", BODY_SIZE, leading=15,
                                                      leftIndent=12, spaceAfter=3),
                      bulletText="•")
            for prompt in activity.prompts
        ]])
    outcome_row = None
    if activity.outcome:
        outcome_row = len(rows)
        rows.append([Paragraph(words("Intended outcome"), label),
                     Paragraph(f"<b>{inline(activity.outcome)}</b>", cell)])
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, -1), c.surface),
        ("LINEBEFORE", (0, 0), (0, -1), 3, c.accent),
        ("LINEBELOW", (0, 0), (-1, -2), 0.6, c.background),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
    ]
    if outcome_row is not None:
        commands.append(("BACKGROUND", (0, outcome_row), (-1, outcome_row), c.panel_accent))
    table = Table(rows, colWidths=[112.0, width - 112.0], hAlign="LEFT", header_cols=1)
    table.setStyle(ps.table(commands))
    return table


class Separator(Flowable):
    """A thin rule between two blocks that is never left alone at a page's end or start:
    where it would begin a page (offered the whole frame) it takes no room and draws
    nothing; where it would not fit at a page's end, it moves on, and so vanishes."""

    def __init__(self, width: float, colour: Color, *, thickness: float = 0.5,
                 space_before: float = 0.0, space_after: float = 14.0,
                 frame_height: float | None = None) -> None:
        """``frame_height`` is the body frame's: offered all of it, the rule starts a page."""
        super().__init__()
        self.space_before = space_before
        self.rule_width = width
        self.colour = colour
        self.thickness = thickness
        self.space_after = space_after
        self.frame_height = frame_height
        self.shown = True

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Return no height at the top of a page, else the rule and the space under it."""
        top = self.frame_height
        self.shown = top is None or abs(availHeight - top) >= 1.0
        self.width = availWidth
        self.height = (self.space_before + self.thickness + self.space_after
                       if self.shown else 0.0)
        return self.width, self.height

    def draw(self) -> None:
        """Draw the rule at the top of its space (an artifact)."""
        if not self.shown or layout_only(self.canv):
            return
        with artifact(self.canv, "Layout"):
            self.canv.saveState()
            self.canv.setStrokeColor(self.colour)
            self.canv.setLineWidth(self.thickness)
            y = self.height - self.space_before - self.thickness / 2
            self.canv.line(0, y, self.rule_width, y)
            self.canv.restoreState()
