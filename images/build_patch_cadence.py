"""Draw the default outline's chart, `images/patch-cadence.png`, reproducibly.

`python images/build_patch_cadence.py [--out PATH]` draws days from patch release to
deployment as horizontal bars in the default theme's colours (navy bars, the target
in the accent orange), labelled directly at sizes that stay readable when the
picture fills a slide's content area (about 0.34 pt a pixel: 64 px is 22 pt). The
slide's title and caption say what it shows, so the picture has no title of its own.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from generator.layout.fonts import face_path

OUT = Path(__file__).resolve().parent / "patch-cadence.png"
WIDTH, HEIGHT = 2400, 800
TEXT, MUTED, BAR, TARGET, LINE = "#0B0C0C", "#505A5F", "#12436D", "#F46A25", "#B1B4B6"
BARS = (("Quarterly cycle", 90, BAR), ("Monthly cycle", 30, BAR), ("Target", 14, TARGET))
LABEL_PX, AXIS_PX = 64, 56


def draw() -> Image.Image:
    """Return the chart as an RGB picture."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    pen = ImageDraw.Draw(image)
    bold = ImageFont.truetype(str(face_path(True, False)), LABEL_PX)
    plain = ImageFont.truetype(str(face_path(False, False)), AXIS_PX)
    left = max(pen.textlength(name, font=bold) for name, _, _ in BARS) + 64
    value_room = pen.textlength("90 days", font=bold) + 40
    scale = (WIDTH - left - value_room - 24) / max(days for _, days, _ in BARS)
    top, pitch, bar = 20, 220, 150
    for index, (name, days, colour) in enumerate(BARS):
        y = top + index * pitch
        middle = y + bar / 2
        pen.text((left - 40, middle), name, font=bold, fill=TEXT, anchor="rm")
        pen.rectangle((left, y, left + days * scale, y + bar), fill=colour)
        pen.text((left + days * scale + 24, middle), f"{days} days", font=bold, fill=TEXT,
                 anchor="lm")
    base = top + len(BARS) * pitch - (pitch - bar)
    pen.line((left, top - 10, left, base + 10), fill=LINE, width=4)
    pen.text((left, HEIGHT - 20), "Days from patch release to deployment", font=plain,
             fill=MUTED, anchor="ld")
    return image


def main(argv: list[str] | None = None) -> int:
    """Write the chart to ``--out`` (default: images/patch-cadence.png); return 0."""
    parser = argparse.ArgumentParser(description="Draw the default outline's chart.")
    parser.add_argument("--out", type=Path, default=OUT, help="output .png path")
    out = parser.parse_args(argv).out
    draw().quantize(64).save(out, optimize=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
