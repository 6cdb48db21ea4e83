"""Pages that fit what they hold: the guide's closing entry shares its page with the
entries before it, and each worksheet fits one page when its spaces can shrink to
fit, continuing cleanly when they cannot."""

from __future__ import annotations

import re

import pytest

from generator.writers.guide.pages import write_guide

from . import load_plan, page_texts, render

_LABEL = re.compile(r"^Slide \d+ · ", re.MULTILINE)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_guides_last_page_holds_more_than_the_closing_entry(paper: str) -> None:
    texts = page_texts(render(write_guide, load_plan(paper=paper)))
    last = texts[-1]
    assert "Thank you" in last
    assert len(_LABEL.findall(last)) >= 2, f"the last page holds only: {last[:200]!r}"
