"""The facilitator guide PDF, built from the real default outline and read back."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from generator.markup import plain_text
from generator.model import ActivitySlide, Section
from generator.plan import Plan
from generator.slide_kinds import ActivityKind
from generator.writers.guide.materials import gather_materials, split_quantity
from generator.writers.guide.pages import slack_by_part, write_guide
from generator.writers.handout.pages import write_handout

from . import (
    DEFAULT_OUTLINE,
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


@pytest.fixture(scope="module")
def guide(plan: Plan) -> bytes:
    """Return the facilitator guide of the default outline."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("SOURCE_DATE_EPOCH", raising=False)
        return render(write_guide, plan)


def _activities(plan: Plan) -> list[ActivitySlide]:
    return [s.kind.slide for s in plan.slides if isinstance(s.kind, ActivityKind)]


def _notes(plan: Plan) -> list[str]:
    return [s.slide.notes for s in plan.slides if s.slide is not None and s.slide.notes]


def test_pages_and_bookmarks(guide: bytes, plan: Plan) -> None:
    pages = len(PdfReader(io.BytesIO(guide)).pages)
    assert 10 <= pages <= 40
    titles = outline_titles(guide)
    assert titles[:3] == ["Run sheet", "Materials checklist", "Slides and speaker notes"]
    for part in plan.workshop.sections:
        if isinstance(part, Section):
            assert plain_text(part.title) in titles
    for activity in _activities(plan):
        assert f"Activity: {plain_text(activity.activity.title)}" in titles


def test_metadata_language_fonts(guide: bytes) -> None:
    meta = PdfReader(io.BytesIO(guide)).metadata
    assert meta is not None
    assert meta.title == "Change at pace: facilitator guide"
    assert meta.author == "Alex Example and Sam Example"
    assert meta.subject == "Keeping up, co-creating and shifting culture"
    assert catalog(guide) == {"lang": "en-GB", "display_doc_title": True}
    assert font_problems(guide) == []


def test_header_and_footer(guide: bytes) -> None:
    texts = page_texts(guide)
    for number, text in enumerate(texts[1:], 2):
        assert f"Page {number} of {len(texts)}" in text
        assert "Facilitator guide" in text and "Change at pace" in text


def test_cover(guide: bytes) -> None:
    cover = squash(page_texts(guide)[0])
    for text in ("Facilitator guide", "Change at pace", "Thursday, 3 December 2026",
                 "Room 4, 2 Marsham Street", "Alex Example", "Sam Example"):
        assert squash(text) in cover


def test_every_speaker_note_is_in_the_guide(guide: bytes, plan: Plan) -> None:
    text = all_text(guide)
    notes = _notes(plan)
    assert len(notes) > 20
    for note in notes:
        for sentence in sentences(note):
            assert squash(sentence) in text, sentence


def test_activities_in_full(guide: bytes, plan: Plan) -> None:
    text = all_text(guide)
    for slide in _activities(plan):
        activity = slide.activity
        assert activity.outcome
        for part in (activity.title, activity.outcome, *activity.steps, *activity.questions,
                     *activity.materials):
            assert squash(plain_text(part)) in text, part
        if activity.format:
            assert squash(activity.format) in text


def test_run_sheet_times(guide: bytes, plan: Plan) -> None:
    run_sheet = squash("".join(page_texts(guide)[1:3]))
    for item in plan.agenda:
        assert squash(f"{item.start}") in run_sheet
        assert squash(plain_text(item.title)) in run_sheet
    pack = pack_of(plan)
    numbers = pack.slide_numbers  # the deck's numbers, continuation slides counted
    sort = next(i for i, s in enumerate(plan.slides) if s.title == "The partnership sort")
    coffee = next(i for i, s in enumerate(plan.slides) if s.role == "break")
    first = {s.plan_index: s.number for s in reversed(pack.deck.slides)}
    assert numbers[sort] == first[sort], "the number the slide has in the deck"
    assert squash(f"11:05 11:25 {numbers[sort]} Activity: The partnership sort 20") in run_sheet
    assert squash(f"10:40 10:55 {numbers[coffee]} Coffee break 15") in run_sheet
    assert squash("12:30 End 180") in run_sheet
    assert squash("09:30 2 Agenda –") in run_sheet  # no time of its own: no end time


def test_run_sheet_shows_each_sections_slack(guide: bytes, plan: Plan) -> None:
    """A section's spare minutes (its budget less its slides' and activities') are a row
    of their own, at the section's end, with clock times."""
    run_sheet = squash("".join(page_texts(guide)[1:3]))
    assert squash("09:53 09:55 Spare time in this section 2") in run_sheet
    assert squash("10:33 10:40 Spare time in this section 7") in run_sheet
    spare = run_sheet.count(squash("Spare time in this section"))
    assert spare == sum(1 for minutes in slack_by_part(plan).values() if minutes > 0)


def test_run_sheet_offsets_without_a_start_time() -> None:
    text = DEFAULT_OUTLINE.read_text(encoding="utf-8").replace('start: "09:30"\n', "", 1)
    pack = pack_of(load_plan(text))
    data = render(write_guide, pack)
    run_sheet = squash("".join(page_texts(data)[1:3]))
    assert squash("From To Slide Item Minutes") in run_sheet
    plan, numbers = pack.plan, pack.slide_numbers
    keeping = next(i for i, s in enumerate(plan.slides) if s.role == "section"
                   and s.title == "Keeping up with the pace of change")
    coffee = next(i for i, s in enumerate(plan.slides) if s.role == "break")
    assert squash(f"+0:25 +1:10 {numbers[keeping]} Section: Keeping up with the pace of "
                  "change 45") in run_sheet
    assert squash(f"+1:10 +1:25 {numbers[coffee]} Coffee break 15") in run_sheet


