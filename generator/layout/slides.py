"""Lay out every planned slide: choose its template layout, fit its text, continue
what does not fit on "(cont.)" slides, set slides of a kind at one size, and record each
fit decision.

Each kind's own composition lives in its module: `single_slides` (title, section, break,
quote, statement, columns, picture, closing), `column_slides`, `activity_slides`; titles in
`slide_title`; what they all draw on in `layout_context`. Bulleted lists, the agenda and
tables are continued here."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from typing import assert_never

from generator.diagnostics import Diagnostic, Severity
from generator.layout import compose
from generator.layout.activity_slides import activity_pages, is_pair
from generator.layout.column_slides import comparison_pages
from generator.layout.fit_warnings import fit_warnings
from generator.layout.fitting import (
    DoesNotFit,
    bullet_paragraphs,
    split_clear_of_corner,
)
from generator.layout.frames import (
    FitDecision,
    Frame,
    SlideLayout,
    TextFrame,
)
from generator.layout.furniture import lay_out_furniture
from generator.layout.geometry import DeckGeometry
from generator.layout.layout_context import BODY, LayoutContext, content_area_in
from generator.layout.measure import measured_families, measuring
from generator.layout.notes import speaker_notes
from generator.layout.single_slides import single_slide
from generator.layout.slide_title import slide_title_frame, title_cut_at
from generator.layout.tables import layout_table
from generator.layout.text import Paragraph, TextStyle
from generator.look.theme import Theme
from generator.markup import Span, plain_text, side_by_side, unstyled
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


@dataclass(frozen=True, slots=True)
class DeckLayout:
    """Every slide of the deck laid out, and the problems found while fitting."""

    slides: tuple[SlideLayout, ...]
    diagnostics: tuple[Diagnostic, ...]
    size: tuple[float, float] = (960.0, 540.0)
    words: Words = field(default_factory=lambda: words_for("en-GB"))
    """make-deck's own words, as the plan's (for the deck's properties and sections)."""


def _bulleted(role: str, paragraphs: list[Paragraph], ctx: LayoutContext,
              style: TextStyle = BODY,
              labels: list[tuple[Span, ...]] | None = None,
              ) -> list[tuple[list[Frame], list[FitDecision]]]:
    """Return the pages of a bulleted slide (``labels``: an agenda's times, one a line)."""
    layout = ctx.layout(role)
    body = layout.bodies()[0]
    chunks, box = split_clear_of_corner(paragraphs, body, ctx.sizes("body"), style, "body",
                                        ctx.factor) if paragraphs else ([], body.box)
    pages = []
    done = 0
    for index, fitted in enumerate(chunks or [None]):
        frames: list[Frame] = []
        decisions: list[FitDecision] = []
        if fitted is not None:
            count = len(fitted.paragraphs)
            own = tuple(labels[done:done + count]) if labels else ()
            done += count
            frames.append(TextFrame("body", body.idx, box, fitted, style, labels=own))
            decisions.append(FitDecision("body", fitted.size, ctx.theme.body_max, index > 0))
        pages.append((frames, decisions))
    return pages


def _pages(planned: PlannedSlide,
           ctx: LayoutContext) -> list[tuple[list[Frame], list[FitDecision]]]:
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
            return activity_pages(slide, ctx, planned.title)
        case TableKind(slide=slide):
            area = content_area_in(ctx.layout("table"), ctx)
            tables = layout_table(slide.table.header, slide.table.rows, area,
                                  ctx.sizes("table"), planned.title, ctx.factor)
            return [([t], [FitDecision("table", t.cells[0][0].size, ctx.theme.body_min, i > 0)])
                    for i, t in enumerate(tables)]
        case ColumnsKind():
            return comparison_pages(kind, ctx, single_slide(planned, kind, ctx))
        case TitleKind() | SectionKind() | BreakKind() | ClosingKind() | QuoteKind() \
                | StatementKind() | ImageKind():
            return [single_slide(planned, kind, ctx)]
        case _:
            assert_never(kind)


def layout_deck(plan: Plan, geometry: DeckGeometry, theme: Theme,
                images: dict[str, ImageAsset]) -> DeckLayout:
    """Return every slide of ``plan`` laid out in ``geometry``, with fit problems found;
    titles are measured in the theme's heading font, other text in its body font (see
    `generator.layout.measure`)."""
    with measuring(measured_families(*theme.text_families, embedded=theme.embedded_fonts)):
        return _layout_deck(plan, geometry, theme, images)


def _layout_deck(plan: Plan, geometry: DeckGeometry, theme: Theme,
                 images: dict[str, ImageAsset]) -> DeckLayout:
    """Return `layout_deck`'s answer, measuring in the fonts already chosen."""
    ctx = LayoutContext(geometry, theme, images, plan.workshop, plan.words)
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
        prompts_from = 0  # the page of a designed pair's prompts, then theirs continued
        for page, (frames, decisions) in enumerate(pages):
            page_layout = layout
            if not page or any(d.continued for d in decisions):
                marked = unstyled(planned.title)
                if isinstance(planned.kind, BreakKind):
                    marked = break_name(unstyled(planned.kind.name), ctx.words)
                if prompts_from:
                    marked += plan.words(": think about")
                if page - prompts_from:
                    marked += " " + (plan.words("(cont.)") if page - prompts_from == 1 else
                                     plan.words("(cont. {n})", n=page - prompts_from))
                title = plain_text(side_by_side(marked))  # a pair's languages on one line
            else:  # the prompts of a designed pair: a title of their own in the slide list
                marked = unstyled(planned.title) + plan.words(": think about")
                title = plain_text(side_by_side(marked))
                prompts_from = page
            seen[title] = seen.get(title, 0) + 1
            if seen[title] > 1:
                marked = f"{marked} ({seen[title]})"
                title = f"{title} ({seen[title]})"
            try:
                title_frame, title_decision = slide_title_frame(page_layout, marked, ctx,
                                                                planned.role)
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
                        under = slide_title_frame(title_cut_at(page_layout, label.box.bottom),
                                                  marked, ctx, planned.role)
                    except DoesNotFit:
                        under = None
                    # over a pair's prompts the label only repeats its title's ": think
                    # about": it gives way before the title goes below the title minimum
                    small = under is not None and under[0].text.size < min(
                        ctx.sizes("title").minimum, title_frame.text.size)
                    if under is None or (small and page and page == prompts_from):
                        frames = [f for f in frames if f is not label]
                    else:
                        title_frame, title_decision = under
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
    """Return the smallest size of the harmonised slots on ``pages`` (None: none there)."""
    sizes = [d.size for _, decisions in pages for d in decisions if d.slot in _HARMONISED]
    return min(sizes) if sizes else None


def _harmonise(plan: Plan, ctx: LayoutContext) -> list[_PageList | DoesNotFit]:
    """Return every planned slide's pages, slides of one kind at one text size.

    Each slide is fitted on its own first; then slides of a kind (bullets, activity,
    two columns...) set larger than the smallest of their kind are fitted again with
    that size as their largest, down to no less than the theme's ``body_min``. An
    activity on one slide (steps and prompts side by side) or on a designed pair of
    slides is one kind; one continued onto "(cont.)" slides is a kind of its own. Where
    one pair of the deck takes its compact form, every pair does (they look alike).
    """
    found: list[_PageList | DoesNotFit] = []
    for planned in plan.slides:
        try:
            found.append(_pages(planned, ctx))
        except DoesNotFit as exc:
            found.append(exc)
    pairs = [i for i, p in enumerate(found) if plan.slides[i].role == "activity"
             and not isinstance(p, DoesNotFit) and is_pair(p) is not None]
    if any(is_pair(found[i]) for i in pairs):  # one pair compact: every pair of the deck
        ctx.compact_pairs = True
        for index in pairs:  # (the compact form takes less room: it always fits)
            with suppress(DoesNotFit):
                found[index] = _pages(plan.slides[index], ctx)
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
    ctx.compact_pairs = False
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
