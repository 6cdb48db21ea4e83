"""Lay out every planned slide: choose its template layout, fit its text, continue
what does not fit on "(cont.)" slides, and record each fit decision."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TypeAlias, assert_never

from generator.diagnostics import Diagnostic, Severity
from generator.layout.fit_warnings import fit_warnings
from generator.layout.fitting import (
    DoesNotFit,
    SizeRange,
    bullet_paragraphs,
    fit_common,
    fit_in_box,
    plain_paragraphs,
    split_over_slides,
)
from generator.layout.frames import FitDecision, Frame, PictureFrame, SlideLayout, TextFrame
from generator.layout.furniture import lay_out_furniture
from generator.layout.geometry import Box, DeckGeometry, LayoutGeometry
from generator.layout.notes import speaker_notes
from generator.layout.tables import layout_table
from generator.layout.text import Paragraph, TextStyle
from generator.layout.usable import room_below
from generator.look.theme import Theme
from generator.markup import (
    Span,
    languages_of,
    parse_inline,
    plain_text,
    side_by_side,
    unstyled,
)
from generator.model import ActivitySlide, ColumnsSlide, ImageSlide, Workshop
from generator.outline.assets import ImageAsset
from generator.plan import AgendaItem, Plan, PlannedSlide
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
from generator.words import Words, words_for

_Simple: TypeAlias = (
    TitleKind | SectionKind | BreakKind | ClosingKind | QuoteKind | StatementKind | ColumnsKind
    | ImageKind
)
"""The kinds whose slide never continues onto a "(cont.)" slide."""

BODY = TextStyle()
TITLE = TextStyle(line_height=1.1, space_before=0.0)
HERO = TextStyle(line_height=1.15, space_before=0.3)
NUMBERED = TextStyle(bullet_indent=1.5)
GAP = 14.0


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

    @property
    def factor(self) -> float:
        return self.theme.font_width_factor

    def layout(self, role: str) -> LayoutGeometry:
        return self.geometry.roles[role]

    def sizes(self, kind: str) -> SizeRange:
        t = self.theme
        return {
            "title": SizeRange(t.title_max, t.title_min, t.size_floor),
            "body": SizeRange(t.body_max, t.body_min, t.size_floor),
            "hero": SizeRange(t.hero_max, t.body_min, t.size_floor),
            "small": SizeRange(t.small_size, t.size_floor, t.size_floor),
            "table": SizeRange(t.body_min, t.size_floor, t.size_floor),
        }[kind]


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


def _title(layout: LayoutGeometry, title: str, ctx: _Context,
           role: str) -> tuple[TextFrame, FitDecision]:
    """Return the slide's title fitted into the layout's title placeholder.

    Quote and statement slides show their title as a small line above the content
    (slot ``eyebrow``); the title slide's title is set larger than other titles.
    """
    placeholder = layout.first("title")
    if placeholder is None:
        raise DoesNotFit("title", ctx.theme.size_floor)
    theme = ctx.theme
    tone = "inverse" if layout.dark else "text"
    paragraphs = [Paragraph.from_markup(title)]
    if role in ("quote", "statement"):
        paragraphs = [Paragraph.from_markup(side_by_side(title))]  # a pair on its one line
        sizes = SizeRange(theme.small_size, theme.size_floor, theme.size_floor)
        fitted = fit_in_box(paragraphs, placeholder.box, sizes, TITLE, "eyebrow", ctx.factor)
        return (TextFrame("eyebrow", placeholder.idx, placeholder.box, fitted, TITLE,
                          anchor="t", tone="muted"),
                FitDecision("eyebrow", fitted.size, sizes.preferred))
    sizes = ctx.sizes("title")
    if role in ("title", "break"):
        sizes = SizeRange(theme.hero_max, theme.title_min, theme.size_floor)
    fitted = fit_in_box(paragraphs, placeholder.box, sizes, TITLE, "title", ctx.factor)
    align = "ctr" if role == "break" else "l"  # the break layout centres its rule
    return (TextFrame("title", placeholder.idx, placeholder.box, fitted, TITLE, align=align,
                      anchor="b", tone=tone),
            FitDecision("title", fitted.size, sizes.preferred))


def _content_area(layout: LayoutGeometry, ctx: _Context) -> Box:
    """Return the free area below a layout's title, above the footer band."""
    title = layout.first("title")
    top = (title.box.bottom if title else 36.0) + GAP
    bottom = ctx.geometry.height * 0.9
    left = title.box.x if title else 36.0
    width = title.box.w if title else ctx.geometry.width - 72
    for box in layout.obstacles:  # the slide number, footer or logo at the foot: clear it
        if box.y > top + (bottom - top) / 2 and box.x < left + width and box.right > left:
            bottom = min(bottom, box.y - GAP)
    return Box(left, top, width, bottom - top)


