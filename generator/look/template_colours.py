"""The colours a deck template really shows: text colours and what lies behind them.

A colour in a template is rarely a plain RGB value. It names a slot of the colour
scheme (``tx1``, ``bg2``, ``accent1``...) that the slide master's colour map (and a
layout's override of it) turns into one of the theme's twelve colours, and it may
be changed on the way by ``lumMod``/``lumOff``, ``tint``, ``shade`` or ``satMod``.
A background may be a fill of the layout, of the master or a fill style of the
theme, a picture, or a picture or shape laid over the whole slide. `Colours`
resolves all of that to ``RRGGBB``, and `Backdrop` finds the colour under a box,
sampling the pixels of pictures.
"""

from __future__ import annotations

import colorsys
import io
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from generator.layout.geometry import EMU_PER_POINT, Box
from generator.look.colours import contrast_ratio as contrast
from generator.look.colours import from_linear as _encode
from generator.look.colours import hex_of as _hex
from generator.look.colours import rgb as _rgb
from generator.look.colours import to_linear as _channel

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"a": A, "p": P, "r": R}
COLOUR_TAGS = ("srgbClr", "schemeClr", "sysClr", "prstClr", "scrgbClr", "hslClr")
PRESET = {"black": "000000", "white": "FFFFFF", "red": "FF0000", "green": "008000",
          "blue": "0000FF", "yellow": "FFFF00", "gray": "808080", "grey": "808080",
          "darkGray": "A9A9A9", "lightGray": "D3D3D3", "navy": "000080"}
DEFAULT_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2",
               **{f"accent{i}": f"accent{i}" for i in range(1, 7)},
               "hlink": "hlink", "folHlink": "folHlink"}


READABLE_SLOTS = ("tx1", "bg1", "tx2", "bg2", "accent1", "accent2", "accent3", "accent4",
                  "accent5", "accent6")


def readable_slot(colours: dict[str, str], background: str | None, slot: str,
                  needed: float = 4.5) -> str:
    """Return ``slot`` when its colour (``colours`` maps slots to RRGGBB) has ``needed``
    contrast on ``background``, else the template's slot with the most contrast there."""
    if background is None or slot not in colours or \
            contrast(colours[slot], background) >= needed:
        return slot
    return max((s for s in READABLE_SLOTS if s in colours),
               key=lambda s: contrast(colours[s], background), default=slot)


def apply_modifiers(base: str, element: etree._Element) -> str:
    """Return ``base`` (RRGGBB) changed by the modifiers under a colour element.

    ``lumMod``/``lumOff`` act on HSL lightness, ``satMod`` on saturation, as
    PowerPoint applies them; ``tint`` and ``shade`` mix with white and black in
    linear light.
    """
    r, g, b = _rgb(base)
    for child in element:
        name = etree.QName(child).localname
        try:
            value = int(child.get("val", "100000")) / 100000
        except ValueError:
            continue
        if name in ("lumMod", "lumOff", "satMod"):
            h, lum, s = colorsys.rgb_to_hls(r / 255, g / 255, b / 255)
            if name == "lumMod":
                lum *= value
            elif name == "lumOff":
                lum += value
            else:
                s *= value
            rr, gg, bb = colorsys.hls_to_rgb(h, max(0.0, min(1.0, lum)), max(0.0, min(1.0, s)))
            r, g, b = (round(v * 255) for v in (rr, gg, bb))
        elif name in ("tint", "shade"):
            lin = [_channel(v) for v in (r, g, b)]
            mixed = [c * value + (1 - value) if name == "tint" else c * value for c in lin]
            r, g, b = (round(_encode(c)) for c in mixed)
        elif name == "inv":
            r, g, b = 255 - r, 255 - g, 255 - b
    return _hex(r, g, b)


