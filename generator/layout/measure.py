"""Which metrics the text of a deck in a given font family is measured with.

A family is measured exactly when its character widths can be had:

* Arial, Helvetica and Liberation Sans with Arimo, shipped with make-deck (no
  lookup at all, so the default deck costs nothing extra);
* a family installed on this machine, or a metric-compatible open family (Carlito
  for Calibri, Caladea for Cambria, Liberation Serif for Times New Roman ...),
  found with fontconfig, or Caladea from the package make-deck depends on;
* a family the template embeds (`generator.layout.embedded`), when fontconfig does
  not have the family itself: measured with the embedded faces. A style the template
  does not embed, and a character an embedded face lacks (PowerPoint may embed only
  the characters a file uses), are measured as below, with the stated margin.

Otherwise the renderer draws the text in a fallback font we did not choose. The
family is then measured, character by character, with the wider of Arial's width
plus the family's stated margin (`generator.look.theme.FONT_WIDTH_FACTORS`) and
the width of the fallback fontconfig picks here (what LibreOffice draws with), so
the text fits both in PowerPoint with the real font and in LibreOffice here.

The advance tables of font files are cached on disk beside Arimo's (see
`generator.layout.fonts.cache_dir`), keyed by the file's path, size and time, so
later processes parse no font. The result depends only on the machine's fonts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from generator.layout import fontconfig
from generator.layout.embedded import STYLE_NAMES, EmbeddedFaces, embedded_for, grouped
from generator.layout.fonts import (
    MEASURED_FAMILIES,
    FontMetrics,
    arimo_metrics,
    cache_dir,
    cached_record,
    metrics_from_record,
)

ARIMO_FAMILIES = frozenset({"arial", "helvetica", "liberation sans", "arimo"})
"""Families (lower case) measured with Arimo, which has their character widths."""

STYLES = ((False, False), (True, False), (False, True), (True, True))
"""(bold, italic) of the regular, bold, italic and bold italic faces."""

How = Literal["exact", "metric", "margin"]


@dataclass(frozen=True, slots=True)
class FaceSource:
    """The font file one style of a family is measured with.

    ``family`` is the family of ``file`` (None without one); ``exact`` is True when
    it is the family asked for or a metric-compatible one; ``embedded`` when the file
    is a face the template embeds.
    """

    file: Path | None
    family: str | None
    exact: bool
    embedded: bool = False


@dataclass(frozen=True, slots=True)
class FamilyMeasure:
    """How a family's text is measured: ``how`` is ``exact`` (its own metrics),
    ``metric`` (a metric-compatible family's) or ``margin`` (not available: Arial's
    widths times ``margin``, or the fallback's where wider)."""

    family: str
    how: How
    measured_as: str
    margin: float
    faces: tuple[FaceSource, FaceSource, FaceSource, FaceSource]
    embedded_problems: tuple[str, ...] = ()
    """Why faces the template embeds could not be read (one line each)."""

    @property
    def embedded(self) -> bool:
        """Return True when the text is measured with fonts the template embeds."""
        return self.faces[0].embedded

    @property
    def fallback(self) -> str | None:
        """Return the family the renderer draws in instead, when it is not available."""
        return self.faces[0].family if self.how == "margin" else None

    @property
    def file(self) -> Path | None:
        """Return the regular face's file (None for Arimo or without a fallback)."""
        return self.faces[0].file

    @property
    def note(self) -> str:
        """Return one line saying how this family's text is measured."""
        where = f" ({self.file})" if self.file else ""
        unread = (f"; the template embeds it, unread here ({grouped(self.embedded_problems)})"
                  if self.embedded_problems else "")
        if self.embedded:
            styles = [s for s, f in zip(STYLE_NAMES, self.faces, strict=True) if f.embedded]
            missing = [s for s in STYLE_NAMES if s not in styles]
            rest = (f"; {', '.join(missing)} with a margin of "
                    f"{round((self.margin - 1) * 100)} % (not embedded)") if missing else ""
            return (f"{self.family}: measured exactly, embedded in the template{where}"
                    f"{rest}{unread}")
        if self.how == "exact":
            return f"{self.family}: measured exactly, with its own metrics{where}"
        if self.how == "metric":
            return (f"{self.family}: measured exactly, with {self.measured_as}, which has "
                    f"the same character widths{where}")
        percent = round((self.margin - 1) * 100)
        fallback = (f" or, where wider, {self.fallback}, which this machine draws it "
                    f"in{where}" if self.fallback else "")
        margin = f"a margin of {percent} % over Arial's widths" if percent else "Arial's widths"
        return (f"{self.family}: not available here; measured with {margin}{fallback}"
                f"{unread}")


def _twins(family: str) -> tuple[str, ...]:
    """Return the metric-compatible families of ``family``."""
    from generator.look.typefaces import METRIC_TWINS

    return METRIC_TWINS.get(family.lower(), ())


def _stated_margin(family: str) -> float:
    """Return the width margin stated for a family measured as Arial (at least 1)."""
    from generator.look.theme import FONT_WIDTH_FACTORS, UNKNOWN_FONT_FACTOR

    return max(1.0, FONT_WIDTH_FACTORS.get(family.lower(), UNKNOWN_FONT_FACTOR))


def _face(family: str, bold: bool, italic: bool) -> FaceSource:
    """Return the file fontconfig draws one style of ``family`` with, and whether it
    is the family itself or a metric-compatible one."""
    found = fontconfig.match(family, bold, italic)
    if found is None:
        return FaceSource(None, None, False)
    wanted = {family.lower(), *(t.lower() for t in _twins(family))}
    named = next((f for f in found.families if f.lower() in wanted), None)
    return FaceSource(found.file, named or found.family, named is not None)


def _packaged(family: str) -> tuple[str, tuple[FaceSource, ...]] | None:
    """Return a metric-compatible family that comes with make-deck's dependencies and
    its faces, or None."""
    from generator.look.typefaces import packaged_faces

    for twin in _twins(family):
        if twin.lower() == "arimo":
            continue
        files = packaged_faces(twin)
        if files is not None:
            return twin, tuple(FaceSource(f, twin, True) for f in files)
    return None


def _embedded(family: str, faces: tuple[FaceSource, ...],
              embedded: EmbeddedFaces) -> FamilyMeasure:
    """Return how ``family`` is measured with the faces the template embeds, the styles
    it does not embed measured as before (``faces``, with the stated margin)."""
    mixed = tuple(FaceSource(file, family, True, True) if file is not None else face
                  for file, face in zip(embedded.files, faces, strict=True))
    return FamilyMeasure(family, "exact", f"{family}, embedded in the template",
                         _stated_margin(family), mixed,  # type: ignore[arg-type]
                         embedded.problems)


@lru_cache(maxsize=64)
def resolve(family: str, embedded: EmbeddedFaces | None = None) -> FamilyMeasure:
    """Return how ``family`` is measured on this machine (see the module's docstring),
    ``embedded`` the faces of it the template embeds, if any."""
    key = family.lower()
    if key in ARIMO_FAMILIES:
        arimo = FaceSource(None, "Arimo", True)
        how: How = "exact" if key == "arimo" else "metric"
        return FamilyMeasure(family, how, "Arimo, shipped with make-deck", 1.0, (arimo,) * 4)
    faces = tuple(_face(family, bold, italic) for bold, italic in STYLES)
    regular = faces[0]
    if embedded is not None and embedded.readable and not (
            regular.exact and regular.family is not None and regular.family.lower() == key):
        return _embedded(family, faces, embedded)
    problems = embedded.problems if embedded is not None else ()
    if not regular.exact:
        packaged = _packaged(family)
        if packaged is not None:
            twin, twin_faces = packaged
            return FamilyMeasure(family, "metric", twin, 1.0, twin_faces,  # type: ignore[arg-type]
                                 problems)
    margin = 1.0 if regular.exact else _stated_margin(family)
    if regular.exact:
        same = regular.family is not None and regular.family.lower() == key
        how = "exact" if same else "metric"
    else:
        how = "margin"
    return FamilyMeasure(family, how, regular.family or "Arial", margin,
                         faces, problems)  # type: ignore[arg-type]


def _cache_name(path: Path) -> str:
    """Return the cache file name of a font file's advances (path, size and time)."""
    stat = path.stat()
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:12]
    return f"{path.stem}-{digest}-{stat.st_size}-{stat.st_mtime_ns}.metrics.json"


