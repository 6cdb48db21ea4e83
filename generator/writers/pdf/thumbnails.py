"""Slide thumbnails for the PDFs: a laid-out slide drawn as vectors with reportlab.

Drawn from the `SlideLayout` the deck writer puts into the .pptx, with the template's
decorations (background, accent rules, slide number) in the theme's colours. Lines are
re-broken and placed as a renderer does (`rendered_lines`, `BASELINE_DROP`): against
LibreOffice's PDF of the deck, text lands within 0.3 pt of the slide's."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from generator.layout import frames as fr
from generator.layout.fonts import metrics
from generator.layout.geometry import Box
from generator.layout.linebreak import Prepared, break_lines, prepare
from generator.layout.measure import measured_families, measuring
from generator.layout.slides import DeckLayout
from generator.layout.text import FittedParagraph, FittedText, TextStyle, paragraph_runs
from generator.layout.text import paragraph_indent as indent
from generator.look.colours import TABLE_BANDS, tint
from generator.look.look import Look
from generator.look.template_looks import LayoutLook
from generator.look.theme import Theme
from generator.markup import Span
from generator.writers.pdf.style import pdf_style

BASELINE_DROP = 0.2
"""Height of a line's baseline above the bottom of its line box, in ems."""
NUMBER_BASELINE = 0.4  # slide number baseline below its box's middle, in ems
BORDER = HexColor("#B1B4B6")  # the thin frame around every thumbnail
HEADING_SLOTS = frozenset({"title", "quote", "statement"})  # heading colour on light layouts
BREAK_AFTER = re.compile(r"(?<=[^\W\d_]{2})-(?=[^\W\d_]{2})")
"""Where renderers may also end a line: after a hyphen between letters ("hand-|off")."""

Thumbnail = Callable[[Canvas, int, float, float, float, float], None]
Size = tuple[float, float]
RenderedLine = tuple[tuple[Span, ...], float]  # a line as set by a renderer: spans, width (pt)


@lru_cache(maxsize=64)
def _colour(hex_rgb: str) -> Color:
    """Return a reportlab colour for ``RRGGBB``."""
    return HexColor(f"#{hex_rgb}")


def _picture(path: Path) -> tuple[ImageReader, str]:
    """Return the image reader of a picture and a form name taken from its bytes."""
    return ImageReader(str(path)), f"thumbpic{hashlib.sha1(path.read_bytes()).hexdigest()[:16]}"


@dataclass(slots=True)
class _Pen:
    """Draws in slide coordinates (pt, y down) on a canvas already scaled to the slide;
    text is queued and drawn by `flush` in one text object, on top of the shapes."""

    canvas: Canvas
    height: float
    face: Callable[[bool, bool], str]
    words: list[tuple[float, float, str, str, float, str]] = field(default_factory=list)

    def rect(self, box: Box, fill: str) -> None:
        """Fill ``box`` with ``fill``."""
        self.canvas.setFillColor(_colour(fill))
        self.canvas.rect(box.x, self.height - box.bottom, box.w, box.h, stroke=0, fill=1)

    def text(self, x: float, baseline: float, text: str, size: float, fill: str,
             bold: bool = False, italic: bool = False) -> None:
        """Queue ``text`` with its baseline at slide y ``baseline``."""
        self.words.append((x, self.height - baseline, text, self.face(bold, italic), size, fill))

    def flush(self) -> None:
        """Draw the queued text, setting the font and colour only when they change."""
        tx, font, fill = self.canvas.beginText(), ("", 0.0), ""
        for x, y, text, name, size, colour in self.words:
            if (name, size) != font:
                font = (name, size)
                tx.setFont(name, size)
            if colour != fill:
                fill = colour
                tx.setFillColor(_colour(colour))
            tx.setTextOrigin(x, y)
            tx.textOut(text)
        self.canvas.drawText(tx)

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


def _break(prepared: Prepared, avail: float) -> list[tuple[int, int, float]]:
    """Return greedy breaks (start, end, width in ems), also at `BREAK_AFTER` points: a
    renderer may end a line inside the next line's first word where that part fits."""
    lines = break_lines(prepared, avail)
    text = prepared.text
    for index, (start, end, em, hard) in enumerate(lines[:-1]):
        after = lines[index + 1][0]
        stop = text.find(" ", after) % (len(text) + 1)
        cuts = [m.end() for m in BREAK_AFTER.finditer(text, after, stop)
                if em + prepared.em_width(end, m.end()) <= avail]
        if cuts and not hard and "/" not in text[after:stop]:
            rest = _break(prepare(prepared.pieces(cuts[-1], len(text))), avail)
            return [*((a, b, w) for a, b, w, _ in lines[:index]),
                    (start, cuts[-1], em + prepared.em_width(end, cuts[-1])),
                    *((a + cuts[-1], b + cuts[-1], w) for a, b, w in rest)]
    return [(a, b, w) for a, b, w, _ in lines]


