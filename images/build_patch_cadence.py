"""Draw the default outline's chart, `images/patch-cadence.png`, reproducibly.

`python images/build_patch_cadence.py [--theme NAME] [--out PATH]` draws days from
patch release to deployment as horizontal bars in a built-in theme's colours (by
default the default theme's: navy bars, the target in the accent orange), labelled
directly at sizes that stay readable when the picture fills a slide's content area
(about 0.34 pt a pixel: 64 px is 22 pt). The slide's title and caption say what it
shows, so the picture has no title of its own.

make-deck never recolours an outline's pictures; a pack built in another theme
(``theme: civic``) draws its chart again with ``--theme civic --out ...`` and points
``image:`` at that file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from generator.layout.fonts import face_path
from generator.look.theme_reader import builtin_theme

OUT = Path(__file__).resolve().parent / "patch-cadence.png"
WIDTH, HEIGHT = 2400, 800
LINE = "#B1B4B6"
BARS = (("Quarterly cycle", 90), ("Monthly cycle", 30), ("Target", 14))
LABEL_PX, AXIS_PX = 64, 56


def draw(theme: str = "default") -> Image.Image:
    """Return the chart as an RGB picture in the colours of the built-in ``theme``: its
    text and muted colours for the words, its dark colour for the bars and its accent
    rule colour for the target."""
    look = builtin_theme(theme)
    text, muted = f"#{look.text}", f"#{look.muted}"
    bar_colours = (f"#{look.dark_background}",) * (len(BARS) - 1) + (f"#{look.rule}",)
    image = Image.new("RGB", (WIDTH, HEIGHT), f"#{look.background}")
    pen = ImageDraw.Draw(image)
    bold = ImageFont.truetype(str(face_path(True, False)), LABEL_PX)
    plain = ImageFont.truetype(str(face_path(False, False)), AXIS_PX)
    left = max(pen.textlength(name, font=bold) for name, _ in BARS) + 64
    value_room = pen.textlength("90 days", font=bold) + 40
    scale = (WIDTH - left - value_room - 24) / max(days for _, days in BARS)
    top, pitch, bar = 20, 220, 150
    for index, ((name, days), colour) in enumerate(zip(BARS, bar_colours, strict=True)):
        y = top + index * pitch
        middle = y + bar / 2
        pen.text((left - 40, middle), name, font=bold, fill=text, anchor="rm")
        pen.rectangle((left, y, left + days * scale, y + bar), fill=colour)
        pen.text((left + days * scale + 24, middle), f"{days} days", font=bold, fill=text,
                 anchor="lm")
    base = top + len(BARS) * pitch - (pitch - bar)
    pen.line((left, top - 10, left, base + 10), fill=LINE, width=4)
    pen.text((left, HEIGHT - 20), "Days from patch release to deployment", font=plain,
             fill=muted, anchor="ld")
    return image


def main(argv: list[str] | None = None) -> int:
    """Write the chart to ``--out`` (default: images/patch-cadence.png); return 0."""
    parser = argparse.ArgumentParser(description="Draw the default outline's chart.")
    parser.add_argument("--theme", default="default", help="a built-in theme's name")
    parser.add_argument("--out", type=Path, default=OUT, help="output .png path")
    args = parser.parse_args(argv)
    draw(args.theme).quantize(64).save(args.out, optimize=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
