"""Themes: the colours, font, text sizes, logo and footer a deck and its PDFs use.

Built-in themes are YAML files shipped with make-deck (``make-deck themes`` lists
them); a theme file of the user's own may ``extends:`` one of them. The deck's
template carries the same colours and font in its own theme part, so a user who
edits the deck in PowerPoint keeps the look.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from generator.layout.embedded import EmbeddedFaces
from generator.look.colours import with_contrast
from generator.model import _as_text

_HEX = re.compile(r"^#?([0-9A-Fa-f]{6})$")

# How much wider than Arial (which we measure with Arimo) a family's text may run.
# Metric-compatible families are exact; for others the layout keeps a margin.
FONT_WIDTH_FACTORS = {
    "arial": 1.0, "helvetica": 1.0, "liberation sans": 1.0, "arimo": 1.0,
    "calibri": 1.0, "carlito": 1.0, "calibri light": 1.0, "aptos": 1.05,
    "segoe ui": 1.06, "open sans": 1.08, "roboto": 1.02, "lato": 1.0,
    "source sans pro": 1.0, "noto sans": 1.08, "gill sans": 1.0, "gill sans mt": 1.0,
    "tahoma": 1.04, "trebuchet ms": 1.06, "verdana": 1.18, "georgia": 1.08,
    "times new roman": 1.0, "cambria": 1.0, "garamond": 1.0, "century gothic": 1.15,
}
UNKNOWN_FONT_FACTOR = 1.2
MONOSPACED_FACTOR = 1.5
"""Monospaced families give every character about 0.6 em, where Arial gives a
text's letters 0.45 em on average: 95 % of the lines of English text stay within
1.5 times Arial's width."""
FONT_WIDTH_FACTORS.update(dict.fromkeys(
    ("consolas", "lucida console", "courier new", "courier", "lucida sans typewriter",
     "cousine", "liberation mono", "dejavu sans mono", "source code pro", "menlo", "monaco",
     "andale mono", "roboto mono", "ibm plex mono", "fira mono", "fira code"),
    MONOSPACED_FACTOR))


@dataclass(frozen=True, slots=True)
class Logo:
    """A logo picture shown on every slide, with its alternative text."""

    path: Path
    alt: str
    width: int = 1
    height: int = 1


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours (``RRGGBB``), the font family and the size range of each kind of text."""

    name: str = "default"
    font_family: str = "Arial"
    heading_font_family: str | None = None
    text: str = "0B0C0C"
    background: str = "FFFFFF"
    dark_background: str = "12436D"
    inverse_text: str = "FFFFFF"
    heading: str = "12436D"
    surface: str = "F3F2F1"
    accent: str = "F46A25"
    muted: str = "505A5F"
    link: str = "1D70B8"
    table_header_fill: str = "12436D"
    table_header_text: str = "FFFFFF"
    table_stripe_fill: str = "F3F2F1"
    title_max: float = 36.0
    title_min: float = 28.0
    body_max: float = 28.0
    body_min: float = 24.0
    hero_max: float = 44.0
    small_size: float = 20.0
    size_floor: float = 18.0
    max_bullets: int = 8
    max_words: int = 80
    min_contrast: float = 4.5
    logo: Logo | None = None
    footer: str | None = None
    description: str = ""
    embedded_fonts: tuple[EmbeddedFaces, ...] = ()
    """The fonts the template embeds, decoded (see `generator.look.embedded_fonts`)."""
    layout_fonts: tuple[str, ...] = ()
    """Other fonts the template's layouts set text (other than titles) in."""
    layout_heading_fonts: tuple[str, ...] = ()
    """Other fonts the template's layouts set titles in."""

    @property
    def text_families(self) -> tuple[str, ...]:
        """Return every family text other than titles may be drawn in (the first is the
        theme's)."""
        return (self.font_family, *self.layout_fonts)

    @property
    def heading_families(self) -> tuple[str, ...]:
        """Return every family titles may be drawn in (the first is the theme's)."""
        return (self.heading_font_family or self.font_family, *self.layout_heading_fonts)

    @property
    def font_width_factor(self) -> float:
        """Return how much wider than Arial this theme's fonts (body and headings) may
        set text, the wider of the two, as stated in `FONT_WIDTH_FACTORS`. The layout
        measures with the fonts themselves where it can (`generator.layout.measure`)."""
        families = [self.font_family, self.heading_font_family or self.font_family]
        return max(FONT_WIDTH_FACTORS.get(f.lower(), UNKNOWN_FONT_FACTOR) for f in families)

    def scheme(self) -> dict[str, str]:
        """Return the template colour-scheme slots this theme sets (dk1, lt1, ...)."""
        return {
            "dk1": self.text, "lt1": self.background, "dk2": self.dark_background,
            "lt2": self.surface, "accent1": self.dark_background, "accent4": self.rule,
            "accent5": self.muted, "hlink": self.link,
        }

    @property
    def rule(self) -> str:
        """Return the colour of the accent rules: the accent, darkened or lightened as
        little as it takes to stand out 3:1 (WCAG 1.4.11) from the background."""
        return rule_colour(self.accent, self.background)

    def scaled(self, factor: float) -> Theme:
        """Return the theme with every text size multiplied by ``factor`` (slide size)."""
        if abs(factor - 1.0) < 1e-6:
            return self
        sizes = ("title_max", "title_min", "body_max", "body_min", "hero_max", "small_size",
                 "size_floor")
        return replace(self, **{name: round(getattr(self, name) * factor, 1) for name in sizes})


DEFAULT_THEME = Theme()
RULE_CONTRAST = 3.0
"""The least contrast of a rule against its background (WCAG 1.4.11, non-text)."""


