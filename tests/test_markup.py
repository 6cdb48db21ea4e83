"""Inline markup: **bold**, *italic*, ***both***, bare https:// links, and asterisks
that are not markup."""

from __future__ import annotations

import itertools

import pytest

from generator.markup import Span, parse_inline, plain_text


def runs(text: str) -> list[tuple[str, str]]:
    """Return (text, style) pairs: style is b, i, bi, or "" plus "@" for a link."""
    out = []
    for span in parse_inline(text):
        style = ("b" if span.bold else "") + ("i" if span.italic else "")
        if span.href is not None:
            assert span.href == span.text
            style += "@"
        out.append((span.text, style))
    return out


def test_plain_text_is_one_run():
    assert parse_inline("Just words.") == (Span("Just words."),)


def test_bold():
    assert runs("a **big** deal") == [("a ", ""), ("big", "b"), (" deal", "")]


def test_italic():
    assert runs("how *we* work") == [("how ", ""), ("we", "i"), (" work", "")]


def test_bold_and_italic_together():
    assert runs("***both***") == [("both", "bi")]
    assert runs("x ***y z*** w") == [("x ", ""), ("y z", "bi"), (" w", "")]


def test_italic_inside_bold():
    assert runs("**bold *it* on**") == [("bold ", "b"), ("it", "bi"), (" on", "b")]


def test_bold_and_italic_in_one_line():
    assert runs("**stop** and *start*") == [("stop", "b"), (" and ", ""), ("start", "i")]


def test_markup_inside_a_word():
    assert runs("x**y**z") == [("x", ""), ("y", "b"), ("z", "")]


@pytest.mark.parametrize("text, url, tail", [
    ("See https://www.gov.uk/service-manual.", "https://www.gov.uk/service-manual", "."),
    ("Read https://a.example/x, then", "https://a.example/x", ", then"),
    ("Go to https://a.example/x!", "https://a.example/x", "!"),
    ("Is it https://a.example/x?", "https://a.example/x", "?"),
    ("(see https://a.example/x)", "https://a.example/x", ")"),
    ("“https://a.example/x”", "https://a.example/x", "”"),
    ("https://a.example/x;", "https://a.example/x", ";"),
    ("https://a.example/x...", "https://a.example/x", "..."),
])
def test_link_leaves_trailing_punctuation_outside(text, url, tail):
    spans = parse_inline(text)
    links = [s for s in spans if s.href]
    assert [s.href for s in links] == [url]
    after = "".join(s.text for s in spans[spans.index(links[0]) + 1:])
    assert after == tail
    assert plain_text(text) == text


def test_link_keeps_balanced_brackets_and_query():
    assert [s.href for s in parse_inline("(https://en.example/wiki/A_(b))") if s.href] == [
        "https://en.example/wiki/A_(b)"]
    assert [s.href for s in parse_inline("https://a.example/?q=1&r=2.") if s.href] == [
        "https://a.example/?q=1&r=2"]


def test_two_links_in_one_text():
    text = "Both https://a.example/one and https://b.example/two."
    assert [s.href for s in parse_inline(text) if s.href] == [
        "https://a.example/one", "https://b.example/two"]


def test_http_without_s_and_bare_domains_are_not_links():
    assert all(s.href is None for s in parse_inline("http://a.example and www.b.example"))


def test_link_inside_bold_is_bold_and_a_link():
    assert runs("**https://a.example/x.**") == [("https://a.example/x", "b@"), (".", "b")]


def test_asterisks_inside_a_link_are_not_markup():
    assert runs("https://a.example/*x*/y") == [("https://a.example/*x*/y", "@")]


@pytest.mark.parametrize("text", [
    "a *b", "**a", "a**", "*", "**", "***", "2 * 3 * 4", "5 * x", "a*b*c",
    "* not a list", "an *open** end", "** spaced **", "* spaced *",
])
def test_unmatched_or_spaced_asterisks_stay_as_written(text):
    assert parse_inline(text) == (Span(text),)
    assert plain_text(text) == text


def test_plain_text_strips_markup_only():
    assert plain_text("Be **ambitious**, *very*: https://a.example/x.") == (
        "Be ambitious, very: https://a.example/x.")


def test_neighbouring_runs_of_one_style_are_merged_and_none_are_empty():
    spans = parse_inline("a *b* c *d* e")
    assert all(s.text for s in spans)
    assert all((x.bold, x.italic) != (y.bold, y.italic) or x.href or y.href
               for x, y in itertools.pairwise(spans))


@pytest.mark.parametrize(("text", "curly"), [
    ('Pink Floyd, "Time"', "Pink Floyd, “Time”"),
    ("the NCSC's 10 Steps", "the NCSC’s 10 Steps"),
    ("'single' and (\"bracketed\")", "‘single’ and (“bracketed”)"),
    ("see https://example.org/it's", "see https://example.org/it's"),
    ("no quotes", "no quotes"),
])
def test_straight_quotes_become_curly_except_in_links(text: str, curly: str) -> None:
    assert plain_text(text) == curly  # parse_inline makes them curly, links apart
