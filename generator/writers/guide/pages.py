"""The facilitator guide PDF: cover, run sheet, timing warnings, materials
checklist, then every slide with its speaker notes and every activity in full.
"""

from __future__ import annotations

import re
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
from generator.writers.guide.notes import slide_entries
from generator.writers.pdf.common import (
    hours_minutes,
    inline,
    markup_of,
    plain,
    slide_label,
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
from generator.writers.pdf.flowables import CheckBox
from generator.writers.pdf.style import PdfStyle, hex_of
from generator.writers.pdf.tagged import Paragraph, Table
from generator.writers.pdf.thumbnails import Thumbnail


def write_guide(pack: Pack, target: BinaryIO, *, thumbnail: Thumbnail | None = None
                ) -> None:
    """Write the facilitator guide of ``pack`` to ``target`` as a PDF; returns None.

    ``thumbnail`` draws a slide into a rectangle (made from the pack's deck layout
    when None; a build shares one between the handout and the guide)."""
    numbers, draw, info = document_setup(pack, pack.plan.words("Facilitator guide"), thumbnail)
    plan, geometry, ps = pack.plan, info.geometry, info.style

    def story(refs: PageRefs) -> list[Flowable]:
        return [
            *_cover(pack, geometry, ps),
            *_run_sheet(ps, plan, numbers, geometry.frame_width),
            *_timing(ps, plan),
            *_materials(ps, plan, numbers, geometry.frame_width),
            *slide_entries(ps, plan, numbers, draw, geometry),
        ]

    build_pdf(target, info, story, page_refs=False)


def _cover(pack: Pack, geometry: PageGeometry, ps: PdfStyle) -> list[Flowable]:
    """Return the guide's cover and the switch to body pages."""
    plan = pack.plan
    w = plan.workshop
    activities = sum(1 for s in plan.slides if s.role == "activity")
    words = plan.words
    details = cover_details(plan)
    shape = [words.duration(plan.total_minutes),
             words.plural("{n} slide", "{n} slides", len(plan.slides))]
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


def _run_sheet(ps: PdfStyle, plan: Plan, numbers: list[int], width: float) -> list[Flowable]:
    """Return the run sheet: when each section, slide, activity and break starts."""
    st, c = ps.styles, ps.colours
    w = plan.workshop
    words = plan.words
    facts = []
    if w.start and plan.end:
        facts.append(words("Start {start}, finish {end}", start=words.time(w.start),
                           end=words.time(plan.end)))
    facts.append(words.duration(plan.total_minutes))
    out: list[Flowable] = [
        bookmark(Paragraph(words("Run sheet"), st.h1), words("Run sheet")),
        Paragraph(markup_of("  ·  ".join(facts)), st.meta),
        Spacer(1, 8),
    ]
    cell = ps.style("run-cell", 9.5, leading=12.5)
    bold = ps.style("run-bold", 9.5, leading=12.5, fontName=st.cell_bold.fontName)
    right = ps.style("run-right", 9.5, leading=12.5, alignment=2)
    head = ps.style("run-head", 9, leading=11.5, fontName=st.cell_head.fontName,
                    textColor=st.cell_head.textColor)
    head_right = ps.style("run-head-r", 9, leading=11.5, fontName=st.cell_head.fontName,
                          textColor=st.cell_head.textColor, alignment=2)
    rows: list[list[Flowable | str]] = [[
        Paragraph(words("Start") if w.start else words("From start"), head),
        Paragraph(words("Slide"), head_right), Paragraph(words("Item"), head),
        Paragraph(words("Min"), head_right), Paragraph(words("Elapsed"), head_right),
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

    def add(offset: int, number: str, item: str, minutes: int | None, shade: object | None,
            strong: bool = False, elapsed_shown: bool = True) -> None:
        style = bold if strong else cell
        elapsed = hours_minutes(offset + (minutes or 0)) if elapsed_shown else ""
        rows.append([
            Paragraph(_when(plan, offset), style), Paragraph(number, right),
            Paragraph(item, style),
            Paragraph(str(minutes) if minutes is not None else "–", right),
            Paragraph(elapsed, right),
        ])
        if shade is not None:
            commands.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), shade))

    agenda = {item.part_index: item for item in plan.agenda}
    current: int | None = None
    for index, slide in enumerate(plan.slides):
        number = str(numbers[index]) if numbers[index] > 0 else ""
        if slide.part_index is not None and slide.part_index != current:
            current = slide.part_index
            item = agenda[current]
            if item.is_break:
                add(item.offset, number, words("{title} (break)",
                                               title=f"<i>{inline(item.title)}</i>"),
                    item.minutes, c.surface, strong=True)
                continue
            add(item.offset, number if slide.role == "section" else "",
                words("Section: {title}", title=inline(item.title)), item.minutes, c.panel,
                strong=True, elapsed_shown=False)
            if slide.role == "section":
                continue
        if slide.role == "activity":
            add(slide.offset, number, inline(words("**Activity:** {title}", title=slide.title)),
                slide.minutes, c.panel_accent)
        elif slide.role == "break":
            continue
        else:
            indent = "&nbsp;" * 4 if slide.part_index is not None else ""
            add(slide.offset, number, indent + inline(slide.title), slide.minutes, None)
    rows.append([Paragraph(_when(plan, plan.total_minutes), bold), "",
                 Paragraph(words("End"), bold), "", Paragraph(hours_minutes(plan.total_minutes),
                                                       right)])
    fixed = [56.0, 40.0, 0.0, 36.0, 52.0]
    fixed[2] = width - sum(fixed)
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
        out.append(Paragraph(words("Every section's slides and activities fit in its time "
                                   "budget."), st.body))
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


