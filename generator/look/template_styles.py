"""The master's text styles and what each layout draws, read from a template.

A placeholder's text takes its colour, typeface and size from the first of: the
layout placeholder's own list style, the master placeholder it inherits from, the
master's title or body style. Its box grows with its text when its body has
``spAutoFit``. Each layout shows the master's shapes (logos, bands) unless it says
``showMasterSp="0"``. The results are cached as JSON with the rest of the template
(`layout_data` and `layout_from_data` turn a `LayoutGeometry` into it and back).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lxml import etree

from generator.layout.geometry import EMU_PER_POINT, Box, LayoutGeometry, Placeholder
from generator.look.artwork import backdrop_artwork
from generator.look.artwork_paths import vector_artwork
from generator.look.template_colours import (
    A,
    Backdrop,
    Colours,
    Layer,
    P,
    background_fill,
    background_picture,
    layers,
    theme_fill_styles,
)
from generator.look.template_slides import stand_in

_TITLES = ("title", "ctrTitle")


def _find(element: etree._Element | None, path: str) -> etree._Element | None:
    if element is None:
        return None
    found = etree._Element.xpath(element, path, namespaces={"a": A, "p": P})
    return found[0] if found else None


class _Reader:
    """What reading every layout of one template shares: its colours, fonts and master."""

    def __init__(self, prs: Any, scheme: dict[str, str], theme_root: etree._Element | None
                 ) -> None:
        self.prs = prs
        self.master = prs.slide_masters[0]
        self.size = (prs.slide_width / EMU_PER_POINT, prs.slide_height / EMU_PER_POINT)
        self.slide = Box(0.0, 0.0, *self.size)
        self.colours = Colours(scheme).with_map(self.master._element.find(f"{{{P}}}clrMap"))
        self.fill_styles = theme_fill_styles(theme_root)
        self.fonts = {"+mj-lt": _theme_face(theme_root, "majorFont"),
                      "+mn-lt": _theme_face(theme_root, "minorFont")}
        base = background_fill(self.master, self.colours, self.fill_styles)
        self.master_base = base if isinstance(base, str) else self.colours.slot("bg1") or "FFFFFF"
        self.master_layers = layers(self.master, self.colours, self.slide)
        self.master_picture = self._picture_layer(self.master)
        self.master_obstacles = self.shape_boxes(self.master)
        self.master_artwork = vector_artwork(self.master, self.size)

    def shows_master(self, layout: Any) -> bool:
        """Return whether ``layout`` shows the master's shapes."""
        return layout._element.get("showMasterSp", "1") not in ("0", "false")

    def backdrop(self, layout: Any, colours: Colours) -> Backdrop:
        """Return what lies under text on ``layout``."""
        own = background_fill(layout, colours, self.fill_styles)
        if own is False:
            own = None
        # a layout's own background hides the master's background, not its shapes
        shown = self.master_layers if self.shows_master(layout) else []
        # a picture background is sampled pixel by pixel under each box; the layout's
        # own background (a picture or not) hides the master's
        picture = self._picture_layer(layout) if own else self.master_picture
        return Backdrop(own or self.master_base,
                        [*picture, *shown, *layers(layout, colours, self.slide)])

    def artwork(self, layout: Any, layers: list[Layer]) -> tuple[Box, ...]:
        """Return the boxes of the logos, lettering and drawn pieces inside ``layout``'s
        full-slide pictures (its backdrop ``layers``) and freeforms, and the master's
        freeforms where it shows them."""
        return (*backdrop_artwork(layers, self.size), *vector_artwork(layout, self.size),
                *(self.master_artwork if self.shows_master(layout) else ()))

    def _picture_layer(self, part: Any) -> list[Layer]:
        """Return the full-slide layer of ``part``'s picture background (sampled pixel
        by pixel under each box), or none."""
        picture = background_picture(part)
        return [Layer(self.slide, picture=picture)] if picture else []

    def shape_boxes(self, part: Any, skip_stand_ins: bool = False) -> list[Box]:
        """Return the boxes of the shapes (not placeholders) a layout or master draws that
        are smaller than a third of the slide: logos, text, pictures (not backgrounds);
        with ``skip_stand_ins``, not the text boxes standing in for a title or subtitle
        (see `stand_in`)."""
        found = []
        tree = part._element.find(f"{{{P}}}cSld/{{{P}}}spTree")
        for element in tree if tree is not None else []:
            if etree.QName(element).localname not in ("sp", "pic", "grpSp", "graphicFrame"):
                continue
            if element.find(f".//{{{P}}}nvPr/{{{P}}}ph") is not None or (
                    skip_stand_ins and stand_in(element)):
                continue
            off = _find(element, "./*/a:xfrm/a:off | ./p:xfrm/a:off")
            ext = _find(element, "./*/a:xfrm/a:ext | ./p:xfrm/a:ext")
            if off is None or ext is None:
                continue
            x, y, w, h = (int(e.get(k, "0")) / EMU_PER_POINT
                          for e, k in ((off, "x"), (off, "y"), (ext, "cx"), (ext, "cy")))
            box = Box(x, y, w, h)
            if 0 < box.w * box.h < self.slide.w * self.slide.h / 3:
                found.append(box)
        return found


def _theme_face(root: etree._Element | None, kind: str) -> str | None:
    latin = root.find(f".//{{{A}}}{kind}/{{{A}}}latin") if root is not None else None
    return latin.get("typeface") if latin is not None and latin.get("typeface") else None