def _agenda_paragraphs(items: tuple[AgendaItem, ...], words: Words) -> list[Paragraph]:
    paragraphs = []
    for item in items:
        when = ""
        if item.start and item.end:
            when = words("{start}–{end}", start=words.time(item.start),
                         end=words.time(item.end)) + "   "
        label = unstyled(item.title)
        if item.is_break:
            label = words("{title} (break)", title=label)
        line = f"{label} · {words.minutes(item.minutes, 'short')}"
        spans = tuple(Span(s.text, True, s.italic, s.href, s.lang) for s in parse_inline(when))
        paragraphs.append(Paragraph(spans + parse_inline(line)))
    return paragraphs


def _bulleted(role: str, paragraphs: list[Paragraph],
              ctx: _Context) -> list[tuple[list[Frame], list[FitDecision]]]:
    layout = ctx.layout(role)
    body = layout.bodies()[0]
    chunks = split_over_slides(paragraphs, body.box, ctx.sizes("body"), BODY, "body",
                               ctx.factor) \
        if paragraphs else []
    pages = []
    for index, fitted in enumerate(chunks or [None]):
        frames: list[Frame] = []
        decisions: list[FitDecision] = []
        if fitted is not None:
            frames.append(TextFrame("body", body.idx, body.box, fitted, BODY))
            decisions.append(FitDecision("body", fitted.size, ctx.theme.body_max, index > 0))
        pages.append((frames, decisions))
    return pages


def _columns(slide: ColumnsSlide, ctx: _Context) -> list[Frame]:
    layout = ctx.layout("columns3" if len(slide.columns) == 3 else "columns")
    bodies = layout.bodies()[: len(slide.columns)]
    groups = []
    for column in slide.columns:
        paragraphs = [_bold(Paragraph.from_markup(column.heading))] if column.heading else []
        groups.append(paragraphs + bullet_paragraphs(column.bullets))
    fitted = fit_common(groups, [b.box for b in bodies], ctx.sizes("body"), BODY, "columns",
                        ctx.factor)
    return [TextFrame(f"column{i + 1}", b.idx, b.box, f, BODY)
            for i, (b, f) in enumerate(zip(bodies, fitted, strict=True))]


def _activity(slide: ActivitySlide, ctx: _Context) -> list[tuple[list[Frame],
                                                                 list[FitDecision]]]:
    """Return the activity's slides: time, format and numbered steps, then the prompts.

    The prompts (also printed on the worksheet) follow on a "(cont.)" slide, so
    the room sees the instructions first and the questions once they start.
    """
    activity = slide.activity
    body = ctx.layout("activity").bodies()[0]
    sizes = ctx.sizes("body")
    lead = " · ".join(x for x in (ctx.words.minutes(activity.minutes), activity.format) if x)
    steps = [_bold(Paragraph.from_markup(lead))] + [
        Paragraph.from_markup(step, 0, True) for step in activity.steps
    ]
    pages = []
    number = 1
    for chunk in split_over_slides(steps, body.box, sizes, NUMBERED, "steps", ctx.factor):
        pages.append(([TextFrame("steps", body.idx, body.box, chunk, NUMBERED, numbered=True,
                                 number_from=number)],
                      [FitDecision("steps", chunk.size, sizes.preferred, bool(pages))]))
        number += sum(p.paragraph.bullet for p in chunk.paragraphs)
    if activity.prompts:
        prompts = [_bold(Paragraph.from_markup(ctx.words("Think about")))] + [
            Paragraph.from_markup(p, 0, True) for p in activity.questions
        ]
        for chunk in split_over_slides(prompts, body.box, sizes, BODY, "prompts", ctx.factor):
            pages.append(([TextFrame("prompts", body.idx, body.box, chunk, BODY)],
                          [FitDecision("prompts", chunk.size, sizes.preferred, True)]))
    return pages


