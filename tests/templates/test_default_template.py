"""Tests for the default deck template, templates/default.pptx, and the script that builds it.

The layout table below is pinned on purpose: any change to a layout's name, order,
placeholders or boxes must be made here as well, so it cannot happen by accident.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import subprocess
import sys
import zipfile
from itertools import pairwise
from pathlib import Path
from types import ModuleType

import pytest
from lxml import etree
from pptx import Presentation
from pptx.presentation import Presentation as PresentationType

from tests.ooxml import NS

ROOT = Path(__file__).resolve().parents[2]
BUILDER = ROOT / "templates" / "build_default_template.py"
TEMPLATE = ROOT / "templates" / "default.pptx"
SLIDE_W, SLIDE_H = 12192000, 6858000
INCH = 914400
Box = tuple[int, int, int, int]

SLDNUM = ("sldNum", 12, (10271760, 5989320, 1371600, 365760))
TITLE = ("title", 0, (548640, 548640, 11094720, 1097280))
EYEBROW = ("title", 0, (548640, 548640, 11094720, 548640))
EXPECTED: dict[str, list[tuple[str, int, Box]]] = {
    "Title Slide": [
        ("ctrTitle", 0, (548640, 1280160, 11094720, 2377440)),
        ("subTitle", 1, (548640, 4069080, 11094720, 1783080)),
        SLDNUM,
    ],
    "Title and Content": [TITLE, ("body", 1, (548640, 1920240, 11094720, 3931920)), SLDNUM],
    "Section Header": [
        ("title", 0, (548640, 1280160, 11094720, 2377440)),
        ("body", 1, (548640, 4069080, 11094720, 1783080)),
        SLDNUM,
    ],
    "Two Content": [
        TITLE,
        ("body", 1, (548640, 1920240, 5364480, 3931920)),
        ("body", 2, (6278880, 1920240, 5364480, 3931920)),
        SLDNUM,
    ],
    "Three Content": [
        TITLE,
        ("body", 1, (548640, 1920240, 3454400, 3931920)),
        ("body", 2, (4368800, 1920240, 3454400, 3931920)),
        ("body", 3, (8188960, 1920240, 3454400, 3931920)),
        SLDNUM,
    ],
    "Title Only": [TITLE, SLDNUM],
    "Quote": [
        EYEBROW,
        ("body", 1, (914400, 1463040, 10728960, 3291840)),
        ("body", 2, (914400, 4937760, 10728960, 731520)),
        SLDNUM,
    ],
    "Statement": [EYEBROW, ("body", 1, (548640, 1371600, 11094720, 4297680)), SLDNUM],
    "Break": [
        ("title", 0, (548640, 822960, 11094720, 1097280)),
        ("body", 1, (548640, 2286000, 11094720, 3291840)),
        SLDNUM,
    ],
    "Closing": [
        ("title", 0, (548640, 914400, 11094720, 2011680)),
        ("body", 1, (548640, 3337560, 11094720, 1508760)),
        ("body", 2, (548640, 5029200, 11094720, 822960)),
        SLDNUM,
    ],
}
DARK_LAYOUTS = {"Title Slide", "Section Header", "Closing"}  # a break is light, unlike dividers
CLR_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}


def contrast_ratio(foreground: str, background: str) -> float:
    """Return the WCAG 2 contrast ratio (1 to 21) between two hex RGB colours."""

    def luminance(hex_rgb: str) -> float:
        channels = [int(hex_rgb[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    """Return the builder script imported as a module."""
    spec = importlib.util.spec_from_file_location("build_default_template", BUILDER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def prs() -> PresentationType:
    """Return the committed template opened with python-pptx."""
    return Presentation(str(TEMPLATE))


@pytest.fixture(scope="module")
def layout_xml(prs: PresentationType) -> dict[str, etree._Element]:
    """Return each layout's parsed XML by layout name, in template order."""
    return {layout.name: etree.fromstring(layout.part.blob) for layout in prs.slide_layouts}


@pytest.fixture(scope="module")
def master_xml(prs: PresentationType) -> etree._Element:
    """Return the slide master's parsed XML."""
    return etree.fromstring(prs.slide_master.part.blob)


