"""Size-independent preparation of a paragraph and greedy line breaking.

A paragraph is measured once in ems (widths at a font size of 1 pt); breaking it
at any size is then arithmetic only. `prepare` is cached, so fitting the same text
at many sizes, or laying out the same bullet twice, measures it once.

Break rules (a subset of what PowerPoint and LibreOffice allow, so a renderer never
needs more lines than we do):

* a line may end at a run of ASCII spaces, which is dropped at the break;
  but not before closing punctuation (``) ] } ! ? , . ; : /``, closing quotes
  such as ``” ’ »``) nor after opening punctuation (``( [ { ¡ ¿``, opening quotes
  such as ``“ ‘ «``), which Unicode line breaking forbids even across spaces;
  other spaces (no-break, thin, ...) never break a line here;
* ``\\n`` ends a line (``\\r\\n``, ``\\r``, ``\\v``, U+2028 and U+2029 count as ``\\n``;
  tabs are measured and written as one space);
* a word wider than a whole line starts on a line of its own and is cut at
  character level (never before a combining mark or inside a joiner sequence);
  such lines are "hard": the writer inserts an explicit break there.
  Words glued by the punctuation rule count as one word here (a cut at one of
  their spaces drops the spaces).

Spaces at the start and end of each line are dropped; runs of spaces inside a line
are kept as they are.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from generator.layout.fonts import MEASURED_FAMILIES, metrics
from generator.markup import Span

_NEWLINES = re.compile(r"\r\n|[\r\v\u2028\u2029]")
_WORD = re.compile(r"[^ ]+")
_WORD_JOINERS = "\u2060\ufeff"
_NO_BREAK_BEFORE = frozenset("!?,.;:/)]}\u203c\u2047\u2048\u2049\u203d" + _WORD_JOINERS)
_NO_BREAK_AFTER = frozenset("([{\u00a1\u00bf" + _WORD_JOINERS)
_GLUE = frozenset("\u200d\u034f")  # zero-width joiner, combining grapheme joiner

RawLine = tuple[int, int, float, bool]
"""A broken line: (start offset, end offset, width in ems, hard break)."""


def normalize(text: str) -> str:
    """Return ``text`` with line-break variants as ``\\n`` and tabs as spaces."""
    return _NEWLINES.sub("\n", text).replace("\t", " ")


def _no_break_before(char: str) -> bool:
    """Return True when a line must not start with ``char`` after a space.

    Closing brackets and punctuation, closing quotation marks and word joiners
    (Unicode line breaking rules LB11, LB13 and LB15b).
    """
    return char in _NO_BREAK_BEFORE or unicodedata.category(char) in ("Pe", "Pf")


def _no_break_after(char: str) -> bool:
    """Return True when a line must not end with ``char`` before a space.

    Opening brackets, opening quotation marks and word joiners (LB11, LB14, LB15a).
    """
    return char in _NO_BREAK_AFTER or unicodedata.category(char) in ("Ps", "Pi")


def _sticks_to_previous(text: str, pos: int) -> bool:
    """Return True when a character-level cut before ``text[pos]`` would split a cluster."""
    char = text[pos]
    return (
        unicodedata.combining(char) != 0
        or unicodedata.category(char) in ("Mn", "Me")
        or char in _GLUE
        or "\ufe00" <= char <= "\ufe0f"
        or text[pos - 1] in _GLUE
    )


@dataclass(slots=True, eq=False)
class Prepared:
    """A paragraph measured in ems, ready to be broken at any width.

    ``prefix[i]`` is the width in ems of ``text[:i]``. ``segments`` holds, per
    ``\\n``-separated segment, its start offset, whether a ``\\n`` ends it, and its
    units ``(gap_em, word_start, word_end, word_em)``, where ``gap_em`` is the width
    of the spaces before the word.
    """

    text: str
    starts: tuple[int, ...]
    spans: tuple[Span, ...]
    prefix: list[float]
    segments: tuple[tuple[int, bool, tuple[tuple[float, int, int, float], ...]], ...]
    _clusters: dict[int, tuple[tuple[float, int, int, float], ...]] = field(
        default_factory=dict
    )

    def em_width(self, start: int, end: int) -> float:
        """Return the width in ems of ``text[start:end]``, each span in its own face."""
        return self.prefix[end] - self.prefix[start]

    def pieces(self, start: int, end: int) -> tuple[Span, ...]:
        """Return ``text[start:end]`` as spans keeping each source span's style and link."""
        result: list[Span] = []
        index = bisect_right(self.starts, start) - 1
        while start < end:
            stop = min(end, self.starts[index + 1])
            span = self.spans[index]
            result.append(Span(self.text[start:stop], span.bold, span.italic, span.href,
                               span.lang))
            start = stop
            index += 1
        return tuple(result)

    def clusters(self, start: int, end: int) -> tuple[tuple[float, int, int, float], ...]:
        """Return the character clusters of a word as (gap_em, start, end, width_em).

        ``gap_em`` is the width of the spaces before the cluster (only words glued
        by the punctuation rule contain spaces); a cut drops them like a soft break.
        """
        cached = self._clusters.get(start)
        if cached is not None:
            return cached
        result: list[tuple[float, int, int, float]] = []
        gap = 0.0
        prefix = self.prefix
        for pos in range(start, end):
            advance = prefix[pos + 1] - prefix[pos]
            if self.text[pos] == " ":
                gap += advance
            elif result and not gap and _sticks_to_previous(self.text, pos):
                last_gap, last_start, _, last_width = result[-1]
                result[-1] = (last_gap, last_start, pos + 1, last_width + advance)
            else:
                result.append((gap, pos, pos + 1, advance))
                gap = 0.0
        cached = tuple(result)
        self._clusters[start] = cached
        return cached


