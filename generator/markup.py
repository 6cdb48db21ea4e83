"""Inline markup of outline text: ``**bold**``, ``*italic*`` and bare ``https://`` links.

`parse_inline` turns one text value into a tuple of `Span` runs that the layout
engine measures and the writers draw.

Text may also say which language it is in: `in_language` marks a text as written
in a BCP 47 language (make-deck's own English words in an outline of another
language, each half of a bilingual pair), and its spans carry that ``lang``. A
text without marks is in the document's language. `pair` joins two languages'
texts of one thing, first language first, on lines of their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with one style. ``href`` is set when the run is a link; ``lang``
    when the run is marked as written in a language (None: the document's)."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    lang: str | None = None


_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"
_MARK = re.compile("\ue000([A-Za-z0-9-]*)\ue001")
PAIR_BREAK = "\n"
"""What separates the two languages of a pair: a line of their own each."""


def language_mark(tag: str | None) -> str:
    """Return the mark saying that the text after it is in ``tag`` (None: the
    document's language)."""
    return f"{_MARK_OPEN}{tag or ''}{_MARK_CLOSE}"


def in_language(text: str, tag: str | None) -> str:
    """Return ``text`` marked as written in language ``tag`` (unchanged for None)."""
    if tag is None or not text:
        return text
    return f"{_MARK_OPEN}{tag}{_MARK_CLOSE}{strip_marks(text)}"


def strip_marks(text: str) -> str:
    """Return ``text`` without its language marks (its markup kept)."""
    return _MARK.sub("", text) if _MARK_OPEN in text else text


def segments(text: str) -> list[tuple[str | None, str]]:
    """Return the (language, text) pieces of a text, in order; None is unmarked."""
    if _MARK_OPEN not in text:
        return [(None, text)]
    found: list[tuple[str | None, str]] = []
    pos, lang = 0, None
    for match in _MARK.finditer(text):
        if match.start() > pos:
            found.append((lang, text[pos:match.start()]))
        lang, pos = match.group(1) or None, match.end()
    if pos < len(text) or not found or lang is None:  # a closing reset is kept
        found.append((lang, text[pos:]))
    return found


def upper(text: str) -> str:
    """Return ``text`` in capitals, its language marks kept."""
    if _MARK_OPEN not in text:
        return text.upper()
    return "".join(in_language(piece.upper(), lang) if lang else back_to_document(
        piece.upper()) for lang, piece in segments(text))


def carry_marks(pieces: list[str]) -> list[str]:
    """Return consecutive pieces of one text (its paragraphs, say), each starting with
    the language mark in effect where it starts, so each can be read on its own."""
    carried: list[str] = []
    lang: str | None = None
    for piece in pieces:
        carried.append(in_language(piece, lang) if lang and not piece.startswith(
            _MARK_OPEN) else piece)
        for match in _MARK.finditer(piece):
            lang = match.group(1) or None
    return carried


def back_to_document(text: str) -> str:
    """Return ``text`` marked as in the document's language (ending a marked run)."""
    return f"{_MARK_OPEN}{_MARK_CLOSE}{text}"


def pair(first: str, first_tag: str, second: str, second_tag: str) -> str:
    """Return one thing's text in two languages, first language first, each marked, on
    lines of their own; a text the same in both is returned once, unmarked."""
    if strip_marks(first) == strip_marks(second):
        return first
    return (in_language(first, first_tag) + PAIR_BREAK + in_language(second, second_tag)
            + back_to_document(""))


def side_by_side(text: str, separator: str = " / ") -> str:
    """Return a text in two languages on one line, first language first (left), the
    two parted by ``separator``; a text in one language as it is."""
    found = halves(text)
    if found is None:
        return text
    (tag1, first), (tag2, second) = found
    return (in_language(first + separator, tag1) + in_language(second, tag2)
            + back_to_document(""))


def languages_of(text: str) -> list[str]:
    """Return the languages a text is marked in, in order of first use."""
    return list(dict.fromkeys(lang for lang, piece in segments(text) if lang and piece))


def halves(text: str) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """Return ((tag, text), (tag, text)) for a text in two languages, first language
    first, or None for a text in one. Unmarked pieces (a name, " · ") go to both, so
    a line put together from pairs ("A · B") splits into one line per language."""
    found = languages_of(text)
    if len(found) < 2:
        return None
    first, second = found[0], found[1]
    lines: dict[str, list[str]] = {first: [], second: []}
    for lang, piece in segments(text):
        if lang is not None and piece.endswith(PAIR_BREAK):
            piece = piece[: -len(PAIR_BREAK)]
        for tag in ((first, second) if lang is None else (lang,)):
            if tag in lines:
                lines[tag].append(piece)
    return (first, "".join(lines[first]).strip()), (second, "".join(lines[second]).strip())


def regroup(text: str) -> str:
    """Return a text put together from pairs and plain pieces ("A · B") as its first
    language's line, a break, then its second's (each marked); a text in one language,
    or already first language then second, is returned as it is."""
    order = [(lang, piece) for lang, piece in segments(text) if piece.strip()]
    langs = [lang for lang, _piece in order]
    settled = None not in langs and langs == sorted(langs, key=langs.index) and \
        len(set(langs)) == len(list(dict.fromkeys(langs)))
    if settled and all(langs[i] == langs[i + 1] or langs[i + 1] not in langs[:i + 1]
                       for i in range(len(langs) - 1)):
        return text
    found = halves(text)
    if found is None:
        return text
    (tag1, first), (tag2, second) = found
    return in_language(first, tag1) + PAIR_BREAK + in_language(second, tag2) + \
        back_to_document("")


def each_language(text: str, change: Callable[[str], str]) -> str:
    """Return ``change`` applied to each language's text of a pair (or to the text)."""
    found = halves(text)
    if found is None:
        return change(text)
    (tag1, first), (tag2, second) = found
    return pair(change(first), tag1, change(second), tag2)


_TOKEN = re.compile(
    r"(?P<both>\*\*\*(?=\S)(?P<both_text>.+?)(?<=\S)\*\*\*)"
    r"|(?P<bold>\*\*(?=\S)(?P<bold_text>.+?)(?<=\S)\*\*)"
    r"|(?P<italic>(?<![\*\w])\*(?=[^\s*])(?P<italic_text>[^*]+?)(?<=\S)\*(?![\*\w]))"
    r"|(?P<url>https://[^\s<>\"]+)"
)
_URL = re.compile(r"https://[^\s<>\"]+")
_TRAILING_PUNCTUATION = ".,;:!?)]}'’”"


_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?<![.-])")


