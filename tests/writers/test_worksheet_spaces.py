"""The worksheet spaces: an outline using every kind builds, and each space is drawn
as described (read back with pdfplumber: its boxes, lines and labels)."""

from __future__ import annotations

import io
import itertools
from typing import Any

import pdfplumber
import pytest

from generator.writers.guide.pages import write_guide
from generator.writers.handout.pages import write_handout
from generator.writers.handout.spaces import SCALE_BOX, TABLE_ROW
from generator.writers.pdf.flowables import LINE_SPACING

from . import load_plan, page_texts, render, squash

EVERY_SPACE = """title: Every space
sections:
  - title: Worksheets
    slides:
      - activity:
          title: All the spaces
          minutes: 30
          steps: [Answer each question.]
          write_in: 3
          prompts:
            - What is one thing that slows you down?
            - prompt: How experimental is your team?
              scale: [Cautious, Experimental]
              points: 7
            - prompt: Plot your three systems
              grid: [Days to patch, Impact on users]
            - prompt: Map one request from start to finish
              timeline: [Request, Live]
            - prompt: Sort the contracts
              table: [Contract, "Partnership?", Why]
              rows: 5
"""


@pytest.fixture(scope="module")
def handout() -> bytes:
    return render(write_handout, load_plan(EVERY_SPACE))


THUMBNAIL_TEXT_PT = 9.0
"""Text smaller than this is a slide thumbnail's, not the worksheet's."""

def _question(pdf: Any, text: str) -> tuple[Any, dict[str, Any]]:
    """Return the page a question is on and where it is (not a slide thumbnail's
    small copy of it: an activity's slide shows its prompts too)."""
    hits = [(page, found) for page in pdf.pages for found in page.search(text)
            if found["chars"][0]["size"] >= THUMBNAIL_TEXT_PT]
    assert len(hits) == 1, (text, len(hits))
    return hits[0]


def _below(objects: list[dict[str, Any]], top: float, bottom: float) -> list[dict[str, Any]]:
    return [o for o in objects if top < o["top"] and o["bottom"] < bottom]


def _next_question_top(page: Any, after: float) -> float:
    """Return where the next numbered question (or the page's end) is below ``after``."""
    tops = [w["top"] for w in page.extract_words() if w["top"] > after + 2
            and w["text"].endswith(".") and w["text"][:-1].isdigit()
            and w["x0"] < page.width * 0.15]
    return min(tops, default=page.height - 62)  # else the foot of the text frame


def test_every_space_builds_in_both_pdfs(handout: bytes) -> None:
    guide = render(write_guide, load_plan(EVERY_SPACE))
    text = squash("".join(page_texts(guide)))
    for question in ("How experimental is your team?", "Plot your three systems",
                     "Map one request from start to finish", "Sort the contracts"):
        assert squash(question) in text  # the guide shows each prompt as its question
    assert "Cautious" not in "".join(page_texts(guide))  # ...and no space


def test_plain_prompt_gets_its_ruled_lines(handout: bytes) -> None:
    with pdfplumber.open(io.BytesIO(handout)) as pdf:
        page, found = _question(pdf, "What is one thing that slows you down?")
        end = _next_question_top(page, found["top"])
        rules = sorted(line["top"] for line in _below(page.lines, found["bottom"], end)
                       if line["width"] > 300)
        assert len(rules) == 3  # write_in
        gaps = {round(b - a, 1) for a, b in itertools.pairwise(rules)}
        assert gaps == {round(LINE_SPACING, 1)}


