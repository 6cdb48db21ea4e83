"""Text beside a logo or piece of artwork in a box's lower corner.

A box kept clear of such a thing is narrowed beside it or shortened above it (see
`generator.layout.usable`); a slide composed in the box's full size instead stands as
long as none of its text runs into the thing: each frame ends above it, lies outside
its corner, or keeps its lines when narrowed to the corner's left edge (a short line
across the foot).
"""

from __future__ import annotations

from dataclasses import replace

from generator.layout.fitting import ends_above, fit_exact
from generator.layout.frames import TextFrame
from generator.layout.geometry import Placeholder


def clear_of_corner(frame: TextFrame, body: Placeholder, factor: float = 1.0
                    ) -> TextFrame | None:
    """Return ``frame``, set in ``body``'s full box, as it may stand beside the thing in
    ``body``'s corner (see `Placeholder.corner`): as it is where its box stays out of
    the corner or its text ends above it (a top-anchored box then ending above the
    corner too), narrowed to the corner's left edge where its text
    keeps its lines there; None where its text would run into the thing."""
    corner = body.corner()
    box = frame.box
    if corner is None or not box.overlaps(corner, 1):
        return frame
    if ends_above(frame.text, box, corner.y, frame.anchor, frame.gaps):
        if frame.anchor != "t":
            return frame  # its text placed by the box's height: as it is
        return replace(frame, box=replace(box, h=corner.y - box.y))  # clear of the thing
    if corner.x - box.x < box.w / 2:
        return None
    narrowed = replace(box, w=corner.x - box.x)
    paragraphs = [p.paragraph for p in frame.text.paragraphs]
    refit = fit_exact(paragraphs, narrowed, frame.text.size, frame.style, factor)
    lines = [len(p.lines) for p in frame.text.paragraphs]
    if not refit.fits or [len(p.lines) for p in refit.paragraphs] != lines:
        return None
    return replace(frame, box=narrowed, text=refit)
