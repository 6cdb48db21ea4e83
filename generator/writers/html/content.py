"""Outline text as HTML: inline markup, multi-line texts, pictures as data: URIs.

Text marked with a language (make-deck's own words in another language than the
page's, each half of a bilingual pair) becomes ``<span lang>``; the two halves of
a pair stand on lines of their own, first language first, the same size and weight.
Every function but `attribute_text` returns `Markup` (already escaped).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup, escape

from generator.markup import (
    PAIR_BREAK,
    Span,
    carry_marks,
    contact_spans,
    parse_inline,
    plain_text,
    side_by_side,
    strip_marks,
)
from generator.text import text_blocks

MIME = {"png": "image/png", "jpeg": "image/jpeg", "gif": "image/gif"}


def inline(text: str | None, links: bool = True) -> Markup:
    """Return outline text with ``**bold**``, ``*italic*`` and (unless not ``links``)
    its links as HTML."""
    if not text:
        return Markup("")
    return _html(parse_inline(text), links)


def contact(text: str | None) -> Markup:
    """Return a contact text as HTML, as `inline`, its email addresses ``mailto:`` links."""
    return _html(contact_spans(text), True) if text else Markup("")


def _html(spans: tuple[Span, ...], links: bool) -> Markup:
    """Return styled runs as HTML (links kept when ``links``)."""
    out = []
    for span in spans:
        piece = escape(span.text)
        if span.italic:
            piece = Markup("<em>%s</em>") % piece
        if span.bold:
            piece = Markup("<strong>%s</strong>") % piece
        if span.href and links:
            piece = Markup('<a href="%s">%s</a>') % (span.href, piece)
        if span.lang:
            piece, pair_break = _pair_break(piece)
            piece = Markup('<span lang="%s">%s</span>%s') % (span.lang, piece, pair_break)
        out.append(piece)
    return Markup("").join(out)


def _pair_break(piece: Markup) -> tuple[Markup, Markup]:
    """Return a marked run without the break ending a pair's first half, and the
    ``<br>`` that stands for it (or nothing)."""
    if piece.endswith(PAIR_BREAK):
        return Markup(piece[: -len(PAIR_BREAK)]), Markup("<br>")
    return piece, Markup("")


def attribute_text(text: str | None) -> str:
    """Return outline text or make-deck's words as plain text for an attribute or a
    title (which cannot mark languages): a pair as "Welsh / English" on one line."""
    if not text:
        return ""
    return plain_text(strip_marks(side_by_side(text)))


def nolinks(text: str | None) -> Markup:
    """Return outline text as `inline` does, but with links as plain text (for use
    inside a link of our own)."""
    return inline(text, links=False)


def blocks(text: str | None) -> Markup:
    """Return a multi-line text as paragraphs, its ``- `` and ``1. `` lines as lists."""
    if not text:
        return Markup("")
    out: list[Markup] = []
    open_list: str | None = None
    found = text_blocks(text)
    for block, marked in zip(found, carry_marks([b.text for b in found]), strict=True):
        tag = {"bullet": "ul", "number": "ol"}.get(block.kind)
        if tag != open_list:
            if open_list:
                out.append(Markup(f"</{open_list}>"))
            if tag:
                out.append(Markup(f"<{tag}>"))
            open_list = tag
        if tag:
            value = Markup(' value="%s"') % block.number if block.number else Markup("")
            out.append(Markup("<li%s>%s</li>") % (value, inline(marked)))
        else:
            out.append(Markup("<p>%s</p>") % inline(marked))
    if open_list:
        out.append(Markup(f"</{open_list}>"))
    return Markup("\n").join(out)


@lru_cache(maxsize=64)
def _data_uri(path: Path, kind: str, size: int, mtime: float) -> str:
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return f"data:{MIME.get(kind, 'application/octet-stream')};base64,{data}"


def data_uri(path: Path, kind: str) -> str:
    """Return the picture at ``path`` as a ``data:`` URI (``kind``: png, jpeg or gif)."""
    stat = path.stat()
    return _data_uri(path, kind, stat.st_size, stat.st_mtime)


@dataclass(frozen=True, slots=True)
class Picture:
    """A picture ready for an ``<img>``: its data URI and pixel size."""

    src: str
    width: int
    height: int