def _material_key(text: str) -> str:
    """Return the key two spellings of one material share ("Marker pens" = "marker pens")."""
    return re.sub(r"[\s.,;:]+", " ", plain(text).casefold()).strip()


MAX_USES_SHOWN = 12
"""A material used by more activities lists the first ones and a count (a table row
must fit on a page)."""


def gather_materials(plan: Plan, numbers: list[int]) -> list[tuple[str, list[str]]]:
    """Return each material once (first spelling), with the activities that need it."""
    found: dict[str, tuple[str, list[str]]] = {}
    for index, slide in enumerate(plan.slides):
        activity = slide.activity
        if activity is None:
            continue
        use = f"{inline(activity.title)} ({slide_label(numbers[index], plan.words).lower()})"
        for material in activity.materials:
            entry = found.setdefault(_material_key(material), (material, []))
            if use not in entry[1]:
                entry[1].append(use)
    return list(found.values())


def _materials(ps: PdfStyle, plan: Plan, numbers: list[int], width: float) -> list[Flowable]:
    """Return the materials checklist: a tick box, the material, which activities use it."""
    st, c = ps.styles, ps.colours
    words = plan.words
    out: list[Flowable] = [
        CondPageBreak(160),
        Spacer(1, 10),
        bookmark(Paragraph(words("Materials checklist"), st.h1), words("Materials checklist")),
    ]
    materials = gather_materials(plan, numbers)
    if not materials:
        out.append(Paragraph(words("No activity lists any materials."), st.body))
        return out
    out.append(Paragraph(words("Gather these before the day; each is listed once, with the "
                               "activities that use it."), st.meta))
    out.append(Spacer(1, 6))
    head = st.cell_head
    rows: list[list[Flowable | str]] = [
        ["", Paragraph(words("Material"), head), Paragraph(words("Needed for"), head)]
    ]
    for material, uses in materials:
        more = len(uses) - MAX_USES_SHOWN + 1
        shown = uses if len(uses) <= MAX_USES_SHOWN else [
            *uses[: MAX_USES_SHOWN - 1],
            words.plural("and {n} more activity", "and {n} more activities", more)]
        rows.append([CheckBox(c.text, 10), Paragraph(inline(material), st.cell),
                     Paragraph("<br/>".join(shown), st.cell_small)])
    table = Table(rows, colWidths=[28, (width - 28) * 0.45, (width - 28) * 0.55],
                  repeatRows=1, hAlign="LEFT", header_rows=1)
    table.setStyle(ps.table([
        ("BACKGROUND", (0, 0), (-1, 0), c.table_header),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, c.rule),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 1), (0, -1), 8),
        ("LEFTPADDING", (0, 0), (0, -1), 8),
    ]))
    out.append(table)
    return out
