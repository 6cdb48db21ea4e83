"""How much is on a slide: bullets and words per outline slide, and long continuations.

A slide the room cannot take in at a glance is a problem for everyone, and
most of all for people with cognitive or visual impairments. The theme sets the
limits (`Theme.max_bullets`, `Theme.max_words`); all findings are warnings.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.checks.where import Where
from generator.diagnostics import Diagnostic, Severity
from generator.layout.frames import TableFrame, TextFrame
from generator.layout.slides import DeckLayout
from generator.look.theme import Theme
from generator.markup import plain_text
from generator.model import (
    ActivitySlide,
    Bullet,
    BulletsSlide,
    ColumnsSlide,
    ImageSlide,
    QuoteSlide,
    StatementSlide,
    TableSlide,
)
from generator.outline.yamlnodes import Path
from generator.problems import Problem

MAX_SLIDES_PER_LIST = 2
"""A list may continue once onto a "(cont.)" slide; more than this many slides is too much."""

_CONTINUING_SLOTS = {"body": "bullets", "steps": "steps", "prompts": "prompts", "table": "rows"}


@dataclass(frozen=True, slots=True)
class Shown:
    """What one slide shows of an outline slide: its lists (key, items) and its words."""

    lists: tuple[tuple[Path, int], ...]
    words: int


def _words(*values: str | None) -> int:
    return sum(len(plain_text(v).split()) for v in values if v)


def _all_bullets(bullets: tuple[Bullet, ...]) -> list[Bullet]:
    found: list[Bullet] = []
    for bullet in bullets:
        found.append(bullet)
        found.extend(_all_bullets(bullet.children))
    return found


def shown(slide: object) -> list[Shown]:
    """Return what ``slide`` (an outline slide) puts on screen, one entry per screen.

    Nested bullets count as bullets; each column of a columns slide is a list of
    its own (three columns of three is a tidy slide); an activity shows its steps
    first and its prompts on the next slide, so each is a screen of its own.
    Titles are not counted.
    """
    if isinstance(slide, BulletsSlide):
        bullets = _all_bullets(slide.bullets)
        return [Shown(((("bullets",), len(bullets)),),
                      _words(*(b.text for b in bullets)))]
    if isinstance(slide, ColumnsSlide):
        lists = []
        words = 0
        for index, column in enumerate(slide.columns):
            bullets = _all_bullets(column.bullets)
            lists.append((("columns", index, "bullets"), len(bullets)))
            words += _words(column.heading, *(b.text for b in bullets))
        return [Shown(tuple(lists), words)]
    if isinstance(slide, ActivitySlide):
        activity = slide.activity
        screens = [Shown(((("activity", "steps"), len(activity.steps)),),
                         _words(activity.format, *activity.steps))]
        if activity.questions:
            screens.append(Shown(((("activity", "prompts"), len(activity.questions)),),
                                 _words(*activity.questions)))
        return screens
    if isinstance(slide, QuoteSlide):
        return [Shown((), _words(slide.quote, slide.by))]
    if isinstance(slide, StatementSlide):
        return [Shown((), _words(slide.statement))]
    if isinstance(slide, ImageSlide):
        return [Shown((), _words(slide.caption))]
    if isinstance(slide, TableSlide):
        cells = [*(slide.table.header or ()), *(c for row in slide.table.rows for c in row)]
        return [Shown((), _words(*cells))]
    return []


def check_density(where: Where, theme: Theme) -> list[Diagnostic]:
    """Return DENSITY-BULLETS and DENSITY-WORDS for outline slides over the theme's limits."""
    found: list[Diagnostic] = []
    for index, planned in where.planned():
        base = where.slide_path(index)
        if base is None or len(base) < 4:
            continue
        number = where.number(index)
        for screen in shown(planned.slide):
            for key, count in screen.lists:
                if count <= theme.max_bullets:
                    continue
                found.append(Diagnostic(
                    Problem.DENSITY_BULLETS,
                    f"this list has {count} {_noun(key)} (the theme allows "
                    f"{theme.max_bullets} on one slide)",
                    Severity.WARNING, where.position((*base, *key), key=True), slide=number,
                    hint="keep the points people need to see; move the rest to the notes "
                    "or the handout, or split the slide in two",
                ))
            if screen.words > theme.max_words:
                found.append(Diagnostic(
                    Problem.DENSITY_WORDS,
                    f"this slide has {screen.words} words (the theme allows "
                    f"{theme.max_words} on one slide)",
                    Severity.WARNING, where.position(base), slide=number,
                    hint="say it rather than show it: move detail to the notes or the "
                    "handout",
                ))
    return found


def _noun(key: Path) -> str:
    return {"steps": "steps", "prompts": "prompts"}.get(str(key[-1]), "bullets")


def check_continued(deck: DeckLayout, where: Where) -> list[Diagnostic]:
    """Return FIT-CONTINUED when one list fills more than `MAX_SLIDES_PER_LIST` slides.

    Bullets, activity steps and prompts, and table rows that do not fit continue
    on "(cont.)" slides. (An activity's prompts always follow its steps on a slide
    of their own; that is by design and counted separately.)
    """
    pages: dict[tuple[int, str], list[int]] = defaultdict(list)
    for slide in deck.slides:
        for frame in slide.frames[1:]:
            if isinstance(frame, TableFrame):
                slot = "table"
            elif isinstance(frame, TextFrame):
                slot = frame.slot
            else:
                continue
            if slot in _CONTINUING_SLOTS:
                pages[(slide.plan_index, slot)].append(slide.number)
                break
    found: list[Diagnostic] = []
    for (plan_index, slot), numbers in sorted(pages.items()):
        if len(numbers) <= MAX_SLIDES_PER_LIST:
            continue
        slide = next(s for s in deck.slides if s.number == numbers[0])
        title = plain_text(where.plan.slides[plan_index].title)
        found.append(Diagnostic(
            Problem.FIT_CONTINUED,
            f"the {_CONTINUING_SLOTS[slot]} of “{title}” fill {len(numbers)} slides "
            f"({numbers[0]} to {numbers[-1]})",
            Severity.WARNING, where.frame_position(slide, slot), slide=numbers[0],
            hint=f"a list that runs past {MAX_SLIDES_PER_LIST} slides is hard to follow; "
            "cut it down or split it into slides with their own titles",
        ))
    return found
