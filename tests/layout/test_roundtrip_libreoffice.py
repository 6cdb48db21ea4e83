"""The fit promise, checked by a real consumer: LibreOffice renders the deck to
PDF, and every character it draws lies inside its own shape's box and on the slide."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation
from pptx.util import Emu

from generator.build import build
from generator.options import BuildOptions

ROOT = Path(__file__).resolve().parents[2]
TOLERANCE = 3.0  # points
OUTLINES = {
    "default": ROOT / "outline.yaml",
    "crowded": ROOT / "tests" / "fixtures" / "crowded.yaml",
}


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is required in CI")
        pytest.skip("LibreOffice is not installed")
    return found


def _pt(value: int) -> float:
    return Emu(value).pt


def _text_boxes(slide) -> list[tuple[float, float, float, float]]:
    """Return (x0, top, x1, bottom) in points of every text-bearing box on a slide."""
    boxes = []
    for shape in slide.shapes:
        if (shape.has_text_frame and shape.text_frame.text.strip()) or (
            shape.is_placeholder and shape.placeholder_format.type is not None
            and "SLIDE_NUMBER" in str(shape.placeholder_format.type)
        ):
            boxes.append((_pt(shape.left), _pt(shape.top), _pt(shape.left + shape.width),
                          _pt(shape.top + shape.height)))
        if shape.has_table:
            y = _pt(shape.top)
            for row in shape.table.rows:
                x = _pt(shape.left)
                for column in shape.table.columns:
                    boxes.append((x, y, x + _pt(column.width), y + _pt(row.height)))
                    x += _pt(column.width)
                y += _pt(row.height)
    return boxes


@pytest.fixture(scope="module", params=sorted(OUTLINES))
def rendered(request, tmp_path_factory) -> tuple[Path, Path]:
    soffice = _soffice()
    folder = tmp_path_factory.mktemp(request.param)
    result = build(OUTLINES[request.param], BuildOptions(outputs=("deck",), output_dir=folder))
    deck = result.written[0]
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                    str(deck)], check=True, capture_output=True, timeout=240)
    return deck, deck.with_suffix(".pdf")


def test_one_page_per_slide(rendered):
    deck, pdf = rendered
    with pdfplumber.open(pdf) as document:
        assert len(document.pages) == len(Presentation(str(deck)).slides)


def test_every_character_inside_its_box(rendered):
    deck, pdf = rendered
    prs = Presentation(str(deck))
    width, height = _pt(prs.slide_width), _pt(prs.slide_height)
    outside: list[str] = []
    counted = 0
    with pdfplumber.open(pdf) as document:
        for number, (slide, page) in enumerate(zip(prs.slides, document.pages, strict=True), 1):
            scale = width / float(page.width)
            boxes = _text_boxes(slide)
            for char in page.chars:
                if not char["text"].strip():
                    continue
                counted += 1
                x0, x1 = char["x0"] * scale, char["x1"] * scale
                top, bottom = char["top"] * scale, char["bottom"] * scale
                on_slide = x0 >= -TOLERANCE and x1 <= width + TOLERANCE and top >= -TOLERANCE \
                    and bottom <= height + TOLERANCE
                inside = any(
                    x0 >= bx0 - TOLERANCE and x1 <= bx1 + TOLERANCE
                    and top >= btop - TOLERANCE and bottom <= bbottom + TOLERANCE
                    for bx0, btop, bx1, bbottom in boxes
                )
                if not (on_slide and inside):
                    outside.append(f"slide {number}: {char['text']!r} at ({x0:.0f}, {top:.0f})")
    assert counted > 500
    assert outside == [], f"{len(outside)} characters outside their boxes: {outside[:10]}"
