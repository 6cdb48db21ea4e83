"""The `make-deck` command line.

``make-deck OUTLINE`` builds the deck, handout and guide; ``make-deck check OUTLINE``
runs every check without writing. Exit codes: 0 success, 1 problems in the outline
(or warnings with ``--strict``), 2 wrong usage, 3 an output was edited by hand and
was left alone, 4 an unexpected internal failure.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from generator.diagnostics import Diagnostic, MakeDeckError, Severity, format_diagnostic
from generator.options import ALL_OUTPUTS, MAX_OUTLINE_BYTES, BuildOptions

EXIT_OK, EXIT_OUTLINE, EXIT_USAGE, EXIT_EDITED, EXIT_INTERNAL = 0, 1, 2, 3, 4

app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None,
    help="Turn a YAML workshop outline into a deck, a participant handout and a "
    "facilitator guide.",
)

OutlineArg = Annotated[Path, typer.Argument(help="The outline file, e.g. outline.yaml.",
                                            show_default=False)]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")]


def _report(diagnostics: tuple[Diagnostic, ...], text: str | None) -> None:
    for diagnostic in diagnostics:
        typer.echo(format_diagnostic(diagnostic, text), err=True)
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    if diagnostics:
        typer.echo(f"{errors} error(s), {warnings} warning(s)", err=True)


def _source_text(path: Path) -> str | None:
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


@app.command("build")
def build_command(
    outline: OutlineArg,
    strict: StrictOpt = False,
    only: Annotated[list[str] | None, typer.Option(
        "--only", help="Build only this output: deck, handout or guide (repeatable).")] = None,
    out_dir: Annotated[Path | None, typer.Option(
        "--out-dir", help="Write outputs here instead of the outline's `output.dir`.")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Overwrite outputs edited by hand, keeping a dated backup.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v",
                                          help="Report every fit decision.")] = False,
    allow_outside_images: Annotated[bool, typer.Option(
        "--allow-outside-images", help="Allow pictures outside the outline's folder.")] = False,
    max_outline_size: Annotated[int, typer.Option(
        "--max-outline-size", help="Largest outline accepted, in bytes.")] = MAX_OUTLINE_BYTES,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on failures.")] = False,
) -> None:
    """Build the deck (.pptx), handout and facilitator guide (PDF) from OUTLINE."""
    from generator.build import build
    from generator.outputs import EditedOutputError

    outputs = tuple(dict.fromkeys(only)) if only else ALL_OUTPUTS
    unknown = [o for o in outputs if o not in ALL_OUTPUTS]
    if unknown:
        typer.echo(f"error: --only takes deck, handout or guide, not {unknown[0]!r}", err=True)
        raise typer.Exit(EXIT_USAGE)
    options = BuildOptions(
        strict=strict, outputs=outputs, output_dir=out_dir, force=force,  # type: ignore[arg-type]
        verbose=verbose, debug=debug, allow_outside_images=allow_outside_images,
        max_outline_bytes=max_outline_size,
    )
    try:
        result = build(outline, options)
    except MakeDeckError as exc:
        _report(exc.diagnostics, _source_text(outline))
        typer.echo("nothing was written", err=True)
        raise typer.Exit(EXIT_OUTLINE) from None
    except EditedOutputError as exc:
        _report(exc.diagnostics, None)
        raise typer.Exit(EXIT_EDITED) from None
    except Exception as exc:  # the last line of defence: no traceback unless asked
        if debug:
            raise
        typer.echo(f"internal error: {type(exc).__name__}: {exc}", err=True)
        typer.echo("nothing was written; run again with --debug for details", err=True)
        raise typer.Exit(EXIT_INTERNAL) from None
    _report(result.diagnostics, _source_text(outline))
    if verbose:
        for line in result.decisions:
            typer.echo(line)
    for backup in result.backups:
        typer.echo(f"kept the edited file as {backup}")
    for path in result.written:
        typer.echo(f"wrote {path}")
    typer.echo(f"{result.slides} slides")


@app.command("check")
def check_command(outline: OutlineArg, strict: StrictOpt = False) -> None:
    """Run every check on OUTLINE without writing anything."""
    from generator.build import prepare

    try:
        prepared = prepare(outline, BuildOptions(strict=strict))
    except MakeDeckError as exc:
        _report(exc.diagnostics, _source_text(outline))
        raise typer.Exit(EXIT_OUTLINE) from None
    _report(prepared.diagnostics, _source_text(outline))
    typer.echo(f"{outline}: OK, {len(prepared.deck.slides)} slides")


_COMMANDS = {"build", "check"}


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; a first argument that is not a command means ``build``."""
    args = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in args if not a.startswith("-")), None)
    if first is not None and first not in _COMMANDS and not {"--help", "-h"} & set(args[:1]):
        args.insert(0, "build")
    app(args=args, prog_name="make-deck")


if __name__ == "__main__":  # pragma: no cover
    main()
