"""Colour arithmetic shared by the look, the checks and every writer.

Colours are ``RRGGBB`` strings (upper case, no ``#``). Luminance and contrast are
computed exactly as WCAG 2.2 defines them (sRGB threshold 0.04045), in one place.
"""

from __future__ import annotations

NORMAL_TEXT_RATIO = 4.5
"""WCAG 2.2 AA (1.4.3): the contrast normal-size text needs."""

LARGE_TEXT_RATIO = 3.0
"""WCAG 2.2 AA: the contrast large text (18 pt, or 14 pt bold) needs."""

TABLE_BANDS = (0.12, 0.0)
"""Tints of the table header colour filling odd and even body rows: a light band, then
none (the background). The deck fills its tables' cells so; 0 is white."""


def to_linear(value: int) -> float:
    """Return an sRGB channel value (0-255) in linear light (0-1)."""
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def from_linear(c: float) -> float:
    """Return a linear-light channel (0-1, clamped) as an sRGB value 0-255, unrounded."""
    c = max(0.0, min(1.0, c))
    return (c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055) * 255


_channel = to_linear


def _encode(c: float) -> int:
    return round(from_linear(c))


def rgb(hex_rgb: str) -> tuple[int, int, int]:
    """Return the red, green and blue values (0-255) of an ``RRGGBB`` colour."""
    value = hex_rgb.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def hex_of(red: float, green: float, blue: float) -> str:
    """Return ``RRGGBB`` for channel values 0-255 (rounded and clamped)."""
    return "".join(f"{max(0, min(255, round(v))):02X}" for v in (red, green, blue))


def linear(hex_rgb: str) -> tuple[float, float, float]:
    """Return the linear-light red, green and blue (0-1) of an ``RRGGBB`` colour."""
    r, g, b = (_channel(v) for v in rgb(hex_rgb))
    return r, g, b


def relative_luminance(hex_rgb: str) -> float:
    """Return the WCAG relative luminance of an ``RRGGBB`` colour (0 black, 1 white)."""
    r, g, b = linear(hex_rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """Return the WCAG contrast ratio of two ``RRGGBB`` colours, from 1 to 21."""
    a, b = relative_luminance(first), relative_luminance(second)
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)


def is_dark(hex_rgb: str) -> bool:
    """Return whether light text reads better than dark text on this colour."""
    return contrast_ratio(hex_rgb, "FFFFFF") >= contrast_ratio(hex_rgb, "000000")


def tint(hex_rgb: str, share: float) -> str:
    """Return ``hex_rgb`` tinted towards white keeping ``share`` of it (DrawingML ``tint``).

    Office mixes tints in linear light, so a 40 % tint is much lighter than a 40 %
    mix of the sRGB values."""
    mixed = (_encode(share * c + (1 - share)) for c in linear(hex_rgb))
    return "".join(f"{v:02X}" for v in mixed)


def blend(first: str, second: str, share: float) -> str:
    """Return the sRGB mix of two colours with ``share`` (0-1) of ``first``: a pale
    panel is ``blend(primary, background, 0.1)``."""
    a, b = rgb(first), rgb(second)
    return hex_of(*(share * x + (1 - share) * y for x, y in zip(a, b, strict=True)))


def with_contrast(colour: str, background: str, ratio: float) -> str:
    """Return ``colour``, or the nearest colour towards black or white (whichever the
    background needs) that reaches ``ratio`` against ``background``.

    The hue is kept as far as the ratio allows; black or white is returned when no
    mix of the colour reaches it."""
    if contrast_ratio(colour, background) >= ratio:
        return colour
    towards = "000000" if not is_dark(background) else "FFFFFF"
    low, high = 0.0, 1.0  # share of `towards` mixed in
    if contrast_ratio(towards, background) < ratio:
        return towards
    for _ in range(24):
        middle = (low + high) / 2
        if contrast_ratio(blend(towards, colour, middle), background) >= ratio:
            high = middle
        else:
            low = middle
    found = blend(towards, colour, high)
    return found if contrast_ratio(found, background) >= ratio else towards


def ratio_text(ratio: float) -> str:
    """Return a contrast ratio as "4.49:1", never rounded up past a threshold it misses
    (2.999 is "2.99:1", not "3.00:1")."""
    truncated = int(ratio * 100) / 100
    return f"{truncated:.2f}:1"
