"""Writing a draft outline as commented YAML, quoted so it reads back as written."""

from __future__ import annotations

import json
import re
import textwrap

from generator.init.article import _LIST_LINE, _clean
from generator.init.draft import Draft

# ------------------------------------------------------------------ writing YAML


def _shown(text: str) -> str:
    """Return ``text`` without characters the deck's fonts cannot show (an emoji, say),
    which would stop the build; the article keeps them."""
    from generator.layout.fonts import missing_characters

    text = _clean(text)
    missing = set(missing_characters(text))
    if not missing:
        return text
    kept = "".join(c for c in text if c not in missing)
    return "\n".join(re.sub(r"  +", " ", line).strip() for line in kept.split("\n"))


def q(text: object) -> str:
    """Return ``text`` as a double-quoted YAML scalar (a JSON string is one)."""
    if isinstance(text, int) and not isinstance(text, bool):
        return str(text)
    return json.dumps(_shown(str(text)), ensure_ascii=False)


def _block_text(text: str, indent: int, width: int = 88) -> list[str]:
    """Return ``text`` as the lines of a literal block (``|``), wrapped for editing.

    A wrapped line never starts with "- " or "* " (the notes would take it for a
    list item): such a break is moved back a word.
    """
    pad = " " * indent
    lines: list[str] = []
    for paragraph in _shown(text).split("\n\n"):
        if lines:
            lines.append("")
        for raw in paragraph.splitlines():
            if _LIST_LINE.match(raw):
                lines.append(pad + raw.rstrip())
                continue
            wrapped = textwrap.wrap(raw, width=max(width - indent, 40), break_long_words=False,
                                    break_on_hyphens=False)
            merged: list[str] = []
            for line in wrapped:
                if merged and re.match(r"^(?:[-*+•]|\d{1,3}[.)])\s", line):
                    merged[-1] += " " + line
                else:
                    merged.append(line)
            lines.extend(pad + line for line in merged)
    return lines


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def comment(self, text: str, indent: int = 0) -> None:
        for line in textwrap.wrap(_clean(text), width=max(86 - indent, 40)):
            self.lines.append(" " * indent + "# " + line)

    def key(self, name: str, value: object, indent: int, first: bool = False) -> None:
        lead = " " * indent + ("- " if first else "")
        inner = indent + (2 if first else 0)
        if isinstance(value, dict):
            self.lines.append(f"{lead}{name}:")
            for key, item in value.items():
                self.key(key, item, inner + 2)
        elif isinstance(value, list) and name in ("bullets",):
            self.lines.append(f"{lead}{name}:")
            self.bullets(value, inner + 2)
        elif isinstance(value, list) and value and isinstance(value[0], list):
            self.lines.append(f"{lead}{name}:")
            for row in value:
                self.lines.append(" " * (inner + 2) + "- [" + ", ".join(q(c) for c in row) + "]")
        elif isinstance(value, list):
            self.lines.append(f"{lead}{name}:")
            for item in value:
                self.lines.append(" " * (inner + 2) + "- " + q(item))
        elif name in ("notes", "summary") and isinstance(value, str):
            self.lines.append(f"{lead}{name}: |")
            self.lines.extend(_block_text(value, inner + 2))
        else:
            self.lines.append(f"{lead}{name}: {q(value)}")

    def bullets(self, items: list[object], indent: int) -> None:
        for item in items:
            if isinstance(item, dict):
                ((text, children),) = item.items()
                self.lines.append(" " * indent + f"- {q(text)}:")
                self.bullets(children, indent + 4)
            else:
                self.lines.append(" " * indent + "- " + q(item))


def file_stem(title: str) -> str:
    """Return a file name made from a title: ``Running better meetings`` gives
    ``running-better-meetings`` (ASCII letters and digits, at most six words)."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain.lower())[:6]
    return "-".join(words) or "workshop"


def to_yaml(result: Draft) -> str:
    """Return the draft as the commented text of an outline file."""
    from generator.schema import SCHEMA_FILE

    out = _Writer()
    out.lines += [
        f"# yaml-language-server: $schema={SCHEMA_FILE}",
        "#",
        f"# A draft outline made by `make-deck init --from` from {result.article_name}.",
        "# It builds as it is, but it is only a starting point: every line marked",
        "# REVIEW needs a person to read it, and the wording is the article's, cut down.",
        "#",
        "#   make-deck check outline.yaml    checks it as you edit",
        "#   make-deck outline.yaml          builds the deck, the handout and the guide",
        "",
    ]
    for note in result.notes:
        out.comment(f"NOTE: {note}")
    if result.notes:
        out.lines.append("")
    out.comment(f"REVIEW: {result.title_review}")
    out.key("title", result.title, 0)
    out.lines += [
        '# subtitle: "A line under the title"',
        "# date: 2026-12-03            # the workshop's date, YYYY-MM-DD",
        '# start: "09:30"              # with it, the agenda shows clock times',
        '# venue: "Room 1"',
        "# facilitators: [Your Name]",
        'language: "en-GB"             # cy-GB for a workshop in Welsh',
    ]
    if result.source_review:
        out.comment(f"REVIEW: {result.source_review}")
    out.key("source", result.source, 0)
    out.lines += ["output:", f"  name: {file_stem(result.title)}  # the outputs' file names: "
                  "output/NAME.pptx, NAME-handout.pdf, NAME-guide.pdf",
                  "", "sections:"]
    for section in result.sections:
        out.lines.append("")
        if section.review:
            out.comment(f"REVIEW: {section.review}", 2)
        out.key("title", section.title, 2, first=True)
        out.key("minutes", sum(s.minutes for s in section.slides), 4)
        if section.summary:
            out.key("summary", section.summary, 4)
        out.lines.append("    slides:")
        for slide in section.slides:
            out.lines.append("")
            if slide.review:
                out.comment(f"REVIEW: {slide.review}", 6)
            for number, (name, value) in enumerate(slide.keys):
                out.key(name, value, 6 if number == 0 else 8, first=number == 0)
    return "\n".join(out.lines) + "\n"
