"""The page rules both PDFs keep, whatever the outline: no page left mostly empty when
what follows could start there, addresses broken only at `/ . - ?`, one type scale,
curly quotes, a comfortable measure, one write-in line spacing, one "My next steps"
page, and a guide that lists every slide the deck has."""

from __future__ import annotations

import io
import itertools
import re
import statistics
from collections.abc import Callable
from typing import Any

import pdfplumber
import pytest
from reportlab.pdfgen.canvas import Canvas

from generator.writers.guide.pages import write_guide
from generator.writers.handout.pages import write_handout
from generator.writers.handout.spaces import TABLE_ROW
from generator.writers.pdf.document import PageGeometry
from generator.writers.pdf.flowables import LINE_SPACING
from generator.writers.pdf.style import SIZE_LEAD, TYPE_SCALE, pdf_style

from . import DEFAULT_OUTLINE, all_text, load_plan, outline_titles, pack_of, page_texts, render

_GEOMETRY = PageGeometry(595.0, 842.0)
TOP, BOTTOM = _GEOMETRY.top, _GEOMETRY.bottom


def _box(canvas: Canvas, index: int, x: float, y: float, w: float, h: float) -> None:
    """A thumbnail drawn as an empty frame: the slides' own type is not the PDFs'."""
    canvas.rect(x, y, w, h)


VARIANTS: dict[str, Callable[[], bytes]] = {
    "handout": lambda: render(write_handout, load_plan()),
    **{f"handout-{n}": (lambda n=n: render(write_handout, load_plan(slides_per_page=n)))
       for n in (0, 1, 2, 4, 6)},
    "handout-letter": lambda: render(write_handout, load_plan(paper="letter")),
    "guide": lambda: render(write_guide, load_plan()),
    "guide-letter": lambda: render(write_guide, load_plan(paper="letter")),
}


@pytest.fixture(scope="module")
def built() -> dict[str, bytes]:
    return {name: make() for name, make in VARIANTS.items()}


def _used(page: Any) -> float:
    """Return how far down the text frame a page's content reaches, in points."""
    bottom = page.height - BOTTOM + 1
    objects = [o for kind in ("chars", "lines", "rects", "curves", "images")
               for o in getattr(page, kind) if o["top"] >= TOP - 1 and o["bottom"] <= bottom]
    return max((o["bottom"] for o in objects), default=TOP) - TOP


@pytest.mark.parametrize("name", VARIANTS)
def test_no_page_but_the_last_is_under_a_third_full_when_more_could_start(
        built: dict[str, bytes], name: str) -> None:
    """A page under a third full is allowed only when what follows could not have
    started on it: the next page's content is taller than the room left, or the next
    page is a worksheet, which has a page of its own."""
    with pdfplumber.open(io.BytesIO(built[name])) as pdf:
        pages = pdf.pages
        frame = pages[0].height - TOP - BOTTOM
        for number, (page, following) in enumerate(itertools.pairwise(pages[1:]), 2):
            used = _used(page)
            if used >= frame / 3:
                continue
            worksheet = "Activity worksheet" in (following.extract_text() or "")
            assert worksheet or _used(following) > frame - used, (
                f"{name}: page {number} is {used / frame:.0%} full, yet the next page's "
                f"{_used(following):.0f} pt would fit in its {frame - used:.0f} pt left")


LONG_ADDRESSES = """title: Addresses
sections:
  - title: Reading
    summary: >
      Read the guidance at
      https://www.gov.uk/government/publications/technology-code-of-practice/guidance-notes
      before the day, and https://www.ncsc.gov.uk/collection/10-steps/risk-management?x=1
    slides:
      - title: Links
        bullets: [One]
        handout: >
          See https://www.gov.uk/guidance/the-technology-code-of-practice and
          https://www.ncsc.gov.uk/cyberessentials/overview-of-the-scheme-requirements.
        notes: >
          Point to https://www.gov.uk/service-manual/agile-delivery/writing-user-stories
          in the notes too.
"""

_URL = re.compile(r"https://\S+")


def _broken_addresses(data: bytes, addresses: list[str]) -> list[tuple[str, str]]:
    """Return (line end, address) for each address broken across lines, and check the
    rest of it starts the next line."""
    breaks: list[tuple[str, str]] = []
    for text in page_texts(data):
        lines = text.splitlines()
        for line, after in itertools.pairwise([*lines, ""]):
            start = line.rfind("https://")
            if start < 0:
                continue
            tail = line[start:]
            if " " in tail.strip():
                continue  # the address ends on this line, with text after it
            if any(tail.rstrip(".,;:”’") == address for address in addresses):
                continue  # the whole address is on this line
            address = next((a for a in addresses if a.startswith(tail)
                            and after.startswith(a[len(tail):][:6])), None)
            assert address is not None, f"{tail!r} does not go on as a known address"
            breaks.append((tail, address))
    return breaks


