"""Read a deck template (the built-in one or an organisation's .pptx/.potx).

Returns plain data for the layout engine: each layout's placeholders and boxes,
whether its background is dark, the role each layout serves, and a `Theme` with
the template's own colours and font.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from generator.layout.geometry import EMU_PER_POINT, Box, DeckGeometry, LayoutGeometry, Placeholder
from generator.layout.roles import RoleChoice, map_roles
from generator.look.colours import relative_luminance
from generator.look.embedded_fonts import embedded_fonts
from generator.look.template_open import open_template
from generator.look.template_recolour import (
    PageColours,
    Recoloured,
    _plain,
    _recolour,
    org_link_slot,
    org_text_slot,
    page_colours,
    surface_colour,
    table_colours,
    table_link_slot,
)
from generator.look.template_slides import Pattern, find_patterns, lost_branding, stand_in
from generator.look.template_styles import (
    _Reader,
    layout_data,
    layout_from_data,
    master_fonts,
    placeholder_fonts,
    placeholder_style,
)
from generator.look.theme import DEFAULT_THEME, Theme

__all__ = ["Recoloured", "TemplateInfo", "open_template", "org_link_slot", "org_text_slot",
           "read_template", "surface_colour", "table_colours", "table_link_slot", "template_data",
           "template_path"]

if TYPE_CHECKING:  # python-pptx is imported only when a template must be read
    from pptx.presentation import Presentation

_NAMESPACES = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
CACHE_FORMAT = 13


def qn(tag: str) -> str:
    """Return a prefixed tag such as ``a:latin`` in Clark notation."""
    prefix, name = tag.split(":")
    return f"{{{_NAMESPACES[prefix]}}}{name}"

DEFAULT_TEMPLATE = Path(__file__).resolve().parents[2] / "templates" / "default.pptx"

DEFAULT_ROLE_LAYOUTS = {
    "title": "Title Slide", "agenda": "Title and Content", "section": "Section Header",
    "bullets": "Title and Content", "columns": "Two Content", "columns3": "Three Content",
    "quote": "Quote", "statement": "Statement", "image": "Title Only", "table": "Title Only",
    "activity": "Title and Content", "break": "Break", "closing": "Closing",
}

_SKIPPED = {"sldNum", "dt", "ftr", "tbl", "chart", "media", "clipArt", "sldImg",
            "dgm", "hdr"}
def template_path() -> Path:
    """Return the path of the built-in default template (installed or in the checkout)."""
    from importlib.resources import files

    try:
        installed = Path(str(files("generator.templates") / "default.pptx"))
    except ModuleNotFoundError:  # running from a checkout that was not installed
        return DEFAULT_TEMPLATE
    return installed if installed.exists() else DEFAULT_TEMPLATE


def _theme_root(prs: Presentation) -> etree._Element | None:
    master = prs.slide_masters[0]
    for rel in master.part.rels.values():
        if rel.reltype.endswith("/theme"):
            return etree.fromstring(rel.target_part.blob)
    return None


def scheme_colours(prs: Presentation) -> dict[str, str]:
    """Return the template's colour scheme as slot -> RRGGBB (with tx1/bg1 aliases)."""
    root = _theme_root(prs)
    scheme = root.find(f".//{qn('a:clrScheme')}") if root is not None else None
    colours: dict[str, str] = {}
    for child in scheme if scheme is not None else []:
        srgb = child.find(qn("a:srgbClr"))
        system = child.find(qn("a:sysClr"))
        name = etree.QName(child).localname
        if srgb is not None:
            colours[name] = srgb.get("val", "FFFFFF").upper()
        elif system is not None:
            colours[name] = system.get("lastClr", "FFFFFF").upper()
    for alias, real in {"tx1": "dk1", "bg1": "lt1", "tx2": "dk2", "bg2": "lt2"}.items():
        if real in colours:
            colours[alias] = colours[real]
    return colours


