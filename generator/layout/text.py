"""Text layout: wrap paragraphs into lines, stack them, and find a font size that fits.

Geometry (all lengths in pt). At font size ``s`` with a `TextStyle`:

* every line is exactly ``s * line_height`` tall (the writers set exact line
  spacing), and every paragraph but the first has ``s * space_before`` above it;
* a paragraph at level ``L`` has a left margin of ``L * level_indent * s``, plus
  ``bullet_indent * s`` when it has a bullet, which then hangs ``bullet_indent * s``
  to the left of the text (see `paragraph_indent`);
* lines are wrapped against ``width * WIDTH_SAFETY`` minus the left margin.

The writers must draw exactly the lines computed here: the PDF writer line by line,
the PowerPoint writer from `paragraph_runs`, which re-joins soft-wrapped lines with
one space and marks where explicit line breaks go.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.layout.linebreak import Prepared, break_lines, line_count, prepare
from generator.markup import Span, parse_inline

WIDTH_SAFETY = 0.95
"""Fraction of the box width that lines are wrapped against.

Covers renderer differences we do not model: kerning, hinting, justification and
rounding in PowerPoint and LibreOffice. With it, a renderer's own wrapping never
needs more lines than ours.
"""

HEIGHT_TOLERANCE = 1e-9
"""Slack (pt) in height comparisons, absorbing floating-point rounding only."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of styled text, optionally a bullet at an indent level."""

    spans: tuple[Span, ...]
    level: int = 0
    bullet: bool = False

    @classmethod
    def from_markup(cls, text: str, level: int = 0, bullet: bool = False) -> Paragraph:
        """Return a paragraph from outline text with inline markup (see `parse_inline`)."""
        return cls(parse_inline(text), level, bullet)

    @property
    def text(self) -> str:
        """Return the plain text of the paragraph."""
        return "".join(span.text for span in self.spans)


def run_on(paragraphs: Sequence[Paragraph], between: str = " · ") -> list[Paragraph]:
    """Return ``paragraphs`` run on as one paragraph, parted by ``between`` (two short
    lines that may then share a line); ``paragraphs`` as they are when there are fewer
    than two or any holds a line break (a bilingual pair's two languages)."""
    if len(paragraphs) < 2 or any("\n" in p.text for p in paragraphs):
        return list(paragraphs)
    spans: list[Span] = []
    for index, paragraph in enumerate(paragraphs):
        spans += [Span(between)] * bool(index) + list(paragraph.spans)
    first = paragraphs[0]
    return [Paragraph(tuple(spans), first.level, first.bullet)]


@dataclass(frozen=True, slots=True)
class TextStyle:
    """Vertical rhythm and indents, as multiples of the font size (ems)."""

    line_height: float = 1.2
    space_before: float = 0.4
    level_indent: float = 1.0
    bullet_indent: float = 0.9


DEFAULT_STYLE = TextStyle()
"""The default text style (immutable, shared)."""


@dataclass(frozen=True, slots=True)
class Line:
    """The text of one line.

    ``width`` is the measured width in pt. ``hard_break`` is True when the writer
    must end the line with an explicit line break: the line ends inside a word too
    long for a line, or at a ``\\n`` of the source text.
    """

    spans: tuple[Span, ...]
    width: float
    hard_break: bool

    @property
    def text(self) -> str:
        """Return the plain text of the line."""
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True, slots=True)
class FittedParagraph:
    """A paragraph and the lines it was broken into."""

    paragraph: Paragraph
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class FittedText:
    """Paragraphs laid out at one size.

    ``height`` is the stacked height in pt; ``line_height`` and ``space_before`` are
    resolved to pt for ``size``. ``fits`` is False when a line is wider than the box
    (a single character wider than the line), or, from `fit_text`, `split_to_fit` and
    `single_line_fit`, when the text does not fit at all.
    """

    size: float
    paragraphs: tuple[FittedParagraph, ...]
    height: float
    fits: bool
    line_height: float
    space_before: float

    @property
    def line_count(self) -> int:
        """Return the number of lines over all paragraphs."""
        return sum(len(p.lines) for p in self.paragraphs)


