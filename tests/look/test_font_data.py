"""Font parts are decoded from each form templates store them in, and what cannot be
read is said, never raised."""

from __future__ import annotations

import pytest

from generator.look.font_data import COMPRESSED, decode, deobfuscate, guid_key
from tests.templates.font_templates import GUIDS, eot, have_font, obfuscate, renamed_font

pytestmark = pytest.mark.skipif(not have_font(), reason="needs Carlito and fontconfig")


@pytest.fixture(scope="module")
def font() -> bytes:
    """Return the renamed Carlito the fixtures embed."""
    return renamed_font()


def test_a_raw_font_is_kept_as_it_is(font: bytes) -> None:
    decoded = decode(font, "ppt/fonts/font1.fntdata")
    assert decoded.font == font and decoded.form == "raw" and decoded.problem is None


@pytest.mark.parametrize("flags", [0, 0x10000000])
def test_an_eot_gives_its_font_data_xor_encrypted_or_not(font: bytes, flags: int) -> None:
    decoded = decode(eot(font, flags), "ppt/fonts/font1.fntdata")
    assert decoded.font == font and decoded.form == "eot"


def test_a_micro_type_express_eot_is_reported_not_decoded(font: bytes) -> None:
    decoded = decode(eot(font, 0x4 | 0x1), "ppt/fonts/font1.fntdata")
    assert decoded.font is None and decoded.problem == COMPRESSED


def test_an_obfuscated_font_is_restored_with_its_part_names_guid(font: bytes) -> None:
    part = f"ppt/fonts/{GUIDS[0]}.fntdata"
    stored = obfuscate(font, GUIDS[0])
    assert stored[:32] != font[:32] and stored[32:] == font[32:]
    decoded = decode(stored, part, "application/vnd.openxmlformats-officedocument.obfuscatedFont")
    assert decoded.font == font and decoded.form == "obfuscated"
    # found by its restored header even without the content type
    assert decode(stored, part).font == font


def test_the_guid_key_reads_the_hex_digits_backwards() -> None:
    key = guid_key("/ppt/fonts/{00112233-4455-6677-8899-AABBCCDDEEFF}.odttf")
    assert key == bytes.fromhex("FFEEDDCCBBAA99887766554433221100")
    assert guid_key("ppt/fonts/font1.fntdata") is None
    assert deobfuscate(deobfuscate(b"x" * 40, key), key) == b"x" * 40


@pytest.mark.parametrize("data", [
    b"", b"\0\1\0\0" + bytes(300), bytes(range(256)) * 4,
    b"\0\0\0\0\xff\xff\xff\xff\0\0\2\0" + bytes(24),  # an EOT header claiming too much
])
def test_damaged_data_is_reported_never_raised(data: bytes) -> None:
    decoded = decode(data, "ppt/fonts/font1.fntdata")
    assert decoded.font is None and decoded.problem


def test_a_truncated_font_is_reported(font: bytes) -> None:
    decoded = decode(font[:len(font) // 3], "ppt/fonts/font1.fntdata")
    assert decoded.font is None and decoded.problem
