"""Helpers (not tests) that make small templates drawing their own artwork where
make-deck sets text, each a variation of python-pptx's default template:

- `seal_cover`: a cover without placeholders (text boxes stand in for its title and
  subtitle) with a picture across the middle of the subtitle's box (`SEAL`);
- `freeform_arrows`: the content layout draws one freeform the size of the slide:
  a frame round the slide and arrows in its lower right corner (`ARROWS`);
- `labelled_logo`: the content layout draws a logo in its lower right corner with a
  small text label above it (`LABEL`, `LOGO`).

Boxes are in points (the slide is 720 by 540).
"""

from __future__ import annotations

import io
from pathlib import Path

from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.util import Pt

from generator.layout.geometry import Box

SEAL = Box(108, 190, 504, 120)
ARROWS = Box(600, 380, 84, 140)
LABEL = Box(576, 403, 108, 22)
LOGO = Box(576, 425, 108, 86)
_NS = ('xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"')


def _png(colour: tuple[int, int, int]) -> io.BytesIO:
    data = io.BytesIO()
    Image.new("RGB", (40, 20), colour).save(data, "PNG")
    data.seek(0)
    return data


def _text_box(shape_id: int, name: str, box: Box, words: str) -> etree._Element:
    return etree.fromstring(
        f'<p:sp {_NS}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/>'
        f'<p:cNvSpPr txBox="1"/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr><a:xfrm>'
        f'<a:off x="{Pt(box.x)}" y="{Pt(box.y)}"/><a:ext cx="{Pt(box.w)}" cy="{Pt(box.h)}"/>'
        f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody>'
        f'<a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>{words}</a:t></a:r></a:p></p:txBody></p:sp>')


def _picture(layout: object, colour: tuple[int, int, int], box: Box, shape_id: int) -> None:
    """Draw a plain picture of ``colour`` at ``box`` on ``layout``."""
    _, rid = layout.part.get_or_add_image_part(_png(colour))  # type: ignore[attr-defined]
    layout.shapes._spTree.append(etree.fromstring(  # type: ignore[attr-defined]
        f'<p:pic {_NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships"><p:nvPicPr><p:cNvPr id="{shape_id}" name="Picture {shape_id}"/>'
        f'<p:cNvPicPr/><p:nvPr userDrawn="1"/></p:nvPicPr><p:blipFill><a:blip r:embed="{rid}"/>'
        f'<a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm>'
        f'<a:off x="{Pt(box.x)}" y="{Pt(box.y)}"/><a:ext cx="{Pt(box.w)}" cy="{Pt(box.h)}"/>'
        f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'))


def seal_cover(folder: Path, name: str = "seal-cover.pptx") -> Path:
    """Make a template whose cover has text boxes for its title (at the top) and its
    subtitle (most of the slide below it), and a picture `SEAL` across the middle of
    the subtitle's box; return its path."""
    prs = Presentation()
    cover = prs.slide_layouts[0]
    for shape in list(cover.placeholders):
        shape._element.getparent().remove(shape._element)
    tree = cover.shapes._spTree
    tree.append(_text_box(21, "Title 1", Box(36, 30, 648, 120), "Title"))
    tree.append(_text_box(22, "Subtitle 2", Box(36, 160, 648, 320), "Subtitle goes here"))
    _picture(cover, (150, 20, 30), SEAL, 23)
    path = folder / name
    prs.save(str(path))
    return path


def _arrow(x: int, top: int, bottom: int) -> str:
    """Return the path commands of an arrow pointing up (a shaft and two barbs), in
    the freeform's 21600 by 21600 units."""
    return (f'<a:moveTo><a:pt x="{x}" y="{bottom}"/></a:moveTo><a:lnTo><a:pt x="{x}" '
            f'y="{top}"/></a:lnTo><a:lnTo><a:pt x="{x - 300}" y="{top + 600}"/></a:lnTo>'
            f'<a:moveTo><a:pt x="{x}" y="{top}"/></a:moveTo><a:lnTo><a:pt x="{x + 300}" '
            f'y="{top + 600}"/></a:lnTo>')


def freeform_arrows(folder: Path, name: str = "freeform-arrows.pptx",
                    layouts: tuple[str, ...] = ("Title and Content",)) -> Path:
    """Make a template whose "Title and Content" layout (or each of ``layouts``) draws
    one freeform as large as the slide: a frame round its edges and three arrows in
    `ARROWS`; return its path."""
    prs = Presentation()
    for layout in (lay for lay in prs.slide_layouts if lay.name in layouts):
        _draw_arrows(layout)
    path = folder / name
    prs.save(str(path))
    return path


def _draw_arrows(layout: object) -> None:
    """Draw on ``layout`` one freeform as large as the slide: a frame and the arrows."""
    units = 21600 / 720
    left, right = round((ARROWS.x + 8) * units), round((ARROWS.right - 8) * units)
    top, bottom = round(ARROWS.y * units * 720 / 540), round(ARROWS.bottom * units * 720 / 540)
    arrows = "".join(_arrow(x, top, bottom) for x in (left, (left + right) // 2, right))
    frame = ('<a:moveTo><a:pt x="200" y="200"/></a:moveTo><a:lnTo><a:pt x="21400" y="200"/>'
             '</a:lnTo><a:lnTo><a:pt x="21400" y="21400"/></a:lnTo><a:lnTo><a:pt x="200" '
             'y="21400"/></a:lnTo><a:close/>')
    layout.shapes._spTree.append(etree.fromstring(  # type: ignore[attr-defined]
        f'<p:sp {_NS}><p:nvSpPr><p:cNvPr id="30" name="Shape"/><p:cNvSpPr/>'
        f'<p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{Pt(720)}" cy="{Pt(540)}"/></a:xfrm><a:custGeom><a:avLst/><a:gdLst/>'
        f'<a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst>'
        f'<a:path w="21600" h="21600">{frame}{arrows}</a:path></a:pathLst></a:custGeom>'
        f'<a:noFill/><a:ln w="12700"><a:solidFill><a:srgbClr val="2A9D8F"/></a:solidFill>'
        f'</a:ln></p:spPr></p:sp>'))


def labelled_logo(folder: Path, name: str = "labelled-logo.pptx") -> Path:
    """Make a template whose "Title and Content" layout draws a logo picture at `LOGO`
    with a small text box `LABEL` ("Honolulu") right above it; return its path."""
    prs = Presentation()
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Title and Content")
    _picture(layout, (240, 150, 0), LOGO, 32)
    layout.shapes._spTree.append(_text_box(31, "TextBox 8", LABEL, "Honolulu"))
    path = folder / name
    prs.save(str(path))
    return path
