"""The benchmark's own pieces work: generated outlines are valid and build, the markdown
for pandoc has every slide, and the naive baseline runs on the default outline.

Nothing here is timed; `python bench/run.py` does the measuring, by hand."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from pptx import Presentation

from generator.build import build, prepare
from generator.options import BuildOptions

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"make_deck_bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defined
    spec.loader.exec_module(module)
    return module


gen_outline = _load("gen_outline")


def test_generated_outline_is_valid_and_builds_every_output(tmp_path):
    yaml_path, md_path = gen_outline.write_outline(12, tmp_path)
    prepared = prepare(yaml_path, BuildOptions())
    assert prepared.diagnostics == ()
    roles = {slide.role for slide in prepared.deck.slides}
    assert {"bullets", "table", "quote", "activity", "section"} <= roles
    assert sum(s.notes is not None for s in prepared.deck.slides) >= 12
    result = build(yaml_path, BuildOptions(output_dir=tmp_path / "out"))
    assert [p.suffix for p in result.written] == [".pptx", ".pdf", ".pdf", ".html", ".html"]
    assert all(p.stat().st_size > 0 for p in result.written)
    markdown = md_path.read_text("utf-8")
    assert markdown.count("\n## ") == 12
    assert markdown.count("::: notes") == 12


def test_generated_outline_is_deterministic_and_sized():
    one, two = gen_outline.make_outline(40), gen_outline.make_outline(40)
    assert one == two
    slides = [s for part in one["sections"] for s in part.get("slides", [])]
    assert len(slides) == 40
    assert any("break" in part for part in one["sections"])


def test_default_outline_converts_to_markdown(repo_root):
    import yaml

    outline = yaml.safe_load((repo_root / "outline.yaml").read_text("utf-8"))
    markdown = gen_outline.outline_to_markdown(outline)
    slides = sum(len(part.get("slides", [])) for part in outline["sections"])
    assert markdown.count("\n## ") == slides
    assert "| Area |" in markdown or "|---|" in markdown


def test_naive_baseline_runs_on_the_default_outline(repo_root, tmp_path):
    completed = subprocess.run(
        [sys.executable, str(BENCH / "naive_baseline.py"), str(repo_root / "outline.yaml"),
         str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr
    deck = Presentation(str(tmp_path / "naive.pptx"))
    assert len(deck.slides) > 20
    assert any(s.has_notes_slide and s.notes_slide.notes_text_frame.text for s in deck.slides)
    assert (tmp_path / "naive.pdf").read_bytes().startswith(b"%PDF")


def test_template_harness_finds_text_a_layout_draws_inside_a_group():
    # a footer band's department name sits in a group that is moved and scaled: the
    # harness must place it where LibreOffice draws it, or count it as overflow
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.util import Emu, Inches

    harness = _load("templates")
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    group = slide.shapes.add_group_shape()
    box = group.shapes.add_textbox(Inches(1), Inches(1), Inches(2), Inches(0.5))
    box.text = "Department"
    box.text_frame.auto_size = MSO_AUTO_SIZE.NONE  # a fixed box: counted at its own size
    xfrm = group._element.grpSpPr.find(
        "{http://schemas.openxmlformats.org/drawingml/2006/main}xfrm")
    for tag, values in (("off", (Inches(4), Inches(6))), ("ext", (Inches(1), Inches(0.25))),
                        ("chOff", (Inches(1), Inches(1))), ("chExt", (Inches(2), Inches(0.5)))):
        xfrm.find(f"{{{xfrm.nsmap['a']}}}{tag}").attrib.update(
            {"x" if tag.endswith("ff") else "cx": str(values[0]),
             "y" if tag.endswith("ff") else "cy": str(values[1])})
    boxes = harness._drawn_text(slide.shapes, lambda x, y, w, h: (x, y, w, h))
    assert [tuple(round(v) for v in box) for box in boxes] == [
        (round(Emu(Inches(4)).pt), round(Emu(Inches(6)).pt),
         round(Emu(Inches(5)).pt), round(Emu(Inches(6.25)).pt))]
    box.text_frame.auto_size = MSO_AUTO_SIZE.SHAPE_TO_FIT_TEXT  # grows with its text
    (grown,) = harness._drawn_text(slide.shapes, lambda x, y, w, h: (x, y, w, h))
    assert round(grown[3] - grown[1]) == round(3 * Emu(Inches(0.25)).pt)
