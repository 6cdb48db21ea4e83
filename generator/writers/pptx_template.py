"""Read a deck template's layouts into plain geometry the layout engine can use."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.slide import SlideLayout as PptxLayout

from generator.layout.geometry import EMU_PER_POINT, Box, DeckGeometry, LayoutGeometry, Placeholder

DEFAULT_TEMPLATE = Path(__file__).resolve().parents[2] / "templates" / "default.pptx"

DEFAULT_ROLE_LAYOUTS = {
    "title": "Title Slide",
    "agenda": "Title and Content",
    "section": "Section Header",
    "bullets": "Title and Content",
    "columns": "Two Content",
    "columns3": "Three Content",
    "quote": "Quote",
    "statement": "Statement",
    "image": "Title Only",
    "table": "Title Only",
    "activity": "Title and Content",
    "break": "Break",
    "closing": "Closing",
}

_PH_KIND = {
    "title": "title", "ctrTitle": "ctrTitle", "subTitle": "subTitle", "body": "body",
    "obj": "obj", None: "obj",
}


def template_path() -> Path:
    """Return the path of the built-in default template (installed or in the checkout)."""
    from importlib.resources import files

    try:
        installed = Path(str(files("generator.templates") / "default.pptx"))
    except ModuleNotFoundError:  # running from a checkout that was not installed
        return DEFAULT_TEMPLATE
    return installed if installed.exists() else DEFAULT_TEMPLATE


def _scheme_colours(prs: Presentation) -> dict[str, str]:
    master = prs.slide_masters[0]
    theme_part = next(
        rel.target_part for rel in master.part.rels.values() if rel.reltype.endswith("/theme")
    )
    from lxml import etree

    root = etree.fromstring(theme_part.blob)
    scheme = root.find(f".//{qn('a:clrScheme')}")
    colours: dict[str, str] = {}
    for child in scheme if scheme is not None else []:
        name = etree.QName(child).localname
        srgb = child.find(qn("a:srgbClr"))
        system = child.find(qn("a:sysClr"))
        if srgb is not None:
            colours[name] = srgb.get("val", "FFFFFF")
        elif system is not None:
            colours[name] = system.get("lastClr", "FFFFFF")
    aliases = {"tx1": "dk1", "bg1": "lt1", "tx2": "dk2", "bg2": "lt2"}
    for alias, real in aliases.items():
        if real in colours:
            colours[alias] = colours[real]
    return colours


def _luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _is_dark(layout: PptxLayout, colours: dict[str, str]) -> bool:
    background = layout._element.cSld.bg
    if background is None:
        return False
    fill = background.find(f".//{qn('a:solidFill')}")
    if fill is None:
        return False
    srgb = fill.find(qn("a:srgbClr"))
    scheme = fill.find(qn("a:schemeClr"))
    colour = srgb.get("val") if srgb is not None else (
        colours.get(scheme.get("val", ""), "FFFFFF") if scheme is not None else "FFFFFF")
    return _luminance(colour) < 0.18


def _geometry(layout: PptxLayout, colours: dict[str, str]) -> LayoutGeometry:
    placeholders = []
    for shape in layout.placeholders:
        ph = shape._element.ph
        kind = ph.get("type") if ph is not None else None
        if kind in ("sldNum", "dt", "ftr", "pic", "tbl", "chart", "media", "clipArt", "sldImg"):
            continue
        box = Box(shape.left / EMU_PER_POINT, shape.top / EMU_PER_POINT,
                  shape.width / EMU_PER_POINT, shape.height / EMU_PER_POINT)
        placeholders.append(Placeholder(_PH_KIND.get(kind, "obj"), ph.idx if ph is not None
                                        else 0, box))
    return LayoutGeometry(layout.name, tuple(placeholders), _is_dark(layout, colours))


def read_geometry(template: Path, role_layouts: dict[str, str] | None = None) -> DeckGeometry:
    """Return the slide size and the layout geometry serving each slide role."""
    prs = Presentation(str(template))
    colours = _scheme_colours(prs)
    by_name = {layout.name: layout for layout in prs.slide_layouts}
    mapping = {**DEFAULT_ROLE_LAYOUTS, **(role_layouts or {})}
    roles = {role: _geometry(by_name[name], colours) for role, name in mapping.items()}
    return DeckGeometry(prs.slide_width / EMU_PER_POINT, prs.slide_height / EMU_PER_POINT, roles)