@pytest.fixture(scope="module")
def palette() -> dict[str, str]:
    """Return the theme's colour scheme from the committed file, slot name -> hex."""
    with zipfile.ZipFile(TEMPLATE) as package:
        theme = etree.fromstring(package.read("ppt/theme/theme1.xml"))
    scheme = theme.find(".//a:clrScheme", NS)
    return {slot.tag.split("}")[1]: slot[0].get("val") for slot in scheme}


def placeholders(root: etree._Element) -> list[tuple[str, int, Box]]:
    """Return (type, idx, box) for every placeholder shape of a master or layout, in order."""
    found = []
    for sp in root.iterfind(".//p:sp", NS):
        ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
        if ph is None:
            continue
        off, ext = sp.find("p:spPr/a:xfrm/a:off", NS), sp.find("p:spPr/a:xfrm/a:ext", NS)
        box = (int(off.get("x")), int(off.get("y")), int(ext.get("cx")), int(ext.get("cy")))
        found.append((ph.get("type", "obj"), int(ph.get("idx", "0")), box))
    return found


def all_boxes(root: etree._Element) -> list[Box]:
    """Return the box of every shape (placeholder or decoration) of a master or layout."""
    boxes = []
    for xfrm in root.iterfind(".//p:sp/p:spPr/a:xfrm", NS):
        off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
        boxes.append((int(off.get("x")), int(off.get("y")), int(ext.get("cx")), int(ext.get("cy"))))
    return boxes


def background(root: etree._Element) -> str | None:
    """Return the scheme colour name of a `p:bg` solid fill, or None when there is none."""
    colour = root.find("p:cSld/p:bg/p:bgPr/a:solidFill/a:schemeClr", NS)
    return None if colour is None else colour.get("val")


def test_slide_size_is_16_by_9_and_there_are_no_slides(prs: PresentationType) -> None:
    assert (prs.slide_width, prs.slide_height) == (SLIDE_W, SLIDE_H)
    assert len(prs.slides) == 0
    with zipfile.ZipFile(TEMPLATE) as package:
        presentation = etree.fromstring(package.read("ppt/presentation.xml"))
    assert presentation.find("p:sldSz", NS).get("type") is None  # not "screen4x3"


def test_layout_names_and_order(prs: PresentationType) -> None:
    assert [layout.name for layout in prs.slide_layouts] == list(EXPECTED)


def test_layout_placeholders_and_boxes_are_pinned(layout_xml: dict[str, etree._Element]) -> None:
    for name, root in layout_xml.items():
        assert placeholders(root) == EXPECTED[name], name


def test_builder_description_matches_the_pinned_table(builder: ModuleType) -> None:
    assert builder.describe() == EXPECTED


def test_slides_made_with_python_pptx_get_title_placeholders() -> None:
    deck = Presentation(str(TEMPLATE))
    for layout in deck.slide_layouts:
        slide = deck.slides.add_slide(layout)
        assert slide.shapes.title is not None, layout.name
        slide.shapes.title.text = layout.name
        indexes = {ph.placeholder_format.idx for ph in slide.placeholders}
        assert indexes == {idx for kind, idx, _ in EXPECTED[layout.name] if kind != "sldNum"}


def test_master_has_title_body_and_slide_number(master_xml: etree._Element) -> None:
    kinds = [(kind, idx) for kind, idx, _ in placeholders(master_xml)]
    assert kinds == [("title", 0), ("body", 1), ("sldNum", 4)]


def test_every_shape_keeps_half_an_inch_from_the_slide_edges(
    layout_xml: dict[str, etree._Element], master_xml: etree._Element
) -> None:
    margin = INCH // 2
    for name, root in [("master", master_xml), *layout_xml.items()]:
        for x, y, cx, cy in all_boxes(root):
            assert cx > 0 and cy > 0, name
            assert x >= margin and y >= margin, name
            assert x + cx <= SLIDE_W - margin and y + cy <= SLIDE_H - margin, name


def test_placeholders_do_not_overlap_and_leave_the_footer_band_free(
    layout_xml: dict[str, etree._Element],
) -> None:
    for name, root in layout_xml.items():
        entries = placeholders(root)
        footer_top = min(box[1] for kind, _, box in entries if kind == "sldNum")
        boxes = [box for kind, _, box in entries if kind != "sldNum"]
        assert all(y + cy <= footer_top for _, y, _, cy in boxes), name
        for i, (x1, y1, w1, h1) in enumerate(boxes):
            for x2, y2, w2, h2 in boxes[i + 1 :]:
                apart = x1 + w1 <= x2 or x2 + w2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1
                assert apart, name


