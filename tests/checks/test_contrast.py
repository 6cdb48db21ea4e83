"""Colour contrast: WCAG ratios, the colours each slide shows, and A11Y-CONTRAST findings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from generator.build import prepare
from generator.checks.contrast import (
    TABLE_BANDS,
    backgrounds,
    contrast_ratio,
    frame_shortfalls,
    relative_luminance,
    required_ratio,
    text_colours,
    tint,
)
from generator.diagnostics import Diagnostic, MakeDeckError
from generator.look.theme import DEFAULT_THEME, Theme, builtin_theme_names
from generator.options import BuildOptions


def findings(path: Path) -> list[Diagnostic]:
    """Return every diagnostic `prepare` finds in the outline at ``path``."""
    try:
        return list(prepare(path, BuildOptions()).diagnostics)
    except MakeDeckError as exc:
        return list(exc.diagnostics)


def contrast_at(diagnostics: list[Diagnostic]) -> list[tuple[int, int]]:
    return [(d.position.line, d.position.column) for d in diagnostics  # type: ignore[union-attr]
            if d.code == "A11Y-CONTRAST"]


# -- the arithmetic ----------------------------------------------------------------


def test_extremes_and_symmetry() -> None:
    assert contrast_ratio("000000", "FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#12436D", "12436D") == pytest.approx(1.0)
    assert contrast_ratio("FFFFFF", "12436D") == contrast_ratio("12436D", "FFFFFF")
    assert relative_luminance("000000") == 0.0
    assert relative_luminance("FFFFFF") == pytest.approx(1.0)


def test_the_grey_that_just_passes_on_white() -> None:
    assert contrast_ratio("767676", "FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("777777", "FFFFFF") < 4.5


@pytest.mark.parametrize(("text", "background", "ratio"), [
    ("0B0C0C", "FFFFFF", 19.6), ("0B0C0C", "F3F2F1", 17.5), ("12436D", "FFFFFF", 10.3),
    ("12436D", "F3F2F1", 9.2), ("FFFFFF", "12436D", 10.3), ("505A5F", "FFFFFF", 7.1),
    ("505A5F", "F3F2F1", 6.3), ("1D70B8", "FFFFFF", 5.2), ("1D70B8", "F3F2F1", 4.6),
    ("F46A25", "FFFFFF", 3.0), ("28A197", "FFFFFF", 3.2),
])
def test_ratios_in_the_template_readme(text: str, background: str, ratio: float) -> None:
    assert contrast_ratio(text, background) == pytest.approx(ratio, abs=0.06)


@pytest.mark.parametrize(("size", "bold", "needed"), [
    (24, False, 3.0), (18, False, 3.0), (17.9, False, 4.5), (14, True, 3.0),
    (13.9, True, 4.5), (12, False, 4.5),
])
def test_large_text_needs_less(size: float, bold: bool, needed: float) -> None:
    assert required_ratio(size, bold) == needed


def test_tints_mix_towards_white_in_linear_light() -> None:
    assert tint("12436D", 1.0) == "12436D"
    assert tint("12436D", 0.0) == "FFFFFF"
    forty, twenty = tint("12436D", 0.4), tint("12436D", 0.2)
    assert relative_luminance("12436D") < relative_luminance(forty) < relative_luminance(twenty)
    # a 40 % tint is 40 % of the colour's linear light, not of its sRGB value
    assert relative_luminance(forty) == pytest.approx(
        0.4 * relative_luminance("12436D") + 0.6, abs=0.01)


# -- which colours a slide shows -----------------------------------------------------


def test_backgrounds_follow_the_default_template(default_deck) -> None:
    """Each layout's background in default.pptx is the colour the checks assume."""
    prs = Presentation(str(default_deck.prepared.template))
    scheme = {"bg1": DEFAULT_THEME.background, "tx2": DEFAULT_THEME.dark_background,
              "bg2": DEFAULT_THEME.surface}
    master = prs.slide_masters[0]._element.find(f"{qn('p:cSld')}/{qn('p:bg')}")
    fills = {}
    for layout in prs.slide_layouts:
        bg = layout._element.find(f"{qn('p:cSld')}/{qn('p:bg')}")
        colour = (bg if bg is not None else master).find(f".//{qn('a:schemeClr')}").get("val")
        fills[layout.name] = scheme[colour]
    for slide in default_deck.prepared.deck.slides:
        assert backgrounds(slide, DEFAULT_THEME) == (fills[slide.layout.name],), slide.title


