"""Write fitted text into PowerPoint text bodies (DrawingML), exactly as laid out.

Every paragraph gets explicit line spacing and space-before in points, explicit
run sizes and language, and explicit line breaks where the layout broke an
overlong word, so PowerPoint and LibreOffice both show what the layout measured.
Autofit is off: nothing is left to the renderer's judgement.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from lxml import etree
from pptx.oxml.ns import qn

from generator.layout.frames import INSET_X, INSET_Y
from generator.layout.geometry import EMU_PER_POINT
from generator.layout.text import FittedText, TextStyle, paragraph_indent, paragraph_runs
from generator.markup import Span

LinkRelater = Callable[[str], str]

_ANCHOR = {"t": "t", "ctr": "ctr", "b": "b"}


def _emu(points: float) -> str:
    return str(round(points * EMU_PER_POINT))


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, qn(tag))
    for key, value in attrs.items():
        element.set(key, value)
    return element


def set_body_properties(body_pr: etree._Element, anchor: str) -> None:
    """Set insets, wrapping and anchoring on ``a:bodyPr``; switch autofit off."""
    for child in list(body_pr):
        if etree.QName(child).localname in ("normAutofit", "spAutoFit", "noAutofit"):
            body_pr.remove(child)
    body_pr.set("wrap", "square")
    body_pr.set("lIns", _emu(INSET_X))
    body_pr.set("rIns", _emu(INSET_X))
    body_pr.set("tIns", _emu(INSET_Y))
    body_pr.set("bIns", _emu(INSET_Y))
    body_pr.set("anchor", _ANCHOR.get(anchor, "t"))
    body_pr.set("rtlCol", "0")
    no_autofit = etree.Element(qn("a:noAutofit"))
    body_pr.insert(0, no_autofit)


HYPERLINK_COLOUR_EXT = "{A12FA001-AC4F-418D-AE19-62706E023703}"
"""The extension by which PowerPoint draws a hyperlink in its run's own colour."""
HYPERLINK_COLOUR_NS = "http://schemas.microsoft.com/office/drawing/2018/hyperlinkcolor"


def _run_properties(parent: etree._Element, tag: str, span: Span | None, size: float,
                    language: str, relate: LinkRelater | None,
                    colour: str | None = None, link_colour: str | None = None
                    ) -> etree._Element:
    lang = span.lang if span is not None and span.lang else language
    props = _sub(parent, tag, lang=lang, sz=str(round(size * 100)), dirty="0")
    if span is not None:
        props.set("b", "1" if span.bold else "0")
        props.set("i", "1" if span.italic else "0")
    linked = span is not None and bool(span.href)
    if colour is not None and not linked:
        _sub(_sub(props, "a:solidFill"), "a:schemeClr", val=colour)
    if linked and link_colour is not None:  # the template's hyperlink colour is unreadable
        _sub(_sub(props, "a:solidFill"), "a:schemeClr", val=link_colour)
    if span is not None and span.href and relate is not None:
        link = _sub(props, "a:hlinkClick")
        link.set(qn("r:id"), relate(span.href))
        if link_colour is not None:
            ext = _sub(_sub(link, "a:extLst"), "a:ext", uri=HYPERLINK_COLOUR_EXT)
            etree.SubElement(ext, f"{{{HYPERLINK_COLOUR_NS}}}hlinkClr",
                             nsmap={"ahyp": HYPERLINK_COLOUR_NS}).set("val", "tx")
    return props


