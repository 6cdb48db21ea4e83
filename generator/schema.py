"""The outline format's JSON Schema, generated from the model in `generator.model`.

Editors read the schema to complete keys, show what each key means and flag
mistakes while an outline is typed (``outline.yaml`` names it on its first line).
It is never written by hand: pydantic describes the model's types, and this module
teaches it what the outline reader accepts on top of them, so that the schema and
``make-deck check`` agree on which outlines are valid:

* numbers where text is expected (``title: 2026``, a table cell ``1.50``), and
  empty table cells (``~``);
* one text where a list is expected (``materials: flip chart``);
* bullets written as text, as ``text: [sub-bullets]`` or as ``Note: text``;
* a section entry is a section or a ``break:``; a slide's kind follows from its
  keys, and a slide may not mix two kinds;
* ``paper`` in any case (``a4``), ``start`` also as ``9:30``, and the words
  pydantic takes for true and false (``yes``, ``no``, ``on``, ``off``, ``1``, ``0``).

Every validator in the model has a counterpart here; a new one the schema does not
know about stops generation, so the two cannot silently drift apart.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Callable
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from generator import model
from generator.schema_defs import BULLETS_MARK, TEXT, finish, translations, walk

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "urn:make-deck:outline:1"
SCHEMA_FILE = "outline.schema.json"

#: The words pydantic reads as true and false (in any case), besides true and false.
TRUE_WORDS = ("true", "t", "yes", "y", "on", "1")
FALSE_WORDS = ("false", "f", "no", "n", "off", "0")

#: Tables wider than this are accepted without checking that the rows are equally wide.
MAX_CHECKED_TABLE_WIDTH = 20

_SHORT_HOUR = "[0-9]:[0-5][0-9]"  # `start: 9:30`, which the model reads as 09:30


def any_case(word: str) -> str:
    """Return a regular expression matching ``word`` in any mix of upper and lower case."""
    return "".join(
        f"[{c.upper()}{c.lower()}]" if c.upper() != c.lower() else _escape(c) for c in word
    )


def _escape(char: str) -> str:
    return "\\" + char if char in r"\^$.|?*+()[]{}/-" else char


def _words(words: tuple[str, ...]) -> str:
    return "^(?:" + "|".join(any_case(w) for w in words) + ")$"


def _boolean(words: tuple[str, ...] = TRUE_WORDS + FALSE_WORDS,
             values: tuple[object, ...] = (True, False)) -> JsonSchemaValue:
    numbers = [int(v) for v in values]
    return {"anyOf": [
        {"type": "boolean"} if len(values) == 2 else {"const": values[0]},
        {"enum": numbers} if len(numbers) == 2 else {"const": numbers[0]},
        {"type": "string", "pattern": _words(words)},
    ]}


def _name(function: object) -> str:
    function = getattr(function, "__func__", function)
    return getattr(function, "__qualname__", "") or repr(function)


def _as_number_too(schema: JsonSchemaValue) -> JsonSchemaValue:
    """Return a text schema that also accepts numbers, as `model._as_text` does."""
    assert schema.get("type") == "string", schema
    return {**schema, "type": ["string", "number"]}


class _OutlineSchema(GenerateJsonSchema):
    """pydantic's generator, taught the reader's conveniences and the model's checks."""

    def field_is_present(self, field: Any) -> bool:
        # Fields excluded from dumps (each model's internal `kind`) are not outline keys.
        return not field.get("serialization_exclude") and super().field_is_present(field)

    def bool_schema(self, schema: core_schema.BoolSchema) -> JsonSchemaValue:
        return _boolean()

    def function_before_schema(
        self, schema: core_schema.BeforeValidatorFunctionSchema
    ) -> JsonSchemaValue:
        inner = super().function_before_schema(schema)
        name = _name(schema["function"]["function"])
        handler = _BEFORE.get(name)
        if handler is None:
            raise NotImplementedError(
                f"the schema does not know the model's before-validator {name}; "
                "add what it accepts to generator/schema.py"
            )
        return handler(inner)

    def function_after_schema(
        self, schema: core_schema.AfterValidatorFunctionSchema
    ) -> JsonSchemaValue:
        inner = super().function_after_schema(schema)
        function = schema["function"]["function"]
        if isinstance(function, functools.partial):
            return inner  # pydantic's own constraint checks (min_length, ...)
        name = _name(function)
        handler = _AFTER.get(name)
        if handler is None:
            raise NotImplementedError(
                f"the schema does not know the model's validator {name}; "
                "add what it checks to generator/schema.py"
            )
        return handler(inner)

    def tagged_union_schema(self, schema: core_schema.TaggedUnionSchema) -> JsonSchemaValue:
        choices = {str(tag): self.generate_inner(choice) for tag, choice in
                   schema["choices"].items()}
        if schema["discriminator"] is model.slide_kind:
            return _slide_union(choices)
        if set(choices) == {"section", "break"}:
            return {
                "type": "object",
                "description": "A section, or a break written as `break: Coffee`.",
                "if": {"required": ["break"]},
                "then": choices["break"],
                "else": choices["section"],
            }
        raise NotImplementedError(f"the schema does not know the union of {sorted(choices)}")


