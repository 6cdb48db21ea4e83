"""The shared definitions of the outline's JSON Schema (`generator.schema`): one `Text`,
one `Translations` mapping and one `BulletItem`, referred to from everywhere they occur.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic.json_schema import JsonSchemaValue

BULLETS_MARK = "x-make-deck-bullets"
"""Set on a bullets list while the schema is generated; `finish` replaces its items by
the one `BulletItem` once pydantic's references are final."""


def bullet_item(bullet_ref: str) -> JsonSchemaValue:
    """Return the schema of one bullet as written in an outline (`model._bullets`)."""
    text = dict(TEXT)
    item_ref = {"$ref": "#/$defs/BulletItem"}
    return {
        "description": "A bullet: its text; `Text: [sub-bullets]` for a bullet with bullets "
        "under it; or `text:` with `children:`.",
        "anyOf": [
            {**text, "description": "The bullet's text; `**bold**` and `*italic*` work."},
            {"$ref": "#/$defs/Translations"},
            translations({"bullets": {
                "type": "array", "items": item_ref,
                "description": "The bullets under this one (in a bilingual outline)."}}),
            {"$ref": bullet_ref},
            {
                "type": "object",
                "description": "`Text: [sub-bullets]`; a text value (`Note: see below`) makes "
                "one bullet that reads `Note: see below`.",
                "minProperties": 1,
                "maxProperties": 1,
                "not": {"required": ["text"]},
                "propertyNames": {"minLength": 1},
                "additionalProperties": {"anyOf": [
                    {"type": "array", "items": item_ref},
                    {"type": ["string", "number", "null"]},
                ]},
            },
        ],
    }


TEXT: JsonSchemaValue = {"type": ["string", "number"], "minLength": 1}

#: Language keys an editor offers in a translation mapping; any other tag is allowed too.
SUGGESTED_LANGUAGES = {"cy": "Welsh", "en": "English", "cy-GB": "Welsh (UK)",
                       "en-GB": "English (UK)"}
LANGUAGE_KEY = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"


def translations(extra: dict[str, Any] | None = None) -> JsonSchemaValue:
    """Return the schema of a translation mapping (`generator.outline.languages`): the
    text in each of a bilingual outline's `languages`, keyed by tag or language."""
    plain = {"type": ["string", "number"], "minLength": 1}
    return {
        "type": "object",
        "description": "The text in each of the outline's `languages`, keyed by the full "
        "tag or its language part: `{cy: ..., en: ...}`.",
        "minProperties": 2,
        "properties": {tag: {**plain, "description": f"The text in {name}."}
                       for tag, name in SUGGESTED_LANGUAGES.items()} | (extra or {}),
        "patternProperties": {LANGUAGE_KEY: plain},
        "additionalProperties": False,
    }


def refer_to_text(node: dict[str, Any]) -> None:
    """Replace the text schema, written out in many places, by a `$ref` to one `Text`."""
    if node.get("type") == TEXT["type"] and node.get("minLength") == TEXT["minLength"]:
        del node["type"], node["minLength"]
        rest = dict(node)
        node.clear()
        node.update({"$ref": "#/$defs/Text", **rest})
    for key in ("anyOf", "oneOf"):
        if node.get(key) and all(isinstance(branch, dict) for branch in node[key]):
            node[key] = [{"$ref": "#/$defs/Text"} if branch == TEXT else branch
                         for branch in node[key]]


def walk(node: object, visit: Callable[[dict[str, Any]], None]) -> None:
    """Call ``visit`` on every mapping in ``node``, depth first; return nothing."""
    if isinstance(node, dict):
        visit(node)
        for value in node.values():
            walk(value, visit)
    elif isinstance(node, list):
        for value in node:
            walk(value, visit)


def finish(schema: dict[str, Any], header: dict[str, Any]) -> dict[str, Any]:
    """Return the generated schema with ``header`` first, the shared definitions and no
    titles pydantic made up."""
    bullet_refs: set[str] = set()

    def tidy(node: dict[str, Any]) -> None:
        if node.pop(BULLETS_MARK, False):
            bullet_refs.add(node["items"]["$ref"])
            node["items"] = {"$ref": "#/$defs/BulletItem"}
        for prop in (node.get("properties") or {}).values():
            if isinstance(prop, dict) and "$ref" not in prop:
                prop.pop("title", None)  # pydantic's "Write In" for write_in says nothing new

    walk(schema, tidy)
    (bullet_ref,) = bullet_refs
    schema["$defs"]["BulletItem"] = bullet_item(bullet_ref)
    walk(schema, refer_to_text)
    schema["$defs"]["Text"] = {"description": "Text, or in a bilingual outline a mapping "
                               "with the text in each language (`{cy: ..., en: ...}`).",
                               "anyOf": [
        {**TEXT, "description": "Text; numbers are taken as written (`title: 2026`). "
         "`**bold**` and `*italic*` work, and https:// addresses become links."},
        {"$ref": "#/$defs/Translations"},
    ]}
    schema["$defs"]["Translations"] = translations()
    schema["$defs"] = dict(sorted(schema["$defs"].items()))
    schema.pop("title", None)
    schema.pop("description", None)
    return {**header, **schema}


