"""Tests for line wrapping, stacking and fitting (property tests plus examples)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.layout.fonts import metrics
from generator.layout.text import (
    DEFAULT_STYLE,
    WIDTH_SAFETY,
    FittedText,
    Line,
    Paragraph,
    TextStyle,
    candidate_sizes,
    fit_text,
    layout_text,
    paragraph_indent,
    paragraph_runs,
    single_line_fit,
    split_to_fit,
    text_height,
    wrap,
)
from generator.markup import Span

EPS = 1e-6
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMWXYZ0123456789éüßŵŷẁ"
PUNCTUATION = ".,;:!?()[]'\"-/–—…£€"
SETTINGS = settings(max_examples=200, deadline=None)

short_words = st.text(LETTERS + PUNCTUATION, min_size=1, max_size=12)
long_words = st.text(LETTERS + PUNCTUATION, min_size=13, max_size=120)
words = st.one_of(short_words, short_words, short_words, long_words)
separators = st.sampled_from([" ", " ", " ", " ", "  ", "   ", "\n", " \n ", "\n\n"])


@st.composite
def span_texts(draw: st.DrawFn) -> str:
    """Return the text of one span: words joined by spaces and a few line breaks."""
    parts = draw(st.lists(words, min_size=0, max_size=10))
    text = ""
    for index, word in enumerate(parts):
        text += (draw(separators) if index else "") + word
    return draw(st.sampled_from(["", " "])) + text + draw(st.sampled_from(["", "", " "]))


@st.composite
def paragraphs(draw: st.DrawFn) -> Paragraph:
    """Return a paragraph of 1-4 spans with random styles, links, level and bullet."""
    spans = tuple(
        Span(
            draw(span_texts()),
            bold=draw(st.booleans()),
            italic=draw(st.booleans()),
            href=draw(st.sampled_from([None, None, "https://example.org/x"])),
        )
        for _ in range(draw(st.integers(1, 4)))
    )
    return Paragraph(spans, level=draw(st.integers(0, 3)), bullet=draw(st.booleans()))


widths = st.floats(50, 900)
sizes = st.integers(10, 60).map(float)


def measured(line: Line, size: float) -> float:
    """Return the width of a line measured span by span with each span's face."""
    return sum(metrics(s.bold, s.italic).width(s.text, size) for s in line.spans)


def available(p: Paragraph, width: float, size: float, style: TextStyle = DEFAULT_STYLE) -> float:
    """Return the width lines of ``p`` must stay within."""
    return width * WIDTH_SAFETY - paragraph_indent(p, size, style)[0]


def check_reconstructs(text: str, lines: tuple[Line, ...]) -> None:
    """Assert the lines are ``text`` in order, minus only spaces at breaks and newlines.

    A hard break inside a word drops nothing, unless it falls at a space of a word
    glued by punctuation, so spaces are allowed there.
    """
    pos = 0
    for index, line in enumerate(lines):
        skipped = 0
        while pos < len(text) and text[pos] == " ":
            pos += 1
            skipped += 1
        if index:
            previous = lines[index - 1]
            if pos < len(text) and text[pos] == "\n":
                assert previous.hard_break, "a line ended at \\n must be a hard break"
                pos += 1
                while pos < len(text) and text[pos] == " ":
                    pos += 1
            elif not previous.hard_break:
                assert skipped > 0, "a soft break happens only at spaces"
        assert text.startswith(line.text, pos), (line.text, text[pos:])
        assert not line.text.startswith(" ")
        pos += len(line.text)
    assert text[pos:].strip(" ") == ""
    assert not lines[-1].hard_break


def styled_characters(spans: tuple[Span, ...]) -> list[tuple[str, bool, bool, str | None]]:
    """Return the non-space, non-newline characters of spans with their style."""
    return [
        (c, s.bold, s.italic, s.href) for s in spans for c in s.text if c not in " \n"
    ]