def test_scale_is_a_row_of_numbered_boxes_with_labelled_ends(handout: bytes) -> None:
    with pdfplumber.open(io.BytesIO(handout)) as pdf:
        page, found = _question(pdf, "How experimental is your team?")
        end = _next_question_top(page, found["top"])
        boxes = [r for r in _below(page.rects, found["bottom"], end)
                 if abs(r["width"] - SCALE_BOX) < 0.5 and abs(r["height"] - SCALE_BOX) < 0.5]
        assert len(boxes) == 7
        assert len({round(b["top"]) for b in boxes}) == 1, "one row"
        lefts = sorted(b["x0"] for b in boxes)
        assert len({round(b - a, 1) for a, b in itertools.pairwise(lefts)}) == 1
        words = _below(page.extract_words(), found["bottom"], end)
        numbers = [w["text"] for w in words if w["text"].isdigit()]
        assert numbers == [str(n) for n in range(1, 8)]
        cautious = next(w for w in words if w["text"] == "Cautious")
        experimental = next(w for w in words if w["text"] == "Experimental")
        assert abs(cautious["x0"] - lefts[0]) < 1  # under the first box
        assert abs(experimental["x1"] - (lefts[-1] + SCALE_BOX)) < 1  # under the last


def test_grid_has_two_axes_a_cross_and_both_labels(handout: bytes) -> None:
    with pdfplumber.open(io.BytesIO(handout)) as pdf:
        page, found = _question(pdf, "Plot your three systems")
        end = _next_question_top(page, found["top"])
        lines = _below(page.lines, found["bottom"] - 1, end)
        axes = [line for line in lines if line["linewidth"] > 1.2]
        assert any(a["width"] > 200 and a["height"] < 1 for a in axes), "an x axis"
        assert any(a["height"] > 200 and a["width"] < 1 for a in axes), "a y axis"
        dashed = [line for line in lines if line["linewidth"] < 1.2]
        assert len(dashed) == 2, "the lines between the four quadrants"
        text = page.extract_text()
        assert "Days to patch" in text
        upright = {c["text"] for c in page.chars if not c["upright"]}
        assert set("Impact on users") - {" "} <= upright, "the y label runs up the axis"


def test_timeline_is_a_line_from_start_to_end(handout: bytes) -> None:
    with pdfplumber.open(io.BytesIO(handout)) as pdf:
        page, found = _question(pdf, "Map one request from start to finish")
        end = _next_question_top(page, found["top"])
        line = max(_below(page.lines, found["bottom"], end), key=lambda x: x["width"])
        assert line["linewidth"] >= 2 and line["width"] > 350
        ticks = [t for t in _below(page.lines, found["bottom"], end)
                 if t["width"] < 1 and 8 < t["height"] < 12]
        assert len(ticks) >= 10
        words = _below(page.extract_words(), line["bottom"], end)
        assert [w["text"] for w in words if w["text"] in ("Request", "Live")] == [
            "Request", "Live"]
        assert next(w for w in words if w["text"] == "Live")["x1"] > line["x1"] - 12


def test_table_has_its_headings_and_empty_rows(handout: bytes) -> None:
    with pdfplumber.open(io.BytesIO(handout)) as pdf:
        page, _found = _question(pdf, "Sort the contracts")
        table = page.find_tables()[0]
        rows = table.extract()
        assert rows[0] == ["Contract", "Partnership?", "Why"]
        assert len(rows) == 6 and all(cell in ("", None) for row in rows[1:] for cell in row)
        heights = {round(r.bbox[3] - r.bbox[1], 1) for r in table.rows[1:]}
        assert heights == {round(TABLE_ROW, 1)}


def test_labels_are_text_and_the_drawing_is_artifact(handout: bytes) -> None:
    """Labels are tagged content (a screen reader reads them), never artifacts."""
    with pdfplumber.open(io.BytesIO(handout)) as pdf:
        tagged: dict[str, set[str]] = {}
        for page in pdf.pages:
            for word in page.extract_words(extra_attrs=["tag"]):
                tagged.setdefault(word["text"], set()).add(word["tag"])
    for label in ("Cautious", "Experimental", "Request", "Live", "Contract", "Why"):
        assert tagged[label] and "Artifact" not in tagged[label], (label, tagged.get(label))