def _units(text: str, seg_start: int, seg_end: int) -> list[list[int]]:
    """Return the unbreakable units of one segment as [word_start, word_end, gap_start]."""
    units: list[list[int]] = []
    for match in _WORD.finditer(text, seg_start, seg_end):
        start, end = match.span()
        if units and (_no_break_before(text[start]) or _no_break_after(text[units[-1][1] - 1])):
            units[-1][1] = end
        else:
            gap_start = units[-1][1] if units else start
            units.append([start, end, gap_start])
    return units


def prepare(spans: tuple[Span, ...]) -> Prepared:
    """Return the measured, size-independent form of a paragraph's spans (cached), in
    the families being measured for (see `generator.layout.measure.measuring`)."""
    return _prepare(spans, MEASURED_FAMILIES.get())


@lru_cache(maxsize=4096)
def _prepare(spans: tuple[Span, ...], families: tuple[str, ...]) -> Prepared:
    """Return the measured form of ``spans`` (``families`` keys the cache only: `metrics`
    reads them)."""
    kept = [Span(normalize(s.text), s.bold, s.italic, s.href, s.lang) for s in spans if s.text]
    text = "".join(s.text for s in kept)
    starts: list[int] = []
    advances: list[float] = []
    for span in kept:
        starts.append(len(advances))
        advances.extend(metrics(span.bold, span.italic).advances_em(span.text))
    starts.append(len(advances))
    prepared = Prepared(
        text=text,
        starts=tuple(starts),
        spans=tuple(kept),
        prefix=[0.0, *accumulate(advances)],
        segments=(),
    )
    segments = []
    seg_start = 0
    while True:
        newline = text.find("\n", seg_start)
        seg_end = len(text) if newline < 0 else newline
        units = tuple(
            (prepared.em_width(gap, start), start, end, prepared.em_width(start, end))
            for start, end, gap in _units(text, seg_start, seg_end)
        )
        segments.append((seg_start, newline >= 0, units))
        if newline < 0:
            break
        seg_start = newline + 1
    prepared.segments = tuple(segments)
    return prepared


def break_lines(prepared: Prepared, avail_em: float) -> list[RawLine]:
    """Return the greedy line breaks of a prepared paragraph for a line ``avail_em`` wide.

    A line is wider than ``avail_em`` only when a single character cluster is.
    """
    lines: list[RawLine] = []
    append = lines.append
    for seg_start, newline, units in prepared.segments:
        line_start = line_end = seg_start
        width = 0.0
        open_line = False
        for gap_em, start, end, word_em in units:
            if open_line:
                if width + gap_em + word_em <= avail_em:
                    width += gap_em + word_em
                    line_end = end
                    continue
                append((line_start, line_end, width, False))
            if word_em <= avail_em:
                line_start, line_end, width = start, end, word_em
                open_line = True
                continue
            # Too wide for any line: cut between character clusters, filling each line.
            open_line = False
            for gap, piece_start, piece_end, advance in prepared.clusters(start, end):
                if open_line:
                    if width + gap + advance <= avail_em:
                        width += gap + advance
                        line_end = piece_end
                        continue
                    append((line_start, line_end, width, True))
                line_start, line_end, width = piece_start, piece_end, advance
                open_line = True
        append((line_start, line_end, width, newline))
    return lines


def line_count(prepared: Prepared, avail_em: float) -> tuple[int, bool]:
    """Return (number of lines, whether a line overflows) for a line ``avail_em`` wide."""
    lines = break_lines(prepared, avail_em)
    limit = avail_em * (1 + 1e-12)
    return len(lines), any(line[2] > limit for line in lines)
