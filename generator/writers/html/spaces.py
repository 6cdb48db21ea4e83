"""What each worksheet prompt gives to answer in: lines, or a scale, grid, timeline
or table (the spaces of the outline format's worksheets, `generator.model.Prompt`).

`worksheet_prompts` is the one place that reads prompts from the model; the rest
of the pages work from the `Prompt` and `Space` it returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from generator.model import Activity

SpaceKind = Literal["lines", "scale", "grid", "timeline", "table"]
SPACE_KINDS: tuple[SpaceKind, ...] = ("scale", "grid", "timeline", "table")

GRID_ITEMS = 3
TIMELINE_STEPS = 5


@dataclass(frozen=True, slots=True)
class Space:
    """The room a prompt gives: ``lines`` rows of text, or a scale, grid, timeline or
    table with its ``labels`` (scale ends, grid axes x then y, timeline ends, table
    headings), ``points`` on a scale and ``rows`` in a table."""

    kind: SpaceKind = "lines"
    labels: tuple[str, ...] = ()
    points: int = 5
    rows: int = 4
    lines: int = 4


@dataclass(frozen=True, slots=True)
class Prompt:
    """One worksheet question and the space to answer it in."""

    text: str
    space: Space


def _space_of(prompt: object, lines: int) -> Space:
    """Return the space a prompt asks for: a plain text prompt gets ruled lines; a
    prompt with a ``scale``, ``grid``, ``timeline`` or ``table`` key gets that."""
    for kind in SPACE_KINDS:
        labels = getattr(prompt, kind, None)
        if labels:
            return Space(kind, tuple(str(label) for label in labels),
                         points=int(getattr(prompt, "points", None) or 5),
                         rows=int(getattr(prompt, "rows", None) or 4), lines=lines)
    return Space("lines", lines=lines)


def worksheet_prompts(activity: Activity) -> list[Prompt]:
    """Return the activity's worksheet prompts, each with its space."""
    prompts: Sequence[object] = activity.prompts
    out = []
    for prompt in prompts:
        text = prompt if isinstance(prompt, str) else str(getattr(prompt, "prompt", prompt))
        out.append(Prompt(text, _space_of(prompt, max(activity.write_in, 2))))
    return out
