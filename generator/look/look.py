"""The look: what every output is dressed in, settled once before layout.

`settle_look` reads the outline's ``theme:`` (a built-in theme, a theme ``.yaml``
or an organisation's ``.pptx``/``.potx``) and the deck template exactly once and
returns one frozen `Look`. Layout, the checks and every writer read it; none of
them keeps colours, typefaces or sizes of its own:

- ``theme``: the deck's colours, typefaces and type sizes (an organisation
  template's own, scaled to its slide size);
- ``template``: the slide geometry and the layout serving each slide role;
- ``palette``: the colours of the documents (handout, guide, HTML), derived from
  the theme, each text colour checked against its background;
- ``body_face`` / ``heading_face``: the font files the PDFs embed for the theme's
  families (see `generator.look.typefaces`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Diagnostic, Position
from generator.look.colours import blend, contrast_ratio, with_contrast
from generator.look.template import TemplateInfo, read_template, template_data, template_path
from generator.look.template_looks import LayoutLook, resolve_looks
from generator.look.theme import Logo, Theme
from generator.look.typefaces import Typeface, choose_typeface
from generator.options import BuildOptions


@dataclass(frozen=True, slots=True)
class Palette:
    """The documents' colours as ``RRGGBB``, by what they are for.

    Every text colour reaches the look's contrast (4.5:1, or the theme's own higher
    target such as 7:1 for ``high-contrast``) on the background it is used on; see
    `text_pairs`."""

    text: str
    background: str
    heading: str
    muted: str
    link: str
    accent: str
    rule: str
    write_line: str
    surface: str
    panel: str
    panel_accent: str
    cover: str
    cover_accent: str
    cover_text: str
    cover_soft: str
    table_header: str
    table_header_text: str
    stripe: str

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Return {use: (text colour, background)} for every text the documents set."""
        return {
            "body text": (self.text, self.background),
            "headings": (self.heading, self.background),
            "captions and labels": (self.muted, self.background),
            "links": (self.link, self.background),
            "text on panels": (self.text, self.panel),
            "headings on panels": (self.heading, self.panel),
            "text on quote panels": (self.text, self.surface),
            "text on accent panels": (self.text, self.panel_accent),
            "cover title": (self.cover_text, self.cover),
            "cover details": (self.cover_soft, self.cover),
            "table headers": (self.table_header_text, self.table_header),
            "table stripes": (self.text, self.stripe),
        }


GRAPHIC_RATIO = 3.0
"""WCAG 2.2 1.4.11: what rules and bands need against the page to be seen."""


def _fill_for(text: str, ratio: float, *candidates: str) -> str:
    """Return the first of ``candidates`` on which ``text`` reaches ``ratio``, else the
    first darkened (or lightened) just enough for it: a fill make-deck chooses keeps
    the look's text colour and stays as close to the look's own colours as it can."""
    for fill in candidates:
        if contrast_ratio(text, fill) >= ratio:
            return fill
    return with_contrast(candidates[0], text, ratio)


def make_palette(theme: Theme) -> Palette:
    """Return the documents' palette for ``theme``: the theme's own colours where it
    has them, tints of them for panels and rules, every text colour moved just far
    enough towards black or white to reach the theme's contrast."""
    target = theme.min_contrast
    background = theme.background
    panel = blend(theme.heading, background, 0.1)
    panel_accent = blend(theme.accent, background, 0.15)
    surface = theme.surface

    def legible(colour: str, *fills: str) -> str:
        for fill in fills:
            colour = with_contrast(colour, fill, target)
        return colour

    cover = theme.dark_background
    cover_text = legible(theme.inverse_text, cover)
    table_header = _fill_for(theme.table_header_text, target, theme.table_header_fill,
                             theme.dark_background, theme.heading)
    return Palette(
        text=legible(theme.text, background, panel, surface, panel_accent),
        background=background,
        heading=legible(theme.heading, background, panel),
        muted=legible(theme.muted, background),
        link=legible(theme.link, background),
        accent=with_contrast(theme.accent, background, GRAPHIC_RATIO),
        rule=with_contrast(blend(theme.muted, background, 0.45), background, 1.5),
        write_line=with_contrast(blend(theme.muted, background, 0.35), background, 1.4),
        surface=surface,
        panel=panel,
        panel_accent=panel_accent,
        cover=cover,
        cover_accent=with_contrast(theme.accent, cover, GRAPHIC_RATIO),
        cover_text=cover_text,
        cover_soft=legible(blend(cover_text, cover, 0.85), cover),
        table_header=table_header,
        table_header_text=legible(theme.table_header_text, table_header),
        stripe=blend(theme.table_stripe_fill, background, 0.6),
    )


