"""Resolve an outline's ``theme:`` to a `Theme` and the deck template to build on.

``theme`` may name a built-in theme, a theme ``.yaml`` (which may extend a
built-in one), or an organisation's ``.pptx``/``.potx`` template. Problems are
returned as diagnostics positioned in the outline or in the theme file.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import ValidationError

from generator.diagnostics import Diagnostic, Position
from generator.look.theme import (
    DEFAULT_THEME,
    Theme,
    ThemeFile,
    apply_theme_file,
    builtin_theme_names,
    themes_folder,
)
from generator.options import BuildOptions
from generator.outline.assets import check_image
from generator.outline.reader import decode_outline
from generator.outline.structure import nearest_key
from generator.outline.validation import translate
from generator.outline.yamlnodes import to_tree
from generator.problems import Problem

MAX_THEME_BYTES = 1024 * 1024


@dataclass(frozen=True)
class ThemeChoice:
    """The theme to use, the organisation template (None for the built-in one), problems."""

    theme: Theme
    template: Path | None
    diagnostics: tuple[Diagnostic, ...]
    files: tuple[Path, ...] = ()


def _read_theme_file(path: Path, shown: str, options: BuildOptions
                     ) -> tuple[Theme | None, list[Diagnostic]]:
    try:
        data = path.read_bytes()[: MAX_THEME_BYTES + 1]
    except OSError as exc:
        return None, [Diagnostic(Problem.E_THEME_READ,
                                 f"cannot read the theme {shown}: {exc.strerror}")]
    if len(data) > MAX_THEME_BYTES:
        return None, [Diagnostic(Problem.E_THEME_SIZE, f"the theme file {shown} is over 1 MB",
                                 position=Position(shown, 1, 1))]
    text, problems = decode_outline(data, shown)
    if text is None:
        return None, problems
    tree, sources, problems = to_tree(text, shown)
    if tree is None:
        return None, problems
    try:
        spec = ThemeFile.model_validate(tree)
    except ValidationError as exc:
        return None, [*problems, *translate(exc, tree, sources, ThemeFile)]
    base = builtin_theme(spec.extends) if spec.extends else DEFAULT_THEME
    theme = apply_theme_file(base, spec, path.parent)
    if theme.logo is not None:
        asset, found = check_image(
            str(spec.logo.image) if spec.logo else "", path.parent,
            sources.value(("logo", "image")), allow_outside=options.allow_outside_images,
            max_pixels=options.max_image_pixels)
        problems.extend(found)
        if asset is None:
            return None, problems
        theme = replace(theme, logo=replace(theme.logo, path=asset.path, width=asset.width,
                                            height=asset.height))
    return theme, problems


def builtin_theme(name: str) -> Theme:
    """Return a built-in theme by name (its file extends ``default`` at most once)."""
    path = themes_folder() / f"{name}.yaml"
    theme, problems = _read_theme_file(path, path.name, BuildOptions())
    if theme is None:  # pragma: no cover - the shipped files are tested
        raise RuntimeError(f"built-in theme {name} is broken: {problems}")
    return theme


def resolve_theme(reference: str, outline_dir: Path, position: Position | None,
                  options: BuildOptions) -> ThemeChoice:
    """Return the theme an outline's ``theme:`` value names, or the problems found."""
    names = builtin_theme_names()
    if reference in names:
        return ThemeChoice(builtin_theme(reference), None, ())
    suffix = Path(reference).suffix.lower()
    if suffix not in (".yaml", ".yml", ".pptx", ".potx"):
        suggestion = nearest_key(reference, names)
        return ThemeChoice(DEFAULT_THEME, None, (Diagnostic(
            Problem.E_THEME_UNKNOWN, f"`{reference}` is not a built-in theme or a theme file",
            position=position,
            hint=(f"did you mean `{suggestion}`? " if suggestion else "")
            + "built-in themes: " + ", ".join(names)
            + "; or give a .yaml theme file or a .pptx/.potx template"),))
    path = (outline_dir / reference).expanduser()
    if not path.is_file():
        return ThemeChoice(DEFAULT_THEME, None, (Diagnostic(
            Problem.E_THEME_MISSING,
            f"the theme file `{reference}` was not found (looked for {path})",
            position=position, hint="the path is relative to the outline file"),))
    if suffix in (".pptx", ".potx"):
        return ThemeChoice(DEFAULT_THEME, path.resolve(), (), (path.resolve(),))
    theme, problems = _read_theme_file(path, str(path), options)
    files = (path.resolve(),) + ((theme.logo.path,) if theme and theme.logo else ())
    return ThemeChoice(theme or DEFAULT_THEME, None, tuple(problems), files)
