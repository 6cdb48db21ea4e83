"""What each layout of a deck template draws by itself, for the PDF thumbnails.

A layout's look is its background colour, its plain coloured rectangles (accent
rules and bands) and where its slide number sits. `read_looks` takes them from a
template opened with python-pptx as JSON-ready data, with colours left as the
template states them (an RGB value or a colour-scheme slot); `resolve_looks` turns
that data into `LayoutLook`s against a palette. The data is cached on disk with the
rest of the template (see `generator.look.template`), so the PDFs need
neither python-pptx nor the template file once it has been read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.layout.geometry import EMU_PER_POINT, Box

Colour = list[str] | None
"""A colour as the template states it: ``["rgb", "RRGGBB"]``, ``["slot", "accent1"]``."""


@dataclass(frozen=True, slots=True)
class LayoutLook:
    """What a template layout draws by itself: background, accent rules, slide number."""

    background: str | None
    rules: tuple[tuple[Box, str], ...] = ()
    number_box: Box | None = None
    number_size: float = 14.0
    number_align: str = "r"


def _qn(tag: str) -> str:
    from pptx.oxml.ns import qn

    return qn(tag)


def _box(shape: Any) -> list[float]:
    """Return a python-pptx shape's box in points, as [x, y, w, h]."""
    return [getattr(shape, k) / EMU_PER_POINT for k in ("left", "top", "width", "height")]


def _fill(element: Any) -> Colour:
    """Return the first ``a:solidFill`` colour under ``element`` as stated, or None."""
    fill = element.find(f".//{_qn('a:solidFill')}") if element is not None else None
    if fill is None:
        return None
    rgb, slot = fill.find(_qn("a:srgbClr")), fill.find(_qn("a:schemeClr"))
    if rgb is not None:
        return ["rgb", rgb.get("val", "").upper()] if rgb.get("val") else None
    return ["slot", slot.get("val", "")] if slot is not None else None


def _numbers(shapes: Any) -> list[Any]:
    """Return the slide-number placeholders among ``shapes``."""
    return [s for s in shapes if s._element.ph is not None
            and s._element.ph.get("type") == "sldNum"]


def _look(layout: Any) -> dict[str, Any]:
    """Return the look of one python-pptx slide layout (slide number as the master sets it)."""
    rules = []
    for shape in layout.shapes:
        geometry = shape._element.find(f"{_qn('p:spPr')}/{_qn('a:prstGeom')}")
        colour = _fill(shape._element.find(_qn("p:spPr")))
        if not shape.is_placeholder and colour and geometry is not None \
                and geometry.get("prst") == "rect":
            rules.append([*_box(shape), colour])
    look: dict[str, Any] = {"background": _fill(layout._element.cSld.bg), "rules": rules,
                            "number": None}
    own = _numbers(layout.placeholders)
    if not own:
        return look
    chain = [s._element for s in own + _numbers(layout.slide_master.placeholders)]

    def setting(path: str, name: str, default: str) -> str:
        found = (e.find(path) for e in chain)
        return next((f.get(name) for f in found if f is not None and f.get(name)), default)

    level, body = f".//{_qn('a:lvl1pPr')}", f"{_qn('p:txBody')}/{_qn('a:bodyPr')}"
    left, right = (int(setting(body, k, "91440")) / EMU_PER_POINT for k in ("lIns", "rIns"))
    x, y, w, h = _box(own[0])
    look["number"] = [x + left, y, w - left - right, h,
                      int(setting(f"{level}/{_qn('a:defRPr')}", "sz", "1800")) / 100,
                      setting(level, "algn", "l")]
    return look


def read_looks(prs: Any) -> dict[str, dict[str, Any]]:
    """Return {layout name: its look as JSON-ready data} for a python-pptx presentation
    (the first layout of a name wins, masters in order)."""
    looks: dict[str, dict[str, Any]] = {}
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            if layout.name not in looks:
                looks[layout.name] = _look(layout)
    return looks


def _colour(stated: Colour, palette: dict[str, str]) -> str | None:
    if not stated:
        return None
    kind, value = stated
    return value if kind == "rgb" else palette.get(value)


def resolve_looks(data: dict[str, dict[str, Any]],
                  palette: dict[str, str]) -> dict[str, LayoutLook]:
    """Return {layout name: `LayoutLook`} for looks read by `read_looks`, their
    scheme colours taken from ``palette``."""
    looks: dict[str, LayoutLook] = {}
    for name, raw in data.items():
        rules = tuple((Box(x, y, w, h), colour) for x, y, w, h, stated in raw["rules"]
                      if (colour := _colour(stated, palette)))
        look = LayoutLook(_colour(raw["background"], palette), rules)
        if raw["number"] is not None:
            x, y, w, h, size, align = raw["number"]
            look = LayoutLook(look.background, rules, Box(x, y, w, h), size, align)
        looks[name] = look
    return looks
