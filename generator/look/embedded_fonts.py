"""Read the fonts a template embeds, for measuring text set in them.

A presentation lists its embedded fonts in ``<p:embeddedFontLst>`` of its main part
(``ppt/presentation.xml``): per family a ``<p:font typeface=...>`` and up to four
``<p:regular>``, ``<p:bold>``, ``<p:italic>``, ``<p:boldItalic>`` children whose
``r:id`` names a font part (relationship type ``.../relationships/font``), usually
``ppt/fonts/*.fntdata``. Each part is decoded (`generator.look.font_data`) and the
plain font stored in the disk cache under the SHA-256 of its bytes, so the same
font in two templates is stored once and the layout reads its widths like any
installed font's. The list for a template is cached too, keyed by the template's
bytes. Nothing here raises on a damaged template or font: what cannot be read is
left out, with a line saying why.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import posixpath
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

from lxml import etree

from generator.layout.embedded import STYLE_NAMES, EmbeddedFaces
from generator.look.font_data import decode

CACHE_FORMAT = 1
"""Bump when the cached lists change shape, so stale ones are not reused."""

_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_OFFICE_DOCUMENT = "/officeDocument"
_FONT = "/font"
_STYLE_TAGS = ("regular", "bold", "italic", "boldItalic")
_MAX_PART = 64 << 20
"""Font parts larger than this (bytes) are not read."""


def _folder() -> Path:
    """Return the cache folder of decoded fonts and template lists (created)."""
    from generator.layout.fonts import cache_dir

    folder = cache_dir().parent / f"embedded-fonts-{CACHE_FORMAT}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _write(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file moved into place."""
    from generator.layout.fonts import _write_atomically

    _write_atomically(target, lambda path: path.write_bytes(data))


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Return {id: (type, target part name)} of ``part``'s relationships ({} if none)."""
    folder, name = posixpath.split(part)
    try:
        root = etree.fromstring(archive.read(posixpath.join(folder, "_rels", name + ".rels")))
    except (KeyError, etree.XMLSyntaxError):
        return {}
    found = {}
    for rel in root.iter(f"{{{_PKG_RELS}}}Relationship"):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        full = target.lstrip("/") if target.startswith("/") else \
            posixpath.normpath(posixpath.join(folder, target))
        found[rel.get("Id", "")] = (rel.get("Type", ""), full)
    return found


def _content_types(archive: zipfile.ZipFile) -> tuple[dict[str, str], dict[str, str]]:
    """Return the package's content types: ({part name: type}, {extension: type})."""
    try:
        root = etree.fromstring(archive.read("[Content_Types].xml"))
    except (KeyError, etree.XMLSyntaxError):
        return {}, {}
    parts = {o.get("PartName", "").lstrip("/"): o.get("ContentType", "")
             for o in root.iter(f"{{{_CT}}}Override")}
    defaults = {d.get("Extension", "").lower(): d.get("ContentType", "")
                for d in root.iter(f"{{{_CT}}}Default")}
    return parts, defaults


def _main_part(archive: zipfile.ZipFile) -> str:
    """Return the name of the package's main (presentation) part."""
    for kind, target in _relationships(archive, "").values():
        if kind.endswith(_OFFICE_DOCUMENT):
            return target
    return "ppt/presentation.xml"


def _face(archive: zipfile.ZipFile, part: str, content_type: str | None,
          folder: Path) -> tuple[Path | None, str | None]:
    """Return the cached plain font of one font part and None, or None and why not."""
    try:
        info = archive.getinfo(part)
        if info.file_size > _MAX_PART:
            return None, "too large to read"
        data = archive.read(info)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return None, "missing from the template"
    decoded = decode(data, part, content_type)
    if decoded.font is None:
        return None, decoded.problem
    target = folder / f"{hashlib.sha256(decoded.font).hexdigest()[:32]}.ttf"
    if not target.is_file():
        _write(target, decoded.font)
    return target, None


def read_embedded(archive: zipfile.ZipFile, folder: Path) -> list[dict[str, Any]]:
    """Return, JSON-ready, each family the package embeds: its name, per style the
    cached font file's name (None where not read) and the problems met."""
    main = _main_part(archive)
    try:
        root = etree.fromstring(archive.read(main))
    except (KeyError, etree.XMLSyntaxError):
        return []
    rels = _relationships(archive, main)
    parts, defaults = _content_types(archive)
    families: list[dict[str, Any]] = []
    for entry in root.iter(f"{{{_P}}}embeddedFont"):
        font = entry.find(f"{{{_P}}}font")
        family = (font.get("typeface") or "").strip() if font is not None else ""
        if not family or any(f["family"].lower() == family.lower() for f in families):
            continue
        files: list[str | None] = []
        problems: list[str] = []
        for tag, style in zip(_STYLE_TAGS, STYLE_NAMES, strict=True):
            child = entry.find(f"{{{_P}}}{tag}")
            rel = rels.get(child.get(f"{{{_R}}}id", "")) if child is not None else None
            if child is not None and (rel is None or not rel[0].endswith(_FONT)):
                problems.append(f"{style}: its font part is missing from the template")
            if rel is None or not rel[0].endswith(_FONT):
                files.append(None)
                continue
            part = rel[1]
            kind = parts.get(part) or defaults.get(PurePosixPath(part).suffix[1:].lower())
            path, problem = _face(archive, part, kind, folder)
            files.append(path.name if path else None)
            if problem:
                problems.append(f"{style}: {problem}")
        families.append({"family": family, "files": files, "problems": problems})
    return families


def _records(families: list[dict[str, Any]], folder: Path) -> tuple[EmbeddedFaces, ...] | None:
    """Return the records a cached list describes, or None when a cached font is gone."""
    found = []
    for entry in families:
        files = tuple(folder / name if name else None for name in entry["files"])
        if any(f is not None and not f.is_file() for f in files):
            return None
        found.append(EmbeddedFaces(str(entry["family"]), files,  # type: ignore[arg-type]
                                   tuple(entry["problems"])))
    return tuple(found)


def embedded_fonts(template: Path, data: bytes | None = None) -> tuple[EmbeddedFaces, ...]:
    """Return the families ``template`` embeds (its bytes ``data`` when already read),
    each with its faces decoded into the cache; () when it embeds none or cannot be
    read as a package."""
    data = template.read_bytes() if data is None else data
    folder = _folder()
    index = folder / f"{hashlib.sha256(data).hexdigest()}.json"
    try:
        cached = _records(json.loads(index.read_text(encoding="utf-8")), folder)
        if cached is not None:
            return cached
    except (OSError, ValueError, KeyError, TypeError):
        pass
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            families = read_embedded(archive, folder)
    except (zipfile.BadZipFile, OSError, ValueError):
        families = []
    with contextlib.suppress(OSError):  # a list not cached is read again next time
        _write(index, json.dumps(families, sort_keys=True).encode("utf-8"))
    return _records(families, folder) or ()
