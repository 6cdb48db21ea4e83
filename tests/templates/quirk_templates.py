"""Helpers (not tests) that make small templates with what real organisation
templates do, each a variation of python-pptx's default template:

- `styled_body`: the master's body style sets its own typeface, colour and bullet
  colour (`BODY_FONT`, `BODY_COLOUR`), not the theme's;
- `quote_with_caption`: a quote layout that sets the quote in its title placeholder;
- `dark_colour_map`: the master's colour map makes the background dark 1, the text light 1;
- `growing_body`: a body box a line tall that grows with its text, a logo under it;
- `picture_background`: a layout whose background is a full-slide dark picture;
- `huge_shape_ids`: shapes numbered with ids near the largest an id may be;
- `portuguese_names`: the layouts named in Portuguese, the section header's type ``secHead``.
- `unreadable_page_colours`: dark 1, dark 2 and the hyperlink colour unreadable on white.
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


DARK = "14213D"
"""The dark 1 colour of `dark_colour_map`: a navy the master's colour map makes the
background (bg1 = dk1), with light 1 (white) the text."""


def _theme_colours(prs: object, colours: dict[str, str]) -> None:
    """Set some colour slots of the template's theme; returns None."""
    master = prs.slide_masters[0]  # type: ignore[attr-defined]
    part = next(rel.target_part for rel in master.part.rels.values()
                if rel.reltype.endswith("/theme"))
    root = etree.fromstring(part.blob)
    scheme = root.find(f".//{qn('a:clrScheme')}")
    for slot, value in colours.items():
        element = scheme.find(qn(f"a:{slot}"))
        for child in list(element):
            element.remove(child)
        etree.SubElement(element, qn("a:srgbClr"), val=value)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                standalone=True)


def dark_colour_map(folder: Path, name: str = "dark-map.pptx") -> Path:
    """Make a template whose master's colour map swaps background and text
    (``bg1="dk1" tx1="lt1"``): every slide shows `DARK` with white text, though the
    theme's colours are the usual dark-on-light ones; return its path."""
    prs = Presentation()
    _theme_colours(prs, {"dk1": DARK, "lt1": "FFFFFF", "dk2": "0B1A33", "lt2": "DCE6F2"})
    clr_map = prs.slide_masters[0]._element.find(qn("p:clrMap"))
    clr_map.attrib.update({"bg1": "dk1", "tx1": "lt1", "bg2": "dk2", "tx2": "lt2"})
    path = folder / name
    prs.save(str(path))
    return path


GROWING_LINE_IN = 0.3
"""The height of `growing_body`'s body box, which grows with its text."""
LOGO_TOP_IN = 6.3
"""Where the logo under `growing_body`'s body box starts (inches from the top)."""


def growing_body(folder: Path, name: str = "growing-body.pptx") -> Path:
    """Make a template whose "Title and Content" body is a line `GROWING_LINE_IN` tall
    that grows with its text (``spAutoFit``, as Google Slides writes them), with a
    logo at `LOGO_TOP_IN` below it; return its path."""
    from pptx.util import Inches

    prs = Presentation()
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Title and Content")
    body = next(s for s in layout.placeholders if s.placeholder_format.idx == 1)
    body.left, body.top, body.width = Inches(0.5), Inches(1.75), Inches(9)  # all four,
    body.height = Inches(GROWING_LINE_IN)  # as the layout's own box had none
    body_pr = body._element.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}")
    for child in list(body_pr):
        body_pr.remove(child)
    etree.SubElement(body_pr, qn("a:spAutoFit"))
    layout.shapes._spTree.append(etree.fromstring(  # a logo: a filled shape without text
        '<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:nvSpPr>'
        '<p:cNvPr id="40" name="Logo"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{Inches(4)}" y="{Inches(LOGO_TOP_IN)}"/>'
        f'<a:ext cx="{Inches(2)}" cy="{Inches(0.8)}"/></a:xfrm><a:prstGeom prst="rect">'
        '<a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="005EB8"/></a:solidFill>'
        '</p:spPr></p:sp>'))
    path = folder / name
    prs.save(str(path))
    return path


