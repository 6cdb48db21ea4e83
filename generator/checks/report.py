"""Reports of diagnostics: grouped by slide for people, a JSON list for tools.

`format_by_slide` prints the problems that belong to no slide first, then a
header ``Slide 12 · Title`` for each slide followed by its problems, each in the
usual ``file:line:col: severity[CODE]: message`` form. `as_json` gives the same
problems as a list of flat records whose keys never change (see docs/checks.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from generator.diagnostics import Diagnostic, Severity, format_diagnostic

JSON_KEYS = ("code", "severity", "message", "file", "line", "column", "slide", "hint")
"""The keys of every JSON record, in order."""


def _order(diagnostic: Diagnostic) -> tuple[tuple[str, int, int, str], int, str]:
    return diagnostic.sort_key(), diagnostic.slide or 0, diagnostic.message


def group_by_slide(
    diagnostics: Iterable[Diagnostic],
) -> list[tuple[int | None, list[Diagnostic]]]:
    """Return the diagnostics grouped by slide: those without a slide first, then by number."""
    groups: dict[int | None, list[Diagnostic]] = {}
    for diagnostic in sorted(diagnostics, key=_order):
        groups.setdefault(diagnostic.slide, []).append(diagnostic)
    return sorted(groups.items(), key=lambda item: -1 if item[0] is None else item[0])


def slide_heading(number: int, title: str | None) -> str:
    """Return the header line of one slide's group, e.g. ``Slide 12 · Map the waits``."""
    return f"Slide {number} · {title}" if title else f"Slide {number}"


def summary(diagnostics: Sequence[Diagnostic]) -> str:
    """Return the closing count line, e.g. ``1 error(s), 2 warning(s)``."""
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    return f"{errors} error(s), {len(diagnostics) - errors} warning(s)"


def format_by_slide(diagnostics: Sequence[Diagnostic], source: str | None,
                    titles: Mapping[int, str] | None = None,
                    source_file: str | None = None) -> str:
    """Return the human report: ungrouped problems, then one group per slide, then counts."""
    if not diagnostics:
        return ""
    blocks: list[str] = []
    for number, group in group_by_slide(diagnostics):
        lines = [] if number is None else [slide_heading(number, (titles or {}).get(number))]
        lines.extend(format_diagnostic(replace(d, slide=None), source, source_file)
                     for d in group)
        blocks.append("\n".join(lines))
    blocks.append(summary(diagnostics))
    return "\n\n".join(blocks)


def as_records(diagnostics: Iterable[Diagnostic], file: str) -> list[dict[str, object]]:
    """Return one flat record per diagnostic with the keys `JSON_KEYS`, in report order.

    ``file`` is used for problems that have no position (such as a missing
    outline); their ``line`` and ``column`` are null.
    """
    records: list[dict[str, object]] = []
    for d in sorted(diagnostics, key=_order):
        pos = d.position
        records.append({
            "code": d.code,
            "severity": d.severity.value,
            "message": d.message,
            "file": pos.file if pos else file,
            "line": pos.line if pos else None,
            "column": pos.column if pos else None,
            "slide": d.slide,
            "hint": d.hint,
        })
    return records


def as_json(diagnostics: Iterable[Diagnostic], file: str) -> str:
    """Return the diagnostics as a JSON array of `as_records` records (ASCII only)."""
    return json.dumps(as_records(diagnostics, file), indent=2, ensure_ascii=True)
