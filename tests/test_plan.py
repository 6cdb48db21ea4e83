"""The plan: agenda clock times, time budgets, the slides the outline does not spell
out, titles for slides that have none, and the slide kinds: every kind produced by
some outline, each carrying what its slide shows, and each planned slide's outline
path pointing at the node it was made from."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import get_args

import pytest
import yaml

from generator.build import shown_texts
from generator.checks.where import Where
from generator.diagnostics import Severity
from generator.layout.notes import speaker_notes
from generator.look.look import look_for
from generator.look.theme import DEFAULT_THEME
from generator.model import Role
from generator.options import BuildOptions
from generator.outline.reader import OutlineSource, read_outline
from generator.plan import Plan, PlannedSlide, clock, make_plan
from generator.slide_kinds import (
    KINDS,
    ROLES,
    ActivityKind,
    AgendaKind,
    BreakKind,
    BulletsKind,
    ClosingKind,
    ColumnsKind,
    ImageKind,
    QuoteKind,
    SectionKind,
    StatementKind,
    TableKind,
    TitleKind,
)
from generator.writers.handout.slides import slide_text
from generator.writers.pdf.slide_alt import slide_alt
from generator.writers.pdf.style import pdf_style

REPO_ROOT = Path(__file__).resolve().parents[1]


def plan_of(text: str) -> Plan:
    """Return the plan of an outline held in memory (pictures resolve in the repository)."""
    return plan_and_source(text)[0]


def plan_and_source(text: str) -> tuple[Plan, OutlineSource]:
    """Return the plan of an outline held in memory and what the reader made of it."""
    source = read_outline(text, "outline.yaml", REPO_ROOT, BuildOptions())
    assert source.diagnostics == ()
    assert source.workshop is not None
    return make_plan(source.workshop, source.sources.value), source


DAY = """\
title: Day
start: "09:30"
sections:
  - title: One
    minutes: 25
    slides:
      - title: A
        bullets: [x]
        minutes: 5
      - title: B
        bullets: [y]
        minutes: 10
  - break: Coffee
    minutes: 15
  - title: Two
    minutes: 40
    slides:
      - statement: Go
"""


def test_agenda_clock_times_run_on_from_start_through_the_break():
    plan = plan_of(DAY)
    assert [(i.title, i.minutes, i.offset, i.start, i.end, i.is_break) for i in plan.agenda] == [
        ("One", 25, 0, "09:30", "09:55", False),
        ("Coffee", 15, 25, "09:55", "10:10", True),
        ("Two", 40, 40, "10:10", "10:50", False),
    ]
    assert [i.part_index for i in plan.agenda] == [0, 1, 2]


def test_total_and_end_time():
    plan = plan_of(DAY)
    assert plan.total_minutes == 80
    assert plan.end == "10:50"


def test_no_clock_times_without_start():
    plan = plan_of(DAY.replace('start: "09:30"\n', ""))
    assert all(i.start is None and i.end is None for i in plan.agenda)
    assert [i.offset for i in plan.agenda] == [0, 25, 40]
    assert plan.end is None
    assert plan.total_minutes == 80
    (coffee,) = [s for s in plan.slides if s.role == "break"]
    assert "back at" not in coffee.title
    assert "Coffee" in coffee.title and "15" in coffee.title


def test_clock_wraps_past_midnight():
    assert clock("23:30", 45) == "00:15"
    assert clock("09:05", 0) == "09:05"
    assert clock(None, 10) is None


def test_slides_offsets_follow_their_minutes():
    plan = plan_of(DAY)
    by_title = {s.title: s for s in plan.slides}
    assert (by_title["A"].offset, by_title["A"].minutes) == (0, 5)
    assert (by_title["B"].offset, by_title["B"].minutes) == (5, 10)
    assert by_title["Two"].offset == 40
    assert plan.slides[-1].offset == 80


BUDGET = """\
title: Budget
sections:
  - title: Tight
    minutes: {budget}
    slides:
      - title: A
        bullets: [x]
        minutes: 6
      - activity:
          title: Act
          minutes: 5
