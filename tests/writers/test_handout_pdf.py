"""The participant handout PDF, built from the real default outline and read back."""

from __future__ import annotations

import dataclasses
import io
import re

import pdfplumber
import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from generator.markup import plain_text
from generator.model import ActivitySlide, Section
from generator.plan import Plan
from generator.slide_kinds import ActivityKind
from generator.stamps import build_moment
from generator.text import text_blocks
from generator.words import words_for
from generator.writers.handout.pages import is_next_steps, write_handout

from . import (
    DEFAULT_OUTLINE,
    REPO_ROOT,
    all_text,
    catalog,
    font_problems,
    load_plan,
    outline_titles,
    pack_of,
    page_texts,
    render,
    sentences,
    squash,
)
from .test_fitted_pages import HUGE

LAYOUTS = (0, 1, 2, 3, 4, 6)


@pytest.fixture(scope="module")
def handouts() -> dict[int, bytes]:
    """Return the default handout built with each slides-per-page setting."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("SOURCE_DATE_EPOCH", raising=False)
        return {n: render(write_handout, load_plan(slides_per_page=n)) for n in LAYOUTS}


@pytest.fixture(scope="module")
def texts(handouts: dict[int, bytes]) -> dict[int, str]:
    """Return the whole text (whitespace removed) of each built handout."""
    return {n: all_text(data) for n, data in handouts.items()}


@pytest.fixture(scope="module")
def handout(handouts: dict[int, bytes]) -> bytes:
    """Return the handout as the default outline asks for it (3 slides a page)."""
    return handouts[3]


def _activities(plan: Plan) -> list[ActivitySlide]:
    return [s.kind.slide for s in plan.slides if isinstance(s.kind, ActivityKind)]


def _page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def test_default_outline_asks_for_three_per_page(plan: Plan) -> None:
    assert plan.workshop.handout.slides_per_page == 3
    assert "slides_per_page: 3" in DEFAULT_OUTLINE.read_text(encoding="utf-8")


def test_page_counts_follow_slides_per_page(handouts: dict[int, bytes], plan: Plan) -> None:
    pages = {n: _page_count(data) for n, data in handouts.items()}
    sections = sum(isinstance(p, Section) for p in plan.workshop.sections)
    activities = _activities(plan)  # cover, agenda, worksheets, next steps (unless a worksheet)
    closing = any(is_next_steps(a.activity.title) for a in activities)
    fixed = 1 + 1 + len(activities) + (0 if closing else 1)
    content = sum(s.role in {"bullets", "columns", "quote", "statement", "image", "table",
                             "activity"} for s in plan.slides)
    assert pages[1] > pages[2] > pages[3] > pages[4] >= pages[6]
    assert pages[0] < pages[2]
    assert pages[6] >= fixed + sections
    assert pages[1] >= fixed + content
    assert pages[1] <= fixed + content + sections + 2


def test_bookmarks_name_every_section_and_worksheet(handout: bytes, plan: Plan) -> None:
    titles = outline_titles(handout)
    for part in plan.workshop.sections:
        if isinstance(part, Section):
            assert plain_text(part.title) in titles
    for activity in _activities(plan):
        assert plain_text(activity.activity.title) in titles
    assert titles[0] == "Agenda"
    assert titles[-1] == "My next steps"


def test_metadata_language_and_viewer_title(handout: bytes) -> None:
    meta = PdfReader(io.BytesIO(handout)).metadata
    assert meta is not None
    assert meta.title == "Change at pace: participant handout"
    assert meta.author == "Alex Example and Sam Example"
    assert meta.subject == "Keeping up, co-creating and shifting culture"
    assert meta["/CreationDate"].startswith("D:20261203")
    assert catalog(handout) == {"lang": "en-GB", "display_doc_title": True}


def test_author_falls_back_to_the_organisation(plan: Plan) -> None:
    workshop = plan.workshop.model_copy(update={"facilitators": ()})
    data = render(write_handout, Plan(workshop, plan.slides, plan.agenda, plan.total_minutes,
                                      plan.diagnostics, plan.words))
    meta = PdfReader(io.BytesIO(data)).metadata
    assert meta is not None and meta.author == "Example Department"


@pytest.mark.parametrize("per_page", LAYOUTS)
def test_fonts_are_embedded_and_never_helvetica(handouts: dict[int, bytes],
                                                per_page: int) -> None:
    assert font_problems(handouts[per_page]) == []


def test_cover_and_agenda(handout: bytes, plan: Plan) -> None:
    cover, agenda = page_texts(handout)[:2]
    workshop = plan.workshop
    for text in (workshop.title, workshop.subtitle, workshop.event, workshop.venue,
                 workshop.organisation, "Alex Example", "Sam Example",
                 "Thursday, 3 December 2026", workshop.source):
        assert text is not None
        assert squash(text) in squash(cover)
    assert "Agenda" in agenda
    for item in plan.agenda:
        assert squash(f"{item.start}–{item.end}") in squash(agenda)
        assert squash(plain_text(item.title)) in squash(agenda)
    assert "Coffee break" in agenda and "BREAK" not in agenda


def test_long_date_format() -> None:
    import datetime as dt

    words = words_for("en-GB")
    assert words.date(dt.date(2026, 12, 3)) == "3 December 2026"
    assert words.date(dt.date(2026, 12, 3), weekday=True) == "Thursday, 3 December 2026"


def test_each_prompt_sits_on_the_page_with_its_lines(handout: bytes, plan: Plan) -> None:
    with pdfplumber.open(io.BytesIO(handout)) as pdf:
        for slide in _activities(plan):
            activity = slide.activity
            lined = [p for p in activity.prompts if p.space == "lines"]
            prompt = plain_text(lined[0].prompt)
            hits = [(page, found) for page in pdf.pages
                    for found in page.search(prompt[:40], regex=False)
                    if found["chars"][0]["size"] >= 9]  # not a slide thumbnail's copy
            assert len(hits) == 1, f"{prompt!r} found {len(hits)} times"
            page, found = hits[0]
            below = sorted(
                line["top"] for line in page.lines
                if abs(line["top"] - line["bottom"]) < 0.5 and line["top"] > found["bottom"]
                and line["x1"] - line["x0"] > 200
            )
            assert len(below) >= activity.write_in, prompt
            assert below[0] - found["bottom"] < 40, "the lines start right under the prompt"


def test_no_speaker_notes_in_the_handout(texts: dict[int, str], plan: Plan) -> None:
    noted = [s.slide.notes for s in plan.slides if s.slide is not None and s.slide.notes]
    assert len(noted) > 20
    for text in texts.values():
        for notes in noted:
            for sentence in sentences(notes):
                assert squash(sentence) not in text, sentence


def test_no_activity_outcome_in_the_handout(texts: dict[int, str], plan: Plan) -> None:
    outcomes = [a.activity.outcome for a in _activities(plan) if a.activity.outcome]
    assert outcomes
    for text in texts.values():
        for outcome in outcomes:
            assert squash(outcome) not in text


def test_handout_text_and_summaries_are_printed(texts: dict[int, str], plan: Plan) -> None:
    extras = [s.slide.handout for s in plan.slides if s.slide is not None and s.slide.handout]
    summaries = [p.summary for p in plan.workshop.sections
                 if isinstance(p, Section) and p.summary]
    assert extras and summaries
    for text in texts.values():
        for extra in [*extras, *summaries]:
            assert squash(plain_text(extra)) in text


def test_text_only_handout_spells_out_the_slides(texts: dict[int, str]) -> None:
    text = texts[0]
    for expected in ("Find out what slows the system down", "Hanging on with quiet desperation",
                     "How long from need to contract?", "Share platforms across departments",
                     "Being the cheapest is no longer enough"):
        assert squash(expected) in text


def test_letter_paper(plan: Plan) -> None:
    data = render(write_handout, load_plan(paper="letter"))
    for page in PdfReader(io.BytesIO(data)).pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (612, 792)
    default = PdfReader(io.BytesIO(render(write_handout, plan))).pages[0].mediabox
    assert round(float(default.width)) == 595 and round(float(default.height)) == 842


def test_a_worksheet_question_moved_to_a_new_page_is_headed_there() -> None:
    """A worksheet question that moves on to the next page (a worksheet too big for one
    even with its spaces at their least) is headed there with its worksheet's title,
    first, then the question itself."""
    pages = [page.extract_text() for page in
             PdfReader(io.BytesIO(render(write_handout, load_plan(HUGE)))).pages]
    continued = [(n, text) for n, text in enumerate(pages) if "(continued)" in text]
    assert continued
    for number, text in continued:
        title = next(line.removesuffix(" (continued)") for line in text.splitlines()
                     if line.endswith("(continued)"))
        before = pages[number - 1]
        assert title in before and ("Activity worksheet" in before or "(continued)" in before)
        body = text.split("(continued)", 1)[1]
        assert re.match(r"\s*\d\.", body), body[:60]  # the heading, then a question


def test_same_input_gives_identical_bytes(handout: bytes, plan: Plan) -> None:
    assert render(write_handout, plan) == handout
    assert render(write_handout, plan) == render(write_handout, plan)


def test_creation_date_is_the_builds_timestamp(plan: Plan,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    workshop = plan.workshop.model_copy(update={"date": None})
    undated = Plan(workshop, plan.slides, plan.agenda, plan.total_minutes, plan.diagnostics,
                   plan.words)
    meta = PdfReader(io.BytesIO(render(write_handout, undated))).metadata
    assert meta is not None and meta["/CreationDate"].startswith("D:20260101")
    moment = build_moment(None, 1700000000)  # SOURCE_DATE_EPOCH=1700000000
    stamped = dataclasses.replace(pack_of(undated), moment=moment)
    meta = PdfReader(io.BytesIO(render(write_handout, stamped))).metadata
    assert meta is not None and meta["/CreationDate"].startswith("D:20231114221320")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the writer never reads it
    meta = PdfReader(io.BytesIO(render(write_handout, undated))).metadata
    assert meta is not None and meta["/CreationDate"].startswith("D:20260101")


def test_worksheets_can_be_left_out(handout: bytes) -> None:
    data = render(write_handout, load_plan(worksheets=False))
    assert "Activity worksheets" not in outline_titles(data)
    assert "Activity worksheets" in outline_titles(handout)
    texts = page_texts(data)
    assert not any("Activity worksheet" in text for text in texts)
    assert _page_count(data) < _page_count(handout) - 4
    assert "Worksheet on page" not in "".join(texts)
    # without the worksheets, "My next steps" is the handout's own closing page
    assert outline_titles(data).count("My next steps") == 1
    assert "Other notes" in texts[-1]


def test_worksheet_page_references_are_right(handout: bytes, plan: Plan) -> None:
    texts = page_texts(handout)
    reader = PdfReader(io.BytesIO(handout))
    pages = {}

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                pages[item.title] = reader.get_destination_page_number(item) + 1  # type: ignore[attr-defined]

    walk(reader.outline)
    first = pages["Change temperature check"]
    assert f"worksheet pages, starting on page {first}" in " ".join(texts[1].split())
    assert f"Worksheet on page {pages['Map the waits']}" in "".join(texts)


def test_thumbnail_and_slide_numbers_are_used(plan: Plan) -> None:
    drawn: list[int] = []

    def thumbnail(canvas: Canvas, index: int, x: float, y: float, w: float, h: float) -> None:
        drawn.append(index)
        canvas.setFillColorRGB(0.9, 0.9, 0.9)
        canvas.rect(x, y, w, h, stroke=0, fill=1)
        assert abs(w / h - 16 / 9) < 0.01

    pack = pack_of(plan)
    data = render(write_handout, pack, thumbnail=thumbnail)
    roles = {plan.slides[i].role for i in drawn}
    assert roles <= {"bullets", "columns", "quote", "statement", "image", "table", "activity"}
    last = max(i for i in drawn)
    first = {s.plan_index: s.number for s in reversed(pack.deck.slides)}
    assert pack.slide_numbers[last] == first[last]  # the deck's number, continuations counted
    assert f"Slide {pack.slide_numbers[last]}" in "".join(page_texts(data))


def test_markup_is_escaped_and_styled() -> None:
    title = 'title: "R&D <fast> & **bold** at https://example.org/a?b=1&c=2"\n'
    text = DEFAULT_OUTLINE.read_text(encoding="utf-8").replace(
        "title: Change at pace\n", title, 1)
    data = render(write_handout, load_plan(text))
    assert squash("R&D <fast> & bold at https://example.org/a?b=1&c=2") in all_text(data)
    assert font_problems(data) == []


def test_text_blocks_keep_paragraphs_and_lists() -> None:
    blocks = text_blocks("One line\nwraps here.\n\nIntro:\n- first\n  goes on\n- second\n3. third")
    assert [(b.kind, b.text) for b in blocks] == [
        ("para", "One line wraps here."),
        ("para", "Intro:"),
        ("bullet", "first goes on"),
        ("bullet", "second"),
        ("number", "third"),
    ]


NO_PROMPTS = """\
title: Worksheets without prompts
start: "9:00"
sections:
  - title: One part
    minutes: 5
    slides:
      - activity:
          title: Free writing
          minutes: 10
          write_in: 40
      - activity:
          title: Two long prompts
          minutes: 3
          prompts: [First question, Second question]
          write_in: 40
