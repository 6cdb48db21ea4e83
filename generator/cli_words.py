"""How the command line reads its first word, and how its help is shown.

``make-deck OUTLINE`` means ``make-deck build OUTLINE``, so a first word that is not a
command is taken for an outline. A word that is no file and looks like a command
(``chek``, ``help``) is never built: `route` turns it into a usage error with a
"did you mean", before anything is read or written. `PlainCommand` shows usage and
help in the words the README uses (``OUTLINE...``, ``--only OUTPUT``), never the
type names of the code behind them.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING

from typer.core import TyperCommand

if TYPE_CHECKING:
    from typer._click import Context, HelpFormatter, Parameter

OUTLINE_SUFFIXES = (".yaml", ".yml")


class UnknownCommand(Exception):
    """The first word is neither a command nor an outline; ``message`` says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def route(args: list[str], commands: tuple[str, ...]) -> list[str]:
    """Return the arguments to run: ``build`` put first when they start with an outline.

    Raises `UnknownCommand` when the first word that is not an option names no
    command and no file or folder, and does not look like an outline's file name
    (it has no ``.yaml`` ending and no folder in it): that is a mistyped command,
    and building the words after it would surprise.
    """
    first = next((a for a in args if not a.startswith("-")), None)
    if first is None or first in commands or {"--help", "-h", "--version"} & set(args[:1]):
        return args
    looks_like_path = (Path(first).suffix.lower() in OUTLINE_SUFFIXES or "/" in first
                       or "\\" in first or Path(first).exists())
    if looks_like_path:
        return ["build", *args]
    close = difflib.get_close_matches(first, commands, n=1, cutoff=0.6)
    hint = (f"did you mean `make-deck {close[0]}`?" if close else
            "commands: " + ", ".join(commands))
    raise UnknownCommand(f"error: no command or outline called {first!r}; {hint}\n"
                         "nothing was written; `make-deck --help` lists the commands")


def _piece(param: Parameter) -> str:
    """Return an argument's name as the usage line shows it: ``OUTLINE...``, ``[FOLDER]``."""
    name = param.metavar or (param.name or "").upper()
    if param.nargs != 1:
        name += "..."
    return name if param.required else f"[{name}]"


class PlainCommand(TyperCommand):
    """A command whose usage line and help name arguments and values in plain words."""

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        """Return the usage line's pieces: ``[OPTIONS]`` then each argument's plain name."""
        pieces = [self.options_metavar] if self.options_metavar else []
        pieces.extend(_piece(p) for p in self.get_params(ctx)
                      if p.param_type_name == "argument")
        return pieces

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        """Write the Arguments and Options sections, arguments by their plain name."""
        arguments = [(_piece(p).strip("[]"), getattr(p, "help", None) or "")
                     for p in self.get_params(ctx) if p.param_type_name == "argument"]
        options = [record for p in self.get_params(ctx)
                   if p.param_type_name == "option" and (record := p.get_help_record(ctx))]
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)
