"""The `make-deck` command line.

``make-deck OUTLINE`` builds the deck, handout and guide; ``make-deck check OUTLINE``
runs every check without writing. Exit codes: 0 success, 1 problems in the outline
(or warnings with ``--strict``), 2 wrong usage, 3 an output was edited by hand and
was left alone, 4 an unexpected internal failure.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from generator import __version__
from generator.cli_options import (
    ForceOpt,
    OnlyOpt,
    OutDirOpt,
    OutlinesArg,
    OutsideOpt,
    StrictOpt,
    VerboseOpt,
    chosen_outputs,
    report_problems,
    source_text,
)
from generator.cli_words import PlainCommand, UnknownCommand, route
from generator.failures import ExitCode
from generator.options import MAX_OUTLINE_BYTES, BuildOptions

EXIT_OK, EXIT_OUTLINE, EXIT_USAGE, EXIT_EDITED, EXIT_INTERNAL = ExitCode

app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None,
    pretty_exceptions_enable=False, context_settings={"help_option_names": ["-h", "--help"]},
    help="Turn a YAML workshop outline into a deck, a participant handout and a "
    "facilitator guide (as PDFs and as web pages).\n\n`make-deck OUTLINE` builds them "
    "(the same as `make-deck build OUTLINE`); exit codes: 0 built, 1 problems in the outline, "
    "2 wrong usage, 3 an output was edited by hand, 4 internal error.",
)

def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"make-deck {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _app_options(version: Annotated[bool, typer.Option(
        "--version", callback=_show_version, is_eager=True,
        help="Show the version of make-deck and exit.")] = False) -> None:
    """Options that come before the command (only ``--version``); returns nothing."""


@app.command("build", cls=PlainCommand)
def build_command(
    outlines: OutlinesArg,
    strict: StrictOpt = False,
    only: OnlyOpt = None,
    out_dir: OutDirOpt = None,
    force: ForceOpt = False,
    verbose: VerboseOpt = False,
    allow_outside_images: OutsideOpt = False,
    max_outline_size: Annotated[int, typer.Option(
        "--max-outline-size", metavar="BYTES",
        help="Largest outline accepted, in bytes.")] = MAX_OUTLINE_BYTES,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on failures.")] = False,
) -> None:
    """Build the deck (.pptx), handout and facilitator guide (PDF) from OUTLINE."""
    from generator.build import build
    from generator.failures import describe_failure

    outputs = chosen_outputs(only)
    options = BuildOptions(
        strict=strict, outputs=outputs, output_dir=out_dir, force=force,  # type: ignore[arg-type]
        allow_outside_images=allow_outside_images, max_outline_bytes=max_outline_size,
    )
    if len(outlines) > 1 or outlines[0].is_dir():
        raise typer.Exit(_build_many(outlines, options))
    outline = outlines[0]
    try:
        result = build(outline, options)
    except Exception as exc:  # the one mapping from failure to message and exit code
        failure = describe_failure(exc)
        if failure.internal and debug:
            raise
        for line in failure.report(source_text(outline), str(outline)):
            typer.echo(line, err=True)
        raise typer.Exit(failure.exit_code) from None
    report_problems(result.diagnostics, source_text(outline), str(outline))
    if verbose:
        for line in (*(f"fonts: {n}" for n in result.look_notes), *result.decisions):
            typer.echo(line)
    for backup in result.backups:
        typer.echo(f"kept the edited file as {backup}")
    for path in result.written:
        typer.echo(f"wrote {path}")
    for path in result.removed:
        typer.echo(f"removed {path}, written for this outline's earlier output name")
    for path in result.kept_stale:
        typer.echo(f"kept {path}: written for this outline's earlier output name, but "
                   "edited since, so it is yours now", err=True)
    typer.echo(f"{result.slides} slides")


def _build_many(paths: list[Path], options: BuildOptions) -> int:
    """Build several outlines in parallel; print each one's problems and a summary table."""
    from rich.console import Console

    from generator.batch import find_outlines, run_with_progress

    outlines = find_outlines(paths)
    if not outlines:
        typer.echo(f"error: no outlines (.yaml files with `sections:`) in "
                   f"{', '.join(map(str, paths))}", err=True)
        return EXIT_USAGE
    items, table = run_with_progress(outlines, options)
    for item in items:
        if item.messages:
            typer.echo(f"{item.outline}:", err=True)
            for message in item.messages:
                typer.echo(message, err=True)
    Console().print(table)
    return EXIT_OK if all(item.ok for item in items) else EXIT_OUTLINE