def rendered_lines(fitted: FittedParagraph, width: float, size: float) -> list[RenderedLine]:
    """Return the lines a renderer makes of a fitted paragraph in a ``width`` pt text area.

    The deck holds a paragraph as runs joined by spaces, with explicit breaks only where
    the layout had them (`paragraph_runs`); PowerPoint and LibreOffice wrap that against
    the full width, not the layout's narrower one. Never more lines than the layout's.
    """
    segments: list[list[Span]] = [[]]
    for run in paragraph_runs(fitted):
        if run is None:
            segments.append([])
        else:
            segments[-1].append(run)
    lines: list[RenderedLine] = []
    for spans in segments:
        prepared = prepare(tuple(spans))
        lines.extend((prepared.pieces(start, end), em * size)
                     for start, end, em in _break(prepared, width / size))
    return lines


def _marker(numbered: bool, level: int, counters: list[int], start: int) -> str:
    """Return the bullet of a paragraph at ``level``, advancing the numbering."""
    if not numbered:
        return "•" if level % 2 == 0 else "–"
    del counters[level + 1 :]
    counters.extend([start - 1] * (level + 1 - len(counters)))
    counters[level] += 1
    return f"{counters[level]}."


def _draw_text(pen: _Pen, fitted: FittedText, style: TextStyle, box: Box,
               ink: tuple[str, str], families: tuple[str, ...],
               frame: fr.TextFrame | None = None) -> None:
    """Draw fitted text in ``box`` less the insets, in (text, link) colours ``ink``, with
    ``frame``'s alignment, anchor and numbering; lines re-broken against the width as
    the layout measured them, in ``families`` (see `measured_families`)."""
    inner = box.inset(fr.INSET_X, fr.INSET_Y, fr.INSET_X, fr.INSET_Y)
    size, pitch = fitted.size, fitted.line_height
    blocks = []
    for fitted_paragraph in fitted.paragraphs:
        margin, hanging = indent(fitted_paragraph.paragraph, size, style)
        with measuring(families):
            lines = rendered_lines(fitted_paragraph, inner.w - margin, size)
        blocks.append((fitted_paragraph.paragraph, margin, hanging, lines))
    gaps = frame.gaps if frame else ()
    height = sum(len(b[3]) for b in blocks) * pitch + max(len(blocks) - 1, 0) * \
        fitted.space_before + sum(gaps)
    anchor = frame.anchor if frame else "t"
    top = inner.y + {"ctr": (inner.h - height) / 2, "b": inner.h - height}.get(anchor, 0.0)
    drop = pitch - BASELINE_DROP * size
    counters: list[int] = []
    for index, (para, margin, hanging, lines) in enumerate(blocks):
        top += (fitted.space_before if index else 0.0) + \
            (gaps[index] if index < len(gaps) else 0.0)
        label = frame.labels[index] if frame and index < len(frame.labels) else ()
        if label:
            x = inner.x + margin - hanging
            for span in label:
                pen.text(x, top + drop, span.text, size, ink[0], span.bold, span.italic)
                x += metrics(span.bold, span.italic).width(span.text, size)
        elif para.bullet:
            bullet = _marker(bool(frame and frame.numbered), para.level, counters,
                             frame.number_from if frame else 1)
            pen.text(inner.x + margin - hanging, top + drop, bullet, size, ink[0])
        else:
            counters.clear()
        for spans, line_width in lines:
            x = inner.x + margin
            if frame and frame.align == "ctr":
                x += (inner.w - margin - line_width) / 2
            for span in spans:
                width = metrics(span.bold, span.italic).width(span.text, size)
                colour = ink[1] if span.href else ink[0]
                pen.text(x, top + drop, span.text, size, colour, span.bold, span.italic)
                if span.href:
                    pen.rect(Box(x, top + drop + 0.1 * size, width, 0.07 * size), colour)
                x += width
            top += pitch


def _text_frame(pen: _Pen, frame: fr.TextFrame, dark: bool, theme: Theme) -> None:
    """Draw a text frame in its tone's colour, as the deck's template and writer set it."""
    plain = theme.heading if frame.slot in HEADING_SLOTS else theme.text
    colour = {"inverse": theme.inverse_text, "muted": theme.muted}.get(
        "inverse" if dark else frame.tone, plain)
    ink = (colour, theme.inverse_text if dark else theme.link)
    families = theme.heading_families if frame.slot == "title" else theme.text_families
    _draw_text(pen, frame.text, frame.style, frame.box, ink,
               measured_families(*families, embedded=theme.embedded_fonts), frame)


