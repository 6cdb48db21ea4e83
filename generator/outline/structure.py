"""Structural checks on the plain YAML tree, before the model is built.

Finds unknown keys (with the nearest known key as a hint), slides whose kind
cannot be told or that mix two kinds, and values of the wrong shape where the
model's own errors would be vague. Known keys come from the model, never a copy.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from pydantic import BaseModel

from generator import model
from generator.diagnostics import Diagnostic
from generator.outline.yamlnodes import Path, SourceMap
from generator.problems import Problem

_SLIDE_MODELS: dict[str, type[BaseModel]] = {
    "bullets": model.BulletsSlide,
    "quote": model.QuoteSlide,
    "statement": model.StatementSlide,
    "columns": model.ColumnsSlide,
    "image": model.ImageSlide,
    "table": model.TableSlide,
    "activity": model.ActivitySlide,
}


def known_keys(cls: type[BaseModel]) -> tuple[str, ...]:
    """Return the keys an outline may write for model type ``cls``, in field order."""
    return tuple(
        field.alias or name for name, field in cls.model_fields.items() if name != "kind"
    )


def nearest_key(key: str, known: tuple[str, ...]) -> str | None:
    """Return the known key closest to a misspelt ``key``, or None when none is close."""
    lowered = {k.lower(): k for k in known}
    if key.lower() in lowered:
        return lowered[key.lower()]
    close = difflib.get_close_matches(key.lower().replace("-", "_"), list(lowered), 1, 0.6)
    return lowered[close[0]] if close else None


class _Checker:
    def __init__(self, sources: SourceMap) -> None:
        self.sources = sources
        self.problems: list[Diagnostic] = []

    def keys(self, data: object, path: Path, cls: type[BaseModel], where: str) -> None:
        if not isinstance(data, dict):
            return
        known = known_keys(cls)
        for key in data:
            if key in known:
                continue
            suggestion = nearest_key(key, known)
            if suggestion:
                hint = f"did you mean `{suggestion}`?"
            else:
                hint = f"{where} may have: " + ", ".join(f"`{k}`" for k in known)
            self.problems.append(Diagnostic(
                Problem.E_KEY_UNKNOWN, f"unknown key `{key}` in {where}",
                position=self.sources.key((*path, key)), hint=hint,
            ))

    def workshop(self, data: object) -> None:
        if not isinstance(data, dict):
            self.problems.append(Diagnostic(
                Problem.E_TYPE, "an outline is a mapping of keys such as `title:` and `sections:`",
                position=self.sources.value(()), hint="start with `title: ...`",
            ))
            return
        self.keys(data, (), model.Workshop, "the workshop")
        for key, cls in (("handout", model.HandoutSettings), ("output", model.OutputSettings),
                         ("bilingual", model.BilingualSettings)):
            self.keys(data.get(key), (key,), cls, f"`{key}`")
        sections = data.get("sections")
        if isinstance(sections, list):
            for index, part in enumerate(sections):
                self.part(part, ("sections", index))

    def part(self, data: object, path: Path) -> None:
        if not isinstance(data, dict):
            self.problems.append(Diagnostic(
                Problem.E_TYPE, "a section must be a mapping with `title:` (or a `break:`)",
                position=self.sources.value(path),
                hint="write `- title: ...` and indent the section's keys under it",
            ))
            return
        if "break" in data:
            self.keys(data, path, model.Break, "a break")
            return
        self.keys(data, path, model.Section, "a section")
        slides = data.get("slides")
        if isinstance(slides, list):
            for index, slide in enumerate(slides):
                self.slide(slide, (*path, "slides", index))

    def slide(self, data: object, path: Path) -> None:
        if not isinstance(data, dict):
            self.problems.append(Diagnostic(
                Problem.E_SLIDE_KIND, "a slide must be a mapping of keys, such as `title:` and "
                "`bullets:`", position=self.sources.value(path),
                hint="write `- title: ...` and indent the slide's other keys under it",
            ))
            return
        kinds = [key for key in model.SLIDE_KEYS if key in data]
        if len(kinds) > 1:
            self.problems.append(Diagnostic(
                Problem.E_SLIDE_KINDS,
                "a slide has one kind, but this one has " + " and ".join(f"`{k}`" for k in kinds),
                position=self.sources.key((*path, kinds[1])),
                hint="split it into two slides",
            ))
            return
        kind = model.slide_kind(data)
        if kind is None:
            every = sorted(set().union(*(known_keys(c) for c in _SLIDE_MODELS.values())))
            unknown = [k for k in data if k not in every]
            for key in unknown:
                suggestion = nearest_key(key, tuple(every))
                self.problems.append(Diagnostic(
                    Problem.E_KEY_UNKNOWN, f"unknown key `{key}` in a slide",
                    position=self.sources.key((*path, key)),
                    hint=f"did you mean `{suggestion}`?" if suggestion else None,
                ))
            if not unknown:
                self.problems.append(Diagnostic(
                    Problem.E_SLIDE_KIND, "cannot tell what kind of slide this is",
                    position=self.sources.value(path),
                    hint="give it `title` and `bullets`, or one of `quote`, `statement`, "
                    "`columns`, `image`, `table`, `activity`",
                ))
            return
        cls = _SLIDE_MODELS[kind]
        if kind == "activity" and "minutes" in data:
            self.problems.append(Diagnostic(
                Problem.E_KEY_UNKNOWN, "`minutes` of an activity go inside `activity:`",
                position=self.sources.key((*path, "minutes")),
                hint="move `minutes:` inside `activity:`, beside its `title:`",
            ))
            data = {k: v for k, v in data.items() if k != "minutes"}
        article = "an" if kind[0] in "aeiou" else "a"
        self.keys(data, path, cls, f"{article} {kind} slide")
        if kind == "activity":
            self.keys(data.get("activity"), (*path, "activity"), model.Activity, "an activity")
        elif kind == "columns" and isinstance(data.get("columns"), list):
            for index, column in enumerate(data["columns"]):
                self.keys(column, (*path, "columns", index), model.Column, "a column")
        elif kind == "table":
            self.keys(data.get("table"), (*path, "table"), model.Table, "a table")
            self.table_rows(data.get("table"), (*path, "table"))

    def table_rows(self, table: object, path: Path) -> None:
        """Report each row whose number of cells differs from the header's (or first row's)."""
        if not isinstance(table, dict) or not isinstance(table.get("rows"), list):
            return
        header = table.get("header")
        if isinstance(header, str | int | float):
            header = [header]  # a single heading is a one-column header
        rows = [r for r in table["rows"] if isinstance(r, list)]
        if isinstance(header, list):
            expected, against = len(header), "the header"
        elif rows:
            expected, against = len(rows[0]), "the first row"
        else:
            return
        for index, row in enumerate(table["rows"]):
            if isinstance(row, list) and len(row) != expected:
                self.problems.append(Diagnostic(
                    Problem.E_TABLE_ROW,
                    f"this row has {len(row)} cells but {against} has {expected}",
                    position=self.sources.value((*path, "rows", index)),
                    hint="give every row the same number of cells; write ~ for an empty cell",
                ))


def check_structure(tree: object, sources: SourceMap) -> list[Diagnostic]:
    """Return the structural problems of an outline's plain tree (empty when none)."""
    checker = _Checker(sources)
    checker.workshop(tree)
    return checker.problems


def iter_slide_paths(tree: object) -> Iterator[Path]:
    """Yield the path of every slide entry in the tree, in outline order."""
    if not isinstance(tree, dict) or not isinstance(tree.get("sections"), list):
        return
    for index, part in enumerate(tree["sections"]):
        if isinstance(part, dict) and isinstance(part.get("slides"), list):
            for slide_index in range(len(part["slides"])):
                yield ("sections", index, "slides", slide_index)
