"""The handout and the guide follow the look: a built-in theme's or an organisation
template's colours and typefaces, read back from the PDFs as a reader sees them."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from generator.build import build, prepare
from generator.look.colours import contrast_ratio
from generator.look.look import GRAPHIC_RATIO, Look
from generator.options import BuildOptions
from tests.templates.make_templates import department_like

from . import REPO_ROOT

LOOKS = ("civic", "high-contrast", "department")
Colour = tuple[float, ...] | None


def _hex(colour: Colour) -> str:
    """Return a pdfplumber colour (grey or RGB, 0-1) as RRGGBB."""
    if not colour:
        return "000000"
    values = list(colour) * 3 if len(colour) == 1 else list(colour)[:3]
    return "".join(f"{round(v * 255):02X}" for v in values)


def _outline(folder: Path, theme: str) -> Path:
    text = (REPO_ROOT / "outline.yaml").read_text(encoding="utf-8")
    text = text.replace("theme: default\n", "") if "theme: default\n" in text else text
    (folder / "images").mkdir(exist_ok=True)
    for picture in (REPO_ROOT / "images").iterdir():
        (folder / "images" / picture.name).write_bytes(picture.read_bytes())
    path = folder / "outline.yaml"
    path.write_text(f"theme: {theme}\n" + text, encoding="utf-8")
    return path


@pytest.fixture(scope="module", params=LOOKS)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> tuple[str, Look, dict[str, pdfplumber.PDF]]:
    folder = tmp_path_factory.mktemp(request.param)
    theme = request.param
    if theme == "department":
        theme = department_like(folder).name
    outline = _outline(folder, theme)
    options = BuildOptions(outputs=("handout", "guide"), output_dir=folder / "out")
    look = prepare(outline, options).look
    written = build(outline, options).written
    pdfs = {kind: pdfplumber.open(next(p for p in written if p.stem.endswith(kind)))
            for kind in ("handout", "guide")}
    yield request.param, look, pdfs
    for pdf in pdfs.values():
        pdf.close()


def _chars(page: pdfplumber.page.Page, text: str) -> list[dict]:
    """Return the characters of the first line on ``page`` that starts with ``text``."""
    chars = page.chars
    joined = "".join(c["text"] for c in chars)
    start = joined.find(text)
    assert start >= 0, f"{text!r} not on page {page.page_number}"
    return chars[start:start + len(text)]


def _fill_under(page: pdfplumber.page.Page, x: float, y: float) -> str:
    """Return the colour of the last filled rectangle drawn under (x, y), else white."""
    found = "FFFFFF"
    for rect in page.rects:
        if rect.get("fill") and rect["x0"] <= x <= rect["x1"] and rect["top"] <= y <= rect[
                "bottom"]:
            found = _hex(rect["non_stroking_color"])
    return found


def test_the_cover_band_is_the_looks(built) -> None:
    _name, look, pdfs = built
    for pdf in pdfs.values():
        cover = pdf.pages[0]
        band = max((r for r in cover.rects if r.get("fill") and r["top"] < 1),
                   key=lambda r: r["width"] * r["height"])
        assert _hex(band["non_stroking_color"]) == look.palette.cover
    assert look.palette.cover != "12436D", "the default navy is not the look's"


def test_headings_are_in_the_looks_colour_and_typeface(built) -> None:
    name, look, pdfs = built
    agenda = pdfs["handout"].pages[1]
    heading = _chars(agenda, "Agenda")
    assert {_hex(c["non_stroking_color"]) for c in heading} == {look.palette.heading}
    embedded = look.heading_face.embedded.replace(" ", "")
    assert all(embedded in c["fontname"] for c in heading), heading[0]["fontname"]
    if name == "department":
        assert embedded == "Carlito", "Calibri is embedded as its metric-compatible twin"
    body = _chars(pdfs["handout"].pages[2], "Sets the scene")
    assert {_hex(c["non_stroking_color"]) for c in body} == {look.palette.text}


def test_table_headers_and_rules_are_in_the_looks_colours(built) -> None:
    _name, look, pdfs = built
    run_sheet = pdfs["guide"].pages[1]
    start = _chars(run_sheet, "Minutes")[0]
    assert _fill_under(run_sheet, start["x0"] + 1, (start["top"] + start["bottom"]) / 2) == (
        look.palette.table_header)
    assert _hex(start["non_stroking_color"]) == look.palette.table_header_text
    header_rules = [line for line in run_sheet.lines if line["top"] < 60]
    assert header_rules and all(_hex(line["stroking_color"]) == look.palette.accent
                                for line in header_rules)


def test_every_text_reaches_the_looks_contrast(built) -> None:
    """Each character against the fill it sits on: 4.5:1, and 7:1 for high contrast;
    a symbol used as a marker (■) 3:1, as WCAG asks of graphics. Slide thumbnails are
    pictures of the slides, checked by the deck's own checks."""
    name, look, pdfs = built
    needed = 7.0 if name == "high-contrast" else 4.5
    assert look.theme.min_contrast == needed
    worst: list[tuple[float, str, str, str, int]] = []
    for kind, pdf in pdfs.items():
        for page in pdf.pages:
            thumbs = [(i["x0"], i["top"], i["x1"], i["bottom"]) for i in page.images]
            for char in page.chars:
                if not char["text"].strip():
                    continue
                x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
                if char["size"] < 7:  # text drawn inside a slide thumbnail
                    continue
                if any(a <= x <= c and b <= y <= d for a, b, c, d in thumbs):
                    continue
                colour = _hex(char["non_stroking_color"])
                fill = _fill_under(page, x, y)
                ratio = contrast_ratio(colour, fill)
                symbol = unicodedata.category(char["text"]) == "So"
                if ratio < (GRAPHIC_RATIO if symbol else needed):
                    worst.append((ratio, colour, fill, kind, page.page_number))
    assert not worst, sorted(worst)[:5]


def test_the_looks_logo_is_on_both_covers_with_its_alt_text(tmp_path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (400, 120), (200, 30, 60)).save(tmp_path / "crest.png")
    (tmp_path / "brand.yaml").write_text(
        "extends: civic\nlogo:\n  image: crest.png\n  alt: Example Council crest\n",
        encoding="utf-8")
    outline = _outline(tmp_path, "brand.yaml")
    options = BuildOptions(outputs=("handout", "guide"), output_dir=tmp_path / "out")
    for path in build(outline, options).written:
        with pdfplumber.open(path) as pdf:
            cover = pdf.pages[0]
            assert len(cover.images) == 1, path.name
            image = cover.images[0]
            assert image["x1"] <= cover.width - 40 and image["top"] < 120  # band, top right
            assert round(image["width"] / image["height"], 1) == round(400 / 120, 1)
        with pikepdf.open(path) as pdf:
            alts = [str(e.get("/Alt")) for e in _elements(pdf.Root.StructTreeRoot)
                    if e.get("/S") == "/Figure"]
        assert "Example Council crest" in alts


def _elements(node: pikepdf.Object) -> list[pikepdf.Object]:
    """Return every structure element under ``node``, depth first."""
    found = []
    kids = node.get("/K")
    if kids is None:
        return found
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            found.append(kid)
            found.extend(_elements(kid))
    return found
