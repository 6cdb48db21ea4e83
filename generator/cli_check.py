"""`make-deck check` over one outline or many: each one's report, then the worst exit code.

Nothing is written. The human report goes to stderr, grouped by slide, with an
``OK`` line on stdout for each outline without errors; ``--format json`` prints one
JSON array on stdout holding every outline's problems (each names its file).
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from generator.diagnostics import Diagnostic, MakeDeckError
from generator.failures import ExitCode
from generator.options import BuildOptions


def outlines_or_exit(paths: list[Path]) -> list[Path]:
    """Return the outlines ``paths`` name (folders' outlines included); exit 2 on none."""
    from generator.batch import find_outlines

    outlines = find_outlines(paths)
    if not outlines:
        typer.echo(f"error: no outlines (.yaml files with `sections:`) in "
                   f"{', '.join(map(str, paths))}", err=True)
        raise typer.Exit(ExitCode.USAGE)
    return outlines


def check_outlines(outlines: list[Path], options: BuildOptions, *, as_json: bool) -> int:
    """Check each outline and print its report; return the worst exit code (0 when
    none has errors, 1 when any has); exits 4 on an internal failure."""
    from generator.checks.report import as_records

    records: list[dict[str, object]] = []
    worst = int(ExitCode.OK)
    for outline in outlines:
        diagnostics, deck, code = _check_one(outline, options)
        worst = max(worst, code)
        if as_json:
            records.extend(as_records(diagnostics, str(outline)))
        else:
            _show(outline, diagnostics, deck, code)
    if as_json:
        typer.echo(json.dumps(records, indent=2, ensure_ascii=True))
    return worst


def _check_one(outline: Path, options: BuildOptions) -> tuple[tuple[Diagnostic, ...], object,
                                                               int]:
    """Return the problems of one outline, its laid-out deck (None when it could not be
    laid out) and its exit code; exits 4 on an internal failure."""
    from generator.build import CheckFailed, prepare

    try:
        prepared = prepare(outline, options)
    except MakeDeckError as exc:
        deck = exc.deck if isinstance(exc, CheckFailed) else None
        return exc.diagnostics, deck, int(ExitCode.OUTLINE)
    except Exception as exc:  # no traceback: the report is all a user should see
        typer.echo(f"internal error: {type(exc).__name__}: {exc}", err=True)
        raise typer.Exit(ExitCode.INTERNAL) from None
    return prepared.diagnostics, prepared.deck, int(ExitCode.OK)


def _show(outline: Path, diagnostics: tuple[Diagnostic, ...], deck: object, code: int) -> None:
    """Print one outline's check report, grouped by slide, and its OK line."""
    from generator.checks.report import format_by_slide

    try:
        source: str | None = outline.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        source = None
    slides = getattr(deck, "slides", None) or ()
    titles = {s.number: s.title for s in slides}
    report = format_by_slide(diagnostics, source, titles, str(outline))
    if report:
        typer.echo(report, err=True)
    if code == ExitCode.OK and deck is not None:
        typer.echo(f"{outline}: OK, {len(slides)} slides")
