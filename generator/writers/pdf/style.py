"""The look as the PDFs use it: reportlab colours, embedded fonts and paragraph styles.

`pdf_style` turns the settled `Look` into one `PdfStyle` per build; the handout,
the guide, their page templates and flowables read every colour, face and size
from it, never from constants of their own. The faces are the look's typefaces as
`generator.look.typefaces` chose them (the family itself, a metric-compatible open
family, or Arimo), registered with reportlab under their own names.

Links in paragraph markup carry the placeholder colour `LINK_COLOUR`; the tagged
`Paragraph` replaces it with its style's ``linkColor``, so markup made once reads
right in any look.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import TableStyle

from generator.look.look import Look, Palette
from generator.look.typefaces import Typeface

# One type scale for both PDFs: every size set in the handout and the guide is one of
# these (the slide pictures aside, which are the deck's own sizes scaled down).
SIZE_SMALL = 9.0
"""Labels, captions, table headings, the running header and footer."""
SIZE_META = 10.0
"""Table cells, facts under a heading, text beside a slide picture."""
BODY_SIZE = 11.0
"""Running text."""
SIZE_LEAD = 12.5
"""Summaries, speaker notes, sub-headings, the cover's details."""
SIZE_H2 = 15.0
SIZE_H1 = 22.0
SIZE_DISPLAY = 36.0
"""The cover's title."""
TYPE_SCALE = (SIZE_SMALL, SIZE_META, BODY_SIZE, SIZE_LEAD, SIZE_H2, SIZE_H1, SIZE_DISPLAY)
LEADING_RATIO = 1.35

MEASURE = 68
"""Running text is set about this many characters to a line (a comfortable 60-75)."""
_MEASURE_SAMPLE = ("Technology and public expectations are moving faster than many of our "
                   "ways of working, and uncertainty has become the normal state of things.")
LINK_COLOUR = "@link"
"""The colour written into link markup, replaced by the paragraph style's link colour."""


@dataclass(frozen=True)
class Colours:
    """The palette's colours as reportlab colours (same names as `Palette`)."""

    text: Color
    background: Color
    heading: Color
    muted: Color
    link: Color
    accent: Color
    rule: Color
    write_line: Color
    surface: Color
    panel: Color
    panel_accent: Color
    cover: Color
    cover_accent: Color
    cover_text: Color
    cover_soft: Color
    table_header: Color
    table_header_text: Color
    stripe: Color


@dataclass(frozen=True)
class Fonts:
    """Registered reportlab font names: the body family's four faces, the headings'."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    heading: str


@dataclass(frozen=True)
class Styles:
    """The paragraph styles both documents use."""

    body: ParagraphStyle
    lead: ParagraphStyle
    small: ParagraphStyle
    meta: ParagraphStyle
    label: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    bullet: ParagraphStyle
    bullet2: ParagraphStyle
    number: ParagraphStyle
    note_box: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    cell_small: ParagraphStyle
    quote: ParagraphStyle
    statement: ParagraphStyle
    prompt: ParagraphStyle


def hex_of(colour: Color) -> str:
    """Return a colour as ``#RRGGBB`` for paragraph markup."""
    return "#" + colour.hexval()[2:].upper()


def register_typeface(typeface: Typeface) -> Fonts:
    """Register ``typeface``'s four faces (once) and return their reportlab names; after
    this, ``<b>`` and ``<i>`` in markup pick the bold and italic faces."""
    base = typeface.embedded.replace(" ", "")
    names = (base, f"{base}-Bold", f"{base}-Italic", f"{base}-BoldItalic")
    registered = pdfmetrics.getRegisteredFontNames()
    for name, path in zip(names, typeface.faces, strict=True):
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(base, normal=names[0], bold=names[1], italic=names[2],
                                  boldItalic=names[3])
    return Fonts(*names, heading=names[1])


@dataclass(frozen=True)
class PdfStyle:
    """Everything the PDFs draw with, made from one look."""

    colours: Colours
    fonts: Fonts
    styles: Styles
    notes: tuple[str, ...]

    def face(self, bold: bool = False, italic: bool = False) -> str:
        """Return the registered body face for a style."""
        f = self.fonts
        return {(False, False): f.regular, (True, False): f.bold, (False, True): f.italic,
                (True, True): f.bold_italic}[bold, italic]

    def style(self, name: str, size: float = BODY_SIZE, **kw: Any) -> ParagraphStyle:
        """Return a paragraph style in the look's body face and text colour, leading
        ``size * 1.35`` unless given; ``bold=True`` picks the bold face."""
        if kw.pop("bold", False):
            kw.setdefault("fontName", self.fonts.bold)
        kw.setdefault("leading", round(size * LEADING_RATIO, 2))
        kw.setdefault("textColor", self.colours.text)
        kw.setdefault("fontName", self.fonts.regular)
        kw.setdefault("bulletFontName", kw["fontName"])
        kw.setdefault("alignment", TA_LEFT)
        kw.setdefault("linkColor", hex_of(self.colours.link))
        kw.setdefault("uriWasteReduce", 0.3)  # a long address breaks at a slash, not mid-word
        return ParagraphStyle(name, fontSize=size, **kw)

    def table(self, commands: Iterable[tuple[Any, ...]]) -> TableStyle:
        """Return a table style in the body face (a table's own default is Helvetica)
        followed by ``commands``."""
        return TableStyle([("FONT", (0, 0), (-1, -1), self.fonts.regular, BODY_SIZE),
                           *commands])


