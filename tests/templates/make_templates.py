"""Helpers (not tests) that make organisation templates of different origins in a folder.

Each function writes one template and returns its path:

- `python_pptx_default`: python-pptx's own default template (4:3, Calibri, 11 layouts)
  saved as it is, with two example slides that a build must remove;
- `libreoffice_saved`: that file opened and saved again by LibreOffice, which renames
  and reshapes the layouts the way it always does;
- `google_like`: shaped like a Google Slides export: 10 x 5.625 in, layouts named
  ``TITLE``, ``TITLE_AND_BODY``..., some without a title placeholder, Arial, a few slides;
- `potx`: the python-pptx default saved as a PowerPoint template (.potx);
- `example_branding`: python-pptx's default with its logo and colour band only on an
  example slide;
- `text_box_cover`: a cover whose title and subtitle are plain text boxes;
- `department_like`: python-pptx's default restyled as a department's brand: Calibri,
  a grey dark colour, a green first accent on which white passes for the slides' large
  text but fails for a document's small print (as many brand greens do), a red second
  accent.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches

PRESENTATION_TYPE = (
    b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")
TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"

EXAMPLE_TEXTS = (
    "Quarterly results example slide",
    "Delete this placeholder slide before use",
    "Google example agenda slide",
)
"""Text on the templates' own example slides: none of it may reach a built deck."""

GOOGLE_SIZE = (Inches(10), Inches(5.625))
GOOGLE_FONT = "Arial"
GOOGLE_LAYOUTS = {
    # python-pptx layout name -> Google Slides export name
    "Title Slide": "TITLE",
    "Title and Content": "TITLE_AND_BODY",
    "Section Header": "SECTION_HEADER",
    "Two Content": "TITLE_AND_TWO_COLUMNS",
    "Title Only": "TITLE_ONLY",
    "Content with Caption": "ONE_COLUMN_TEXT",
    "Picture with Caption": "MAIN_POINT",
    "Blank": "BLANK",
}
GOOGLE_WITHOUT_TITLE = ("ONE_COLUMN_TEXT", "MAIN_POINT")
GOOGLE_COLOURS = {"dk1": "000000", "lt1": "FFFFFF", "dk2": "595959", "lt2": "EEEEEE",
                  "accent1": "1967D2", "hlink": "1155CC"}


def _add_example_slides(prs: object, texts: tuple[str, ...]) -> None:
    """Add one slide per text on the first layout with a title (the template's examples)."""
    layout = next(lay for lay in prs.slide_layouts  # type: ignore[attr-defined]
                  if any(ph.placeholder_format.type is not None
                         and "TITLE" in str(ph.placeholder_format.type)
                         for ph in lay.placeholders))
    for text in texts:
        slide = prs.slides.add_slide(layout)  # type: ignore[attr-defined]
        slide.shapes.title.text = text
        for ph in slide.placeholders:
            if ph.placeholder_format.idx != 0 and ph.has_text_frame:
                ph.text_frame.text = f"{text}: body"


def python_pptx_default(folder: Path, name: str = "pptx-default.pptx") -> Path:
    """Save python-pptx's default template with two example slides; return its path."""
    prs = Presentation()
    _add_example_slides(prs, EXAMPLE_TEXTS[:2])
    path = folder / name
    prs.save(str(path))
    return path


def libreoffice_saved(folder: Path, soffice: str, name: str = "libreoffice.pptx") -> Path:
    """Convert the python-pptx default (with its slides) with LibreOffice; return the path."""
    work = folder / "libreoffice-work"
    out = work / "out"
    out.mkdir(parents=True, exist_ok=True)
    source = python_pptx_default(work, "source.pptx")
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{work / 'profile'}",
         "--convert-to", "pptx", "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=240)
    path = folder / name
    shutil.move(out / "source.pptx", path)
    return path


def _scale_shapes(element: etree._Element, sx: float, sy: float) -> None:
    """Scale every shape position and size of a master or layout, for a new slide size."""
    for xfrm in element.iter(qn("a:xfrm")):
        off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
        if off is not None:
            off.set("x", str(round(int(off.get("x")) * sx)))
            off.set("y", str(round(int(off.get("y")) * sy)))
        if ext is not None:
            ext.set("cx", str(round(int(ext.get("cx")) * sx)))
            ext.set("cy", str(round(int(ext.get("cy")) * sy)))


def _theme_part(prs: object) -> object:
    master = prs.slide_masters[0]  # type: ignore[attr-defined]
    return next(rel.target_part for rel in master.part.rels.values()
                if rel.reltype.endswith("/theme"))


