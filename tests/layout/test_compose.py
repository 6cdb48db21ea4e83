"""The rules that compose slides by kind, on the default outline and its themes.

Decks are built for real and read back with python-pptx.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from generator.build import build, prepare
from generator.layout.compose import single_word_lines
from generator.layout.frames import PictureFrame, TableFrame, TextFrame
from generator.layout.geometry import Box
from generator.layout.tables import column_widths
from generator.markup import parse_inline
from generator.options import BuildOptions

THEMES = ("default", "civic", "high-contrast")


@pytest.fixture(scope="module", params=THEMES)
def built(request, repo_root: Path, tmp_path_factory):
    """Return (theme, laid-out deck, python-pptx presentation) of the default outline
    built in a theme."""
    folder = tmp_path_factory.mktemp(request.param)
    outline = folder / "outline.yaml"
    outline.write_text((repo_root / "outline.yaml").read_text(encoding="utf-8").replace(
        "theme: default", f"theme: {request.param}"), encoding="utf-8")
    shutil.copytree(repo_root / "images", folder / "images")
    options = BuildOptions(outputs=("deck",), output_dir=folder / "out")
    (path,) = build(outline, options).written
    return request.param, prepare(outline, options).deck, Presentation(str(path))


def test_hidden_titles_are_in_the_title_placeholder_and_off_the_slide(built) -> None:
    _, deck, prs = built
    height = prs.slide_height
    hidden = 0
    for laid, slide in zip(deck.slides, prs.slides, strict=True):
        title = slide.shapes.title
        assert title is not None and title.text_frame.text.strip(), laid.number
        drawn_off = title.top + title.height <= 0 or title.top >= height
        if laid.role in ("quote", "statement"):
            hidden += 1
            assert drawn_off, f"slide {laid.number}: the title is drawn on the slide"
            assert title.text_frame.text == laid.title
            assert ": key message" not in laid.title and "\"" not in laid.title
        else:
            assert not drawn_off, f"slide {laid.number}: a shown title is off the slide"
    assert hidden >= 3


def test_no_activity_of_the_default_outline_continues(built) -> None:
    theme, deck, _ = built
    activities = [s for s in deck.slides if s.role == "activity"]
    if theme == "high-contrast":  # a designed pair each (see the tests below)
        activities = [s for s in activities if s.continuation == 0]
    assert len(activities) == 6
    assert all(s.continuation == 0 for s in activities)
    if theme == "high-contrast":
        return
    for slide in activities:
        slots = {f.slot for f in slide.frames if isinstance(f, TextFrame)}
        assert {"glance", "steps", "prompts"} <= slots, slide.title
        steps, prompts = (next(f for f in slide.frames if getattr(f, "slot", "") == s)
                          for s in ("steps", "prompts"))
        assert steps.box.y == prompts.box.y and steps.box.right < prompts.box.x


def test_the_default_activities_keep_the_body_size_on_one_slide(repo_root: Path,
                                                               tmp_path: Path) -> None:
    prepared = prepare(repo_root / "outline.yaml",
                       BuildOptions(outputs=("deck",), output_dir=tmp_path))
    activities = [s for s in prepared.deck.slides if s.role == "activity"]
    assert len(activities) == 6 and all(s.continuation == 0 for s in activities)
    for slide in activities:
        sizes = {f.slot: f.text.size for f in slide.frames if isinstance(f, TextFrame)}
        assert min(sizes["steps"], sizes["prompts"]) >= prepared.theme.body_min, slide.title
        assert sizes["needs"] <= sizes["steps"], slide.title


def _activity_slides(deck) -> dict[int, list]:
    """Return each activity's slides, by the index of its planned slide."""
    found: dict[int, list] = {}
    for slide in deck.slides:
        if slide.role == "activity":
            found.setdefault(slide.plan_index, []).append(slide)
    return found


def _sizes(slide) -> dict[str, float]:
    return {f.slot: f.text.size for f in slide.frames if isinstance(f, TextFrame)}


