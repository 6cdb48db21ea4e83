"""The plan: agenda clock times, time budgets, the slides the outline does not spell
out, and titles for slides that have none."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Severity
from generator.options import BuildOptions
from generator.outline.reader import read_outline
from generator.plan import Plan, clock, make_plan

REPO_ROOT = Path(__file__).resolve().parents[1]


def plan_of(text: str) -> Plan:
    """Return the plan of an outline held in memory (pictures resolve in the repository)."""
    source = read_outline(text, "outline.yaml", REPO_ROOT, BuildOptions())
    assert source.diagnostics == ()
    assert source.workshop is not None
    return make_plan(source.workshop, source.sources.value)


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
    assert plan.slides[1].content == plan.agenda
    assert [s.title for s in plan.slides if s.role == "section"] == ["One", "Two"]
    assert plan.slides[-1].title == "Thank you"


def test_break_slide_says_when_to_be_back():
    (coffee,) = [s for s in plan_of(DAY).slides if s.role == "break"]
    assert coffee.title == "Coffee: back at 10:10"
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
    assert by_title["Two: key message"].part_index == 2


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
    ("- statement: Cheapest is not enough", "Scene: key message"),
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