def _restyle_theme(prs: object, font: str, colours: dict[str, str], name: str) -> None:
    """Set the theme's Latin fonts and some colour slots, as Google Slides writes them."""
    part = _theme_part(prs)
    root = etree.fromstring(part.blob)  # type: ignore[attr-defined]
    root.set("name", name)
    for latin in root.iterfind(f".//{qn('a:fontScheme')}/*/{qn('a:latin')}"):
        latin.set("typeface", font)
    scheme = root.find(f".//{qn('a:clrScheme')}")
    scheme.set("name", name)
    for slot, value in colours.items():
        element = scheme.find(qn(f"a:{slot}"))
        for child in list(element):
            element.remove(child)
        etree.SubElement(element, qn("a:srgbClr"), val=value)
    part._blob = etree.tostring(root, xml_declaration=True,  # type: ignore[attr-defined]
                                encoding="UTF-8", standalone=True)


def google_like(folder: Path, name: str = "google-slides.pptx") -> Path:
    """Make a template shaped like a Google Slides export; return its path.

    The slide is 10 x 5.625 in (16:9) with every master and layout shape scaled to
    it; layouts carry Google's names, ``ONE_COLUMN_TEXT`` and ``MAIN_POINT`` have no
    title placeholder, content placeholders are plain ``body`` ones, the theme font
    is Arial, and three example slides are left in.
    """
    prs = Presentation()
    sx = GOOGLE_SIZE[0] / prs.slide_width
    sy = GOOGLE_SIZE[1] / prs.slide_height
    prs.slide_width, prs.slide_height = Emu(GOOGLE_SIZE[0]), Emu(GOOGLE_SIZE[1])
    _scale_shapes(prs.slide_masters[0]._element, sx, sy)
    for layout in list(prs.slide_layouts):
        if layout.name not in GOOGLE_LAYOUTS:
            prs.slide_layouts.remove(layout)
            continue
        layout.name = GOOGLE_LAYOUTS[layout.name]
        _scale_shapes(layout._element, sx, sy)
        for shape in list(layout.placeholders):
            ph = shape._element.ph
            kind = ph.get("type", "obj")
            untitled = layout.name in GOOGLE_WITHOUT_TITLE and kind in ("title", "ctrTitle")
            if untitled or kind == "pic":  # no title here; no picture placeholders at all
                shape._element.getparent().remove(shape._element)
            elif kind == "obj":
                ph.set("type", "body")
    by_name = {layout.name: layout for layout in prs.slide_layouts}
    main_point = by_name["MAIN_POINT"]
    for shape in main_point.placeholders:  # one large statement box under a free band
        if shape.placeholder_format.idx == 2:
            shape.left, shape.top = Inches(0.6), Inches(1.3)
            shape.width, shape.height = Inches(8.8), Inches(3.4)
    _restyle_theme(prs, GOOGLE_FONT, GOOGLE_COLOURS, "Simple Light")
    _add_example_slides(prs, EXAMPLE_TEXTS)
    path = folder / name
    prs.save(str(path))
    return path


DEPARTMENT_FONT = "Calibri"
DEPARTMENT_COLOURS = {"dk1": "0B0C0C", "lt1": "FFFFFF", "dk2": "4D4D4D", "lt2": "F2F2F2",
                      "accent1": "008A76", "accent2": "D4351C", "hlink": "1D70B8"}


def department_like(folder: Path, name: str = "department.pptx") -> Path:
    """Make python-pptx's default template in a department's colours and font (see the
    module's docstring); return its path."""
    prs = Presentation()
    _restyle_theme(prs, DEPARTMENT_FONT, DEPARTMENT_COLOURS, "Department")
    path = folder / name
    prs.save(str(path))
    return path


def in_font(folder: Path, font: str, name: str = "in-font.pptx",
            heading: str | None = None) -> Path:
    """Make the department template (see `department_like`) with its theme fonts set to
    ``font`` (its heading font to ``heading`` when given); return its path."""
    prs = Presentation()
    _restyle_theme(prs, font, DEPARTMENT_COLOURS, "Department")
    if heading:
        part = _theme_part(prs)
        root = etree.fromstring(part.blob)  # type: ignore[attr-defined]
        root.find(f".//{qn('a:majorFont')}/{qn('a:latin')}").set("typeface", heading)
        part._blob = etree.tostring(root, xml_declaration=True,  # type: ignore[attr-defined]
                                    encoding="UTF-8", standalone=True)
    path = folder / name
    prs.save(str(path))
    return path


def potx(folder: Path, name: str = "pptx-default.potx") -> Path:
    """Save the python-pptx default (with its slides) as a .potx template; return its path."""
    source = python_pptx_default(folder, "potx-source.pptx")
    out = io.BytesIO()
    with zipfile.ZipFile(source) as package, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in package.infolist():
            body = package.read(info.filename)
            if info.filename == "[Content_Types].xml":
                assert PRESENTATION_TYPE in body
                body = body.replace(PRESENTATION_TYPE, TEMPLATE_TYPE)
            target.writestr(info, body)
    source.unlink()
    path = folder / name
    path.write_bytes(out.getvalue())
    return path


