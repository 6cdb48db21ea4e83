"""Text is measured in the theme's own fonts when their metrics can be had, else with
the stated margin or the fallback fontconfig draws them in, whichever is wider."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from generator.layout import fontconfig, measure
from generator.layout.fonts import arimo_metrics, metrics
from generator.layout.linebreak import prepare
from generator.layout.measure import measured_families, measuring, resolve
from generator.look.theme import UNKNOWN_FONT_FACTOR
from generator.markup import Span

pytestmark = pytest.mark.skipif(shutil.which("fc-match") is None, reason="needs fontconfig")

SAMPLE = "Workshop: fixed scope, agreed up front (2026) — iiii WWWW"


def advances(path: Path) -> dict[str, float]:
    """Return {character: advance in ems} of SAMPLE's characters, read with fontTools."""
    font = TTFont(str(path))
    cmap, hmtx, upem = font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm
    return {c: hmtx[cmap[ord(c)]][0] / upem for c in SAMPLE if ord(c) in cmap}


def installed(family: str) -> Path:
    """Return the file fontconfig names for ``family``; skip when it is another family."""
    found = fontconfig.match(family, False, False)
    if found is None or family not in found.families:
        pytest.skip(f"{family} is not installed")
    return found.file


@pytest.fixture(autouse=True)
def _fresh() -> None:
    """Forget what earlier tests resolved (some replace fontconfig's answers)."""
    measure.resolve.cache_clear()
    measure.face_metrics.cache_clear()
    fontconfig.match.cache_clear()


@pytest.mark.parametrize("family", ["Liberation Serif", "Carlito"])
def test_an_installed_family_is_measured_with_its_own_advances(family: str) -> None:
    expected = advances(installed(family))
    assert resolve(family).how == "exact"
    with measuring(measured_families(family)):
        face = metrics(False, False)
        got = {c: face.advance_em(c) for c in expected}
        width = prepare((Span(SAMPLE),)).em_width(0, len(SAMPLE))
    assert got == expected
    assert got != {c: arimo_metrics(False, False).advance_em(c) for c in expected}
    assert width == pytest.approx(sum(expected[c] for c in SAMPLE))


def test_calibri_is_measured_with_carlito_when_fontconfig_offers_it() -> None:
    found = fontconfig.match("Calibri", True, False)
    if found is None or "Carlito" not in found.families:
        pytest.skip("Carlito is not installed")
    calibri = resolve("Calibri")
    assert (calibri.how, calibri.measured_as, calibri.margin) == ("metric", "Carlito", 1.0)
    with measuring(("Calibri",)):
        bold = metrics(True, False)
        assert {c: bold.advance_em(c) for c in SAMPLE if c in advances(found.file)} == \
            advances(found.file)


def test_an_unknown_family_gets_the_margin_or_the_fallback_where_wider(monkeypatch) -> None:
    mono = installed("Liberation Mono")  # every character 0.6 em: wider than i, not W
    monkeypatch.setattr(fontconfig, "match", lambda family, bold, italic: fontconfig.FontMatch(
        ("Liberation Mono",), mono))
    unknown = resolve("Fancy Display Zz")
    assert (unknown.how, unknown.margin, unknown.fallback) == \
        ("margin", UNKNOWN_FONT_FACTOR, "Liberation Mono")
    arimo, narrow = arimo_metrics(False, False), advances(mono)["i"]
    with measuring(("Fancy Display Zz",)):
        face = metrics(False, False)
        assert arimo.advance_em("i") * 1.2 < face.advance_em("i") == narrow
        assert face.advance_em("W") == pytest.approx(arimo.advance_em("W") * 1.2)
        assert face.advance_em("W") > 0.61
    assert "margin of 20 %" in unknown.note and "Liberation Mono" in unknown.note


def test_an_unknown_family_is_measured_as_wide_as_this_machines_fallback() -> None:
    fallback = fontconfig.match("Fancy Display Zz", False, False)
    if fallback is None:
        pytest.skip("fontconfig names no fallback")
    wide = advances(fallback.file)
    arimo = arimo_metrics(False, False)
    assert resolve("Fancy Display Zz").fallback == fallback.family
    with measuring(("Fancy Display Zz",)):
        face = metrics(False, False)
        for char, em in wide.items():
            assert face.advance_em(char) == \
                pytest.approx(max(em, arimo.advance_em(char) * UNKNOWN_FONT_FACTOR))


