"""Boxes make-deck adds to a layout (the third column on a two-column layout) take
the template's body style, as its own placeholders do: the master's typeface,
colour and bullet colour, not a text box's defaults."""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from pptx import Presentation

from generator.build import build
from generator.options import BuildOptions
from tests.ooxml import NS

from .quirk_templates import BODY_COLOUR, BODY_FONT, BULLET_COLOUR, styled_body

OUTLINE = """\
title: Small session
theme: styled-body.pptx
sections:
  - title: Start
    minutes: 10
    slides:
      - title: Three ways
        columns:
          - heading: First
            bullets: [One point, Another point]
          - heading: Second
            bullets: [One point, Another point]
          - heading: Third
            bullets: [One point, Another point]
"""


def _xpath(element: etree._Element, path: str) -> list[etree._Element]:
    return etree._Element.xpath(element, path, namespaces=NS)


def _first(element: etree._Element, path: str) -> etree._Element | None:
    found = _xpath(element, path)
    return found[0] if found else None


def _effective(shape: object, master: etree._Element, path: str) -> etree._Element | None:
    """Return what a free text box's first bullet run takes for ``path`` (under
    ``a:rPr``/``a:defRPr``, or the paragraph's properties with ``ppr:``): its own
    properties, then its list style, then the master's style for other text."""
    element = shape._element  # type: ignore[attr-defined]
    paragraph = _xpath(element, ".//a:p[a:pPr/a:buChar]")[0]
    level = int(paragraph.find("a:pPr", NS).get("lvl", "0")) + 1
    if path.startswith("ppr:"):
        path = path[4:]
        chain = [paragraph.find("a:pPr", NS),
                 _first(element, f"./p:txBody/a:lstStyle/a:lvl{level}pPr"),
                 _first(master, f"./p:txStyles/p:otherStyle/a:lvl{level}pPr")]
    else:
        chain = [_first(paragraph, "./a:r/a:rPr"),
                 _first(element, f"./p:txBody/a:lstStyle/a:lvl{level}pPr/a:defRPr"),
                 _first(master, f"./p:txStyles/p:otherStyle/a:lvl{level}pPr/a:defRPr")]
    for props in chain:
        if props is not None and (found := _first(props, path)) is not None:
            return found
    return None


def test_an_added_column_takes_the_masters_body_style(tmp_path: Path) -> None:
    styled_body(tmp_path)
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out"))
    prs = Presentation(str(next((tmp_path / "out").glob("*.pptx"))))
    slide = next(s for s in prs.slides if s.shapes.title.text == "Three ways")
    master = slide.slide_layout.slide_master._element
    added = [s for s in slide.shapes if not s.is_placeholder and s.has_text_frame
             and "Third" in s.text_frame.text]
    assert len(added) == 1
    box = added[0]
    latin = _effective(box, master, "./a:latin")
    assert latin is not None and latin.get("typeface") == BODY_FONT
    colour = _effective(box, master, "./a:solidFill/*")
    assert colour is not None and colour.get("val") == BODY_COLOUR
    bullet = _effective(box, master, "ppr:./a:buClr/*")
    assert bullet is not None and bullet.get("val") == BULLET_COLOUR
    own = [s for s in slide.placeholders if "First" in s.text_frame.text]
    assert own and not _xpath(own[0]._element, ".//a:rPr/a:solidFill")