def test_timing_warnings_show_their_lines() -> None:
    text = DEFAULT_OUTLINE.read_text(encoding="utf-8").replace(
        "  - title: Why change, why now\n    minutes: 25\n",
        "  - title: Why change, why now\n    minutes: 12\n", 1)
    plan = load_plan(text)
    (problem,) = plan.diagnostics
    assert problem.position is not None
    data = render(write_guide, plan)
    body = all_text(data)
    assert squash(f"Line {problem.position.line}: The slides and activities in “Why change, "
                  "why now” take 23 minutes, over the section's 12 minutes.") in body
    assert "Timing warnings" in outline_titles(data)


def test_timing_check_when_all_fits(guide: bytes) -> None:
    assert squash("Every section's slides and activities fit in its time budget.") in all_text(
        guide)


def test_materials_checklist(guide: bytes, plan: Plan) -> None:
    numbers = list(range(1, len(plan.slides) + 1))
    materials = gather_materials(plan, numbers)
    names = [m.name.casefold() for m in materials]
    assert len(names) == len(set(names))
    uses = {m.name: m.uses for m in materials}
    assert uses["marker pens"] == [
        "Map the waits (slide 14)", "The partnership sort (slide 22)",
        "Patch cadence and legacy risk (slide 28)",
    ]
    assert len(uses["worksheet"]) == 2
    # "sticky notes in three colours" and "sticky notes" are one material
    assert uses["sticky notes"] == ["Map the waits (slide 14): in three colours",
                                    "Patch cadence and legacy risk (slide 28)"]
    scenario = next(m for m in materials if m.name == "scenario cards")
    assert scenario.quantities == ["one set per table"]
    reader = PdfReader(io.BytesIO(guide))
    page = next(reader.get_destination_page_number(item) for item in reader.outline
                if not isinstance(item, list) and item.title == "Materials checklist")
    text = reader.pages[page].extract_text() + reader.pages[page + 1].extract_text()
    assert text.count("Marker pens") == 1 and text.count("Sticky notes") == 1
    assert "Needed for" in text and "Quantity" in text and "one set per table" in text


@pytest.mark.parametrize(("written", "name", "quantity"), [
    ("scenario cards (one set per table)", "scenario cards", "one set per table"),
    ("2 flip charts", "flip charts", "2"),
    ("pens x 6", "pens", "6"),
    ("pens, one per person", "pens", "one per person"),
    ("flip chart (A1)", "flip chart (A1)", None),
    ("A3 timeline sheets", "A3 timeline sheets", None),
    ("three colours of pen", "three colours of pen", None),
])
def test_a_materials_quantity_is_read_where_the_outline_gives_one(
        written: str, name: str, quantity: str | None) -> None:
    assert split_quantity(written) == (name, quantity)


def test_near_duplicate_materials_fold_into_one_row() -> None:
    text = """title: T
sections:
  - title: S
    slides:
      - activity: {title: A, minutes: 5, materials: [Sticky notes, marker pens]}
      - activity: {title: B, minutes: 5, materials: [a sticky note, 4 Marker pens]}
      - activity: {title: C, minutes: 5, materials: [sticky notes in two colours]}
"""
    plan = load_plan(text)
    materials = gather_materials(plan, list(range(1, len(plan.slides) + 1)))
    assert [m.name for m in materials] == ["Sticky notes", "marker pens"]
    assert materials[0].uses == ["A (slide 4)", "B (slide 5)", "C (slide 6): in two colours"]
    assert materials[1].quantities == ["4"]
    assert materials[1].uses == ["A (slide 4)", "B (slide 5): 4"]


def test_long_notes_flow_across_pages() -> None:
    paragraphs = "\n\n".join(
        f"Paragraph {n:03d} of the notes, long enough to wrap over more than one line "
        "on the page so that the whole text needs several pages of the guide." for n in
        range(1, 121))
    text = (
        "title: Long notes\nsections:\n  - title: Only part\n    slides:\n"
        "      - title: A slide with long notes\n        notes: |\n"
        + "".join(f"          {line}\n" if line else "\n" for line in paragraphs.splitlines())
        + "          - a list line at the end\n"
    )
    plan = load_plan(text)
    data = render(write_guide, plan)
    body = all_text(data)
    for n in range(1, 121):
        assert squash(f"Paragraph {n:03d} of the notes") in body
    assert squash("• a list line at the end") in body
    assert len(PdfReader(io.BytesIO(data)).pages) >= 6
    assert font_problems(data) == []
    handout = all_text(render(write_handout, plan))
    assert "Paragraph001" not in handout


def test_letter_paper_and_identical_bytes(guide: bytes, plan: Plan) -> None:
    assert render(write_guide, plan) == guide
    data = render(write_guide, load_plan(paper="letter"))
    for page in PdfReader(io.BytesIO(data)).pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (612, 792)


def test_slides_are_drawn_once_measuring_passes_draw_nothing(plan: Plan) -> None:
    """Page numbers are found by a pass that draws nothing, so each thumbnail is
    drawn once, in the pass that is written, and the page references still hold."""
    drawn: list[int] = []

    def thumbnail(canvas: object, index: int, *box: float) -> None:
        drawn.append(index)

    buffer = io.BytesIO()
    write_guide(pack_of(plan), buffer, thumbnail=thumbnail)
    assert sorted(drawn) == list(range(len(plan.slides)))
    pages = PdfReader(io.BytesIO(buffer.getvalue())).pages
    for number, page in enumerate(pages[1:], start=2):
        assert f"Page {number} of {len(pages)}" in page.extract_text()