def theme_font(prs: Presentation, kind: str = "minorFont") -> str:
    """Return the template's body (``minorFont``) or heading (``majorFont``) Latin font
    family, e.g. Calibri."""
    root = _theme_root(prs)
    latin = root.find(f".//{qn('a:' + kind)}/{qn('a:latin')}") if root is not None else None
    return latin.get("typeface", "Arial") if latin is not None else "Arial"


def _layout_geometry(layout: object, reader: _Reader) -> LayoutGeometry:
    """Return one layout's placeholders (with their usable styles), type and background."""
    colours = reader.colours.with_map(layout._element.find(qn("p:clrMapOvr")))  # type: ignore[attr-defined]
    backdrop = reader.backdrop(layout, colours)
    placeholders = []
    obstacles = list(reader.master_obstacles if reader.shows_master(layout) else [])
    for shape in layout.placeholders:  # type: ignore[attr-defined]
        ph = shape._element.ph
        kind = ph.get("type", "obj") if ph is not None else "obj"
        if shape.width is None:
            continue
        box = Box(shape.left / EMU_PER_POINT, shape.top / EMU_PER_POINT,
                  shape.width / EMU_PER_POINT, shape.height / EMU_PER_POINT)
        if kind in _SKIPPED:
            obstacles.append(box)
            continue
        style = placeholder_style(shape, kind, colours, reader.fonts)
        placeholders.append(Placeholder(
            kind, ph.idx if ph is not None else 0, box, grows=style.grows,
            text_colour=style.colour,
            background=_own_fill(shape, kind, layout, colours) or backdrop.under(box),
            font=style.font, size=style.size))
    titled = any(p.kind in ("title", "ctrTitle") for p in placeholders)
    obstacles.extend(reader.shape_boxes(layout, skip_stand_ins=not titled))
    if not titled:  # a cover whose title and subtitle are text boxes: write over them
        placeholders.extend(_stand_ins(layout, backdrop))
    ordered = sorted(placeholders, key=lambda p: (p.kind not in ("title", "ctrTitle"),
                                                  round(p.box.x / 20), p.box.y))
    main = max((p for p in ordered if p.kind in ("body", "obj", "subTitle")),
               key=lambda p: p.box.w * p.box.h, default=None) or \
        next(iter(ordered), None)
    width, height = reader.size
    under = backdrop.under(main.box if main else Box(width * 0.25, height * 0.25,
                                                     width * 0.5, height * 0.5))
    slots = tuple((slot, colours.slot(slot) or "") for slot in
                  ("tx1", "tx2", "bg1", "bg2", *(f"accent{i}" for i in range(1, 7)), "hlink"))
    return LayoutGeometry(
        layout.name, tuple(ordered), relative_luminance(under) < 0.18,  # type: ignore[attr-defined]
        kind=layout._element.get("type", "cust"), background=under,  # type: ignore[attr-defined]
        colours=slots, obstacles=tuple(obstacles),
        artwork=reader.artwork(layout, backdrop.layers))


_FILLS = ("solidFill", "gradFill", "blipFill", "pattFill", "noFill", "grpFill")


def _own_fill(shape: Any, kind: str, layout: Any, colours: Any) -> str | None:
    """Return the colour a placeholder's own fill shows under its text (a grey bar
    behind the titles, set on the master's title), or None when it has none."""
    def explicit(element: Any) -> bool:
        return element is not None and any(
            etree.QName(child).localname in _FILLS for child in element)

    own = shape._element.spPr
    if explicit(own):
        return colours.fill(own)
    family = "title" if kind in ("title", "ctrTitle") else "body"
    for master in layout.slide_master.placeholders:
        ph = master._element.ph
        master_kind = ph.get("type", "obj") if ph is not None else "obj"
        if ("title" if master_kind in ("title", "ctrTitle") else master_kind) == family:
            return colours.fill(master._element.spPr) if explicit(master._element.spPr) \
                else None
    return None


