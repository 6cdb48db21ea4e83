"""The facilitator guide's main part: each slide in order with its thumbnail, time
and full speaker notes, and each activity with everything needed to run it."""

from __future__ import annotations

from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
)

from generator.model import Activity, Section
from generator.plan import Plan, PlannedSlide, clock
from generator.writers.pdf.common import (
    hours_minutes,
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
from generator.writers.pdf.flowables import Rule, SlideThumbnail
from generator.writers.pdf.slide_alt import slide_alt
from generator.writers.pdf.style import PdfStyle, hex_of
from generator.writers.pdf.tagged import Paragraph, Table
from generator.writers.pdf.thumbnails import Thumbnail

THUMB_WIDTH = 196.0
GUTTER = 16.0


def _when(plan: Plan, offset: int) -> str:
    """Return the clock time ``offset`` minutes in, or "+h:mm" without a start time."""
    when = clock(plan.workshop.start, offset)
    return plan.words.time(when) if when else f"+{hours_minutes(offset)}"


def slide_entries(ps: PdfStyle, plan: Plan, numbers: list[int], thumbnail: Thumbnail,
                  geometry: PageGeometry) -> list[Flowable]:
    """Return every slide's entry, grouped under headings for its section or break."""
    st = ps.styles
    words = plan.words
    out: list[Flowable] = [
        PageBreak(),
        bookmark(Paragraph(words("Slides and speaker notes"), st.h1),
                 words("Slides and speaker notes")),
        Paragraph(words("Every slide in order, with its time and notes. Activities follow "
                        "their slide in full, with the outcome to aim for."), st.meta),
        Spacer(1, 10),
    ]
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
            if isinstance(part, Section):
                kind = words("Section {number}", number=sum(
                    isinstance(p, Section) for p in sections[: current + 1]))
            out += [
                PageBreak(),
                Paragraph(markup_of(f"{kind}  ·  " + "  ·  ".join(times)), st.label),
                bookmark(Paragraph(inline(item.title), st.h1), item.title),
            ]
            if isinstance(part, Section) and part.summary:
                out.append(Paragraph(inline(part.summary), st.body))
            out.append(Spacer(1, 8))
        out += _entry(ps, plan, index, slide, numbers[index], thumbnail, geometry.frame_width)
    while isinstance(out[-1], Spacer | Rule):  # no rule after the last entry (nor a page)
        out.pop()
    return out


def _entry(ps: PdfStyle, plan: Plan, index: int, slide: PlannedSlide, number: int,
           thumbnail: Thumbnail, width: float) -> list[Flowable]:
    """Return one slide's entry: thumbnail beside its number, time and title, then notes."""
    st, c = ps.styles, ps.colours
    words = plan.words
    facts = [slide_label(number, words), _when(plan, slide.offset)]
    if slide.minutes:
        facts[-1] = words("{start} to {end}", start=facts[-1],
                          end=_when(plan, slide.offset + slide.minutes))
        facts.append(words.duration(slide.minutes))
    side: list[Flowable] = [
        Paragraph(markup_of("  ·  ".join(facts)), st.label),
        Paragraph(inline(slide.title), ps.style("entry-title", 13, leading=17,
                                                fontName=st.h3.fontName, spaceAfter=4),
                  role="H2"),
    ]
    activity = slide.activity
    if activity is not None:
        side.append(Paragraph(f"<font color='{hex_of(c.accent)}'>■</font> "
                              + words("Activity: {time}", time=words.duration(activity.minutes))
                              + (f", {inline(activity.format)}"
                                 if activity.format else ""), st.meta))
    handout = slide_field(slide.slide, "handout")
    if handout:
        side.append(Paragraph(inline(words("**In the handout:** {text}", text=handout)),
                              ps.style("entry-handout", 9.5, leading=12.8, textColor=c.muted,
                                       spaceBefore=4)))
    picture = SlideThumbnail(thumbnail, index, THUMB_WIDTH, slide_alt(plan, index, number))
    row = Table([[picture, side]], colWidths=[THUMB_WIDTH + GUTTER, width - THUMB_WIDTH - GUTTER],
                hAlign="LEFT", layout=True)
    row.setStyle(ps.table([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]))
    if activity is not None:
        bookmark(row, words("Activity: {title}", title=activity.title), 1)
    notes = slide_field(slide.slide, "notes")
    body: list[Flowable] = []
    if notes:
        body.append(Paragraph(words("Speaker notes"), ps.style(
            "notes-label", 9, fontName=st.label.fontName, textColor=c.muted, spaceBefore=2,
            spaceAfter=3)))
        body += text_flowables(notes, st.body)
    if activity is not None:
        body += [Spacer(1, 4), activity_table(ps, activity, plan, slide, width)]
    out: list[Flowable] = [KeepTogether([row, *body[:2]]), *body[2:]]
    out += [Spacer(1, 8), Rule(width="100%", thickness=0.5, color=c.rule, spaceBefore=0,
                               spaceAfter=14)]
    return out


def activity_table(ps: PdfStyle, activity: Activity, plan: Plan, slide: PlannedSlide,
                   width: float) -> Table:
    """Return an activity's details: format, time, materials, steps, prompts, outcome."""
    st, c = ps.styles, ps.colours
    label = ps.style("act-label", 9.5, leading=13, fontName=st.cell_bold.fontName)
    cell = ps.style("act-cell", 10.5, leading=14)
    words = plan.words
    rows: list[list[Flowable | list[Flowable]]] = []
    if activity.format:
        rows.append([Paragraph(words("Format"), label),
                     Paragraph(inline(activity.format), cell)])
    when = words.duration(activity.minutes)
    if plan.workshop.start:
        when += ", " + words("{start} to {end}", start=_when(plan, slide.offset),
                             end=_when(plan, slide.offset + activity.minutes))
    rows.append([Paragraph(words("Time"), label), Paragraph(markup_of(when), cell)])
    if activity.materials:
        rows.append([Paragraph(words("Materials"), label),
                     Paragraph("; ".join(inline(m) for m in activity.materials), cell)])
    if activity.steps:
        rows.append([Paragraph(words("Steps"), label), [
            Paragraph(inline(step), ps.style("act-step", 10.5, leading=14, leftIndent=16,
                                             spaceAfter=3), bulletText=f"{n}.")
            for n, step in enumerate(activity.steps, 1)
        ]])
    if activity.prompts:
        rows.append([Paragraph(words("Worksheet prompts"), label), [
            Paragraph(inline(prompt), ps.style("act-prompt", 10.5, leading=14,
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