def picture_background(folder: Path, name: str = "picture-background.pptx") -> Path:
    """Make a template whose "Title and Content" layout has a full-slide picture as
    its background (a dark photo-like picture), over the theme's white; the text
    stays the theme's dark 1, which is unreadable there; return its path."""
    import io

    from PIL import Image

    prs = Presentation()
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Title and Content")
    picture = Image.new("RGB", (160, 120), (20, 30, 45))
    for x in range(0, 160, 8):  # a little texture, as a photo has
        for y in range(0, 120, 8):
            picture.putpixel((x, y), (60, 70, 90))
    data = io.BytesIO()
    picture.save(data, format="PNG")
    _, r_id = layout.part.get_or_add_image_part(io.BytesIO(data.getvalue()))
    c_sld = layout._element.find(qn("p:cSld"))
    bg = etree.fromstring(
        '<p:bg xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<p:bgPr><a:blipFill dpi="0" rotWithShape="1"><a:blip r:embed="{r_id}"/>'
        '<a:srcRect/><a:stretch><a:fillRect/></a:stretch></a:blipFill><a:effectLst/>'
        '</p:bgPr></p:bg>')
    c_sld.insert(0, bg)
    path = folder / name
    prs.save(str(path))
    return path


HUGE_IDS = ("2147483647", "4294967294")


def huge_shape_ids(folder: Path, name: str = "huge-ids.pptx") -> Path:
    """Make a template whose master, layouts and example slide number their shapes
    with huge ids (`HUGE_IDS`, the last near the largest an id may be), as templates
    that went through some tools do; return its path."""
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Inches

    prs = Presentation()
    parts = [prs.slide_masters[0]._element, *(lay._element for lay in prs.slide_layouts)]
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Our priorities"
    slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, Inches(7.1), Inches(10), Inches(0.4))
    parts.append(slide._element)
    for element in parts:  # unique within each part, the group's own id 1 kept
        for n, node in enumerate(list(element.iter(qn("p:cNvPr")))[1:]):
            node.set("id", str(int(HUGE_IDS[n % 2]) - n))
    path = folder / name
    prs.save(str(path))
    return path


SECTION_NAME = "Cabeçalho da Seção"


def portuguese_names(folder: Path, name: str = "portuguese.pptx") -> Path:
    """Make a template with Portuguese layout names, as PowerPoint in Portuguese writes
    them; its section header (type ``secHead``) is `SECTION_NAME`; return its path."""
    names = {"Title Slide": "Slide de Título", "Title and Content": "Título e Conteúdo",
             "Section Header": SECTION_NAME, "Two Content": "Duas Partes de Conteúdo",
             "Comparison": "Comparação", "Title Only": "Somente Título", "Blank": "Em branco",
             "Content with Caption": "Conteúdo com Legenda",
             "Picture with Caption": "Imagem com Legenda",
             "Title and Vertical Text": "Título e Texto Vertical",
             "Vertical Title and Text": "Título Vertical e Texto"}
    prs = Presentation()
    for layout in prs.slide_layouts:
        layout.name = names[layout.name]
    path = folder / name
    prs.save(str(path))
    return path


def unreadable_page_colours(folder: Path, name: str = "page-colours.pptx") -> Path:
    """Make a template (after `styled_body`: bullets in `BODY_COLOUR`) whose dark 1 is a
    light blue, dark 2 white and hyperlink colour a pale teal, none readable on white
    paper, as real templates made for dark slides or by Google Slides have them;
    return its path."""
    path = styled_body(folder, name)
    prs = Presentation(str(path))
    _theme_colours(prs, {"dk1": "4285F4", "dk2": "FFFFFF", "hlink": "58C1BA",
                         "accent1": "1A237E"})
    prs.save(str(path))
    return path
