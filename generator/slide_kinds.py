"""The kinds of slide a plan holds: a closed union, one frozen type per kind.

Each kind carries what its slide shows and nothing else: the break its name,
minutes and the time to be back; the agenda its items; the closing slide the
workshop's facilitators, organisation and source. The seven kinds the outline
spells out carry the outline's own (typed) slide. A kind's ``role`` is a class
constant, the one source of the slide's role.

Consumers dispatch once with ``match`` over `SlideKind` and end with
``case _: assert_never(kind)``, so a kind added here and not handled there is
caught by a type checker, and at run time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar, Literal, TypeAlias, assert_never, get_args

from generator.model import (
    ActivitySlide,
    BulletsSlide,
    ColumnsSlide,
    ImageSlide,
    QuoteSlide,
    Role,
    Section,
    Slide,
    StatementSlide,
    TableSlide,
)


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
class TitleKind:
    """The title slide: the workshop's subtitle, event, date and venue."""

    role: ClassVar[Literal["title"]] = "title"
    subtitle: str | None
    event: str | None
    date: dt.date | None
    venue: str | None


@dataclass(frozen=True, slots=True)
class AgendaKind:
    """The agenda slide: each section and break with its times."""

    role: ClassVar[Literal["agenda"]] = "agenda"
    items: tuple[AgendaItem, ...]


@dataclass(frozen=True, slots=True)
class SectionKind:
    """A section divider: the section, and its number among the sections (breaks
    not counted) out of ``count``."""

    role: ClassVar[Literal["section"]] = "section"
    section: Section
    number: int
    count: int


@dataclass(frozen=True, slots=True)
class BreakKind:
    """A break slide: what the break is called, how long, and when to be back
    (None without a start time)."""

    role: ClassVar[Literal["break"]] = "break"
    name: str
    minutes: int
    back: str | None


@dataclass(frozen=True, slots=True)
class ClosingKind:
    """The closing slide: who ran the workshop, for whom, how to reach them, and the
    credit line."""

    role: ClassVar[Literal["closing"]] = "closing"
    facilitators: tuple[str, ...]
    organisation: str | None
    source: str | None
    contact: str | None = None


@dataclass(frozen=True, slots=True)
class BulletsKind:
    """A slide of bullets."""

    role: ClassVar[Literal["bullets"]] = "bullets"
    slide: BulletsSlide


@dataclass(frozen=True, slots=True)
class QuoteKind:
    """A quotation and who said it."""

    role: ClassVar[Literal["quote"]] = "quote"
    slide: QuoteSlide


@dataclass(frozen=True, slots=True)
class StatementKind:
    """One key message, large."""

    role: ClassVar[Literal["statement"]] = "statement"
    slide: StatementSlide


@dataclass(frozen=True, slots=True)
class ColumnsKind:
    """Two or three columns side by side."""

    role: ClassVar[Literal["columns"]] = "columns"
    slide: ColumnsSlide


@dataclass(frozen=True, slots=True)
class ImageKind:
    """A picture with its alt text and caption."""

    role: ClassVar[Literal["image"]] = "image"
    slide: ImageSlide


@dataclass(frozen=True, slots=True)
class TableKind:
    """A table."""

    role: ClassVar[Literal["table"]] = "table"
    slide: TableSlide


@dataclass(frozen=True, slots=True)
class ActivityKind:
    """An activity: its steps, prompts, materials and timing."""

    role: ClassVar[Literal["activity"]] = "activity"
    slide: ActivitySlide


SlideKind: TypeAlias = (
    TitleKind | AgendaKind | SectionKind | BreakKind | ClosingKind | BulletsKind | QuoteKind
    | StatementKind | ColumnsKind | ImageKind | TableKind | ActivityKind
)
"""Every kind of planned slide."""

OutlineKind: TypeAlias = (
    BulletsKind | QuoteKind | StatementKind | ColumnsKind | ImageKind | TableKind | ActivityKind
)
"""The kinds the outline spells out slide by slide (the rest make-deck adds)."""

KINDS: tuple[type[SlideKind], ...] = get_args(SlideKind)
"""Every kind's class, in the order of `SlideKind`."""

ROLES: tuple[Role, ...] = tuple(kind.role for kind in KINDS)
"""Every kind's role; the same set as the model's `Role`."""


def outline_kind(slide: Slide) -> OutlineKind:
    """Return the kind of an outline slide, wrapping it."""
    match slide:
        case BulletsSlide():
            return BulletsKind(slide)
        case QuoteSlide():
            return QuoteKind(slide)
        case StatementSlide():
            return StatementKind(slide)
        case ColumnsSlide():
            return ColumnsKind(slide)
        case ImageSlide():
            return ImageKind(slide)
        case TableSlide():
            return TableKind(slide)
        case ActivitySlide():
            return ActivityKind(slide)
        case _:
            assert_never(slide)