@pytest.mark.parametrize("outline", [None, LONG_ADDRESSES], ids=["default", "long"])
def test_web_addresses_break_only_after_a_slash_dot_hyphen_or_question_mark(
        outline: str | None) -> None:
    text = outline or DEFAULT_OUTLINE.read_text(encoding="utf-8")
    addresses = sorted({a.rstrip(".,;\"'") for a in _URL.findall(text)}, key=len,
                       reverse=True)
    plan = load_plan(outline)
    breaks = []
    for data in (render(write_handout, plan), render(write_guide, plan),
                 render(write_handout, load_plan(outline, slides_per_page=6))):
        breaks += _broken_addresses(data, addresses)
    if outline:
        assert breaks, "the long addresses have to break somewhere"
    for tail, address in breaks:
        assert tail[-1] in "/.-?", f"{address} broken after {tail!r}"


@pytest.mark.parametrize("writer", [write_handout, write_guide], ids=["handout", "guide"])
def test_every_size_is_on_the_type_scale(writer: Callable[..., None]) -> None:
    for plan in (load_plan(), load_plan(slides_per_page=0), load_plan(slides_per_page=6)):
        data = render(writer, plan, thumbnail=_box)
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            # (a rotated label's size is not read back: its style is on the scale)
            sizes = {round(c["size"], 2) for page in pdf.pages for c in page.chars
                     if c["upright"]}
        assert sizes <= set(TYPE_SCALE), sorted(sizes - set(TYPE_SCALE))
    assert len(TYPE_SCALE) <= 7


def test_quotes_and_apostrophes_are_curly() -> None:
    """(The slide pictures are the deck's own, checked with the deck.)"""
    for writer, per_page in ((write_handout, 3), (write_handout, 0), (write_guide, 3)):
        data = render(writer, load_plan(slides_per_page=per_page), thumbnail=_box)
        text = _URL.sub("", "\n".join(page_texts(data)))
        name = f"{writer.__name__} {per_page}"
        straight = [m.start() for m in re.finditer(r"['\"]", text)]
        assert not straight, (name, [text[max(i - 20, 0): i + 20] for i in straight[:5]])
        assert "’" in text and "“" in text


def _line_lengths(data: bytes, size: float, bold: bool = False) -> list[int]:
    """Return the characters on each line set at ``size`` (regular unless ``bold``)."""
    lengths: list[int] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            chars = [c for c in page.chars if round(c["size"], 2) == size
                     and ("Bold" in c["fontname"]) == bold and c["upright"]]
            for _top, line in itertools.groupby(sorted(chars, key=lambda c: (round(c["top"]),
                                                                               c["x0"])),
                                                key=lambda c: round(c["top"])):
                lengths.append(len("".join(c["text"] for c in line).strip()))
    return lengths


@pytest.mark.parametrize("name", ["handout", "guide"])
def test_running_text_has_a_measure_of_60_to_75_characters(
        built: dict[str, bytes], name: str) -> None:
    """Summaries (handout) and speaker notes (guide) are set at the lead size in a
    column of about 68 characters: full lines hold 60 to 75."""
    lengths = _line_lengths(built[name], SIZE_LEAD)
    full = [n for n in lengths if n >= 45]  # a paragraph's last line may be short
    assert len(full) > 20
    assert max(full) <= 78, max(full)
    assert 60 <= statistics.median(full) <= 75, statistics.median(full)


def test_guide_notes_are_12_to_13_points() -> None:
    data = render(write_guide, load_plan(), thumbnail=_box)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = next(p for p in pdf.pages if "Speaker notes" in (p.extract_text() or ""))
        label = next(w for w in page.extract_words(extra_attrs=["size"])
                     if w["text"] == "Speaker")
        below = [c for c in page.chars if c["top"] > label["bottom"]
                 and c["top"] < label["bottom"] + 30]
    assert below and all(12 <= c["size"] <= 13 for c in below)


def _colour(line: dict[str, Any]) -> tuple[float, ...]:
    return tuple(round(float(v), 2) for v in line.get("stroking_color") or ())


def test_write_in_lines_have_one_spacing(built: dict[str, bytes]) -> None:
    """Every set of writing lines (beside slides, under questions, for notes) is ruled
    at one spacing (the default outline has a worksheet table too)."""
    colour = pdf_style(pack_of(load_plan()).look).colours.write_line
    writing_line = tuple(round(v, 2) for v in colour.rgb())
    gaps: set[float] = set()
    with pdfplumber.open(io.BytesIO(built["handout"])) as pdf:
        for page in pdf.pages:
            rules = [line for line in page.lines if line["height"] < 0.5
                     and line["width"] > 150 and _colour(line) == writing_line]
            for _x, column in itertools.groupby(sorted(rules, key=lambda r: (round(r["x0"]),
                                                                              r["top"])),
                                                key=lambda r: round(r["x0"])):
                tops = [r["top"] for r in column]
                steps = [round(b - a, 1) for a, b in itertools.pairwise(tops)]
                # a ruling is a run of equal steps (a lone step joins two blocks)
                gaps |= {a for a, b in itertools.pairwise(steps) if a == b}
    # a worksheet table's empty rows are one and a half lines tall, by design
    assert gaps == {round(LINE_SPACING, 1), round(TABLE_ROW, 1)}