@pytest.mark.parametrize("name", builtin_theme_names())
def test_builtin_themes_pass_on_the_default_outline(tmp_outline, repo_root: Path,
                                                    name: str) -> None:
    text = (repo_root / "outline.yaml").read_text("utf-8")
    path = tmp_outline(text.replace("\ntheme: default\n", f"\ntheme: {name}\n"))
    found = findings(path)
    assert not [d for d in found if d.severity.value == "error"], found
    assert contrast_at(found) == []


def test_default_deck_has_no_shortfalls(default_deck) -> None:
    for slide in default_deck.prepared.deck.slides:
        assert frame_shortfalls(slide, DEFAULT_THEME) == [], slide.title


def test_table_rows_are_checked_against_their_fills(default_deck) -> None:
    table_slides = [s for s in default_deck.prepared.deck.slides if s.role == "table"]
    assert table_slides
    pale_header = Theme(table_header_text="2A5A85")
    (slot, shortfall), = frame_shortfalls(table_slides[0], pale_header)
    assert slot == "table"
    assert (shortfall.foreground, shortfall.background) == ("2A5A85", "12436D")
    faint_text = Theme(text="8A9BA8")
    (slot, shortfall), = frame_shortfalls(table_slides[0], faint_text)
    assert shortfall.background == tint(faint_text.table_header_fill, TABLE_BANDS[0])


# -- A11Y-CONTRAST on outlines ------------------------------------------------------


HEAD = """\
title: Checks
theme: pale.yaml
sections:
  - title: Part one
    minutes: 30
    slides:
"""


def test_muted_text_below_three_to_one(tmp_outline) -> None:
    tmp_outline('extends: default\ncolours:\n  muted: "999999"\n', name="pale.yaml")
    path = tmp_outline(HEAD + "      - quote: Pale words\n        by: Someone\n"
                       "      - title: Picture\n        image: images/patch-cadence.png\n"
                       "        alt: A bar chart of patch delays\n"
                       "        caption: Illustrative figures\n")
    found = findings(path)
    assert contrast_at(found) == [(8, 9), (12, 9)]  # attribution, caption (no title shown)
    by = next(d for d in found if d.code == "A11Y-CONTRAST" and d.position.line == 8)
    assert by.severity.value == "error"
    assert by.slide == 4
    assert "#999999 on #F3F2F1" in by.message and "3:1" in by.message
    assert "pale.yaml" in (by.hint or "")


def test_light_primary_fails_on_dark_slides_and_titles(tmp_outline) -> None:
    tmp_outline('extends: default\ncolours:\n  primary: "6FA8DC"\n', name="pale.yaml")
    path = tmp_outline(HEAD + "      - title: Light title\n        bullets: [One]\n")
    at = contrast_at(findings(path))
    assert (1, 1) in at  # the title slide: white on the light "dark" background
    assert (4, 5) in at  # the section divider's title
    assert (7, 9) in at  # a title in the heading colour on white


def test_links_have_their_own_colour(tmp_outline) -> None:
    tmp_outline('extends: default\ncolours:\n  link: "8AB4F8"\n', name="pale.yaml")
    path = tmp_outline(HEAD + "      - title: Links\n        bullets:\n"
                       '          - "The Service Manual: https://www.gov.uk/service-manual"\n')
    found = findings(path)
    assert contrast_at(found) == [(8, 9)]
    assert "#8AB4F8 on #FFFFFF" in next(d.message for d in found if d.code == "A11Y-CONTRAST")


def test_inverse_text_on_a_light_layout_takes_the_text_colour(default_deck) -> None:
    """An organisation's title layout may be light: its subtitle is not white on white."""
    title_slide = default_deck.prepared.deck.slides[0]
    subtitle = next(f for f in title_slide.frames if getattr(f, "slot", "") == "subtitle")
    assert subtitle.tone == "inverse"
    assert text_colours(title_slide, subtitle, DEFAULT_THEME)[0] == DEFAULT_THEME.inverse_text
    light = replace(title_slide, layout=replace(title_slide.layout, dark=False))
    assert text_colours(light, subtitle, DEFAULT_THEME)[0] == DEFAULT_THEME.text
    assert frame_shortfalls(light, DEFAULT_THEME) == []