"""


def test_over_budget_section_warns_at_its_minutes():
    plan = plan_of(BUDGET.format(budget=10))
    (warning,) = plan.diagnostics
    assert warning.code == "W-TIME-OVER"
    assert warning.severity is Severity.WARNING
    assert warning.position is not None
    assert (warning.position.line, warning.position.column) == (4, 14)
    assert "11" in warning.message and "10" in warning.message and "Tight" in warning.message
    assert warning.hint


def test_exactly_at_budget_is_fine():
    assert plan_of(BUDGET.format(budget=11)).diagnostics == ()


def test_section_without_minutes_takes_its_slides_sum():
    plan = plan_of(BUDGET.replace("    minutes: {budget}\n", ""))
    assert plan.diagnostics == ()
    assert [i.minutes for i in plan.agenda] == [11]
    assert plan.total_minutes == 11


def test_slides_without_minutes_count_as_none():
    text = ("title: T\nsections:\n  - title: S\n    slides:\n      - title: A\n"
            "        bullets: [x]\n      - statement: B\n        minutes: 2\n")
    assert plan_of(text).total_minutes == 2


# ------------------------------------------------------------------ automatic slides


def roles(plan: Plan) -> list[str]:
    return [s.role for s in plan.slides]


def test_automatic_slides_in_order():
    plan = plan_of(DAY)
    assert roles(plan) == ["title", "agenda", "section", "bullets", "bullets", "break",
                           "section", "statement", "closing"]
    assert plan.slides[0].title == "Day"
    assert plan.slides[1].title == "Agenda"
    assert plan.slides[1].kind == AgendaKind(plan.agenda)
    assert [s.title for s in plan.slides if s.role == "section"] == ["One", "Two"]
    assert plan.slides[-1].title == "Thank you"


def test_break_slide_says_when_to_be_back():
    (coffee,) = [s for s in plan_of(DAY).slides if s.role == "break"]
    assert coffee.title == "Coffee break: back at 10:10"
    assert coffee.minutes == 15


def test_agenda_and_section_slides_can_be_switched_off():
    text = DAY.replace("sections:\n", "agenda: false\nsection_slides: false\nsections:\n", 1)
    assert roles(plan_of(text)) == ["title", "bullets", "bullets", "break", "statement",
                                    "closing"]


def test_only_the_agenda_switched_off():
    text = DAY.replace("sections:\n", "agenda: false\nsections:\n", 1)
    assert roles(plan_of(text))[:3] == ["title", "section", "bullets"]


def test_slides_know_their_section():
    plan = plan_of(DAY)
    by_title = {s.title: s for s in plan.slides}
    assert by_title["A"].section_title == "One"
    assert by_title["A"].part_index == 0
    assert by_title["Go"].part_index == 2


# ------------------------------------------------------------------ derived titles


def titled(slide_yaml: str, section: str = "Scene") -> tuple[str, bool]:
    text = (f"title: T\nsections:\n  - title: {section}\n    slides:\n"
            + "".join(f"      {line}\n" for line in slide_yaml.splitlines()))
    plan = plan_of(text)
    (slide,) = [s for s in plan.slides if s.role not in ("title", "agenda", "section",
                                                         "closing")]
    return slide.title, slide.title_given


@pytest.mark.parametrize("slide, expected", [
    ("- quote: Hanging on\n  by: Pink Floyd", "Quote: Pink Floyd"),
    ("- quote: Hanging on\n  by: '**Pink** Floyd'", "Quote: Pink Floyd"),
    ("- quote: one two three four five six seven eight", "Quote: one two three four five six…"),
    ("- quote: one two three", "Quote: one two three"),
    ("- statement: Cheapest is not enough", "Cheapest is not enough"),
    ("- image: images/patch-cadence.png\n  alt: A bar chart of days", "A bar chart of days"),
    ("- image: images/patch-cadence.png\n  alt: one two three four five six seven eight nine",
     "one two three four five six seven eight…"),
    ("- image: images/patch-cadence.png\n  decorative: true", "Scene: picture"),
    ("- table:\n    header: [Area, Today, Target]\n    rows:\n      - [a, b, c]",
     "Table: Area, Today, Target"),
    ("- table:\n    rows:\n      - [Deploy, '*slow*']\n      - [Hire, slow]",
     "Table: Deploy, slow"),
    ("- table:\n    header: [A, B, C, D, E]\n    rows:\n      - [1, 2, 3, 4, 5]",
     "Table: A, B, C, D"),
    ("- columns:\n    - heading: Old\n    - heading: New", "Old and New"),
], ids=["quote by", "quote by markup", "long quote", "short quote", "statement", "image alt",
        "long alt", "decorative", "table header", "table first row", "table five columns",
        "columns"])
def test_derived_titles(slide, expected):
    assert titled(slide) == (expected, False)


def test_given_title_is_kept():
    assert titled("- quote: Q\n  title: A saying") == ("A saying", True)


# ------------------------------------------------------------------ slide kinds


EVERY_KIND = """\
title: Every kind
subtitle: A day of it
event: Away day
venue: Room 4
date: 2026-03-02
start: "09:00"
facilitators: [Sam Lee, Ana Diaz]
organisation: A Department
source: Made with care
sections:
  - title: Opening
    minutes: 30
    summary: Why we are here.
    slides:
      - title: Bullets
        bullets: [one, two]
        notes: Say hello.
      - quote: Change is hard
        by: Someone
      - statement: We can do this
  - break: Coffee
    minutes: 15
  - title: Middle
    slides:
      - title: Sides
        columns:
          - heading: Left
            bullets: [a]
          - heading: Right
            bullets: [b]
      - image: images/patch-cadence.png
        alt: A bar chart of days
      - table:
          header: [Area, Today]
          rows:
            - [Deploy, slow]
      - activity:
          title: Map the waits
          minutes: 20
          steps: [Draw the steps, Mark the waits]