def measure_width(font: str, size: float, characters: int = MEASURE) -> float:
    """Return the width, in points, of ``characters`` of ordinary English text in
    ``font`` at ``size`` (the column width that gives running text its measure)."""
    per_char = pdfmetrics.stringWidth(_MEASURE_SAMPLE, font, size) / len(_MEASURE_SAMPLE)
    return round(per_char * characters, 1)


def measured(style: ParagraphStyle, frame_width: float,
             characters: int = MEASURE) -> ParagraphStyle:
    """Return ``style`` narrowed (a right indent) so that its lines in a ``frame_width``
    column hold about ``characters`` characters; unchanged when the column is narrower."""
    room = frame_width - style.leftIndent - measure_width(style.fontName, style.fontSize,
                                                          characters)
    if room <= 0:
        return style
    return ParagraphStyle(f"{style.name}-measured", parent=style,
                          rightIndent=style.rightIndent + room)


def _styles(s: PdfStyle) -> Styles:
    c, f = s.colours, s.fonts
    return Styles(
        body=s.style("body", spaceAfter=6),
        lead=s.style("lead", SIZE_LEAD, leading=18, spaceAfter=10),
        small=s.style("small", SIZE_SMALL, textColor=c.muted),
        meta=s.style("meta", SIZE_META, textColor=c.muted, spaceAfter=4),
        label=s.style("label", SIZE_SMALL, fontName=f.bold, textColor=c.heading, spaceAfter=2,
                      keepWithNext=1),
        h1=s.style("h1", SIZE_H1, leading=27, fontName=f.heading, textColor=c.heading,
                   spaceBefore=0, spaceAfter=8, keepWithNext=1),
        h2=s.style("h2", SIZE_H2, leading=19, fontName=f.heading, textColor=c.heading,
                   spaceBefore=14, spaceAfter=6, keepWithNext=1),
        h3=s.style("h3", SIZE_LEAD, leading=16, fontName=f.heading, spaceBefore=4, spaceAfter=3,
                   keepWithNext=1),
        bullet=s.style("bullet", leftIndent=16, bulletIndent=4, spaceAfter=3),
        bullet2=s.style("bullet2", leftIndent=32, bulletIndent=20, spaceAfter=2),
        number=s.style("number", leftIndent=20, bulletIndent=0, spaceAfter=4),
        note_box=s.style("note_box", SIZE_META, backColor=c.panel, borderPadding=(7, 8, 8, 8),
                         leftIndent=8, rightIndent=8, spaceBefore=10, spaceAfter=12),
        cell=s.style("cell", SIZE_META, leading=13.5),
        cell_bold=s.style("cell_bold", SIZE_META, leading=13.5, fontName=f.bold),
        cell_head=s.style("cell_head", SIZE_SMALL, leading=12, fontName=f.bold,
                          textColor=c.table_header_text, linkColor=hex_of(c.table_header_text)),
        cell_small=s.style("cell_small", SIZE_SMALL, leading=11.5, textColor=c.muted),
        quote=s.style("quote", SIZE_LEAD, leading=18, fontName=f.italic, leftIndent=14,
                      spaceAfter=4),
        statement=s.style("statement", SIZE_LEAD, leading=18, fontName=f.bold, textColor=c.heading,
                          spaceAfter=6),
        prompt=s.style("prompt", BODY_SIZE, leading=15, fontName=f.bold, spaceBefore=12,
                       spaceAfter=4, leftIndent=20, bulletIndent=0, keepWithNext=1),
    )


@lru_cache(maxsize=8)
def _pdf_style(palette: Palette, body: Typeface, heading: Typeface) -> PdfStyle:
    colours = Colours(**{f.name: HexColor("#" + getattr(palette, f.name))
                         for f in fields(Colours)})
    fonts = register_typeface(body)
    if heading != body:
        fonts = Fonts(fonts.regular, fonts.bold, fonts.italic, fonts.bold_italic,
                      register_typeface(heading).bold)
    partial = PdfStyle(colours, fonts, None, ())  # type: ignore[arg-type]
    notes = tuple(dict.fromkeys((body.note, heading.note)))
    return PdfStyle(colours, fonts, _styles(partial), notes)


def pdf_style(look: Look) -> PdfStyle:
    """Return the PDFs' colours, fonts and styles for ``look`` (made once per look)."""
    return _pdf_style(look.palette, look.body_face, look.heading_face)
