"""The check on a bilingual deck's slides: both languages equally prominent.

The Welsh Language Standards ask that Welsh be treated no less favourably than
English, and the Welsh Government's bilingual design guidance asks for the same
size and weight: a reader must not be steered to one language by making the other
smaller or lighter. Telling them apart by position (first above) or colour is fine.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.where import Where
from generator.diagnostics import Diagnostic, Severity
from generator.layout.frames import SlideLayout, TableFrame, TextFrame
from generator.layout.slides import DeckLayout
from generator.layout.text import FittedText
from generator.problems import Problem


def _looks(text: FittedText) -> Iterator[dict[str, set[tuple[float, bool]]]]:
    """Yield, for each paragraph in two languages, each language's (size, bold) set."""
    for fitted in text.paragraphs:
        looks: dict[str, set[tuple[float, bool]]] = {}
        for span in fitted.paragraph.spans:
            if span.lang and span.text.strip():
                looks.setdefault(span.lang, set()).add((text.size, span.bold))
        if len(looks) > 1:
            yield looks


def _texts(slide: SlideLayout) -> Iterator[tuple[str, FittedText]]:
    for frame in slide.frames:
        if isinstance(frame, TextFrame):
            yield frame.slot, frame.text
        elif isinstance(frame, TableFrame):
            for row in frame.cells:
                for cell in row:
                    yield "table", cell


def check_languages_equal(deck: DeckLayout, where: Where) -> list[Diagnostic]:
    """Return A11Y-LANGUAGE-EQUAL for each slide text whose two languages differ in
    size or weight (one bold, the other not)."""
    found: list[Diagnostic] = []
    for slide in deck.slides:
        for slot, text in _texts(slide):
            for looks in _looks(text):
                if len({frozenset(v) for v in looks.values()}) > 1:
                    languages = " and ".join(looks)
                    found.append(Diagnostic(
                        Problem.A11Y_LANGUAGE_EQUAL,
                        f"the {slot} shows {languages} in different sizes or weights",
                        Severity.ERROR, where.frame_position(slide, slot),
                        slide=slide.number,
                        hint="give both languages the same markup (`**bold**` in both, or "
                        "in neither); tell them apart by position or colour only"))
                    break
    return found
