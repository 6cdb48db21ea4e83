"""The plan: the workshop as a timed sequence of slides, before any layout.

`make_plan` adds the slides the outline does not spell out (title, agenda,
section dividers, break slides, closing), works out clock times and totals, and
warns when a section's slides and activities need more time than it has. Each
planned slide has one of the kinds in `generator.slide_kinds` and the outline path
it was made from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.diagnostics import Diagnostic, Position, Severity
from generator.markup import each_language, plain_text, unstyled
from generator.model import (
    Activity,
    Break,
    BulletsSlide,
    ColumnsSlide,
    ImageSlide,
    QuoteSlide,
    Role,
    Section,
    Slide,
    StatementSlide,
    TableSlide,
    Workshop,
)
from generator.outline.yamlnodes import Path
from generator.problems import Problem
from generator.slide_kinds import (
    ActivityKind,
    AgendaItem,
    AgendaKind,
    BreakKind,
    ClosingKind,
    OutlineKind,
    SectionKind,
    SlideKind,
    TitleKind,
    outline_kind,
)
from generator.wording import break_name
from generator.words import Words, words_for

__all__ = ["AgendaItem", "Plan", "PlannedSlide", "clock", "derived_title", "make_agenda",
           "make_plan"]

MINUTES_PER_DAY = 24 * 60


def clock(start: str | None, offset: int) -> str | None:
    """Return the wall-clock time ``offset`` minutes after ``start`` ("HH:MM"), or None."""
    if start is None:
        return None
    hours, minutes = (int(x) for x in start.split(":"))
    total = (hours * 60 + minutes + offset) % MINUTES_PER_DAY
    return f"{total // 60:02d}:{total % 60:02d}"


@dataclass(frozen=True, slots=True)
class PlannedSlide:
    """One logical slide of the deck, in order, before text is fitted.

    ``title`` is never empty: where the outline gives none it is made from the
    content, so screen readers always have one. ``kind`` is what the slide shows,
    one of `SlideKind`; ``offset`` is minutes from the start of the workshop when
    this slide comes up. ``path`` is the outline node the slide comes from: ``()``
    for the title slide (the workshop itself), ``("sections", 2)`` for a section
    divider or a break, ``("sections", 2, "slides", 4)`` for an outline slide, and
    None for the slides make-deck makes up from several keys (agenda, closing).
    """

    title: str
    kind: SlideKind
    offset: int
    minutes: int | None
    part_index: int | None
    section_title: str | None
    path: Path | None
    position: Position | None
    title_given: bool = True

    @property
    def role(self) -> Role:
        """Return the slide's role, which its kind decides."""
        return self.kind.role

    @property
    def slide(self) -> Slide | None:
        """Return the outline's own slide, or None for a slide make-deck adds."""
        return self.kind.slide if isinstance(self.kind, OutlineKind) else None

    @property
    def activity(self) -> Activity | None:
        """Return the activity an activity slide runs, or None for other slides."""
        return self.kind.slide.activity if isinstance(self.kind, ActivityKind) else None


@dataclass(frozen=True, slots=True)
class Plan:
    """The whole plan: slides, agenda, totals and the timing warnings."""

    workshop: Workshop
    slides: tuple[PlannedSlide, ...]
    agenda: tuple[AgendaItem, ...]
    total_minutes: int
    diagnostics: tuple[Diagnostic, ...]
    words: Words
    """make-deck's own words in the workshop's language, for layout and every writer."""

    @property
    def end(self) -> str | None:
        """Return the clock time the workshop ends, or None without a start time."""
        return clock(self.workshop.start, self.total_minutes)


def _words(text: str, limit: int) -> str:
    """Return the first ``limit`` words of ``text`` (of each language's, for a pair)."""
    def cut(one: str) -> str:
        words = plain_text(one).split()
        return " ".join(words[:limit]) + ("…" if len(words) > limit else "")

    return each_language(text, cut)


def derived_title(slide: Slide, section_title: str, words: Words | None = None) -> str:
    """Return a title for a slide whose outline gives none, made from its content, in
    ``words``' language (default English)."""
    words = words or words_for("en-GB")
    if isinstance(slide, QuoteSlide):
        return words("Quote: {words}", words=_words(slide.by, 8) if slide.by
                     else _words(slide.quote, 6))
    if isinstance(slide, StatementSlide):
        return _words(slide.statement, 8)  # for screen readers: the design shows no title
    if isinstance(slide, ImageSlide):
        return _words(slide.alt, 8) if slide.alt else words(
            "{section}: picture", section=unstyled(section_title))
    if isinstance(slide, TableSlide):
        header = slide.table.header or slide.table.rows[0]
        return words("Table: {headings}",
                     headings=", ".join(unstyled(h) for h in header[:4]))
    if isinstance(slide, ColumnsSlide):
        headings = [unstyled(c.heading) for c in slide.columns if c.heading]
        return words.names(headings) if headings else words(
            "{section}: compared", section=unstyled(section_title))
    if isinstance(slide, BulletsSlide) and slide.bullets:
        return _words(slide.bullets[0].text, 8)
    return unstyled(section_title)


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
    workshop: Workshop, position_of: Callable[[tuple[str | int, ...]], Position | None],
    words: Words | None = None,
) -> Plan:
    """Return the plan of ``workshop``; ``position_of`` maps outline paths to positions.
    ``words`` are make-deck's own (default: in the workshop's language)."""
    words = words or words_for(workshop.language)
    agenda = make_agenda(workshop)
    total = sum(item.minutes for item in agenda)
    title_kind = TitleKind(workshop.subtitle, workshop.event, workshop.date, workshop.venue)
    slides: list[PlannedSlide] = [PlannedSlide(
        workshop.title, title_kind, 0, None, None, None, (), position_of(("title",)),
    )]
    if workshop.agenda:
        slides.append(PlannedSlide(
            words("Agenda"), AgendaKind(agenda), 0, None, None, None, None,
            position_of(("agenda",)) or None,
        ))
    sections = sum(isinstance(p, Section) for p in workshop.sections)
    number = 0
    problems: list[Diagnostic] = []
    for item in agenda:
        part = workshop.sections[item.part_index]
        path = ("sections", item.part_index)
        if isinstance(part, Break):
            back = clock(workshop.start, item.offset + item.minutes)
            name = break_name(unstyled(part.name), words)
            title = words("{title}: back at {time}", title=name, time=words.time(back)) \
                if back else f"{name} ({words.minutes(part.minutes)})"
            slides.append(PlannedSlide(
                title, BreakKind(part.name, part.minutes, back), item.offset,
                part.minutes, item.part_index, None, path, position_of(path),
            ))
            continue
        number += 1
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
                part.title, SectionKind(part, number, sections), item.offset, None,
                item.part_index, part.title, path, position_of(path),
            ))
        offset = item.offset
        for slide_index, slide in enumerate(part.slides):
            given = slide.title
            slide_path = (*path, "slides", slide_index)
            slides.append(PlannedSlide(
                given or derived_title(slide, part.title, words), outline_kind(slide), offset,
                slide.minutes, item.part_index, part.title, slide_path, position_of(slide_path),
                title_given=bool(given),
            ))
            offset += slide.minutes or 0
    closing = ClosingKind(workshop.facilitators, workshop.organisation, workshop.source,
                          workshop.contact)
    slides.append(PlannedSlide(
        words("Thank you"), closing, total, None, None, None, None, position_of(("source",)),
    ))
    return Plan(workshop, tuple(slides), agenda, total, tuple(problems), words)