def test_high_contrast_activities_keep_the_body_minimum(built) -> None:
    theme, deck, _ = built
    if theme != "high-contrast":
        pytest.skip("the default and civic themes fit side by side at the body size")
    body_min = 28.0  # the theme's: low-vision audiences
    found = set()
    for slides in _activity_slides(deck).values():
        for slide in slides:
            sizes = _sizes(slide)
            found |= {sizes[k] for k in ("steps", "prompts") if k in sizes}
            assert min(sizes.get("steps", 99), sizes.get("prompts", 99)) >= body_min, slide.title
            assert sizes.get("needs", 0.0) <= sizes.get("steps", 99), slide.title
    assert len(found) == 1, found  # one size on every activity slide of the deck


def test_a_split_activitys_second_slide_carries_its_prompts(built) -> None:
    theme, deck, _ = built
    if theme != "high-contrast":
        pytest.skip("the default and civic themes fit side by side at the body size")
    pairs = _activity_slides(deck)
    assert len(pairs) == 6
    for first, second, *rest in pairs.values():
        assert rest == [] and second.number == first.number + 1, first.title
        assert second.title == f"{first.title}: think about", second.title
        assert "cont." not in second.title and "(2)" not in second.title
        one = {f.slot: f for f in first.frames if isinstance(f, TextFrame)}
        two = {f.slot: f for f in second.frames if isinstance(f, TextFrame)}
        assert "prompts" not in one and "steps" not in two, first.title
        assert one["steps"].text.paragraphs[0].paragraph.text == "What to do"
        assert one["needs"].text.paragraphs[0].paragraph.text.startswith("You need:")
        assert one["glance"].text.paragraphs[0].paragraph.text.startswith("Activity · ")
        assert two["glance"].text.paragraphs[0].paragraph.text == "Activity · Think about"
        prompts = [p.paragraph for p in two["prompts"].text.paragraphs]
        assert all(p.bullet for p in prompts) and len(prompts) >= 2, first.title


def test_every_slide_of_the_deck_has_a_title_of_its_own(built) -> None:
    """Screen readers list a deck by its titles, and PowerPoint's checker flags repeats:
    no two slides of the written deck share a title, designed pairs included."""
    _, _, prs = built
    titles = [slide.shapes.title.text_frame.text for slide in prs.slides]
    repeated = sorted({t for t in titles if titles.count(t) > 1})
    assert not repeated, repeated


def test_no_continuation_slide_holds_one_item(built) -> None:
    _, deck, _ = built
    for slide in deck.slides:
        if slide.continuation:
            texts = [f for f in slide.frames if isinstance(f, TextFrame)
                     and f.slot in ("body", "steps", "prompts")]
            items = [p.paragraph for f in texts for p in f.text.paragraphs
                     if p.paragraph.text not in ("Think about", "What to do")]  # headings
            assert len(items) != 1, f"slide {slide.number} holds one item alone"


def test_no_size_drift_between_slides_of_one_kind(built) -> None:
    _, deck, _ = built
    sizes: dict[str, set[float]] = {}
    spans = {s.plan_index: s.continuation + 1 for s in deck.slides}  # slides per planned
    for slide in deck.slides:
        over = "continued" if slide.role == "activity" and spans[slide.plan_index] > 1 else ""
        for frame in slide.frames:
            if isinstance(frame, TextFrame) and frame.slot in ("body", "steps", "prompts"):
                sizes.setdefault(f"{slide.role}/{frame.slot}{over}", set()).add(frame.text.size)
    assert sizes
    for kind, found in sizes.items():
        assert len(found) == 1, (kind, found)


def test_no_slide_number_on_the_title_slide(built) -> None:
    _, _, prs = built
    names = [s.name for s in prs.slides[0].shapes]
    assert not any("Slide Number" in n for n in names)
    assert any("Slide Number" in s.name for s in prs.slides[1].shapes)