@lru_cache(maxsize=32)
def file_metrics(path: Path) -> FontMetrics:
    """Return the metrics of a font file, from the disk cache when it has them."""
    folder = cache_dir() / "faces"
    folder.mkdir(exist_ok=True)
    return metrics_from_record(cached_record(folder / _cache_name(path), lambda: path))


def _face_ems(measure: FamilyMeasure, bold: bool, italic: bool) -> dict[int, float]:
    """Return {code point: advance in ems} that ``measure`` gives one style."""
    arimo = arimo_metrics(bold, italic).em_table()
    source = measure.faces[STYLES.index((bold, italic))]
    if source.file is None:  # Arimo, or nothing fontconfig could name
        return {code: em * measure.margin for code, em in arimo.items()}
    table = file_metrics(source.file).em_table()
    if source.exact:  # characters the font lacks come from a fallback: count Arial's
        spare = measure.margin if source.embedded else 1.0  # an embedded subset: a margin
        return {**{code: em * spare for code, em in arimo.items()}, **table}
    wide = {code: em * measure.margin for code, em in arimo.items()}
    for code, em in table.items():
        wide[code] = max(em, wide.get(code, 0.0))
    return wide


Measured = str | EmbeddedFaces
"""A family to measure for: its name, or the faces of it the template embeds."""


def _resolved(family: Measured) -> FamilyMeasure:
    """Return how a family of `measured_families` is measured."""
    if isinstance(family, str):
        return resolve(family)
    return resolve(family.family, family)


@lru_cache(maxsize=16)
def face_metrics(families: tuple[Measured, ...], bold: bool, italic: bool) -> FontMetrics:
    """Return the metrics text in ``families`` is measured with, in one style: per
    character the widest that any of the families gives (see `resolve`)."""
    arimo = arimo_metrics(bold, italic)
    widest: dict[int, float] = {}
    for family in families:
        for code, em in _face_ems(_resolved(family), bold, italic).items():
            if em > widest.get(code, 0.0):
                widest[code] = em
    return FontMetrics(1.0, arimo.ascent, arimo.descent, widest)


def measured_families(*families: str | None,
                      embedded: tuple[EmbeddedFaces, ...] = ()) -> tuple[Measured, ...]:
    """Return the distinct families to measure for, sorted, each as the faces the
    template embeds of it (``embedded``) where it embeds it readably, else by name;
    empty when all are measured with Arimo (the default: Arial)."""
    named = sorted({f for f in families if f})
    if all(f.lower() in ARIMO_FAMILIES for f in named):
        return ()
    found = ((f, embedded_for(f, embedded)) for f in named)
    return tuple(e if e is not None and e.readable else f for f, e in found)


@contextmanager
def measuring(families: tuple[Measured, ...]) -> Iterator[None]:
    """Measure text for ``families`` (see `measured_families`) inside the block."""
    token = MEASURED_FAMILIES.set(families)
    try:
        yield
    finally:
        MEASURED_FAMILIES.reset(token)
