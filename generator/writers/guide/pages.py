"""The facilitator guide PDF: cover, run sheet, timing warnings, materials
checklist, then every slide with its speaker notes and every activity in full.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import BinaryIO

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    NextPageTemplate,
    PageBreak,
    Spacer,
)

from generator.markup import unstyled
from generator.model import Section
from generator.pack import Pack
from generator.plan import Plan, clock
from generator.text import hours_minutes
from generator.writers.guide.materials import materials_checklist
from generator.writers.guide.notes import slide_entries
from generator.writers.pdf.common import (
    break_name,
    inline,
    markup_of,
)
from generator.writers.pdf.cover import CoverPage
from generator.writers.pdf.document import (
    PageGeometry,
    PageRefs,
    bookmark,
    build_pdf,
    cover_details,
    document_setup,
)
from generator.writers.pdf.style import SIZE_META, SIZE_SMALL, PdfStyle, hex_of
from generator.writers.pdf.tagged import Paragraph, Table
from generator.writers.pdf.thumbnails import Thumbnail


def write_guide(pack: Pack, target: BinaryIO, *, thumbnail: Thumbnail | None = None
                ) -> None:
    """Write the facilitator guide of ``pack`` to ``target`` as a PDF; returns None.

    ``thumbnail`` draws a slide into a rectangle (made from the pack's deck layout
    when None; a build shares one between the handout and the guide)."""
    numbers, draw, info = document_setup(pack, pack.plan.words("Facilitator guide"), thumbnail)
    plan, geometry, ps = pack.plan, info.geometry, info.style
    continued = deck_continuations(pack)
    count = len(pack.deck.slides)

    def story(refs: PageRefs) -> list[Flowable]:
        return [
            *_cover(pack, geometry, ps, count),
            *_run_sheet(ps, plan, numbers, continued, count, geometry.frame_width),
            *_timing(ps, plan),
            *materials_checklist(ps, plan, numbers, geometry.frame_width),
            *slide_entries(ps, plan, numbers, continued, draw, geometry),
        ]

    build_pdf(target, info, story, page_refs=False)


def _cover(pack: Pack, geometry: PageGeometry, ps: PdfStyle, slide_count: int
           ) -> list[Flowable]:
    """Return the guide's cover and the switch to body pages."""
    plan = pack.plan
    w = plan.workshop
    activities = sum(1 for s in plan.slides if s.role == "activity")
    words = plan.words
    details = cover_details(plan)
    shape = [words.duration(plan.total_minutes),
             words.plural("{n} slide", "{n} slides", slide_count)]
    if activities:
        shape.append(words.plural("{n} activity", "{n} activities", activities))
    details.append((words("Running time"), markup_of(", ".join(shape))))
    notice = inline(words("**For facilitators.** This guide holds the speaker notes, the run "
                          "sheet and each activity's intended outcome. Participants have their "
                          "own handout, without them."))
    return [
        CoverPage(
            geometry, ps, kind=words("Facilitator guide"), title=inline(w.title),
            subtitle=inline(w.subtitle) if w.subtitle else None,
            kicker=inline(w.event) if w.event else None,
            organisation=unstyled(w.organisation) if w.organisation else None,
            details=details, notice=notice,
            credit=inline(w.source) if w.source else None, logo=pack.look.logo,
        ),
        NextPageTemplate("body"),
        PageBreak(),
    ]


def _when(plan: Plan, offset: int) -> str:
    """Return the clock time ``offset`` minutes in, or "+h:mm" without a start time."""
    when = clock(plan.workshop.start, offset)
    return plan.words.time(when) if when else f"+{hours_minutes(offset)}"


def deck_continuations(pack: Pack) -> list[list[tuple[int, str]]]:
    """Return, for each plan slide, the number and title of each continuation slide
    ("(cont.)") that follows it in the deck."""
    continued: list[list[tuple[int, str]]] = [[] for _ in pack.plan.slides]
    for slide in pack.deck.slides:
        if slide.continuation:
            continued[slide.plan_index].append((slide.number, slide.marked_title))
    return continued


