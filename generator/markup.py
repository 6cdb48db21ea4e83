"""Inline markup of outline text: ``**bold**``, ``*italic*`` and bare ``https://`` links.

`parse_inline` turns one text value into a tuple of `Span` runs that the layout
engine measures and the writers draw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with one style. ``href`` is set when the run is a link."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


_TOKEN = re.compile(
    r"(?P<both>\*\*\*(?=\S)(?P<both_text>.+?)(?<=\S)\*\*\*)"
    r"|(?P<bold>\*\*(?=\S)(?P<bold_text>.+?)(?<=\S)\*\*)"
    r"|(?P<italic>(?<![\*\w])\*(?=[^\s*])(?P<italic_text>[^*]+?)(?<=\S)\*(?![\*\w]))"
    r"|(?P<url>https://[^\s<>\"]+)"
)
_URL = re.compile(r"https://[^\s<>\"]+")
_TRAILING_PUNCTUATION = ".,;:!?)]}'’”"


def _split_url(match_text: str) -> tuple[str, str]:
    """Return the link and the punctuation after it that belongs to the sentence."""
    url = match_text
    tail = ""
    while url and url[-1] in _TRAILING_PUNCTUATION:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        tail = url[-1] + tail
        url = url[:-1]
    return url, tail


def _links(text: str, bold: bool, italic: bool) -> list[Span]:
    """Return spans for ``text`` with bare https:// addresses made into links."""
    spans: list[Span] = []
    pos = 0
    for match in _URL.finditer(text):
        url, tail = _split_url(match.group(0))
        if match.start() > pos:
            spans.append(Span(text[pos : match.start()], bold, italic))
        spans.append(Span(url, bold, italic, href=url))
        if tail:
            spans.append(Span(tail, bold, italic))
        pos = match.end()
    if pos < len(text):
        spans.append(Span(text[pos:], bold, italic))
    return spans


def parse_inline(text: str) -> tuple[Span, ...]:
    """Return the styled runs of one outline text value, in reading order.

    ``**x**`` is bold, ``*x*`` italic (``***x***`` both), bare ``https://``
    addresses become links. Unmatched asterisks stay as they are. Straight quotes
    and apostrophes become curly ones, links' text apart (see `curly_spans`).
    """
    spans: list[Span] = []
    pos = 0
    for match in _TOKEN.finditer(text):
        if match.start() > pos:
            spans.extend(_links(text[pos : match.start()], False, False))
        if match.group("both"):
            spans.extend(_links(match.group("both_text"), True, True))
        elif match.group("bold"):
            for span in parse_inline(match.group("bold_text")):
                spans.append(Span(span.text, True, span.italic, span.href))
        elif match.group("italic"):
            spans.extend(_links(match.group("italic_text"), False, True))
        else:
            spans.extend(_links(match.group("url"), False, False))
        pos = match.end()
    if pos < len(text):
        spans.extend(_links(text[pos:], False, False))
    return curly_spans(_merge(spans))


def _merge(spans: list[Span]) -> list[Span]:
    """Return ``spans`` with neighbours of the same style joined and empty runs dropped."""
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.href is None
            and span.href is None
            and (last.bold, last.italic) == (span.bold, span.italic)
        ):
            merged[-1] = Span(last.text + span.text, last.bold, last.italic)
        else:
            merged.append(span)
    return merged


def plain_text(text: str) -> str:
    """Return ``text`` with its inline markup removed (for titles in metadata, alt text)."""
    return "".join(span.text for span in parse_inline(text))


_OPENING_BEFORE = frozenset(" \t\n([{‘“—–-/")


def _curly(text: str, skip: frozenset[int] = frozenset()) -> str:
    """Return ``text`` with straight quotes made curly, leaving positions in ``skip``."""
    out = list(text)
    for i, char in enumerate(text):
        if char not in "'\"" or i in skip:
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opening = before in _OPENING_BEFORE and not after.isspace()
        if char == '"':
            out[i] = "“" if opening else "”"
        elif before.isalnum() and after.isalnum():
            out[i] = "’"  # an apostrophe: don't, NCSC's
        else:
            out[i] = "‘" if opening else "’"
    return "".join(out)


def curly_quotes(text: str) -> str:
    """Return plain text with its straight quotes and apostrophes made curly
    ("it's" -> "it’s", '"Time"' -> '“Time”')."""
    return _curly(text)


def curly_spans(spans: tuple[Span, ...] | list[Span]) -> tuple[Span, ...]:
    """Return styled runs with straight quotes made curly, judged across the runs' joins
    (so ``"**best**"`` gets both its quotes right); links' text is left as written."""
    joined = "".join(span.text for span in spans)
    skip: set[int] = set()
    at = 0
    for span in spans:
        if span.href:
            skip.update(range(at, at + len(span.text)))
        at += len(span.text)
    curled = _curly(joined, frozenset(skip))
    out: list[Span] = []
    at = 0
    for span in spans:
        out.append(Span(curled[at: at + len(span.text)], span.bold, span.italic, span.href))
        at += len(span.text)
    return tuple(out)