def paragraph_indent(p: Paragraph, size: float, style: TextStyle) -> tuple[float, float]:
    """Return (left margin, hanging indent) in pt for a paragraph at ``size``.

    The text of every line starts at the left margin; a bullet sits the hanging
    indent to the left of it (PowerPoint ``marL`` and ``indent=-hanging``).
    """
    hanging = style.bullet_indent * size if p.bullet else 0.0
    return p.level * style.level_indent * size + hanging, hanging


def _indent_em(p: Paragraph, style: TextStyle) -> float:
    """Return the left margin of a paragraph in ems."""
    return p.level * style.level_indent + (style.bullet_indent if p.bullet else 0.0)


def _avail_em(p: Paragraph, width: float, size: float, style: TextStyle) -> float:
    """Return the width lines of ``p`` are wrapped against, in ems of ``size``."""
    if size <= 0:
        raise ValueError(f"font size must be positive, got {size}")
    # Computed exactly as in `_fits_at`, so fitting and layout break lines identically.
    return width * WIDTH_SAFETY / size - _indent_em(p, style)


def _lines(prepared: Prepared, avail_em: float, size: float) -> tuple[Line, ...]:
    """Return the lines of a prepared paragraph as `Line` objects at ``size``."""
    return tuple(
        Line(prepared.pieces(start, end), em * size, hard)
        for start, end, em, hard in break_lines(prepared, avail_em)
    )


def wrap(
    paragraph: Paragraph, width: float, size: float, style: TextStyle = DEFAULT_STYLE
) -> tuple[Line, ...]:
    """Return the lines of ``paragraph`` wrapped into a box ``width`` pt wide at ``size``.

    Greedy, like PowerPoint and LibreOffice: words go on a line while they fit in
    ``width * WIDTH_SAFETY`` minus the left margin; a word wider than a whole line is
    cut at character level (``hard_break``). An empty paragraph is one empty line.
    """
    avail = _avail_em(paragraph, width, size, style)
    return _lines(prepare(paragraph.spans), avail, size)


def _stack_height(lines: int, paragraphs: int, size: float, style: TextStyle) -> float:
    """Return the height of ``lines`` lines in ``paragraphs`` paragraphs at ``size``."""
    if paragraphs == 0:
        return 0.0
    return lines * size * style.line_height + (paragraphs - 1) * size * style.space_before


def layout_text(
    paragraphs: Sequence[Paragraph], width: float, size: float, style: TextStyle = DEFAULT_STYLE
) -> FittedText:
    """Return ``paragraphs`` wrapped at ``size`` with their stacked height.

    ``fits`` only says whether every line fits the width; heights are for the caller
    (or `fit_text`) to judge.
    """
    fitted: list[FittedParagraph] = []
    fits = True
    for p in paragraphs:
        avail = _avail_em(p, width, size, style)
        lines = _lines(prepare(p.spans), avail, size)
        limit = avail * size * (1 + 1e-12)
        if any(line.width > limit for line in lines):
            fits = False
        fitted.append(FittedParagraph(p, lines))
    total = sum(len(p.lines) for p in fitted)
    return FittedText(
        size=size,
        paragraphs=tuple(fitted),
        height=_stack_height(total, len(fitted), size, style),
        fits=fits,
        line_height=size * style.line_height,
        space_before=size * style.space_before,
    )


def text_height(
    paragraphs: Sequence[Paragraph], width: float, size: float, style: TextStyle = DEFAULT_STYLE
) -> float:
    """Return the stacked height in pt of ``paragraphs`` wrapped to ``width`` at ``size``."""
    return layout_text(paragraphs, width, size, style).height


def candidate_sizes(max_size: float, min_size: float, step: float = 1.0) -> tuple[float, ...]:
    """Return the sizes tried by `fit_text`: max_size, max_size - step, ... and min_size last."""
    if step <= 0 or min_size <= 0 or max_size < min_size:
        raise ValueError(f"bad size range {max_size}..{min_size} step {step}")
    sizes: list[float] = []
    k = 0
    while (size := round(max_size - k * step, 6)) >= min_size - 1e-9:
        sizes.append(size)
        k += 1
    if sizes[-1] > min_size + 1e-9:
        sizes.append(min_size)
    return tuple(sizes)


