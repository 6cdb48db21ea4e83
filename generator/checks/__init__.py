"""Checks run on every build and by `make-deck check`: accessibility, contrast, density.

`run_checks` takes the read outline, its plan and the laid-out deck and returns
every finding as a `Diagnostic`; it reads and writes nothing. `CHECKS` lists each
code with its severity and rule (docs/checks.md explains each one).
"""

from __future__ import annotations

from generator.checks.accessibility import (
    check_language,
    check_links,
    check_pictures,
    check_tables,
    check_text_size,
    check_titles,
)
from generator.checks.contrast import check_contrast
from generator.checks.density import check_continued, check_density
from generator.checks.where import Where
from generator.diagnostics import Diagnostic, Severity
from generator.layout.slides import DeckLayout
from generator.look.theme import Theme
from generator.outline.reader import OutlineSource
from generator.plan import Plan

E, W = Severity.ERROR, Severity.WARNING

CHECKS: dict[str, tuple[Severity, str]] = {
    "A11Y-TITLE-MISSING": (E, "every slide has a title"),
    "A11Y-TITLE-DUPLICATE": (W, "no two slides have the same title"),
    "A11Y-ALT-MISSING": (E, "every picture that is not decorative has alt text that says "
                            "something"),
    "A11Y-ALT-FILENAME": (E, "alt text is not a file name"),
    "A11Y-ALT-LONG": (W, "alt text is at most 250 characters"),
    "A11Y-TABLE-HEADER": (W, "every table has a header row"),
    "A11Y-TABLE-HEADER-EMPTY": (E, "no header cell is empty"),
    "A11Y-LINK-TEXT": (W, "the words beside a link say where it goes"),
    "A11Y-LINK-LONG": (W, "a link address on a slide is at most 60 characters"),
    "A11Y-CONTRAST": (E, "text contrast is at least 4.5:1 (3:1 for large text)"),
    "A11Y-TEXT-SMALL": (W, "no text is smaller than 18 pt (or the theme's floor)"),
    "A11Y-LANGUAGE": (W, "the outline's language is a known BCP 47 tag"),
    "DENSITY-BULLETS": (W, "at most `max_bullets` bullets on one slide"),
    "DENSITY-WORDS": (W, "at most `max_words` words on one slide"),
    "FIT-CONTINUED": (W, "a list continues over at most two slides"),
}
"""Every check's code, its severity (before ``--strict``) and its rule in a line."""


def run_checks(source: OutlineSource, plan: Plan, deck: DeckLayout,
               theme: Theme) -> list[Diagnostic]:
    """Return the findings of every check on a laid-out outline, in source order."""
    where = Where(source.sources, source.text, plan, deck)
    found = [
        *check_titles(where),
        *check_pictures(where),
        *check_tables(where),
        *check_links(where),
        *check_language(where),
        *check_text_size(deck, theme, where),
        *check_contrast(deck, theme, where),
        *check_density(where, theme),
        *check_continued(deck, where),
    ]
    found.sort(key=Diagnostic.sort_key)
    return found


__all__ = ["CHECKS", "Where", "run_checks"]
