"""The deck writer: laid-out slides in, an editable .pptx out (python-pptx).

Titles go into title placeholders (screen readers and PowerPoint's checker read
them there), body text into the layout's body placeholders, tables and pictures
into the area under the title. Slide numbers, speaker notes and PowerPoint sections
are set here; the package-wide parts (theme, document properties, the zip written with
fixed dates so the same outline gives the same bytes) are in
`generator.writers.pptx.package`.
"""

from __future__ import annotations

import copy
from typing import BinaryIO

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.util import Emu

from generator.layout.frames import (
    UNNUMBERED_ROLES,
    PictureFrame,
    SlideLayout,
    TableFrame,
    TextFrame,
)
from generator.layout.geometry import EMU_PER_POINT, Box, LayoutGeometry, Placeholder
from generator.layout.roles import SYNTHETIC_TITLE, is_added_body
from generator.layout.text import Paragraph
from generator.look.colours import TABLE_BANDS, tint
from generator.look.template import (
    open_template,
    org_link_slot,
    org_text_slot,
    table_link_slot,
)
from generator.pack import Pack
from generator.writers.pptx.notes import write_notes
from generator.writers.pptx.package import (
    apply_theme,
    core_properties,
    reproducible_zip,
    view_properties,
)
from generator.writers.pptx.parts import SlideMaker, package_entries
from generator.writers.pptx.patterns import apply as apply_pattern
from generator.writers.pptx.patterns import capture, drop_stand_ins
from generator.writers.pptx.sections import write_sections
from generator.writers.pptx.text import fill_text_body, inherit_list_style

_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_TONE_COLOUR = {"text": "tx1", "muted": "accent5", "inverse": "bg1"}
_ORG_TONE_COLOUR = {**_TONE_COLOUR, "muted": "tx2"}
"""An organisation's accent 5 is no text colour: muted text there takes dark 2."""
_DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
_DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"


def _emu(points: float) -> Emu:
    return Emu(round(points * EMU_PER_POINT))


def _place(shape: object, box: Box) -> None:
    shape.left, shape.top = _emu(box.x), _emu(box.y)  # type: ignore[attr-defined]
    shape.width, shape.height = _emu(box.w), _emu(box.h)  # type: ignore[attr-defined]


def _relater(slide: object):
    def relate(url: str) -> str:
        return slide.part.relate_to(url, RT.HYPERLINK, is_external=True)  # type: ignore[attr-defined]
    return relate


def _text_frame(slide: object, frame: TextFrame, language: str, dark: bool = True,
                tones: dict[str, str] = _TONE_COLOUR, layout: LayoutGeometry | None = None
                ) -> etree._Element:
    """Write one text frame into its placeholder, or into a text box added for it;
    return the shape's element.

    On an organisation's template (``layout`` read from it), added boxes and titles
    take the template colour that is readable on the layout's background, and a
    placeholder whose own colour is not readable there takes its ``recolour``.
    """
    free = is_added_body(frame.placeholder_idx)
    styles: list[etree._Element] = []
    if frame.placeholder_idx == SYNTHETIC_TITLE:
        shape = _title_placeholder(slide, frame)
    elif not free:
        shape = slide.placeholders[frame.placeholder_idx]  # type: ignore[attr-defined]
    else:
        shape = slide.shapes.add_textbox(0, 0, 0, 0)  # type: ignore[attr-defined]
        shape.name = f"{frame.slot.capitalize()} {shape.shape_id}"
    _place(shape, frame.box)
    tone = "text" if frame.tone == "inverse" and not dark else frame.tone  # light layout
    colour = tones.get(tone) if free else None
    link_colour = None
    if layout is not None and layout.colours:
        colour = org_text_slot(layout, frame, tones.get(tone, "tx1"))
        link_colour = org_link_slot(layout, frame)
        if free:  # an added body looks like the layout's own: its style, its colour
            own = next((p for p in layout.bodies() if not is_added_body(p.idx)), None)
            styles = _body_styles(slide, own)
            inherit_list_style(shape._element.txBody, styles)
            if own is not None and own.text_colour is not None:
                colour = own.recolour
    fill_text_body(shape._element.txBody, frame.text, frame.style, language=language,
                   align=frame.align, anchor=frame.anchor, numbered=frame.numbered,
                   number_from=frame.number_from, relate=_relater(slide), colour=colour,
                   gaps=frame.gaps, labels=frame.labels, link_colour=link_colour)
    if not free:
        _measured_case(shape)
    elif styles and any(_xpath(el, ".//a:defRPr[@cap='all' or @cap='small']") for el in styles):
        _keep_case(shape)  # the body style capitalises: the text stays as it was measured
    return shape._element


