"""Artwork drawn as one large vector shape: the arrows, arcs and ornaments some
templates draw as a single freeform (``a:custGeom``) the size of the slide, where no
shape of its own marks each piece.

The shape's outlines are traced into the same coarse grid as a full-slide picture's
pixels (`generator.look.artwork`), and each small group of touching traced cells is
one piece of artwork; a group as large as a frame or a swirl round the slide is
background.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from lxml import etree

from generator.layout.geometry import EMU_PER_POINT, Box
from generator.look.artwork import GRID, ink_groups
from generator.look.template_colours import shape_box

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
STEPS = 24
"""Points sampled along each curve or line of a path (more for long lines)."""


def _point(element: Any) -> tuple[float, float]:
    try:
        return float(element.get("x", "0")), float(element.get("y", "0"))
    except ValueError:  # a guide's name instead of a number: taken as the origin
        return 0.0, 0.0


def _bezier(points: list[tuple[float, float]], t: float) -> tuple[float, float]:
    """Return the point at ``t`` (0-1) of the Bézier curve through ``points``."""
    while len(points) > 1:
        points = [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
                  for a, b in pairwise(points)]
    return points[0]


def _arc(start: tuple[float, float], command: Any) -> list[tuple[float, float]]:
    """Return points along an ``a:arcTo`` from ``start`` (angles in 60000ths of a degree)."""
    try:
        wr, hr = float(command.get("wR", "0")), float(command.get("hR", "0"))
        st = math.radians(float(command.get("stAng", "0")) / 60000)
        sw = math.radians(float(command.get("swAng", "0")) / 60000)
    except ValueError:
        return [start]
    cx, cy = start[0] - wr * math.cos(st), start[1] - hr * math.sin(st)
    return [(cx + wr * math.cos(st + sw * i / STEPS), cy + hr * math.sin(st + sw * i / STEPS))
            for i in range(1, STEPS + 1)]


def path_points(path: Any) -> Iterator[tuple[float, float] | None]:
    """Return points along one ``a:path``'s outlines, in the path's own coordinates,
    each outline's points after a None (where the pen is lifted)."""
    current = first = (0.0, 0.0)
    for command in path:
        name = etree.QName(command).localname
        points = [_point(pt) for pt in command.findall(f"{{{A}}}pt")]
        if name == "moveTo" and points:
            current = first = points[0]
            yield None
            yield current
            continue
        if name == "lnTo" and points:
            chain = [current, points[0]]
        elif name in ("cubicBezTo", "quadBezTo") and points:
            chain = [current, *points]
        elif name == "arcTo":
            along = _arc(current, command)
            yield from along
            current = along[-1]
            continue
        elif name == "close":
            chain = [current, first]
        else:
            continue
        for i in range(1, STEPS + 1):
            yield _bezier(chain, i / STEPS)
        current = chain[-1]


def _placing(element: Any, box: Box) -> tuple[Box, Any]:
    """Return the box a shape drawn at ``box`` takes on the slide once turned (its
    ``rot``, about its centre), and a function from a point of its outlines (as shares
    0-1 of its width and height, flipped as it is) to where it lies on the slide."""
    xfrm = element.find(f"{{{P}}}spPr/{{{A}}}xfrm")
    flip_h, flip_v = (xfrm is not None and xfrm.get(k) in ("1", "true")
                      for k in ("flipH", "flipV"))
    try:
        turn = math.radians(int(xfrm.get("rot", "0")) / 60000) if xfrm is not None else 0.0
    except ValueError:
        turn = 0.0
    cos, sin = math.cos(turn), math.sin(turn)
    cx, cy = box.x + box.w / 2, box.y + box.h / 2

    def place(u: float, v: float) -> tuple[float, float]:
        dx = ((1 - u) if flip_h else u) * box.w - box.w / 2
        dy = ((1 - v) if flip_v else v) * box.h - box.h / 2
        return cx + dx * cos - dy * sin, cy + dx * sin + dy * cos

    corners = [place(u, v) for u in (0.0, 1.0) for v in (0.0, 1.0)]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)), place


def _traced(element: Any, box: Box) -> tuple[list[list[bool]], int, int, Box]:
    """Return the grid cells (rows of booleans) a shape's outlines pass through, the
    grid's width and height, and the box on the slide the grid is laid over (the
    shape's ``box``, turned as the shape is)."""
    drawn, place = _placing(element, box)
    width = GRID
    height = max(1, round(drawn.h * width / drawn.w))
    ink = [[False] * width for _ in range(height)]
    for path in element.iter(f"{{{A}}}path"):
        try:
            # a path without its own size is drawn in the shape's EMUs
            pw = float(path.get("w") or box.w * EMU_PER_POINT)
            ph = float(path.get("h") or box.h * EMU_PER_POINT)
        except ValueError:
            continue
        if pw <= 0 or ph <= 0:
            continue
        last: tuple[float, float] | None = None
        for point in path_points(path):
            if point is None:
                last = None
                continue
            x, y = place(point[0] / pw, point[1] / ph)
            col, row = (x - drawn.x) / drawn.w * width, (y - drawn.y) / drawn.h * height
            # a long straight line is filled in between its ends, a cell at a time
            steps = 1 if last is None else max(1, math.ceil(max(abs(col - last[0]),
                                                                abs(row - last[1]))))
            for i in range(1, steps + 1):
                c = col if last is None else last[0] + (col - last[0]) * i / steps
                r = row if last is None else last[1] + (row - last[1]) * i / steps
                ci, ri = min(width - 1, max(0, int(c))), min(height - 1, max(0, int(r)))
                ink[ri][ci] = True
            last = (col, row)
    return ink, width, height, drawn


def _invisible(element: Any) -> bool:
    """Return whether a shape is drawn with neither fill nor line."""
    props = element.find(f"{{{P}}}spPr")
    if props is None:
        return True
    line = props.find(f"{{{A}}}ln")
    return props.find(f"{{{A}}}noFill") is not None and (
        line is not None and line.find(f"{{{A}}}noFill") is not None)


def vector_artwork(part: Any, size: tuple[float, float]) -> tuple[Box, ...]:
    """Return the boxes (in the slide's points) of the small pieces of artwork inside
    the freeforms a layout or master (``part``) draws over a third of the slide
    (``size``) or more: shapes too large to count as obstacles themselves (flipped and
    turned as they are drawn)."""
    tree = part._element.find(f"{{{P}}}cSld/{{{P}}}spTree")
    found: list[Box] = []
    for element in tree if tree is not None else []:
        if etree.QName(element).localname != "sp" or \
                element.find(f".//{{{P}}}nvPr/{{{P}}}ph") is not None:
            continue
        box = shape_box(element)
        if box is None or box.w * box.h < size[0] * size[1] / 3 or _invisible(element) \
                or element.find(f"{{{P}}}spPr/{{{A}}}custGeom") is None:
            continue
        found.extend(ink_groups(*_traced(element, box)))
    return tuple(found)
