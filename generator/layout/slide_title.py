"""A slide's title fitted into its layout's title placeholder: large and bold on the
title and closing slides, kept off the slide (for screen readers) on quote and statement
slides."""

from __future__ import annotations

from dataclasses import replace

from generator.layout.fitting import (
    DoesNotFit,
    SizeRange,
    fit_in_box,
)
from generator.layout.frames import (
    FitDecision,
    TextFrame,
)
from generator.layout.geometry import Box, LayoutGeometry, Placeholder
from generator.layout.layout_context import TITLE, LayoutContext, bold
from generator.layout.measure import measured_families, measuring
from generator.layout.text import Paragraph
from generator.markup import side_by_side

HIDDEN_TITLE_ROLES = frozenset({"quote", "statement"})
"""Roles whose design shows no title: theirs is kept off the slide for screen readers."""
HIDDEN_TITLE_GAP = 36.0
"""How far above the slide's top edge a hidden title's box ends, pt."""


def title_cut_at(layout: LayoutGeometry, top: float) -> LayoutGeometry:
    """Return ``layout`` with its title placeholder's box starting at ``top`` (under an
    activity's label line)."""
    def cut(placeholder: Placeholder) -> Placeholder:
        if placeholder.kind not in ("title", "ctrTitle"):
            return placeholder
        box = placeholder.box
        return replace(placeholder, box=Box(box.x, top, box.w, box.bottom - top))
    return replace(layout, placeholders=tuple(cut(p) for p in layout.placeholders))


def slide_title_frame(layout: LayoutGeometry, title: str, ctx: LayoutContext,
                      role: str) -> tuple[TextFrame, FitDecision]:
    """Return the slide's title fitted into the layout's title placeholder.

    Quote and statement slides show no title: theirs stays in the title placeholder
    for screen readers and the slide list, placed just above the slide (PowerPoint's
    own advice for a title the design does not show). The title and closing slides'
    titles are set large and bold.
    """
    placeholder = layout.first("title")
    if placeholder is None:
        raise DoesNotFit("title", ctx.theme.size_floor)
    theme = ctx.theme
    tone = "inverse" if layout.dark else "text"
    paragraphs = [Paragraph.from_markup(title)]
    sizes = ctx.sizes("title")
    if role in ("title", "closing", "break"):
        sizes = SizeRange(theme.hero_max, theme.title_min, theme.size_floor)
    if role in ("title", "closing"):
        paragraphs = [bold(p) for p in paragraphs]
    if role in HIDDEN_TITLE_ROLES:
        paragraphs = [Paragraph.from_markup(side_by_side(title))]  # a pair on its one line
        sizes = SizeRange(theme.small_size, theme.size_floor, theme.size_floor)
    with measuring(measured_families(*theme.heading_families, embedded=theme.embedded_fonts)):
        fitted = fit_in_box(paragraphs, placeholder.box, sizes, TITLE, "title", ctx.factor)
    if role in HIDDEN_TITLE_ROLES:
        box = placeholder.box
        above = Box(box.x, -box.h - HIDDEN_TITLE_GAP, box.w, box.h)
        return (TextFrame("title", placeholder.idx, above, fitted, TITLE, tone=tone,
                          hidden=True),
                FitDecision("hidden title", fitted.size, sizes.preferred))
    align = "ctr" if role == "break" else "l"  # the break layout centres its rule
    return (TextFrame("title", placeholder.idx, placeholder.box, fitted, TITLE, align=align,
                      anchor="b", tone=tone),
            FitDecision("title", fitted.size, sizes.preferred))
