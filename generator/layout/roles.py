"""Which template layout serves each slide role, and what to add where it falls short.

Layouts are matched by their type first (see `generator.layout.layout_kinds`: a
section header for dividers, never a cover for content), then by their
placeholders (a title, enough body boxes); names, in any language, are hints.
The outline's ``layouts:`` mapping overrides all of it. Where no layout
has what a role needs, the best one is used and the missing pieces are added: a
title placeholder at the master's title position (so every slide has a title for
screen readers), free text boxes for missing bodies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.layout.geometry import Box, DeckGeometry, LayoutGeometry, Placeholder
from generator.layout.layout_kinds import suitability
from generator.layout.picture_room import content_area, is_title_only, roomy, without_bodies
from generator.layout.quote_title import quote_in_title
from generator.layout.usable import cut_to, kept_clear, solid_artwork, usable_areas

SYNTHETIC_TITLE = -1
"""The idx of a title placeholder the writer adds because the layout has none."""

ADDED_BODY = 1 << 32
"""The first idx of the bodies the writer adds as free text boxes (ADDED_BODY, +1, ...).

Above any real placeholder idx (an unsigned 32-bit number), so added bodies sort
after the layout's own ones and the writer can tell them apart.
"""


TINY_SHARE = 0.06
"""A body shorter than this share of the slide's height (once grown) is left unused."""
NARROW_SHARE = 0.18
"""A body narrower than this share of the slide's width (a contact line beside a
picture, a colour swatch's label) is left unused."""
COLUMN_SHARE = 0.2
"""Side-by-side bodies shorter than this share of the slide's height (once grown) are
labels, not columns."""


def is_added_body(idx: int | None) -> bool:
    """Return True when ``idx`` marks a body the writer adds as a free text box."""
    return idx is None or idx >= ADDED_BODY


@dataclass(frozen=True, slots=True)
class RoleNeeds:
    """What a slide role needs from a layout: a title, some bodies, and name hints."""

    bodies: int
    names: tuple[str, ...]
    centre_title: bool = False
    columns: bool = False  # the bodies must stand side by side
    stacked: bool = False  # the bodies must stand one under another
    hidden_title: bool = False  # the title is kept off the slide (its room is free)


