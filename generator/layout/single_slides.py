"""Slides that take one slide each: title, section, break, quote, statement, columns,
picture and closing slides, their text fitted into the layout's placeholders."""

from __future__ import annotations

from dataclasses import replace
from typing import TypeAlias, assert_never

from generator.layout import compose, cover
from generator.layout.column_slides import columns_frames
from generator.layout.fitting import (
    DoesNotFit,
    SizeRange,
    fit_in_box,
    plain_paragraphs,
)
from generator.layout.frames import (
    INSET_X,
    FitDecision,
    Frame,
    PictureFrame,
    TextFrame,
)
from generator.layout.geometry import Box
from generator.layout.layout_context import (
    BODY,
    HERO,
    LayoutContext,
    content_area_in,
    fitted_text_frame,
)
from generator.layout.text import Paragraph, TextStyle
from generator.layout.usable import room_below
from generator.markup import languages_of, plain_text
from generator.model import ImageSlide
from generator.plan import PlannedSlide
from generator.slide_kinds import (
    BreakKind,
    ClosingKind,
    ColumnsKind,
    ImageKind,
    QuoteKind,
    SectionKind,
    StatementKind,
    TitleKind,
)
from generator.words import Words

SingleKind: TypeAlias = (
    TitleKind | SectionKind | BreakKind | ClosingKind | QuoteKind | StatementKind | ColumnsKind
    | ImageKind
)
"""The kinds laid out on one slide by `single_slide`, never continued onto a "(cont.)" slide
(but a comparison whose rows line up only below the body minimum, see
`column_slides.comparison_pages`)."""

GAP = 14.0
"""The space kept below the title when a long list of names grows up towards it, pt."""


def picture_frames(slide: ImageSlide, ctx: LayoutContext) -> list[Frame]:
    """Return a picture slide's frames: the picture scaled into the content area, from
    where text starts, and its caption (if any) just under it."""
    area = content_area_in(ctx.layout("image"), ctx)
    frames: list[Frame] = []
    if slide.caption:
        room = 72.0 * len(languages_of(slide.caption) or [""])  # room for each language
        caption = fit_in_box([Paragraph.from_markup(slide.caption)],
                             Box(area.x - INSET_X, area.bottom - room, area.w + 2 * INSET_X,
                                 room), ctx.sizes("small"), BODY, "caption", ctx.factor)
        box = Box(area.x - INSET_X, area.bottom - caption.height - 7.2, area.w + 2 * INSET_X,
                  caption.height + 7.2)
        frames.append(TextFrame("caption", None, box, caption, BODY, tone="muted"))
        area = Box(area.x, area.y, area.w, box.y - area.y - 6)
    asset = ctx.images[slide.image]
    scale = min(area.w / asset.width, area.h / asset.height)
    w, h = asset.width * scale, asset.height * scale
    box = Box(area.x, area.y, w, h)  # on the grid: left and top where text starts
    if frames:  # the caption under the picture, not at the foot of the slide
        caption_frame = frames[0]
        assert isinstance(caption_frame, TextFrame)
        frames[0] = replace(caption_frame, box=replace(caption_frame.box, y=box.bottom + 6))
    alt = plain_text(slide.alt) if slide.alt else None
    frames.insert(0, PictureFrame(box, asset.path, alt, slide.decorative))
    return frames


