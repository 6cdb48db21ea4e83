"""The handout and guide set an organisation's text in its template's colours, but
only in ones readable on white paper: the colour of its slides' bullets before a
light dark 1, an accent before a white dark 2, and an accent before a pale
hyperlink colour."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from generator.build import build
from generator.look.colours import contrast_ratio
from generator.look.template import read_template
from generator.options import BuildOptions
from tests.templates.quirk_templates import BODY_COLOUR, unreadable_page_colours

OUTLINE = """\
title: Small session
theme: page-colours.pptx
sections:
  - title: Part one
    slides:
      - title: Sources
        bullets:
          - Read the guidance at https://www.example.gov.uk/guidance first
          - Bring your own examples
        handout: More at https://www.example.gov.uk/more and in the notes.
"""


def test_page_colours_come_from_the_template_and_read_on_white(tmp_path: Path) -> None:
    theme = read_template(unreadable_page_colours(tmp_path)).theme
    assert theme.text == BODY_COLOUR  # what its bullets are set in, not dark 1's blue
    assert theme.heading == theme.link == "1A237E"  # accent 1, not white or pale teal
    for colour in (theme.text, theme.heading, theme.muted, theme.link):
        assert contrast_ratio(colour, theme.background) >= 4.5, colour


def _hex(colour: object) -> str | None:
    """Return a pdfplumber fill colour as RRGGBB, None when it is not RGB or grey."""
    if isinstance(colour, tuple) and len(colour) == 3:
        return "".join(f"{round(v * 255):02X}" for v in colour)
    if isinstance(colour, tuple) and len(colour) == 1:
        return f"{round(colour[0] * 255):02X}" * 3
    return None


def test_the_handout_and_guide_text_reads_on_white(tmp_path: Path) -> None:
    theme = read_template(unreadable_page_colours(tmp_path)).theme
    assert contrast_ratio(theme.table_header_text, theme.table_header_fill) >= 4.5
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    options = BuildOptions(outputs=("handout", "guide"), output_dir=tmp_path / "out")
    for pdf_path in build(outline, options).written:
        with pdfplumber.open(pdf_path) as pdf:
            colours = {_hex(c["non_stroking_color"]) for page in pdf.pages
                       for c in page.chars if c["text"].strip()}
        colours -= {None, theme.table_header_text}  # on the header fill, checked above
        assert colours, pdf_path
        for colour in colours:
            assert contrast_ratio(colour, "FFFFFF") >= 4.5, (pdf_path.name, colour)