def test_pictures_and_tables_start_where_text_starts(built) -> None:
    _, deck, _ = built
    body = next(s for s in deck.slides if s.role == "bullets")
    text = next(f for f in body.frames if isinstance(f, TextFrame) and f.slot == "body")
    left, top = text.box.x + 7.2, text.box.y + 3.6
    placed = [f for s in deck.slides if s.role in ("image", "table") for f in s.frames
              if isinstance(f, TableFrame | PictureFrame)]
    assert len(placed) >= 2
    for frame in placed:
        assert abs(frame.box.x - left) < 0.01 and abs(frame.box.y - top) < 0.01


def test_table_columns_follow_their_content() -> None:
    rows = [[parse_inline("Step"), parse_inline("What happens at this step of the process, "
                                                 "in a sentence or two")],
            [parse_inline("Hire"), parse_inline("Short")]]
    first, second = column_widths(rows, 800.0, 24.0)
    assert first < 120 < second and abs(first + second - 800.0) < 1e-6
    short = [[parse_inline("a"), parse_inline("bb")]]
    assert column_widths(short, 300.0, 24.0)[1] > column_widths(short, 300.0, 24.0)[0]


def test_the_agenda_hangs_its_times_at_a_tab_stop(built) -> None:
    _, deck, prs = built
    index = next(i for i, s in enumerate(deck.slides) if s.role == "agenda")
    xml = "".join(s._element.xml for s in prs.slides[index].shapes)
    assert "<a:tab " in xml and "\t" in xml and " min<" not in xml
    body = next(f for f in deck.slides[index].frames if getattr(f, "slot", "") == "body")
    assert all(label for label in body.labels)
    assert "Coffee break · 15 minutes" in [p.paragraph.text for p in body.text.paragraphs]


def test_the_break_slide_is_not_a_divider(built) -> None:
    _, deck, _ = built
    brk = next(s for s in deck.slides if s.role == "break")
    section = next(s for s in deck.slides if s.role == "section")
    assert brk.layout.dark != section.layout.dark or brk.layout.name != section.layout.name
    back = next(f for f in brk.frames if getattr(f, "slot", "") == "back")
    assert back.text.paragraphs[0].paragraph.text == "Back at 10:55"
    assert back.text.size >= 2 * brk.frames[0].text.size  # twice the title's size
    length = next(f for f in brk.frames if getattr(f, "slot", "") == "length")
    assert [p.paragraph.text for p in length.text.paragraphs] == ["15 minutes"]


def test_rule_colour_stands_out_from_the_background() -> None:
    from generator.look.colours import contrast_ratio
    from generator.look.theme import rule_colour

    gold = rule_colour("FFDD00", "FFFFFF")
    assert contrast_ratio(gold, "FFFFFF") >= 3.0 and contrast_ratio(gold, "000000") >= 3.0
    assert rule_colour("F46A25", "FFFFFF") == "F46A25"


def test_boxes_are_points() -> None:  # keep the fixture's arithmetic honest
    assert Box(1, 2, 3, 4).bottom == 6 and Emu(12700).pt == 1


def test_columns_do_not_wrap_word_by_word(built) -> None:
    _, deck, _ = built
    columns = [s for s in deck.slides if s.role == "columns"]
    assert len({s.plan_index for s in columns}) == 2  # a comparison may span slides
    for slide in columns:
        for frame in slide.frames:
            if isinstance(frame, TextFrame) and frame.slot.startswith("column"):
                assert single_word_lines(frame.text) == 0, (slide.title, frame.slot)


def _row_tops(frame: TextFrame) -> list[float]:
    """Return where each paragraph of a column starts, below the top of its text."""
    y, found = 0.0, []
    for index, p in enumerate(frame.text.paragraphs):
        y += (frame.text.space_before if index else 0.0) + frame.gaps[index]
        found.append(y)
        y += len(p.lines) * frame.text.line_height
    return found


def _columns_of(slide) -> list[TextFrame]:
    return [f for f in slide.frames if isinstance(f, TextFrame) and f.slot.startswith("column")]


def _comparison(deck, title: str = "Outsourcing or partnership?") -> list:
    """Return the comparison's slides: its own and its "(cont.)" slides."""
    first = next(s for s in deck.slides if s.title == title)
    return [s for s in deck.slides if s.plan_index == first.plan_index]