def contact_spans(text: str) -> tuple[Span, ...]:
    """Return the styled runs of a contact text (`parse_inline`), each email address
    in it a ``mailto:`` link as well as each https:// address."""
    spans: list[Span] = []
    for span in parse_inline(text):
        pos = 0
        for match in ([] if span.href else _EMAIL.finditer(span.text)):
            spans.append(Span(span.text[pos:match.start()], span.bold, span.italic, None,
                              span.lang))
            spans.append(Span(match.group(0), span.bold, span.italic,
                              f"mailto:{match.group(0)}", span.lang))
            pos = match.end()
        spans.append(Span(span.text[pos:], span.bold, span.italic, span.href, span.lang))
    return tuple(_merge(spans))


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
    addresses become links. Unmatched asterisks stay as they are. Each run of a
    text marked with a language (`in_language`) carries it as ``lang``. Straight
    quotes and apostrophes become curly ones, links' text apart (see `curly_spans`).
    """
    if _MARK_OPEN in text:
        return curly_spans(_merge([
            Span(s.text, s.bold, s.italic, s.href, lang)
            for lang, piece in segments(regroup(text)) for s in _parse(piece)]))
    return curly_spans(_parse(text))


def _parse(text: str) -> tuple[Span, ...]:
    """Return the styled runs of a text without language marks."""
    spans: list[Span] = []
    pos = 0
    for match in _TOKEN.finditer(text):
        if match.start() > pos:
            spans.extend(_links(text[pos : match.start()], False, False))
        if match.group("both"):
            spans.extend(_links(match.group("both_text"), True, True))
        elif match.group("bold"):
            for span in _parse(match.group("bold_text")):
                spans.append(Span(span.text, True, span.italic, span.href))
        elif match.group("italic"):
            spans.extend(_links(match.group("italic_text"), False, True))
        else:
            spans.extend(_links(match.group("url"), False, False))
        pos = match.end()
    if pos < len(text):
        spans.extend(_links(text[pos:], False, False))
    return tuple(_merge(spans))


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
            and (last.bold, last.italic, last.lang) == (span.bold, span.italic, span.lang)
        ):
            merged[-1] = Span(last.text + span.text, last.bold, last.italic, None, last.lang)
        else:
            merged.append(span)
    return merged


def unstyled(text: str) -> str:
    """Return ``text`` without its inline markup, its language marks kept."""
    if _MARK_OPEN not in text:
        return plain_text(text)
    return "".join(in_language(s.text, s.lang) if s.lang else back_to_document(s.text)
                   for s in parse_inline(text)) + back_to_document("")


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
        out.append(Span(curled[at: at + len(span.text)], span.bold, span.italic, span.href,
                        span.lang))
        at += len(span.text)
    return tuple(out)
