"""PowerPoint sections (the slide sorter's groups), named after the outline's sections."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree
from pptx.oxml.ns import qn

from generator.layout.frames import SlideLayout
from generator.markup import plain_text, side_by_side
from generator.words import Words, words_for

_P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
_SECTION_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"


def section_groups(slides: Sequence[SlideLayout],
                   words: Words | None = None) -> list[tuple[str, list[int]]]:
    """Return (section name, slide indexes) groups in deck order.

    The title and agenda open "Welcome"; each outline section and break is its own
    group; the closing slide is "Close".
    """
    words = words or words_for("en-GB")
    groups: list[tuple[str, list[int]]] = []
    for index, slide in enumerate(slides):
        if slide.role in ("title", "agenda"):
            name = plain_text(side_by_side(words("Welcome")))
        elif slide.role == "closing":
            name = plain_text(side_by_side(words("Close")))
        elif slide.role == "break":
            name = slide.title.split(":")[0]
        else:
            name = plain_text(side_by_side(slide.section or words("Slides")))
        if groups and groups[-1][0] == name:
            groups[-1][1].append(index)
        else:
            groups.append((name, [index]))
    return groups


def write_sections(prs: object, slides: Sequence[SlideLayout], words: Words) -> None:
    """Add the p14:sectionLst extension to presentation.xml for ``slides``."""
    presentation = prs.part._element  # type: ignore[attr-defined]
    slide_ids = [s.get("id") for s in presentation.sldIdLst]
    ext_lst = presentation.find(qn("p:extLst"))
    if ext_lst is None:
        ext_lst = etree.SubElement(presentation, qn("p:extLst"))
    for ext in ext_lst.findall(qn("p:ext")):
        if ext.get("uri") == _SECTION_EXT:
            ext_lst.remove(ext)
    ext = etree.Element(qn("p:ext"), uri=_SECTION_EXT)
    ext_lst.insert(0, ext)
    section_list = etree.SubElement(ext, f"{{{_P14}}}sectionLst", nsmap={"p14": _P14})
    for number, (name, indexes) in enumerate(section_groups(slides, words), start=1):
        section = etree.SubElement(section_list, f"{{{_P14}}}section", name=name,
                                   id=f"{{{number:08X}-0000-4000-8000-{number:012X}}}")
        id_list = etree.SubElement(section, f"{{{_P14}}}sldIdLst")
        for index in indexes:
            etree.SubElement(id_list, f"{{{_P14}}}sldId", id=slide_ids[index])
