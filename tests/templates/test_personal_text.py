"""A template whose cover layout shows its author's name and email address in a text
box of its own (as a research group's template does) gets a warning naming it, at
build and in `make-deck check-template`; a layout's other words (a classification
stamp) do not."""

from __future__ import annotations

import json
from copy import deepcopy
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Pt

from generator.build import build
from generator.options import BuildOptions
from tests.cli_runner import run
from tests.templates.make_templates import drop_scratch_slide

OUTLINE = """\
title: Small session
theme: personal.pptx
sections:
  - title: Part one
    slides:
      - title: Why
        bullets: [one point, another point]
"""
AUTHOR = "Jo Bloggs jo.bloggs@example.ac.uk"


def _template(folder: Path) -> Path:
    """Save python-pptx's default with the author's details and an "OFFICIAL" stamp
    in text boxes of the title slide's layout."""
    prs = Presentation()
    scratch = prs.slides.add_slide(prs.slide_layouts[6])
    for text, top in (("Jo Bloggs\njo.bloggs@example.ac.uk", 400), ("OFFICIAL", 20)):
        box = scratch.shapes.add_textbox(Pt(200), Pt(top), Pt(300), Pt(40))
        box.text_frame.text = text
        prs.slide_layouts[0].shapes._spTree.append(deepcopy(box._element))
    drop_scratch_slide(prs)
    path = folder / "personal.pptx"
    prs.save(str(path))
    return path


def test_a_build_warns_of_someones_details_on_a_layout(tmp_path: Path) -> None:
    _template(tmp_path)
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    result = build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out"))
    found = [d for d in result.diagnostics if d.code.value == "W-TEMPLATE-PERSONAL"]
    assert len(found) == 1, [d.message for d in result.diagnostics]
    assert AUTHOR in found[0].message and "Title Slide" in found[0].message
    assert "OFFICIAL" not in found[0].message


def test_check_template_names_someones_details(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = _template(tmp_path)
    code, out, _ = run(["check-template", str(path), "--format", "json"], capsys)
    assert code == 0
    assert json.loads(out)["personal_text"] == [{"layout": "Title Slide", "text": AUTHOR}]
    code, out, _ = run(["check-template", str(path)], capsys)
    assert f"shows “{AUTHOR}” in text of its own" in out
