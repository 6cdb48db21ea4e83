"""Checks run on every build and by `make-deck check`: accessibility, contrast, density.

`run_checks` takes the read outline, its plan and the laid-out deck and returns
every finding as a `Diagnostic`; it reads and writes nothing. `CHECKS` lists each
check's code with its severity and rule (docs/checks.md explains each one).
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
from generator.checks.bilingual import check_languages_equal
from generator.checks.contrast import check_contrast
from generator.checks.density import check_continued, check_density
from generator.checks.where import Where
from generator.diagnostics import Diagnostic, Severity
from generator.layout.slides import DeckLayout
from generator.look.theme import Theme
from generator.outline.reader import OutlineSource
from generator.plan import Plan
from generator.problems import Problem

CHECKS: dict[str, tuple[Severity, str]] = {
    problem: (problem.severity, problem.summary) for problem in Problem if problem.check
}
"""Every check's code, its severity (before ``--strict``) and its rule in a line
(declared in `generator.problems`)."""


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
        *check_languages_equal(deck, where),
    ]
    found.sort(key=Diagnostic.sort_key)
    return found


__all__ = ["CHECKS", "Where", "run_checks"]
