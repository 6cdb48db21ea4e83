"""LibreOffice opens the default deck and prints it: one PDF page per slide."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader


@pytest.fixture(scope="module")
def deck_pdf(default_deck, soffice, tmp_path_factory) -> Path:
    """Return the default deck converted to PDF by LibreOffice (once per session)."""
    folder = tmp_path_factory.mktemp("libreoffice")
    profile = (folder / "profile").as_uri()  # its own profile: no clash with another soffice
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(default_deck.path)],
        capture_output=True, text=True, timeout=180, check=False,
    )
    pdf = folder / default_deck.path.with_suffix(".pdf").name
    assert done.returncode == 0 and pdf.is_file(), done.stderr or done.stdout
    return pdf


def test_one_page_per_slide(deck_pdf, default_deck):
    reader = PdfReader(deck_pdf)
    assert len(reader.pages) == len(default_deck.prepared.deck.slides)


def test_pages_are_16_by_9(deck_pdf):
    for page in PdfReader(deck_pdf).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width / height == pytest.approx(16 / 9, rel=0.01)


def test_each_page_shows_its_slides_title(deck_pdf, default_deck):
    pages = PdfReader(deck_pdf).pages
    for page, slide in zip(pages, default_deck.prepared.deck.slides, strict=True):
        text = " ".join(page.extract_text().split())
        if slide.frames[0].hidden:  # kept for screen readers, off the slide: not drawn
            assert slide.title not in text, f"slide {slide.number} shows its hidden title"
            continue
        first_word = slide.title.split()[0]
        assert first_word in text, f"slide {slide.number}: {slide.title!r}"
