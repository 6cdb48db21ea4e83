"""Write large, valid outlines for the benchmark, and the same content as pandoc markdown.

``python bench/gen_outline.py 300 out/`` writes ``out/outline-300.yaml`` and
``out/outline-300.md``. The outline has many sections of bullet slides with notes,
and now and then a table, a quote, a statement, two columns or an activity, so
every common slide role is exercised. The text is made up but deterministic: the
same count always gives the same outline.

``outline_to_markdown`` turns any outline (the default one too) into the markdown
pandoc reads for its pptx writer: level-1 headings for sections and breaks,
level-2 headings for slides, ``::: notes`` blocks for speaker notes.
"""

from __future__ import annotations

import random
import sys
import textwrap
from pathlib import Path
from typing import Any

import yaml

WORDS = (
    "team", "service", "users", "change", "pace", "partner", "risk", "legacy", "data", "system",
    "plan", "budget", "cost", "value", "market", "supplier", "contract", "culture", "habit",
    "weekly", "review", "feedback", "deploy", "release", "patch", "test", "learn", "share",
    "owner", "backlog", "research", "outcome", "goal", "policy", "process", "approval",
    "handover", "wait", "queue", "delay", "trust", "safety", "experiment", "pilot", "scale",
    "skills", "capability", "network", "platform", "standard", "bespoke", "design",
)

SLIDES_PER_SECTION = 8


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    words[0] = words[0].capitalize()
    return " ".join(words)


def _notes(rng: random.Random) -> str:
    first = ". ".join(_sentence(rng, 6, 12) for _ in range(3)) + "."
    second = ". ".join(_sentence(rng, 6, 12) for _ in range(2)) + "."
    ask = f"Ask: \"{_sentence(rng, 5, 9)}?\" {second}"
    return f"{textwrap.fill(first, 76)}\n\n{textwrap.fill(ask, 76)}\n"


def _slide(rng: random.Random, number: int) -> dict[str, Any]:
    """Return slide ``number`` of the outline: mostly bullets, with a mix of other kinds."""
    notes = _notes(rng)
    if number % 12 == 10:
        return {"activity": {
            "title": f"Exercise {number}: {_sentence(rng, 2, 4)}",
            "minutes": 10,
            "format": "tables of 4 to 6",
            "materials": ["sticky notes", "marker pens"],
            "steps": [_sentence(rng, 5, 10) + "." for _ in range(4)],
            "prompts": [_sentence(rng, 5, 9) + "?" for _ in range(3)],
            "write_in": 4,
            "outcome": _sentence(rng, 5, 10),
        }, "notes": notes}
    slide: dict[str, Any]
    if number % 11 == 7:
        slide = {"title": f"Where we are {number}", "table": {
            "header": ["Area", "Today", "Target"],
            "rows": [[_sentence(rng, 1, 3), _sentence(rng, 1, 2), _sentence(rng, 1, 2)]
                     for _ in range(4)],
        }}
    elif number % 17 == 5:
        slide = {"quote": _sentence(rng, 6, 12), "by": "A. Speaker, " + _sentence(rng, 1, 3)}
    elif number % 19 == 3:
        slide = {"statement": _sentence(rng, 5, 9) + "."}
    elif number % 13 == 9:
        slide = {"title": f"Two views {number}", "columns": [
            {"heading": "Today", "bullets": [_sentence(rng, 3, 6) for _ in range(3)]},
            {"heading": "Tomorrow", "bullets": [_sentence(rng, 3, 6) for _ in range(3)]},
        ]}
    else:
        bullets: list[Any] = [_sentence(rng, 4, 9) for _ in range(rng.randint(3, 5))]
        if number % 5 == 0:
            bullets[1] = {_sentence(rng, 3, 5) + ":": [_sentence(rng, 2, 4) for _ in range(2)]}
        slide = {"title": f"{_sentence(rng, 2, 5)} ({number})", "bullets": bullets}
        if number % 3 == 0:
            slide["handout"] = _sentence(rng, 12, 24) + "."
    slide["minutes"] = 2
    slide["notes"] = notes
    return slide


def make_outline(slides: int, seed: int = 0) -> dict[str, Any]:
    """Return an outline (plain data) with ``slides`` content slides in sections of 8."""
    rng = random.Random(seed * 100_003 + slides)
    sections: list[dict[str, Any]] = []
    number = 0
    while number < slides:
        count = min(SLIDES_PER_SECTION, slides - number)
        items = [_slide(rng, number + i + 1) for i in range(count)]
        number += count
        minutes = sum(s["activity"]["minutes"] if "activity" in s else s["minutes"]
                      for s in items)
        sections.append({
            "title": f"Part {len(sections) + 1}: {_sentence(rng, 2, 4)}",
            "minutes": minutes,
            "summary": ". ".join(_sentence(rng, 8, 14) for _ in range(2)) + ".",
            "slides": items,
        })
        if len(sections) % 4 == 0 and number < slides:
            sections.append({"break": "Coffee", "minutes": 15})
    return {
        "title": f"Benchmark workshop ({slides} slides)",
        "subtitle": "Generated for make-deck's benchmark",
        "event": "Benchmark day",
        "date": "2026-12-03",
        "start": "09:30",
        "facilitators": ["Alex Example"],
        "language": "en-GB",
        "output": {"dir": "output", "name": f"bench-{slides}"},
        "sections": sections,
    }