def single_slide(planned: PlannedSlide, kind: SingleKind,
                 ctx: LayoutContext) -> tuple[list[Frame], list[FitDecision]]:
    """Return the frames of a slide that never continues (all but bullets and tables)."""
    layout = ctx.layout(planned.role)
    bodies = layout.bodies()
    frames: list[Frame] = []
    decisions: list[FitDecision] = []
    on_dark = "inverse" if layout.dark else "text"

    def add(slot: str, index: int, paragraphs: list[Paragraph], kind: str,
            style: TextStyle = BODY, **extra: object) -> None:
        placeholder = bodies[index]
        own = placeholder.box
        floor = max(own.bottom, room_below(own, layout, ctx.geometry.height))
        down = Box(own.x, own.y, own.w, floor - own.y)
        # small lines (credits, attributions) may take the free room below them, then
        # more room upwards
        tries = [own, down, *(Box(down.x, down.bottom - down.h * grow, down.w, down.h * grow)
                              for grow in (1.5, 2.0, 3.0))] if kind == "small" else [own]
        title = layout.first("title")
        if slot == "people" and title is not None:  # a long list of names: up to the title
            top = min(own.y, title.box.bottom + GAP)
            tries = [own, down, Box(own.x, top, own.w, down.bottom - top)]
        for box in tries:
            try:
                frame, decision = fitted_text_frame(slot, replace(placeholder, box=box),
                                                    paragraphs, ctx, kind, style, **extra)
                break
            except DoesNotFit:
                if box is tries[-1]:
                    raise
        if box.y < own.y and frames:  # keep the text above clear of the taller box
            above = frames[-1]
            if isinstance(above, TextFrame) and above.box.bottom > frame.box.y and \
                    min(above.box.right, frame.box.right) > max(above.box.x, frame.box.x):
                frames[-1] = _shrink_above(above, frame.box.y - 4, ctx)
        frames.append(frame)
        decisions.append(decision)

    match kind:
        case TitleKind():
            frames.extend(cover.title_slide(kind, ctx.workshop.organisation, layout,
                                              ctx.theme, ctx.factor, on_dark, ctx.words,
                                              ctx.geometry.height).frames)
        case SectionKind():
            add("detail", 0, [Paragraph.from_markup(_section_line(kind, ctx.words))], "small",
                tone=on_dark)
        case BreakKind():
            frames.extend(compose.break_slide(kind.minutes, kind.back, layout, ctx.theme,
                                              ctx.factor, on_dark, ctx.words,
                                              ctx.geometry.height).frames)
        case QuoteKind(slide=quote) if layout.quote_in_title:
            title = layout.first("title")
            assert title is not None
            frame, decision = fitted_text_frame("quote", title,
                                                [Paragraph.from_markup(quote.quote)], ctx,
                                                "hero", HERO, anchor="ctr", tone=on_dark)
            frames.append(frame)  # the layout draws the quote marks around its title
            decisions.append(decision)
            if quote.by:
                add("by", 0, [Paragraph.from_markup(f"— {quote.by}")], "small", tone="muted")
        case QuoteKind(slide=quote):
            add("quote", 0, [Paragraph.from_markup(f"“{quote.quote}”")], "hero", HERO,
                anchor="ctr")
            if quote.by:
                add("by", 1, [Paragraph.from_markup(f"— {quote.by}")], "small", tone="muted")
        case StatementKind(slide=statement):
            add("statement", 0, plain_paragraphs(statement.statement), "hero", HERO,
                anchor="ctr", align="ctr")
        case ColumnsKind(slide=columns):
            frames.extend(columns_frames(columns, ctx))
        case ImageKind(slide=image):
            frames.extend(picture_frames(image, ctx))
        case ClosingKind():
            lines = compose.closing_lines(kind.facilitators, kind.organisation, ctx.words,
                                          kind.contact)
            if lines:
                try:
                    add("people", 0, lines, "lead", tone=on_dark)
                except DoesNotFit:  # a small box: organisation and contact share a line
                    add("people", 0, compose.closing_lines(
                        kind.facilitators, kind.organisation, ctx.words, kind.contact,
                        compact=True), "lead", tone=on_dark)
            if kind.source and len(bodies) > 1:
                add("credit", 1, [Paragraph.from_markup(kind.source)], "small", tone="muted")
        case _:
            assert_never(kind)
    for frame in frames:
        if isinstance(frame, TextFrame) and frame.slot not in {d.slot for d in decisions}:
            decisions.append(FitDecision(frame.slot, frame.text.size, ctx.theme.body_max))
    return frames, decisions


def _shrink_above(frame: TextFrame, bottom: float, ctx: LayoutContext) -> TextFrame:
    """Return ``frame`` refitted into a box that ends at ``bottom``."""
    box = Box(frame.box.x, frame.box.y, frame.box.w, max(bottom - frame.box.y, 20.0))
    paragraphs = [p.paragraph for p in frame.text.paragraphs]
    fitted = fit_in_box(paragraphs, box, SizeRange(frame.text.size, ctx.theme.size_floor,
                                                   ctx.theme.size_floor),
                        frame.style, frame.slot, ctx.factor)
    return TextFrame(frame.slot, frame.placeholder_idx, box, fitted, frame.style, frame.align,
                     frame.anchor, frame.tone, frame.numbered, frame.number_from)


def _section_line(kind: SectionKind, words: Words) -> str:
    """Return the line under a section divider's title: part number (breaks not
    counted) and time."""
    bits = [words("Part {number} of {total}", number=kind.number, total=kind.count)]
    if kind.section.minutes:
        bits.append(words.minutes(kind.section.minutes))
    return " · ".join(bits)
