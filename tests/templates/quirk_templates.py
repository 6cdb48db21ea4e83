"""Helpers (not tests) that make small templates with what real organisation
templates do, each a variation of python-pptx's default template:

- `styled_body`: the master's body style sets its own typeface, colour and bullet
  colour (`BODY_FONT`, `BODY_COLOUR`), not the theme's;
- `quote_with_caption`: a quote layout that sets the quote in its title placeholder;
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn

BODY_FONT = "Georgia"
BODY_COLOUR = "7A1F5C"
BULLET_COLOUR = "C05A00"


def styled_body(folder: Path, name: str = "styled-body.pptx") -> Path:
    """Make a template whose master body style sets `BODY_FONT` and `BODY_COLOUR` at
    every level, and `BULLET_COLOUR` for bullets; return its path."""
    prs = Presentation()
    master = prs.slide_masters[0]._element
    style = master.find(f"{qn('p:txStyles')}/{qn('p:bodyStyle')}")
    for level in style:
        if not etree.QName(level).localname.startswith("lvl"):
            continue
        for old in level.findall(qn("a:buClr")):
            level.remove(old)
        bullet = etree.Element(qn("a:buClr"))
        etree.SubElement(bullet, qn("a:srgbClr"), val=BULLET_COLOUR)
        level.find(qn("a:buFont")).addprevious(bullet)  # in the schema's order
        props = level.find(qn("a:defRPr"))
        fill = props.find(qn("a:solidFill"))
        for child in list(fill):
            fill.remove(child)
        etree.SubElement(fill, qn("a:srgbClr"), val=BODY_COLOUR)
        props.find(qn("a:latin")).set("typeface", BODY_FONT)
    path = folder / name
    prs.save(str(path))
    return path


def quote_with_caption(folder: Path, name: str = "quote-caption.pptx") -> Path:
    """Make a template with a "Quote with Caption" layout shaped like PowerPoint's (and
    the US CDC template's): a custom layout whose large title box holds the quote,
    a line right under it (idx 14) who said it, and a caption box (idx 2) below;
    return its path."""
    from pptx.util import Inches

    prs = Presentation()
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Content with Caption")
    layout.name = "Quote with Caption"
    layout._element.attrib.pop("type", None)  # a custom layout, as PowerPoint's is
    boxes = {0: (0.9, 1.4, 8.2, 2.5), 1: (1.2, 3.95, 7.6, 0.37), 2: (0.8, 4.6, 8.4, 1.8)}
    for shape in layout.placeholders:
        ph = shape._element.ph
        if ph.idx not in boxes:
            continue
        x, y, w, h = boxes[ph.idx]
        if ph.idx == 1:  # the content box becomes the line for who said it
            ph.set("type", "body")
            ph.set("idx", "14")
        shape.left, shape.top, shape.width, shape.height = (
            Inches(x), Inches(y), Inches(w), Inches(h))
    path = folder / name
    prs.save(str(path))
    return path
