"""The deck's package-wide parts: the theme part set to the look's theme, the
view-properties part, the core (document) properties, docProps/app.xml's counts, and
the zip written with fixed dates so the same outline gives the same bytes."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterable
from typing import BinaryIO

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn

from generator.look.theme import Theme
from generator.markup import plain_text, side_by_side
from generator.model import Workshop
from generator.words import Words

_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


CORE_PROPERTY_CHARACTERS = 255
"""The most characters a document property (title, author...) may hold in a deck."""


def core_property(text: str, limit: int = CORE_PROPERTY_CHARACTERS) -> str:
    """Return ``text`` as a document property holds it: whole when it fits, else cut at
    a word boundary to ``limit`` characters with "…" (the slides keep the whole text)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def core_properties(prs: object, workshop: Workshop, moment: dt.datetime,
                     words: Words) -> None:
    props = prs.core_properties  # type: ignore[attr-defined]
    props.title = core_property(plain_text(side_by_side(workshop.title)))
    props.subject = core_property(plain_text(side_by_side(workshop.subtitle or workshop.event
                                                          or words("Workshop"))))
    people = ", ".join(workshop.facilitators)
    props.author = core_property(people or (workshop.organisation or ""))
    props.last_modified_by = props.author
    props.language = workshop.language
    props.keywords = plain_text(side_by_side(words("Workshop"))).lower()
    props.category = plain_text(side_by_side(words("Workshop deck")))
    props.comments = core_property(plain_text(workshop.source)) if workshop.source else ""
    props.revision = 1
    props.created = moment
    props.modified = moment
    props.last_printed = moment


def _app_properties(xml: bytes, slides: int, notes: int) -> bytes:
    """Return docProps/app.xml with the real slide and notes counts."""
    root = etree.fromstring(xml)
    namespace = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
    for name, value in (("Slides", slides), ("Notes", notes), ("HiddenSlides", 0)):
        element = root.find(namespace + name)
        if element is not None:
            element.text = str(value)
    for name in ("HeadingPairs", "TitlesOfParts"):  # lists of the template's own parts
        element = root.find(namespace + name)
        if element is not None:
            root.remove(element)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def reproducible_zip(entries: Iterable[tuple[str, bytes]], target: BinaryIO,
                      moment: dt.datetime, counts: tuple[int, int]) -> None:
    """Write the package's entries with every entry dated ``moment``, in the same order."""
    stamp = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute,
             moment.second)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in entries:
            entry = zipfile.ZipInfo(name, stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            body = _app_properties(data, *counts) if name == "docProps/app.xml" else data
            out.writestr(entry, body)


def apply_theme(prs: object, theme: Theme) -> None:
    """Set the template's colour scheme and fonts to ``theme``'s, so edits keep the look."""
    master = prs.slide_masters[0]  # type: ignore[attr-defined]
    part = next(rel.target_part for rel in master.part.rels.values()
                if rel.reltype.endswith("/theme"))
    root = etree.fromstring(part.blob)
    scheme = root.find(f".//{qn('a:clrScheme')}")
    if scheme is not None:
        scheme.set("name", f"make-deck {theme.name}")
        for slot, colour in theme.scheme().items():
            element = scheme.find(qn(f"a:{slot}"))
            if element is None:
                continue
            for child in list(element):
                element.remove(child)
            etree.SubElement(element, qn("a:srgbClr"), val=colour)
    for font in root.iterfind(f".//{qn('a:fontScheme')}/*/{qn('a:latin')}"):
        font.set("typeface", theme.font_family)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def view_properties(prs: object) -> None:
    """Add the view-properties part PowerPoint expects where the template has none
    (LibreOffice leaves it out); without it PowerPoint offers to repair the file."""
    part = prs.part  # type: ignore[attr-defined]
    if any(rel.reltype == RT.VIEW_PROPS for rel in part.rels.values()):
        return
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:viewPr xmlns:a="{_A}" '
           f'xmlns:p="{_P}"><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>').encode()
    part.relate_to(Part(PackURI("/ppt/viewProps.xml"), CT.PML_VIEW_PROPS, part.package, xml),
                   RT.VIEW_PROPS)