@dataclass(frozen=True)
class Colours:
    """A template's colour scheme with the colour map in force on one layout."""

    scheme: dict[str, str]
    mapping: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_MAP))

    def with_map(self, element: etree._Element | None) -> Colours:
        """Return these colours under the colour map (or override) ``element`` holds."""
        if element is None:
            return self
        override = element if etree.QName(element).localname == "clrMap" else \
            element.find(f"{{{A}}}overrideClrMapping")
        if override is None:
            return self
        return Colours(self.scheme, {**self.mapping, **dict(override.attrib)})

    def slot(self, name: str) -> str | None:
        """Return the RRGGBB of a scheme slot (``tx1``, ``bg2``, ``dk1``, ``accent3``...)."""
        return self.scheme.get(self.mapping.get(name, name))

    def of(self, element: etree._Element | None, placeholder: str | None = None) -> str | None:
        """Return the RRGGBB of a colour element (or of the first colour under a fill)."""
        if element is None:
            return None
        if etree.QName(element).localname not in COLOUR_TAGS:
            element = next((c for c in element if etree.QName(c).localname in COLOUR_TAGS), None)
            if element is None:
                return None
        name = etree.QName(element).localname
        base: str | None = None
        if name == "srgbClr":
            base = element.get("val", "").upper() or None
        elif name == "schemeClr":
            val = element.get("val", "")
            base = placeholder if val == "phClr" else self.slot(val)
        elif name == "sysClr":
            base = (element.get("lastClr") or
                    ("FFFFFF" if element.get("val") == "window" else "000000")).upper()
        elif name == "prstClr":
            base = PRESET.get(element.get("val", ""), "808080")
        elif name == "scrgbClr":
            lin = [int(element.get(k, "0")) / 100000 for k in ("r", "g", "b")]
            base = _hex(*(_encode(c) for c in lin))
        elif name == "hslClr":
            h = int(element.get("hue", "0")) / 21600000
            s, lum = (int(element.get(k, "0")) / 100000 for k in ("sat", "lum"))
            base = _hex(*(v * 255 for v in colorsys.hls_to_rgb(h, lum, s)))
        if base is None or len(base) != 6:
            return None
        return apply_modifiers(base, element)

    def fill(self, element: etree._Element | None, placeholder: str | None = None,
             images: Any = None) -> str | None:
        """Return the colour a fill parent (``spPr``, ``bgPr``) shows, on average.

        A gradient gives the mean of its stops; a picture fill the mean of its
        pixels when ``images`` (rId -> bytes) has it; ``noFill`` gives None.
        """
        if element is None:
            return None
        for child in element:
            name = etree.QName(child).localname
            if name == "solidFill":
                return self.of(child, placeholder)
            if name == "gradFill":
                stops = [self.of(gs, placeholder) for gs in child.iter(f"{{{A}}}gs")]
                return mean_colour([s for s in stops if s])
            if name == "blipFill" and images is not None:
                blip = child.find(f"{{{A}}}blip")
                rid = blip.get(f"{{{R}}}embed") if blip is not None else None
                data = images(rid) if rid else None
                return sample(data, (0.0, 0.0, 1.0, 1.0)) if data else None
            if name == "pattFill":
                return self.of(child.find(f"{{{A}}}bgClr"), placeholder)
            if name == "noFill":
                return None
        return None


def mean_colour(colours: list[str]) -> str | None:
    """Return the mean (in linear light) of RRGGBB colours, or None for none."""
    if not colours:
        return None
    lin = [[_channel(v) for v in _rgb(c)] for c in colours]
    return _hex(*(_encode(sum(c[i] for c in lin) / len(lin)) for i in range(3)))