def _stand_ins(layout: Any, backdrop: Any) -> list[Placeholder]:
    """Return the title and subtitle a layout without placeholders for them draws as
    text boxes (see `stand_in`), as an added title and an added body at their places;
    the deck's copy of the layout loses the boxes."""
    from generator.layout.roles import ADDED_BODY, SYNTHETIC_TITLE

    found = []
    for shape in layout.shapes:
        kind = stand_in(shape._element)
        if kind is None or not shape.width:
            continue
        box = Box(shape.left / EMU_PER_POINT, shape.top / EMU_PER_POINT,
                  shape.width / EMU_PER_POINT, shape.height / EMU_PER_POINT)
        if kind == "title" and not any(p.kind == "title" for p in found):
            found.append(Placeholder("title", SYNTHETIC_TITLE, box, background=backdrop.under(box)))
        elif kind == "subTitle":
            found.append(Placeholder("body", ADDED_BODY + len(found), box,
                                     background=backdrop.under(box)))
    return found


@dataclass(frozen=True)
class TemplateInfo:
    """A template read for layout: geometry by role, the choices made, its theme."""

    geometry: DeckGeometry
    choices: tuple[RoleChoice, ...]
    unknown_layouts: tuple[str, ...]
    layouts: tuple[LayoutGeometry, ...]
    theme: Theme
    is_default: bool
    recoloured: tuple[Recoloured, ...] = ()
    patterns: tuple[Pattern, ...] = ()
    """The example slides ``template_slides:`` names as patterns of roles."""
    unknown_slides: tuple[tuple[str, int | str], ...] = ()
    """The (role, reference) pairs of ``template_slides:`` that name no example slide."""
    lost_branding: str | None = None
    """Where the template keeps branding that the layouts used do not draw."""
    example_slides: tuple[tuple[int, str, str, int], ...] = ()
    """The template's example slides: number, layout, title, branding shapes."""
    personal_text: tuple[tuple[str, str], ...] = ()
    """(layout, text) for each text of its own that a layout used shows with someone's
    email address or telephone number (see `template_slides.personal_text`)."""

    @property
    def example_count(self) -> int:
        """Return how many example slides the template has."""
        return len(self.example_slides)


def _master_title_box(prs: Presentation, width: float) -> Box:
    for shape in prs.slide_masters[0].placeholders:
        ph = shape._element.ph
        if ph is not None and ph.get("type") == "title" and shape.width:
            return Box(shape.left / EMU_PER_POINT, shape.top / EMU_PER_POINT,
                       shape.width / EMU_PER_POINT, shape.height / EMU_PER_POINT)
    return Box(width * 0.05, width * 0.03, width * 0.9, width * 0.09)


def _read_raw(template: Path) -> dict[str, Any]:
    """Return what a template holds for layout and for the thumbnails' decorations, as
    JSON-ready data (reads it with python-pptx)."""
    from generator.look.template_looks import read_looks
    from generator.look.template_slides import example_slides

    prs = open_template(template)
    colours = scheme_colours(prs)
    width, height = prs.slide_width / EMU_PER_POINT, prs.slide_height / EMU_PER_POINT
    title = _master_title_box(prs, width)
    reader = _Reader(prs, colours, _theme_root(prs))
    body_font, heading_font = master_fonts(prs, reader.fonts)
    return {
        "width": width, "height": height, "colours": colours,
        "font": body_font or theme_font(prs),
        "heading_font": heading_font or theme_font(prs, "majorFont"),
        "title_box": [title.x, title.y, title.w, title.h],
        "layouts": [layout_data(_layout_geometry(layout, reader))
                    for layout in prs.slide_layouts],
        "looks": read_looks(prs),
        **example_slides(prs),
    }


def _cache_folder() -> Path:
    from generator.layout.fonts import cache_dir

    return cache_dir().parent / f"templates-{CACHE_FORMAT}"


