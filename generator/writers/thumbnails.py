"""Slide thumbnails for the PDFs: a laid-out slide drawn as vectors with reportlab.

The thumbnail is drawn from the same `SlideLayout` the deck writer puts into the
.pptx, line by line at the fitted sizes, so a handout shows what the slide shows.
The template's own decorations (background fill, accent rules, slide number) are
read from the deck template; text colours follow the `Theme`.

Vertical placement follows what the renderers do with exact line spacing: every
line is ``line_height`` tall and its baseline sits ``BASELINE_DROP * size`` above
the bottom of the line (measured on LibreOffice's output, within 0.05 pt).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.exc import PackageNotFoundError
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from generator.layout.fonts import metrics
from generator.layout.frames import (
    INSET_X,
    INSET_Y,
    PictureFrame,
    SlideLayout,
    TableFrame,
    TextFrame,
)
from generator.layout.geometry import EMU_PER_POINT, Box
from generator.layout.slides import DeckLayout
from generator.layout.text import FittedText, TextStyle, paragraph_indent
from generator.theme import DEFAULT_THEME, Theme
from generator.writers.pdf_common import face
from generator.writers.pptx_template import template_path

SLIDE_SIZE = (960.0, 540.0)
"""The default slide size in points (13.333 x 7.5 in)."""

BASELINE_DROP = 0.2
"""Distance from a line's baseline up from the bottom of its line box, in ems."""

NUMBER_BASELINE = 0.53
"""Slide number baseline below the middle of its box, in ems (single line spacing)."""

BORDER = HexColor("#B1B4B6")
"""Colour of the thin frame around every thumbnail."""

HEAVY_SLOTS = frozenset({"title", "quote", "statement"})
"""Slots set in the heading colour on light layouts (the template's ``tx2`` text)."""

STRIPES = (0.22, 0.1)
"""Banded table rows: share of the header colour mixed into white, odd and even rows."""

Thumbnail = Callable[[Canvas, int, float, float, float, float], None]


@dataclass(frozen=True, slots=True)
class LayoutLook:
    """What a template layout draws by itself: background, accent rules, slide number."""

    background: str | None
    rules: tuple[tuple[Box, str], ...]
    number_box: Box | None
    number_size: float = 14.0


# --------------------------------------------------------------------------- template


def _box(shape: object) -> Box:
    """Return a python-pptx shape's box in points."""
    return Box(shape.left / EMU_PER_POINT, shape.top / EMU_PER_POINT,  # type: ignore[attr-defined]
               shape.width / EMU_PER_POINT, shape.height / EMU_PER_POINT)  # type: ignore[attr-defined]


def _solid(element: etree._Element | None, mapping: dict[str, str],
           scheme: dict[str, str]) -> str | None:
    """Return the hex colour of the first ``a:solidFill`` under ``element``, or None."""
    fill = element.find(f".//{qn('a:solidFill')}") if element is not None else None
    if fill is None:
        return None
    srgb = fill.find(qn("a:srgbClr"))
    if srgb is not None:
        return srgb.get("val")
    named = fill.find(qn("a:schemeClr"))
    if named is None:
        return None
    name = named.get("val", "")
    return scheme.get(mapping.get(name, name))


def _layout_look(layout: object, mapping: dict[str, str], scheme: dict[str, str]) -> LayoutLook:
    """Return the look of one python-pptx slide layout."""
    element = layout._element  # type: ignore[attr-defined]
    override = element.find(f"{qn('p:clrMapOvr')}/{qn('a:overrideClrMapping')}")
    if override is not None:
        mapping = dict(override.attrib)
    background = _solid(element.cSld.bg, mapping, scheme)
    rules: list[tuple[Box, str]] = []
    number_box, number_size = None, 14.0
    for shape in layout.shapes:  # type: ignore[attr-defined]
        sp = shape._element
        if shape.is_placeholder:
            if sp.ph is not None and sp.ph.get("type") == "sldNum":
                number_box = _box(shape)
                size = sp.find(f".//{qn('a:lvl1pPr')}/{qn('a:defRPr')}")
                if size is not None and size.get("sz"):
                    number_size = int(size.get("sz")) / 100
            continue
        geometry = sp.find(f"{qn('p:spPr')}/{qn('a:prstGeom')}")
        colour = _solid(sp.find(qn("p:spPr")), mapping, scheme)
        if geometry is not None and geometry.get("prst") == "rect" and colour:
            rules.append((_box(shape), colour))
    return LayoutLook(background, tuple(rules), number_box, number_size)


