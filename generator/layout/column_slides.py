"""Columns slides: the columns side by side on one slide, or a comparison's rows shared
out over slides where they would line up only below the theme's body minimum."""

from __future__ import annotations

from generator.layout.columns import lay_out_columns, split_paired_columns
from generator.layout.fitting import (
    bullet_paragraphs,
)
from generator.layout.frames import (
    FitDecision,
    Frame,
    TextFrame,
)
from generator.layout.layout_context import LayoutContext, bold
from generator.layout.text import Paragraph
from generator.model import ColumnsSlide
from generator.slide_kinds import (
    ColumnsKind,
)


def column_groups(slide: ColumnsSlide) -> list[list[Paragraph]]:
    """Return each column's paragraphs: its heading (bold), if any, then its bullets."""
    groups = []
    for column in slide.columns:
        paragraphs = [bold(Paragraph.from_markup(column.heading))] if column.heading else []
        groups.append(paragraphs + bullet_paragraphs(column.bullets))
    return groups


def columns_frames(slide: ColumnsSlide, ctx: LayoutContext) -> list[Frame]:
    """Return the frames of a columns slide's columns, side by side on one slide."""
    layout = ctx.layout("columns3" if len(slide.columns) == 3 else "columns")
    bodies = layout.bodies()[: len(slide.columns)]
    return lay_out_columns(column_groups(slide), bodies, ctx.sizes("body"),
                           ctx.theme.small_size, ctx.factor)


def comparison_pages(kind: ColumnsKind, ctx: LayoutContext,
                     one: tuple[list[Frame], list[FitDecision]],
                     ) -> list[tuple[list[Frame], list[FitDecision]]]:
    """Return a columns slide's pages: ``one``, the slide laid out on its own (see
    `single_slides.single_slide`), unless it is a comparison (two
    columns whose bullets pair up) whose rows line up only below the theme's body
    minimum there; then its rows shared out over slides, each repeating the headings,
    lined up at one size no smaller than the body minimum, the later ones "(cont.)"
    slides (the one slide as today when no such split exists)."""
    slide = kind.slide
    columns = [f for f in one[0] if isinstance(f, TextFrame) and f.slot.startswith("column")]
    sizes = ctx.sizes("body")
    headings = {bool(c.heading) for c in slide.columns}
    if len(slide.columns) != 2 or len(headings) != 1 or \
            (all(f.gaps for f in columns) and min(f.text.size for f in columns) >= sizes.minimum):
        return [one]
    bodies = ctx.layout("columns").bodies()[:2]
    split = split_paired_columns(column_groups(slide), bodies, sizes, ctx.factor,
                                 headings.pop())
    if split is None:
        return [one]
    return [(list(frames), [FitDecision(f.slot, f.text.size, ctx.theme.body_max, page > 0)
                            for f in frames])
            for page, frames in enumerate(split)]