def _body_styles(slide: object, own: Placeholder | None) -> list[etree._Element]:
    """Return the text styles a body placeholder of ``slide``'s layout takes: the
    master's body style, then the layout placeholder's own list style (of ``own``)."""
    layout = slide.slide_layout  # type: ignore[attr-defined]
    styles = _xpath(layout.slide_master._element, "./p:txStyles/p:bodyStyle")
    if own is not None:
        for shape in layout.placeholders:
            if shape.placeholder_format.idx == own.idx:
                styles.extend(_xpath(shape._element, "./p:txBody/a:lstStyle"))
    return styles


def _reading_order(slide: object, elements: list[etree._Element]) -> None:
    """Put the shapes in the order their frames were laid out (title, label, then the
    content left to right): screen readers read a slide's shapes in this order."""
    tree = slide.shapes._spTree  # type: ignore[attr-defined]
    for element in elements:
        tree.remove(element)
        tree.insert_element_before(element, "p:extLst")


def _measured_case(shape: object) -> None:
    """Keep text in the case it was measured in where the template capitalises it.

    A template style with ``cap="all"`` (python-pptx's Section Header title has it)
    sets text wider than the layout measured, so it could run out of its box.
    """
    styles = []
    base = shape
    while True:
        try:
            base = base._base_placeholder  # type: ignore[attr-defined]
        except (AttributeError, NotImplementedError):
            break
        if base is None:
            break
        styles.append(base._element)
    master = shape.part.slide_layout.slide_master._element  # type: ignore[attr-defined]
    kind = shape._element.ph.get("type", "obj")  # type: ignore[attr-defined]
    style = "titleStyle" if kind in ("title", "ctrTitle") else "bodyStyle"
    styles.extend(_xpath(master, f"./p:txStyles/p:{style}"))
    if any(_xpath(el, ".//a:defRPr[@cap='all' or @cap='small']") for el in styles):
        _keep_case(shape)


def _keep_case(shape: object) -> None:
    """Set every run of ``shape`` in the case it was written (``cap="none"``)."""
    for run in _xpath(shape._element.txBody, ".//a:rPr | .//a:endParaRPr"):  # type: ignore[attr-defined]
        run.set("cap", "none")


def _xpath(element: etree._Element, path: str) -> list[etree._Element]:
    return etree._Element.xpath(element, path, namespaces={"a": _A, "p": _P})


def _cell_colours(cell: object, fill: str, text: str) -> None:
    """Fill a table cell with ``fill`` and set its text in ``text`` (both RRGGBB)."""
    tc = cell._tc  # type: ignore[attr-defined]
    pr = tc.get_or_add_tcPr()
    for old in pr.findall(qn("a:solidFill")):
        pr.remove(old)
    solid = etree.SubElement(pr, qn("a:solidFill"))
    etree.SubElement(solid, qn("a:srgbClr"), val=fill)
    pr.insert(0, solid)  # the fill comes before any other cell property but borders
    for props in tc.txBody.iter(qn("a:rPr"), qn("a:endParaRPr")):
        if props.find(qn("a:hlinkClick")) is not None:
            continue
        colour = etree.Element(qn("a:solidFill"))
        etree.SubElement(colour, qn("a:srgbClr"), val=text)
        props.insert(0, colour)


