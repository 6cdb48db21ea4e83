"""What a failed build tells the user, and the exit code it ends with.

A build, a batch of builds and a watch rebuild all fail the same ways, and
`describe_failure` turns each into the same `Failure`: problems in the outline
(exit code 1), an output folder that cannot be written (1), an output edited by
hand (3), anything else, an internal error (4). The command line prints
`Failure.report`; a batch and a watch show `Failure.summary` beside each outline or
rebuild, with the problems above it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from generator.diagnostics import Diagnostic, MakeDeckError, Severity, format_diagnostic
from generator.problems import Problem


class ExitCode(enum.IntEnum):
    """The exit codes of `make-deck` (README.md, "Exit codes")."""

    OK = 0
    OUTLINE = 1
    """Problems in the outline (or warnings with ``--strict``), or outputs not writable."""
    USAGE = 2
    EDITED = 3
    INTERNAL = 4


NOTHING_WRITTEN = "nothing was written"
ASK_FOR_DETAILS = "nothing was written; run again with --debug for details"


@dataclass(frozen=True, slots=True)
class Failure:
    """One failed build: its exit code, a one-line summary, and the problems found."""

    exit_code: ExitCode
    summary: str
    """E.g. "2 error(s) in the outline", "an output was edited by hand"."""
    diagnostics: tuple[Diagnostic, ...] = ()
    closing: str | None = None
    """The last line a build prints, e.g. "nothing was written"."""

    @property
    def internal(self) -> bool:
        """Return True for a failure of make-deck itself (where ``--debug`` shows a traceback)."""
        return self.exit_code is ExitCode.INTERNAL

    def messages(self, source: str | None = None, source_file: str | None = None) -> list[str]:
        """Return each problem formatted as `format_diagnostic` does (``source`` is the
        text of the outline ``source_file``); for an internal error, the summary."""
        if self.internal:
            return [self.summary]
        return [format_diagnostic(d, source, source_file) for d in self.diagnostics]

    def report(self, source: str | None = None, source_file: str | None = None) -> list[str]:
        """Return the lines a build prints on stderr: the problems, their count, the
        closing line."""
        lines = self.messages(source, source_file)
        if self.diagnostics:
            errors = sum(d.severity is Severity.ERROR for d in self.diagnostics)
            lines.append(f"{errors} error(s), {len(self.diagnostics) - errors} warning(s)")
        if self.closing:
            lines.append(self.closing)
        return lines


def describe_failure(exc: BaseException) -> Failure:
    """Return what ``exc``, raised by a build, means for the user, and its exit code."""
    from generator.outputs import EditedOutputError

    if isinstance(exc, MakeDeckError):
        errors = sum(d.severity is Severity.ERROR for d in exc.diagnostics)
        return Failure(ExitCode.OUTLINE, f"{errors} error(s) in the outline", exc.diagnostics,
                       NOTHING_WRITTEN)
    if isinstance(exc, EditedOutputError):
        return Failure(ExitCode.EDITED, "an output was edited by hand", exc.diagnostics)
    if isinstance(exc, OSError):  # the output folder cannot be written: say where and why
        where = f" ({exc.filename})" if exc.filename else ""
        problem = Diagnostic(
            Problem.E_OUTPUT_WRITE, f"cannot write the outputs{where}: {exc.strerror or exc}",
            hint="check that the output folder is a folder you may write to, or choose "
            "another with --out-dir")
        return Failure(ExitCode.OUTLINE, "cannot write the outputs", (problem,), NOTHING_WRITTEN)
    return Failure(ExitCode.INTERNAL, f"internal error: {type(exc).__name__}: {exc}",
                   closing=ASK_FOR_DETAILS)


__all__ = ["ASK_FOR_DETAILS", "NOTHING_WRITTEN", "ExitCode", "Failure", "describe_failure"]
