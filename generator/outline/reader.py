"""Read an outline file: bytes -> text -> plain tree -> checked `Workshop` model.

Every problem found on the way is collected; the caller decides what stops a
run (errors always do, warnings with ``--strict``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from generator.diagnostics import Diagnostic, Position, has_errors
from generator.model import Workshop
from generator.options import BuildOptions
from generator.outline.assets import ImageAsset, check_image
from generator.outline.languages import (
    check_translations,
    edition,
    outline_languages,
    words_warning,
)
from generator.outline.structure import check_structure, empty_sections, iter_slide_paths
from generator.outline.validation import translate
from generator.outline.yamlnodes import SourceMap, to_tree
from generator.problems import Problem


@dataclass(frozen=True)
class OutlineSource:
    """A read outline: its file, text, model (None on errors), positions and problems."""

    path: Path
    text: str | None
    workshop: Workshop | None
    sources: SourceMap
    diagnostics: tuple[Diagnostic, ...]
    images: dict[str, ImageAsset] = field(default_factory=dict)
    editions: dict[str, Workshop] = field(default_factory=dict)
    """A bilingual outline's workshop in each of its languages, first language first
    (``workshop`` is the first); empty for an outline in one language."""

    @property
    def languages(self) -> tuple[str, ...]:
        """Return the outline's languages: one tag, or a bilingual outline's two."""
        if self.editions:
            return tuple(self.editions)
        return (self.workshop.language,) if self.workshop else ()

    @property
    def display_name(self) -> str:
        """Return the file name as shown in messages."""
        return self.sources.file

    def slide_position(self, part: int, slide: int) -> Position | None:
        """Return where slide ``slide`` of section ``part`` starts in the outline."""
        return self.sources.value(("sections", part, "slides", slide))

    def part_position(self, part: int) -> Position | None:
        """Return where section or break ``part`` starts in the outline."""
        return self.sources.value(("sections", part))


def _utf16_without_mark(head: bytes) -> bool:
    """Return True when ``head`` looks like UTF-16 text without a byte-order mark: every
    other byte zero, as ASCII letters are in UTF-16."""
    pairs = len(head) // 2
    if pairs < 4:
        return False
    for offset in (0, 1):
        zeros = head[1 - offset::2].count(0)
        if zeros >= pairs * 0.9 and head[offset::2].count(0) == 0:
            return True
    return False


def decode_outline(data: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    """Return the outline's text decoded as UTF-8, or None and the reason it is not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_mark(data[:8192]):
        return None, [Diagnostic(
            Problem.E_FILE_ENCODING, "the outline is saved as UTF-16 (what Notepad calls "
            "“Unicode”), but make-deck reads UTF-8 text",
            position=Position(file, 1, 1),
            hint="save the file again with the encoding UTF-8 (in Notepad: File, Save as, "
            "Encoding: UTF-8)",
        )]
    if b"\x00" in data[:8192]:
        return None, [Diagnostic(
            Problem.E_FILE_BINARY, "this is a binary file, not a YAML outline",
            position=Position(file, 1, 1), hint="pass the outline's .yaml file",
        )]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        return None, [Diagnostic(
            Problem.E_FILE_ENCODING,
            f"the outline is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be read)",
            position=Position(file, line, column),
            hint="save the file as UTF-8 in your editor",
        )]


def _check_images(
    tree: object, sources: SourceMap, base: Path, options: BuildOptions
) -> tuple[dict[str, ImageAsset], list[Diagnostic]]:
    """Return the checked pictures the outline's slides name, and their problems.

    Works on the plain tree, so picture problems are reported together with any
    other problem in the outline.
    """
    images: dict[str, ImageAsset] = {}
    problems: list[Diagnostic] = []
    for path in iter_slide_paths(tree):
        slide = tree
        for step in path:
            slide = slide[step]  # type: ignore[index]
        reference = slide.get("image") if isinstance(slide, dict) else None
        if not isinstance(reference, str) or not reference or reference in images:
            continue
        asset, found = check_image(
            reference, base, sources.value((*path, "image")),
            allow_outside=options.allow_outside_images,
            max_pixels=options.max_image_pixels,
        )
        problems.extend(found)
        if asset is not None:
            images[reference] = asset
    return images, problems