@lru_cache(maxsize=4)
def template_looks(template: Path) -> dict[str, LayoutLook]:
    """Return {layout name: its look} for a deck template; {} when it cannot be read."""
    try:
        prs = Presentation(str(template))
    except (OSError, PackageNotFoundError):
        return {}
    looks: dict[str, LayoutLook] = {}
    for master in prs.slide_masters:
        root = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
        found = root.find(f".//{qn('a:clrScheme')}")
        scheme = {etree.QName(c).localname: _solid_value(c) for c in found} if found is not None \
            else {}
        clr_map = master._element.find(qn("p:clrMap"))
        mapping = dict(clr_map.attrib) if clr_map is not None else {}
        for layout in master.slide_layouts:
            looks.setdefault(layout.name, _layout_look(layout, mapping, scheme))
    return looks


def _solid_value(slot: etree._Element) -> str:
    """Return the hex colour of a colour-scheme slot (``srgbClr`` or ``sysClr``)."""
    srgb = slot.find(qn("a:srgbClr"))
    if srgb is not None:
        return srgb.get("val", "000000")
    system = slot.find(qn("a:sysClr"))
    return system.get("lastClr", "000000") if system is not None else "000000"


# --------------------------------------------------------------------------- drawing helpers


@lru_cache(maxsize=64)
def _colour(hex_rgb: str) -> Color:
    """Return a reportlab colour for ``RRGGBB``."""
    return HexColor(f"#{hex_rgb}")


def _tint(hex_rgb: str, share: float) -> str:
    """Return ``hex_rgb`` mixed into white, keeping ``share`` of the colour."""
    channels = (int(hex_rgb[i : i + 2], 16) for i in (0, 2, 4))
    return "".join(f"{round(c * share + 255 * (1 - share)):02X}" for c in channels)


@lru_cache(maxsize=32)
def _picture(path: Path) -> tuple[ImageReader, str]:
    """Return the image reader of a picture and a form name derived from its bytes."""
    digest = hashlib.sha1(path.read_bytes()).hexdigest()[:16]
    return ImageReader(str(path)), f"thumbpic{digest}"


class _Pen:
    """Draws in slide coordinates (pt, y down) on a canvas already scaled to the slide."""

    __slots__ = ("canvas", "height")

    def __init__(self, canvas: Canvas, height: float) -> None:
        self.canvas = canvas
        self.height = height

    def rect(self, box: Box, fill: str) -> None:
        """Fill ``box`` with ``fill``."""
        self.canvas.setFillColor(_colour(fill))
        self.canvas.rect(box.x, self.height - box.bottom, box.w, box.h, stroke=0, fill=1)

    def text(self, x: float, baseline: float, text: str, size: float, bold: bool,
             italic: bool, fill: str) -> None:
        """Draw ``text`` with its baseline at slide y ``baseline``."""
        self.canvas.setFont(face(bold, italic), size)
        self.canvas.setFillColor(_colour(fill))
        self.canvas.drawString(x, self.height - baseline, text)

    def picture(self, box: Box, path: Path) -> None:
        """Draw the picture at ``path`` stretched into ``box`` (stored once per PDF)."""
        reader, name = _picture(path)
        canvas = self.canvas
        if not canvas.hasForm(name):
            canvas.beginForm(name, 0, 0, 1, 1)
            canvas.drawImage(reader, 0, 0, 1, 1, mask="auto")
            canvas.endForm()
        canvas.saveState()
        canvas.translate(box.x, self.height - box.bottom)
        canvas.scale(box.w, box.h)
        canvas.doForm(name)
        canvas.restoreState()


@dataclass(frozen=True, slots=True)
class _Ink:
    """Colours for one block of text."""

    text: str
    link: str


def _marker(numbered: bool, level: int, counters: list[int]) -> str:
    """Return the bullet of a paragraph at ``level``, advancing the numbering."""
    if not numbered:
        return "•" if level % 2 == 0 else "–"
    del counters[level + 1 :]
    counters.extend([0] * (level + 1 - len(counters)))
    counters[level] += 1
    return f"{counters[level]}."


