"""The fit promise, checked by a real consumer: LibreOffice renders the deck to
PDF, and every character it draws lies inside its own shape's box and on the slide."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from roundtrip import characters_outside, find_soffice, pdf_page_count, to_pdf

from generator.build import build
from generator.options import BuildOptions

ROOT = Path(__file__).resolve().parents[2]
OUTLINES = {
    "default": ROOT / "outline.yaml",
    "crowded": ROOT / "tests" / "fixtures" / "crowded.yaml",
}


@pytest.fixture(scope="module", params=sorted(OUTLINES))
def rendered(request, tmp_path_factory) -> tuple[Path, Path]:
    soffice = find_soffice()
    folder = tmp_path_factory.mktemp(request.param)
    result = build(OUTLINES[request.param], BuildOptions(outputs=("deck",), output_dir=folder))
    deck = result.written[0]
    return deck, to_pdf(soffice, deck, folder)


def test_one_page_per_slide(rendered):
    deck, pdf = rendered
    assert pdf_page_count(pdf) == len(Presentation(str(deck)).slides)


def test_every_character_inside_its_box(rendered):
    deck, pdf = rendered
    counted, outside = characters_outside(deck, pdf)
    assert counted > 500
    assert outside == [], f"{len(outside)} characters outside their boxes: {outside[:10]}"