"""


@pytest.fixture(scope="module")
def plan() -> Plan:
    return plan_and_source(EVERY_KIND)[0]


def of_kind(plan: Plan, kind: type) -> list[PlannedSlide]:
    return [s for s in plan.slides if isinstance(s.kind, kind)]


def test_every_kind_is_produced_in_order(plan: Plan) -> None:
    assert [type(s.kind) for s in plan.slides] == [
        TitleKind, AgendaKind, SectionKind, BulletsKind, QuoteKind, StatementKind, BreakKind,
        SectionKind, ColumnsKind, ImageKind, TableKind, ActivityKind, ClosingKind]
    assert {type(s.kind) for s in plan.slides} == set(KINDS)


def test_roles_follow_from_kinds_and_match_the_model(plan: Plan) -> None:
    assert sorted(ROLES) == sorted(get_args(Role))
    assert len(set(ROLES)) == len(KINDS)
    for slide in plan.slides:
        assert slide.role == type(slide.kind).role


def test_made_up_kinds_carry_what_their_slide_shows(plan: Plan) -> None:
    (title,) = of_kind(plan, TitleKind)
    assert (title.kind.subtitle, title.kind.event, title.kind.venue) == (
        "A day of it", "Away day", "Room 4")
    assert title.kind.date is not None and title.kind.date.isoformat() == "2026-03-02"
    (agenda,) = of_kind(plan, AgendaKind)
    assert agenda.kind.items == plan.agenda
    (coffee,) = of_kind(plan, BreakKind)
    assert coffee.kind == BreakKind("Coffee", 15, "09:45")
    assert coffee.title == "Coffee break: back at 09:45"
    sections = [s.kind for s in of_kind(plan, SectionKind)]
    assert [(k.section.title, k.number, k.count) for k in sections] == [
        ("Opening", 1, 2), ("Middle", 2, 2)]
    (closing,) = of_kind(plan, ClosingKind)
    assert closing.kind == ClosingKind(("Sam Lee", "Ana Diaz"), "A Department", "Made with care")


def test_the_break_without_a_start_time_has_no_back_time() -> None:
    plan = plan_and_source(EVERY_KIND.replace('start: "09:00"\n', ""))[0]
    (coffee,) = of_kind(plan, BreakKind)
    assert coffee.kind.back is None
    assert coffee.title == "Coffee break (15 minutes)"


def test_outline_kinds_carry_the_outline_slide(plan: Plan) -> None:
    workshop = plan.workshop
    outline_slides = [s for part in workshop.sections for s in getattr(part, "slides", ())]
    planned = [s for s in plan.slides if s.slide is not None]
    assert [s.slide for s in planned] == outline_slides
    assert [s.kind.slide for s in planned] == outline_slides  # type: ignore[union-attr]
    (activity,) = of_kind(plan, ActivityKind)
    assert activity.activity is not None and activity.activity.title == "Map the waits"
    assert all(s.activity is None for s in plan.slides if s is not activity)


def _node(data: object, path: tuple[str | int, ...]) -> object:
    for step in path:
        data = data[step]  # type: ignore[index]
    return data


def test_paths_point_at_the_outline_node(plan: Plan) -> None:
    data = yaml.safe_load(EVERY_KIND)
    by_kind: dict[type, list[tuple[str | int, ...] | None]] = {}
    for slide in plan.slides:
        by_kind.setdefault(type(slide.kind), []).append(slide.path)
    assert by_kind[TitleKind] == [()]
    assert by_kind[AgendaKind] == [None] and by_kind[ClosingKind] == [None]
    assert by_kind[SectionKind] == [("sections", 0), ("sections", 2)]
    assert by_kind[BreakKind] == [("sections", 1)]
    assert by_kind[TableKind] == [("sections", 2, "slides", 2)]
    for slide in plan.slides:
        if slide.path is None:
            continue
        node = _node(data, slide.path)
        assert isinstance(node, dict)
        match slide.kind:
            case TitleKind():
                assert node["title"] == slide.title
            case SectionKind():
                assert node["title"] == slide.title
            case BreakKind():
                assert node["break"] == slide.kind.name
            case ActivityKind():
                assert node["activity"]["title"] == slide.kind.slide.activity.title
            case _:
                assert slide.role in node
                if slide.title_given:
                    assert node["title"] == slide.title


def test_positions_are_where_the_paths_are_written() -> None:
    plan, source = plan_and_source(EVERY_KIND)
    lines = EVERY_KIND.splitlines()
    for slide in plan.slides:
        if slide.path is None or slide.path == ():
            continue
        assert slide.position == source.sources.value(slide.path)
        line = lines[slide.position.line - 1]
        assert line.lstrip().startswith("- "), (slide.title, line)


def test_checks_take_the_slide_paths_from_the_plan() -> None:
    plan, source = plan_and_source(EVERY_KIND)
    where = Where(source.sources, EVERY_KIND, plan)
    for index, slide in enumerate(plan.slides):
        assert where.slide_path(index) == slide.path
    (coffee,) = [i for i, s in enumerate(plan.slides) if isinstance(s.kind, BreakKind)]
    assert where.title_path(coffee) == ("sections", 1, "break")
    (activity,) = [i for i, s in enumerate(plan.slides) if isinstance(s.kind, ActivityKind)]
    assert where.title_path(activity) == ("sections", 2, "slides", 3, "activity", "title")
    assert where.plan_index_of(("sections", 2, "slides", 1, "alt")) == activity - 2
    assert where.plan_index_of(("facilitators", 0)) == len(plan.slides) - 1
    assert where.plan_index_of(("subtitle",)) == 0


class _Unknown:
    """A slide kind no consumer knows (as a kind added to the union but not handled)."""

    role = "bullets"


@pytest.mark.parametrize("consumer", [
    lambda plan, source: slide_alt(plan, 3, 4),
    lambda plan, source: speaker_notes(plan.slides[3]),
    lambda plan, source: slide_text(pdf_style(look_for(DEFAULT_THEME)), plan.slides[3],
                                    "Slide 4", 400.0),
    lambda plan, source: Where(source.sources, EVERY_KIND, plan).title_path(3),
    lambda plan, source: shown_texts(plan.slides[3].kind),
], ids=["slide alt", "speaker notes", "handout slide", "where", "font coverage"])
def test_a_kind_no_consumer_handles_is_caught_at_run_time(consumer) -> None:
    plan, source = plan_and_source(EVERY_KIND)
    odd = replace(plan.slides[3], kind=_Unknown())  # type: ignore[arg-type]
    broken = replace(plan, slides=(*plan.slides[:3], odd, *plan.slides[4:]))
    with pytest.raises(AssertionError, match="unreachable"):
        consumer(broken, source)
