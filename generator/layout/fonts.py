"""Font faces and metrics for text measurement.

The deck names the font family ``Arial``, which every PowerPoint installation has.
We measure (and embed in PDFs) Arimo, which is metric-compatible with Arial: every
character has the same advance width, in regular, bold and italic.

Arimo ships as two variable fonts in the ``fontpkg_arimo`` package. On first use we
pin them to four static faces (regular, bold, italic, bold italic) with proper
name tables and cache the TTFs on disk together with a small JSON table of advance
widths, so later processes neither instantiate nor parse a font just to measure.

Cache location: ``$MAKE_DECK_CACHE`` if set, else ``$XDG_CACHE_HOME/make-deck`` or
``~/.cache/make-deck``, in a subfolder keyed by the Arimo package version and
`CACHE_FORMAT`. Files are written to a temporary name in the same folder and moved
into place with `os.replace`, so parallel processes never see half-written files.
"""

from __future__ import annotations

import importlib.resources
import json
import os
import unicodedata
from collections.abc import Callable
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.layout.embedded import EmbeddedFaces

FONT_FAMILY = "Arial"
"""The family name the deck asks for; measured with the metric-compatible Arimo."""

MEASURE_FAMILY = "Arimo"
"""The family name written into the cached static faces."""

CACHE_FORMAT = 2
"""Bump when the cached files change shape, so stale caches are not reused."""

FALLBACK_ADVANCE_EM = 1.3
"""Advance (in ems) assumed for a visible character Arimo lacks.

A renderer draws such a character from some fallback font we cannot measure; CJK
ideographs are 1 em wide and colour emoji somewhat wider, so 1.3 em errs on the
wide side. `missing_characters` lets callers warn about these characters.
"""

IGNORED_CHARACTERS = frozenset("\n\t\u200b\u00ad")
"""Characters `missing_characters` never reports (breaks, tabs, invisible hints)."""

MEASURED_FAMILIES: ContextVar[tuple[str | EmbeddedFaces, ...]] = ContextVar(
    "measured_families", default=())
"""The families text is being measured for (empty: Arial, measured with Arimo), each
by name or as the faces of it the template embeds.

Set by `generator.layout.measure.measuring` while a deck is laid out; `metrics`
then returns the faces `generator.layout.measure.face_metrics` builds for them.
"""

_STYLES: dict[tuple[bool, bool], tuple[str, str, int]] = {
    # (bold, italic): (subfamily name, PostScript suffix, weight)
    (False, False): ("Regular", "Regular", 400),
    (True, False): ("Bold", "Bold", 700),
    (False, True): ("Italic", "Italic", 400),
    (True, True): ("Bold Italic", "BoldItalic", 700),
}

_FS_ITALIC, _FS_BOLD, _FS_REGULAR = 1 << 0, 1 << 5, 1 << 6
_MAC_BOLD, _MAC_ITALIC = 1 << 0, 1 << 1


