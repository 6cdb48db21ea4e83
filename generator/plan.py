"""The plan: the workshop as a timed sequence of slides, before any layout.

`make_plan` adds the slides the outline does not spell out (title, agenda,
section dividers, break slides, closing), works out clock times and totals, and
warns when a section's slides and activities need more time than it has.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.diagnostics import Diagnostic, Position, Severity
from generator.markup import plain_text
from generator.model import (
    ActivitySlide,
    Break,
    BulletsSlide,
    ColumnsSlide,
    ImageSlide,
    QuoteSlide,
    Section,
    Slide,
    StatementSlide,
    TableSlide,
    Workshop,
)
from generator.problems import Problem

MINUTES_PER_DAY = 24 * 60


def clock(start: str | None, offset: int) -> str | None:
    """Return the wall-clock time ``offset`` minutes after ``start`` ("HH:MM"), or None."""
    if start is None:
        return None
    hours, minutes = (int(x) for x in start.split(":"))
    total = (hours * 60 + minutes + offset) % MINUTES_PER_DAY
    return f"{total // 60:02d}:{total % 60:02d}"


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One line of the agenda: a section or a break, with its times."""

    title: str
    minutes: int
    offset: int
    start: str | None
    end: str | None
    is_break: bool
    part_index: int


@dataclass(frozen=True, slots=True)
class PlannedSlide:
    """One logical slide of the deck, in order, before text is fitted.

    ``title`` is never empty: where the outline gives none it is made from the
    content, so screen readers always have one. ``content`` is the outline's own
    slide (or section, break, workshop) object; ``offset`` is minutes from the
    start of the workshop when this slide comes up.
    """

    role: str
    title: str
    content: object
    offset: int
    minutes: int | None
    part_index: int | None
    section_title: str | None
    position: Position | None
    title_given: bool = True


@dataclass(frozen=True, slots=True)
class Plan:
    """The whole plan: slides, agenda, totals and the timing warnings."""

    workshop: Workshop
    slides: tuple[PlannedSlide, ...]
    agenda: tuple[AgendaItem, ...]
    total_minutes: int
    diagnostics: tuple[Diagnostic, ...]

    @property
    def end(self) -> str | None:
        """Return the clock time the workshop ends, or None without a start time."""
        return clock(self.workshop.start, self.total_minutes)


def _words(text: str, limit: int) -> str:
    words = plain_text(text).split()
    short = " ".join(words[:limit])
    return short + ("…" if len(words) > limit else "")


def derived_title(slide: Slide, section_title: str) -> str:
    """Return a title for a slide whose outline gives none, made from its content."""
    if isinstance(slide, QuoteSlide):
        return f"Quote: {_words(slide.by, 8)}" if slide.by else f"Quote: {_words(slide.quote, 6)}"
    if isinstance(slide, StatementSlide):
        return f"{_words(section_title, 6)}: key message"
    if isinstance(slide, ImageSlide):
        return _words(slide.alt, 8) if slide.alt else f"{plain_text(section_title)}: picture"
    if isinstance(slide, TableSlide):
        header = slide.table.header or slide.table.rows[0]
        return "Table: " + ", ".join(plain_text(h) for h in header[:4])
    if isinstance(slide, ColumnsSlide):
        headings = [plain_text(c.heading) for c in slide.columns if c.heading]
        return " and ".join(headings) if headings else f"{plain_text(section_title)}: compared"
    if isinstance(slide, BulletsSlide) and slide.bullets:
        return _words(slide.bullets[0].text, 8)
    return plain_text(section_title)


_ROLE: dict[type, str] = {
    BulletsSlide: "bullets", QuoteSlide: "quote", StatementSlide: "statement",
    ColumnsSlide: "columns", ImageSlide: "image", TableSlide: "table",
    ActivitySlide: "activity",
}


def _section_minutes(section: Section) -> tuple[int, int]:
    """Return (the section's time, the time its slides and activities ask for)."""
    asked = sum(slide.minutes or 0 for slide in section.slides)
    return (section.minutes if section.minutes is not None else asked), asked


def make_agenda(workshop: Workshop) -> tuple[AgendaItem, ...]:
    """Return the agenda: each section and break with its offset and clock times."""
    items: list[AgendaItem] = []
    offset = 0
    for index, part in enumerate(workshop.sections):
        if isinstance(part, Break):
            minutes, title, is_break = part.minutes, part.name, True
        else:
            minutes, title, is_break = _section_minutes(part)[0], part.title, False
        items.append(AgendaItem(
            title, minutes, offset, clock(workshop.start, offset),
            clock(workshop.start, offset + minutes), is_break, index,
        ))
        offset += minutes
    return tuple(items)


def make_plan(
    workshop: Workshop, position_of: Callable[[tuple[str | int, ...]], Position | None]
) -> Plan:
    """Return the plan of ``workshop``; ``position_of`` maps outline paths to positions."""
    agenda = make_agenda(workshop)
    total = sum(item.minutes for item in agenda)
    slides: list[PlannedSlide] = [PlannedSlide(
        "title", workshop.title, workshop, 0, None, None, None, position_of(("title",)),
    )]
    if workshop.agenda:
        slides.append(PlannedSlide(
            "agenda", "Agenda", agenda, 0, None, None, None, position_of(("agenda",)) or None,
        ))
    problems: list[Diagnostic] = []
    for item in agenda:
        part = workshop.sections[item.part_index]
        path = ("sections", item.part_index)
        if isinstance(part, Break):
            back = clock(workshop.start, item.offset + item.minutes)
            title = f"{part.name}: back at {back}" if back else f"{part.name} ({part.minutes} min)"
            slides.append(PlannedSlide(
                "break", plain_text(title), part, item.offset, part.minutes, item.part_index,
                None, position_of(path),
            ))
            continue
        asked = _section_minutes(part)[1]
        if part.minutes is not None and asked > part.minutes:
            problems.append(Diagnostic(
                Problem.W_TIME_OVER,
                f"the slides and activities in “{plain_text(part.title)}” take {asked} minutes, "
                f"over the section's {part.minutes}",
                Severity.WARNING, position_of((*path, "minutes")),
                hint="raise the section's `minutes` or trim its slides' and activities' minutes",
            ))
        if workshop.section_slides:
            slides.append(PlannedSlide(
                "section", part.title, part, item.offset, None, item.part_index, part.title,
                position_of(path),
            ))
        offset = item.offset
        for slide_index, slide in enumerate(part.slides):
            title = slide.title
            slides.append(PlannedSlide(
                _ROLE[type(slide)], title or derived_title(slide, part.title), slide, offset,
                slide.minutes, item.part_index, part.title,
                position_of((*path, "slides", slide_index)), title_given=bool(title),
            ))
            offset += slide.minutes or 0
    slides.append(PlannedSlide(
        "closing", "Thank you", workshop, total, None, None, None, position_of(("source",)),
    ))
    return Plan(workshop, tuple(slides), agenda, total, tuple(problems))