def _draw_text(pen: _Pen, fitted: FittedText, style: TextStyle, inner: Box, ink: _Ink, *,
               align: str = "l", anchor: str = "t", numbered: bool = False) -> None:
    """Draw fitted text inside ``inner`` (the box less its insets), as the deck sets it."""
    size, pitch = fitted.size, fitted.line_height
    top = inner.y
    if anchor == "ctr":
        top += (inner.h - fitted.height) / 2
    elif anchor == "b":
        top += inner.h - fitted.height
    drop = pitch - BASELINE_DROP * size
    counters: list[int] = []
    for index, fitted_paragraph in enumerate(fitted.paragraphs):
        para = fitted_paragraph.paragraph
        if index:
            top += fitted.space_before
        margin, hanging = paragraph_indent(para, size, style)
        if para.bullet:
            bullet = _marker(numbered, para.level, counters)
            pen.text(inner.x + margin - hanging, top + drop, bullet, size, False, False, ink.text)
        else:
            counters.clear()
        for line in fitted_paragraph.lines:
            x = inner.x + margin
            if align == "ctr":
                x += (inner.w - margin - line.width) / 2
            baseline = top + drop
            for span in line.spans:
                width = metrics(span.bold, span.italic).width(span.text, size)
                colour = ink.link if span.href else ink.text
                pen.text(x, baseline, span.text, size, span.bold, span.italic, colour)
                if span.href:
                    pen.rect(Box(x, baseline + 0.1 * size, width, 0.07 * size), colour)
                x += width
            top += pitch


def _text_frame(pen: _Pen, frame: TextFrame, slide: SlideLayout, theme: Theme) -> None:
    """Draw a text frame in its tone's colour."""
    dark = slide.layout.dark
    if dark or frame.tone == "inverse":
        colour = theme.inverse_text
    elif frame.tone == "muted":
        colour = theme.muted
    elif frame.slot in HEAVY_SLOTS:
        colour = theme.heading
    else:
        colour = theme.text
    ink = _Ink(colour, theme.inverse_text if dark else theme.link)
    _draw_text(pen, frame.text, frame.style, frame.box.inset(INSET_X, INSET_Y, INSET_X, INSET_Y),
               ink, align=frame.align, anchor=frame.anchor, numbered=frame.numbered)


def _table(pen: _Pen, frame: TableFrame, theme: Theme) -> None:
    """Draw a table like PowerPoint's default style: dark header, banded rows, white grid."""
    header_ink = _Ink(theme.table_header_text, theme.table_header_text)
    body_ink = _Ink(theme.text, theme.link)
    y = frame.box.y
    for r, (row, height) in enumerate(zip(frame.cells, frame.row_heights, strict=True)):
        is_header = frame.header and r == 0
        band = r - 1 if frame.header else r
        fill = theme.table_header_fill if is_header else \
            _tint(theme.table_header_fill, STRIPES[band % 2])
        x = frame.box.x
        for fitted, width in zip(row, frame.column_widths, strict=True):
            cell = Box(x, y, width, height)
            pen.rect(cell, fill)
            _draw_text(pen, fitted, frame.style, cell.inset(INSET_X, INSET_Y, INSET_X, INSET_Y),
                       header_ink if is_header else body_ink)
            x += width
        y += height
    grid, box = theme.background, frame.box
    y = box.y
    for height in (0.0, *frame.row_heights):
        y += height
        pen.rect(Box(box.x - 0.5, y - 0.5, box.w + 1, 1), grid)
    x = box.x
    for width in (0.0, *frame.column_widths):
        x += width
        pen.rect(Box(x - 0.5, box.y - 0.5, 1, box.h + 1), grid)


def _slide_number(pen: _Pen, slide: SlideLayout, look: LayoutLook, theme: Theme) -> None:
    """Draw the slide number right-aligned in the layout's slide-number box."""
    box = look.number_box
    if box is None:
        return
    text, size = str(slide.number), look.number_size
    width = metrics(False, False).width(text, size)
    colour = theme.inverse_text if slide.layout.dark else theme.muted
    baseline = box.y + box.h / 2 + NUMBER_BASELINE * size
    pen.text(box.right - width, baseline, text, size, False, False, colour)


