"""Page numbers in the PDFs: a story without page references is laid out once, with
"Page X of Y" filled in at the end; one with references is measured, then drawn."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import NextPageTemplate, PageBreak

from generator.look.typefaces import choose_typeface
from generator.plan import Plan
from generator.writers.pdf.document import PageRefs, anchor, build_pdf, document_info
from generator.writers.pdf.style import register_typeface
from generator.writers.pdf.tagged import Paragraph

from . import pack_of

ARIMO = register_typeface(choose_typeface("Arial")).regular


def _style() -> ParagraphStyle:
    return ParagraphStyle("body", fontName=ARIMO, fontSize=11, leading=14)


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_a_story_without_page_references_is_laid_out_once(plan: Plan) -> None:
    calls: list[PageRefs] = []

    def story(refs: PageRefs) -> list[object]:
        calls.append(refs)
        out: list[object] = [NextPageTemplate("body"), PageBreak()]
        for number in range(1, 5):
            out += [Paragraph(f"Part {number}", _style()), PageBreak()]
        return out[:-1]

    buffer = io.BytesIO()
    pages = build_pdf(buffer, document_info(pack_of(plan), "Test"), story, page_refs=False)
    assert len(calls) == 1
    texts = _pages(buffer.getvalue())
    assert pages == len(texts) == 5
    for number, text in enumerate(texts[1:], start=2):
        assert f"Page {number} of 5" in text


def test_page_references_are_found_then_printed(plan: Plan) -> None:
    calls: list[PageRefs] = []

    def story(refs: PageRefs) -> list[object]:
        calls.append(refs)
        return [
            NextPageTemplate("body"), PageBreak(),
            Paragraph(f"The answers are on page {refs.page('answers')}.", _style()),
            PageBreak(), PageBreak(),
            anchor(Paragraph("Answers", _style()), "answers"),
        ]

    buffer = io.BytesIO()
    build_pdf(buffer, document_info(pack_of(plan), "Test"), story)
    assert len(calls) == 2  # one pass to measure, one to draw
    texts = _pages(buffer.getvalue())
    assert "The answers are on page 4." in texts[1]
    assert "Answers" in texts[3] and "Page 4 of 4" in texts[3]