def fill_text_body(
    tx_body: etree._Element, fitted: FittedText, style: TextStyle, *, language: str,
    align: str = "l", anchor: str = "t", numbered: bool = False, number_from: int = 1,
    relate: LinkRelater | None = None, colour: str | None = None,
    gaps: tuple[float, ...] = (), labels: tuple[tuple[Span, ...], ...] = (),
    link_colour: str | None = None,
) -> None:
    """Replace the paragraphs of ``p:txBody``/``a:txBody`` with ``fitted``'s, as laid out.

    ``colour`` names a theme colour slot (``tx1``, ``bg1``, ``accent5``) for the text;
    None leaves the colour to the placeholder's own style. ``link_colour`` names the
    slot for links where the theme's hyperlink colour would not be readable. ``gaps``
    adds space above paragraph *i*; ``labels`` puts paragraph *i*'s label in its
    hanging indent, then a tab to a stop at the text's margin (see `TextFrame`).
    """
    body_pr = tx_body.find(qn("a:bodyPr"))
    if body_pr is None:
        body_pr = etree.Element(qn("a:bodyPr"))
        tx_body.insert(0, body_pr)
    set_body_properties(body_pr, anchor)
    for paragraph in tx_body.findall(qn("a:p")):
        tx_body.remove(paragraph)
    size = fitted.size
    for index, fitted_paragraph in enumerate(fitted.paragraphs):
        p = _sub(tx_body, "a:p")
        para = fitted_paragraph.paragraph
        margin, hanging = paragraph_indent(para, size, style)
        ppr = _sub(p, "a:pPr", marL=_emu(margin), indent=_emu(-hanging), algn=align,
                   lvl=str(min(para.level, 8)))
        _sub(_sub(ppr, "a:lnSpc"), "a:spcPts", val=str(round(fitted.line_height * 100)))
        before = (0 if index == 0 else fitted.space_before) + \
            (gaps[index] if index < len(gaps) else 0.0)
        _sub(_sub(ppr, "a:spcBef"), "a:spcPts", val=str(round(before * 100)))
        _sub(_sub(ppr, "a:spcAft"), "a:spcPts", val="0")
        label = labels[index] if index < len(labels) else ()
        if label:
            _sub(ppr, "a:buNone")
            _sub(_sub(ppr, "a:tabLst"), "a:tab", pos=_emu(margin), algn="l")
        elif para.bullet and numbered:
            _sub(ppr, "a:buFont", typeface="+mj-lt")
            numbering = _sub(ppr, "a:buAutoNum", type="arabicPeriod")
            if number_from != 1:
                numbering.set("startAt", str(number_from))
        elif para.bullet:
            _sub(ppr, "a:buFont", typeface="Arial")
            _sub(ppr, "a:buChar", char="•" if para.level % 2 == 0 else "–")
        else:
            _sub(ppr, "a:buNone")
        last: Span | None = None
        for run in (*label, Span("\t")) if label else ():
            r = _sub(p, "a:r")
            _run_properties(r, "a:rPr", run, size, language, relate, colour)
            _sub(r, "a:t").text = run.text
        for run in paragraph_runs(fitted_paragraph):
            if run is None:
                br = _sub(p, "a:br")
                _run_properties(br, "a:rPr", last, size, language, None, colour)
                continue
            r = _sub(p, "a:r")
            _run_properties(r, "a:rPr", run, size, language, relate, colour, link_colour)
            _sub(r, "a:t").text = run.text
            last = run
        _run_properties(p, "a:endParaRPr", None, size, language, None, colour)


_ORDER = {name: i for i, group in enumerate((
    ("lnSpc",), ("spcBef",), ("spcAft",), ("buClrTx", "buClr"), ("buSzTx", "buSzPct", "buSzPts"),
    ("buFontTx", "buFont"), ("buNone", "buAutoNum", "buChar", "buBlip"), ("tabLst",),
    ("defRPr",), ("ln",), ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill"),
    ("effectLst", "effectDag"), ("highlight",), ("uLnTx", "uLn"), ("uFillTx", "uFill"),
    ("latin",), ("ea",), ("cs",), ("sym",), ("hlinkClick",), ("hlinkMouseOver",), ("rtl",),
    ("extLst",))) for name in group}
"""The schema's order of a level's and its run properties' children."""


def _merge(target: etree._Element, source: etree._Element) -> None:
    """Lay ``source``'s attributes and children over ``target``'s (a level's run
    properties, ``a:defRPr``, merged in turn); returns None."""
    target.attrib.update(source.attrib)
    for child in source:
        if not isinstance(child.tag, str):
            continue
        group = _ORDER.get(etree.QName(child).localname)
        old = next((c for c in target if isinstance(c.tag, str) and (
            c.tag == child.tag or (group is not None
                                   and _ORDER.get(etree.QName(c).localname) == group))),
                   None)  # a bullet replaces another kind of bullet, a fill another fill
        if old is not None and child.tag == qn("a:defRPr"):
            _merge(old, child)
        elif old is not None:
            old.addnext(copy.deepcopy(child))
            target.remove(old)
        else:
            target.append(copy.deepcopy(child))
    children = sorted(target, key=lambda c: _ORDER.get(etree.QName(c).localname, 99)
                      if isinstance(c.tag, str) else 99)
    for child in children:  # in the schema's order again (sorted is stable)
        target.append(child)


def inherit_list_style(tx_body: etree._Element, styles: list[etree._Element]) -> None:
    """Give a text box's ``a:lstStyle`` the levels (``a:lvl1pPr``...) of ``styles``
    (the master's ``p:bodyStyle``, then a layout placeholder's ``a:lstStyle``), later
    ones overriding earlier ones attribute by attribute and child by child, so the
    box's text takes the typeface, colour and bullets of the template's body text."""
    levels: dict[str, etree._Element] = {}
    for style in styles:
        for level in style:
            if not isinstance(level.tag, str) or not etree.QName(level).localname.startswith(
                    "lvl"):
                continue
            name = etree.QName(level).localname
            if name not in levels:
                levels[name] = copy.deepcopy(level)
                continue
            _merge(levels[name], level)
    if not levels:
        return
    lst = tx_body.find(qn("a:lstStyle"))
    if lst is None:
        lst = etree.Element(qn("a:lstStyle"))
        body_pr = tx_body.find(qn("a:bodyPr"))
        tx_body.insert(0 if body_pr is None else list(tx_body).index(body_pr) + 1, lst)
    for child in list(lst):
        lst.remove(child)
    for name in sorted(levels, key=lambda n: int(n[3:-3] or 0)):
        lst.append(levels[name])