def _package_version() -> str:
    """Return the installed fontpkg-arimo version (part of the cache key).

    Reads the package's own metadata.json (a few times faster than
    `importlib.metadata`), falling back to the distribution metadata.
    """
    try:
        meta = importlib.resources.files("fontpkg_arimo") / "metadata.json"
        return str(json.loads(meta.read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError):
        from importlib.metadata import version

        return version("fontpkg-arimo")


def _source_path(italic: bool) -> Path:
    """Return the path of the variable Arimo font for upright or italic."""
    name = "Arimo-Italic[wght].ttf" if italic else "Arimo[wght].ttf"
    return Path(str(importlib.resources.files("fontpkg_arimo") / "files" / name))


def _cache_root() -> Path:
    """Return the configured cache directory (not yet created)."""
    explicit = os.environ.get("MAKE_DECK_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "make-deck"


@lru_cache(maxsize=1)
def cache_dir() -> Path:
    """Return the folder holding the static faces, creating it if needed.

    Resolved once per process (call ``cache_dir.cache_clear()`` after changing the
    environment, as tests do). Falls back to a folder under the system temporary
    directory when the configured location cannot be created (e.g. a read-only home).
    """
    import tempfile

    sub = f"arimo-{_package_version()}-f{CACHE_FORMAT}"
    for root in (_cache_root(), Path(tempfile.gettempdir()) / "make-deck-cache"):
        folder = root / sub
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return folder
    raise OSError(f"no writable cache folder for fonts (tried {_cache_root() / sub})")


def _face_stem(bold: bool, italic: bool) -> str:
    """Return the file stem of a static face, e.g. ``Arimo-BoldItalic``."""
    return f"{MEASURE_FAMILY}-{_STYLES[bold, italic][1]}"


def _write_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` on a temporary file beside ``target``, then move it into place."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(8).hex()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _build_static_face(bold: bool, italic: bool, target: Path) -> None:
    """Instantiate the variable font at the face's weight and save it to ``target``."""
    from fontTools.ttLib import TTFont
    from fontTools.varLib.instancer import instantiateVariableFont

    subfamily, ps_suffix, weight = _STYLES[bold, italic]
    font = instantiateVariableFont(TTFont(_source_path(italic)), {"wght": weight}, inplace=True)
    for tag in ("STAT", "fvar", "avar"):
        if tag in font:
            del font[tag]

    name = font["name"]
    version = _package_version()
    full = f"{MEASURE_FAMILY} {subfamily}"
    postscript = f"{MEASURE_FAMILY}-{ps_suffix}"
    for name_id in (16, 17, 21, 22, 25):
        name.removeNames(nameID=name_id)
    name.setName(MEASURE_FAMILY, 1, 3, 1, 0x409)
    name.setName(subfamily, 2, 3, 1, 0x409)
    name.setName(f"{version};GOOG;{postscript}", 3, 3, 1, 0x409)
    name.setName(full, 4, 3, 1, 0x409)
    name.setName(postscript, 6, 3, 1, 0x409)
    name.removeUnusedNames(font)  # the axis and instance names only STAT/fvar used

    os2 = font["OS/2"]
    os2.usWeightClass = weight
    selection = os2.fsSelection & ~(_FS_ITALIC | _FS_BOLD | _FS_REGULAR)
    if bold:
        selection |= _FS_BOLD
    if italic:
        selection |= _FS_ITALIC
    if not bold and not italic:
        selection |= _FS_REGULAR
    os2.fsSelection = selection
    head = font["head"]
    head.macStyle = (_MAC_BOLD if bold else 0) | (_MAC_ITALIC if italic else 0)

    def save(path: Path) -> None:
        font.save(str(path))

    _write_atomically(target, save)


def face_path(bold: bool, italic: bool) -> Path:
    """Return the path of the static Arimo TTF for a style, building it on first use."""
    target = cache_dir() / f"{_face_stem(bold, italic)}.ttf"
    if not target.is_file():
        _build_static_face(bold, italic, target)
    return target


class _AdvanceTable(dict[str, float]):
    """Character -> advance in ems; characters are looked up in the font on first use."""

    __slots__ = ("_units", "_upem")

    def __init__(self, units: dict[int, float], upem: float) -> None:
        super().__init__()
        self._units = units
        self._upem = upem

    def __missing__(self, char: str) -> float:
        advance = self._units.get(ord(char))
        if advance is not None:
            value = advance / self._upem
        elif char in IGNORED_CHARACTERS or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            value = 0.0
        else:
            value = FALLBACK_ADVANCE_EM
        self[char] = value
        return value


class FontMetrics:
    """Horizontal and vertical metrics of one static face.

    ``ascent`` and ``descent`` are the hhea values as positive fractions of the em
    (identical to Arial's: 0.905 and 0.212).
    """

    __slots__ = ("_advances", "_units", "ascent", "descent", "units_per_em")

    def __init__(self, units_per_em: float, ascent: float, descent: float,
                 advances: dict[int, float]) -> None:
        self.units_per_em = units_per_em
        self.ascent = ascent
        self.descent = descent
        self._units = advances
        self._advances = _AdvanceTable(advances, units_per_em)

    def width(self, text: str, size: float) -> float:
        """Return the width of ``text`` at ``size`` pt: the sum of advances, without kerning.

        Kerning only ever narrows Arial text, so ignoring it errs on the wide side.
        """
        return sum(map(self._advances.__getitem__, text)) * size

    def em_width(self, text: str) -> float:
        """Return the width of ``text`` in ems (the width at a size of 1 pt)."""
        return sum(map(self._advances.__getitem__, text))

    def advances_em(self, text: str) -> list[float]:
        """Return the advance of each character of ``text`` in ems."""
        return list(map(self._advances.__getitem__, text))

    def advance_em(self, char: str) -> float:
        """Return the advance of one character in ems."""
        return self._advances[char]

    def em_table(self) -> dict[int, float]:
        """Return {code point: advance in ems} for every character the face has."""
        return {code: units / self.units_per_em for code, units in self._units.items()}

    def covers(self, char: str) -> bool:
        """Return True when the face has a glyph for ``char``."""
        return ord(char) in self._units

    def __repr__(self) -> str:
        return (f"FontMetrics(units_per_em={self.units_per_em}, ascent={self.ascent:.4f}, "
                f"descent={self.descent:.4f}, characters={len(self._units)})")


def _read_metrics_from_font(path: Path) -> dict[str, object]:
    """Return the metrics record (JSON-ready) of a TTF, reading only the needed tables."""
    import logging

    from fontTools.ttLib import TTFont

    quiet = logging.getLogger("fontTools")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # e.g. "'created' timestamp seems very low"
    font = TTFont(str(path), lazy=True)
    try:
        upem = font["head"].unitsPerEm
        hhea = font["hhea"]
        hmtx = font["hmtx"].metrics
        cmap = font.getBestCmap()
        advances = {str(code): hmtx[glyph][0] for code, glyph in cmap.items()}
        return {
            "units_per_em": upem,
            "ascent": hhea.ascent,
            "descent": -hhea.descent,
            "advances": advances,
        }
    finally:
        font.close()
        quiet.setLevel(level)


def metrics(bold: bool, italic: bool) -> FontMetrics:
    """Return the metrics text is measured with in a style: Arimo's, or while a deck
    in other families is laid out (`MEASURED_FAMILIES`), the face built for them."""
    families = MEASURED_FAMILIES.get()
    if not families:
        return arimo_metrics(bold, italic)
    from generator.layout.measure import face_metrics

    return face_metrics(families, bold, italic)


@lru_cache(maxsize=4)
def arimo_metrics(bold: bool, italic: bool) -> FontMetrics:
    """Return the (cached) metrics of an Arimo face, from the JSON beside the cached TTF."""
    return metrics_from_record(cached_record(
        cache_dir() / f"{_face_stem(bold, italic)}.metrics.json",
        lambda: face_path(bold, italic)))


def cached_record(json_path: Path, font: Callable[[], Path]) -> dict[str, object]:
    """Return the metrics record stored at ``json_path``, reading it from the font file
    ``font()`` returns (and storing it) when it is missing or unreadable."""
    record: dict[str, object] | None = None
    if json_path.is_file():
        try:
            record = json.loads(json_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            record = None
    if record is None:
        record = _read_metrics_from_font(font())
        data = json.dumps(record, separators=(",", ":"))

        def save(path: Path) -> None:
            path.write_text(data, encoding="utf-8")

        _write_atomically(json_path, save)
    return record


def metrics_from_record(record: dict[str, object]) -> FontMetrics:
    """Return the metrics a record of `_read_metrics_from_font` describes."""
    upem = int(record["units_per_em"])  # type: ignore[call-overload]
    advances = {int(code): int(adv) for code, adv in record["advances"].items()}  # type: ignore[union-attr]
    return FontMetrics(
        units_per_em=upem,
        ascent=float(record["ascent"]) / upem,  # type: ignore[arg-type]
        descent=float(record["descent"]) / upem,  # type: ignore[arg-type]
        advances=advances,
    )


def missing_characters(text: str) -> tuple[str, ...]:
    """Return the distinct characters of ``text`` the regular face lacks, in first-seen order.

    Line breaks, tabs, zero-width spaces and soft hyphens are never reported.
    """
    face = arimo_metrics(False, False)
    seen: dict[str, None] = {}
    for char in text:
        if char not in IGNORED_CHARACTERS and char not in seen and not face.covers(char):
            seen[char] = None
    return tuple(seen)
