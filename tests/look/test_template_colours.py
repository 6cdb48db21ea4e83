"""Colours as a template really shows them: the colour map, lumMod/lumOff, tint/shade,
fills, and the colour found under a box (pictures sampled pixel by pixel)."""

from __future__ import annotations

import io

from lxml import etree
from PIL import Image

from generator.layout.geometry import Box
from generator.look.template_colours import (
    A,
    Backdrop,
    Colours,
    Layer,
    apply_modifiers,
    contrast,
    readable_slot,
)
from generator.template_report import _ratio

SCHEME = {"dk1": "000000", "lt1": "FFFFFF", "dk2": "1F3864", "lt2": "E7E6E6",
          "accent1": "4472C4"}


def colour(xml: str) -> etree._Element:
    return etree.fromstring(f'<a:wrap xmlns:a="{A}">{xml}</a:wrap>')[0]


def test_the_colour_map_swaps_background_and_text() -> None:
    dark = Colours(SCHEME, {"bg1": "dk1", "tx1": "lt1", "bg2": "dk2", "tx2": "lt2"})
    assert dark.of(colour('<a:schemeClr val="bg1"/>')) == "000000"
    assert dark.of(colour('<a:schemeClr val="tx1"/>')) == "FFFFFF"
    assert Colours(SCHEME).of(colour('<a:schemeClr val="bg2"/>')) == "E7E6E6"


def test_lum_mod_and_off_darken_and_lighten() -> None:
    darker = colour('<a:schemeClr val="bg2"><a:lumMod val="10000"/></a:schemeClr>')
    found = Colours(SCHEME).of(darker)
    assert found is not None and contrast(found, "FFFFFF") > 15  # bg2 at 10 %: near black
    lighter = colour('<a:srgbClr val="1F3864"><a:lumMod val="20000"/>'
                     '<a:lumOff val="80000"/></a:srgbClr>')
    assert Colours(SCHEME).of(lighter) == "C5D3ED"  # 20 % of dark blue plus 80 %: pale


def test_tint_and_shade_mix_with_white_and_black() -> None:
    assert apply_modifiers("4472C4", colour('<a:srgbClr val="0"><a:shade val="0"/>'
                                            '</a:srgbClr>')) == "000000"
    assert apply_modifiers("4472C4", colour('<a:srgbClr val="0"><a:tint val="0"/>'
                                            '</a:srgbClr>')) == "FFFFFF"


def test_a_full_slide_picture_is_sampled_under_the_box() -> None:
    picture = Image.new("RGB", (100, 100), (255, 255, 255))
    for x in range(50):
        for y in range(100):
            picture.putpixel((x, y), (0, 40, 0))
    data = io.BytesIO()
    picture.save(data, "PNG")
    backdrop = Backdrop("FFFFFF", [Layer(Box(0, 0, 960, 540), picture=data.getvalue())])
    left = backdrop.under(Box(40, 100, 300, 300))
    right = backdrop.under(Box(600, 100, 300, 300))
    assert contrast(left, "FFFFFF") > 10 and right == "FFFFFF"


def test_an_unreadable_slot_gives_way_to_the_most_readable_one() -> None:
    colours = {"tx1": "898989", "bg1": "FFFFFF", "tx2": "1F3864"}
    assert readable_slot(colours, "067B54", "tx1") == "bg1"
    assert readable_slot(colours, "FFFFFF", "tx2") == "tx2"


def test_a_failing_ratio_is_never_printed_as_passing() -> None:
    assert _ratio(2.9999) == "2.99:1"
    assert _ratio(4.5) == "4.50:1"
