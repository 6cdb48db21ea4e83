"""The questions of an activity's worksheet, their write-in spaces sized to the page.

A worksheet starts a page. Its spaces take their full size when everything fits on
that page; when not, they shrink together (`spaces.space_for`'s ``shrink``) just as
far as needed for the worksheet to fit the one page. Only when even their least sizes
do not fit does it run on, at full size, each question kept with its space and shown
under a "(continued)" heading when it starts a page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, KeepTogether

from generator.model import Activity
from generator.writers.handout.spaces import space_for
from generator.writers.pdf.common import inline
from generator.writers.pdf.fitting import Deferred, stacked_height
from generator.writers.pdf.flowables import Continued, FillLines
from generator.writers.pdf.style import PdfStyle
from generator.writers.pdf.tagged import Paragraph

_STEPS = 10
"""Halvings in the search for the least shrink that fits (1/1024 of the way)."""


def fitted_questions(ps: PdfStyle, head: Sequence[Flowable], activity: Activity, *,
                     continued: str, notes: Paragraph, closing: bool, frame_height: float,
                     line: Color) -> Deferred:
    """Return a worksheet's ``head`` (its title, steps and "Questions" heading), its
    questions each with its space, then ``notes`` over writing lines that fill what is
    left of the last page (at least 5 lines, 2 on the ``closing`` page, or none).

    ``continued`` is the heading over a question that starts a page."""
    st = ps.styles

    def questions(width: float, shrink: float, final: bool,
                  lines_shrink: float | None = None) -> list[Flowable]:
        out: list[Flowable] = []
        for n, prompt in enumerate(activity.prompts, 1):
            question: Flowable = Paragraph(inline(prompt.prompt), st.prompt, bulletText=f"{n}.")
            if final:
                question = Continued(question, Paragraph(continued, st.h2, role="P"),
                                     frame_height)
            space = space_for(ps, prompt, activity.write_in, width, st.prompt.leftIndent,
                              shrink, lines_shrink)
            out += [KeepTogether([question, space])] if final else [question, space]
        return out

    def make(width: float, height: float, canvas: object) -> list[Flowable]:
        def fits(shrink: float, lines_shrink: float | None = None) -> bool:
            flat = [*head, *questions(width, shrink, False, lines_shrink)]
            return stacked_height(flat, width, canvas) <= height - 0.5

        def least(fit: Callable[[float], bool], high: float) -> float:
            """Return the least shrink up to ``high`` (which fits) that fits."""
            low = 0.0
            if fit(low):
                return low
            for _ in range(_STEPS):
                middle = (low + high) / 2
                low, high = (low, middle) if fit(middle) else (middle, high)
            return high

        shrink = lines = 0.0
        if not fits(0.0) and fits(1.0):
            lines = least(fits, 1.0)
            # the lines shrink by whole lines: what that frees goes back to the drawings
            shrink = least(lambda s: fits(s, lines), lines)
        return [*head, *questions(width, shrink, True, lines),
                FillLines(notes, line, min_lines=2 if closing else 5)]

    return Deferred(make)