def slack_by_part(plan: Plan) -> dict[int, int]:
    """Return each section's spare minutes: its time budget less what its slides and
    activities take (negative when they take more)."""
    used: dict[int, int] = {}
    for slide in plan.slides:
        if slide.part_index is not None and slide.role != "break":
            used[slide.part_index] = used.get(slide.part_index, 0) + (slide.minutes or 0)
    return {item.part_index: item.minutes - used.get(item.part_index, 0)
            for item in plan.agenda if not item.is_break}


def _run_sheet(ps: PdfStyle, plan: Plan, numbers: list[int],
               continued: Sequence[Sequence[tuple[int, str]]], slide_count: int,
               width: float) -> list[Flowable]:
    """Return the run sheet: every deck slide with its number, each item's start and end
    time and minutes, and each section's spare time (slack) as a row of its own."""
    st, c = ps.styles, ps.colours
    w = plan.workshop
    words = plan.words
    facts = []
    if w.start and plan.end:
        facts.append(words("Start {start}, finish {end}", start=words.time(w.start),
                           end=words.time(plan.end)))
    facts.append(words.duration(plan.total_minutes))
    facts.append(words.plural("{n} slide", "{n} slides", slide_count))
    out: list[Flowable] = [
        bookmark(Paragraph(words("Run sheet"), st.h1), words("Run sheet")),
        Paragraph(markup_of("  ·  ".join(facts)), st.meta),
        Paragraph(markup_of(words("Each row starts and ends at the times shown; “Spare” rows "
                                  "are a section's slack, time its slides and activities "
                                  "leave free.")), st.meta),
        Spacer(1, 6),
    ]
    cell = ps.style("run-cell", SIZE_META, leading=12.5)
    bold = ps.style("run-bold", SIZE_META, leading=12.5, fontName=st.cell_bold.fontName)
    right = ps.style("run-right", SIZE_META, leading=12.5, alignment=2)
    quiet = ps.style("run-quiet", SIZE_META, leading=12.5, textColor=c.muted)
    head = ps.style("run-head", SIZE_SMALL, leading=11.5, fontName=st.cell_head.fontName,
                    textColor=st.cell_head.textColor)
    head_right = ps.style("run-head-r", SIZE_SMALL, leading=11.5,
                          fontName=st.cell_head.fontName, textColor=st.cell_head.textColor,
                          alignment=2)
    rows: list[list[Flowable | str]] = [[
        Paragraph(words("Start") if w.start else words("From"), head),
        Paragraph(words("End") if w.start else words("To"), head),
        Paragraph(words("Slide"), head_right), Paragraph(words("Item"), head),
        Paragraph(words("Minutes"), head_right),
    ]]
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), c.table_header),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, c.rule),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]

    def add(start: int | None, end: int | None, number: str, item: str, minutes: str,
            shade: object | None = None, style: object = cell) -> None:
        rows.append([
            Paragraph(_when(plan, start) if start is not None else "", style),
            Paragraph(_when(plan, end) if end is not None else "", style),
            Paragraph(number, right), Paragraph(item, style), Paragraph(minutes, right),
        ])
        if shade is not None:
            commands.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), shade))

    agenda = {item.part_index: item for item in plan.agenda}
    slack = slack_by_part(plan)
    current: int | None = None

    def close_section() -> None:
        spare = slack.get(current, 0) if current is not None else 0
        if current is None or not spare:
            return
        item = agenda[current]
        end = item.offset + item.minutes
        if spare > 0:
            add(end - spare, end, "", f"<i>{markup_of(words('Spare time in this section'))}</i>",
                str(spare), style=quiet)
        else:
            add(None, None, "", inline(words("**Over by {duration}**: see the timing check",
                                             duration=words.duration(-spare))), "",
                c.panel_accent)

    for index, slide in enumerate(plan.slides):
        number = str(numbers[index]) if numbers[index] > 0 else ""
        if slide.part_index != current:
            close_section()
            current = slide.part_index
            if current is not None:
                item = agenda[current]
                if item.is_break:
                    add(item.offset, item.offset + item.minutes, number,
                        f"<b>{break_name(item.title, words)}</b>", str(item.minutes), c.surface)
                    continue
                add(item.offset, item.offset + item.minutes,
                    number if slide.role == "section" else "",
                    "<b>" + words("Section: {title}", title=inline(item.title)) + "</b>",
                    str(item.minutes), c.panel)
                if slide.role == "section":
                    continue
        if slide.role == "break":
            continue
        minutes = slide.minutes or 0
        title = inline(slide.title)
        if slide.role == "activity":
            title = inline(words("**Activity:** {title}", title=slide.title))
        elif slide.part_index is not None:
            title = "&nbsp;" * 4 + title
        add(slide.offset, slide.offset + minutes if slide.minutes is not None else None,
            number, title, str(slide.minutes) if slide.minutes is not None else "–",
            c.panel_accent if slide.role == "activity" else None)
        for more, more_title in continued[index]:
            add(None, None, str(more), "&nbsp;" * 8 + inline(more_title), "", style=quiet)
    close_section()
    rows.append([Paragraph(_when(plan, plan.total_minutes), bold), Paragraph("", bold), "",
                 Paragraph(words("End"), bold), Paragraph(str(plan.total_minutes), right)])
    fixed = [46.0, 46.0, 38.0, 0.0, 50.0]
    fixed[3] = width - sum(fixed)
    table = Table(rows, colWidths=fixed, repeatRows=1, hAlign="LEFT", header_rows=1)
    table.setStyle(ps.table(commands))
    out.append(table)
    return out