def rule_colour(accent: str, background: str) -> str:
    """Return ``accent``, or the nearest colour towards black or white that stands out
    `RULE_CONTRAST` from ``background`` (the least change, so it keeps what contrast it
    has against the dark background too)."""
    return with_contrast(accent, background, RULE_CONTRAST)


def _hex(value: Any) -> Any:
    value = _as_text(value)
    if isinstance(value, str):
        match = _HEX.match(value.strip())
        if match:
            return match.group(1).upper()
        raise ValueError(f"`{value}` is not a colour; write six hex digits, e.g. \"12436D\"")
    return value


Colour = Annotated[str, BeforeValidator(_hex)]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ThemeColours(_Strict):
    """Theme colours as six hex digits (``RRGGBB``)."""

    text: Colour | None = Field(None, description="Body text on light slides.")
    background: Colour | None = Field(None, description="Light slide background.")
    primary: Colour | None = Field(None, description="Titles, dividers and table headers.")
    surface: Colour | None = Field(None, description="Quote panel and table stripes.")
    accent: Colour | None = Field(None, description="Decorative rules (never text).")
    muted: Colour | None = Field(None, description="Captions, attributions, slide numbers.")
    link: Colour | None = Field(None, description="Links on light slides.")


class ThemeSizes(_Strict):
    """Text sizes in points."""

    title_max: float | None = Field(None, ge=8, le=120)
    title_min: float | None = Field(None, ge=8, le=120)
    body_max: float | None = Field(None, ge=8, le=120)
    body_min: float | None = Field(None, ge=8, le=120)
    hero_max: float | None = Field(None, ge=8, le=160)
    small: float | None = Field(None, ge=8, le=80)
    floor: float | None = Field(None, ge=8, le=80)


class ThemeDensity(_Strict):
    """How much a slide may hold before make-deck warns."""

    max_bullets: int | None = Field(None, ge=1, le=100)
    max_words: int | None = Field(None, ge=1, le=1000)


class ThemeLogo(_Strict):
    """A logo picture (relative to the theme file) and its alternative text."""

    image: Annotated[str, BeforeValidator(_as_text)]
    alt: Annotated[str, BeforeValidator(_as_text), Field(min_length=1)]


class ThemeFile(_Strict):
    """A theme file: every key optional; ``extends`` names the built-in theme it changes."""

    extends: str | None = Field(None, description="A built-in theme this theme changes.")
    name: str | None = None
    description: str | None = None
    colours: ThemeColours = ThemeColours()
    font: Annotated[str, BeforeValidator(_as_text)] | None = Field(
        None, description="Font family for all text, e.g. Arial.")
    sizes: ThemeSizes = ThemeSizes()
    density: ThemeDensity = ThemeDensity()
    logo: ThemeLogo | None = None
    footer: Annotated[str, BeforeValidator(_as_text)] | None = Field(
        None, description="A line shown at the foot of every slide.")
    contrast: float | None = Field(
        None, ge=4.5, le=21, description="The contrast every text of the handout and "
        "the guide reaches against its background (default 4.5, WCAG AA; 7 is AAA).")

    @field_validator("extends")
    @classmethod
    def _known_builtin(cls, value: str | None) -> str | None:
        if value is not None and value not in builtin_theme_names():
            raise ValueError(
                f"`{value}` is not a built-in theme; use one of: "
                + ", ".join(builtin_theme_names()))
        return value


def themes_folder() -> Path:
    """Return the folder of the built-in theme files (installed or in the checkout)."""
    from importlib.resources import files

    try:
        return Path(str(files("generator.templates") / "themes"))
    except ModuleNotFoundError:  # a checkout that was not installed
        return Path(__file__).resolve().parents[2] / "templates" / "themes"


def builtin_theme_names() -> tuple[str, ...]:
    """Return the names of the built-in themes, default first."""
    names = sorted(p.stem for p in themes_folder().glob("*.yaml"))
    return tuple(sorted(names, key=lambda n: (n != "default", n)))


def apply_theme_file(base: Theme, spec: ThemeFile, folder: Path) -> Theme:
    """Return ``base`` changed by the keys a theme file sets (logo relative to ``folder``)."""
    changes: dict[str, Any] = {}
    colours = spec.colours
    if colours.text:
        changes["text"] = colours.text
    if colours.background:
        changes["background"] = colours.background
        changes["inverse_text"] = colours.background
        changes["table_header_text"] = colours.background
    if colours.primary:
        changes.update(heading=colours.primary, dark_background=colours.primary,
                       table_header_fill=colours.primary)
    if colours.surface:
        changes.update(surface=colours.surface, table_stripe_fill=colours.surface)
    for key in ("accent", "muted", "link"):
        if getattr(colours, key):
            changes[key] = getattr(colours, key)
    if spec.font:
        changes["font_family"] = spec.font
        changes["heading_font_family"] = spec.font
    size_keys = {"small": "small_size", "floor": "size_floor"}
    for field in ThemeSizes.model_fields:
        value = getattr(spec.sizes, field)
        if value is not None:
            changes[size_keys.get(field, field)] = float(value)
    for field in ThemeDensity.model_fields:
        value = getattr(spec.density, field)
        if value is not None:
            changes[field] = value
    if spec.logo:
        changes["logo"] = Logo((folder / spec.logo.image), spec.logo.alt)
    if spec.footer is not None:
        changes["footer"] = spec.footer
    if spec.contrast is not None:
        changes["min_contrast"] = float(spec.contrast)
    if spec.name:
        changes["name"] = spec.name
    if spec.description:
        changes["description"] = spec.description
    return replace(base, **changes)