def _picture(slide: ImageSlide, ctx: _Context) -> list[Frame]:
    area = _content_area(ctx.layout("image"), ctx)
    frames: list[Frame] = []
    if slide.caption:
        room = 40.0 * len(languages_of(slide.caption) or [""])  # a line per language
        caption = fit_in_box([Paragraph.from_markup(slide.caption)],
                             Box(area.x, area.bottom - room, area.w, room), ctx.sizes("small"),
                             BODY, "caption", ctx.factor)
        box = Box(area.x, area.bottom - caption.height - 7.2, area.w, caption.height + 7.2)
        frames.append(TextFrame("caption", None, box, caption, BODY, align="ctr", tone="muted"))
        area = Box(area.x, area.y, area.w, box.y - area.y - 6)
    asset = ctx.images[slide.image]
    scale = min(area.w / asset.width, area.h / asset.height)
    w, h = asset.width * scale, asset.height * scale
    box = Box(area.x + (area.w - w) / 2, area.y + (area.h - h) / 2, w, h)
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
            lines = [kind.subtitle] if kind.subtitle else []
            details = [x for x in (kind.event, kind.date and ctx.words.date(kind.date),
                                   kind.venue) if x]
            if details:
                lines.append(" · ".join(details))
            if lines:
                add("subtitle", 0, [Paragraph.from_markup(x) for x in lines], "small",
                    anchor="t", tone=on_dark)
        case SectionKind():
            add("detail", 0, [Paragraph.from_markup(_section_line(kind, ctx.words))], "small",
                tone=on_dark)
        case BreakKind(minutes=minutes):
            add("body", 0, [Paragraph.from_markup(ctx.words.minutes(minutes))], "body",
                tone=on_dark, align="ctr")
        case QuoteKind(slide=quote):
            add("quote", 0, [Paragraph.from_markup(f"“{quote.quote}”")], "hero", HERO,
                anchor="ctr")
            if quote.by:
                add("by", 1, [Paragraph.from_markup(f"— {quote.by}")], "small", tone="muted")
        case StatementKind(slide=statement):
            add("statement", 0, plain_paragraphs(statement.statement, bold=True), "hero", HERO,
                anchor="ctr", align="ctr")
        case ColumnsKind(slide=columns):
            frames.extend(_columns(columns, ctx))
        case ImageKind(slide=image):
            frames.extend(_picture(image, ctx))
        case ClosingKind():
            people = ctx.words.names(kind.facilitators)
            lines = [x for x in (people, kind.organisation) if x]
            if lines:
                add("body", 0, [Paragraph.from_markup(x) for x in lines], "body")
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
            return _bulleted("agenda", _agenda_paragraphs(items, ctx.words), ctx)
        case ActivityKind(slide=slide):
            return _activity(slide, ctx)
        case TableKind(slide=slide):
            area = _content_area(ctx.layout("table"), ctx)
            tables = layout_table(slide.table.header, slide.table.rows, area,
                                  ctx.sizes("table"), planned.title, ctx.factor)
            return [([t], [FitDecision("table", t.cells[0][0].size, ctx.theme.body_min, i > 0)])
                    for i, t in enumerate(tables)]
        case TitleKind() | SectionKind() | BreakKind() | ClosingKind() | QuoteKind() \
                | StatementKind() | ColumnsKind() | ImageKind():
            return [_simple(planned, kind, ctx)]
        case _:
            assert_never(kind)


def layout_deck(plan: Plan, geometry: DeckGeometry, theme: Theme,
                images: dict[str, ImageAsset]) -> DeckLayout:
    """Return every slide of ``plan`` laid out in ``geometry``, with fit problems found."""
    ctx = _Context(geometry, theme, images, plan.workshop, plan.words)
    furniture = lay_out_furniture(theme, geometry.width, geometry.height, ctx.factor)
    slides: list[SlideLayout] = []
    problems: list[Diagnostic] = []
    seen: dict[str, int] = {}
    for index, planned in enumerate(plan.slides):
        try:
            pages = _pages(planned, ctx)
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
            marked = unstyled(planned.title)
            if page:
                marked += " " + (plan.words("(cont.)") if page == 1 else
                                 plan.words("(cont. {n})", n=page))
            title = plain_text(side_by_side(marked))  # a pair's languages on one line
            seen[title] = seen.get(title, 0) + 1
            if seen[title] > 1:
                marked = f"{marked} ({seen[title]})"
                title = f"{title} ({seen[title]})"
            try:
                title_frame, title_decision = _title(page_layout, marked, ctx, planned.role)
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


def _layout_role(planned: PlannedSlide) -> str:
    """Return the role whose layout serves ``planned`` (three columns have their own)."""
    match planned.kind:
        case ColumnsKind(slide=slide) if len(slide.columns) == 3:
            return "columns3"
        case _:
            return planned.role
