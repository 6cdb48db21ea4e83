"""Slides and notes slides added in constant time, for decks of thousands of slides.

python-pptx's own ``add_slide`` and ``notes_slide`` are correct but cost time in
proportion to the deck so far: each notes slide names its part by walking every
part of the package (``next_partname``) and looks up the notes master among all
the presentation's relationships, each slide scans every relationship for a
duplicate and every slide id for the next one, and each slide clones its layout's
placeholders through python-pptx's shape proxies. A 3,000-slide deck then takes
minutes. `SlideMaker` keeps those numbers as counters, and clones each layout's
placeholders (and the blank notes page) once, copying the XML for later slides.
The parts, relationships and XML it makes are the ones python-pptx would make.

Importing this module also makes python-pptx's ``xpath`` use compiled XPath
expressions, cached (python-pptx compiles the expression again on every call,
which was a third of the deck writer's time); the results are the same.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI, PackURI
from pptx.opc.serialized import _ContentTypesItem
from pptx.oxml.ns import _nsmap
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.parts.slide import NotesSlidePart, SlidePart

_NOTES_NAME = "/ppt/notesSlides/notesSlide{}.xml"


@lru_cache(maxsize=1024)
def _compiled(path: str) -> etree.XPath:
    return etree.XPath(path, namespaces=_nsmap)


def _xpath(self: BaseOxmlElement, xpath_str: str) -> Any:
    """python-pptx's ``BaseOxmlElement.xpath``, with the expression compiled once."""
    return _compiled(xpath_str)(self)


BaseOxmlElement.xpath = _xpath  # type: ignore[method-assign]


class SlideMaker:
    """Adds slides (and their notes pages) to one presentation opened with python-pptx."""

    def __init__(self, prs: object) -> None:
        self._prs_part = prs.part  # type: ignore[attr-defined]
        self._package = self._prs_part.package
        self._slide_ids = prs.slides._sldIdLst  # type: ignore[attr-defined]
        used = [int(x) for x in self._slide_ids.xpath("./p:sldId/@id")]
        self._next_id = max([255, *used]) + 1
        self._placeholders: dict[object, list[etree._Element]] = {}
        self._blank_notes: etree._Element | None = None
        self._notes_master: object | None = None
        self._partnames: set[str] = set()
        self._notes_number = 0

    def add_slide(self, layout: object) -> object:
        """Return a new slide at the end of the deck, with ``layout``'s placeholders."""
        partname = PackURI(f"/ppt/slides/slide{len(self._slide_ids) + 1}.xml")
        slide_part = SlidePart.new(partname, self._package, layout.part)  # type: ignore[attr-defined]
        # A new part cannot be related already: add the relationship without a search.
        r_id = self._prs_part.rels._add_relationship(RT.SLIDE, slide_part)
        slide = slide_part.slide
        cached = self._placeholders.get(layout.part)  # type: ignore[attr-defined]
        if cached is None:
            slide.shapes.clone_layout_placeholders(layout)
            self._placeholders[layout.part] = [  # type: ignore[attr-defined]
                copy.deepcopy(e) for e in slide.shapes._spTree.iter_shape_elms()]
        else:
            tree = slide.shapes._spTree
            for element in cached:
                tree.insert_element_before(copy.deepcopy(element), "p:extLst")
        self._slide_ids._add_sldId(id=self._next_id, rId=r_id)
        self._next_id += 1
        return slide

    def notes_slide(self, slide: object) -> object:
        """Return the slide's notes page, made blank from the notes master if it has none."""
        part = slide.part  # type: ignore[attr-defined]
        if self._blank_notes is None:
            notes = slide.notes_slide  # type: ignore[attr-defined]  # makes the notes master
            self._blank_notes = copy.deepcopy(notes._element)
            self._notes_master = notes.part.part_related_by(RT.NOTES_MASTER)
            self._partnames = {str(p.partname) for p in self._package.iter_parts()}
            return notes
        while True:
            self._notes_number += 1
            name = _NOTES_NAME.format(self._notes_number)
            if name not in self._partnames:
                break
        self._partnames.add(name)
        notes_part = NotesSlidePart(PackURI(name), CT.PML_NOTES_SLIDE, self._package,
                                    copy.deepcopy(self._blank_notes))
        notes_part.rels._add_relationship(RT.NOTES_MASTER, self._notes_master)
        notes_part.rels._add_relationship(RT.SLIDE, part)
        part.rels._add_relationship(RT.NOTES_SLIDE, notes_part)
        return notes_part.notes_slide

    def finish(self, slide: object) -> None:
        """Serialise a finished slide and its notes page and let their XML trees go.

        A big deck then holds bytes rather than lxml trees (a tenth of the memory).
        The slide must not be changed afterwards (its XML is gone: that fails loudly).
        """
        part = slide.part  # type: ignore[attr-defined]
        notes = part.rels._rels_by_reltype.get(RT.NOTES_SLIDE, [])
        for rel in notes:
            _finish_part(rel.target_part)
        _finish_part(part)


_FROZEN: dict[type, type] = {}


def _frozen_class(cls: type) -> type:
    """Return a subclass of part class ``cls`` whose bytes were fixed by `SlideMaker.finish`."""
    if cls not in _FROZEN:
        _FROZEN[cls] = type(f"Finished{cls.__name__}", (cls,), {
            "blob": property(lambda self: self._finished_blob),
            "__doc__": f"A {cls.__name__} whose XML was serialised and let go."})
    return _FROZEN[cls]


def _finish_part(part: Any) -> None:
    blob = part.blob
    part.__class__ = _frozen_class(type(part))
    part._finished_blob = blob
    part._element = None
    for cached in ("slide", "notes_slide"):  # python-pptx's lazy proxies of the XML
        part.__dict__.pop(cached, None)


def package_entries(prs: object) -> Iterator[tuple[str, bytes]]:
    """Yield the presentation's zip entries (member name, bytes) uncompressed, in the
    order python-pptx's ``save`` writes them, so the caller zips the package only once."""
    package = prs.part.package  # type: ignore[attr-defined]
    parts = tuple(package.iter_parts())
    yield CONTENT_TYPES_URI.membername, serialize_part_xml(_ContentTypesItem.xml_for(parts))
    yield PACKAGE_URI.rels_uri.membername, package._rels.xml
    for part in parts:
        yield part.partname.membername, part.blob
        if part._rels:
            yield part.partname.rels_uri.membername, part.rels.xml
