"""Problems found in an outline, with the place in the source they point at.

Every check in make-deck reports a `Diagnostic`. They are collected, all of them,
then shown together by `format_diagnostic` in the style
``outline.yaml:12:5: error: ...`` with the source line and a caret under the column.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


class Severity(enum.StrEnum):
    """How bad a problem is: errors stop the build, warnings do not (unless ``--strict``)."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Position:
    """A place in a source file; ``line`` and ``column`` count from 1."""

    file: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem: a stable ``code``, a message, where it is and how to fix it."""

    code: str
    message: str
    severity: Severity = Severity.ERROR
    position: Position | None = None
    hint: str | None = None
    slide: int | None = None
    related: tuple[Position, ...] = field(default=())

    def as_error(self) -> Diagnostic:
        """Return this diagnostic raised to an error (what ``--strict`` does to warnings)."""
        return Diagnostic(
            self.code, self.message, Severity.ERROR, self.position, self.hint, self.slide,
            self.related,
        )

    def sort_key(self) -> tuple[str, int, int, str]:
        """Return the key that orders diagnostics by file, line, column and code."""
        if self.position is None:
            return ("", 0, 0, self.code)
        return (self.position.file, self.position.line, self.position.column, self.code)


class MakeDeckError(Exception):
    """The one error type the pipeline raises for anything the user can fix."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("; ".join(d.message for d in self.diagnostics))


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    """Return True when any of ``diagnostics`` is an error."""
    return any(d.severity is Severity.ERROR for d in diagnostics)


def source_line(source: str | None, line: int) -> str | None:
    """Return line ``line`` (from 1) of ``source``, or None when there is no such line."""
    if source is None or line < 1:
        return None
    lines = source.splitlines()
    if line > len(lines):
        return None
    return lines[line - 1]


def _file_text(file: str) -> str | None:
    """Return a source file's text as it is now (never cached: watch mode edits it)."""
    try:
        with open(file, encoding="utf-8") as handle:
            return handle.read(8 * 1024 * 1024)
    except (OSError, UnicodeDecodeError):
        return None


def format_diagnostic(diagnostic: Diagnostic, source: str | None = None,
                      source_file: str | None = None) -> str:
    """Return the human-readable report of one problem.

    The first line is ``file:line:col: severity: message``; then, when the source is
    known, the offending line and a caret under the column; then ``hint: ...``.
    ``source`` is the text of ``source_file`` (the outline); a problem in another
    file (a theme file, say) quotes that file's own line.
    """
    pos = diagnostic.position
    where = f"{pos.file}:{pos.line}:{pos.column}: " if pos else ""
    slide = f" (slide {diagnostic.slide})" if diagnostic.slide else ""
    out = [f"{where}{diagnostic.severity.value}[{diagnostic.code}]{slide}: {diagnostic.message}"]
    if pos and source_file is not None and pos.file != source_file:
        source = _file_text(pos.file)
    text = source_line(source, pos.line) if pos else None
    if pos and text is not None:
        shown = text.replace("\t", " ")
        out.append(f"    {shown}")
        out.append("    " + " " * max(pos.column - 1, 0) + "^")
    for other in diagnostic.related:
        out.append(f"  see also {other.file}:{other.line}:{other.column}")
    if diagnostic.hint:
        out.append(f"  hint: {diagnostic.hint}")
    return "\n".join(out)
