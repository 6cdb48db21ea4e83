"""What a theme puts at the foot of every slide: its logo and its footer line."""

from __future__ import annotations

from dataclasses import dataclass

from generator.layout.fitting import DoesNotFit, SizeRange, fit_in_box
from generator.layout.frames import Frame, PictureFrame, TextFrame
from generator.layout.geometry import Box
from generator.layout.text import Paragraph, TextStyle
from generator.look.theme import Theme

STYLE = TextStyle()


@dataclass(frozen=True, slots=True)
class Furniture:
    """The foot-of-slide frames for light and dark layouts, laid out once per deck.

    ``shortened`` is True when the footer had to lose words to fit its line.
    """

    light: tuple[Frame, ...]
    dark: tuple[Frame, ...]
    shortened: bool

    def frames(self, dark: bool) -> tuple[Frame, ...]:
        """Return the frames for a layout with a dark or light background."""
        return self.dark if dark else self.light


def _footer_text(theme: Theme, box: Box, factor: float) -> tuple[object, bool] | None:
    """Return the footer fitted on one line at the theme's smallest readable size, and
    whether words had to go; None when not even one word fits."""
    size = theme.size_floor
    words = (theme.footer or "").split()
    total = len(words)
    while words:
        text = " ".join(words) + ("" if len(words) == total else " …")
        try:
            return (fit_in_box([Paragraph.from_markup(text)], box, SizeRange(size, size, size),
                               STYLE, "footer", factor), len(words) < total)
        except DoesNotFit:
            words = words[:-1]
    return None


def lay_out_furniture(theme: Theme, width: float, height: float, factor: float) -> Furniture:
    """Return the theme's logo and footer placed in a band along the foot of the slide."""
    band = Box(width * 0.045, height * 0.915, width * 0.6, height * 0.06)
    frames: list[Frame] = []
    x = band.x
    if theme.logo is not None:
        h = band.h
        w = min(h * theme.logo.width / max(theme.logo.height, 1), width * 0.2)
        frames.append(PictureFrame(Box(x, band.y, w, h), theme.logo.path, theme.logo.alt, False))
        x += w + 8
    if not theme.footer:
        return Furniture(tuple(frames), tuple(frames), False)
    box = Box(x, band.y, band.right - x, band.h)
    found = _footer_text(theme, box, factor)
    if found is None:
        return Furniture(tuple(frames), tuple(frames), True)
    fitted, shortened = found

    def footer(tone: str) -> TextFrame:
        return TextFrame("footer", None, box, fitted, STYLE, anchor="ctr", tone=tone)  # type: ignore[arg-type]

    return Furniture((*frames, footer("muted")), (*frames, footer("inverse")), shortened)
