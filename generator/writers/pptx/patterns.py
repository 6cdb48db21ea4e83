"""Example slides of a template used as patterns: their branding copied onto the
slides of a role (see `generator.look.template_slides`)."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from generator.look.template_slides import Pattern, is_branding, stand_in

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL_ATTRIBUTES = tuple(f"{{{R_NS}}}{name}" for name in ("embed", "link", "id", "pict"))


@dataclass(frozen=True)
class Branding:
    """What an example slide carries over: its branding shapes (XML, in drawing
    order) and the parts or addresses they refer to, by relationship id."""

    shapes: tuple[Any, ...]
    targets: dict[str, tuple[str, Any, bool]]  # rId -> (reltype, part or URL, external)


def capture(prs: Any, patterns: tuple[Pattern, ...]) -> dict[str, Branding]:
    """Return {role: its pattern slide's branding}, read before the example slides are
    removed from ``prs``."""
    slides = list(prs.slides)
    found = {}
    for pattern in patterns:
        if not 1 <= pattern.number <= len(slides):
            continue
        slide = slides[pattern.number - 1]
        shapes = tuple(copy.deepcopy(el) for el in slide.shapes._spTree.iterchildren()
                       if is_branding(el))
        targets = {}
        for rid, rel in slide.part.rels.items():
            targets[rid] = (rel.reltype, rel.target_ref if rel.is_external else rel.target_part,
                            rel.is_external)
        found[pattern.role] = Branding(shapes, targets)
    return found


def apply(slide: Any, branding: Branding) -> None:
    """Copy ``branding``'s shapes onto ``slide``, behind everything else on it, with
    their pictures and links related to the slide and their ids made unique."""
    tree = slide.shapes._spTree
    next_id = max((int(x) for x in tree.xpath(".//p:cNvPr/@id")), default=1) + 1
    mapped: dict[str, str] = {}
    for offset, shape in enumerate(branding.shapes):
        element = copy.deepcopy(shape)
        for node in element.iter():
            for attribute in _REL_ATTRIBUTES:
                old = node.get(attribute)
                if old is None or old not in branding.targets:
                    continue
                if old not in mapped:
                    reltype, target, external = branding.targets[old]
                    mapped[old] = (slide.part.relate_to(target, reltype, is_external=True)
                                   if external else slide.part.relate_to(target, reltype))
                node.set(attribute, mapped[old])
        for node in element.iter(f"{{{tree.nsmap['p']}}}cNvPr"):
            node.set("id", str(next_id))
            next_id += 1
        tree.insert(2 + offset, element)


def drop_stand_ins(prs: Any) -> None:
    """Remove from the deck's layouts without a title placeholder the text boxes that
    stand in for a title or subtitle ("Title", "Subtitle goes here"): make-deck
    writes the slide's own title and subtitle at their places."""
    for layout in prs.slide_layouts:
        tree = layout.shapes._spTree
        if tree.xpath("./p:sp/p:nvSpPr/p:nvPr/p:ph[@type='title' or @type='ctrTitle']"):
            continue
        for element in list(tree.iterchildren()):
            if stand_in(element):
                tree.remove(element)