REPORT_FORMATS = ("human", "json")
CheckArg = Annotated[list[Path], typer.Argument(
    help="The outline file, e.g. outline.yaml; several outlines or a folder of them are "
    "checked one after another.", show_default=False, metavar="OUTLINE")]
WatchArg = Annotated[list[Path], typer.Argument(
    help="The outline file, e.g. outline.yaml; several outlines or a folder of them are "
    "watched together.", show_default=False, metavar="OUTLINE")]


@app.command("check", cls=PlainCommand)
def check_command(
    outlines: CheckArg,
    strict: StrictOpt = False,
    report_format: Annotated[str, typer.Option(
        "--format", metavar="human|json", help="human: problems grouped by slide, on stderr; "
        "json: a list of problems on stdout (see docs/checks.md).")] = "human",
    allow_outside_images: OutsideOpt = False,
) -> None:
    """Run every check on OUTLINE without writing anything.

    Exit code 0 when there are no errors, 1 when there are (or, with --strict, any
    warnings), 2 on wrong usage, 4 on an internal failure.
    """
    from generator.cli_check import check_outlines, outlines_or_exit

    if report_format not in REPORT_FORMATS:
        typer.echo(f"error: --format takes human or json, not {report_format!r}", err=True)
        raise typer.Exit(EXIT_USAGE)
    options = BuildOptions(strict=strict, allow_outside_images=allow_outside_images)
    raise typer.Exit(check_outlines(outlines_or_exit(outlines), options,
                                    as_json=report_format == "json"))


@app.command("watch", cls=PlainCommand)
def watch_command(
    outlines: WatchArg,
    strict: StrictOpt = False,
    only: OnlyOpt = None,
    out_dir: OutDirOpt = None,
    force: ForceOpt = False,
    verbose: VerboseOpt = False,
    allow_outside_images: OutsideOpt = False,
    serve: Annotated[bool, typer.Option(
        "--serve", help="Also serve a live preview on 127.0.0.1: the HTML pack, the guide "
        "and the slides, reloading after each rebuild.")] = False,
    port: Annotated[int | None, typer.Option(
        "--port", min=1, max=65535, show_default=False, metavar="PORT",
        help="The preview's port (default 8000, or the next free one).")] = None,
) -> None:
    """Build OUTLINE, then rebuild whenever it, its pictures or its theme change (Ctrl-C stops)."""
    from generator.cli_check import outlines_or_exit
    from generator.watch import Rebuilder, watch

    outputs = chosen_outputs(only)
    options = BuildOptions(strict=strict, outputs=outputs, output_dir=out_dir,  # type: ignore[arg-type]
                           force=force, allow_outside_images=allow_outside_images)
    found = (outlines if len(outlines) == 1 and not outlines[0].is_dir()
             else outlines_or_exit(outlines))
    rebuilders = [Rebuilder(outline, options, verbose=verbose) for outline in found]
    try:
        if serve or port is not None:
            from generator.serve import open_preview, preview

            if len(rebuilders) > 1:
                typer.echo("error: --serve previews one outline; watch the others without it",
                           err=True)
                raise typer.Exit(EXIT_USAGE)
            try:
                server = open_preview(rebuilders[0], port)
            except OSError as exc:
                typer.echo(f"error: cannot serve the preview on port {port or '8000 or later'}"
                           f": {exc.strerror or exc}", err=True)
                typer.echo("hint: choose another port with --port", err=True)
                raise typer.Exit(EXIT_USAGE) from None
            preview(rebuilders[0], typer.echo, server)
        else:
            watch(rebuilders, typer.echo)
    except KeyboardInterrupt:
        typer.echo("stopped watching")
    raise typer.Exit(EXIT_OK)


@app.command("schema", cls=PlainCommand)
def schema_command() -> None:
    """Print the outline format's JSON Schema (what editors use to check outlines)."""
    from generator.schema import schema_text

    typer.echo(schema_text(), nl=False)


@app.command("init", cls=PlainCommand)
def init_command(
    folder: Annotated[Path, typer.Argument(
        help="Folder for the new outline.yaml (made if missing), or the .yaml file to write.",
        show_default=False)] = Path("."),
    article: Annotated[str | None, typer.Option(
        "--from", metavar="ARTICLE",
        help="Draft the outline from an article: plain text or Markdown.")] = None,
) -> None:
    """Write a starter outline (or draft one from an article) to edit and build."""
    from generator.init import InitError, run_init

    try:
        result = run_init(folder, article)
    except InitError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    for note in result.notes:
        typer.echo(f"note: {note}", err=True)
    for path in result.written:
        typer.echo(f"wrote {path}")
    typer.echo(f"next: edit {result.outline}, check it with `make-deck check {result.outline}`, "
               f"then build with `make-deck {result.outline}`")