"""


@pytest.mark.parametrize("per_page", LAYOUTS)
def test_crowded_and_awkward_outlines_still_build(per_page: int) -> None:
    crowded = REPO_ROOT / "tests" / "fixtures" / "crowded.yaml"
    for text, base in ((crowded.read_text(encoding="utf-8"), crowded.parent),
                       (NO_PROMPTS, REPO_ROOT)):
        plan = load_plan(text, base, slides_per_page=per_page)
        data = render(write_handout, plan)
        assert font_problems(data) == []
        texts = page_texts(data)
        for number, page in enumerate(texts[1:], 2):
            assert f"Page {number} of {len(texts)}" in page


def test_forty_write_in_lines_run_onto_the_next_page() -> None:
    data = render(write_handout, load_plan(NO_PROMPTS))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        *_, (page, found) = [(page, hit) for page in pdf.pages  # the worksheet's, after
                             for hit in page.search("First question", regex=False)]  # the slide
        ruled = [line for line in page.lines
                 if line["top"] > found["bottom"] and line["x1"] - line["x0"] > 200]
        assert ruled and min(line["top"] for line in ruled) - found["bottom"] < 40
        following = pdf.pages[page.page_number]  # page_number counts from 1
        assert len([line for line in following.lines if line["x1"] - line["x0"] > 200]) > 5


def test_links_are_clickable(handout: bytes) -> None:
    reader = PdfReader(io.BytesIO(handout))
    uris = {annotation.get_object()["/A"]["/URI"]
            for page in reader.pages for annotation in page.get("/Annots", []) or []
            if "/A" in annotation.get_object()}
    assert "https://www.gov.uk/service-manual" in uris
    assert "https://www.ncsc.gov.uk/cyberessentials/overview" in uris


def test_long_running_header_is_shortened() -> None:
    from generator.writers.pdf.document import shorten

    assert shorten("Short title", "Arimo", 8.5, 300) == "Short title"
    cut = shorten("A very long workshop title " * 10, "Arimo", 8.5, 200)
    assert cut.endswith("…") and len(cut) < 60