def test_without_fontconfig_an_unknown_family_gets_the_stated_margin(monkeypatch) -> None:
    monkeypatch.setattr(fontconfig.shutil, "which", lambda name: None)
    unknown = resolve("Trebuchet MS")
    assert (unknown.how, unknown.fallback, unknown.margin) == ("margin", None, 1.06)
    with measuring(("Trebuchet MS",)):
        assert metrics(False, False).em_width(SAMPLE) == \
            pytest.approx(arimo_metrics(False, False).em_width(SAMPLE) * 1.06)


def test_the_default_font_never_asks_fontconfig(monkeypatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("fontconfig asked about Arial")

    monkeypatch.setattr(fontconfig, "match", refuse)
    assert measured_families("Arial", None) == measured_families("Arial", "Helvetica") == ()
    assert resolve("Arial").how == "metric" and resolve("Arial").margin == 1.0
    assert prepare((Span(SAMPLE),)).em_width(0, len(SAMPLE)) == \
        pytest.approx(arimo_metrics(False, False).em_width(SAMPLE))


def test_advance_tables_are_cached_on_disk(fresh_cache: Path) -> None:
    path = installed("Liberation Serif")
    first = measure.file_metrics.__wrapped__(path)
    (stored,) = (fresh_cache.glob("*/faces/LiberationSerif-Regular-*.metrics.json"))
    again = measure.file_metrics.__wrapped__(path)
    assert again.em_table() == first.em_table()
    assert stored.stat().st_size > 1000


def line_widths_match(deck: object, faces: dict[bool, dict[tuple[bool, bool],
                                                            dict[int, float]]]) -> int:
    """Assert every soft-wrapped line of ``deck``'s text frames is as wide as ``faces``
    (title: True, other text: False) say; return how many lines were checked."""
    from generator.layout.frames import TextFrame

    checked = 0
    for slide in deck.slides:  # type: ignore[attr-defined]
        for frame in slide.frames:
            if not isinstance(frame, TextFrame):
                continue
            face = faces[frame.slot == "title"]
            for paragraph in frame.text.paragraphs:
                for line in paragraph.lines:
                    if line.hard_break:
                        continue
                    ems = sum(face[span.bold, span.italic][ord(c)]
                              for span in line.spans for c in span.text)
                    assert line.width == pytest.approx(ems * frame.text.size), line.text
                    checked += 1
    return checked


def family_faces(family: str) -> dict[tuple[bool, bool], dict[int, float]]:
    """Return the advances of the four styles of an installed family."""
    return {style: advances_all(fontconfig.match(family, *style), family)
            for style in measure.STYLES}


def test_a_deck_in_an_installed_family_breaks_its_lines_by_that_familys_widths(
        tmp_outline, repo_root: Path) -> None:
    from generator.build import prepare as prepare_deck
    from generator.options import BuildOptions

    serif = family_faces("Liberation Serif")
    tmp_outline("extends: default\nfont: Liberation Serif\n", name="serif.yaml")
    text = (repo_root / "outline.yaml").read_text(encoding="utf-8")
    outline = tmp_outline(text.replace("theme: default", "theme: serif.yaml"), images=True)
    deck = prepare_deck(outline, BuildOptions(outputs=("deck",))).deck
    assert line_widths_match(deck, {True: serif, False: serif}) > 50


def test_titles_are_measured_in_the_heading_font_and_the_rest_in_the_body_font(
        tmp_outline, tmp_path: Path, repo_root: Path) -> None:
    from generator.build import prepare as prepare_deck
    from generator.options import BuildOptions
    from tests.templates.make_templates import in_font

    faces = {True: family_faces("Liberation Mono"), False: family_faces("Liberation Serif")}
    template = in_font(tmp_path, "Liberation Serif", "two-fonts.pptx",
                       heading="Liberation Mono")
    text = (repo_root / "outline.yaml").read_text(encoding="utf-8")
    outline = tmp_outline(text.replace("theme: default", f"theme: {template.name}"),
                          images=True)
    deck = prepare_deck(outline, BuildOptions(outputs=("deck",))).deck
    assert line_widths_match(deck, faces) > 50
    titles = [f for s in deck.slides for f in s.frames if getattr(f, "slot", "") == "title"]
    assert len(titles) > 10


def advances_all(found: fontconfig.FontMatch | None, family: str) -> dict[int, float]:
    """Return {code point: advance in ems} of every character of a matched font."""
    if found is None or family not in found.families:
        pytest.skip(f"{family} is not installed")
    font = TTFont(str(found.file))
    hmtx, upem = font["hmtx"].metrics, font["head"].unitsPerEm
    return {code: hmtx[glyph][0] / upem for code, glyph in font.getBestCmap().items()}