@dataclass(frozen=True, slots=True)
class PlaceholderStyle:
    """A placeholder's first-level text style: colour, typeface, size, and whether its
    box grows with its text."""

    colour: str | None
    font: str | None
    size: float | None
    grows: bool


def _style_chain(shape: Any, kind: str, master: Any) -> list[etree._Element]:
    """Return the ``a:lvl1pPr`` elements a placeholder's text inherits, nearest first."""
    chain: list[etree._Element] = []
    own = _find(shape._element, "./p:txBody/a:lstStyle/a:lvl1pPr")
    if own is not None:
        chain.append(own)
    base = _master_placeholder(master, kind)
    inherited = _find(base, "./p:txBody/a:lstStyle/a:lvl1pPr") if base is not None else None
    if inherited is not None:
        chain.append(inherited)
    style = "titleStyle" if kind in _TITLES else \
        "bodyStyle" if kind in ("body", "obj", "subTitle") else "otherStyle"
    found = _find(master._element, f"./p:txStyles/p:{style}/a:lvl1pPr")
    if found is not None:
        chain.append(found)
    return chain


def _master_placeholder(master: Any, kind: str) -> etree._Element | None:
    wanted = "title" if kind in _TITLES else "body" if kind in ("body", "obj", "subTitle") \
        else kind
    for element in master._element.iter(f"{{{P}}}sp"):
        ph = _find(element, "./p:nvSpPr/p:nvPr/p:ph")
        if ph is not None and ph.get("type", "body" if ph.get("idx") else "obj") in (
                wanted, "obj" if wanted == "body" else wanted):
            return element
    return None


def placeholder_style(shape: Any, kind: str, colours: Colours, fonts: dict[str, str | None]
                      ) -> PlaceholderStyle:
    """Return the text style of a layout placeholder, resolved through its inheritance."""
    master = shape.part.slide_master
    chain = _style_chain(shape, kind, master)
    colour = font = None
    size = None
    for level in chain:
        rpr = _find(level, "./a:defRPr")
        if rpr is None:
            continue
        if colour is None:
            fill = _find(rpr, "./a:solidFill")
            colour = colours.of(fill) if fill is not None else None
        if font is None:
            latin = _find(rpr, "./a:latin")
            face = latin.get("typeface") if latin is not None else None
            font = fonts.get(face, face) if face else None
        if size is None and rpr.get("sz"):
            size = int(rpr.get("sz", "1800")) / 100
    if font is None:
        font = fonts.get("+mj-lt" if kind in _TITLES else "+mn-lt")
    grows = False
    for body in (_find(shape._element, "./p:txBody/a:bodyPr"),
                 _find(_master_placeholder(master, kind), "./p:txBody/a:bodyPr")):
        if body is None:
            continue
        fits = [etree.QName(c).localname for c in body
                if etree.QName(c).localname in ("spAutoFit", "normAutofit", "noAutofit")]
        if fits:
            grows = fits[0] == "spAutoFit"
            break
    return PlaceholderStyle(colour or colours.slot("tx1"), font, size, grows)


def master_fonts(prs: Any, fonts: dict[str, str | None]) -> tuple[str | None, str | None]:
    """Return the typefaces of the master's body and title styles (Latin script), which
    are what slide text is set in when they differ from the theme's fonts."""
    master = prs.slide_masters[0]
    found = []
    for style in ("bodyStyle", "titleStyle"):
        latin = _find(master._element, f"./p:txStyles/p:{style}/a:lvl1pPr/a:defRPr/a:latin")
        face = latin.get("typeface") if latin is not None else None
        found.append(fonts.get(face, face) if face else None)
    return found[0], found[1]


def placeholder_fonts(layouts: Iterable[LayoutGeometry], body: str, heading: str
                      ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the fonts other than ``body`` and ``heading`` that the placeholders of
    ``layouts`` set their own text in (a Google Slides export names Arial on its master
    and the brand's font on each layout): (for text, for titles), sorted."""
    text: set[str] = set()
    titles: set[str] = set()
    for layout in layouts:
        for placeholder in layout.placeholders:
            if placeholder.font:
                (titles if placeholder.kind in _TITLES else text).add(placeholder.font)
    return tuple(sorted(text - {body})), tuple(sorted(titles - {heading}))


def layout_data(layout: LayoutGeometry) -> dict[str, Any]:
    """Return a layout as JSON-ready data for the template cache."""
    return {
        "name": layout.name, "dark": layout.dark, "kind": layout.kind,
        "background": layout.background, "colours": [list(c) for c in layout.colours],
        "obstacles": [[b.x, b.y, b.w, b.h] for b in layout.obstacles],
        "artwork": [[b.x, b.y, b.w, b.h] for b in layout.artwork],
        "placeholders": [[p.kind, p.idx, p.box.x, p.box.y, p.box.w, p.box.h, p.grows,
                          p.text_colour, p.background, p.font, p.size]
                         for p in layout.placeholders],
    }


def layout_from_data(data: dict[str, Any]) -> LayoutGeometry:
    """Return the `LayoutGeometry` that `layout_data` turned into ``data``."""
    return LayoutGeometry(
        data["name"],
        tuple(Placeholder(k, i, Box(x, y, w, h), grows, colour, under, font, size)
              for k, i, x, y, w, h, grows, colour, under, font, size in data["placeholders"]),
        bool(data["dark"]), data["kind"], data["background"],
        tuple((s, c) for s, c in data["colours"]),
        tuple(Box(*b) for b in data["obstacles"]), tuple(Box(*b) for b in data["artwork"]))


__all__ = ["Layer", "_Reader", "layout_data", "layout_from_data", "master_fonts",
           "placeholder_fonts", "placeholder_style"]
