"""Activity slides: time, format and materials at a glance over the steps and prompts
side by side, else a designed pair of slides, else the steps continued onto "(cont.)"
slides."""

from __future__ import annotations

from generator.layout import compose
from generator.layout.activity_pair import activity_pair
from generator.layout.corner import clear_of_corner
from generator.layout.fitting import (
    DoesNotFit,
    SizeRange,
    fit_in_box,
    split_over_slides,
)
from generator.layout.frames import (
    INSET_Y,
    FitDecision,
    Frame,
    TextFrame,
)
from generator.layout.geometry import Box, Placeholder
from generator.layout.layout_context import BODY, NUMBERED, LayoutContext, bold
from generator.layout.slide_title import slide_title_frame
from generator.layout.text import Paragraph
from generator.layout.usable import room_below
from generator.model import Activity, ActivitySlide


def activity_pages(slide: ActivitySlide, ctx: LayoutContext,
                   title: str) -> list[tuple[list[Frame], list[FitDecision]]]:
    """Return the activity's slides: on one slide, its time, format and materials at a
    glance over the steps and prompts side by side, when they fit at the body size;
    else a pair of slides at the body size, the first as the one slide without its
    prompts, the second its prompts, titled "<Title>: think about" and under the label
    "Activity · Think about" where the layout has room for it; else the pair continued
    (see `_continued`)."""
    activity = slide.activity
    layout = ctx.layout("activity")
    body = layout.bodies()[0]
    sizes = ctx.sizes("body")
    label: list[Frame] = []
    second: list[Frame] = []  # the label over the prompts on a slide of their own
    heading = layout.first("title")
    if heading is not None:
        fitted_title = slide_title_frame(layout, title, ctx, "activity")[0].text
        found = compose.glance_frame(activity, heading.box, fitted_title, ctx.theme, ctx.factor,
                                     ctx.words)
        label = [found] if found else []
        found = compose.glance_frame(compose.think_about(ctx.words), heading.box, fitted_title,
                                     ctx.theme, ctx.factor, ctx.words)
        second = [found] if found else []
    one_slide = sizes.strict()  # side by side only at the body size
    own = body.box  # the line across the foot may take the free room below the body
    whole = Box(own.x, own.y, own.w,
                max(own.bottom, room_below(own, layout, ctx.geometry.height)) - own.y)
    for room in (*_full_width(body, whole), whole):
        try:
            one = compose.activity_slide_foot_under_steps(
                activity, room, one_slide, ctx.factor, NUMBERED, body.idx, bool(label),
                ctx.words, ctx.sizes("small"), ctx.theme.size_floor)
        except DoesNotFit:
            continue
        frames = [clear_of_corner(f, body, ctx.factor) if room is not whole else f
                  for f in one.frames]
        if all(frames):
            return [([*label, *(f for f in frames if f)],
                     [FitDecision(f.slot, f.text.size, sizes.preferred) for f in one.frames])]
    if len(activity.prompts) > 1:  # one prompt would stand alone on its slide
        try:
            first, prompts_slide = activity_pair(
                activity, whole, body.box, sizes, ctx.factor, NUMBERED, body.idx, bool(label),
                ctx.words, ctx.sizes("small"), ctx.compact_pairs)
            return [([*label, *first.frames], [FitDecision(f.slot, f.text.size, sizes.preferred)
                                               for f in first.frames]),
                    ([*second, *prompts_slide.frames],
                     [FitDecision(f.slot, f.text.size, sizes.preferred)
                      for f in prompts_slide.frames])]
        except DoesNotFit:
            pass
    return _continued(activity, ctx, whole, label, second)


def _full_width(body: Placeholder, whole: Box) -> tuple[Box, ...]:
    """Return ``whole`` at ``body``'s full size, where it was narrowed beside or
    shortened above something in its lower corner (the one slide stands there if none
    of its text runs into that thing, see `corner.clear_of_corner`), tried before
    ``whole``; none elsewhere."""
    full = body.full_box()
    if full is None or body.corner() is None:
        return ()
    return (Box(whole.x, whole.y, max(whole.right, full.right) - whole.x,
                max(whole.bottom, full.bottom) - whole.y),)


def is_pair(pages: list[tuple[list[Frame], list[FitDecision]]]) -> bool | None:
    """Return, for an activity's slides, whether they are a designed pair in its compact
    form (its steps without a heading, all numbered), False for a pair in its full form,
    None for one slide or steps and prompts continued."""
    if len(pages) != 2 or any(d.continued for _, decisions in pages for d in decisions):
        return None
    steps = next((f for f in pages[0][0] if isinstance(f, TextFrame) and f.slot == "steps"),
                 None)
    return None if steps is None else steps.text.paragraphs[0].paragraph.bullet


def _continued(activity: Activity, ctx: LayoutContext, whole: Box, label: list[Frame],
               second: list[Frame]) -> list[tuple[list[Frame], list[FitDecision]]]:
    """Return the pair continued, where even a pair does not hold a half at the body
    minimum: the label (else the time and format leading the steps) and the steps in
    ``whole``, on "(cont.)" slides where they run on, "You need: ..." across the last
    one's foot; then the prompts under "Activity · Think about" (if there is room) on
    slides of their own, never smaller than the steps."""
    body = ctx.layout("activity").bodies()[0]
    sizes = ctx.sizes("body")
    lead = " · ".join(x for x in (ctx.words.minutes(activity.minutes), activity.format) if x)
    steps = ([] if label else [bold(Paragraph.from_markup(lead))]) + [
        Paragraph.from_markup(step, 0, True) for step in activity.steps]
    foot: list[Frame] = []
    room = whole
    needs = compose.materials(activity, ctx.words)
    if needs:  # small and muted across the last steps slide's foot, as on the pair's first
        small = ctx.sizes("small")
        fitted = fit_in_box(needs, whole, SizeRange(min(small.preferred, sizes.minimum),
                                                    min(small.minimum, sizes.minimum),
                                                    small.floor), BODY, "needs", ctx.factor)
        tall = fitted.height + 2 * INSET_Y
        foot = [TextFrame("needs", None, Box(whole.x, whole.bottom - tall, whole.w, tall),
                          fitted, BODY, tone="muted")]
        room = Box(whole.x, whole.y, whole.w, whole.h - tall - 6)
    pages = []
    number = 1
    for chunk in split_over_slides(steps, room, sizes, NUMBERED, "steps", ctx.factor):
        pages.append(([TextFrame("steps", body.idx, room, chunk, NUMBERED, numbered=True,
                                 number_from=number)],
                      [FitDecision("steps", chunk.size, sizes.preferred, bool(pages))]))
        number += sum(p.paragraph.bullet for p in chunk.paragraphs)
    if pages:
        pages[0][0][:0] = label
        pages[-1][0].extend(foot)
    if activity.prompts:
        prompts = [Paragraph.from_markup(p, 0, True) for p in activity.questions]
        steps_size = pages[-1][1][0].size if pages else sizes.preferred
        sizes = SizeRange(min(sizes.preferred, steps_size), min(sizes.minimum, steps_size),
                          sizes.floor)  # the prompts no larger than the steps
        for index, chunk in enumerate(split_over_slides(prompts, body.box, sizes, BODY,
                                                        "prompts", ctx.factor)):
            pages.append(([*([] if index else second),
                           TextFrame("prompts", body.idx, body.box, chunk, BODY)],
                          [FitDecision("prompts", chunk.size, sizes.preferred, bool(index))]))
    return pages
