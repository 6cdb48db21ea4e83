"""Turn pydantic's validation errors into positioned, plain-spoken diagnostics."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.diagnostics import Diagnostic
from generator.model import PROMPT_ONE_SPACE
from generator.outline.yamlnodes import Path, SourceMap
from generator.problems import Problem

_TAGS = {"bullets", "quote", "statement", "columns", "image", "table", "activity",
         "section", "break"}

_PROMPT_KEYS_CHECKED = re.compile(
    re.escape(PROMPT_ONE_SPACE) + r"|`(points|rows)` goes with")

_RANGE_HINTS = {
    "points": "a scale has 3 to 10 boxes, e.g. `points: 5`",
    "rows": "a worksheet table has 1 to 20 rows, e.g. `rows: 4`",
    "write_in": "write 0 to 40 ruled lines, e.g. `write_in: 4`",
}

_ENUM_HINTS = {
    "paper": "use A4 or letter",
    "slides_per_page": "use 0, 1, 2, 3, 4 or 6",
}


def _data_path(loc: tuple[int | str, ...], tree: object) -> Path:
    """Return the path into the YAML tree for a pydantic error location.

    Pydantic inserts union tags (``quote``) and model-internal names (``children``,
    ``text`` of a bullet); the YAML tree has neither. Walk the tree to keep only the
    steps that exist in it.
    """
    path: list[str | int] = []
    node = tree
    after_index = False
    for number, step in enumerate(loc):
        if after_index and step in _TAGS and loc[number - 2] in ("sections", "slides"):
            after_index = False
            continue  # a union tag, not a key (a prompt's `table:` is a key)
        after_index = isinstance(step, int)
        if isinstance(node, dict) and step in node:
            node = node[step]
            path.append(step)
        elif isinstance(node, dict) and step == "name" and "break" in node:
            node = node["break"]
            path.append("break")
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
            path.append(step)
        elif isinstance(node, dict) and len(node) == 1 and step in ("children", "text"):
            ((key, value),) = node.items()
            if step == "children":
                node = value
                path.append(key)
        elif step in _TAGS:
            continue
        else:
            continue
    return tuple(path)


def _describe(error: dict[str, Any]) -> tuple[str, str | None]:
    """Return the message and hint for one pydantic error."""
    kind = error["type"]
    field = next((str(s) for s in reversed(error["loc"]) if isinstance(s, str)), "value")
    got = error.get("input")
    shown = f"`{got}`" if isinstance(got, str | int | float) else "this value"
    if kind == "missing":
        return f"missing required key `{field}`", f"add `{field}: ...`"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"`{field}` must be a whole number, not {shown}", "write digits only, e.g. 15"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"`{field}` is out of range: {error['msg'].lower()}", _RANGE_HINTS.get(field)
    if kind in ("bool_parsing", "bool_type"):
        return f"`{field}` must be true or false, not {shown}", "write true or false"
    if kind == "literal_error":
        return (f"{shown} is not allowed for `{field}`",
                _ENUM_HINTS.get(field, f"use one of: {error['ctx']['expected']}"))
    if kind in ("string_type",):
        return f"`{field}` must be text", "write it on one line, quoted if it has ': ' in it"
    if kind == "string_too_short":
        return f"`{field}` is empty", f"write some text after `{field}:` or remove the key"
    if kind == "string_pattern_mismatch" and field == "start":
        return (f"`start` must be a time like \"09:30\", not {shown}",
                'use HH:MM in quotes, e.g. "09:30"')
    if kind in ("list_type", "tuple_type"):
        return f"`{field}` must be a list", "write each item on its own line starting with `- `"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"`{field}` must be a mapping of keys", "write `key: value` pairs indented under it"
    if kind == "too_long" and field == "table":
        return ("a worksheet table has at most 6 columns",
                "keep the 6 headings that matter most, or split the table over two prompts")
    if kind in ("too_short", "too_long") and field == "columns":
        return "a columns slide needs 2 or 3 columns", "add or remove a `- heading:` entry"
    if kind == "too_short" and isinstance(got, str):
        return f"`{field}` is empty", f"write some text after `{field}:` or remove the key"
    if kind == "too_short":
        return f"`{field}` needs at least {error['ctx'].get('min_length', 1)} item(s)", None
    if kind.startswith("date"):
        return f"`{field}` must be a date, not {shown}", "write it as YYYY-MM-DD, e.g. 2026-12-03"
    if kind == "union_tag_not_found" or kind == "union_tag_invalid":
        return "cannot tell what kind of entry this is", None
    if kind == "value_error":
        message = str(error["ctx"]["error"])
        if "BCP 47" in message:
            return message, "use a tag such as en-GB, cy-GB or en-US"
        if "YYYY-MM-DD" in message:
            return (f"`{field}` must be a date, not {shown}",
                    "write it as YYYY-MM-DD, e.g. 2026-12-03")
        if "picture needs `alt`" in message:
            return message, "add `alt: what the picture shows`"
        return message, None
    return error["msg"], None


def _keys_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> tuple[str, ...]:
    """Return the keys the model nested at ``loc`` (a path of field names) accepts."""
    current: type[BaseModel] = model
    for step in loc:
        field = current.model_fields.get(str(step)) if isinstance(step, str) else None
        if field is None:
            continue
        for candidate in (field.annotation, *getattr(field.annotation, "__args__", ())):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                current = candidate
                break
    return tuple(f.alias or n for n, f in current.model_fields.items())


def translate(
    exc: ValidationError, tree: object, sources: SourceMap,
    model: type[BaseModel] | None = None,
) -> list[Diagnostic]:
    """Return one diagnostic per pydantic error, positioned in the source.

    Unknown keys get the nearest key of ``model`` (when given) as a hint. Callers
    that ran the outline's structure check drop what it already reported.
    """
    found: list[Diagnostic] = []
    errors = exc.errors(include_url=False)
    failed = [e["loc"] for e in errors]
    for error in errors:
        if error["type"] == "value_error" and "same number of cells" in error["msg"]:
            continue  # the structure check points at the row itself
        if error["type"] == "value_error" and _PROMPT_KEYS_CHECKED.search(error["msg"]):
            continue  # the structure check points at the prompt's key itself
        if error["type"] == "extra_forbidden":
            found.append(_unknown_key(error["loc"], model, tree, sources))
            continue
        loc = error["loc"]
        if error["type"] == "too_short" and any(
            len(other) > len(loc) and other[: len(loc)] == loc for other in failed
        ):
            continue  # the list is short only because its items failed
        path = _data_path(error["loc"], tree)
        message, hint = _describe(error)
        position = sources.value(path)
        found.append(Diagnostic(Problem.E_VALUE, message, position=position, hint=hint))
    return found


def _unknown_key(loc: tuple[int | str, ...], model: type[BaseModel] | None, tree: object,
                 sources: SourceMap) -> Diagnostic:
    from generator.outline.structure import nearest_key

    key = str(loc[-1])
    if "bullets" in loc or "children" in loc:
        known: tuple[str, ...] = ("text", "children")
    else:
        known = _keys_at(model, loc[:-1]) if model is not None else ()
    suggestion = nearest_key(key, known)
    hint = f"did you mean `{suggestion}`?" if suggestion else (
        "known keys: " + ", ".join(f"`{k}`" for k in known) if known else None)
    return Diagnostic(Problem.E_KEY_UNKNOWN, f"unknown key `{key}`",
                      position=sources.key(_data_path(loc, tree)), hint=hint)
