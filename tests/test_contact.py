"""An outline's `contact:` line: under the facilitators on the closing slide and on the
handout and guide covers (PDF and web), its email and web addresses links."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation

from generator.build import build
from generator.init.starter import STARTER
from generator.markup import contact_spans
from generator.options import BuildOptions

CONTACT = "Alex Example, alex.example@example.gov.uk, 020 7946 0000, https://example.gov.uk/team"
OUTLINE = f"""\
title: Working well together
facilitators: [Alex Example]
organisation: Example Department
contact: {CONTACT}
sections:
  - title: Start
    slides:
      - title: Why we are here
        bullets: [One, Two]
"""


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, Path]:
    """Return the built outputs of an outline with a contact line, by suffix."""
    folder = tmp_path_factory.mktemp("contact")
    (folder / "outline.yaml").write_text(OUTLINE, encoding="utf-8")
    result = build(folder / "outline.yaml", BuildOptions(output_dir=folder / "out"))
    return {p.name.removeprefix("outline").lstrip("-"): p for p in result.written}


def test_contact_spans_link_email_and_web_addresses() -> None:
    spans = contact_spans(CONTACT)
    links = {s.text: s.href for s in spans if s.href}
    assert links == {"alex.example@example.gov.uk": "mailto:alex.example@example.gov.uk",
                     "https://example.gov.uk/team": "https://example.gov.uk/team"}
    assert "".join(s.text for s in spans) == CONTACT
    assert [s.href for s in contact_spans("write to a@b.org.")][-2:] == ["mailto:a@b.org", None]


def test_the_closing_slide_shows_the_contact_under_the_facilitators(written) -> None:
    deck = Presentation(str(next(p for p in written.values() if p.suffix == ".pptx")))
    runs = [(r.text, r.hyperlink.address) for shape in deck.slides[-1].shapes
            if shape.has_text_frame for para in shape.text_frame.paragraphs for r in para.runs]
    texts = [t for t, _ in runs]
    assert texts.index("Alex Example") < texts.index("alex.example@example.gov.uk")
    assert ("alex.example@example.gov.uk", "mailto:alex.example@example.gov.uk") in runs
    assert ("https://example.gov.uk/team", "https://example.gov.uk/team") in runs
    assert "".join(texts).count("020 7946 0000") == 1


@pytest.mark.parametrize("name", ["handout.pdf", "guide.pdf"])
def test_the_pdf_covers_show_the_contact_as_links(written, name: str) -> None:
    with pdfplumber.open(written[name]) as pdf:
        cover = pdf.pages[0]
        text = " ".join(cover.extract_text().split())
        uris = {link.get("uri") for link in cover.hyperlinks}
    assert "Contact" in text and "020 7946 0000" in text
    assert "alex.example@example.gov.uk" in text
    assert {"mailto:alex.example@example.gov.uk", "https://example.gov.uk/team"} <= uris


def test_the_web_pages_show_the_contact(written) -> None:
    for page in (p for p in written.values() if p.suffix == ".html"):
        html = page.read_text(encoding="utf-8")
        assert 'href="mailto:alex.example@example.gov.uk"' in html, page.name


def test_the_starter_and_the_default_outline_have_a_contact(repo_root: Path) -> None:
    assert "\ncontact: " in STARTER
    assert "\ncontact: " in (repo_root / "outline.yaml").read_text(encoding="utf-8")