def read_outline(
    text_or_bytes: str | bytes, file: str, base: Path, options: BuildOptions
) -> OutlineSource:
    """Return the checked outline read from memory; ``base`` resolves picture paths."""
    sources = SourceMap(file)
    if isinstance(text_or_bytes, bytes):
        text, problems = decode_outline(text_or_bytes, file)
        if text is None:
            return OutlineSource(Path(file), None, None, sources, tuple(problems))
    else:
        text = text_or_bytes
    tree, sources, problems = to_tree(text, file)
    if tree is None:
        return OutlineSource(Path(file), text, None, sources, tuple(problems))
    languages, found = outline_languages(tree, sources)
    problems.extend(found)
    problems.extend(check_translations(tree, sources, languages))
    trees = {tag: edition(tree, languages, tag) for tag in languages}
    first = trees[languages[0]]
    problems.extend(check_structure(first, sources))
    reported = {d.position for d in problems}
    workshop: Workshop | None = None
    editions: dict[str, Workshop] = {}
    for tag, projected in trees.items():
        try:
            editions[tag] = Workshop.model_validate(projected)
        except ValidationError as exc:  # what the checks above reported is not said twice
            found = translate(exc, projected, sources)
            problems.extend(d for d in found if d.position not in reported)
            reported.update(d.position for d in found)
            if not has_errors(problems):  # never refuse an outline without saying why
                problems.extend(found[:1])
    workshop = editions.get(languages[0])
    if workshop is not None:
        problems.extend(words_warning(languages, sources))
    images, found = _check_images(first, sources, base, options)
    problems.extend(found)
    if has_errors(problems):
        workshop, editions = None, {}
    else:
        problems.extend(empty_sections(first, sources))
    problems.sort(key=Diagnostic.sort_key)
    return OutlineSource(Path(file), text, workshop, sources, tuple(problems), images,
                         editions if len(languages) > 1 else {})


def read_outline_bytes(path: Path, options: BuildOptions
                       ) -> tuple[bytes | None, tuple[Diagnostic, ...]]:
    """Return the bytes of the outline file at ``path``, or None and why it cannot be
    read: missing, a folder, unreadable, or over ``options.max_outline_bytes`` (which
    is checked before anything is read)."""
    shown = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_outline_bytes:
            return None, (Diagnostic(
                Problem.E_FILE_SIZE,
                f"the outline is {size:,} bytes, over the limit of {options.max_outline_bytes:,}",
                position=Position(shown, 1, 1),
                hint="an outline is usually a few kilobytes; raise the limit with "
                "--max-outline-size if this is intended",
            ),)
        return path.read_bytes(), ()
    except FileNotFoundError:
        return None, (Diagnostic(
            Problem.E_FILE_MISSING, f"no outline at {shown}",
            hint="check the path, or run `make-deck init` to write a starter outline",
        ),)
    except IsADirectoryError:
        return None, (Diagnostic(
            Problem.E_FILE_MISSING, f"{shown} is a folder, not an outline file",
            hint="pass the outline's .yaml file",
        ),)
    except OSError as exc:
        return None, (Diagnostic(
            Problem.E_FILE_READ, f"cannot read {shown}: {exc.strerror}",
        ),)


def load_outline(path: Path, options: BuildOptions) -> OutlineSource:
    """Return the checked outline read from ``path`` (problems are in ``diagnostics``)."""
    shown = str(path)
    data, problems = read_outline_bytes(path, options)
    if data is None:
        return OutlineSource(path, None, None, SourceMap(shown), problems)
    result = read_outline(data, shown, path.parent, options)
    return OutlineSource(
        path, result.text, result.workshop, result.sources, result.diagnostics, result.images,
        result.editions,
    )


def outline_tree(path: Path, options: BuildOptions) -> object | None:
    """Return the plain data of the outline at ``path`` (dicts, lists, scalars), read
    as `load_outline` reads it (size limit, UTF-8 only, no YAML tags, no duplicate
    keys, bounded aliases and nesting) but not checked further; None when it cannot
    be read that way (`load_outline` says why)."""
    data, _ = read_outline_bytes(path, options)
    if data is None:
        return None
    text, _ = decode_outline(data, str(path))
    if text is None:
        return None
    tree, _, problems = to_tree(text, str(path))
    return None if has_errors(problems) else tree