def test_columns_are_equal_with_gutters_of_at_least_0_3_inch(
    layout_xml: dict[str, etree._Element],
) -> None:
    for name in ("Two Content", "Three Content"):
        bodies = sorted(box for kind, _, box in placeholders(layout_xml[name]) if kind == "body")
        assert len({(y, cx, cy) for _, y, cx, cy in bodies}) == 1, name
        for (x1, _, w1, _), (x2, _, _, _) in pairwise(bodies):
            assert x2 - (x1 + w1) >= 0.3 * INCH, name


def test_content_titles_fit_two_lines_of_32pt(layout_xml: dict[str, etree._Element]) -> None:
    two_lines = round(2 * 32 * 1.2 / 72 * INCH) + 2 * 45720  # line height 1.2, top/bottom insets
    for name in ("Title and Content", "Two Content", "Three Content", "Title Only"):
        kind, _, (_, y, _, cy) = placeholders(layout_xml[name])[0]
        assert kind == "title", name
        assert abs(y - 0.6 * INCH) < 0.1 * INCH and cy >= two_lines, name


def test_theme_fonts_are_arial_and_schemes_are_named() -> None:
    with zipfile.ZipFile(TEMPLATE) as package:
        theme = etree.fromstring(package.read("ppt/theme/theme1.xml"))
    for font in ("major", "minor"):
        assert theme.find(f".//a:{font}Font/a:latin", NS).get("typeface") == "Arial"
    for scheme in ("clrScheme", "fontScheme", "fmtScheme"):
        assert theme.find(f".//a:{scheme}", NS).get("name") == "make-deck default"


def test_theme_colours_are_the_builder_palette(
    builder: ModuleType, palette: dict[str, str]
) -> None:
    slots = ["dk1", "lt1", "dk2", "lt2", *(f"accent{i}" for i in range(1, 7))]
    assert list(palette) == [*slots, "hlink", "folHlink"]
    assert palette == builder.PALETTE


