"""The outline's value types: text as written, minutes, roles, and the frozen base
every model type shares."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
)


def _as_text(value: Any) -> Any:
    """Return numbers as the text they were written as; leave anything else alone."""
    source = getattr(value, "yaml_source", None)
    if source is not None:
        return source
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return str(value)
    return value


def _cell(value: Any) -> Any:
    """Return a table cell as text: numbers as written, an empty cell (``~``) as ""."""
    return "" if value is None else _as_text(value)


def _one_or_many(value: Any) -> Any:
    """Return a single text value as a one-item list (``materials: flip chart``)."""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return [value]
    return value


def _none_as_empty(value: Any) -> Any:
    """Return an empty list for a key written with nothing after it (``slides:``)."""
    return () if value is None else value


Text = Annotated[str, BeforeValidator(_as_text), Field(min_length=1)]
TextList = Annotated[tuple[Text, ...], BeforeValidator(_one_or_many)]
def _unquoted_number(value: Any) -> Any:
    """Refuse a number written as quoted text ("15"): an editor's schema would too."""
    if isinstance(value, str) and re.fullmatch(r"\s*[-+]?\d+\s*", value):
        raise ValueError(f"`{value}` is text; write the number without quotes")
    return value


Minutes = Annotated[int, Field(ge=0, le=24 * 60, description="Minutes, a whole number."),
                    BeforeValidator(_unquoted_number)]

SLIDE_ROLES = (
    "title", "agenda", "section", "bullets", "columns", "quote", "statement",
    "image", "table", "activity", "break", "closing",
)
Role = Literal[
    "title", "agenda", "section", "bullets", "columns", "quote", "statement",
    "image", "table", "activity", "break", "closing",
]
_BCP47 = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-[A-Za-z0-9]{5,8})*$")
_STEM = re.compile(r"^[^/\\:*?\"<>|\x00-\x1f]+$")


class Frozen(BaseModel):
    """Base of every model type: immutable, and unknown keys are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


