"""Words the deck composes from make-deck's catalogues: breaks said as breaks, and
clock-time ranges.

Nothing here is English of its own: each function asks ``words`` (a
`generator.words.Words`, or `Together` for a bilingual build), so a break is a
"Coffee break" in English and "Coffi (egwyl)" in Welsh wherever the deck says it.
"""

from __future__ import annotations

from generator.markup import plain_text, side_by_side
from generator.words import Together, Words


def _says_break(name: str, words: Words) -> bool:
    """Return True when ``name`` already says it is a break in one of ``words``' languages."""
    each = (words.first, words.second) if isinstance(words, Together) else (words,)
    said = plain_text(side_by_side(name)).casefold()
    return any(w is not None and plain_text(w("Break")).casefold() in said for w in each)


def break_name(name: str, words: Words) -> str:
    """Return a break's name said as a break: "Coffee" becomes "Coffee break"
    ("{name} break" in ``words``' language); a name that says so already ("Lunch
    break", "Egwyl") is kept."""
    name = name.strip()
    return name if _says_break(name, words) else words("{name} break", name=name)


def time_range(start: str | None, end: str | None, words: Words) -> str:
    """Return "09:30–09:55" in ``words``' time format, or "" without both times."""
    if not (start and end):
        return ""
    return words("{start}–{end}", start=words.time(start), end=words.time(end))
