"""The speaker notes of a planned slide, as the deck's notes pages show them."""

from __future__ import annotations

from typing import assert_never

from generator.plan import PlannedSlide
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


def speaker_notes(planned: PlannedSlide, words: Words | None = None) -> str | None:
    """Return the speaker notes of ``planned`` (an activity's add its outcome and
    materials, labelled in ``words``' language; a section divider's are its summary),
    or None."""
    words = words or words_for("en-GB")
    kind = planned.kind
    match kind:
        case ActivityKind(slide=slide):
            parts = [slide.notes] if slide.notes else []
            activity = slide.activity
            if activity.outcome:
                parts.append(words("Outcome: {outcome}", outcome=activity.outcome))
            if activity.materials:
                parts.append(words("Materials: {materials}",
                                   materials=", ".join(activity.materials)))
            return "\n\n".join(parts) or None
        case SectionKind(section=section):
            return section.summary
        case BulletsKind() | QuoteKind() | StatementKind() | ColumnsKind() | ImageKind() \
                | TableKind():
            return kind.slide.notes
        case TitleKind() | AgendaKind() | BreakKind() | ClosingKind():
            return None
        case _:
            assert_never(kind)
