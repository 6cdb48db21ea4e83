"""Speaker notes: the outline's notes on each slide's notes page, paragraphs and lists kept."""

from __future__ import annotations

from lxml import etree
from pptx.oxml.ns import qn


def note_paragraphs(notes: str) -> list[tuple[str, bool]]:
    """Return the notes as (text, is_list_item) paragraphs.

    Blank lines separate paragraphs; lines starting ``- `` or ``* `` are list items;
    other line breaks inside a paragraph are joined with spaces.
    """
    paragraphs: list[tuple[str, bool]] = []
    for block in notes.strip().split("\n\n"):
        buffer: list[str] = []
        for raw in block.splitlines():
            line = raw.strip()
            if line.startswith(("- ", "* ", "• ")):
                if buffer:
                    paragraphs.append((" ".join(buffer), False))
                    buffer = []
                paragraphs.append((line[2:].strip(), True))
            elif line:
                buffer.append(line)
        if buffer:
            paragraphs.append((" ".join(buffer), False))
    return paragraphs


def write_notes(slide: object, notes: str, language: str) -> None:
    """Put ``notes`` on the slide's notes page, one DrawingML paragraph per paragraph.

    Inline markup works as on slides: bold, italic and clickable links.
    """
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    from generator.markup import carry_marks, halves, in_language, parse_inline

    notes_part = slide.notes_slide.part  # type: ignore[attr-defined]
    frame = slide.notes_slide.notes_text_frame  # type: ignore[attr-defined]
    tx_body = frame._txBody
    for paragraph in tx_body.findall(qn("a:p")):
        tx_body.remove(paragraph)
    found = halves(notes)  # two languages: the first one's paragraphs, then the second's
    paragraphs: list[tuple[str, bool]] = []
    texts: list[str] = []
    for tag, part in found or [(None, notes)]:
        found_paragraphs = note_paragraphs(part)
        paragraphs += found_paragraphs
        plain = [text for text, _item in found_paragraphs]
        texts += [in_language(t, tag) for t in plain] if tag else carry_marks(plain)
    for text, (_raw, is_item) in zip(texts, paragraphs, strict=True):
        p = etree.SubElement(tx_body, qn("a:p"))
        ppr = etree.SubElement(p, qn("a:pPr"))
        if is_item:
            ppr.set("marL", "228600")
            ppr.set("indent", "-228600")
            etree.SubElement(ppr, qn("a:buChar"), char="•")
        else:
            etree.SubElement(ppr, qn("a:buNone"))
        for span in parse_inline(text):
            run = etree.SubElement(p, qn("a:r"))
            props = etree.SubElement(run, qn("a:rPr"), lang=span.lang or language,
                                     dirty="0")
            if span.bold:
                props.set("b", "1")
            if span.italic:
                props.set("i", "1")
            if span.href:
                link = etree.SubElement(props, qn("a:hlinkClick"))
                link.set(qn("r:id"), notes_part.relate_to(span.href, RT.HYPERLINK,
                                                          is_external=True))
            etree.SubElement(run, qn("a:t")).text = span.text