def _slide_union(kinds: dict[str, JsonSchemaValue]) -> JsonSchemaValue:
    """Return the schema of a slide, whose kind follows from its keys (`model.slide_kind`).

    One ``if``/``then`` per kind key: a slide with ``quote:`` must be a valid quote
    slide, and since no kind allows another kind's key, two kinds cannot mix. A slide
    without any kind key is a bullets slide and needs a ``title``.
    """
    assert set(kinds) == set(model.SLIDE_KEYS), sorted(kinds)
    has_kind_key = [{"required": [key]} for key in model.SLIDE_KEYS]
    rules: list[JsonSchemaValue] = [
        {"if": {"required": [key]}, "then": kinds[key]} for key in model.SLIDE_KEYS
    ]
    rules.append({
        "if": {"not": {"anyOf": has_kind_key}},
        "then": {**kinds["bullets"], "required": ["title"]},
    })
    return {
        "type": "object",
        "description": "A slide. Its keys tell its kind: `bullets` (with a `title`), "
        "`quote`, `statement`, `columns`, `image`, `table` or `activity`; one kind each.",
        "allOf": rules,
    }


def _cell(inner: JsonSchemaValue) -> JsonSchemaValue:
    """`model._cell`: a table cell is text, a number, or empty (``~``); in a bilingual
    outline, a translation mapping."""
    assert inner.get("type") == "string", inner
    return {"anyOf": [{**inner, "type": ["string", "number", "null"]},
                      translations()]}


def _text_list(inner: JsonSchemaValue) -> JsonSchemaValue:
    """`model._one_or_many`: a list of texts, or one text for a one-item list."""
    return {"anyOf": [inner, copy.deepcopy(inner["items"])]}


def _or_null(inner: JsonSchemaValue) -> JsonSchemaValue:
    """`model._none_as_empty`: the list, or nothing written after the key."""
    return {"anyOf": [inner, {"type": "null"}]}


def _bullets(inner: JsonSchemaValue) -> JsonSchemaValue:
    """`model._bullets`: marked here; the item schema is added once the refs are final."""
    return {**inner, BULLETS_MARK: True}


def _on_text(inner: JsonSchemaValue, change: Callable[[JsonSchemaValue], JsonSchemaValue]
             ) -> JsonSchemaValue:
    """Return ``inner`` with ``change`` applied to its text branch (``X | None`` fields)."""
    if "anyOf" in inner:
        return {**inner, "anyOf": [change(branch) if branch.get("type") != "null" else branch
                                   for branch in inner["anyOf"]]}
    return change(inner)


def _start(inner: JsonSchemaValue) -> JsonSchemaValue:
    """`Workshop._start_text`: "09:30", and also 9:30 with a one-digit hour."""

    def change(text: JsonSchemaValue) -> JsonSchemaValue:
        pattern = text["pattern"].removeprefix("^").removesuffix("$")
        return {**text, "pattern": f"^(?:{pattern}|{_SHORT_HOUR})$"}

    return _on_text(inner, change)


def _paper(inner: JsonSchemaValue) -> JsonSchemaValue:
    """`HandoutSettings._paper_case`: the paper's name in any case."""
    names = "|".join(any_case(name) for name in inner["enum"])
    return {"anyOf": [inner, {"type": "string", "pattern": f"^\\s*(?:{names})\\s*$"}]}


def _date(inner: JsonSchemaValue) -> JsonSchemaValue:
    """`Workshop._iso_date_only`: a date is written YYYY-MM-DD, never as a number."""
    return _on_text(inner, lambda text: {**text, "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"})


def _language(inner: JsonSchemaValue) -> JsonSchemaValue:
    """`Workshop._language_tag`: a BCP 47 tag."""
    return _on_text(inner, lambda text: {**text, "pattern": model._BCP47.pattern})


