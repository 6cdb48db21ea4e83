"""What several `make-deck` commands share: their options, how the options are read,
and how problems are reported."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from generator.diagnostics import Diagnostic, Severity, format_diagnostic
from generator.failures import ExitCode
from generator.options import ALL_OUTPUTS, Output

StrictOpt = Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")]
OutlinesArg = Annotated[list[Path], typer.Argument(
    help="The outline file, e.g. outline.yaml; several outlines or a folder of them build "
    "in parallel.", show_default=False, metavar="OUTLINE")]
OnlyOpt = Annotated[list[str] | None, typer.Option(
    "--only", metavar="OUTPUT", help="Build only this output: deck, handout, guide, html "
    "(the participant pack) or guide-html (repeatable).")]
OutDirOpt = Annotated[Path | None, typer.Option(
    "--out-dir", metavar="FOLDER", help="Write outputs here instead of the outline's "
    "`output.dir`.")]
ForceOpt = Annotated[bool, typer.Option(
    "--force", help="Overwrite outputs edited by hand, keeping a dated backup.")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Report every fit decision.")]
OutsideOpt = Annotated[bool, typer.Option(
    "--allow-outside-images", help="Allow pictures outside the outline's folder.")]


def chosen_outputs(only: list[str] | None) -> tuple[Output, ...]:
    """Return the outputs ``--only`` names (all when none); exit 2 on an unknown name."""
    outputs = tuple(dict.fromkeys(only)) if only else ALL_OUTPUTS
    unknown = [o for o in outputs if o not in ALL_OUTPUTS]
    if unknown:
        typer.echo(f"error: --only takes {', '.join(ALL_OUTPUTS)}, not {unknown[0]!r}",
                   err=True)
        raise typer.Exit(ExitCode.USAGE)
    return outputs  # type: ignore[return-value]


def report_problems(diagnostics: tuple[Diagnostic, ...], text: str | None,
            file: str | None = None) -> None:
    """Print each problem, then how many errors and warnings there were; return nothing."""
    for diagnostic in diagnostics:
        typer.echo(format_diagnostic(diagnostic, text, file), err=True)
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    if diagnostics:
        typer.echo(f"{errors} error(s), {warnings} warning(s)", err=True)


def source_text(path: Path) -> str | None:
    """Return the text of the file at ``path``, or None when it cannot be read as UTF-8."""
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