@SETTINGS
@given(paragraphs(), widths, sizes)
def test_lines_fit_and_keep_all_text(p: Paragraph, width: float, size: float) -> None:
    lines = wrap(p, width, size)
    assert lines
    limit = available(p, width, size)
    for line in lines:
        assert measured(line, size) == pytest.approx(line.width, abs=EPS)
        # only a single character wider than the whole line may overflow
        assert line.width <= limit + EPS or len(line.text) <= 1
    check_reconstructs(p.text, lines)
    assert styled_characters(p.spans) == [
        item for line in lines for item in styled_characters(line.spans)
    ]


@SETTINGS
@given(paragraphs(), widths, sizes)
def test_renderer_rewrapping_the_runs_needs_no_more_lines(
    p: Paragraph, width: float, size: float
) -> None:
    fitted = layout_text([p], width, size).paragraphs[0]
    runs = paragraph_runs(fitted)
    rejoined = Paragraph(
        tuple(Span("\n") if run is None else run for run in runs), p.level, p.bullet
    )
    # A renderer with the exact metrics and the full width, fed what the writer emits.
    again = wrap(rejoined, width / WIDTH_SAFETY, size)
    assert len(again) <= len(fitted.lines)
    assert styled_characters(rejoined.spans) == styled_characters(p.spans)


@st.composite
def slides(draw: st.DrawFn) -> tuple[list[Paragraph], float, float, float, float]:
    """Return (paragraphs, box width, box height, max size, min size)."""
    paras = draw(st.lists(paragraphs(), min_size=1, max_size=6))
    width = draw(st.floats(100, 900))
    height = draw(st.floats(20, 600))
    max_size = draw(st.integers(10, 60))
    min_size = draw(st.integers(8, max_size))
    return paras, width, height, float(max_size), float(min_size)


def fits_box(result: FittedText, height: float) -> bool:
    """Return True when a layout fits its width and ``height``."""
    return result.fits and result.height <= height + EPS


@SETTINGS
@given(slides())
def test_fit_text_returns_the_largest_fitting_size(
    case: tuple[list[Paragraph], float, float, float, float],
) -> None:
    paras, width, height, max_size, min_size = case
    result = fit_text(paras, width, height, max_size, min_size)
    candidates = candidate_sizes(max_size, min_size)
    assert result.size in candidates
    if result.fits:
        assert result.height <= height + EPS
        for fp in result.paragraphs:
            for line in fp.lines:
                assert line.width <= available(fp.paragraph, width, result.size) + EPS
    else:
        assert result.size == min_size
        assert not fits_box(layout_text(paras, width, min_size), height)
    for larger in candidates[: candidates.index(result.size)]:
        assert not fits_box(layout_text(paras, width, larger), height)
    assert result.height == pytest.approx(text_height(paras, width, result.size))


@SETTINGS
@given(slides())
def test_split_to_fit_takes_the_longest_fitting_prefix(
    case: tuple[list[Paragraph], float, float, float, float],
) -> None:
    paras, width, height, size, _ = case
    head, rest = split_to_fit(paras, width, height, size)
    assert list(head) + list(rest) == paras
    assert len(head) >= 1
    if len(head) > 1:
        assert fits_box(layout_text(head, width, size), height)
    if rest:
        assert not fits_box(layout_text(paras[: len(head) + 1], width, size), height)


# --- examples --------------------------------------------------------------


def test_a_word_longer_than_the_line_is_cut_at_character_level() -> None:
    word = "x" * 40 + "y" * 30 + "z" * 30
    p = Paragraph((Span("Short " + word + " end"),))
    lines = wrap(p, 200, 20)
    assert lines[0].text == "Short"
    assert not lines[0].hard_break
    cut = lines[1:-1]
    assert len(cut) >= 3
    assert all(line.hard_break for line in cut[:-1])
    assert "".join(line.text for line in lines[1:]).replace(" ", "") == word + "end"
    limit = available(p, 200, 20)
    face = metrics(False, False)
    for line in cut[:-1]:
        assert line.width <= limit
        assert line.width + face.width("x", 20) > limit  # the line was filled


