"""The pack: the one object every writer reads.

Made once per build, after the look is settled and the deck laid out: the plan
(what the workshop is, in order and time), the deck's layout (every slide as it is
drawn, continuation slides included), the look (colours, typefaces, template) and
the moment stamped into every file. Writers read nothing else: no YAML, no
options, no environment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from generator.layout.slides import DeckLayout
from generator.look.look import Look
from generator.plan import Plan


@dataclass(frozen=True)
class Pack:
    """What the deck, the handout, the guide (and any later output) are made from."""

    plan: Plan
    deck: DeckLayout
    look: Look
    moment: dt.datetime

    @cached_property
    def slide_numbers(self) -> tuple[int, ...]:
        """Return the deck number of each plan slide's first deck slide (0 for a plan
        slide the deck does not show)."""
        first: dict[int, int] = {}
        for slide in self.deck.slides:
            first.setdefault(slide.plan_index, slide.number)
        return tuple(first.get(i, 0) for i in range(len(self.plan.slides)))