def _fits_at(
    items: Sequence[tuple[Prepared, float]], width: float, height: float, size: float,
    style: TextStyle, max_lines: int | None = None,
) -> bool:
    """Return True when the prepared paragraphs fit ``width`` x ``height`` at ``size``."""
    base = width * WIDTH_SAFETY / size
    pitch = size * style.line_height
    gap = size * style.space_before
    total = 0
    for index, (prepared, indent) in enumerate(items):
        count, overflow = line_count(prepared, base - indent)
        total += count
        if overflow or (max_lines is not None and total > max_lines):
            return False
        if total * pitch + index * gap > height + HEIGHT_TOLERANCE:
            return False
    return _stack_height(total, len(items), size, style) <= height + HEIGHT_TOLERANCE


def fit_text(
    paragraphs: Sequence[Paragraph],
    width: float,
    height: float,
    max_size: float,
    min_size: float,
    step: float = 1.0,
    style: TextStyle = DEFAULT_STYLE,
) -> FittedText:
    """Return the layout at the largest candidate size that fits ``width`` x ``height``.

    Candidates are `candidate_sizes` (max_size down in ``step``s, min_size last),
    tried from the top, so the result is the largest fitting size without assuming
    that height shrinks with size. When even min_size does not fit, returns the
    min_size layout with ``fits=False``.
    """
    items = [(prepare(p.spans), _indent_em(p, style)) for p in paragraphs]
    for size in candidate_sizes(max_size, min_size, step):
        if _fits_at(items, width, height, size, style):
            return layout_text(paragraphs, width, size, style)
    return replace(layout_text(paragraphs, width, min_size, style), fits=False)


def single_line_fit(
    spans: tuple[Span, ...],
    width: float,
    max_size: float,
    min_size: float,
    step: float = 1.0,
    style: TextStyle = DEFAULT_STYLE,
) -> FittedText:
    """Return the layout of ``spans`` at the largest candidate size where it is one line.

    For titles. When no candidate gives a single line, returns the (wrapped)
    min_size layout with ``fits=False``.
    """
    paragraph = Paragraph(spans)
    items = [(prepare(spans), 0.0)]
    for size in candidate_sizes(max_size, min_size, step):
        if _fits_at(items, width, float("inf"), size, style, max_lines=1):
            return layout_text([paragraph], width, size, style)
    return replace(layout_text([paragraph], width, min_size, style), fits=False)


def split_to_fit(
    paragraphs: Sequence[Paragraph],
    width: float,
    height: float,
    size: float,
    style: TextStyle = DEFAULT_STYLE,
) -> tuple[tuple[Paragraph, ...], tuple[Paragraph, ...]]:
    """Return (the longest prefix of whole paragraphs that fits at ``size``, the rest).

    When even the first paragraph does not fit on its own it is returned alone as the
    prefix; the caller can check that with `fit_text` or `layout_text`.
    """
    items = [(prepare(p.spans), _indent_em(p, style)) for p in paragraphs]
    taken = 0
    while taken < len(items) and _fits_at(items[: taken + 1], width, height, size, style):
        taken += 1
    taken = max(taken, min(1, len(items)))
    return tuple(paragraphs[:taken]), tuple(paragraphs[taken:])


def paragraph_runs(fitted: FittedParagraph) -> tuple[Span | None, ...]:
    """Return the runs a PowerPoint writer emits for a fitted paragraph.

    Lines are joined in order: a soft-wrapped line is followed by one space (styled
    like the text before it, never a link), a hard-broken line by ``None``, which
    stands for an explicit line break (``<a:br/>``). Neighbouring runs of the same
    style without a link are merged.
    """
    runs: list[Span | None] = []
    for index, line in enumerate(fitted.lines):
        if index:
            previous = fitted.lines[index - 1]
            if previous.hard_break or not previous.spans:
                runs.append(None)
            else:
                last = previous.spans[-1]
                runs.append(Span(" ", last.bold, last.italic, None, last.lang))
        runs.extend(line.spans)
    merged: list[Span | None] = []
    for run in runs:
        last_run = merged[-1] if merged else None
        if (
            run is not None
            and last_run is not None
            and run.href is None
            and last_run.href is None
            and (run.bold, run.italic, run.lang) == (last_run.bold, last_run.italic, last_run.lang)
        ):
            merged[-1] = Span(last_run.text + run.text, run.bold, run.italic, None, run.lang)
        else:
            merged.append(run)
    return tuple(merged)
