"""The fonts a template embeds, as plain data for measuring text.

The look stage (`generator.look.embedded_fonts`) reads a template's embedded fonts,
decodes them and stores each face as a TrueType/OpenType file in the disk cache;
the layout stage receives only this record: the family, the cached file of each
style it could read, and what stopped it reading the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

STYLE_NAMES = ("regular", "bold", "italic", "bold italic")
"""The names of the four styles, in the order of `EmbeddedFaces.files`."""


@dataclass(frozen=True, slots=True)
class EmbeddedFaces:
    """One family a template embeds: ``files`` holds the cached font file of the
    regular, bold, italic and bold italic face (None where the template has none or it
    could not be read); ``problems`` says, one line each, why a face could not be read
    (e.g. ``bold: compressed with MicroType Express, which make-deck does not read``)."""

    family: str
    files: tuple[Path | None, Path | None, Path | None, Path | None]
    problems: tuple[str, ...] = ()

    @property
    def readable(self) -> bool:
        """Return True when the regular face could be read (the family can be measured)."""
        return self.files[0] is not None

    def styles(self) -> tuple[str, ...]:
        """Return the names of the styles read, e.g. ``("regular", "bold")``."""
        return tuple(name for name, file in zip(STYLE_NAMES, self.files, strict=True) if file)


def embedded_for(family: str, embedded: tuple[EmbeddedFaces, ...]) -> EmbeddedFaces | None:
    """Return the record of ``family`` among ``embedded`` (names compared without case),
    or None when the template does not embed it."""
    key = family.lower()
    return next((e for e in embedded if e.family.lower() == key), None)


def grouped(problems: tuple[str, ...] | list[str]) -> str:
    """Return ``problems`` (``style: why`` each) as one phrase, the styles with the same
    reason named together: ``regular, bold: compressed with ...; italic: damaged``."""
    reasons: dict[str, list[str]] = {}
    for problem in problems:
        style, _, why = problem.partition(": ")
        reasons.setdefault(why, []).append(style)
    return "; ".join(f"{', '.join(styles)}: {why}" for why, styles in reasons.items())
