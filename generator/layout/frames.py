"""What a laid-out slide holds: text frames, tables and pictures in fixed boxes.

Writers draw these as they are (the deck with python-pptx, the PDFs' thumbnails
with reportlab), so a thumbnail shows what the slide shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Position
from generator.layout.geometry import Box, LayoutGeometry
from generator.layout.text import FittedText, TextStyle
from generator.markup import Span

INSET_X = 7.2
"""Left and right inner margin of every text box, pt (PowerPoint's default 0.1 in)."""
INSET_Y = 3.6
"""Top and bottom inner margin of every text box, pt (PowerPoint's default 0.05 in)."""
UNNUMBERED_ROLES = frozenset({"title"})
"""Slide roles that show no slide number (the title slide, as designers set it)."""


@dataclass(frozen=True, slots=True)
class TextFrame:
    """Fitted text in a box; ``placeholder_idx`` None means a free text box.

    ``align`` is ``l`` or ``ctr``; ``anchor`` is ``t``, ``ctr`` or ``b``; ``tone`` names
    the colour role (``text``, ``muted``, ``inverse``); ``numbered`` makes bullets 1. 2. 3.,
    counting from ``number_from``. ``gaps`` adds space (pt) above paragraph *i* (rows of
    side-by-side frames line up so); ``labels`` gives paragraph *i* a label set in its
    hanging indent and followed by a tab (an agenda's times) instead of a bullet.
    ``hidden`` marks a title kept for screen readers but placed off the slide.
    """

    slot: str
    placeholder_idx: int | None
    box: Box
    text: FittedText
    style: TextStyle
    align: str = "l"
    anchor: str = "t"
    tone: str = "text"
    numbered: bool = False
    number_from: int = 1
    gaps: tuple[float, ...] = ()
    labels: tuple[tuple[Span, ...], ...] = ()
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class TableFrame:
    """A table: column widths, row heights and fitted cell text (first row the header)."""

    box: Box
    column_widths: tuple[float, ...]
    row_heights: tuple[float, ...]
    cells: tuple[tuple[FittedText, ...], ...]
    style: TextStyle
    header: bool
    description: str


@dataclass(frozen=True, slots=True)
class PictureFrame:
    """A picture placed in ``box`` (aspect kept), with its alt text or decorative flag."""

    box: Box
    path: Path
    alt: str | None
    decorative: bool


Frame = TextFrame | TableFrame | PictureFrame


@dataclass(frozen=True, slots=True)
class FitDecision:
    """What the fitter did for one part of a slide: the size chosen and why."""

    slot: str
    size: float
    preferred: float
    continued: bool = False

    @property
    def shrunk(self) -> bool:
        """Return True when the text was set smaller than the theme's preferred size."""
        return self.size < self.preferred


@dataclass(frozen=True, slots=True)
class SlideLayout:
    """One slide of the deck, laid out: what goes where, at what size.

    ``number`` counts from 1 in deck order; ``plan_index`` points back at the
    planned slide; ``continuation`` is 0 for a first slide, n for its n-th "(cont.)".
    """

    number: int
    plan_index: int
    role: str
    layout: LayoutGeometry
    title: str
    frames: tuple[Frame, ...]
    notes: str | None
    continuation: int
    section: str | None
    position: Position | None
    decisions: tuple[FitDecision, ...]
    marked_title: str = ""
    """The title with its language marks (a bilingual pair's two languages tagged), for
    writers that list slides by title; ``title`` is the plain text."""
