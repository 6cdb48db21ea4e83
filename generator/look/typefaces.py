"""Which font files the PDFs embed for the look's typefaces.

A deck names a family (Arial, Calibri, Cambria ...) and the program showing it
supplies the font. A PDF must carry its font, and make-deck may not ship
Microsoft's, so each family is embedded as the first of:

1. the family itself, when its four faces are installed on this machine or come
   with a Python package make-deck depends on (``exact``);
2. a metric-compatible open family: the same advance width for every character,
   so lines break where they break in the deck (``metric``): Arimo or Liberation
   Sans for Arial and Helvetica, Carlito for Calibri, Caladea for Cambria, Tinos
   or Liberation Serif for Times New Roman, Cousine or Liberation Mono for
   Courier New;
3. Arimo, shipped with make-deck, with a note that the family was not available
   (``fallback``).

`--verbose` and `make-deck check-template` print the choice (`Typeface.note`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

Match = Literal["exact", "metric", "fallback"]
Faces = tuple[Path, Path, Path, Path]
"""Regular, bold, italic and bold italic face files."""

METRIC_TWINS: dict[str, tuple[str, ...]] = {
    "arial": ("Arimo", "Liberation Sans"),
    "helvetica": ("Arimo", "Liberation Sans"),
    "arial nova": ("Arimo", "Liberation Sans"),
    "liberation sans": ("Arimo",),
    "calibri": ("Carlito",),
    "calibri light": ("Carlito",),
    "cambria": ("Caladea",),
    "times new roman": ("Tinos", "Liberation Serif"),
    "times": ("Tinos", "Liberation Serif"),
    "courier new": ("Cousine", "Liberation Mono"),
}
"""Families and the open families with the same character widths (lower-case keys)."""

FONT_FOLDERS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                Path.home() / ".local/share/fonts", Path.home() / ".fonts",
                Path("/Library/Fonts"), Path("C:/Windows/Fonts"))
"""Where installed fonts are looked for."""

_STYLE_SUFFIXES = {
    "regular": ("-Regular", "Regular", "-Roman", ""),
    "bold": ("-Bold", "Bold", "bd", "b"),
    "italic": ("-Italic", "Italic", "i", "-Oblique"),
    "bolditalic": ("-BoldItalic", "BoldItalic", "bi", "z", "-BoldOblique"),
}


@dataclass(frozen=True, slots=True)
class Typeface:
    """A family the look asks for and the family the PDFs embed for it."""

    asked: str
    embedded: str
    faces: Faces
    match: Match

    @property
    def note(self) -> str:
        """Return one line saying what the PDFs embed for this family and why."""
        if self.match == "exact":
            return f"{self.asked}: embedded as itself"
        if self.match == "metric":
            return (f"{self.asked}: embedded as {self.embedded}, which has the same "
                    "character widths")
        return (f"{self.asked}: not available here and no metric-compatible font found; "
                f"the PDFs use {self.embedded} (install the family, or a metric-compatible "
                "one, to match the deck)")


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


@lru_cache(maxsize=1)
def _installed_files() -> dict[str, Path]:
    """Return {squashed file stem: path} for every .ttf/.otf in the font folders; the
    first found wins, folders and files in sorted order, so the choice is stable."""
    found: dict[str, Path] = {}
    for folder in FONT_FOLDERS:
        if not folder.is_dir():
            continue
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                stem, dot, ext = name.rpartition(".")
                if dot and ext.lower() in ("ttf", "otf"):
                    found.setdefault(_squash(stem), Path(root) / name)
    return found


def packaged_faces(family: str) -> Faces | None:
    """Return the faces of a family that comes with one of make-deck's dependencies."""
    key = _squash(family)
    if key == "arimo":
        from generator.layout.fonts import face_path

        return (face_path(False, False), face_path(True, False), face_path(False, True),
                face_path(True, True))
    if key == "caladea":
        try:
            import font_caladea
        except ImportError:
            return None
        folder = Path(font_caladea.font_directory)
        faces = tuple(folder / f"Caladea-{s}.ttf"
                      for s in ("Regular", "Bold", "Italic", "BoldItalic"))
        return faces if all(f.is_file() for f in faces) else None  # type: ignore[return-value]
    return None


def _installed_faces(family: str) -> Faces | None:
    """Return the four faces of an installed family found by file name, or None."""
    files = _installed_files()
    base = _squash(family)
    faces: list[Path] = []
    for style in ("regular", "bold", "italic", "bolditalic"):
        path = next((files[k] for k in (base + _squash(s) for s in _STYLE_SUFFIXES[style])
                     if k in files), None)
        if path is None:
            return None
        faces.append(path)
    return (faces[0], faces[1], faces[2], faces[3])


def faces_of(family: str) -> Faces | None:
    """Return the four face files of ``family`` (packaged first, then installed)."""
    return packaged_faces(family) or _installed_faces(family)


@lru_cache(maxsize=32)
def choose_typeface(family: str) -> Typeface:
    """Return what the PDFs embed for ``family``: itself, a metric twin, or Arimo."""
    exact = faces_of(family)
    if exact is not None:
        return Typeface(family, family, exact, "exact")
    for twin in METRIC_TWINS.get(family.lower(), ()):
        faces = faces_of(twin)
        if faces is not None:
            return Typeface(family, twin, faces, "metric")
    fallback = packaged_faces("Arimo")
    assert fallback is not None
    return Typeface(family, "Arimo", fallback, "fallback")
