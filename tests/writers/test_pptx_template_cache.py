"""Reading a template is cached by content, so `check` and rebuilds skip python-pptx."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import sys
from generator.writers.pptx_template import read_template, template_path
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
    from generator.writers.pptx_template import _raw_template, template_path

    os.environ["MAKE_DECK_CACHE"] = str(tmp_path / "cache")
    try:
        copy = tmp_path / "copy.pptx"
        copy.write_bytes(template_path().read_bytes())
        before = _raw_template(copy)
        from pptx import Presentation

        prs = Presentation(str(copy))
        prs.slide_layouts[0].name = "Renamed cover"
        prs.save(str(copy))
        after = _raw_template(copy)
    finally:
        del os.environ["MAKE_DECK_CACHE"]
    assert before["layouts"][0]["name"] != after["layouts"][0]["name"]
    assert after["layouts"][0]["name"] == "Renamed cover"
