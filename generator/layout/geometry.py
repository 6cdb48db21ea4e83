"""Boxes and the deck's geometry as plain data, in points.

The template reader (a writer-side module, since it needs python-pptx) turns the
deck template into a `DeckGeometry`; the layout engine fits text into its boxes.
"""

from __future__ import annotations

from dataclasses import dataclass

EMU_PER_POINT = 12700


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle: left and top edges, width and height, in points."""

    x: float
    y: float
    w: float
    h: float

    @property
    def bottom(self) -> float:
        """Return the y of the bottom edge."""
        return self.y + self.h

    @property
    def right(self) -> float:
        """Return the x of the right edge."""
        return self.x + self.w

    def across(self, other: Box) -> float:
        """Return how far this box and ``other`` overlap from left to right (negative
        where there is a gap between them)."""
        return min(self.right, other.right) - max(self.x, other.x)

    def down(self, other: Box) -> float:
        """Return how far this box and ``other`` overlap from top to bottom (negative
        where there is a gap between them)."""
        return min(self.bottom, other.bottom) - max(self.y, other.y)

    def overlaps(self, other: Box, by: float = 0.0) -> bool:
        """Return True when this box and ``other`` overlap by more than ``by`` both
        across and down."""
        return self.across(other) > by and self.down(other) > by

    def inset(self, left: float, top: float, right: float, bottom: float) -> Box:
        """Return this box shrunk by the given insets."""
        return Box(self.x + left, self.y + top, self.w - left - right, self.h - top - bottom)


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A placeholder of a template layout: its kind (``title``, ``body``...), idx and box.

    ``idx`` is None for a body the layout lacks, which the writer adds as a text box.
    The rest is read from an organisation's template (None where unknown): whether
    the box grows with its text (``spAutoFit``), the colour its text is set in and
    the colour under it (``RRGGBB``), its typeface and size (points) from the
    master's text styles; ``recolour`` is the scheme slot (``bg1``...) make-deck sets
    its text in instead, where the template's own colour has too little contrast.

    ``full_right``, ``full_bottom``, ``clear_left`` and ``clear_above`` are set where
    the box was narrowed beside (or shortened above) a logo or piece of artwork in its
    lower corner (see `generator.layout.usable`): the right and bottom edges the box had
    before, and the left and top edges (the thing's, less the usual gap) of the corner
    text set in that full box must keep out of; None elsewhere.
    """

    kind: str
    idx: int | None
    box: Box
    grows: bool = False
    text_colour: str | None = None
    background: str | None = None
    font: str | None = None
    size: float | None = None
    recolour: str | None = None
    full_right: float | None = None
    full_bottom: float | None = None
    clear_left: float | None = None
    clear_above: float | None = None

    def full_box(self) -> Box | None:
        """Return the box at its full size, where it was narrowed beside or shortened
        above something in its lower corner; None where it was not."""
        if self.full_right is None or self.full_bottom is None:
            return None
        box = self.box
        return Box(box.x, box.y, max(box.w, self.full_right - box.x),
                   max(box.h, self.full_bottom - box.y))

    def corner(self) -> Box | None:
        """Return the corner of `full_box` its text keeps out of; None where the box
        was not clipped clear of something there."""
        full = self.full_box()
        if full is None or self.clear_left is None or self.clear_above is None:
            return None
        return Box(self.clear_left, self.clear_above, full.right - self.clear_left,
                   full.bottom - self.clear_above)

    def wider(self) -> Box | None:
        """Return `full_box` where it is wider than the box (where only a taller box,
        text ending above the corner would fit the box itself as well); else None."""
        full = self.full_box()
        return full if full is not None and full.w > self.box.w + 1 else None

    def moved(self, box: Box) -> Placeholder:
        """Return this placeholder moved to ``box``, its full size forgotten (a box
        made anew is kept clear anew)."""
        return Placeholder(self.kind, self.idx, box, self.grows, self.text_colour,
                           self.background, self.font, self.size, self.recolour)


@dataclass(frozen=True, slots=True)
class LayoutGeometry:
    """One template layout: its name, placeholders and whether its background is dark.

    ``kind`` is the layout's own type (``<p:sldLayout type="secHead">``: ``title``,
    ``obj``, ``secHead``, ``twoObj``, ``titleOnly``, ``picTx``, ``blank``..., ``cust``
    for a custom layout). ``background`` is the colour under its main text,
    ``colours`` the scheme slots (``tx1``, ``bg1``...) as its colour map shows them,
    ``obstacles`` the boxes of what else it draws (footers, logos, pictures), and
    ``artwork`` those of the logos and lettering inside its full-slide pictures.
    """

    name: str
    placeholders: tuple[Placeholder, ...]
    dark: bool = False
    kind: str = "cust"
    background: str | None = None
    colours: tuple[tuple[str, str], ...] = ()
    obstacles: tuple[Box, ...] = ()
    artwork: tuple[Box, ...] = ()
    quote_in_title: bool = False
    """A quote layout used as designed: the quote goes in its title placeholder, who
    said it in its one body (see `generator.layout.quote_title`)."""

    def colour(self, slot: str) -> str | None:
        """Return the RRGGBB this layout shows for a scheme slot (``tx1``...), if known."""
        return next((c for s, c in self.colours if s == slot and c), None)

    def first(self, kind: str) -> Placeholder | None:
        """Return the first placeholder of ``kind`` (``title`` also finds ``ctrTitle``)."""
        kinds = {"title": ("title", "ctrTitle")}.get(kind, (kind,))
        return next((p for p in self.placeholders if p.kind in kinds), None)

    def bodies(self) -> tuple[Placeholder, ...]:
        """Return the body-like placeholders in idx order."""
        found = [p for p in self.placeholders if p.kind in ("body", "subTitle", "obj")]
        return tuple(sorted(found, key=lambda p: (p.idx is None, p.idx or 0)))


@dataclass(frozen=True, slots=True)
class DeckGeometry:
    """The slide size and, for each slide role, the template layout that serves it."""

    width: float
    height: float
    roles: dict[str, LayoutGeometry]