def _table(slide: object, frame: TableFrame, language: str,
           colours: tuple[str, str, str] | None = None,
           link_slot: str | None = None) -> etree._Element:
    """Write a table; with ``colours`` (header fill, header text, body text), its cells
    are filled with that fill (header, then body rows banded in a light tint of it and
    the background, `TABLE_BANDS`) rather than with accent 1. Links take the scheme
    slot ``link_slot`` where the template's hyperlink colour is not the theme's link."""
    rows, cols = len(frame.cells), len(frame.column_widths)
    graphic = slide.shapes.add_table(  # type: ignore[attr-defined]
        rows, cols, _emu(frame.box.x), _emu(frame.box.y), _emu(frame.box.w), _emu(frame.box.h))
    graphic.name = f"Table {graphic.shape_id}"
    graphic._element.nvGraphicFramePr.cNvPr.set("descr", frame.description)
    table = graphic.table
    table.first_row = frame.header
    table.horz_banding = False  # light bands of our own, below
    for index, width in enumerate(frame.column_widths):
        table.columns[index].width = _emu(width)
    for index, height in enumerate(frame.row_heights):
        table.rows[index].height = _emu(height)
    for r, row in enumerate(frame.cells):
        for c, fitted in enumerate(row):
            cell = table.cell(r, c)
            tx_body = cell._tc.get_or_add_txBody()
            fill_text_body(tx_body, fitted, frame.style, language=language,
                           relate=_relater(slide), link_colour=link_slot)
            if not (frame.header and r == 0):
                _band(cell, TABLE_BANDS[(r - 1 if frame.header else r) % 2])
            cell.margin_left = cell.margin_right = _emu(7.2)
            cell.margin_top = cell.margin_bottom = _emu(3.6)
            body_pr = tx_body.find(qn("a:bodyPr"))
            for key in ("lIns", "rIns", "tIns", "bIns", "anchor", "wrap", "rtlCol"):
                body_pr.attrib.pop(key, None)
            for child in list(body_pr):
                body_pr.remove(child)
            if colours is not None:
                header = frame.header and r == 0
                band = r - 1 if frame.header else r
                _cell_colours(cell, colours[0] if header else
                              tint(colours[0], TABLE_BANDS[band % 2]),
                              colours[1] if header else colours[2])
    return graphic._element


def _band(cell: object, share: float) -> None:
    """Fill a body cell with ``share`` of the header colour (accent 1), or the background."""
    tc_pr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    fill = etree.SubElement(tc_pr, qn("a:solidFill"))
    colour = etree.SubElement(fill, qn("a:schemeClr"), val="accent1" if share else "bg1")
    if share:
        etree.SubElement(colour, qn("a:tint"), val=str(round(share * 100000)))


def _picture(slide: object, frame: PictureFrame) -> etree._Element:
    """Add the picture to ``slide``; return its element."""
    picture = slide.shapes.add_picture(  # type: ignore[attr-defined]
        str(frame.path), _emu(frame.box.x), _emu(frame.box.y), _emu(frame.box.w),
        _emu(frame.box.h))
    c_nv_pr = picture._element.nvPicPr.cNvPr
    c_nv_pr.set("name", f"Picture {picture.shape_id}")
    if frame.decorative:
        c_nv_pr.attrib.pop("descr", None)
        ext_lst = c_nv_pr.find(qn("a:extLst"))
        if ext_lst is None:
            ext_lst = etree.SubElement(c_nv_pr, qn("a:extLst"))
        ext = etree.SubElement(ext_lst, qn("a:ext"), uri=_DECORATIVE_URI)
        mark = etree.SubElement(ext, f"{{{_DECORATIVE_NS}}}decorative",
                                nsmap={"adec": _DECORATIVE_NS})
        mark.set("val", "1")
    else:
        c_nv_pr.set("descr", frame.alt or "")
    return picture._element


def _slide_number(slide: object, layout: object, language: str) -> None:
    """Copy the layout's slide-number placeholder onto the slide, showing the number."""
    for shape in layout.placeholders:  # type: ignore[attr-defined]
        ph = shape._element.ph
        if ph is not None and ph.get("type") == "sldNum":
            element = copy.deepcopy(shape._element)
            for props in element.iter(qn("a:rPr"), qn("a:endParaRPr"), qn("a:defRPr")):
                props.set("lang", language)
            slide.shapes._spTree.append(element)  # type: ignore[attr-defined]
            ids = [int(x) for x in slide.shapes._spTree.xpath(".//p:cNvPr/@id")]  # type: ignore[attr-defined]
            element.nvSpPr.cNvPr.set("id", str(max(ids) + 1))
            return


def _colour_mapping(slide: object, layout: object) -> None:
    """Give the slide its layout's colour-map override (links stay readable on dark)."""
    override = layout._element.find(qn("p:clrMapOvr"))  # type: ignore[attr-defined]
    if override is None:
        return
    current = slide._element.find(qn("p:clrMapOvr"))  # type: ignore[attr-defined]
    replacement = copy.deepcopy(override)
    if current is not None:
        current.getparent().replace(current, replacement)
    else:
        slide._element.append(replacement)  # type: ignore[attr-defined]


