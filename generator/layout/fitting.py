"""Fitting helpers shared by the slide builders: text in a box, bullets over slides."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.layout.frames import INSET_X, INSET_Y
from generator.layout.geometry import Box, Placeholder
from generator.layout.text import FittedText, Paragraph, TextStyle, fit_text, split_to_fit
from generator.markup import PAIR_BREAK, carry_marks, languages_of, regroup
from generator.model import Bullet


class DoesNotFit(Exception):
    """Text does not fit its box even at the smallest allowed size."""

    def __init__(self, slot: str, size: float) -> None:
        super().__init__(f"{slot} does not fit at {size:g} pt")
        self.slot = slot
        self.size = size


@dataclass(frozen=True, slots=True)
class SizeRange:
    """Sizes to try: ``preferred`` down to ``minimum``, then on to ``floor`` if allowed."""

    preferred: float
    minimum: float
    floor: float

    def strict(self) -> SizeRange:
        """Return this range without going below ``minimum``."""
        return SizeRange(self.preferred, self.minimum, self.minimum)


def inner(box: Box, factor: float = 1.0) -> Box:
    """Return the part of a text box that text may use (inside its insets).

    ``factor`` > 1 narrows it for a font that may set text wider than the one we
    measure with; the deck's layout passes 1, as its faces carry any margin (see
    `generator.layout.measure`).
    """
    area = box.inset(INSET_X, INSET_Y, INSET_X, INSET_Y)
    return Box(area.x, area.y, area.w / factor, area.h)


def fit_in_box(
    paragraphs: Sequence[Paragraph], box: Box, sizes: SizeRange, style: TextStyle, slot: str,
    factor: float = 1.0,
) -> FittedText:
    """Return ``paragraphs`` fitted into ``box``, shrinking as far as ``sizes.floor``.

    Raises `DoesNotFit` when even the floor size overflows the box.
    """
    area = inner(box, factor)
    fitted = fit_text(paragraphs, area.w, area.h, sizes.preferred, sizes.minimum, 1.0, style)
    if fitted.fits:
        return fitted
    if sizes.floor < sizes.minimum:
        fitted = fit_text(paragraphs, area.w, area.h, sizes.minimum, sizes.floor, 1.0, style)
        if fitted.fits:
            return fitted
    raise DoesNotFit(slot, sizes.floor)


def ends_above(fitted: FittedText, box: Box, limit: float, anchor: str = "t",
               gaps: Sequence[float] = ()) -> bool:
    """Return True when ``fitted``, set in ``box`` (its insets and the ``gaps`` added
    above its paragraphs included, anchored at its top, middle ``ctr`` or bottom
    ``b``), ends at or above the y ``limit``."""
    tall = fitted.height + sum(gaps) + 2 * INSET_Y
    top = {"ctr": box.y + (box.h - tall) / 2, "b": box.bottom - tall}.get(anchor, box.y)
    return top + tall <= limit + 1e-6


def _above_corner(
    paragraphs: Sequence[Paragraph], placeholder: Placeholder, sizes: SizeRange,
    style: TextStyle, slot: str, factor: float, anchor: str = "t",
) -> tuple[FittedText, Box] | None:
    """Return ``paragraphs`` fitted into ``placeholder``'s full width and that box, where
    it was narrowed beside something in its lower corner (see `Placeholder.wider`) and
    the text fitted there ends above that thing (a top-anchored box then cut to end
    there too); None elsewhere."""
    full = placeholder.wider()
    if full is None or placeholder.clear_above is None:
        return None
    try:
        fitted = fit_in_box(paragraphs, full, sizes, style, slot, factor)
    except DoesNotFit:
        return None
    if not ends_above(fitted, full, placeholder.clear_above, anchor):
        return None
    if anchor == "t":  # its box ends above the thing too, for what is typed in later
        full = Box(full.x, full.y, full.w, placeholder.clear_above - full.y)
    return fitted, full


def fit_clear_of_corner(
    paragraphs: Sequence[Paragraph], placeholder: Placeholder, sizes: SizeRange,
    style: TextStyle, slot: str, factor: float = 1.0, anchor: str = "t",
) -> tuple[FittedText, Box]:
    """Return ``paragraphs`` fitted into ``placeholder`` and the box they were fitted in:
    its full width where it was narrowed beside something in its lower corner and the
    text fitted there (set at ``anchor``) ends above that thing, else its own box. Only
    a placeholder narrowed so costs a second fit.

    Raises `DoesNotFit` when the text does not fit its own box (see `fit_in_box`).
    """
    found = _above_corner(paragraphs, placeholder, sizes, style, slot, factor, anchor)
    if found is not None:
        return found
    return fit_in_box(paragraphs, placeholder.box, sizes, style, slot, factor), placeholder.box


def split_clear_of_corner(
    paragraphs: Sequence[Paragraph], placeholder: Placeholder, sizes: SizeRange,
    style: TextStyle, slot: str, factor: float = 1.0,
) -> tuple[list[FittedText], Box]:
    """Return the paragraphs on one slide in ``placeholder``'s full width, and that box,
    where it was narrowed beside something in its lower corner and they fit there (at
    the sizes one slide may take) ending above that thing; else `split_over_slides` in
    its own box, and that box."""
    found = _above_corner(paragraphs, placeholder, sizes.strict(), style, slot, factor)
    if found is not None:
        return [found[0]], found[1]
    box = placeholder.box
    return split_over_slides(paragraphs, box, sizes, style, slot, factor), box


def fit_common(
    groups: Sequence[Sequence[Paragraph]], boxes: Sequence[Box], sizes: SizeRange,
    style: TextStyle, slot: str, factor: float = 1.0,
) -> list[FittedText]:
    """Return each group fitted into its box, all at one size (the smallest any needs)."""
    first = [fit_in_box(g, b, sizes, style, slot, factor)
             for g, b in zip(groups, boxes, strict=True)]
    common = min(f.size for f in first)
    return [fit_exact(g, b, common, style, factor) for g, b in zip(groups, boxes, strict=True)]


def fit_exact(paragraphs: Sequence[Paragraph], box: Box, size: float,
              style: TextStyle, factor: float = 1.0) -> FittedText:
    """Return ``paragraphs`` laid out at exactly ``size`` in ``box``."""
    area = inner(box, factor)
    return fit_text(paragraphs, area.w, area.h, size, size, 1.0, style)


def split_over_slides(
    paragraphs: Sequence[Paragraph], box: Box, sizes: SizeRange, style: TextStyle, slot: str,
    factor: float = 1.0,
) -> list[FittedText]:
    """Return the paragraphs fitted on as few slides as they need, all at one size.

    Shrinks within the theme's range first; what still does not fit continues on
    following slides. A single paragraph too big for a slide even at the floor size
    raises `DoesNotFit`.
    """
    try:
        return [fit_in_box(paragraphs, box, sizes.strict(), style, slot, factor)]
    except DoesNotFit:
        pass
    area = inner(box, factor)
    chunks: list[tuple[Paragraph, ...]] = []
    rest: tuple[Paragraph, ...] = tuple(paragraphs)
    while rest:
        chunk, rest = split_to_fit(rest, area.w, area.h, sizes.minimum, style)
        chunks.append(chunk)
    chunks = _no_lone_item(chunks, area, sizes.minimum, style)
    fitted = [fit_in_box(chunk, box, sizes, style, slot, factor) for chunk in chunks]
    common = min(f.size for f in fitted)
    return [fit_exact(chunk, box, common, style, factor) for chunk in chunks]


def _no_lone_item(chunks: list[tuple[Paragraph, ...]], area: Box, size: float,
                  style: TextStyle) -> list[tuple[Paragraph, ...]]:
    """Return ``chunks`` with items moved forward from the slide before wherever a
    continuation slide would hold one item alone (or a slide would end on a heading),
    or open on a sub-bullet whose parent is on the slide before (the parent and its
    sub-bullets move on together), as long as the items still fit."""
    chunks = list(chunks)
    for index in range(1, len(chunks)):
        before, after = chunks[index - 1], chunks[index]
        while len(before) > 2 and (len(after) < 2 or not before[-1].bullet):
            moved = (before[-1], *after)
            if not fit_text(moved, area.w, area.h, size, size, 1.0, style).fits:
                break
            before, after = before[:-1], moved
        kept, carried = before, after
        while len(kept) > 2 and carried and carried[0].level > 0:
            kept, carried = kept[:-1], (kept[-1], *carried)
        if carried and carried[0].level == 0 and carried != after and \
                fit_text(carried, area.w, area.h, size, size, 1.0, style).fits:
            before, after = kept, carried
        chunks[index - 1], chunks[index] = before, after
    return chunks


def bullet_paragraphs(bullets: Sequence[Bullet], level: int = 0) -> list[Paragraph]:
    """Return nested bullets flattened into bullet paragraphs with their levels."""
    paragraphs: list[Paragraph] = []
    for bullet in bullets:
        paragraphs.append(Paragraph.from_markup(bullet.text, min(level, 4), True))
        paragraphs.extend(bullet_paragraphs(bullet.children, level + 1))
    return paragraphs


def plain_paragraphs(text: str, bold: bool = False) -> list[Paragraph]:
    """Return a text value as paragraphs (blank lines separate them), optionally bold."""
    paragraphs: list[Paragraph] = []
    for block in carry_marks(regroup(text).strip().split("\n\n")):
        paragraph = Paragraph.from_markup(PAIR_BREAK.join(
            " ".join(line.split()) for line in block.split(PAIR_BREAK)) if languages_of(block)
            else " ".join(block.split()))
        if bold:
            paragraph = Paragraph(
                tuple(type(s)(s.text, True, s.italic, s.href, s.lang) for s in paragraph.spans)
            )
        paragraphs.append(paragraph)
    return paragraphs
