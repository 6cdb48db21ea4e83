"""A template's "Quote with Caption" layout used as designed: the quote in its large
title placeholder, who said it in the line under it, the caption box left out."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from generator.build import build
from generator.options import BuildOptions
from generator.template_report import template_facts

from .quirk_templates import quote_with_caption

OUTLINE = """\
title: Small session
theme: quote-caption.pptx
sections:
  - title: Start
    minutes: 10
    slides:
      - title: One thing
        bullets: [A point]
      - quote: Less, but better.
        by: Dieter Rams
"""


def test_a_quote_goes_in_the_quote_layouts_title_and_who_said_it_under_it(
        tmp_path: Path) -> None:
    template = quote_with_caption(tmp_path)
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out"))
    prs = Presentation(str(next((tmp_path / "out").glob("*.pptx"))))
    slide = next(s for s in prs.slides if "Less, but better." in
                 " ".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame))
    assert slide.slide_layout.name == "Quote with Caption"
    by_idx = {sh.placeholder_format.idx: sh for sh in slide.placeholders}
    assert by_idx[0].text_frame.text == "Less, but better."  # the layout draws the marks
    assert by_idx[0].top >= 0  # on the slide, not a hidden title above it
    assert by_idx[14].text_frame.text == "— Dieter Rams"
    assert 2 not in by_idx  # the caption box is left out
    assert not [sh for sh in slide.shapes if not sh.is_placeholder and sh.has_text_frame]
    facts = template_facts(template)
    quote = next(r for r in facts["roles"] if r["role"] == "quote")
    assert quote["layout"] == "Quote with Caption" and quote["verdict"] == "works"
