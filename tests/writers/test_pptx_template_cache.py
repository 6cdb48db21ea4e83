"""Reading a template is cached by content, so `check` and rebuilds skip python-pptx."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import sys
from generator.look.template import read_template, template_path
info = read_template(template_path())
print(len(info.layouts), "pptx" in sys.modules)
"""


def _probe(cache: Path) -> str:
    env = {**os.environ, "MAKE_DECK_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120, check=True)
    return done.stdout.strip()


def test_second_read_uses_the_cache_and_not_python_pptx(tmp_path):
    first = _probe(tmp_path)
    second = _probe(tmp_path)
    assert first.endswith("True")  # the first read opens the template
    assert second.split()[0] == first.split()[0]
    assert second.endswith("False")
    assert list(tmp_path.rglob("templates-*/*.json"))


def test_a_changed_template_is_read_again(tmp_path):
    from generator.look.template import template_data, template_path

    os.environ["MAKE_DECK_CACHE"] = str(tmp_path / "cache")
    try:
        copy = tmp_path / "copy.pptx"
        copy.write_bytes(template_path().read_bytes())
        before = template_data(copy)
        from pptx import Presentation

        prs = Presentation(str(copy))
        prs.slide_layouts[0].name = "Renamed cover"
        prs.save(str(copy))
        after = template_data(copy)
    finally:
        del os.environ["MAKE_DECK_CACHE"]
    assert before["layouts"][0]["name"] != after["layouts"][0]["name"]
    assert after["layouts"][0]["name"] == "Renamed cover"


LOOKS_PROBE = """
import sys
from generator.look.look import look_for
from generator.look.theme import DEFAULT_THEME
looks = look_for(DEFAULT_THEME).layout_looks
numbered = sorted(name for name, look in looks.items() if look.number_box is not None)
print(len(looks), len(numbered), "pptx" in sys.modules)
"""


def test_the_looks_layouts_come_from_the_cache_too(tmp_path):
    """The look's layout decorations (for the thumbnails) need no python-pptx once cached."""
    env = {**os.environ, "MAKE_DECK_CACHE": str(tmp_path), "PYTHONPATH": str(ROOT)}

    def probe() -> list[str]:
        return subprocess.run([sys.executable, "-c", LOOKS_PROBE], capture_output=True,
                              text=True, env=env, cwd=ROOT, timeout=120,
                              check=True).stdout.split()

    first, second = probe(), probe()
    assert first[-1] == "True" and second[-1] == "False"
    assert first[:2] == second[:2]
    assert int(first[0]) > 5 and int(first[1]) > 0  # layouts, and some carry a slide number


def test_looks_resolve_scheme_colours_against_the_palette():
    from generator.layout.geometry import Box
    from generator.look.template_looks import resolve_looks

    data = {"Band": {"background": ["slot", "dk2"],
                     "rules": [[0, 0, 10, 2, ["slot", "accent1"]], [0, 5, 10, 2, ["rgb", "FF0000"]],
                               [0, 9, 10, 2, ["slot", "missing"]]],
                     "number": [1, 2, 3, 4, 12, "r"]}}
    look = resolve_looks(data, {"dk2": "12436D", "accent1": "F47738"})["Band"]
    assert look.background == "12436D"
    assert look.rules == ((Box(0, 0, 10, 2), "F47738"), (Box(0, 5, 10, 2), "FF0000"))
    assert look.number_box == Box(1, 2, 3, 4) and look.number_size == 12