# --------------------------------------------------------------------------- public API


def _fit(x: float, y: float, w: float, h: float,
         slide_size: tuple[float, float]) -> tuple[float, float, float]:
    """Return (left, bottom, scale) placing the slide centred in the rect, aspect kept."""
    scale = min(w / slide_size[0], h / slide_size[1])
    return (x + (w - slide_size[0] * scale) / 2, y + (h - slide_size[1] * scale) / 2, scale)


def _frame_border(canvas: Canvas, left: float, bottom: float, w: float, h: float) -> None:
    """Stroke a thin border around a thumbnail."""
    canvas.setStrokeColor(BORDER)
    canvas.setLineWidth(0.5)
    canvas.rect(left, bottom, w, h, stroke=1, fill=0)


def draw_slide(canvas: Canvas, slide: SlideLayout, x: float, y: float, w: float, h: float, *,
               theme: Theme = DEFAULT_THEME, slide_size: tuple[float, float] = SLIDE_SIZE,
               template: Path | None = None) -> None:
    """Draw ``slide`` scaled into the rect with lower-left corner (x, y); returns None.

    The slide keeps its aspect ratio and is centred in the rect, clipped to its own
    edges and framed with a thin border. ``template`` is the deck template whose
    background fills, accent rules and slide-number box are drawn (default: the
    built-in template).
    """
    look = template_looks(template or template_path()).get(
        slide.layout.name, LayoutLook(None, (), None))
    width, height = slide_size
    left, bottom, scale = _fit(x, y, w, h, slide_size)
    canvas.saveState()
    canvas.translate(left, bottom)
    canvas.scale(scale, scale)
    clip = canvas.beginPath()
    clip.rect(0, 0, width, height)
    canvas.clipPath(clip, stroke=0, fill=0)
    pen = _Pen(canvas, height)
    background = theme.dark_background if slide.layout.dark else \
        (look.background or theme.background)
    pen.rect(Box(0, 0, width, height), background)
    for box, colour in look.rules:
        pen.rect(box, colour)
    for frame in slide.frames:
        if isinstance(frame, PictureFrame):
            pen.picture(frame.box, frame.path)
        elif isinstance(frame, TableFrame):
            _table(pen, frame, theme)
        else:
            _text_frame(pen, frame, slide, theme)
    _slide_number(pen, slide, look, theme)
    canvas.restoreState()
    canvas.saveState()
    _frame_border(canvas, left, bottom, width * scale, height * scale)
    canvas.restoreState()


def draw_empty(canvas: Canvas, x: float, y: float, w: float, h: float, *,
               slide_size: tuple[float, float] = SLIDE_SIZE) -> None:
    """Draw a blank white slide-shaped box with a thin border; returns None."""
    left, bottom, scale = _fit(x, y, w, h, slide_size)
    canvas.saveState()
    canvas.setFillColor(_colour("FFFFFF"))
    canvas.rect(left, bottom, slide_size[0] * scale, slide_size[1] * scale, stroke=0, fill=1)
    _frame_border(canvas, left, bottom, slide_size[0] * scale, slide_size[1] * scale)
    canvas.restoreState()


def thumbnail_drawer(deck: DeckLayout, theme: Theme = DEFAULT_THEME, *,
                     slide_size: tuple[float, float] = SLIDE_SIZE,
                     template: Path | None = None) -> Thumbnail:
    """Return ``f(canvas, plan_index, x, y, w, h)`` drawing that planned slide's first slide.

    A plan index with no laid-out slide (a slide that did not fit) gets an empty
    framed box.
    """
    first: dict[int, SlideLayout] = {}
    for slide in deck.slides:
        first.setdefault(slide.plan_index, slide)
    chosen = template or template_path()
    template_looks(chosen)

    def draw(canvas: Canvas, plan_index: int, x: float, y: float, w: float, h: float) -> None:
        slide = first.get(plan_index)
        if slide is None:
            draw_empty(canvas, x, y, w, h, slide_size=slide_size)
        else:
            draw_slide(canvas, slide, x, y, w, h, theme=theme, slide_size=slide_size,
                       template=chosen)

    return draw


__all__ = ["LayoutLook", "draw_empty", "draw_slide", "template_looks", "thumbnail_drawer"]
