"""Plain-text helpers every writer shares: a multi-line text's paragraphs and list
items (`text_blocks`), a length of time as "h:mm" (`hours_minutes`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["para", "bullet", "number"]
_LIST_ITEM = re.compile(r"^\s*(?:(?P<bullet>[-*•])|(?P<number>\d{1,3})[.)])\s+(?P<text>.*)$")


@dataclass(frozen=True, slots=True)
class TextBlock:
    """One paragraph or list item of a multi-line text (speaker notes, handout text)."""

    kind: BlockKind
    text: str
    number: str = ""


def text_blocks(text: str) -> list[TextBlock]:
    """Return the paragraphs and list items of a multi-line text, in order.

    Blank lines separate paragraphs; lines of a paragraph are joined. A line
    starting ``- ``, ``* `` or ``1. `` starts a list item; an indented line after
    a list item continues it.
    """
    blocks: list[TextBlock] = []
    current: list[str] = []
    kind: BlockKind = "para"
    number = ""

    def flush() -> None:
        nonlocal current
        if current:
            blocks.append(TextBlock(kind, " ".join(current), number))
        current = []

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
            kind = "para"
            continue
        item = _LIST_ITEM.match(raw)
        if item:
            flush()
            kind = "bullet" if item.group("bullet") else "number"
            number = item.group("number") or ""
            current = [item.group("text").strip()]
        elif kind != "para" and raw[:1].isspace() and current:
            current.append(line)
        elif kind != "para":
            flush()
            kind = "para"
            current = [line]
        else:
            current.append(line)
    flush()
    return blocks


def hours_minutes(minutes: int) -> str:
    """Return a length of time as "h:mm", e.g. 85 -> "1:25"."""
    return f"{minutes // 60}:{minutes % 60:02d}"
