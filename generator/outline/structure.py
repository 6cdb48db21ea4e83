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
from generator.diagnostics import Diagnostic, Severity
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
        self.one_text_for_many(data, (), "facilitators", "names")
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
            self.prompts(data.get("activity"), (*path, "activity"))
            self.one_text_for_many(data.get("activity"), (*path, "activity"), "materials",
                                   "things")
        elif kind == "columns" and isinstance(data.get("columns"), list):
            for index, column in enumerate(data["columns"]):
                self.keys(column, (*path, "columns", index), model.Column, "a column")
        elif kind == "table":
            self.keys(data.get("table"), (*path, "table"), model.Table, "a table")
            self.table_rows(data.get("table"), (*path, "table"))

    def prompts(self, activity: object, path: Path) -> None:
        """Report prompts with unknown keys, two spaces, a space's list of the wrong
        length, or `points` / `rows` without the space they go with."""
        if not isinstance(activity, dict) or not isinstance(activity.get("prompts"), list):
            return
        for index, prompt in enumerate(activity["prompts"]):
            if isinstance(prompt, dict):
                self.prompt(prompt, (*path, "prompts", index))

    def prompt(self, data: dict[object, object], path: Path) -> None:
        """Report what is wrong with one prompt written as a mapping."""
        self.keys(data, path, model.Prompt, "a prompt")
        spaces = [key for key in model.PROMPT_SPACES if key in data]
        if len(spaces) > 1:
            self.problems.append(Diagnostic(
                Problem.E_PROMPT_SPACES, f"{model.PROMPT_ONE_SPACE} "
                + " and ".join(f"`{k}`" for k in spaces),
                position=self.sources.key((*path, spaces[1])),
                hint="keep one space, or ask a second question in a prompt of its own",
            ))
        for key, needs in (("points", "scale"), ("rows", "table")):
            if key in data and needs not in data:
                self.problems.append(Diagnostic(
                    Problem.E_PROMPT_KEY, f"`{key}` goes with `{needs}`, which this prompt does "
                    "not have", position=self.sources.key((*path, key)),
                    hint=f"add `{needs}:` or remove `{key}:`",
                ))
        for key, what in _PAIRS.items():
            value = data.get(key)
            if isinstance(value, list) and len(value) != 2:
                self.problems.append(Diagnostic(
                    Problem.E_PROMPT_LABELS, f"`{key}` takes two labels, {what}; this has "
                    f"{len(value)}", position=self.sources.value((*path, key)),
                    hint=f"write `{key}: [{_PAIR_EXAMPLES[key]}]`",
                ))
            elif value is not None and not isinstance(value, list):
                self.problems.append(Diagnostic(
                    Problem.E_PROMPT_LABELS, f"`{key}` takes a list of two labels, {what}",
                    position=self.sources.value((*path, key)),
                    hint=f"write `{key}: [{_PAIR_EXAMPLES[key]}]`",
                ))
    def one_text_for_many(self, data: object, path: Path, key: str, what: str) -> None:
        """Warn when a list ``key`` is given one text with commas in it: it makes one
        item (``materials: sticky notes, marker pens`` is one checkbox), where the
        commas show that several were meant."""
        value = data.get(key) if isinstance(data, dict) else None
        if not isinstance(value, str) or "," not in value:
            return
        items = [item.strip() for item in value.split(",") if item.strip()]
        if len(items) < 2:
            return
        self.problems.append(Diagnostic(
            Problem.W_LIST_TEXT, f"`{key}` is one text, so “{value.strip()}” is one item, not "
            f"{len(items)} {what}", Severity.WARNING,
            position=self.sources.value((*path, key)),
            hint=f"to list {len(items)}, write them in brackets: `{key}: [{', '.join(items)}]`"
            f"; to keep one item with a comma in it, write a list of one: "
            f"`{key}: [\"{value.strip()}\"]`",
        ))

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


_PAIRS = {"scale": "its left and right ends", "grid": "the x axis, then the y axis",
          "timeline": "its start and its end"}
_PAIR_EXAMPLES = {"scale": "Cautious, Experimental", "grid": "Impact on users, Time to patch",
                  "timeline": "Request, Live"}


def check_structure(tree: object, sources: SourceMap) -> list[Diagnostic]:
    """Return the structural problems of an outline's plain tree (empty when none)."""
    checker = _Checker(sources)
    checker.workshop(tree)
    return checker.problems


def empty_sections(tree: object, sources: SourceMap) -> list[Diagnostic]:
    """Return a warning for each section without slides, however that is written
    (``slides:`` missing, empty, or ``[]``); the reader adds them to an outline
    that has no errors."""
    found: list[Diagnostic] = []
    parts = tree.get("sections") if isinstance(tree, dict) else None
    for index, data in enumerate(parts if isinstance(parts, list) else []):
        if not isinstance(data, dict) or "break" in data:
            continue
        slides = data.get("slides")
        if slides is not None and slides != []:
            continue
        path: Path = ("sections", index)
        title = data.get("title")
        named = f"“{title}”" if isinstance(title, str) else "this section"
        found.append(Diagnostic(
            Problem.W_SECTION_EMPTY, f"the section {named} has no slides: it adds only its "
            "title (in the agenda, and on a divider slide) and its minutes", Severity.WARNING,
            position=sources.key((*path, "slides")) if "slides" in data
            else sources.value(path),
            hint="add slides under `slides:`, each starting with `- `, or remove the "
            "section (a pause in the day is a `- break:`)",
        ))
    return found


def iter_slide_paths(tree: object) -> Iterator[Path]:
    """Yield the path of every slide entry in the tree, in outline order."""
    if not isinstance(tree, dict) or not isinstance(tree.get("sections"), list):
        return
    for index, part in enumerate(tree["sections"]):
        if isinstance(part, dict) and isinstance(part.get("slides"), list):
            for slide_index in range(len(part["slides"])):
                yield ("sections", index, "slides", slide_index)
