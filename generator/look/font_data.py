"""Decode the font parts a template embeds (``ppt/fonts/*.fntdata``) to plain fonts.

Three forms are found in real files:

* a raw TrueType or OpenType font (what Google Slides writes);
* Embedded OpenType (EOT, as PowerPoint writes): a little-endian header (EOTSize,
  FontDataSize, Version, Flags, ..., MagicNumber 0x504C) followed by the font data,
  which is the last field of the structure. Flags 0x10000000 means the font data is
  XOR-ed with 0x50; Flags 0x4 means it is compressed with MicroType Express, which is
  not decoded here (the face is reported as unreadable);
* an obfuscated font (ECMA-376 Part 1, font embedding): the first 32 bytes XOR-ed
  with a key made of the GUID that names the part, its 16 bytes read from the end of
  the GUID's hexadecimal digits backwards.

`decode` returns the font's bytes or the reason it could not, and never raises.
"""

from __future__ import annotations

import io
import re
import struct
from dataclasses import dataclass

OBFUSCATED_TYPE = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
"""The content type of an obfuscated font part."""

_SFNT_TAGS = (b"\x00\x01\x00\x00", b"OTTO", b"true")
_EOT_MAGIC = 0x504C
_EOT_COMPRESSED = 0x4
_EOT_XOR = 0x10000000
_EOT_XOR_KEY = 0x50
_EOT_VERSIONS = (0x00010000, 0x00020001, 0x00020002)
_GUID = re.compile(r"\{?([0-9A-Fa-f]{8})-?([0-9A-Fa-f]{4})-?([0-9A-Fa-f]{4})-?"
                   r"([0-9A-Fa-f]{4})-?([0-9A-Fa-f]{12})\}?")
_OBFUSCATED_LENGTH = 32

COMPRESSED = "compressed with MicroType Express, which make-deck does not read"
UNREADABLE = "not a font make-deck can read"


@dataclass(frozen=True, slots=True)
class Decoded:
    """A decoded font part: ``font`` the plain font's bytes (None when it could not be
    decoded, ``problem`` then says why) and ``form`` the form it was stored in
    (``raw``, ``eot`` or ``obfuscated``; ``unknown`` when not recognised)."""

    font: bytes | None
    form: str
    problem: str | None = None


def guid_key(part_name: str) -> bytes | None:
    """Return the 16-byte obfuscation key of a part named after a GUID (ECMA-376: its
    32 hexadecimal digits taken as bytes from the last to the first), or None when
    the part's file name holds no GUID."""
    stem = part_name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    found = _GUID.fullmatch(stem)
    if found is None:
        return None
    digits = "".join(found.groups())
    return bytes(int(digits[i:i + 2], 16) for i in range(30, -1, -2))


def deobfuscate(data: bytes, key: bytes) -> bytes:
    """Return ``data`` with its first 32 bytes XOR-ed with ``key`` (repeated), which
    both obfuscates and restores a font."""
    head = bytes(b ^ key[i % len(key)] for i, b in enumerate(data[:_OBFUSCATED_LENGTH]))
    return head + data[_OBFUSCATED_LENGTH:]


def is_sfnt(data: bytes) -> bool:
    """Return True when ``data`` starts like a TrueType or OpenType font."""
    return data[:4] in _SFNT_TAGS


def is_eot(data: bytes) -> bool:
    """Return True when ``data`` has an EOT header (known version, magic number)."""
    if len(data) < 36:
        return False
    version = struct.unpack_from("<I", data, 8)[0]
    magic = struct.unpack_from("<H", data, 34)[0]
    return version in _EOT_VERSIONS and magic == _EOT_MAGIC


def eot_font(data: bytes) -> tuple[bytes | None, str | None]:
    """Return the font data of an EOT structure and None, or None and why not (it is
    compressed, or its sizes do not fit the data)."""
    eot_size, font_size, _version, flags = struct.unpack_from("<IIII", data, 0)
    if flags & _EOT_COMPRESSED:
        return None, COMPRESSED
    if not 0 < font_size <= eot_size <= len(data):
        return None, "an Embedded OpenType structure whose sizes do not fit its data"
    font = data[eot_size - font_size:eot_size]
    if flags & _EOT_XOR:
        font = bytes(b ^ _EOT_XOR_KEY for b in font)
    return font, None


def check_font(data: bytes) -> str | None:
    """Return None when ``data`` is a font whose character widths can be read (it has
    head, hhea, hmtx and a Unicode cmap), else why not."""
    import logging

    from fontTools.ttLib import TTFont

    quiet = logging.getLogger("fontTools")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        font = TTFont(io.BytesIO(data), lazy=True)
        try:
            font["head"].unitsPerEm  # noqa: B018 (reading the tables is the check)
            font["hhea"].ascent  # noqa: B018
            metrics = font["hmtx"].metrics
            cmap = font.getBestCmap() or {}
            if not cmap or any(glyph not in metrics for glyph in cmap.values()):
                return "a font without character widths"
        finally:
            font.close()
    except Exception:  # fontTools raises many kinds of error on damaged data
        return "damaged: its font tables cannot be read"
    finally:
        quiet.setLevel(level)
    return None


def decode(data: bytes, part_name: str, content_type: str | None = None) -> Decoded:
    """Return the plain font a template's font part holds (see the module's docstring):
    tried as a raw font, an EOT structure and an obfuscated font, in that order."""
    if is_sfnt(data):
        return _checked(data, "raw")
    if is_eot(data):
        font, problem = eot_font(data)
        if font is None:
            return Decoded(None, "eot", problem)
        return _checked(font, "eot")
    key = guid_key(part_name)
    if key is not None and (content_type == OBFUSCATED_TYPE or
                            is_sfnt(deobfuscate(data[:4], key))):
        return _checked(deobfuscate(data, key), "obfuscated")
    return Decoded(None, "obfuscated" if content_type == OBFUSCATED_TYPE else "unknown",
                   UNREADABLE)


def _checked(font: bytes, form: str) -> Decoded:
    """Return ``font`` decoded from ``form``, or why it cannot be measured."""
    problem = check_font(font)
    return Decoded(None if problem else font, form, problem)