def _table(pen: _Pen, frame: fr.TableFrame, theme: Theme) -> None:
    """Draw a table as the deck sets it: dark header, lightly banded rows, white grid."""
    y = frame.box.y
    for r, (row, height) in enumerate(zip(frame.cells, frame.row_heights, strict=True)):
        header = frame.header and r == 0
        band = TABLE_BANDS[(r - 1 if frame.header else r) % 2]
        fill = theme.table_header_fill if header else tint(theme.table_header_fill, band)
        ink = (theme.table_header_text,) * 2 if header else (theme.text, theme.link)
        for x, fitted, width in zip(accumulate(frame.column_widths, initial=frame.box.x), row,
                                    frame.column_widths, strict=False):
            pen.rect(Box(x, y, width, height), fill)
            _draw_text(pen, fitted, frame.style, Box(x, y, width, height), ink,
                       measured_families(*theme.text_families, embedded=theme.embedded_fonts))
        y += height
    box, grid = frame.box, theme.background
    for y in accumulate(frame.row_heights, initial=box.y):
        pen.rect(Box(box.x - 0.5, y - 0.5, box.w + 1, 1), grid)
    for x in accumulate(frame.column_widths, initial=box.x):
        pen.rect(Box(x - 0.5, box.y - 0.5, 1, box.h + 1), grid)


def _slide_number(pen: _Pen, slide: fr.SlideLayout, look: LayoutLook, theme: Theme) -> None:
    """Draw the slide number in the layout's slide-number box, aligned as it says."""
    box, text, size = look.number_box, str(slide.number), look.number_size
    if box is not None and slide.role not in fr.UNNUMBERED_ROLES:
        spare = box.w - metrics(False, False).width(text, size)
        x = box.x + {"r": spare, "ctr": spare / 2}.get(look.number_align, 0.0)
        pen.text(x, box.y + box.h / 2 + NUMBER_BASELINE * size, text, size,
                 theme.inverse_text if slide.layout.dark else theme.muted)


def _fit(x: float, y: float, w: float, h: float, size: Size) -> tuple[float, float, float]:
    """Return (left, bottom, scale) placing a slide centred in the rect, aspect kept."""
    scale = min(w / size[0], h / size[1])
    return x + (w - size[0] * scale) / 2, y + (h - size[1] * scale) / 2, scale


def _border(canvas: Canvas, left: float, bottom: float, w: float, h: float,
            fill: bool = False) -> None:
    """Stroke a thin border around a thumbnail, filling it white when ``fill``."""
    canvas.saveState()
    canvas.setStrokeColor(BORDER)
    canvas.setFillColor(_colour("FFFFFF"))
    canvas.setLineWidth(0.5)
    canvas.rect(left, bottom, w, h, stroke=1, fill=int(fill))
    canvas.restoreState()


def draw_slide(canvas: Canvas, slide: fr.SlideLayout, x: float, y: float, w: float, h: float,
               look: Look, slide_size: Size = (960.0, 540.0)) -> None:
    """Draw ``slide`` scaled into the rect with lower-left corner (x, y); returns None.

    The slide keeps its aspect ratio, centred, clipped to its edges and framed with a
    thin border; ``look`` gives the colours, the face and each layout's decorations.
    """
    theme = look.theme
    face = pdf_style(look).face
    drawn = look.layout_look(slide.layout.name)
    width, height = slide_size
    left, bottom, scale = _fit(x, y, w, h, slide_size)
    canvas.saveState()
    canvas.translate(left, bottom)
    canvas.scale(scale, scale)
    clip = canvas.beginPath()
    clip.rect(0, 0, width, height)
    canvas.clipPath(clip, stroke=0, fill=0)
    pen = _Pen(canvas, height, face)
    dark = slide.layout.dark
    pen.rect(Box(0, 0, width, height),
             theme.dark_background if dark else drawn.background or theme.background)
    for box, colour in drawn.rules:
        pen.rect(box, colour)
    for frame in slide.frames:
        if isinstance(frame, fr.TextFrame) and frame.hidden:
            continue  # a title kept for screen readers, off the slide
        if isinstance(frame, fr.PictureFrame):
            pen.picture(frame.box, frame.path)
        elif isinstance(frame, fr.TableFrame):
            _table(pen, frame, theme)
        else:
            _text_frame(pen, frame, dark, theme)
    _slide_number(pen, slide, drawn, theme)
    pen.flush()
    canvas.restoreState()
    _border(canvas, left, bottom, width * scale, height * scale)


def thumbnail_drawer(deck: DeckLayout, look: Look) -> Thumbnail:
    """Return ``f(canvas, plan_index, x, y, w, h)`` drawing a planned slide's first slide
    at the deck's slide size; a plan index with no laid-out slide gets an empty framed box."""
    first = {slide.plan_index: slide for slide in reversed(deck.slides)}

    def draw(canvas: Canvas, plan_index: int, x: float, y: float, w: float, h: float) -> None:
        slide = first.get(plan_index)
        if slide is None:  # a blank slide-shaped box
            left, bottom, scale = _fit(x, y, w, h, deck.size)
            _border(canvas, left, bottom, deck.size[0] * scale, deck.size[1] * scale, True)
        else:
            draw_slide(canvas, slide, x, y, w, h, look, deck.size)

    return draw
