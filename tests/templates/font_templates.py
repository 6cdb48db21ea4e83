"""Helpers (not tests) that make templates embedding a font, in each form real files use.

The font is an installed open one (Carlito, from fonts-crosextra-carlito) renamed with
fontTools to `FAMILY`, a family fontconfig does not know: text set in it can only be
measured exactly from the template's embedded data. Forms (`embedding_template`):

- ``raw``: the TrueType font itself, as Google Slides embeds it;
- ``eot``: an Embedded OpenType structure (version 0x00020001) around it, as
  PowerPoint writes it; ``eot-xor`` with its font data XOR-ed with 0x50; ``eot-mtx``
  flagged as MicroType Express compressed (the data is then unreadable);
- ``obfuscated``: the first 32 bytes XOR-ed with the GUID key of the part's name;
- ``corrupt``: bytes that are no font.
"""

from __future__ import annotations

import io
import shutil
import struct
import zipfile
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

from tests.templates.make_templates import in_font

FAMILY = "Embedtest Sans"
"""The family the embedded font is renamed to (unknown to fontconfig)."""

SOURCE_FAMILY = "Carlito"
GUIDS = ("{6C1B8F3A-2D4E-4F5A-9B7C-1A2B3C4D5E6F}", "{0F1E2D3C-4B5A-4968-8776-655443322110}")
FORMS = ("raw", "eot", "eot-xor", "eot-mtx", "obfuscated", "corrupt")

_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
_OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"


def source_font(bold: bool = False) -> Path | None:
    """Return the installed Carlito face to embed, or None when it is not installed."""
    style = "Bold" if bold else "Regular"
    for folder in (Path("/usr/share/fonts"), Path("/usr/local/share/fonts")):
        found = sorted(folder.rglob(f"Carlito-{style}.ttf")) if folder.is_dir() else []
        if found:
            return found[0]
    return None


@lru_cache(maxsize=2)
def renamed_font(bold: bool = False) -> bytes:
    """Return Carlito's regular (or bold) face renamed to `FAMILY`, as TrueType bytes."""
    path = source_font(bold)
    assert path is not None, "Carlito is not installed"
    font = TTFont(str(path), recalcTimestamp=False)
    name = font["name"]
    style = "Bold" if bold else "Regular"
    for record in list(name.names):
        if record.nameID in (1, 3, 4, 6, 16, 17):
            name.removeNames(nameID=record.nameID)
    name.setName(FAMILY, 1, 3, 1, 0x409)
    name.setName(style, 2, 3, 1, 0x409)
    name.setName(f"{FAMILY} {style}", 3, 3, 1, 0x409)
    name.setName(f"{FAMILY} {style}", 4, 3, 1, 0x409)
    name.setName(f"EmbedtestSans-{style}", 6, 3, 1, 0x409)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _utf16(text: str) -> bytes:
    """Return a name field of an EOT header: its size then UTF-16LE characters."""
    data = text.encode("utf-16-le")
    return struct.pack("<H", len(data)) + data


def eot(font: bytes, flags: int = 0) -> bytes:
    """Return ``font`` wrapped in an EOT structure (version 0x00020001) with ``flags``
    (0x10000000: the font data is XOR-ed with 0x50)."""
    data = bytes(b ^ 0x50 for b in font) if flags & 0x10000000 else font
    names = (_utf16(FAMILY) + b"\0\0" + _utf16("Regular") + b"\0\0" + _utf16("Version 1")
             + b"\0\0" + _utf16(f"{FAMILY} Regular") + b"\0\0" + struct.pack("<H", 0))
    fixed = (struct.pack("<I", 0x00020001) + struct.pack("<I", flags) + bytes(10)
             + struct.pack("<BBIHH", 1, 0, 400, 0, 0x504C) + bytes(16) + bytes(8)
             + struct.pack("<I", 0) + bytes(16) + struct.pack("<H", 0))
    size = 8 + len(fixed) + len(names) + len(data)
    return struct.pack("<II", size, len(data)) + fixed + names + data


def obfuscate(font: bytes, guid: str) -> bytes:
    """Return ``font`` obfuscated as ECMA-376 says, with the key of ``guid``."""
    digits = guid.strip("{}").replace("-", "")
    key = bytes(int(digits[i:i + 2], 16) for i in range(30, -1, -2))
    head = bytes(b ^ key[i % 16] for i, b in enumerate(font[:32]))
    return head + font[32:]


def _part(form: str, font: bytes, number: int = 1) -> tuple[str, bytes]:
    """Return the font part's name and bytes for one form (``number``: which part)."""
    plain = f"ppt/fonts/font{number}.fntdata"
    if form == "raw":
        return plain, font
    if form.startswith("eot"):
        flags = {"eot": 0, "eot-xor": 0x10000000, "eot-mtx": 0x4}[form]
        return plain, eot(font, flags)
    if form == "obfuscated":
        guid = GUIDS[number - 1]
        return f"ppt/fonts/{guid}.fntdata", obfuscate(font, guid)
    if form == "corrupt":
        return plain, b"\0\1\0\0" + bytes(range(256)) * 8
    raise ValueError(form)


