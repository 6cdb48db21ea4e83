"""What the handout and the facilitator guide share: inline markup, multi-line texts
as paragraphs and lists, dates and times.

Colours, fonts and paragraph styles come from the look, through
`generator.writers.pdf.style`; page templates, metadata and the build itself are
in `generator.writers.pdf.document`.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from generator.markup import (
    PAIR_BREAK,
    Span,
    carry_marks,
    contact_spans,
    curly_quotes,
    curly_spans,
    halves,
    in_language,
    language_mark,
    languages_of,
    parse_inline,
    plain_text,
    regroup,
    side_by_side,
)
from generator.text import TextBlock, text_blocks
from generator.wording import break_name as said_as_break
from generator.words import Words
from generator.writers.pdf.style import LINK_COLOUR
from generator.writers.pdf.tagged import Paragraph

# --------------------------------------------------------------------------- markup


def _attr(value: str) -> str:
    """Return ``value`` escaped for a double-quoted markup attribute."""
    return escape(value, {'"': "&quot;"})


def spans_markup(spans: Iterable[Span], links: bool = True) -> str:
    """Return reportlab paragraph markup for styled runs, text escaped; links are kept
    (underlined, clickable, in the paragraph style's link colour) unless ``links`` is
    false."""
    parts: list[str] = []
    lang: str | None = None
    for span in curly_spans(tuple(spans)):
        if span.lang != lang:  # a language's run starts: its mark, for the tagged PDF
            parts.append(language_mark(span.lang))
            lang = span.lang
        text = escape(span.text)
        if span.italic:
            text = f"<i>{text}</i>"
        if span.bold:
            text = f"<b>{text}</b>"
        if span.href and links:
            text = (f'<link href="{_attr(span.href)}" color="{LINK_COLOUR}">'
                    f"<u>{text}</u></link>")
        parts.append(text)
    if lang is not None:
        parts.append(language_mark(None))
    return "".join(parts)


def inline(text: str, links: bool = True) -> str:
    """Return paragraph markup for one outline text value (bold, italic and links kept)."""
    if languages_of(text):  # a pair keeps the break between its languages
        text = PAIR_BREAK.join(" ".join(line.split())
                               for line in regroup(text).split(PAIR_BREAK))
        return spans_markup(parse_inline(text), links)
    return spans_markup(parse_inline(" ".join(text.split())), links)


def contact_markup(text: str) -> str:
    """Return paragraph markup for a contact text: as `inline`, with its email addresses
    made ``mailto:`` links too (a text in two languages as `inline`)."""
    if languages_of(text):
        return inline(text)
    return spans_markup(contact_spans(" ".join(text.split())))


def plain(text: str) -> str:
    """Return an outline text value without its markup, on one line (a pair's two
    languages side by side, first language first)."""
    return curly_quotes(" ".join(plain_text(side_by_side(text)).split()))


def markup_of(text: str) -> str:
    """Return escaped markup for text we write ourselves (no outline markup in it)."""
    return escape(curly_quotes(text))


def stack_height(flowables: Iterable[Flowable], width: float) -> float:
    """Return the height ``flowables`` take stacked in a column ``width`` wide."""
    total = 0.0
    for i, flowable in enumerate(flowables):
        _w, h = flowable.wrap(width, 10_000)
        total += h + (flowable.getSpaceBefore() if i else 0) + flowable.getSpaceAfter()
    return total


def text_flowables(text: str, style: ParagraphStyle) -> list[Flowable]:
    """Return a multi-line text as paragraphs, with its list lines as bulleted items; a
    text in two languages gives the first language's paragraphs, then the second's."""
    found = halves(text)
    if found is not None:
        return [f for tag, half in found for f in _text_flowables(half, style, tag)]
    return _text_flowables(text, style, None)


def _text_flowables(text: str, style: ParagraphStyle, tag: str | None) -> list[Flowable]:
    """Return `text_flowables` of a text in one language, ``tag`` (None: as marked)."""
    out: list[Flowable] = []
    blocks = text_blocks(text)
    marked = [in_language(b.text, tag) for b in blocks] if tag else carry_marks(
        [b.text for b in blocks])
    for block, words in zip(blocks, marked, strict=True):
        block = TextBlock(block.kind, words, block.number)
        if block.kind == "para":
            out.append(Paragraph(inline(block.text), style))
        else:
            mark = "•" if block.kind == "bullet" else f"{block.number}."
            item_style = ParagraphStyle(
                f"{style.name}-item", parent=style, leftIndent=style.leftIndent + 16,
                bulletIndent=style.leftIndent + 3, spaceBefore=0, spaceAfter=3,
                bulletFontName=style.fontName,
            )
            out.append(Paragraph(inline(block.text), item_style, bulletText=mark))
    return out


# --------------------------------------------------------------------------- times, slides

def slide_label(number: int, words: Words) -> str:
    """Return "Slide 5" for a deck slide number ("Slide –" when the deck has no such slide),
    in ``words``' language."""
    return words("Slide {number}", number=number) if number > 0 else words("Slide –")


def break_name(name: str, words: Words) -> str:
    """Return a break's name said as a break (`generator.wording.break_name`: "Coffee"
    as "Coffee break" in ``words``' language) as paragraph markup."""
    return inline(said_as_break(name, words))


def slide_field(content: object, name: str) -> str | None:
    """Return a slide's ``notes`` or ``handout`` text, or None (made-up slides have none)."""
    value = getattr(content, name, None)
    return value if isinstance(value, str) and value.strip() else None