def test_a_long_url_keeps_its_link_on_every_piece() -> None:
    url = "https://example.org/" + "/".join(f"segment{i}" for i in range(12)) + "?q=1"
    p = Paragraph.from_markup(f"See {url} for details")
    fitted = layout_text([p], 300, 24).paragraphs[0]
    pieces = [s for line in fitted.lines for s in line.spans if s.href]
    assert len(pieces) > 1
    assert all(s.href == url for s in pieces)
    assert "".join(s.text for s in pieces) == url
    runs = paragraph_runs(fitted)
    assert None in runs  # explicit breaks inside the URL
    assert "".join("\n" if r is None else r.text for r in runs).replace("\n", "") == (
        f"See {url} for details"
    )


def test_explicit_newline_ends_a_line() -> None:
    lines = wrap(Paragraph((Span("one  \n  two"),)), 500, 12)
    assert [line.text for line in lines] == ["one", "two"]
    assert [line.hard_break for line in lines] == [True, False]
    lines = wrap(Paragraph((Span("one\n\n"),)), 500, 12)
    assert [line.text for line in lines] == ["one", "", ""]


def test_line_break_variants_and_tabs_are_normalised() -> None:
    lines = wrap(Paragraph((Span("a\r\nb\rc\vd\te"),)), 500, 12)
    assert [line.text for line in lines] == ["a", "b", "c", "d e"]


def test_empty_paragraph_takes_one_line() -> None:
    for p in (Paragraph(()), Paragraph((Span(""),)), Paragraph((Span("   "),))):
        assert wrap(p, 300, 20) == (Line((), 0.0, False),)
    result = layout_text([Paragraph(())], 300, 20)
    assert result.height == pytest.approx(20 * 1.2)


def test_bullets_and_levels_indent_and_narrow_the_lines() -> None:
    style = TextStyle()
    assert paragraph_indent(Paragraph((), 0, False), 20, style) == (0.0, 0.0)
    assert paragraph_indent(Paragraph((), 0, True), 20, style) == pytest.approx((18.0, 18.0))
    assert paragraph_indent(Paragraph((), 2, True), 20, style) == pytest.approx((58.0, 18.0))
    assert paragraph_indent(Paragraph((), 2, False), 20, style) == pytest.approx((40.0, 0.0))
    text = (Span("alpha beta gamma delta epsilon zeta eta theta"),)
    width = metrics(False, False).width(text[0].text, 20) / WIDTH_SAFETY + 1
    assert len(wrap(Paragraph(text, 0, False), width, 20)) == 1
    deep = Paragraph(text, 3, True)
    lines = wrap(deep, width, 20)
    assert len(lines) > 1
    assert all(line.width <= available(deep, width, 20) for line in lines)


def test_greedy_wrapping_fills_each_line() -> None:
    p = Paragraph.from_markup(" ".join(f"word{i} **bold{i}** *it{i}*" for i in range(30)))
    lines = wrap(p, 400, 18)
    limit = available(p, 400, 18)
    face = metrics(False, False)
    for line, following in pairwise(lines):
        first = following.spans[0]
        next_word = first.text.split(" ")[0]
        extra = face.width(" ", 18) + metrics(first.bold, first.italic).width(next_word, 18)
        assert line.width + extra > limit


def test_no_break_before_closing_or_after_opening_punctuation() -> None:
    face = metrics(False, False)
    text = "aaaa bbbb ( cccc dddd ) ! “ eeee ” ffff « gggg »"
    for cut in range(1, len(text) + 1):
        width = face.width(text[:cut], 14) / WIDTH_SAFETY
        lines = wrap(Paragraph((Span(text),)), width, 14)
        for line, following in pairwise(lines):
            if not line.hard_break:  # a soft break, chosen by the wrapping rules
                assert not following.text.startswith((")", "!"))
                assert not line.text.endswith("(")


def test_bold_and_italic_are_measured_with_their_face() -> None:
    spans = (Span("Plain "), Span("bold", bold=True), Span(" it", italic=True))
    (line,) = wrap(Paragraph(spans), 900, 30)
    expected = (
        metrics(False, False).width("Plain ", 30)
        + metrics(True, False).width("bold", 30)
        + metrics(False, True).width(" it", 30)
    )
    assert line.width == pytest.approx(expected)
    assert line.spans == spans


