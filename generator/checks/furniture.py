"""What a template draws on every slide (slide number, footer, logo) stays clear of
the slide's own text, tables and pictures.

The slide number's box comes from the slide's layout (as the thumbnails draw it);
the footer and logo are the theme's furniture frames. Each is checked against every
other box on the slide.
"""

from __future__ import annotations

from generator.checks.where import Where
from generator.diagnostics import Diagnostic, Severity
from generator.layout.frames import Frame, PictureFrame, TableFrame, TextFrame
from generator.layout.geometry import Box
from generator.layout.slides import DeckLayout
from generator.look.look import Look
from generator.problems import Problem

TOUCH = 0.5
"""Overlaps up to this many points (rounding) are not reported."""


def _overlap(a: Box, b: Box) -> tuple[float, float]:
    """Return how far two boxes overlap across and down (0 when they are apart)."""
    across = min(a.x + a.w, b.x + b.w) - max(a.x, b.x)
    down = min(a.y + a.h, b.y + b.h) - max(a.y, b.y)
    return max(across, 0.0), max(down, 0.0)


def _what(frame: Frame) -> str:
    if isinstance(frame, TableFrame):
        return "the table"
    if isinstance(frame, PictureFrame):
        return "the picture"
    return "the title" if isinstance(frame, TextFrame) and frame.slot == "title" else "the text"


def check_furniture(deck: DeckLayout, look: Look, where: Where) -> list[Diagnostic]:
    """Return FIT-FURNITURE for each slide where the slide number, footer or logo
    overlaps one of the slide's own boxes."""
    logo = look.theme.logo.path if look.theme.logo is not None else None
    found: list[Diagnostic] = []
    for slide in deck.slides:
        furniture: list[tuple[str, Box]] = []
        number = look.layout_look(slide.layout.name).number_box
        if number is not None:
            furniture.append(("the slide number", number))
        content: list[Frame] = []
        for frame in slide.frames:
            if isinstance(frame, TextFrame) and frame.slot == "footer":
                furniture.append(("the footer", frame.box))
            elif isinstance(frame, PictureFrame) and logo is not None and frame.path == logo:
                furniture.append(("the logo", frame.box))
            else:
                content.append(frame)
        for name, box in furniture:
            for frame in content:
                across, down = _overlap(box, frame.box)
                if across > TOUCH and down > TOUCH:
                    found.append(Diagnostic(
                        Problem.FIT_FURNITURE,
                        f"{name} overlaps {_what(frame)} by {down:.0f} pt", Severity.WARNING,
                        where.frame_position(slide, getattr(frame, "slot", "")),
                        slide=slide.number,
                        hint="shorten what is on the slide (fewer rows or words), or split "
                        "it over two slides",
                    ))
                    break
    return found
