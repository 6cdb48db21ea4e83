"""Which template layout serves each slide role, and what to add where it falls short.

Layouts are matched by their placeholders first (a title, enough body boxes), by
name second; the outline's ``layouts:`` mapping overrides both. Where no layout
has what a role needs, the best one is used and the missing pieces are added: a
title placeholder at the master's title position (so every slide has a title for
screen readers), free text boxes for missing bodies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.layout.geometry import Box, DeckGeometry, LayoutGeometry, Placeholder

SYNTHETIC_TITLE = -1
"""The idx of a title placeholder the writer adds because the layout has none."""


@dataclass(frozen=True, slots=True)
class RoleNeeds:
    """What a slide role needs from a layout: a title, some bodies, and name hints."""

    bodies: int
    names: tuple[str, ...]
    centre_title: bool = False


ROLE_NEEDS: dict[str, RoleNeeds] = {
    "title": RoleNeeds(1, ("title slide", "title", "cover", "titleslide"), True),
    "agenda": RoleNeeds(1, ("agenda", "title and content", "title and body", "content")),
    "section": RoleNeeds(1, ("section header", "section title", "section", "divider")),
    "bullets": RoleNeeds(1, ("title and content", "title and body", "content", "bullets")),
    "columns": RoleNeeds(2, ("two content", "title and two columns", "two columns", "comparison")),
    "columns3": RoleNeeds(3, ("three content", "three columns", "title and three columns")),
    "quote": RoleNeeds(2, ("quote", "main point", "big quote")),
    "statement": RoleNeeds(1, ("statement", "main point", "big number")),
    "image": RoleNeeds(0, ("title only", "picture", "image")),
    "table": RoleNeeds(0, ("title only", "table")),
    "activity": RoleNeeds(1, ("activity", "title and content", "title and body")),
    "break": RoleNeeds(1, ("break", "section header", "section title")),
    "closing": RoleNeeds(2, ("closing", "end", "thank you", "title and content")),
}


@dataclass(frozen=True, slots=True)
class RoleChoice:
    """The layout chosen for a role and what had to be added to it."""

    role: str
    layout: str
    added: tuple[str, ...] = ()
    overridden: bool = False


def normalise(name: str) -> str:
    """Return a layout name folded for matching: lower case, words split on _ and -."""
    return " ".join(re.sub(r"[_\-]+", " ", name).lower().split())


def _score(layout: LayoutGeometry, needs: RoleNeeds) -> tuple[int, int, int, int]:
    has_title = layout.first("title") is not None
    bodies = len(layout.bodies())
    enough = bodies >= needs.bodies
    name = normalise(layout.name)
    named = max((len(needs.names) - i for i, hint in enumerate(needs.names)
                 if name == hint or hint in name), default=0)
    centred = 1 if needs.centre_title and any(p.kind == "ctrTitle" for p in layout.placeholders) \
        else 0
    surplus = -abs(bodies - needs.bodies)
    return (int(has_title) * 2 + int(enough), centred + named, surplus, 0)


def _content_area(layout: LayoutGeometry, width: float, height: float) -> Box:
    title = layout.first("title")
    margin = width * 0.05
    top = title.box.bottom + height * 0.03 if title else height * 0.25
    bottom = height - height * 0.1
    left = title.box.x if title else margin
    right = title.box.right if title else width - margin
    return Box(left, top, right - left, max(bottom - top, height * 0.3))


def complete(layout: LayoutGeometry, needs: RoleNeeds, title_box: Box, width: float,
             height: float) -> tuple[LayoutGeometry, tuple[str, ...]]:
    """Return ``layout`` with a title and enough bodies, and the names of what was added."""
    added: list[str] = []
    placeholders = list(layout.placeholders)
    if layout.first("title") is None:
        placeholders.insert(0, Placeholder("title", SYNTHETIC_TITLE, title_box))
        added.append("title placeholder")
    shaped = replace(layout, placeholders=tuple(placeholders))
    missing = needs.bodies - len(shaped.bodies())
    if missing > 0:
        area = _content_area(shaped, width, height)
        existing = shaped.bodies()
        if existing:  # put the extra boxes beside or under what is there
            last = existing[-1].box
            area = Box(last.x, last.bottom + 6, last.w, max(area.bottom - last.bottom - 6, 36))
        gap = 12.0
        each = (area.w - gap * (missing - 1)) / missing
        extra = [Placeholder("body", None, Box(area.x + i * (each + gap), area.y, each, area.h))
                 for i in range(missing)]
        shaped = replace(shaped, placeholders=(*shaped.placeholders, *extra))
        added.append(f"{missing} text box(es)")
    return shaped, tuple(added)


def map_roles(
    layouts: tuple[LayoutGeometry, ...], width: float, height: float, title_box: Box,
    overrides: dict[str, str] | None = None,
) -> tuple[DeckGeometry, tuple[RoleChoice, ...], tuple[str, ...]]:
    """Return the geometry serving each role, the choices made, and unknown override names.

    ``overrides`` maps a role to a layout name (matched case- and separator-blind);
    names that match no layout are returned so the caller can report them.
    """
    by_name = {normalise(layout.name): layout for layout in layouts}
    roles: dict[str, LayoutGeometry] = {}
    choices: list[RoleChoice] = []
    unknown: list[str] = []
    for role, needs in ROLE_NEEDS.items():
        wanted = (overrides or {}).get(role)
        chosen: LayoutGeometry | None = None
        if wanted is not None:
            chosen = by_name.get(normalise(wanted))
            if chosen is None and wanted not in unknown:
                unknown.append(wanted)
        elif role == "columns3" and (overrides or {}).get("columns"):
            candidate = by_name.get(normalise((overrides or {})["columns"]))
            if candidate is not None and len(candidate.bodies()) >= 3:
                chosen = candidate
        overridden = chosen is not None
        if chosen is None:
            chosen = max(layouts, key=lambda lay, n=needs: _score(lay, n))
        completed, added = complete(chosen, needs, title_box, width, height)
        roles[role] = completed
        choices.append(RoleChoice(role, chosen.name, added, overridden))
    return DeckGeometry(width, height, roles), tuple(choices), tuple(unknown)
