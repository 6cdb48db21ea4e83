"""The slides as SVG pictures, drawn by the handout's thumbnail drawer.

`SvgCanvas` takes the few reportlab canvas calls that `draw_slide` makes and writes
them as SVG, so the preview's slides are the same drawing as the PDFs' thumbnails:
the same layout, line breaks, colours and template decorations. `slides_page`
returns a page of every slide of a prepared outline, each with its text alternative.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from markupsafe import Markup

from generator.outline.assets import sniff_format
from generator.writers.html.content import data_uri

if TYPE_CHECKING:
    from generator.build import Prepared

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
FAMILY = "Arimo, Arial, 'Liberation Sans', Helvetica, sans-serif"


def _times(m: Matrix, n: Matrix) -> Matrix:
    """Return the matrix applying ``n`` first, then ``m``."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + c * q, b * p + d * q, a * r + c * s, b * r + d * s,
            a * t + c * u + e, b * t + d * u + f)


def _num(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _matrix(m: Matrix) -> str:
    return "matrix(" + " ".join(_num(v) for v in m) + ")"


def _kept_spaces(text: str) -> str:
    """Return ``text`` with the spaces at its ends made no-break (SVG drops them)."""
    core = text.strip(" ")
    if not core:
        return "\u00a0" * len(text)
    start = text.index(core)
    return "\u00a0" * start + core + "\u00a0" * (len(text) - start - len(core))


def _hex(colour: object) -> str:
    return "#" + colour.hexval()[2:].upper()  # type: ignore[attr-defined]


@dataclass
class _Text:
    """A reportlab text object's calls, kept until `SvgCanvas.drawText`."""

    runs: list[tuple[float, float, str, float, str, str]] = field(default_factory=list)
    font: tuple[str, float] = ("Arimo", 10.0)
    fill: str = "#000000"
    origin: tuple[float, float] = (0.0, 0.0)

    def setFont(self, name: str, size: float) -> None:
        self.font = (name, size)

    def setFillColor(self, colour: object) -> None:
        self.fill = _hex(colour)

    def setTextOrigin(self, x: float, y: float) -> None:
        self.origin = (x, y)

    def textOut(self, text: str) -> None:
        self.runs.append((*self.origin, text, self.font[1], self.font[0], self.fill))


class _Path:
    def __init__(self) -> None:
        self.rects: list[tuple[float, float, float, float]] = []

    def rect(self, x: float, y: float, w: float, h: float) -> None:
        self.rects.append((x, y, w, h))


class SvgCanvas:
    """The reportlab canvas calls `draw_slide` makes, written as SVG elements.

    Coordinates are reportlab's (y up, origin bottom left) in a ``width`` x ``height``
    picture; `svg` returns the finished picture."""

    def __init__(self, width: float, height: float, prefix: str = "c") -> None:
        self.width, self.height, self.prefix = width, height, prefix
        self.ctm: Matrix = (1.0, 0.0, 0.0, -1.0, 0.0, height)
        self.stack: list[tuple[Matrix, str, str, float, int]] = []
        self.fill, self.stroke, self.line_width = "#000000", "#000000", 1.0
        self.open_groups = 0
        self.parts: list[str] = []
        self.forms: dict[str, str] = {}
        self.form: str | None = None
        self.clips = 0

    def saveState(self) -> None:
        self.stack.append((self.ctm, self.fill, self.stroke, self.line_width, self.open_groups))
        self.open_groups = 0

    def restoreState(self) -> None:
        self.parts.extend("</g>" for _ in range(self.open_groups))
        self.ctm, self.fill, self.stroke, self.line_width, self.open_groups = self.stack.pop()

    def translate(self, x: float, y: float) -> None:
        self.ctm = _times(self.ctm, (1.0, 0.0, 0.0, 1.0, x, y))

    def scale(self, x: float, y: float) -> None:
        self.ctm = _times(self.ctm, (x, 0.0, 0.0, y, 0.0, 0.0))

    def setFillColor(self, colour: object) -> None:
        self.fill = _hex(colour)

    def setStrokeColor(self, colour: object) -> None:
        self.stroke = _hex(colour)

    def setLineWidth(self, width: float) -> None:
        self.line_width = width

    def beginPath(self) -> _Path:
        return _Path()

    def clipPath(self, path: _Path, stroke: int = 0, fill: int = 0) -> None:
        self.clips += 1
        name = f"{self.prefix}-{self.clips}"
        rects = "".join(f'<rect transform="{_matrix(self.ctm)}" x="{_num(x)}" y="{_num(y)}" '
                        f'width="{_num(w)}" height="{_num(h)}"/>' for x, y, w, h in path.rects)
        self.parts.append(f'<clipPath id="{name}">{rects}</clipPath>'
                          f'<g clip-path="url(#{name})">')
        self.open_groups += 1

    def rect(self, x: float, y: float, w: float, h: float, stroke: int = 1,
             fill: int = 0) -> None:
        paint = f'fill="{self.fill}"' if fill else 'fill="none"'
        if stroke:
            paint += f' stroke="{self.stroke}" stroke-width="{_num(self.line_width)}"'
        self.parts.append(f'<rect transform="{_matrix(self.ctm)}" x="{_num(x)}" y="{_num(y)}" '
                          f'width="{_num(w)}" height="{_num(h)}" {paint}/>')

    def beginText(self) -> _Text:
        return _Text()

    def drawText(self, text: _Text) -> None:
        for x, y, words, size, face, fill in text.runs:
            place = _times(self.ctm, (1.0, 0.0, 0.0, -1.0, x, y))
            weight = ' font-weight="bold"' if "Bold" in face else ""
            style = ' font-style="italic"' if "Italic" in face else ""
            self.parts.append(
                f'<text transform="{_matrix(place)}" font-size="{_num(size)}" '
                f'fill="{fill}"{weight}{style}>{escape(_kept_spaces(words))}</text>')

    def hasForm(self, name: str) -> bool:
        return name in self.forms

    def beginForm(self, name: str, *_box: float) -> None:
        self.form = name

    def drawImage(self, reader: object, *_args: object, **_kw: object) -> None:
        path = Path(str(reader.fileName))  # type: ignore[attr-defined]
        kind = sniff_format(path.read_bytes()[:16]) or "png"
        if self.form is not None:
            self.forms[self.form] = data_uri(path, kind)

    def endForm(self) -> None:
        self.form = None

    def doForm(self, name: str) -> None:
        place = _times(self.ctm, (1.0, 0.0, 0.0, -1.0, 0.0, 1.0))
        self.parts.append(f'<image transform="{_matrix(place)}" x="0" y="0" width="1" '
                          f'height="1" preserveAspectRatio="none" href="{self.forms[name]}"/>')

    def svg(self, label: str) -> Markup:
        """Return the picture as an ``<svg>`` element labelled ``label`` for screen readers."""
        self.parts.extend("</g>" for _ in range(self.open_groups))
        self.open_groups = 0
        body = "".join(self.parts)
        return Markup(
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_num(self.width)} '
            f'{_num(self.height)}" role="img" aria-label="{escape(label, {chr(34): "&quot;"})}" '
            f'font-family="{FAMILY}">{body}</svg>')


def slide_pictures(prepared: Prepared) -> list[tuple[int, Markup]]:
    """Return each slide of the deck (number, SVG) as the thumbnails draw it."""
    from generator.writers.pdf.slide_alt import slide_alt
    from generator.writers.pdf.thumbnails import draw_slide

    deck = prepared.deck
    width, height = deck.size
    out = []
    for slide in deck.slides:
        canvas = SvgCanvas(width, height, f"clip{slide.number}")
        draw_slide(canvas, slide, 0, 0, width, height, prepared.look,  # type: ignore[arg-type]
                   slide_size=deck.size)
        label = slide_alt(prepared.plan, slide.plan_index, slide.number)
        out.append((slide.number, canvas.svg(label)))
    return out


def slides_page(prepared: Prepared) -> str:
    """Return a page of every slide, drawn as in the handout, for the live preview."""
    from generator.writers.html.pack import environment

    workshop = prepared.plan.workshop  # the plan's: a bilingual title in both languages
    return environment().get_template("slides.html.j2").render(
        workshop=workshop, plan=prepared.plan, lang=workshop.language,
        slides=slide_pictures(prepared))