def test_text_height_stacks_lines_and_paragraph_spacing() -> None:
    paras = [Paragraph((Span("one"),)), Paragraph((Span("two\nthree"),)), Paragraph(())]
    style = TextStyle(line_height=1.25, space_before=0.5)
    result = layout_text(paras, 500, 16, style)
    assert [len(p.lines) for p in result.paragraphs] == [1, 2, 1]
    assert result.height == pytest.approx(4 * 16 * 1.25 + 2 * 16 * 0.5)
    assert (result.line_height, result.space_before) == (20.0, 8.0)
    assert text_height(paras, 500, 16, style) == result.height
    assert layout_text([], 500, 16).height == 0


def test_candidate_sizes() -> None:
    assert candidate_sizes(28, 18) == tuple(float(s) for s in range(28, 17, -1))
    assert candidate_sizes(28, 18, 3) == (28, 25, 22, 19, 18)
    assert candidate_sizes(12.5, 12.5, 0.5) == (12.5,)
    for bad in ((10, 12, 1), (28, 18, 0), (28, 0, 1)):
        with pytest.raises(ValueError):
            candidate_sizes(*bad)


def typical_slide() -> list[Paragraph]:
    """Return six bullets of about twelve words each."""
    sentence = "Participants **practise** giving feedback in pairs using the *three-step* model"
    return [Paragraph.from_markup(f"{sentence} {i}", bullet=True) for i in range(6)]


def test_fit_text_keeps_the_largest_size_when_it_fits() -> None:
    result = fit_text(typical_slide(), 1100, 480, 28, 18)
    assert result.fits
    assert result.size == 28


def test_fit_text_shrinks_then_gives_up_at_min_size() -> None:
    paras = typical_slide() * 2
    shrunk = fit_text(paras, 1100, 480, 28, 18)
    assert shrunk.fits and 18 <= shrunk.size < 28
    assert not fits_box(layout_text(paras, 1100, shrunk.size + 1), 480)
    too_much = fit_text(paras * 3, 1100, 480, 28, 18)
    assert not too_much.fits
    assert too_much.size == 18


def test_fit_text_of_nothing_fits_at_max_size() -> None:
    result = fit_text([], 500, 100, 24, 12)
    assert result.fits and result.size == 24 and result.height == 0


def test_split_to_fit_examples() -> None:
    paras = typical_slide() * 3
    head, rest = split_to_fit(paras, 1100, 480, 24)
    assert head and rest and list(head) + list(rest) == paras
    assert split_to_fit(paras[:2], 1100, 480, 24) == (tuple(paras[:2]), ())
    huge = Paragraph((Span("word " * 2000),))
    assert split_to_fit([huge, *paras], 1100, 480, 24) == ((huge,), tuple(paras))
    assert split_to_fit([], 1100, 480, 24) == ((), ())


def test_single_line_fit_for_titles() -> None:
    title = (Span("Giving feedback that lands"),)
    result = single_line_fit(title, 1100, 40, 24)
    assert result.fits and result.size == 40 and result.line_count == 1
    long_title = (Span("A rather long title about giving and receiving feedback at work"),)
    shrunk = single_line_fit(long_title, 900, 40, 24)
    assert shrunk.fits and shrunk.size < 40 and shrunk.line_count == 1
    assert len(wrap(Paragraph(long_title), 900, shrunk.size + 1)) > 1
    impossible = single_line_fit(long_title, 200, 40, 24)
    assert not impossible.fits and impossible.size == 24 and impossible.line_count > 1


def test_paragraph_runs_join_soft_lines_with_a_space() -> None:
    p = Paragraph.from_markup("alpha **beta** gamma\ndelta " + "epsilon " * 20)
    fitted = layout_text([p], 300, 20).paragraphs[0]
    runs = paragraph_runs(fitted)
    text = "".join("\n" if r is None else r.text for r in runs)
    assert text == "alpha beta gamma\ndelta " + " ".join(["epsilon"] * 20)
    assert runs[1] == Span("beta", bold=True)