def _md_bullets(items: list[Any], depth: int = 0) -> list[str]:
    lines: list[str] = []
    for item in items:
        if isinstance(item, dict):
            for key, value in item.items():
                if isinstance(value, list):
                    lines.append("  " * depth + f"- {key}")
                    lines.extend(_md_bullets(value, depth + 1))
                else:
                    lines.append("  " * depth + f"- {key}: {value}")
        else:
            lines.append("  " * depth + f"- {item}")
    return lines


def _md_cell(text: object) -> str:
    return str(text).replace("|", "\\|")


def _md_slide(slide: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    if "activity" in slide:
        act = slide["activity"]
        lines += [f"## {act['title']}", "", f"*{act['minutes']} minutes, {act.get('format', '')}*",
                  ""]
        lines += [f"{i}. {step}" for i, step in enumerate(act.get("steps", []), 1)]
    elif "quote" in slide:
        lines += [f"## {slide.get('title', 'Quote')}", "", f"> {slide['quote']}"]
        if slide.get("by"):
            lines += [">", f"> — {slide['by']}"]
    elif "statement" in slide:
        lines += [f"## {slide.get('title', 'Statement')}", "", str(slide["statement"])]
    elif "columns" in slide:
        lines += [f"## {slide['title']}", "", ":::::: columns"]
        for column in slide["columns"]:
            lines += ["::: column", ""]
            if column.get("heading"):
                lines += [f"**{column['heading']}**", ""]
            lines += [*_md_bullets(column.get("bullets", [])), "", ":::"]
        lines.append("::::::")
    elif "table" in slide:
        table = slide["table"]
        header = table.get("header") or [""] * len(table["rows"][0])
        lines += [f"## {slide['title']}", "", "| " + " | ".join(map(_md_cell, header)) + " |",
                  "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(map(_md_cell, row)) + " |" for row in table["rows"]]
    elif "image" in slide:
        lines += [f"## {slide.get('title', 'Picture')}", "",
                  f"![{slide.get('caption') or slide.get('alt') or ''}]({slide['image']})"]
    else:
        lines += [f"## {slide['title']}", "", *_md_bullets(slide.get("bullets", []))]
    if slide.get("notes"):
        lines += ["", "::: notes", str(slide["notes"]).strip(), ":::"]
    return [*lines, ""]


def outline_to_markdown(outline: dict[str, Any]) -> str:
    """Return the outline as pandoc markdown for ``pandoc -t pptx`` (same slides and notes)."""
    meta = {"title": outline["title"]}
    if outline.get("subtitle"):
        meta["subtitle"] = outline["subtitle"]
    if outline.get("facilitators"):
        meta["author"] = list(outline["facilitators"])
    if outline.get("date"):
        meta["date"] = str(outline["date"])
    lines = ["---", yaml.safe_dump(meta, allow_unicode=True).strip(), "---", ""]
    for part in outline["sections"]:
        if "break" in part:
            lines += [f"# {part['break']} ({part['minutes']} minutes)", ""]
            continue
        lines += [f"# {part['title']}", ""]
        for slide in part.get("slides", []):
            lines += _md_slide(slide)
    return "\n".join(lines)


class _Dumper(yaml.SafeDumper):
    """Writes multi-line text as literal blocks (``notes: |``), as a person would."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def write_outline(slides: int, folder: Path) -> tuple[Path, Path]:
    """Write the ``slides``-slide outline and its markdown into ``folder``; return both paths."""
    folder.mkdir(parents=True, exist_ok=True)
    outline = make_outline(slides)
    yaml_path = folder / f"outline-{slides}.yaml"
    md_path = folder / f"outline-{slides}.md"
    text = yaml.dump(outline, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=88)
    yaml_path.write_text(f"# Generated by bench/gen_outline.py ({slides} slides)\n{text}",
                         encoding="utf-8")
    md_path.write_text(outline_to_markdown(outline), encoding="utf-8")
    return yaml_path, md_path


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].isdigit():
        print("usage: python bench/gen_outline.py SLIDES FOLDER", file=sys.stderr)
        return 2
    for path in write_outline(int(argv[0]), Path(argv[1])):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