BRAND_SLIDE_TITLE = "Our priorities"
BRAND_WORDS = "Example words on the brand slide"


def example_branding(folder: Path, name: str = "example-branding.pptx") -> Path:
    """Make a template whose branding lives only on its example slides; return its path.

    python-pptx's default layouts (no pictures or shapes of their own) and two
    example slides: the first, titled `BRAND_SLIDE_TITLE` on "Title and Content",
    carries a logo picture, a colour band (a rectangle without text) and a text box
    with `BRAND_WORDS`; the second, on "Title Only", a rectangle.
    """
    from PIL import Image
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = BRAND_SLIDE_TITLE
    logo = io.BytesIO()
    Image.new("RGB", (60, 30), (200, 16, 46)).save(logo, format="PNG")
    logo.seek(0)
    slide.shapes.add_picture(logo, Inches(8.6), Inches(0.1), Inches(1.2), Inches(0.6))
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, Inches(7.2), Inches(10), Inches(0.3))
    band.fill.solid()
    band.fill.fore_color.rgb = RGBColor(0x00, 0x5E, 0xB8)
    slide.shapes.add_textbox(Inches(1), Inches(6.5), Inches(6), Inches(0.5)).text = BRAND_WORDS
    other = prs.slides.add_slide(prs.slide_layouts[5])
    other.shapes.title.text = "Another example"
    other.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Inches(0.3), Inches(7.5))
    path = folder / name
    prs.save(str(path))
    return path


STAND_IN_WORDS = ("Title", "Subtitle goes here")


def text_box_cover(folder: Path, name: str = "text-box-cover.pptx") -> Path:
    """Make a template whose cover has text boxes named "Title 1" and "Subtitle 2"
    holding `STAND_IN_WORDS` instead of title and subtitle placeholders; return its path."""
    prs = Presentation()
    cover = prs.slide_layouts[0]
    for shape in list(cover.placeholders):
        if shape.placeholder_format.idx in (0, 1):
            shape._element.getparent().remove(shape._element)
    tree = cover.shapes._spTree
    for n, (words, top) in enumerate(zip(STAND_IN_WORDS, (Inches(2), Inches(4)), strict=True), 1):
        kind = "Title" if n == 1 else "Subtitle"
        tree.append(etree.fromstring(
            f'<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
            f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:nvSpPr>'
            f'<p:cNvPr id="{20 + n}" name="{kind} {n}"/><p:cNvSpPr txBox="1"/><p:nvPr '
            f'userDrawn="1"/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{Inches(1)}" y="{top}"/>'
            f'<a:ext cx="{Inches(8)}" cy="{Inches(1.5)}"/></a:xfrm><a:prstGeom prst="rect">'
            f'<a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r>'
            f'<a:t>{words}</a:t></a:r></a:p></p:txBody></p:sp>'))
    path = folder / name
    prs.save(str(path))
    return path


def tiny_picture(folder: Path, name: str = "tiny-picture.pptx", title_only: bool = False
                 ) -> Path:
    """Make python-pptx's default template whose only picture layout ("Picture with
    Caption", its title at the foot) has a picture placeholder 1 x 0.7 in; without its
    Title Only layout unless ``title_only``; return its path."""
    prs = Presentation()
    for layout in list(prs.slide_layouts):
        if layout.name == "Title Only" and not title_only:
            prs.slide_layouts.remove(layout)
        elif layout.name == "Picture with Caption":
            for shape in layout.placeholders:
                if shape._element.ph.get("type") == "pic":
                    shape.left, shape.top = Inches(4.5), Inches(2)
                    shape.width, shape.height = Inches(1), Inches(0.7)
    path = folder / name
    prs.save(str(path))
    return path


MAKERS = {
    "python-pptx": python_pptx_default,
    "libreoffice": libreoffice_saved,
    "google": google_like,
    "potx": potx,
}
"""Each template origin and the function that makes it (LibreOffice's needs ``soffice``)."""


def make(kind: str, folder: Path, soffice: str | None = None) -> Path:
    """Make the template of origin ``kind`` in ``folder``; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "libreoffice":
        assert soffice is not None, "LibreOffice is needed to make this template"
        return libreoffice_saved(folder, soffice)
    return MAKERS[kind](folder)


def drop_scratch_slide(prs: object) -> None:
    """Remove the first slide of ``prs``: the scratch slide a test drew shapes on to copy
    them onto a layout (python-pptx makes shapes only on slides)."""
    slides = prs.slides._sldIdLst  # type: ignore[attr-defined]
    prs.part.drop_rel(slides[0].rId)  # type: ignore[attr-defined]
    slides.remove(slides[0])
