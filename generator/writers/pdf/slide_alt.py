"""Alternative text for slide pictures in the PDFs: the slide's number and title,
then what is on it, in words ("Slide 5: Why we are here. Bullets: ...")."""

from __future__ import annotations

from collections.abc import Sequence

from generator.model import (
    ActivitySlide,
    Bullet,
    BulletsSlide,
    ColumnsSlide,
    ImageSlide,
    QuoteSlide,
    Section,
    StatementSlide,
    TableSlide,
    Workshop,
)
from generator.plan import AgendaItem, Plan
from generator.writers.pdf.common import long_date, plain

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
    slide = plan.slides[index]
    content = slide.content
    if isinstance(content, BulletsSlide) and content.bullets:
        return [f"Bullets: {_bullets(content.bullets)}"]
    if isinstance(content, ColumnsSlide):
        columns = []
        for column in content.columns:
            head = plain(column.heading) if column.heading else "Column"
            columns.append(f"{head}: {_bullets(column.bullets)}" if column.bullets else head)
        return [f"{len(columns)} columns", *columns]
    if isinstance(content, QuoteSlide):
        by = f", {plain(content.by)}" if content.by else ""
        return [f"Quote: “{plain(content.quote)}”{by}"]
    if isinstance(content, StatementSlide):
        return [plain(content.statement)]
    if isinstance(content, ImageSlide):
        out = [f"Picture: {plain(content.alt)}"] if content.alt and not content.decorative \
            else []
        return out + ([plain(content.caption)] if content.caption else [])
    if isinstance(content, TableSlide):
        table = content.table
        out = [f"Table of {len(table.rows)} row{'s' if len(table.rows) != 1 else ''}"]
        if table.header:
            out.append("Columns: " + ", ".join(plain(h) for h in table.header))
        out += ["Row: " + ", ".join(plain(c) for c in row) for row in table.rows]
        return out
    if isinstance(content, ActivitySlide):
        activity = content.activity
        form = f", {plain(activity.format)}" if activity.format else ""
        out = [f"Activity, {activity.minutes} minutes{form}"]
        out += [f"Step {n}: {plain(step)}" for n, step in enumerate(activity.steps, 1)]
        return out
    if slide.role == "agenda":
        items = [i for i in plan.agenda if isinstance(i, AgendaItem)]
        return ["; ".join(
            f"{i.start} {plain(i.title)}" if i.start else plain(i.title) for i in items)]
    if isinstance(content, Section):
        return ["Section divider"]
    if slide.role == "break":
        return ["Break slide"]
    if isinstance(content, Workshop):
        return _workshop(content, closing=slide.role == "closing")
    return []


def _workshop(workshop: Workshop, closing: bool) -> list[str]:
    """Return what the title or the closing slide shows."""
    if closing:
        out = [plain(", ".join(workshop.facilitators))] if workshop.facilitators else []
        return out + ([plain(workshop.source)] if workshop.source else [])
    out = [plain(workshop.subtitle)] if workshop.subtitle else []
    when = [plain(workshop.event)] if workshop.event else []
    if workshop.date:
        when.append(long_date(workshop.date))
    return out + ([", ".join(when)] if when else [])


def slide_alt(plan: Plan, index: int, number: int) -> str:
    """Return the alternative text of the picture of ``plan.slides[index]``,
    deck slide ``number`` (0 or less: the deck has no such slide).

    A title the outline did not give (one made from the content) is left out
    when the content follows anyway.
    """
    slide = plan.slides[index]
    content = _content(plan, index)
    head = f"Slide {number}" if number > 0 else "Slide"
    head += f": {plain(slide.title)}" if slide.title_given or not content else ":"
    if not content:
        head = head.rstrip(":")
    text = " ".join(_sentence(part) for part in [head, *content] if part)
    if len(text) > LONGEST:
        text = text[: LONGEST - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return text