ROLE_NEEDS: dict[str, RoleNeeds] = {
    "title": RoleNeeds(1, ("title slide", "title", "cover", "titleslide"), True),
    "agenda": RoleNeeds(1, ("agenda", "title and content", "title and body", "content")),
    "section": RoleNeeds(1, ("section header", "section title", "section", "divider")),
    "bullets": RoleNeeds(1, ("title and content", "title and body", "content", "bullets")),
    "columns": RoleNeeds(2, ("two content", "title and two columns", "two columns", "comparison"),
                         columns=True),
    "columns3": RoleNeeds(3, ("three content", "three columns", "title and three columns"),
                          columns=True),
    "quote": RoleNeeds(2, ("quote", "main point", "big quote"), stacked=True, hidden_title=True),
    "statement": RoleNeeds(1, ("statement", "main point", "big number"), hidden_title=True),
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
    cramped: str = ""
    """The layout first chosen (or asked for) whose room for a picture was too small,
    so that ``layout`` serves instead; empty when it was not."""


def normalise(name: str) -> str:
    """Return a layout name folded for matching: lower case, words split on _ and -."""
    return " ".join(re.sub(r"[_\-]+", " ", name).lower().split())


def _row(bodies: tuple[Placeholder, ...]) -> tuple[Placeholder, ...]:
    """Return the most bodies that stand side by side in one row, left to right."""
    best: tuple[Placeholder, ...] = ()
    for body in bodies:
        middle = body.box.y + body.box.h / 2
        row: list[Placeholder] = []
        for other in sorted(bodies, key=lambda p: p.box.x):
            if other.box.y <= middle <= other.box.bottom and all(
                    other.box.x >= kept.box.right - 1 for kept in row):
                row.append(other)
        if len(row) > len(best):
            best = tuple(row)
    return best


def _stack(bodies: tuple[Placeholder, ...]) -> tuple[Placeholder, ...]:
    """Return the bodies (in idx order) that stand one under another, largest first."""
    stack: list[Placeholder] = []
    for body in sorted(bodies, key=lambda p: p.box.y):
        if not stack or (body.box.y >= stack[-1].box.bottom - 1
                         and min(body.box.right, stack[-1].box.right)
                         > max(body.box.x, stack[-1].box.x)):
            stack.append(body)
    ordered = tuple(p for p in bodies if p in stack)
    in_order = [p.box.y for p in ordered] == sorted(p.box.y for p in ordered)
    # the first body (a quote) must be the large one, not a heading over a column
    if len(ordered) < 2 or (in_order and ordered[0].box.h >= ordered[-1].box.h):
        return ordered
    return ordered[:1]


def _usable(layout: LayoutGeometry, needs: RoleNeeds, width: float, height: float) -> int:
    """Return how many bodies of ``layout`` a role can use (side by side for columns,
    tall enough to hold one, one under another for a quote and its attribution)."""
    if needs.columns:
        grown = usable_areas(layout, width, height).bodies()
        return len(_row(tuple(p for p in grown if p.box.h >= height * COLUMN_SHARE
                              and p.box.w >= width * NARROW_SHARE)))
    return len(_stack(layout.bodies()) if needs.stacked else layout.bodies())


def _score(layout: LayoutGeometry, needs: RoleNeeds, role: str, width: float, height: float
           ) -> tuple[int, ...]:
    """Return how well ``layout`` serves ``role``: whether it may at all, then how well
    its type and name suit the role, then its placeholders (a title, enough bodies,
    none to spare).

    A quote or statement layout whose first body is a caption-sized box (the
    template sets the quote in its title) counts as no quote layout.
    """
    allowed, suits = suitability(layout, role)
    first = layout.bodies()[:1]
    if role in ("quote", "statement") and first and first[0].box.h < height * 0.3:
        suits = min(suits, 2)
    has_title = layout.first("title") is not None
    bodies = _usable(layout, needs, width, height)
    enough = bodies >= needs.bodies
    surplus = -abs(bodies - needs.bodies) - (len(layout.bodies()) > bodies)
    return (int(allowed), suits, int(has_title) * 2 + int(enough), surplus)


def _content_area(layout: LayoutGeometry, width: float, height: float,
                  hidden_title: bool = False) -> Box:
    """Return where added bodies go: under the title, or in its box when it is kept off
    the slide and leaves too little room under it (a "main point" layout's title)."""
    title = layout.first("title")
    margin = width * 0.05
    top = title.box.bottom + height * 0.03 if title else height * 0.25
    bottom = height - height * 0.1
    if title is not None and hidden_title and bottom - top < height * 0.3:
        return title.box
    left = title.box.x if title else margin
    right = title.box.right if title else width - margin
    return Box(left, top, right - left, max(bottom - top, height * 0.3))


def _clear_title(layout: LayoutGeometry, height: float) -> LayoutGeometry:
    """Return ``layout`` with its title moved above the bodies where it covers one.

    Some templates (LibreOffice writes them so) give every layout the title slide's
    title box, in the middle of the content; text set there would overprint the body.
    """
    title = layout.first("title")
    bodies = layout.bodies()
    if title is not None and not bodies and title.box.y > height * 0.25:
        # a title-only layout with its title low down leaves no room for a picture
        # or a table: the title goes to the top
        moved = replace(title, box=replace(title.box, y=height * 0.04,
                                           h=min(title.box.h, height * 0.2)))
        return replace(layout, placeholders=tuple(moved if p is title else p
                                                  for p in layout.placeholders))
    if title is None or not any(title.box.overlaps(b.box, 1) for b in bodies):
        return layout
    top, bottom = height * 0.04, min(b.box.y for b in bodies) - height * 0.02
    if bottom - top < height * 0.08:
        return layout  # no room above the bodies: leave the template's design alone
    left, right = min(b.box.x for b in bodies), max(b.box.right for b in bodies)
    moved = replace(title, box=Box(left, top, right - left, bottom - top))
    return replace(layout, placeholders=tuple(moved if p is title else p
                                              for p in layout.placeholders))


def _added_boxes(layout: LayoutGeometry, existing: tuple[Placeholder, ...], needs: RoleNeeds,
                 missing: int, width: float, height: float
                 ) -> tuple[list[Box], dict[Placeholder, Box]]:
    """Return the boxes of the bodies to add, and new boxes for existing bodies that make room.

    Columns split their row again into equal columns; other roles put the added
    boxes under the last body, taking the lower part of it when there is no room below.
    """
    gap = 12.0
    if existing and needs.columns:
        existing = tuple(sorted(existing, key=lambda p: p.box.x))
        top = min(p.box.y for p in existing)
        title = layout.first("title")
        left, right = existing[0].box.x, existing[-1].box.right
        if title is not None and title.box.w > right - left:  # a half-width body: the
            left, right = min(left, title.box.x), max(right, title.box.right)  # title's
        area = Box(left, top, right - left, max(p.box.bottom for p in existing) - top)
        each = (area.w - gap * (needs.bodies - 1)) / needs.bodies
        boxes = [Box(area.x + i * (each + gap), area.y, each, area.h)
                 for i in range(needs.bodies)]
        return boxes[len(existing):], dict(zip(existing, boxes, strict=False))
    resized: dict[Placeholder, Box] = {}
    area = _content_area(layout, width, height, needs.hidden_title)
    if existing:
        last = existing[-1].box
        below = height * 0.92 - last.bottom - gap
        if below >= height * 0.1:
            area = Box(last.x, last.bottom + gap, last.w, below)
        else:  # no room below: the last body gives up a band at its foot
            band = min(max(last.h / 3, height * 0.08 + gap), last.h / 2, height * 0.15)
            keep = last.h - band
            resized[existing[-1]] = Box(last.x, last.y, last.w, keep)
            area = Box(last.x, last.y + keep + gap, last.w, last.h - keep - gap)
    if needs.columns or missing == 1:
        each = (area.w - gap * (missing - 1)) / missing
        return [Box(area.x + i * (each + gap), area.y, each, area.h)
                for i in range(missing)], resized
    # a quote over its attribution, names over a credit: the first box takes the
    # room, each other one a band under it
    band = min(height * 0.12, area.h / (missing + 1))
    first = Box(area.x, area.y, area.w, area.h - (missing - 1) * (band + gap))
    return [first, *(Box(area.x, first.bottom + gap + i * (band + gap), area.w, band)
                     for i in range(missing - 1))], resized


def _added_title(box: Box, layout: LayoutGeometry, width: float, height: float,
                 cover: bool = False) -> Box:
    """Return the box of a title the layout lacks, from the master's title ``box``: moved
    below a band across the top of the layout it would overprint (a coloured header),
    beside a logo it would cover, and as tall as a title needs where the master's box
    is a line that grows with its text (Google Slides)."""
    gap = height * 0.02
    for shape in sorted(layout.obstacles, key=lambda b: b.y):
        if not shape.overlaps(box, 1):
            continue
        if shape.w >= width * 0.5 and shape.y <= box.y + 1 and shape.bottom < height * 0.35:
            top = shape.bottom + gap
            box = Box(box.x, top, box.w, max(box.bottom - top, min(box.h, height * 0.12)))
        elif shape.x + shape.w / 2 < box.x + box.w / 2 and box.right - shape.right > box.w * 0.5:
            box = Box(shape.right + gap, box.y, box.right - shape.right - gap, box.h)
        elif shape.x - box.x > box.w * 0.5:
            box = Box(box.x, box.y, shape.x - gap - box.x, box.h)
    if box.h < height * 0.1 or cover:  # a cover's title may take two or three lines
        below = [p.box.y for p in layout.placeholders
                 if p.box.y >= box.bottom - 1 and min(p.box.right, box.right) > max(p.box.x, box.x)]
        room = min(below, default=height * 0.3) - gap - box.y
        box = replace(box, h=max(box.h, min(height * (0.35 if cover else 0.15), room)))
    return box


def _grown_to(box: Box, bottom: float, layout: LayoutGeometry, width: float,
              height: float) -> float:
    """Return how far down a column's ``box`` may grow towards ``bottom``: short of a
    logo (a small shape) in the lower half of that room, so that a column already kept
    clear of a logo is not grown back over it. Large shapes (bands, panels behind the
    text) do not stop it."""
    gap = height * 0.015
    room = bottom
    for shape in (*layout.obstacles, *solid_artwork(layout, height)):
        small = shape.w * shape.h <= width * height / 6
        if small and shape.across(box) > 0 and \
                max(box.bottom - 1, box.y + (room - box.y) / 2) <= shape.y < room:
            bottom = min(bottom, shape.y - gap)
    return bottom


def complete(layout: LayoutGeometry, needs: RoleNeeds, title_box: Box, width: float,
             height: float) -> tuple[LayoutGeometry, tuple[str, ...]]:
    """Return ``layout`` with a title and enough bodies, and the names of what was added.

    For columns the bodies used are those side by side in one row; where there are
    too few, that row is split again into equal columns, the layout's own bodies
    first and free text boxes after them.
    """
    added: list[str] = []
    layout = usable_areas(layout, width, height)
    tiny = [p for p in layout.bodies()
            if p.box.h < height * TINY_SHARE or p.box.w < width * NARROW_SHARE]
    if tiny:  # a caption-line box (a date, a role) holds none of a role's texts
        layout = replace(layout, placeholders=tuple(p for p in layout.placeholders
                                                    if p not in tiny))
    placeholders = list(layout.placeholders)
    if layout.first("title") is None:
        placeholders.insert(0, Placeholder(
            "title", SYNTHETIC_TITLE,
            _added_title(title_box, layout, width, height, needs.centre_title)))
        added.append("title placeholder")
    shaped = replace(layout, placeholders=tuple(placeholders))
    if needs.columns and shaped.bodies():  # keep only one row of columns, grown down
        bodies = shaped.bodies()  # to where the bodies under it ended
        row = _row(bodies)
        bottom = max(p.box.bottom for p in bodies)
        shaped = replace(shaped, placeholders=tuple(
            replace(p, box=replace(p.box, h=max(p.box.h, _grown_to(p.box, bottom, shaped,
                                                                  width, height) - p.box.y)))
            if p in row else p
            for p in shaped.placeholders
            if p.kind not in ("body", "subTitle", "obj") or p in row))
    if needs.stacked and shaped.bodies():  # keep only bodies one under another
        stack = _stack(shaped.bodies())
        shaped = replace(shaped, placeholders=tuple(
            p for p in shaped.placeholders
            if p.kind not in ("body", "subTitle", "obj") or p in stack))
    shaped = _clear_title(shaped, height)
    existing = shaped.bodies()
    missing = needs.bodies - len(existing)
    if missing > 0:
        boxes, resized = _added_boxes(shaped, existing, needs, missing, width, height)
        extra = [kept_clear(Placeholder("body", ADDED_BODY + i, box), shaped, width, height)
                 for i, box in enumerate(boxes)]
        shaped = replace(shaped, placeholders=(
            *(cut_to(p, resized[p]) if p in resized else p for p in shaped.placeholders),
            *extra))
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
        if role == "quote":  # a quote layout that sets the quote in its title, as designed
            designed = [found for lay in ([chosen] if chosen else layouts)
                        if (found := quote_in_title(lay, width, height)) is not None]
            if designed:
                roles[role] = designed[0]
                choices.append(RoleChoice(role, designed[0].name, (), overridden))
                continue
        if chosen is None:
            chosen = max(layouts, key=lambda lay, n=needs, r=role: _score(lay, n, r, width, height))
        completed, added = complete(chosen, needs, title_box, width, height)
        roles[role] = completed
        choices.append(RoleChoice(role, chosen.name, added, overridden))
    roomier = _roomier_picture_layout(layouts, roles, width, height, title_box)
    if roomier is not None:
        index = next(i for i, c in enumerate(choices) if c.role == "image")
        roles["image"] = roomier[0]
        choices[index] = RoleChoice("image", roomier[1], cramped=choices[index].layout)
    return DeckGeometry(width, height, roles), tuple(choices), tuple(unknown)


def _roomier_picture_layout(layouts: tuple[LayoutGeometry, ...],
                            roles: dict[str, LayoutGeometry], width: float, height: float,
                            title_box: Box) -> tuple[LayoutGeometry, str] | None:
    """Return the layout (completed, and its name) that picture slides move to when the
    one chosen for them leaves a picture too little room: the template's Title Only
    layout, else the bullets layout with its body's room for the picture; None when
    the chosen one has room enough, or neither has more."""
    bullets = roles["bullets"]
    if roomy(content_area(roles["image"], bullets, width, height), width, height):
        return None
    for layout in layouts:
        if is_title_only(layout):
            completed, _ = complete(layout, ROLE_NEEDS["image"], title_box, width, height)
            if roomy(content_area(completed, bullets, width, height), width, height):
                return completed, layout.name
    emptied = without_bodies(bullets)
    if bullets.bodies() and roomy(content_area(emptied, bullets, width, height), width, height):
        return emptied, bullets.name
    return None