def test_paired_rows_of_a_comparison_line_up(built) -> None:
    _, deck, _ = built
    left, right = _columns_of(_comparison(deck)[0])
    assert left.gaps and _row_tops(left) == pytest.approx(_row_tops(right))


def test_a_high_contrast_comparison_keeps_the_body_minimum_over_slides(built) -> None:
    """Low-vision audiences: the comparison's rows are shared out over slides rather than
    set below the theme's 28 pt; each slide repeats the headings and lines up its rows,
    all at one size. The default and civic themes keep it on one slide."""
    theme, deck, _ = built
    slides = _comparison(deck)
    if theme != "high-contrast":
        assert len(slides) == 1
        return
    assert len(slides) >= 2
    sizes = set()
    for page, slide in enumerate(slides):
        assert slide.continuation == page and ("(cont." in slide.title) == bool(page)
        left, right = _columns_of(slide)
        heads = [f.text.paragraphs[0].paragraph.text for f in (left, right)]
        assert heads == ["Outsourcing", "Co-creation"], slide.title
        assert left.gaps and _row_tops(left) == pytest.approx(_row_tops(right)), slide.title
        sizes |= {left.text.size, right.text.size}
    assert len(sizes) == 1 and min(sizes) >= 28.0, sizes


def test_no_comparison_slide_holds_one_row_alone(built) -> None:
    theme, deck, _ = built
    slides = _comparison(deck)
    rows = [len(f.text.paragraphs) - 1 for s in slides for f in _columns_of(s)]  # no heading
    assert sum(rows) == 8 and min(rows) >= 2, rows
    if theme == "high-contrast":  # shared out, not one slide of small text
        assert len(slides) >= 2 and min(_sizes(slides[-1]).values()) >= 28.0


def test_an_odd_number_of_rows_is_not_split_one_alone(repo_root: Path,
                                                      tmp_path: Path) -> None:
    """Five rows at high contrast: three and two, never four and one."""
    text = (repo_root / "outline.yaml").read_text(encoding="utf-8")
    text = text.replace("theme: default", "theme: high-contrast").replace(
        "              - Knowledge leaves when the contract ends\n",
        "              - Knowledge leaves when the contract ends\n"
        "              - Change requests cost extra\n").replace(
        "              - Skills stay in the organisation\n",
        "              - Skills stay in the organisation\n"
        "              - Plans change as users teach us\n")
    outline = tmp_path / "outline.yaml"
    outline.write_text(text, encoding="utf-8")
    shutil.copytree(repo_root / "images", tmp_path / "images")
    deck = prepare(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out")).deck
    slides = _comparison(deck)
    rows = [[len(f.text.paragraphs) - 1 for f in _columns_of(s)] for s in slides]
    assert len(slides) >= 2 and all(min(r) >= 2 for r in rows), rows
    assert sum(r[0] for r in rows) == 5
    assert min(f.text.size for s in slides for f in _columns_of(s)) >= 28.0


def test_back_at_stays_on_one_line_in_a_narrow_box() -> None:
    # a break layout whose body is a narrow half of the slide (Capact's, UTwente's):
    # "Back at 10:55" is set smaller rather than broken over two lines
    from generator.layout.compose import break_slide
    from generator.layout.geometry import Box, LayoutGeometry, Placeholder
    from generator.look.theme import DEFAULT_THEME
    from generator.words import words_for

    layout = LayoutGeometry("Section", (Placeholder("title", 0, Box(20, 40, 380, 80)),
                                        Placeholder("body", 1, Box(20, 150, 380, 240))))
    composed = break_slide(15, "10:55", layout, DEFAULT_THEME, 1.0, "text",
                           words_for("en-GB"), 540.0)
    back = next(f for f in composed.frames if f.slot == "back")
    assert len(back.text.paragraphs[0].lines) == 1
    assert back.text.size >= DEFAULT_THEME.hero_max