def sample(data: bytes, region: tuple[float, float, float, float]) -> str | None:
    """Return the mean colour of a picture over ``region`` (x0, y0, x1, y1 as shares of
    its width and height), or None when the picture cannot be read.

    Transparent pixels count as not there; a picture that is all transparent gives None.
    """
    try:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as opened:
            picture = opened.convert("RGBA")
    except Exception:
        return None
    w, h = picture.size
    x0, y0, x1, y1 = region
    box = (int(max(0.0, x0) * w), int(max(0.0, y0) * h),
           max(int(min(1.0, x1) * w), int(max(0.0, x0) * w) + 1),
           max(int(min(1.0, y1) * h), int(max(0.0, y0) * h) + 1))
    cropped = picture.crop(box)
    cropped.thumbnail((64, 64))
    raw = cropped.tobytes()
    pixels = [raw[i:i + 4] for i in range(0, len(raw), 4) if raw[i + 3] > 128]
    if len(pixels) < max(1, cropped.width * cropped.height // 2):
        return None
    lin = [0.0, 0.0, 0.0]
    for p in pixels:
        for i in range(3):
            lin[i] += _channel(p[i])
    return _hex(*(_encode(v / len(pixels)) for v in lin))


@dataclass
class Layer:
    """A shape drawn by a layout or master, behind the slide's text: its box and how to
    find its colour over a region (a fixed colour, or a picture's pixels)."""

    box: Box
    colour: str | None = None
    picture: bytes | None = None

    def colour_over(self, target: Box) -> str | None:
        """Return this layer's colour over the part of ``target`` it covers."""
        if self.picture is None:
            return self.colour
        b = self.box
        region = ((max(target.x, b.x) - b.x) / b.w, (max(target.y, b.y) - b.y) / b.h,
                  (min(target.right, b.right) - b.x) / b.w,
                  (min(target.bottom, b.bottom) - b.y) / b.h)
        return sample(self.picture, region)


def shape_box(element: etree._Element) -> Box | None:
    """Return the box (in points) of a shape, picture or group element from its
    ``xfrm``, or None where it has none or no size."""
    off = element.find(f"./*/{{{A}}}xfrm/{{{A}}}off")
    ext = element.find(f"./*/{{{A}}}xfrm/{{{A}}}ext")
    if off is None or ext is None:
        return None
    x, y = int(off.get("x", "0")), int(off.get("y", "0"))
    w, h = int(ext.get("cx", "0")), int(ext.get("cy", "0"))
    if w <= 0 or h <= 0:
        return None
    return Box(x / EMU_PER_POINT, y / EMU_PER_POINT, w / EMU_PER_POINT, h / EMU_PER_POINT)


def layers(part: Any, colours: Colours, slide: Box) -> list[Layer]:
    """Return the pictures and filled shapes a layout or master draws (not its
    placeholders), bottom first, that cover at least a twentieth of the slide."""
    tree = part._element.find(f"{{{P}}}cSld/{{{P}}}spTree")
    found: list[Layer] = []
    if tree is None:
        return found
    for element in tree:
        name = etree.QName(element).localname
        if name not in ("sp", "pic") or element.find(f".//{{{P}}}nvPr/{{{P}}}ph") is not None:
            continue
        box = shape_box(element)
        if box is None or box.w * box.h < slide.w * slide.h / 20:
            continue
        if name == "pic":
            blip = element.find(f".//{{{A}}}blip")
            rid = blip.get(f"{{{R}}}embed") if blip is not None else None
            data = _image(part, rid)
            if data is not None:
                found.append(Layer(box, picture=data))
        else:
            geometry = element.find(f"{{{P}}}spPr/{{{A}}}prstGeom")
            if geometry is None or geometry.get("prst") not in ("rect", "roundRect"):
                continue  # freeforms, arrows, lines and ornaments are no background
            colour = colours.fill(element.find(f"{{{P}}}spPr"),
                                  images=lambda rid, p=part: _image(p, rid))
            if colour is not None:
                found.append(Layer(box, colour))
    return found


def _image(part: Any, rid: str | None) -> bytes | None:
    if not rid:
        return None
    try:  # a layout or master (python-pptx's proxy of it) or its part
        return getattr(part, "part", part).related_part(rid).blob
    except (KeyError, AttributeError):
        return None


def background_picture(part: Any) -> bytes | None:
    """Return the picture a layout's or master's own background (``p:bg``) is filled
    with, or None when it is no picture."""
    blip = part._element.find(f"{{{P}}}cSld/{{{P}}}bg/{{{P}}}bgPr/{{{A}}}blipFill/{{{A}}}blip")
    return _image(part, blip.get(f"{{{R}}}embed")) if blip is not None else None


def background_fill(part: Any, colours: Colours, fill_styles: list[etree._Element]
                    ) -> str | bool | None:
    """Return the colour of a layout's or master's own background (``p:bg``): RRGGBB,
    None when it has none (the one beneath shows), False when unknown."""
    bg = part._element.find(f"{{{P}}}cSld/{{{P}}}bg")
    if bg is None:
        return None
    pr = bg.find(f"{{{P}}}bgPr")
    if pr is not None:
        found = colours.fill(pr, images=lambda rid: _image(part, rid))
        return found if found is not None else False
    ref = bg.find(f"{{{P}}}bgRef")
    if ref is None:
        return False
    colour = colours.of(ref)
    try:
        index = int(ref.get("idx", "0"))
    except ValueError:
        index = 0
    if index >= 1001 and index - 1001 < len(fill_styles):
        style = etree.Element("wrap")
        style.append(_copy(fill_styles[index - 1001]))
        styled = colours.fill(style, placeholder=colour)
        if styled is not None:
            return styled
    return colour if colour is not None else False


def _copy(element: etree._Element) -> etree._Element:
    from copy import deepcopy

    return deepcopy(element)


def theme_fill_styles(theme_root: etree._Element | None) -> list[etree._Element]:
    """Return the theme's background fill styles (``a:bgFillStyleLst``), in order."""
    if theme_root is None:
        return []
    found = theme_root.find(f".//{{{A}}}bgFillStyleLst")
    return list(found) if found is not None else []


@dataclass
class Backdrop:
    """What lies under the text of one layout: its background and the shapes drawn over it."""

    base: str
    layers: list[Layer]

    def under(self, box: Box) -> str:
        """Return the colour under ``box``: of the topmost layer covering most of it,
        else the background."""
        area = box.w * box.h
        for layer in reversed(self.layers):
            b = layer.box
            overlap = max(0.0, b.across(box)) * max(0.0, b.down(box))
            if area > 0 and overlap >= area * 0.5:
                found = layer.colour_over(box)
                if found is not None:
                    return found
        return self.base
