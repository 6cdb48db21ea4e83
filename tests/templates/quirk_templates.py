"""Helpers (not tests) that make small templates with what real organisation
templates do, each a variation of python-pptx's default template:

- `styled_body`: the master's body style sets its own typeface, colour and bullet
  colour (`BODY_FONT`, `BODY_COLOUR`), not the theme's;
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