def _languages(inner: JsonSchemaValue) -> JsonSchemaValue:
    """`Workshop._language_tags`: each of the languages is a BCP 47 tag."""
    def tag_items(node: dict[str, Any]) -> None:
        if node.get("type") == "array":
            node["items"] = {"type": "string", "pattern": model._BCP47.pattern}

    changed = copy.deepcopy(inner)
    walk(changed, tag_items)
    return changed


def _plain_stem(inner: JsonSchemaValue) -> JsonSchemaValue:
    """`OutputSettings._plain_stem`: a file name without folders."""
    pattern = model._STEM.pattern.replace('\\"', '"')
    return _on_text(inner, lambda text: {**text, "pattern": pattern, "not": {"enum": [".", ".."]}})


def _alt_or_decorative(inner: JsonSchemaValue) -> JsonSchemaValue:
    """`ImageSlide._alt_or_decorative`: `alt` is required unless `decorative` is true."""
    decorative = {"required": ["decorative"],
                  "properties": {"decorative": _boolean(TRUE_WORDS, (True,))}}
    return {**inner, "if": {"not": decorative}, "then": {
        "required": ["alt"], "properties": {"alt": {"not": {"type": "null"}}},
    }}


def _same_width(inner: JsonSchemaValue) -> JsonSchemaValue:
    """`Table._same_width`: the header and every row have as many cells as the first row."""
    rules = []
    for width in range(MAX_CHECKED_TABLE_WIDTH + 1):
        exactly = {"type": "array", "minItems": width, "maxItems": width}
        headers: list[JsonSchemaValue] = [{"type": "null"}, exactly]
        if width == 1:
            headers.append({"not": {"type": ["array", "null"]}})
        rules.append({
            "if": {"required": ["rows"], "properties": {"rows": {
                "type": "array", "minItems": 1, "prefixItems": [exactly]}}},
            "then": {"properties": {"rows": {"items": exactly}, "header": {"anyOf": headers}}},
        })
    return {**inner, "allOf": rules}


def _plain_prompt(inner: JsonSchemaValue) -> JsonSchemaValue:
    """`model._plain_prompt`: a prompt is its question alone, or a mapping with `prompt:`."""
    return {"anyOf": [dict(TEXT), inner]}


def _one_space(inner: JsonSchemaValue) -> JsonSchemaValue:
    """`Prompt._one_space`: one space at most; `points` needs `scale`, `rows` needs `table`."""
    pairs = [{"required": [a, b]} for n, a in enumerate(model.PROMPT_SPACES)
             for b in model.PROMPT_SPACES[n + 1:]]
    return {**inner, "not": {"anyOf": pairs},
            "dependentRequired": {"points": ["scale"], "rows": ["table"]}}


_BEFORE: dict[str, Callable[[JsonSchemaValue], JsonSchemaValue]] = {
    "_plain_prompt": _plain_prompt,
    "_as_text": _as_number_too,
    "_unquoted_number": lambda schema: schema,  # the schema's integer type refuses text too
    "_cell": _cell,
    "_one_or_many": _text_list,
    "_one_prompt_or_many": _text_list,
    "_none_as_empty": _or_null,
    "_bullets": _bullets,
    "Bullet._nested": _bullets,
    "Workshop._start_text": _start,
    "Workshop._iso_date_only": _date,
    "HandoutSettings._paper_case": _paper,
}

_AFTER: dict[str, Callable[[JsonSchemaValue], JsonSchemaValue]] = {
    "Workshop._language_tag": _language,
    "Workshop._language_tags": _languages,
    "OutputSettings._plain_stem": _plain_stem,
    "ImageSlide._alt_or_decorative": _alt_or_decorative,
    "Table._same_width": _same_width,
    "Prompt._one_space": _one_space,
}


def outline_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the outline format, from the model."""
    generated = model.Workshop.model_json_schema(
        by_alias=True, mode="validation", schema_generator=_OutlineSchema
    )
    return finish(generated, {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        "title": "make-deck workshop outline",
        "description": "One YAML outline for make-deck: it becomes the slide deck, the "
        "participant handout and the facilitator guide. " + (model.Workshop.__doc__ or ""),
    })


def schema_text() -> str:
    """Return the schema as the text of `outline.schema.json` (stable, ends in a newline)."""
    return json.dumps(outline_schema(), indent=2, ensure_ascii=False) + "\n"
