"""Shared helpers for LibreOffice round trips: render a deck to PDF, then check that every
character drawn lies inside its own shape's box and on the slide.

Used by the fit test on the default template and by the organisation template tests.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pdfplumber
from pptx import Presentation
from pptx.util import Emu

TOLERANCE = 3.0  # points


def find_soffice() -> str:
    """Return the LibreOffice command; skip when it (or the Liberation fonts that stand in
    for Arial when it renders) is absent, fail in CI (which has them)."""
    from system_tools import need_font, need_program

    found = need_program("soffice", "libreoffice")
    need_font("Liberation Sans")
    return found


def to_pdf(soffice: str, deck: Path, folder: Path | None = None) -> Path:
    """Convert ``deck`` to PDF in ``folder`` (default: beside it) with LibreOffice; return it.

    LibreOffice runs with a profile of its own beside ``folder`` (shared by the
    conversions of one test session), so an office already open elsewhere cannot
    take the job over or lock it.
    """
    folder = folder or deck.parent
    profile = folder.parent / ".lo-profile"
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation={profile.as_uri()}",
         "--convert-to", "pdf", "--outdir", str(folder), str(deck)],
        check=True, capture_output=True, timeout=240)
    pdf = folder / f"{deck.stem}.pdf"
    assert pdf.is_file(), f"LibreOffice did not convert {deck}"
    return pdf


def pt(value: int) -> float:
    """Return EMU as points."""
    return Emu(value).pt


def text_boxes(slide) -> list[tuple[float, float, float, float]]:
    """Return (x0, top, x1, bottom) in points of every text-bearing box on a slide."""
    boxes = []
    for shape in slide.shapes:
        if (shape.has_text_frame and shape.text_frame.text.strip()) or (
            shape.is_placeholder and shape.placeholder_format.type is not None
            and "SLIDE_NUMBER" in str(shape.placeholder_format.type)
        ):
            boxes.append((pt(shape.left), pt(shape.top), pt(shape.left + shape.width),
                          pt(shape.top + shape.height)))
        if shape.has_table:
            y = pt(shape.top)
            for row in shape.table.rows:
                x = pt(shape.left)
                for column in shape.table.columns:
                    boxes.append((x, y, x + pt(column.width), y + pt(row.height)))
                    x += pt(column.width)
                y += pt(row.height)
    return boxes


def pdf_page_count(pdf: Path) -> int:
    """Return the number of pages of a PDF."""
    with pdfplumber.open(pdf) as document:
        return len(document.pages)


def characters_outside(deck: Path, pdf: Path, more_boxes=None) -> tuple[int, list[str]]:
    """Return how many characters the PDF draws, and those outside their box or the slide.

    Pages and slides are paired in order; each character must lie (within
    `TOLERANCE`) inside some text-bearing box of its slide (or one that
    ``more_boxes(slide)`` returns), and on the slide.
    """
    prs = Presentation(str(deck))
    width, height = pt(prs.slide_width), pt(prs.slide_height)
    outside: list[str] = []
    counted = 0
    with pdfplumber.open(pdf) as document:
        for number, (slide, page) in enumerate(zip(prs.slides, document.pages, strict=True), 1):
            scale = width / float(page.width)
            boxes = text_boxes(slide) + (more_boxes(slide) if more_boxes else [])
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
    return counted, outside