def embed(template: Path, target: Path, parts: dict[str, tuple[str, bytes]],
          family: str = FAMILY) -> Path:
    """Copy ``template`` to ``target`` embedding ``family`` with ``parts`` (style tag such
    as ``regular`` -> (part name, bytes)); return ``target``."""
    with zipfile.ZipFile(template) as source:
        files = {info.filename: source.read(info) for info in source.infolist()}
    rels = files["ppt/_rels/presentation.xml.rels"].decode("utf-8")
    entries = []
    for number, (tag, (part, data)) in enumerate(sorted(parts.items()), start=1):
        files[part] = data
        rel_id = f"rIdFont{number}"
        rels = rels.replace("</Relationships>", f'<Relationship Id="{rel_id}" Type="{_FONT_REL}" '
                            f'Target="{part.removeprefix("ppt/")}"/></Relationships>')
        entries.append(f'<p:{tag} r:id="{rel_id}"/>')
    files["ppt/_rels/presentation.xml.rels"] = rels.encode("utf-8")
    presentation = files["ppt/presentation.xml"].decode("utf-8")
    listing = (f'<p:embeddedFontLst><p:embeddedFont><p:font typeface="{family}"/>'
               f'{"".join(entries)}</p:embeddedFont></p:embeddedFontLst>')
    tail = "<p:defaultTextStyle" if "<p:defaultTextStyle" in presentation else "</p:presentation>"
    files["ppt/presentation.xml"] = presentation.replace(tail, listing + tail, 1).encode("utf-8")
    types = files["[Content_Types].xml"].decode("utf-8")
    extra = '<Default Extension="fntdata" ContentType="application/x-fontdata"/>'
    extra += "".join(f'<Override PartName="/{part}" ContentType="{_OBFUSCATED}"/>'
                     for part, _ in parts.values() if "{" in part)
    files["[Content_Types].xml"] = types.replace("</Types>", extra + "</Types>").encode("utf-8")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in files.items():
            out.writestr(name, data)
    return target


def embedding_template(folder: Path, form: str, name: str | None = None,
                       bold: bool = False) -> Path:
    """Make a template whose theme font is `FAMILY`, embedded in ``form`` (regular, and
    bold too when ``bold``); return its path."""
    base = in_font(folder, FAMILY, name=f"base-{form}.pptx")
    parts = {"regular": _part(form, renamed_font())}
    if bold:
        parts["bold"] = _part(form, renamed_font(bold=True), 2)
    target = embed(base, folder / (name or f"embedded-{form}.pptx"), parts)
    base.unlink()
    return target


def have_font() -> bool:
    """Return True when the font the fixtures embed is installed (and fc-match runs)."""
    return source_font() is not None and shutil.which("fc-match") is not None


def layouts_in_font(folder: Path, font: str, name: str = "layouts-in-font.pptx") -> Path:
    """Make python-pptx's default template with Arial as its theme font and ``font`` set
    on every layout's title placeholder, as a Google Slides export sets its fonts on
    the layouts; return its path."""
    from lxml import etree
    from pptx import Presentation
    from pptx.oxml.ns import qn

    from tests.templates.make_templates import DEPARTMENT_COLOURS, _restyle_theme

    prs = Presentation()
    _restyle_theme(prs, "Arial", DEPARTMENT_COLOURS, "Department")
    for layout in prs.slide_layouts:
        for shape in layout.placeholders:
            ph = shape._element.ph
            if ph is None or ph.get("type") not in ("title", "ctrTitle"):
                continue
            body = shape._element.find(qn("p:txBody"))
            styles = body.find(qn("a:lstStyle"))
            if styles is None:
                styles = etree.Element(qn("a:lstStyle"))
                body.insert(1, styles)
            level = etree.SubElement(etree.SubElement(styles, qn("a:lvl1pPr")), qn("a:defRPr"))
            etree.SubElement(level, qn("a:latin"), typeface=font)
    path = folder / name
    prs.save(str(path))
    return path


def layouts_embedding_template(folder: Path, form: str = "raw") -> Path:
    """Make `layouts_in_font` in `FAMILY`, the font embedded in ``form``; return its path."""
    base = layouts_in_font(folder, FAMILY, name=f"layouts-base-{form}.pptx")
    target = embed(base, folder / f"layouts-embedded-{form}.pptx",
                   {"regular": _part(form, renamed_font()),
                    "bold": _part(form, renamed_font(bold=True), 2)})
    base.unlink()
    return target
