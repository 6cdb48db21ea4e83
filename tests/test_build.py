"""The pipeline as a whole: font coverage, verbose fit reports, output paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import build, prepare
from generator.diagnostics import MakeDeckError
from generator.options import BuildOptions

OUTLINE = """title: Coverage
sections:
  - title: Section
    slides:
      - title: Welsh and typography
        bullets:
          - "Ŵ ŷ Ŵ Ŷ ẁ ẃ ẅ ỳ and £ € – — ‘ ’ “ ” …"
      - title: Other scripts
        bullets:
          - {bullet}
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "outline.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_welsh_and_typographic_characters_build(tmp_path):
    result = build(_write(tmp_path, OUTLINE.format(bullet="plain")),
                   BuildOptions(outputs=("deck",)))
    assert result.written and result.written[0].exists()


@pytest.mark.parametrize("char", ["中", "😀", "ᚠ"])
def test_a_character_no_font_covers_is_an_error_naming_slide_and_line(tmp_path, char):
    with pytest.raises(MakeDeckError) as caught:
        prepare(_write(tmp_path, OUTLINE.format(bullet=f"text with {char}")), BuildOptions())
    (problem,) = [d for d in caught.value.diagnostics if d.code == "E-FONT-COVERAGE"]
    assert char in problem.message and "Other scripts" in problem.message
    assert problem.position is not None and problem.position.line == 8
    assert not (tmp_path / "output").exists()


def test_verbose_decisions_name_slide_line_and_size(tmp_path):
    root = Path(__file__).resolve().parents[1]
    result = build(root / "tests" / "fixtures" / "crowded.yaml",
                   BuildOptions(outputs=("deck",), output_dir=tmp_path))
    shrunk = [d for d in result.decisions if "shrunk to" in d]
    continued = [d for d in result.decisions if "(continued)" in d]
    assert shrunk and continued
    assert all(d.startswith("slide ") and "crowded.yaml:" in d and d.endswith(("pt", "(continued)"))
               for d in result.decisions)