def _remove_unused_placeholders(slide: object, used: set[int]) -> None:
    for shape in list(slide.placeholders):  # type: ignore[attr-defined]
        if shape.placeholder_format.idx not in used:
            shape._element.getparent().remove(shape._element)


def _title_placeholder(slide: object, frame: TextFrame) -> object:
    """Return a title placeholder added to a slide whose layout has none."""
    ids = [int(x) for x in slide.shapes._spTree.xpath(".//p:cNvPr/@id")]  # type: ignore[attr-defined]
    xml = (
        f'<p:sp xmlns:p="{_P}" xmlns:a="{_A}"><p:nvSpPr>'
        f'<p:cNvPr id="{max(ids, default=1) + 1}" name="Title {max(ids, default=1) + 1}"/>'
        '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr>'
        '</p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p/></p:txBody></p:sp>'
    )
    element = parse_xml(xml)  # python-pptx's element classes, so slide.placeholders works
    tree = slide.shapes._spTree  # type: ignore[attr-defined]
    tree.insert(2, element)
    return next(s for s in slide.placeholders  # type: ignore[attr-defined]
                if s._element is element)


def write_deck(pack: Pack, target: BinaryIO) -> None:
    """Write the pack's laid-out deck as a .pptx to ``target``; returns None.

    On the built-in template, the template's colours and fonts are set to the
    look's theme first; an organisation's template keeps its own."""
    deck, workshop, moment, look = pack.deck, pack.plan.workshop, pack.moment, pack.look
    prs = open_template(look.template_file)
    own_template = look.is_default_template
    if own_template:
        apply_theme(prs, look.theme)
    patterns = capture(prs, look.template.patterns)  # before the example slides go
    if not own_template:
        drop_stand_ins(prs)
    for slide_id in list(prs.slides._sldIdLst):
        prs.part.drop_rel(slide_id.rId)
        prs.slides._sldIdLst.remove(slide_id)
    by_name = {layout.name: layout for layout in prs.slide_layouts}
    maker = SlideMaker(prs)  # python-pptx's add_slide and notes_slide slow down as decks grow
    language = workshop.language
    tones = _TONE_COLOUR if own_template else _ORG_TONE_COLOUR
    theme = look.theme  # every table's own fills, so no program falls back on its style
    table_colours = (theme.table_header_fill, theme.table_header_text, theme.text)
    for laid in deck.slides:
        layout = by_name[laid.layout.name]
        slide = maker.add_slide(layout)
        if laid.role in patterns:
            apply_pattern(slide, patterns[laid.role])
        used: set[int] = set()
        elements: list[etree._Element] = []
        for frame in laid.frames:
            if isinstance(frame, TextFrame):
                elements.append(_text_frame(slide, frame, language, laid.layout.dark, tones,
                                            laid.layout))
                if frame.placeholder_idx == SYNTHETIC_TITLE:
                    used.add(0)  # the added title placeholder has idx 0
                elif not is_added_body(frame.placeholder_idx):
                    used.add(frame.placeholder_idx)
            elif isinstance(frame, TableFrame):
                elements.append(_table(slide, frame, language, table_colours,
                                       table_link_slot(laid.layout, theme.link)))
            elif isinstance(frame, PictureFrame):
                elements.append(_picture(slide, frame))
        _reading_order(slide, elements)
        _remove_unused_placeholders(slide, used)
        if laid.role not in UNNUMBERED_ROLES:
            _slide_number(slide, layout, language)
        _colour_mapping(slide, layout)
        if laid.notes:
            maker.notes_slide(slide)
            write_notes(slide, laid.notes, language)
        maker.finish(slide)  # keeps its bytes, not its XML tree: big decks fit in memory
    write_sections(prs, deck.slides, deck.words)
    view_properties(prs)
    core_properties(prs, workshop, moment, deck.words)
    notes = sum(1 for laid in deck.slides if laid.notes)
    # The package zipped once, straight from the parts (not saved, then zipped again).
    reproducible_zip(package_entries(prs), target, moment, (len(deck.slides), notes))


def slide_title(laid: SlideLayout) -> str:
    """Return the text in a laid-out slide's title placeholder."""
    title = laid.frames[0]
    assert isinstance(title, TextFrame)
    return " ".join(
        span.text for p in title.text.paragraphs for line in p.lines for span in line.spans
    )


__all__ = ["Paragraph", "slide_title", "write_deck"]
