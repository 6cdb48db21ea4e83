"""Warnings about text the layout had to set smaller than the theme prefers."""

from __future__ import annotations

from generator.diagnostics import Diagnostic, Severity
from generator.layout.frames import SlideLayout
from generator.look.theme import Theme
from generator.problems import Problem

SMALL_SLOTS = {"subtitle", "detail", "by", "credit", "caption", "table", "eyebrow",
                "footer", "hidden title", "organisation", "details", "glance", "length", "needs",
                "people"}

def fit_warnings(slides: list[SlideLayout], theme: Theme) -> list[Diagnostic]:
    """Return a warning for each text set below the theme's minimum size to fit."""
    found = []
    for slide in slides:
        for decision in slide.decisions:
            if decision.slot in SMALL_SLOTS:
                continue
            minimum = theme.title_min if decision.slot == "title" else theme.body_min
            if decision.size < minimum:
                found.append(Diagnostic(
                    Problem.W_FIT_SMALL, f"the {decision.slot} was set at "
                    f"{decision.size:g} pt to fit, below the theme's minimum of {minimum:g} pt",
                    Severity.WARNING, slide.position, slide=slide.number,
                    hint="shorten the text so it can be read from the back of the room",
                ))
    return found