def _timing(ps: PdfStyle, plan: Plan) -> list[Flowable]:
    """Return the timing warnings with their outline lines, or a line saying all fit."""
    st, c = ps.styles, ps.colours
    words = plan.words
    out: list[Flowable] = [CondPageBreak(120), Paragraph(words("Timing check"), st.h2)]
    if not plan.diagnostics:
        out.append(Paragraph(markup_of(words("Every section's slides and activities fit in "
                                             "its time budget.")), st.body))
        return out
    out[1] = bookmark(Paragraph(words("Timing warnings"), st.h2), words("Timing warnings"))
    rows = []
    for problem, (title, asked, budget) in zip(plan.diagnostics, over_time(plan), strict=False):
        where = words("Line {line}: ", line=problem.position.line) if problem.position else ""
        text = f"<b>{markup_of(where)}</b>" + words(
            "The slides and activities in “{title}” take {asked}, over the section's {budget}.",
            title=inline(title), asked=words.duration(asked), budget=words.duration(budget))
        text += f"<br/><font color='{hex_of(c.muted)}'>" + markup_of(words(
            "Fix: raise the section's minutes, or trim its slides' and activities' minutes."
        )) + "</font>"
        rows.append([Paragraph(text, st.cell)])
    table = Table(rows, hAlign="LEFT", layout=True)
    table.setStyle(ps.table([
        ("LINEBEFORE", (0, 0), (0, -1), 3, c.accent),
        ("BACKGROUND", (0, 0), (-1, -1), c.panel_accent),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, c.background),
    ]))
    out.append(table)
    return out


def over_time(plan: Plan) -> list[tuple[str, int, int]]:
    """Return (title, minutes asked, minutes budgeted) of each section whose slides and
    activities take longer than its budget, in order (as the plan warns of them)."""
    found = []
    for part in plan.workshop.sections:
        if isinstance(part, Section) and part.minutes is not None:
            asked = sum(slide.minutes or 0 for slide in part.slides)
            if asked > part.minutes:
                found.append((part.title, asked, part.minutes))
    return found