@app.command("themes", cls=PlainCommand)
def themes_command() -> None:
    """List the built-in themes."""
    from generator.template_report import themes_listing

    for name, description in themes_listing():
        typer.echo(f"{name:<14} {description}")


@app.command("check-template", cls=PlainCommand)
def check_template_command(
    template: Annotated[Path, typer.Argument(help="An organisation's .pptx or .potx.",
                                             show_default=False)],
    layout: Annotated[list[str] | None, typer.Option(
        "--layout", metavar="ROLE=NAME",
        help="Use this layout for a slide role, as `layouts:` in an outline does "
        "(repeatable), e.g. --layout bullets=\"Title and Content\".")] = None,
    output_format: Annotated[str, typer.Option(
        "--format", help="text (for people) or json (for scripts).")] = "text",
) -> None:
    """Show a template's layouts, the layout each slide role would use, why, and whether
    it works.

    Exits 1 when a role is unusable with the template (or a --layout name is unknown).
    """
    from generator.layout.roles import ROLE_NEEDS
    from generator.template_report import template_facts, template_report

    if output_format not in ("text", "json"):
        typer.echo(f"error: --format takes text or json, not {output_format!r}", err=True)
        raise typer.Exit(EXIT_USAGE)
    if not template.is_file():
        typer.echo(f"error: no template at {template}", err=True)
        raise typer.Exit(EXIT_OUTLINE)
    overrides: dict[str, str] = {}
    for pair in layout or []:
        role, _, name = pair.partition("=")
        if role.strip() not in ROLE_NEEDS or not name.strip():
            typer.echo(f"error: --layout takes ROLE=NAME with a role from "
                       f"{', '.join(ROLE_NEEDS)}, not {pair!r}", err=True)
            raise typer.Exit(EXIT_USAGE)
        overrides[role.strip()] = name.strip()
    try:
        if output_format == "json":
            import json

            facts = template_facts(template, overrides or None)
            report, complete = json.dumps(facts, indent=1, ensure_ascii=False), facts["usable"]
        else:
            report, complete = template_report(template, overrides or None)
    except Exception as exc:  # a damaged or foreign file: say so, no traceback
        typer.echo(f"error: cannot read {template} as a PowerPoint template: {exc}", err=True)
        raise typer.Exit(EXIT_OUTLINE) from None
    typer.echo(report)
    if not complete:
        raise typer.Exit(EXIT_OUTLINE)


@app.command("help", cls=PlainCommand)
def help_command(
    ctx: typer.Context,
    command: Annotated[str | None, typer.Argument(
        help="The command to explain, e.g. build.", show_default=False)] = None,
) -> None:
    """Show the commands, or one command's options (the same as --help)."""
    group = ctx.parent.command if ctx.parent is not None else ctx.command
    if command is None:
        typer.echo(ctx.parent.get_help() if ctx.parent is not None else ctx.get_help())
        return
    chosen = group.get_command(ctx.parent, command) if hasattr(group, "get_command") else None
    if chosen is None:
        typer.echo(f"error: no command called {command!r}; commands: "
                   f"{', '.join(_COMMANDS)}", err=True)
        raise typer.Exit(EXIT_USAGE)
    with chosen.make_context(command, [], parent=ctx.parent, resilient_parsing=True) as inner:
        typer.echo(chosen.get_help(inner))


@app.command("version", cls=PlainCommand)
def version_command() -> None:
    """Show the version of make-deck."""
    typer.echo(f"make-deck {__version__}")


_COMMANDS = ("build", "check", "watch", "init", "themes", "check-template", "schema", "help",
             "version")


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; a first argument that is not a command means ``build``."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        args = route(args, _COMMANDS)
    except UnknownCommand as exc:
        sys.stderr.write(exc.message + "\n")
        raise SystemExit(EXIT_USAGE) from None
    try:
        app(args=args, prog_name="make-deck")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except Exception as exc:  # the last line of defence: no traceback unless asked
        if "--debug" in args:
            raise
        from generator.failures import describe_failure

        failure = describe_failure(exc)
        sys.stderr.write("".join(f"{line}\n" for line in failure.report()))
        raise SystemExit(failure.exit_code) from None


def run() -> None:
    """The ``make-deck`` command: `main`, then a quick exit.

    Tearing down a finished interpreter (freeing every module, font and XML tree
    one by one) takes longer than some builds; by the time `main` returns, every
    output is written, synced and renamed, so the exit handlers run, the standard
    streams are flushed and the process ends at once with `main`'s exit status."""
    import atexit
    import contextlib

    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        sys.stderr.write(f"{code}\n")
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing to show
            stream.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
