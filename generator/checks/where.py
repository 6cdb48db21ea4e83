"""Where a check's finding is: the outline key it comes from and the deck slide it is on.

Checks work on the model, the plan and the laid-out deck; users fix the outline.
`Where` maps each planned slide back to its place in the outline (the path of
keys the reader recorded positions for) and to the first deck slide it became,
so every finding can point at ``file:line:col`` and name its slide.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import assert_never

from pydantic import BaseModel

from generator.diagnostics import Position
from generator.layout.frames import SlideLayout
from generator.layout.slides import DeckLayout
from generator.model import Bullet
from generator.outline.yamlnodes import Path, SourceMap
from generator.plan import Plan, PlannedSlide
from generator.slide_kinds import (
    ActivityKind,
    AgendaKind,
    BreakKind,
    BulletsKind,
    ClosingKind,
    ColumnsKind,
    ImageKind,
    QuoteKind,
    SectionKind,
    StatementKind,
    TableKind,
    TitleKind,
)

SLOT_KEYS: dict[str, tuple[str | int, ...]] = {
    "title": ("title",),
    "eyebrow": ("title",),
    "body": ("bullets",),
    "quote": ("quote",),
    "by": ("by",),
    "statement": ("statement",),
    "caption": ("caption",),
    "table": ("table",),
    "steps": ("activity", "steps"),
    "prompts": ("activity", "prompts"),
    "column1": ("columns", 0),
    "column2": ("columns", 1),
    "column3": ("columns", 2),
}
"""The outline keys (under a slide) that each layout slot's text comes from."""

_CLOSING_KEYS = frozenset({"facilitators", "organisation", "contact", "source"})
"""Workshop keys shown on the closing slide."""

_NOT_TEXT = frozenset({"kind", "layouts", "theme", "language", "start", "output"})
"""Model fields that hold settings rather than text anyone reads."""


@dataclass
class Where:
    """Positions in one outline: by key path, by planned slide and by deck slide."""

    sources: SourceMap
    text: str | None
    plan: Plan
    deck: DeckLayout | None = None
    _paths: dict[int, Path] = field(default_factory=dict, init=False, repr=False)
    _numbers: dict[int, int] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for index, planned in enumerate(self.plan.slides):
            if planned.path is not None:
                self._paths[index] = planned.path
        for slide in self.deck.slides if self.deck else ():
            self._numbers.setdefault(slide.plan_index, slide.number)

    # -- outline paths -------------------------------------------------------------

    def slide_path(self, plan_index: int) -> Path | None:
        """Return the outline path of planned slide ``plan_index`` (None: made by make-deck)."""
        return self._paths.get(plan_index)

    def title_path(self, plan_index: int) -> Path | None:
        """Return the path of the key that gives planned slide ``plan_index`` its title."""
        path = self.slide_path(plan_index)
        if path is None:
            return None
        planned = self.plan.slides[plan_index]
        kind = planned.kind
        match kind:
            case BreakKind():
                return (*path, "break")
            case ActivityKind():
                return (*path, "activity", "title")
            case SectionKind() | TitleKind():
                return (*path, "title")
            case BulletsKind() | QuoteKind() | StatementKind() | ColumnsKind() | ImageKind() \
                    | TableKind():
                return (*path, "title") if planned.title_given else path
            case AgendaKind() | ClosingKind():
                return None  # made up from several keys: no path (see `slide_path`)
            case _:
                assert_never(kind)

    def position(self, path: Path | None, *, key: bool = False) -> Position | None:
        """Return where ``path`` is in the outline: its value, or with ``key`` its key."""
        if path is None:
            return None
        return self.sources.key(path) if key else self.sources.value(path)

    def exact(self, path: Path) -> bool:
        """Return True when the reader recorded a position for exactly ``path``."""
        return path in self.sources.values

    def find(self, path: Path, needle: str) -> Position | None:
        """Return where ``needle`` is written inside the value at ``path``.

        Looks from the value's start over the following lines (a value may be
        folded over several); falls back to the value's own position.
        """
        start = self.position(path)
        if start is None or self.text is None or not needle:
            return start
        lines = self.text.splitlines()
        for offset, line in enumerate(lines[start.line - 1 : start.line + 40]):
            column = line.find(needle, start.column - 1 if offset == 0 else 0)
            if column >= 0:
                return Position(start.file, start.line + offset, column + 1)
        return start

    def slide_position(self, plan_index: int) -> Position | None:
        """Return where planned slide ``plan_index`` is written (its plan position)."""
        return self.plan.slides[plan_index].position

    # -- deck slides ---------------------------------------------------------------

    def plan_index_of(self, path: Path) -> int | None:
        """Return the planned slide whose outline text holds ``path``, if any.

        Keys of the workshop itself show on the title slide (``title``, ``subtitle``,
        ``event``, ``venue``...) or on the closing slide (``facilitators``,
        ``organisation``, ``source``).
        """
        best: tuple[int, int] | None = None
        for index, base in self._paths.items():
            if base and path[: len(base)] == base and (best is None or len(base) > best[0]):
                best = (len(base), index)
        if best is not None:
            return best[1]
        if path and path[0] in _CLOSING_KEYS:
            return next((i for i, p in self.planned() if p.role == "closing"), None)
        if path and path[0] != "sections":
            return next((i for i, p in self.planned() if p.role == "title"), None)
        return None

    def number(self, plan_index: int | None) -> int | None:
        """Return the deck number of the first slide made from planned slide ``plan_index``."""
        return None if plan_index is None else self._numbers.get(plan_index)

    def frame_position(self, slide: SlideLayout, slot: str) -> Position | None:
        """Return where the text of ``slot`` on deck slide ``slide`` is written."""
        base = self.slide_path(slide.plan_index)
        if base is not None and slot in ("title", "eyebrow"):
            return self.position(self.title_path(slide.plan_index), key=True)
        keys = SLOT_KEYS.get(slot)
        if base is not None and base and keys is not None and self.exact((*base, *keys)):
            return self.position((*base, *keys), key=True)
        return slide.position

    def planned(self) -> Iterator[tuple[int, PlannedSlide]]:
        """Yield each planned slide with its index."""
        yield from enumerate(self.plan.slides)


def bullet_paths(bullets: tuple[Bullet, ...], base: Path,
                 sources: SourceMap) -> Iterator[tuple[Bullet, Path]]:
    """Yield every bullet (nested ones too) with the outline path of its text.

    A bullet is written as text, as ``text: [sub-bullets]`` (the text is the key)
    or as a mapping with ``text`` and ``children``.
    """
    for index, bullet in enumerate(bullets):
        here = (*base, index)
        text_path = (*here, "text") if (*here, "text") in sources.values else here
        yield bullet, text_path
        if bullet.children:
            if (*here, bullet.text) in sources.values:
                children = (*here, bullet.text)
            else:
                children = (*here, "children")
            yield from bullet_paths(bullet.children, children, sources)


def texts(value: object, path: Path, sources: SourceMap) -> Iterator[tuple[str, Path]]:
    """Yield every text in a model value with the outline path it was read from."""
    if isinstance(value, str):
        yield value, path
    elif isinstance(value, tuple) and value and all(isinstance(v, Bullet) for v in value):
        for bullet, bullet_path in bullet_paths(value, path, sources):
            yield bullet.text, bullet_path
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            yield from texts(item, (*path, index), sources)
    elif isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            if name in _NOT_TEXT:
                continue
            yield from texts(getattr(value, name), (*path, info.alias or name), sources)
