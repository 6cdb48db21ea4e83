"""The default outline's chart is drawn in a built-in theme's own colours, and the
committed picture is what the script draws for the default theme."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PIL import Image

from generator.look.theme_reader import builtin_theme

ROOT = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location(
        "build_patch_cadence", ROOT / "images" / "build_patch_cadence.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _colours(image: Image.Image) -> set[str]:
    """Return the colours that cover at least 1 % of the picture, as RRGGBB."""
    counts = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
    least = image.width * image.height / 100
    return {"".join(f"{c:02X}" for c in rgb) for count, rgb in counts if count >= least}


def test_the_committed_chart_is_the_default_themes_drawing(tmp_path: Path) -> None:
    out = tmp_path / "chart.png"
    assert _script().main(["--out", str(out)]) == 0
    assert out.read_bytes() == (ROOT / "images" / "patch-cadence.png").read_bytes()


def test_the_chart_takes_another_themes_bars_and_accent(tmp_path: Path) -> None:
    civic, default = builtin_theme("civic"), builtin_theme("default")
    chart = _script().draw("civic")
    found = _colours(chart)
    assert {civic.dark_background, civic.rule} <= found, found
    assert default.dark_background not in found and default.rule not in found