@dataclass(frozen=True)
class Look:
    """The one look every output follows (see the module's docstring)."""

    theme: Theme
    template: TemplateInfo
    template_file: Path
    palette: Palette
    body_face: Typeface
    heading_face: Typeface
    layout_looks: Mapping[str, LayoutLook] = field(default_factory=dict, compare=False,
                                                   hash=False)

    def layout_look(self, name: str) -> LayoutLook:
        """Return what the template's layout ``name`` draws by itself (background,
        accent rules, slide number), for the thumbnails."""
        return self.layout_looks.get(name, LayoutLook(None))

    @property
    def is_default_template(self) -> bool:
        """Return whether the deck builds on make-deck's own template."""
        return self.template.is_default

    @property
    def logo(self) -> Logo | None:
        """Return the logo shown on slides and on the documents' covers, if any."""
        return self.theme.logo

    @property
    def footer(self) -> str | None:
        """Return the footer line the theme sets, if any."""
        return self.theme.footer

    def notes(self) -> tuple[str, ...]:
        """Return what `--verbose` and `check-template` say about the fonts embedded."""
        faces = dict.fromkeys((self.body_face, self.heading_face))
        return tuple(face.note for face in faces)

    def contrast_problems(self) -> list[tuple[str, str, str, float]]:
        """Return (use, text, background, ratio) for each document text below the look's
        contrast; `make_palette` avoids these, so any is a bug or a user's own choice."""
        found = []
        for use, (text, fill) in self.palette.text_pairs().items():
            ratio = contrast_ratio(text, fill)
            if ratio < self.theme.min_contrast:
                found.append((use, text, fill, ratio))
        return found


def _layout_looks(template: Path, theme: Theme, is_default: bool) -> dict[str, LayoutLook]:
    """Return {layout name: its look} for ``template`` ({} when it cannot be read); on the
    built-in template the colour-scheme slots take ``theme``'s colours, as in the deck."""
    try:
        data = template_data(template)
    except (OSError, KeyError, ValueError):
        return {}
    palette = dict(data["colours"])
    if is_default:
        palette.update(theme.scheme())
        palette.update({a: palette[r] for a, r in zip(("tx1", "bg1", "tx2", "bg2"),
                                                      ("dk1", "lt1", "dk2", "lt2"), strict=True)})
    return resolve_looks(data["looks"], palette)


def look_for(theme: Theme, template: Path | None = None,
             layouts: dict[str, str] | None = None,
             template_slides: Mapping[str, int | str] | None = None) -> Look:
    """Return the look of ``theme`` on ``template`` (the built-in one when None), with
    the roles mapped to layouts as ``layouts`` says and to the example slides
    ``template_slides`` names as their patterns."""
    chosen = template or template_path()
    info = read_template(chosen, dict(layouts or {}), theme, dict(template_slides or {}))
    settled = info.theme
    return Look(settled, info, chosen, make_palette(settled),
                choose_typeface(settled.font_family),
                choose_typeface(settled.heading_font_family or settled.font_family),
                _layout_looks(chosen, settled, info.is_default))


def settle_look(theme_value: str, layouts: dict[str, str], outline_dir: Path,
                position: Position | None, options: BuildOptions,
                template_slides: Mapping[str, int | str] | None = None
                ) -> tuple[Look | None, tuple[Diagnostic, ...], tuple[Path, ...]]:
    """Return the look an outline's ``theme:`` names (None when it has errors), the
    problems found reading it, and the files it was read from (for watch)."""
    from generator.diagnostics import has_errors
    from generator.look.theme_reader import resolve_theme

    choice = resolve_theme(theme_value, outline_dir, position, options)
    if has_errors(list(choice.diagnostics)):
        return None, choice.diagnostics, choice.files
    return (look_for(choice.theme, choice.template, layouts, template_slides),
            choice.diagnostics, choice.files)