def template_data(template: Path) -> dict[str, Any]:
    """Return what ``template`` holds (see `_read_raw`), cached on disk by its content.

    Reading a template needs python-pptx, which is slow to import; `check`, the PDF
    renderers and rebuilds of an unchanged template skip it.
    """
    data = template.read_bytes()
    key = hashlib.sha256(data + str(CACHE_FORMAT).encode()).hexdigest()
    folder = _cache_folder()
    cached = folder / f"{key}.json"
    try:
        return json.loads(cached.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    raw = _read_raw(template)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(raw, handle)
        os.replace(name, cached)
    except OSError:
        pass  # a cache that cannot be written only costs time
    return raw


def read_template(template: Path, overrides: dict[str, str] | None = None,
                  base_theme: Theme = DEFAULT_THEME,
                  template_slides: dict[str, int | str] | None = None) -> TemplateInfo:
    """Return what the layout engine needs from ``template``; a role with a pattern
    slide (``template_slides``) is made on that slide's layout unless ``overrides``
    names another."""
    raw = template_data(template)
    patterns, unknown_slides = find_patterns(raw, template_slides or {})
    if patterns:
        overrides = {**{p.role: p.layout for p in patterns}, **(overrides or {})}
    colours: dict[str, str] = raw["colours"]
    width, height = float(raw["width"]), float(raw["height"])
    layouts = tuple(layout_from_data(lay) for lay in raw["layouts"])
    is_default = template.resolve() == template_path().resolve()
    recoloured: list[Recoloured] = []
    if is_default:
        layouts = tuple(_plain(lay) for lay in layouts)
    else:
        fixed = [_recolour(lay) for lay in layouts]
        layouts = tuple(lay for lay, _ in fixed)
        recoloured = [r for _, found in fixed for r in found]
    wanted = {**DEFAULT_ROLE_LAYOUTS, **(overrides or {})} if is_default else overrides
    geometry, choices, unknown = map_roles(layouts, width, height, Box(*raw["title_box"]),
                                           wanted)
    theme = base_theme
    if not is_default:
        dark = colours.get("dk2", base_theme.dark_background)
        bullets = geometry.roles["bullets"].bodies() if "bullets" in geometry.roles else ()
        page = page_colours(colours, bullets[0].text_colour if bullets else None,
                            colours.get("lt1", base_theme.background),
                            PageColours(base_theme.text, dark, base_theme.link))
        theme = replace(
            base_theme, name=template.stem, font_family=raw["font"],
            heading_font_family=raw["heading_font"], embedded_fonts=embedded_fonts(template),
            text=page.text, background=colours.get("lt1", base_theme.background),
            heading=page.heading, dark_background=dark, muted=page.heading,
            # PowerPoint's default table style fills the header with accent 1, text lt1;
            # where that is not readable, another colour pair of the template's
            table_header_fill=table_colours(colours)[0] or colours.get("accent1", dark),
            table_header_text=table_colours(colours)[1] or colours.get(
                "lt1", base_theme.table_header_text),
            accent=colours.get("accent2", colours.get("accent1", base_theme.accent)),
            surface=surface_colour(colours, base_theme.surface, base_theme.min_contrast),
            link=page.link,
        ).scaled(height / 540.0)
    if not is_default:
        text, titles = placeholder_fonts(geometry.roles.values(), theme.font_family,
                                         theme.heading_font_family or theme.font_family)
        theme = replace(theme, layout_fonts=text, layout_heading_fonts=titles)
    used = {lay.name for lay in geometry.roles.values()}
    return TemplateInfo(geometry, choices, unknown, layouts, theme, is_default,
                        tuple(r for r in recoloured if r.layout in used), patterns,
                        unknown_slides,
                        None if is_default else lost_branding(
                            raw, {role: lay.name for role, lay in geometry.roles.items()}),
                        tuple((e["number"], e["layout"], e["title"], e["graphics"])
                              for e in raw.get("slides", [])),
                        () if is_default else tuple(
                            (name, text) for name, texts in raw.get("personal_text", {}).items()
                            if name in used for text in texts))


def read_geometry(template: Path, role_layouts: dict[str, str] | None = None) -> DeckGeometry:
    """Return the slide size and the layout geometry serving each slide role."""
    return read_template(template, role_layouts).geometry