def test_contrast_ratio_function() -> None:
    assert contrast_ratio("000000", "FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("777777", "FFFFFF") == pytest.approx(4.48, abs=0.01)


def test_palette_text_pairs_meet_wcag_aa(palette: dict[str, str]) -> None:
    pairs = [
        ("dk1", "lt1"), ("dk2", "lt1"), ("accent5", "lt1"), ("hlink", "lt1"),
        ("folHlink", "lt1"), ("dk1", "lt2"), ("dk2", "lt2"), ("accent5", "lt2"),
        ("hlink", "lt2"), ("lt1", "dk2"), ("lt1", "accent1"),
    ]  # fmt: skip
    for text, back in pairs:
        assert contrast_ratio(palette[text], palette[back]) >= 4.5, (text, back)


def test_every_placeholder_text_style_meets_wcag_aa_on_its_background(
    layout_xml: dict[str, etree._Element], master_xml: etree._Element, palette: dict[str, str]
) -> None:
    master_bg = background(master_xml)
    checked = 0
    for name, root in [("master", master_xml), *layout_xml.items()]:
        back = palette[CLR_MAP.get(bg, bg)] if (bg := background(root) or master_bg) else None
        assert back is not None, name
        styles = root.iterfind(".//p:sp/p:txBody/a:lstStyle//a:defRPr/a:solidFill/a:schemeClr", NS)
        if name == "master":
            styles = [*styles, *root.iterfind(".//p:txStyles//a:solidFill/a:schemeClr", NS)]
        for colour in styles:
            value = colour.get("val")
            assert contrast_ratio(palette[CLR_MAP.get(value, value)], back) >= 4.5, (name, value)
            checked += 1
    assert checked > 40


def test_dark_layouts_have_the_dark_background_set_on_the_layout(
    layout_xml: dict[str, etree._Element], palette: dict[str, str]
) -> None:
    dark = {name for name, root in layout_xml.items() if background(root) == "tx2"}
    assert dark == DARK_LAYOUTS
    for name, root in layout_xml.items():  # hyperlinks on dark layouts are remapped to light
        mapping = root.find("p:clrMapOvr/a:overrideClrMapping", NS)
        assert (mapping is not None) == (name in DARK_LAYOUTS), name
        if mapping is not None:
            for slot in ("bg1", "tx1", "bg2", "tx2"):
                assert mapping.get(slot) == CLR_MAP[slot], (name, slot)
            for link in ("hlink", "folHlink"):
                colour = palette[mapping.get(link)]
                assert contrast_ratio(colour, palette["dk2"]) >= 4.5, (name, link)


def test_master_text_styles_have_sensible_defaults(master_xml: etree._Element) -> None:
    title = master_xml.find("p:txStyles/p:titleStyle/a:lvl1pPr/a:defRPr", NS)
    assert 3600 <= int(title.get("sz")) <= 4000 and title.get("b") == "1"
    assert title.find("a:latin", NS).get("typeface") == "+mj-lt"
    for level in (1, 2, 3):
        ppr = master_xml.find(f"p:txStyles/p:bodyStyle/a:lvl{level}pPr", NS)
        assert ppr.find("a:buChar", NS).get("char") == "\u2022"
        assert int(ppr.get("marL")) > 0 and int(ppr.get("indent")) < 0  # hanging indent
        assert ppr.find("a:defRPr/a:latin", NS).get("typeface") == "+mn-lt"
    body = master_xml.find("p:txStyles/p:bodyStyle/a:lvl1pPr/a:defRPr", NS)
    assert 2400 <= int(body.get("sz")) <= 2800


def test_core_properties_are_neutral(prs: PresentationType) -> None:
    props = prs.core_properties
    assert props.title == "make-deck default template"
    assert props.author == props.last_modified_by == "make-deck"
    assert props.revision == 1
    assert props.created == props.modified == dt.datetime(2026, 1, 1)
    assert props.comments == props.subject == props.keywords == ""


def test_nothing_of_python_pptx_defaults_remains() -> None:
    with zipfile.ZipFile(TEMPLATE) as package:
        names = package.namelist()
        blobs = b"".join(package.read(name) for name in names)
    assert not any("thumbnail" in n or "printerSettings" in n for n in names)
    for leftover in (b"python-pptx", b"Steve", b"Calibri", b"Office Theme", b"en-US"):
        assert leftover not in blobs, leftover


def test_zip_entries_have_fixed_dates_and_a_stable_order() -> None:
    with zipfile.ZipFile(TEMPLATE) as package:
        infos = package.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert [i.filename for i in infos[2:]] == sorted(i.filename for i in infos[2:])
    for info in infos:
        assert info.date_time == (2026, 1, 1, 0, 0, 0), info.filename
        assert info.compress_type == zipfile.ZIP_DEFLATED, info.filename


def test_builder_output_is_byte_identical_to_the_committed_file(
    builder: ModuleType, tmp_path: Path
) -> None:
    out = tmp_path / "nested" / "default.pptx"
    subprocess.run([sys.executable, str(BUILDER), "--out", str(out)], check=True, cwd=tmp_path)
    built, committed = out.read_bytes(), TEMPLATE.read_bytes()
    with zipfile.ZipFile(io.BytesIO(built)) as new, zipfile.ZipFile(TEMPLATE) as old:
        assert new.namelist() == old.namelist()
        for name in old.namelist():  # a readable failure first, should an entry differ
            assert new.read(name) == old.read(name), name
    assert built == committed, "rebuild with: python templates/build_default_template.py"
    assert builder.build_bytes() == committed
    assert list(out.parent.iterdir()) == [out]  # no temporary file left behind


def test_layouts_say_what_the_slides_do_no_autofit_and_the_same_insets(
    layout_xml: dict[str, etree._Element], master_xml: etree._Element
) -> None:
    """A program that takes a placeholder's text settings from its layout (Calligra
    Stage does) must show the sizes make-deck measured: no "shrink on overflow", and
    the insets of the slides' own text boxes."""
    from generator.layout.frames import INSET_X, INSET_Y

    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    inset_x, inset_y = str(round(INSET_X * 12700)), str(round(INSET_Y * 12700))
    for name, root in [("master", master_xml), *layout_xml.items()]:
        bodies = list(root.iter(f"{a}bodyPr"))
        assert bodies, name
        for body in bodies:
            assert body.find(f"{a}normAutofit") is None, name
            assert body.find(f"{a}noAutofit") is not None, name
            assert (body.get("lIns"), body.get("rIns")) == (inset_x, inset_x), name
            assert (body.get("tIns"), body.get("bIns")) == (inset_y, inset_y), name
