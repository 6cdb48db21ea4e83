"""Alternative text for slide pictures in the PDFs: the slide's number and title,
then what is on it, in words ("Slide 5: Why we are here. Bullets: ...")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import assert_never

from generator.model import Bullet
from generator.plan import Plan
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
from generator.writers.pdf.common import plain

LONGEST = 700
"""Alternative text is cut (at a word, with "…") beyond this many characters."""


def _bullets(bullets: Sequence[Bullet]) -> str:
    """Return bullets as "a; b (b1, b2); c"."""
    parts = []
    for bullet in bullets:
        text = plain(bullet.text)
        if bullet.children:
            text += f" ({_bullets(bullet.children).replace('; ', ', ')})"
        parts.append(text)
    return "; ".join(parts)


def _sentence(text: str) -> str:
    """Return ``text`` ending with a full stop (unless it already ends a sentence)."""
    text = text.strip()
    return text if not text or text[-1] in ".?!…:" else text + "."


def _content(plan: Plan, index: int) -> list[str]:
    """Return sentences saying what slide ``index`` shows besides its title."""
    kind = plan.slides[index].kind
    words = plan.words
    match kind:
        case BulletsKind(slide=slide):
            return [words("Bullets: {bullets}", bullets=_bullets(slide.bullets))] \
                if slide.bullets else []
        case ColumnsKind(slide=slide):
            columns = []
            for column in slide.columns:
                head = plain(column.heading) if column.heading else words("Column")
                columns.append(f"{head}: {_bullets(column.bullets)}" if column.bullets else head)
            return [words.plural("{n} column", "{n} columns", len(columns)), *columns]
        case QuoteKind(slide=slide):
            by = f", {plain(slide.by)}" if slide.by else ""
            return [words("Quote: {words}", words=f"“{plain(slide.quote)}”{by}")]
        case StatementKind(slide=slide):
            return [plain(slide.statement)]
        case ImageKind(slide=slide):
            out = [words("Picture: {alt}", alt=plain(slide.alt))] \
                if slide.alt and not slide.decorative else []
            return out + ([plain(slide.caption)] if slide.caption else [])
        case TableKind(slide=slide):
            table = slide.table
            out = [words.plural("Table of {n} row", "Table of {n} rows", len(table.rows))]
            if table.header:
                out.append(words("Columns: {cells}",
                                 cells=", ".join(plain(h) for h in table.header)))
            out += [words("Row: {cells}", cells=", ".join(plain(c) for c in row))
                    for row in table.rows]
            return out
        case ActivityKind(slide=slide):
            activity = slide.activity
            form = f", {plain(activity.format)}" if activity.format else ""
            out = [words("Activity, {time}", time=words.minutes(activity.minutes)) + form]
            out += [words("Step {n}: {step}", n=n, step=plain(step))
                    for n, step in enumerate(activity.steps, 1)]
            return out
        case AgendaKind(items=items):
            return ["; ".join(
                f"{i.start} {plain(i.title)}" if i.start else plain(i.title) for i in items)]
        case SectionKind():
            return [words("Section divider")]
        case BreakKind():
            return [words("Break slide")]
        case TitleKind():
            out = [plain(kind.subtitle)] if kind.subtitle else []
            when = [plain(kind.event)] if kind.event else []
            if kind.date:
                when.append(plain(words.date(kind.date)))
            return out + ([", ".join(when)] if when else [])
        case ClosingKind():
            out = [plain(words.names(kind.facilitators))] if kind.facilitators else []
            return out + ([plain(kind.source)] if kind.source else [])
        case _:
            assert_never(kind)


def slide_alt(plan: Plan, index: int, number: int) -> str:
    """Return the alternative text of the picture of ``plan.slides[index]``,
    deck slide ``number`` (0 or less: the deck has no such slide).

    A title the outline did not give (one made from the content) is left out
    when the content follows anyway.
    """
    slide = plan.slides[index]
    content = _content(plan, index)
    words = plan.words
    head = words("Slide {number}", number=number) if number > 0 else words("Slide")
    head += f": {plain(slide.title)}" if slide.title_given or not content else ":"
    if not content:
        head = head.rstrip(":")
    text = " ".join(_sentence(part) for part in [head, *content] if part)
    if len(text) > LONGEST:
        text = text[: LONGEST - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return text
