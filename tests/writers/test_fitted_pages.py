"""Pages that fit what they hold: the guide's closing entry shares its page with the
entries before it, and each worksheet fits one page when its spaces can shrink to
fit, continuing cleanly when they cannot."""

from __future__ import annotations

import io
import re
from typing import Any

import pdfplumber
import pytest
from reportlab.lib.colors import Color

from generator.writers.guide.pages import write_guide
from generator.writers.handout.pages import write_handout
from generator.writers.pdf.flowables import LINE_SPACING, RuledLines
from generator.writers.pdf.style import pdf_style

from . import load_plan, pack_of, page_texts, render
from .test_page_rules import BOTTOM, TOP

_LABEL = re.compile(r"^Slide \d+ · ", re.MULTILINE)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_guides_last_page_holds_more_than_the_closing_entry(paper: str) -> None:
    texts = page_texts(render(write_guide, load_plan(paper=paper)))
    last = texts[-1]
    assert "Thank you" in last
    assert len(_LABEL.findall(last)) >= 2, f"the last page holds only: {last[:200]!r}"


def _worksheet_pages(data: bytes) -> dict[str, list[int]]:
    """Return each worksheet's title and the numbers of the pages it is on."""
    found: dict[str, list[int]] = {}
    title = ""
    for number, text in enumerate(page_texts(data), 1):
        lines = text.splitlines()
        opening = next((n for n, line in enumerate(lines)
                        if line.startswith("Activity worksheet · ")), None)
        if opening is not None:
            title = lines[opening + 1]
            found[title] = [number]
        elif title and f"{title} (continued)" in lines[:6]:
            found[title].append(number)
        else:
            title = ""
    return found


def test_every_worksheet_of_the_default_outline_fits_one_page() -> None:
    plan = load_plan()
    activities = [s.activity.title for s in plan.slides if s.activity is not None]
    pages = _worksheet_pages(render(write_handout, plan))
    assert sorted(pages) == sorted(activities)
    assert {title: found for title, found in pages.items() if len(found) > 1} == {}


_QUESTIONS = "\n".join(f"            - Question number {n} that needs room to answer?"
                       for n in range(1, 8))
HUGE = f"""title: Huge
sections:
  - title: S
    slides:
      - activity:
          title: Everything at once
          minutes: 30
          steps: [Answer every question., Then compare.]
          write_in: 7
          prompts:
{_QUESTIONS}
            - prompt: Plot your systems
              grid: [Days to patch, Impact on users]
            - prompt: Map one request
              timeline: [Request, Live]
            - prompt: Sort the contracts
              table: [Contract, Why]
              rows: 8
"""

_NUMBER = re.compile(r"^\d+\.$")


def test_a_worksheet_too_big_for_one_page_continues_cleanly() -> None:
    """Each later page opens with the "(continued)" heading over a question; every
    question shares its page with its space, and no page holds a lone writing line."""
    plan = load_plan(HUGE)
    data = render(write_handout, plan)
    pages = _worksheet_pages(data)["Everything at once"]
    assert len(pages) >= 2
    write_line = pdf_style(pack_of(plan).look).colours.write_line.rgb()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        seen: list[int] = []
        for number in pages:
            page = pdf.pages[number - 1]
            words = [w for w in page.extract_words() if w["top"] >= TOP - 1
                     and w["bottom"] <= page.height - BOTTOM + 1]
            start = _questions_heading(words) if number == pages[0] else TOP
            questions = [w for w in words if _NUMBER.match(w["text"]) and w["top"] > start
                         and w["x0"] < page.width * 0.15]
            if number != pages[0]:
                first = min(w["top"] for w in words)
                opening = " ".join(w["text"] for w in words if abs(w["top"] - first) < 2)
                assert opening == "Everything at once (continued)", opening
                assert questions and questions[0]["top"] - first < 40, "a question follows"
            rules = [line["top"] for line in page.lines if line["width"] > 300
                     and line["height"] < 0.5 and _rgb(line) == _rgb({"stroking_color":
                                                                        write_line})]
            ends = [q["top"] for q in questions[1:]] + [page.height - BOTTOM + 1]
            for question, end in zip(questions, ends, strict=True):
                seen.append(int(question["text"][:-1]))
                block = [top for top in rules if question["bottom"] < top < end]
                drawn = [o for o in (*page.rects, *page.curves, *page.lines)
                         if question["bottom"] < o["top"] and o["bottom"] < end]
                assert drawn, f"page {number}: question {question['text']} alone"
                shapes = [o for o in drawn if o["object_type"] != "line"]  # a grid's band
                assert shapes or len(block) != 1, f"page {number}: one line under " + (
                    question["text"])
            above = [top for top in rules if not questions or top < questions[0]["top"]]
            assert len(above) != 1, f"page {number}: a lone line at the top"
    assert seen == list(range(1, 11))


def _questions_heading(words: list[dict[str, Any]]) -> float:
    """Return where the first page's "Questions" heading is (steps are numbered too)."""
    return next(w["top"] for w in words if w["text"] == "Questions")


def _rgb(line: dict[str, Any]) -> tuple[float, ...]:
    return tuple(round(float(v), 2) for v in line.get("stroking_color") or ())


@pytest.mark.parametrize(("room", "parts"), [(4.5, [3, 2]), (3.2, [3, 2]), (1.5, [])])
def test_ruled_lines_never_split_to_leave_one_line_alone(room: float, parts: list[int]
                                                         ) -> None:
    lines = RuledLines(5, Color(0, 0, 0))
    split = lines.split(400, room * LINE_SPACING)
    assert [part.count for part in split] == parts
