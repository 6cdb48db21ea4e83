"""Tests for the static Arimo faces, their on-disk cache and the width metrics."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont as ReportlabTTFont

from generator.layout import fonts
from generator.layout.fonts import FONT_FAMILY, face_path, metrics, missing_characters

STYLES = [(False, False), (True, False), (False, True), (True, True)]
STYLE_IDS = ["regular", "bold", "italic", "bold-italic"]
NAMES = {
    (False, False): ("Regular", "Arimo-Regular", 400),
    (True, False): ("Bold", "Arimo-Bold", 700),
    (False, True): ("Italic", "Arimo-Italic", 400),
    (True, True): ("Bold Italic", "Arimo-BoldItalic", 700),
}
WELSH = "ŵŷŴŶẁẃẅỳ"
TYPOGRAPHIC = "£€–—‘’“”…"
SAMPLES = [
    "Hello",
    "The quick brown fox jumps over the lazy dog.",
    "Croeso i’r gweithdy: ŵŷ ŴŶ ẁẃẅ ỳ — £5 / €6 … “quoted” ‘single’",
    "0123456789 !@#$%^&*()_+-=[]{};:,.<>/?|",
]


def _hmtx_width(path: Path, text: str, size: float) -> float:
    """Return the width of ``text`` summed by hand from the font's cmap and hmtx."""
    font = TTFont(str(path))
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    upem = font["head"].unitsPerEm
    return sum(hmtx[cmap[ord(c)]][0] for c in text) * size / upem


def test_family_name_is_arial() -> None:
    assert FONT_FAMILY == "Arial"


@pytest.mark.parametrize(("bold", "italic"), STYLES, ids=STYLE_IDS)
def test_static_face_is_a_valid_named_ttf(bold: bool, italic: bool) -> None:
    path = face_path(bold, italic)
    assert path.is_file()
    font = TTFont(str(path))
    subfamily, postscript, weight = NAMES[bold, italic]
    name = font["name"]
    assert name.getDebugName(1) == "Arimo"
    assert name.getDebugName(2) == subfamily
    assert name.getDebugName(4) == f"Arimo {subfamily}"
    assert name.getDebugName(6) == postscript
    assert not {"fvar", "gvar", "STAT"} & set(font.keys())
    assert all(record.nameID < 256 for record in name.names)
    os2 = font["OS/2"]
    assert os2.usWeightClass == weight
    assert bool(os2.fsSelection & 1) == italic
    assert bool(os2.fsSelection & 32) == bold
    assert bool(os2.fsSelection & 64) == (not bold and not italic)
    assert font["head"].macStyle == (1 if bold else 0) | (2 if italic else 0)


def test_face_is_not_rewritten_on_second_call() -> None:
    path = face_path(False, False)
    before = path.stat().st_mtime_ns
    assert face_path(False, False) == path
    assert path.stat().st_mtime_ns == before
    assert not list(path.parent.glob(".*.tmp"))


def test_fresh_cache_is_built_in_a_versioned_folder(fresh_cache: Path) -> None:
    path = face_path(False, False)
    assert path.parent.parent == fresh_cache
    assert path.parent.name == f"arimo-{fonts._package_version()}-f{fonts.CACHE_FORMAT}"
    mtime = path.stat().st_mtime_ns
    fresh = fonts.arimo_metrics.__wrapped__(False, False)  # bypass the in-process cache
    record = json.loads((path.parent / "Arimo-Regular.metrics.json").read_text())
    assert record["units_per_em"] == fresh.units_per_em == 2048
    assert fresh.width(SAMPLES[2], 12) == metrics(False, False).width(SAMPLES[2], 12)
    assert face_path(False, False).stat().st_mtime_ns == mtime
    assert sorted(p.name for p in path.parent.iterdir()) == [
        "Arimo-Regular.metrics.json",
        "Arimo-Regular.ttf",
    ]


def test_later_processes_measure_without_parsing_the_font() -> None:
    code = (
        "import sys\n"
        "from generator.layout.fonts import metrics\n"
        "assert metrics(False, False).width('Hello', 10) > 0\n"
        "print('fontTools' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parents[2]
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
        )
        for _ in range(2)  # the first run writes the JSON table if it is missing
    ]
    assert runs[1].stdout.strip() == "False"


def test_vertical_metrics_match_arial() -> None:
    face = metrics(False, False)
    assert face.units_per_em == 2048
    assert face.ascent == pytest.approx(1854 / 2048)
    assert face.descent == pytest.approx(434 / 2048)


def test_bold_is_wider_than_regular() -> None:
    assert metrics(True, False).width("Hello", 12) > metrics(False, False).width("Hello", 12)
    assert metrics(True, True).width("Hello", 12) > metrics(False, True).width("Hello", 12)


def test_width_scales_with_size() -> None:
    face = metrics(False, False)
    assert face.width("Hello", 20) == pytest.approx(2 * face.width("Hello", 10))
    assert face.width("", 20) == 0


@pytest.mark.parametrize(("bold", "italic"), STYLES, ids=STYLE_IDS)
@pytest.mark.parametrize("text", SAMPLES)
def test_width_matches_hmtx_sum(bold: bool, italic: bool, text: str) -> None:
    expected = _hmtx_width(face_path(bold, italic), text, 17.5)
    assert metrics(bold, italic).width(text, 17.5) == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize(("bold", "italic"), STYLES, ids=STYLE_IDS)
@pytest.mark.parametrize("text", SAMPLES)
def test_width_matches_reportlab(bold: bool, italic: bool, text: str) -> None:
    font_name = f"LayoutTest-{NAMES[bold, italic][1]}"
    if font_name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(ReportlabTTFont(font_name, str(face_path(bold, italic))))
    for size in (9, 12, 28, 60):
        expected = pdfmetrics.stringWidth(text, font_name, size)
        assert metrics(bold, italic).width(text, size) == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize(("bold", "italic"), STYLES, ids=STYLE_IDS)
def test_welsh_and_typographic_characters_are_covered(bold: bool, italic: bool) -> None:
    face = metrics(bold, italic)
    for char in WELSH + TYPOGRAPHIC:
        assert face.covers(char), char
    assert missing_characters(WELSH + TYPOGRAPHIC) == ()


def test_missing_characters_reports_cjk_and_emoji_once_in_order() -> None:
    assert missing_characters("Tea \U0001f375 and \u4e2d\u6587, more \U0001f375 \u4e2d") == (
        "\U0001f375",
        "\u4e2d",
        "\u6587",
    )


def test_missing_characters_ignores_breaks_and_invisible_hints() -> None:
    assert missing_characters("a\nb\tc\u200bd\u00ade") == ()


def test_uncovered_characters_are_measured_wide() -> None:
    face = metrics(False, False)
    assert not face.covers("\u4e2d")
    assert face.width("\u4e2d", 10) == pytest.approx(10 * fonts.FALLBACK_ADVANCE_EM)
    assert face.width("\u200b", 10) == 0
