"""Artwork inside a layout's large pictures: the crest, logo or lettering that a
template draws as part of a full-slide picture, where no shape of its own marks it.

The picture is reduced to a coarse grid; cells that differ from the picture's most
common colour are ink, and each group of touching ink cells whose box is small (a
logo, not a frame or a photograph) is one piece of artwork.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from generator.layout.geometry import Box

if TYPE_CHECKING:
    from generator.look.template_colours import Layer

GRID = 160
"""Cells across the picture (a cell is about 4.5 pt on a 10 in wide slide)."""

INK_DISTANCE = 60
"""How far (summed over red, green and blue, 0-765) a cell's colour must be from the
picture's most common colour to count as ink."""

MOST_SHARE = 1 / 6
"""The largest share of the picture one piece of artwork's box may take; a larger
group (a frame round the slide, a photograph) is background, not a logo."""


def _grid(data: bytes) -> tuple[list[list[bool]], int, int] | None:
    """Return the picture's ink cells (rows of booleans) and the grid's width and height,
    or None when the picture cannot be read."""
    try:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as opened:
            picture = opened.convert("RGBA")
    except Exception:
        return None
    width = min(GRID, picture.width)
    height = max(1, round(picture.height * width / max(1, picture.width)))
    cells = picture.resize((width, height), Image.Resampling.BOX)
    raw = cells.tobytes()
    pixels = [tuple(raw[i:i + 4]) for i in range(0, len(raw), 4)]
    common = Counter(tuple(v // 16 for v in p[:3]) for p in pixels if p[3] > 128)
    if not common:
        return None
    base = tuple(v * 16 + 8 for v in common.most_common(1)[0][0])
    ink = [p[3] > 128 and sum(abs(p[i] - base[i]) for i in range(3)) > INK_DISTANCE
           for p in pixels]
    return [ink[row * width:(row + 1) * width] for row in range(height)], width, height


def artwork_boxes(data: bytes, box: Box) -> tuple[Box, ...]:
    """Return the boxes (in the slide's points) of the small pieces of artwork inside a
    picture drawn at ``box``; none when the picture cannot be read."""
    found = _grid(data)
    if found is None:
        return ()
    ink, width, height = found
    return ink_groups(ink, width, height, box)


def ink_groups(ink: list[list[bool]], width: int, height: int, box: Box) -> tuple[Box, ...]:
    """Return the boxes (in the slide's points) of the small groups of touching ink
    cells in a grid of ``width`` by ``height`` cells laid over ``box``; a group whose box
    takes more than `MOST_SHARE` of the grid is background."""
    seen = [[False] * width for _ in range(height)]
    boxes = []
    for row in range(height):
        for col in range(width):
            if not ink[row][col] or seen[row][col]:
                continue
            seen[row][col] = True
            stack, left, top, right, bottom = [(row, col)], col, row, col, row
            while stack:
                r, c = stack.pop()
                left, right, top, bottom = min(left, c), max(right, c), min(top, r), max(bottom, r)
                for dr in (-2, -1, 0, 1, 2):  # touching across a one-cell gap: letters
                    for dc in (-2, -1, 0, 1, 2):
                        nr, nc = r + dr, c + dc
                        if 0 <= nr < height and 0 <= nc < width and ink[nr][nc] \
                                and not seen[nr][nc]:
                            seen[nr][nc] = True
                            stack.append((nr, nc))
            cells = (right - left + 1) * (bottom - top + 1)
            if cells <= 2 or cells > MOST_SHARE * width * height:
                continue
            sx, sy = box.w / width, box.h / height
            boxes.append(Box(box.x + left * sx, box.y + top * sy,
                             (right - left + 1) * sx, (bottom - top + 1) * sy))
    return tuple(boxes)


def backdrop_artwork(layers: Sequence[Layer], size: tuple[float, float]) -> tuple[Box, ...]:
    """Return the boxes of the logos and lettering inside the pictures of a layout's
    backdrop ``layers`` that cover a third of the slide (``size``, in points) or more:
    the pictures no shape of their own marks as obstacles."""
    width, height = size
    found: list[Box] = []
    for layer in layers:
        if layer.picture is not None and layer.box.w * layer.box.h >= width * height / 3:
            found.extend(artwork_boxes(layer.picture, layer.box))
    return tuple(found)
