"""Lay out every planned slide: choose its template layout, fit its text, continue
what does not fit on "(cont.)" slides, and record each fit decision."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TypeAlias, assert_never

from generator.diagnostics import Diagnostic, Severity
from generator.layout import compose
from generator.layout.activity_pair import activity_pair
from generator.layout.columns import lay_out_columns, split_paired_columns
from generator.layout.fit_warnings import fit_warnings
from generator.layout.fitting import (
    DoesNotFit,
    SizeRange,
    bullet_paragraphs,
    fit_in_box,
    plain_paragraphs,
    split_over_slides,
)
from generator.layout.frames import (
    INSET_X,
    FitDecision,
    Frame,
    PictureFrame,
    SlideLayout,
    TextFrame,
)
from generator.layout.furniture import lay_out_furniture
from generator.layout.geometry import Box, DeckGeometry, LayoutGeometry, Placeholder
from generator.layout.measure import measured_families, measuring
from generator.layout.notes import speaker_notes
from generator.layout.picture_room import content_area
from generator.layout.tables import layout_table
from generator.layout.text import Paragraph, TextStyle
from generator.layout.usable import room_below
from generator.look.theme import Theme
from generator.markup import (
    Span,
    languages_of,
    plain_text,
    side_by_side,
    unstyled,
)
from generator.model import ActivitySlide, ColumnsSlide, ImageSlide, Workshop
from generator.outline.assets import ImageAsset
from generator.plan import Plan, PlannedSlide
from generator.problems import Problem
from generator.slide_kinds import (
    ActivityKind,
    AgendaKind,
    BreakKind,
    BulletsKind,
    ClosingKind,
    ColumnsKind,
    ImageKind,
    QuoteKind,
    SectionKind,
    StatementKind,
    TableKind,
    TitleKind,
)
from generator.wording import break_name
from generator.words import Words, words_for

_Simple: TypeAlias = (
    TitleKind | SectionKind | BreakKind | ClosingKind | QuoteKind | StatementKind | ColumnsKind
    | ImageKind
)
"""The kinds laid out on one slide by `_simple`, never continued onto a "(cont.)" slide
(but a comparison whose rows only line up below the body minimum, see `_comparison`)."""

BODY = TextStyle()
TITLE = TextStyle(line_height=1.1, space_before=0.0)
HERO = TextStyle(line_height=1.15, space_before=0.3)
NUMBERED = TextStyle(bullet_indent=1.5)
GAP = 14.0
HIDDEN_TITLE_ROLES = frozenset({"quote", "statement"})
"""Roles whose design shows no title: theirs is kept off the slide for screen readers."""
HIDDEN_TITLE_GAP = 36.0
"""How far above the slide's top edge a hidden title's box ends, pt."""


@dataclass(frozen=True, slots=True)
class DeckLayout:
    """Every slide of the deck laid out, and the problems found while fitting."""

    slides: tuple[SlideLayout, ...]
    diagnostics: tuple[Diagnostic, ...]
    size: tuple[float, float] = (960.0, 540.0)
    words: Words = field(default_factory=lambda: words_for("en-GB"))
    """make-deck's own words, as the plan's (for the deck's properties and sections)."""


@dataclass
class _Context:
    geometry: DeckGeometry
    theme: Theme
    images: dict[str, ImageAsset]
    workshop: Workshop
    words: Words
    cap: float | None = None
    """The largest body or hero size for the slide being laid out (see `_harmonise`)."""

    @property
    def factor(self) -> float:
        """Return 1: the faces text is measured with carry any margin (see
        `generator.layout.measure`)."""
        return 1.0

    def layout(self, role: str) -> LayoutGeometry:
        return self.geometry.roles[role]

    def sizes(self, kind: str) -> SizeRange:
        t = self.theme
        found = {
            "title": SizeRange(t.title_max, t.title_min, t.size_floor),
            "body": SizeRange(t.body_max, t.body_min, t.size_floor),
            "hero": SizeRange(t.hero_max, t.body_min, t.size_floor),
            "small": SizeRange(t.small_size, t.size_floor, t.size_floor),
            "lead": SizeRange(t.body_max, t.small_size, t.size_floor),  # closing lines
            "table": SizeRange(t.body_min, t.size_floor, t.size_floor),
        }[kind]
        if self.cap is None or kind not in ("body", "hero") or self.cap >= found.preferred:
            return found
        return SizeRange(self.cap, min(found.minimum, self.cap), min(found.floor, self.cap))


def _bold(paragraph: Paragraph) -> Paragraph:
    return Paragraph(tuple(Span(s.text, True, s.italic, s.href, s.lang) for s in paragraph.spans),
                     paragraph.level, paragraph.bullet)


def _text(slot: str, placeholder: object, text: list[Paragraph], ctx: _Context, kind: str,
          style: TextStyle = BODY, **extra: object) -> tuple[TextFrame, FitDecision]:
    box = placeholder.box  # type: ignore[attr-defined]
    sizes = ctx.sizes(kind)
    fitted = fit_in_box(text, box, sizes, style, slot, ctx.factor)
    frame = TextFrame(slot, placeholder.idx, box, fitted, style, **extra)  # type: ignore[attr-defined,arg-type]
    return frame, FitDecision(slot, fitted.size, sizes.preferred)


def _title_cut_at(layout: LayoutGeometry, top: float) -> LayoutGeometry:
    """Return ``layout`` with its title placeholder's box starting at ``top`` (under an
    activity's label line)."""
    def cut(placeholder: Placeholder) -> Placeholder:
        if placeholder.kind not in ("title", "ctrTitle"):
            return placeholder
        box = placeholder.box
        return replace(placeholder, box=Box(box.x, top, box.w, box.bottom - top))
    return replace(layout, placeholders=tuple(cut(p) for p in layout.placeholders))


def _title(layout: LayoutGeometry, title: str, ctx: _Context,
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
        paragraphs = [_bold(p) for p in paragraphs]
    if role in HIDDEN_TITLE_ROLES:
        paragraphs = [Paragraph.from_markup(side_by_side(title))]  # a pair on its one line
        sizes = SizeRange(theme.small_size, theme.size_floor, theme.size_floor)
    with measuring(measured_families(theme.heading_font_family or theme.font_family)):
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


def _content_area(layout: LayoutGeometry, ctx: _Context) -> Box:
    """Return the area pictures and tables take below a layout's title (see
    `picture_room.content_area`)."""
    return content_area(layout, ctx.layout("bullets"), ctx.geometry.width, ctx.geometry.height)


def _bulleted(role: str, paragraphs: list[Paragraph], ctx: _Context,
              style: TextStyle = BODY,
              labels: list[tuple[Span, ...]] | None = None,
              ) -> list[tuple[list[Frame], list[FitDecision]]]:
    """Return the pages of a bulleted slide (``labels``: an agenda's times, one a line)."""
    layout = ctx.layout(role)
    body = layout.bodies()[0]
    chunks = split_over_slides(paragraphs, body.box, ctx.sizes("body"), style, "body",
                               ctx.factor) \
        if paragraphs else []
    pages = []
    done = 0
    for index, fitted in enumerate(chunks or [None]):
        frames: list[Frame] = []
        decisions: list[FitDecision] = []
        if fitted is not None:
            count = len(fitted.paragraphs)
            own = tuple(labels[done:done + count]) if labels else ()
            done += count
            frames.append(TextFrame("body", body.idx, body.box, fitted, style, labels=own))
            decisions.append(FitDecision("body", fitted.size, ctx.theme.body_max, index > 0))
        pages.append((frames, decisions))
    return pages


def _column_groups(slide: ColumnsSlide) -> list[list[Paragraph]]:
    """Return each column's paragraphs: its heading (bold), if any, then its bullets."""
    groups = []
    for column in slide.columns:
        paragraphs = [_bold(Paragraph.from_markup(column.heading))] if column.heading else []
        groups.append(paragraphs + bullet_paragraphs(column.bullets))
    return groups


def _columns(slide: ColumnsSlide, ctx: _Context) -> list[Frame]:
    """Return the frames of a columns slide's columns, side by side on one slide."""
    layout = ctx.layout("columns3" if len(slide.columns) == 3 else "columns")
    bodies = layout.bodies()[: len(slide.columns)]
    return lay_out_columns(_column_groups(slide), bodies, ctx.sizes("body"),
                           ctx.theme.small_size, ctx.factor)


def _comparison(planned: PlannedSlide, kind: ColumnsKind,
                ctx: _Context) -> list[tuple[list[Frame], list[FitDecision]]]:
    """Return a columns slide's pages: the one slide, unless it is a comparison (two
    columns whose bullets pair up) whose rows line up only below the theme's body
    minimum there; then its rows shared out over slides, each repeating the headings,
    lined up at one size no smaller than the body minimum, the later ones "(cont.)"
    slides (the one slide as today when no such split exists)."""
    one = _simple(planned, kind, ctx)
    slide = kind.slide
    columns = [f for f in one[0] if isinstance(f, TextFrame) and f.slot.startswith("column")]
    sizes = ctx.sizes("body")
    headings = {bool(c.heading) for c in slide.columns}
    if len(slide.columns) != 2 or len(headings) != 1 or \
            (all(f.gaps for f in columns) and min(f.text.size for f in columns) >= sizes.minimum):
        return [one]
    bodies = ctx.layout("columns").bodies()[:2]
    split = split_paired_columns(_column_groups(slide), bodies, sizes, ctx.factor,
                                 headings.pop())
    if split is None:
        return [one]
    return [(list(frames), [FitDecision(f.slot, f.text.size, ctx.theme.body_max, page > 0)
                            for f in frames])
            for page, frames in enumerate(split)]


def _activity(slide: ActivitySlide, ctx: _Context,
              title: str) -> list[tuple[list[Frame], list[FitDecision]]]:
    """Return the activity's slides: on one slide, its time, format and materials at a
    glance over the steps and prompts side by side, when they fit at the body size;
    else a pair of slides at the body size, the first as the one slide without its
    prompts, the second its prompts under the label "Activity · Think about" (and the
    activity's own title); else the steps, then the prompts on a "(cont.)" slide."""
    activity = slide.activity
    layout = ctx.layout("activity")
    body = layout.bodies()[0]
    sizes = ctx.sizes("body")
    label: list[Frame] = []
    second: list[Frame] = []  # the label over the prompts on a slide of their own
    heading = layout.first("title")
    if heading is not None:
        fitted_title = _title(layout, title, ctx, "activity")[0].text
        found = compose.glance_frame(activity, heading.box, fitted_title, ctx.theme, ctx.factor,
                                     ctx.words)
        label = [found] if found else []
        found = compose.glance_frame(compose.think_about(ctx.words), heading.box, fitted_title,
                                     ctx.theme, ctx.factor, ctx.words)
        second = [found] if found else []
    floor = ctx.theme.size_floor
    one_slide = sizes.strict()  # side by side only at the body size
    own = body.box  # the line across the foot may take the free room below the body
    whole = Box(own.x, own.y, own.w,
                max(own.bottom, room_below(own, layout, ctx.geometry.height)) - own.y)
    try:
        one = compose.activity_slide(activity, whole, one_slide, ctx.factor, NUMBERED,
                                     body.idx, bool(label), ctx.words, ctx.sizes("small"))
        size = one.sizes()["steps"]
        if one.sizes().get("needs", 0.0) > size:  # the line at the foot no larger than the steps
            one = compose.activity_slide(activity, whole, one_slide, ctx.factor, NUMBERED,
                                         body.idx, bool(label), ctx.words,
                                         SizeRange(size, min(size, floor), min(size, floor)))
        return [([*label, *one.frames], [FitDecision(f.slot, f.text.size, sizes.preferred)
                                         for f in one.frames])]
    except DoesNotFit:
        pass
    if len(activity.prompts) > 1:  # one prompt would stand alone on its slide
        try:
            first, prompts_slide = activity_pair(
                activity, whole, body.box, sizes, ctx.factor, NUMBERED, body.idx, bool(label),
                ctx.words, ctx.sizes("small"), bool(second))
            return [([*label, *first.frames], [FitDecision(f.slot, f.text.size, sizes.preferred)
                                               for f in first.frames]),
                    ([*second, *prompts_slide.frames],
                     [FitDecision(f.slot, f.text.size, sizes.preferred)
                      for f in prompts_slide.frames])]
        except DoesNotFit:
            pass
    lead = " · ".join(x for x in (ctx.words.minutes(activity.minutes), activity.format) if x)
    steps = ([] if label else [_bold(Paragraph.from_markup(lead))]) + [
        Paragraph.from_markup(step, 0, True) for step in activity.steps
    ] + ([] if activity.prompts else compose.materials(activity, ctx.words))
    pages = []
    number = 1
    for chunk in split_over_slides(steps, body.box, sizes, NUMBERED, "steps", ctx.factor):
        pages.append(([TextFrame("steps", body.idx, body.box, chunk, NUMBERED, numbered=True,
                                 number_from=number)],
                      [FitDecision("steps", chunk.size, sizes.preferred, bool(pages))]))
        number += sum(p.paragraph.bullet for p in chunk.paragraphs)
    if pages:
        pages[0][0][:0] = label
    if activity.prompts:
        prompts = [_bold(Paragraph.from_markup(ctx.words("Think about")))] + [
            Paragraph.from_markup(p, 0, True) for p in activity.questions
        ] + compose.materials(activity, ctx.words)
        steps_size = pages[-1][1][0].size if pages else sizes.preferred
        sizes = SizeRange(min(sizes.preferred, steps_size), min(sizes.minimum, steps_size),
                          sizes.floor)  # the prompts no larger than the steps
        for chunk in split_over_slides(prompts, body.box, sizes, BODY, "prompts", ctx.factor):
            pages.append(([TextFrame("prompts", body.idx, body.box, chunk, BODY)],
                          [FitDecision("prompts", chunk.size, sizes.preferred, True)]))
    return pages


def _picture(slide: ImageSlide, ctx: _Context) -> list[Frame]:
    area = _content_area(ctx.layout("image"), ctx)
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


def _simple(planned: PlannedSlide, kind: _Simple,
            ctx: _Context) -> tuple[list[Frame], list[FitDecision]]:
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
                frame, decision = _text(slot, replace(placeholder, box=box), paragraphs, ctx,
                                        kind, style, **extra)
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
            frames.extend(compose.title_slide(kind, ctx.workshop.organisation, layout,
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
            frame, decision = _text("quote", title, [Paragraph.from_markup(quote.quote)], ctx,
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
            frames.extend(_columns(columns, ctx))
        case ImageKind(slide=image):
            frames.extend(_picture(image, ctx))
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


def _shrink_above(frame: TextFrame, bottom: float, ctx: _Context) -> TextFrame:
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


def _pages(planned: PlannedSlide, ctx: _Context) -> list[tuple[list[Frame], list[FitDecision]]]:
    """Return each page (the slide and its "(cont.)" slides) of ``planned``: frames and
    fit decisions."""
    kind = planned.kind
    match kind:
        case BulletsKind(slide=slide):
            return _bulleted("bullets", bullet_paragraphs(slide.bullets), ctx)
        case AgendaKind(items=items):
            paragraphs, labels, style = compose.agenda_lines(items, ctx.words)
            return _bulleted("agenda", paragraphs, ctx, style, labels)
        case ActivityKind(slide=slide):
            return _activity(slide, ctx, planned.title)
        case TableKind(slide=slide):
            area = _content_area(ctx.layout("table"), ctx)
            tables = layout_table(slide.table.header, slide.table.rows, area,
                                  ctx.sizes("table"), planned.title, ctx.factor)
            return [([t], [FitDecision("table", t.cells[0][0].size, ctx.theme.body_min, i > 0)])
                    for i, t in enumerate(tables)]
        case ColumnsKind():
            return _comparison(planned, kind, ctx)
        case TitleKind() | SectionKind() | BreakKind() | ClosingKind() | QuoteKind() \
                | StatementKind() | ImageKind():
            return [_simple(planned, kind, ctx)]
        case _:
            assert_never(kind)


def layout_deck(plan: Plan, geometry: DeckGeometry, theme: Theme,
                images: dict[str, ImageAsset]) -> DeckLayout:
    """Return every slide of ``plan`` laid out in ``geometry``, with fit problems found;
    titles are measured in the theme's heading font, other text in its body font (see
    `generator.layout.measure`)."""
    with measuring(measured_families(theme.font_family)):
        return _layout_deck(plan, geometry, theme, images)


def _layout_deck(plan: Plan, geometry: DeckGeometry, theme: Theme,
                 images: dict[str, ImageAsset]) -> DeckLayout:
    """Return `layout_deck`'s answer, measuring in the fonts already chosen."""
    ctx = _Context(geometry, theme, images, plan.workshop, plan.words)
    furniture = lay_out_furniture(theme, geometry.width, geometry.height, ctx.factor)
    slides: list[SlideLayout] = []
    problems: list[Diagnostic] = []
    seen: dict[str, int] = {}
    all_pages = _harmonise(plan, ctx)
    for index, planned in enumerate(plan.slides):
        try:
            pages = all_pages[index]
            if isinstance(pages, DoesNotFit):
                raise pages
        except DoesNotFit as exc:
            problems.append(Diagnostic(
                Problem.E_FIT,
                f"the {exc.slot} of “{plain_text(side_by_side(planned.title))}” does not fit on a "
                f"slide even at {exc.size:g} pt", position=planned.position,
                hint="shorten the text or split it over two slides",
            ))
            continue
        layout = ctx.layout(_layout_role(planned))
        for page, (frames, decisions) in enumerate(pages):
            page_layout = layout
            if not page or any(d.continued for d in decisions):
                marked = unstyled(planned.title)
                if isinstance(planned.kind, BreakKind):
                    marked = break_name(unstyled(planned.kind.name), ctx.words)
                if page:
                    marked += " " + (plan.words("(cont.)") if page == 1 else
                                     plan.words("(cont. {n})", n=page))
                title = plain_text(side_by_side(marked))  # a pair's languages on one line
            else:  # the prompts of a designed pair: a title of their own in the slide list
                marked = unstyled(planned.title) + plan.words(": think about")
                title = plain_text(side_by_side(marked))
            seen[title] = seen.get(title, 0) + 1
            if seen[title] > 1:
                marked = f"{marked} ({seen[title]})"
                title = f"{title} ({seen[title]})"
            try:
                title_frame, title_decision = _title(page_layout, marked, ctx, planned.role)
                if page_layout.quote_in_title and isinstance(planned.kind, QuoteKind):
                    # the quote is in the title placeholder: it is the slide's title
                    title_frame = next(f for f in frames if isinstance(f, TextFrame)
                                       and f.slot == "quote")
                    frames = [f for f in frames if f is not title_frame]
                    title_decision = next(d for d in decisions if d.slot == "quote")
                    decisions = [d for d in decisions if d is not title_decision]
                label = next((f for f in frames if getattr(f, "slot", "") == "glance"), None)
                if label is not None:  # the title keeps the part of its box under its label
                    try:
                        title_frame, title_decision = _title(
                            _title_cut_at(page_layout, label.box.bottom), marked, ctx,
                            planned.role)
                    except DoesNotFit:  # a longer title (a pair's second): no label
                        frames = [f for f in frames if f is not label]
            except DoesNotFit:
                problems.append(Diagnostic(
                    Problem.E_FIT,
                    f"the title “{plain_text(side_by_side(marked))}” is too long to fit even at "
                    f"{theme.size_floor:g} pt", position=planned.position,
                    hint="shorten the title; put the detail in a bullet"))
                continue
            slides.append(SlideLayout(
                len(slides) + 1, index, planned.role, page_layout, title,
                (title_frame, *frames, *furniture.frames(page_layout.dark)),
                speaker_notes(planned, plan.words) if not page else
                (plan.words("(Continued from the previous slide.)") + "\n\n"
                 + (speaker_notes(planned, plan.words) or "")).strip(),
                page, planned.section_title, planned.position,
                (title_decision, *decisions), marked,
            ))
    problems.extend(fit_warnings(slides, theme))
    if furniture.shortened:
        problems.append(Diagnostic(
            Problem.W_THEME_FOOTER, "the theme's footer is too long for one line and was shortened",
            Severity.WARNING, hint="shorten `footer:` in the theme file"))
    return DeckLayout(tuple(slides), tuple(problems), (geometry.width, geometry.height),
                      plan.words)


_PageList = list[tuple[list[Frame], list[FitDecision]]]
_HARMONISED = frozenset({"body", "steps", "prompts", "quote", "statement"} |
                        {f"column{i}" for i in (1, 2, 3)})
"""Slots set at one size on every slide of a kind (no drift from slide to slide)."""


def _content_size(pages: _PageList) -> float | None:
    sizes = [d.size for _, decisions in pages for d in decisions if d.slot in _HARMONISED]
    return min(sizes) if sizes else None


def _harmonise(plan: Plan, ctx: _Context) -> list[_PageList | DoesNotFit]:
    """Return every planned slide's pages, slides of one kind at one text size.

    Each slide is fitted on its own first; then slides of a kind (bullets, activity,
    two columns...) set larger than the smallest of their kind are fitted again with
    that size as their largest, down to no less than the theme's ``body_min``. An
    activity on one slide (steps and prompts side by side) or on a designed pair of
    slides is one kind; one continued onto "(cont.)" slides is a kind of its own.
    """
    found: list[_PageList | DoesNotFit] = []
    for planned in plan.slides:
        try:
            found.append(_pages(planned, ctx))
        except DoesNotFit as exc:
            found.append(exc)
    smallest: dict[str, float] = {}
    for planned, pages in zip(plan.slides, found, strict=True):
        size = None if isinstance(pages, DoesNotFit) else _content_size(pages)
        if size is not None:
            kind = _group(planned, pages)  # type: ignore[arg-type]
            smallest[kind] = min(smallest.get(kind, size), max(size, ctx.theme.body_min))
    for index, (planned, pages) in enumerate(zip(plan.slides, found, strict=True)):
        size = None if isinstance(pages, DoesNotFit) else _content_size(pages)
        cap = None if size is None else smallest.get(_group(planned, pages))  # type: ignore[arg-type]
        if size is None or cap is None or size <= cap:
            continue
        ctx.cap = cap
        try:
            found[index] = _pages(planned, ctx)
        finally:
            ctx.cap = None
    return found


def _group(planned: PlannedSlide, pages: _PageList) -> str:
    """Return the kind whose slides share a size: the layout role, an activity continued
    onto "(cont.)" slides apart from one on a slide or a designed pair of slides."""
    role = _layout_role(planned)
    continued = any(d.continued for _, decisions in pages for d in decisions)
    return f"{role} continued" if role == "activity" and continued else role


def _layout_role(planned: PlannedSlide) -> str:
    """Return the role whose layout serves ``planned`` (three columns have their own)."""
    match planned.kind:
        case ColumnsKind(slide=slide) if len(slide.columns) == 3:
            return "columns3"
        case _:
            return planned.role