def test_one_my_next_steps_page_with_what_its_steps_ask_for(built: dict[str, bytes]) -> None:
    data = built["handout"]
    assert outline_titles(data).count("My next steps") == 1
    last = page_texts(data)[-1]
    assert "My next steps" in last or "My next steps" in page_texts(data)[-2]
    text = all_text(data)
    for asked in ("stop", "start", "speedup", "checkin"):  # its first step's three, a date
        assert asked in text.split("Activityworksheet·Slide")[-1].lower()


_POINTS = ", ".join(f"Point number {n} that takes a whole line of the slide" for n in range(1, 19))
CONTINUED = f"""title: Long
sections:
  - title: S
    minutes: 20
    slides:
      - title: Many bullets
        minutes: 5
        bullets: [{_POINTS}]
      - activity:
          title: Talk
          minutes: 10
          steps: [One, Two]
          prompts: [Why?, How?]
"""


def _outline_text(outline: str) -> str | None:
    """Return the text of the outline the guide test builds (None: the default's)."""
    if outline == "high-contrast":  # each activity over a designed pair of slides
        return DEFAULT_OUTLINE.read_text(encoding="utf-8").replace(
            "theme: default", "theme: high-contrast")
    return CONTINUED if outline == "continued" else None


@pytest.mark.parametrize("outline", ["default", "continued", "high-contrast"])
def test_guide_lists_every_deck_slide_and_its_counts_match(outline: str) -> None:
    pack = pack_of(load_plan(_outline_text(outline)))
    deck = pack.deck.slides
    if outline == "continued":
        assert any(s.continuation for s in deck), "the test needs a continuation slide"
    if outline == "high-contrast":
        seconds = [s for s in deck if s.role == "activity" and s.continuation]
        assert len(seconds) == 6 and not any("cont." in s.title for s in seconds)
        assert any(s.title == "Outsourcing or partnership? (cont.)" for s in deck)
    data = render(write_guide, pack)
    texts = page_texts(data)
    assert f"{len(deck)} slides" in texts[0]
    notes = "\n".join(texts[texts.index(next(t for t in texts if "Slides and speaker notes"
                                              in t)):])
    listed = {int(n) for n in re.findall(r"Slide (\d+)\b", notes)}
    assert listed == {s.number for s in deck}
    run_sheet = "\n".join(t for t in texts[1:4] if "Minutes" in t)
    rows = {int(line) for line in run_sheet.split() if line.isdigit()}
    assert {s.number for s in deck} <= rows
    for slide in deck:
        if slide.continuation:
            assert slide.title in " ".join(run_sheet.split())


def _separator_at_foot(page: Any) -> bool:
    """Return whether a page's lowest mark is a rule across the frame standing clear of
    what is above it (a separator left at the page's end)."""
    bottom = page.height - BOTTOM + 1
    marks = [o for kind in ("chars", "lines", "rects", "curves", "images")
             for o in getattr(page, kind) if o["top"] >= TOP - 1 and o["bottom"] <= bottom]
    if not marks:
        return False
    lowest = max(marks, key=lambda o: o["bottom"])
    width = page.width - _GEOMETRY.left - _GEOMETRY.right
    if lowest not in page.lines or lowest["x1"] - lowest["x0"] < 0.9 * width:
        return False
    if any(line is not lowest and abs(line["x0"] - lowest["x0"]) < 1
           and abs(line["x1"] - lowest["x1"]) < 1 and 0 <= lowest["top"] - line["top"] < 60
           for line in page.lines):
        return False  # a table's last row rule, not a separator
    above = [o["bottom"] for o in marks if o["bottom"] < lowest["top"] - 0.5]
    return not above or lowest["top"] - max(above) >= 6


@pytest.mark.parametrize("name", ["guide", "guide-letter"])
def test_no_guide_page_ends_with_a_separator(built: dict[str, bytes], name: str) -> None:
    """The rule between two entries travels with the entry it opens, so no page ends on
    a rule with nothing under it."""
    with pdfplumber.open(io.BytesIO(built[name])) as pdf:
        ends = [number for number, page in enumerate(pdf.pages, 1) if _separator_at_foot(page)]
    assert not ends, f"{name}: pages {ends} end with a lone rule"
