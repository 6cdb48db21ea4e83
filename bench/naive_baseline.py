"""The naive baseline: a straightforward python-pptx + reportlab script over the same YAML.

``python bench/naive_baseline.py OUTLINE OUT_DIR`` writes ``OUT_DIR/naive.pptx`` (a
slide per outline slide, section dividers, speaker notes) and ``OUT_DIR/naive.pdf``
(a handout: sections, slide titles, bullets, handout text and activity prompts). It
is what one would write in an afternoon without make-deck: python-pptx's default
template, no text fitting, no continuation slides, reportlab's platypus for the PDF.
The benchmark times it against make-deck building all outputs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import yaml
from pptx import Presentation
from pptx.util import Inches, Pt
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table


def _bullet_items(items: list[Any], level: int = 0) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for item in items or []:
        if isinstance(item, dict):
            for key, value in item.items():
                if isinstance(value, list):
                    found.append((str(key), level))
                    found.extend(_bullet_items(value, level + 1))
                else:
                    found.append((f"{key}: {value}", level))
        else:
            found.append((str(item), level))
    return found


def _fill(frame: Any, lines: list[tuple[str, int]]) -> None:
    frame.clear()
    for index, (text, level) in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = text.replace("**", "").replace("*", "")
        paragraph.level = min(level, 4)


def _slide_lines(slide: dict[str, Any]) -> tuple[str, list[tuple[str, int]]]:
    """Return a slide's title and its body lines (text, level)."""
    if "activity" in slide:
        act = slide["activity"]
        lines = [(f"{act['minutes']} minutes, {act.get('format', '')}", 0)]
        lines += [(str(step), 1) for step in act.get("steps", [])]
        return str(act["title"]), lines
    if "quote" in slide:
        by = [(f"— {slide['by']}", 0)] if slide.get("by") else []
        return str(slide.get("title", "Quote")), [(f"“{slide['quote']}”", 0), *by]
    if "statement" in slide:
        return str(slide.get("title", "Statement")), [(str(slide["statement"]), 0)]
    if "columns" in slide:
        lines = []
        for column in slide["columns"]:
            if column.get("heading"):
                lines.append((str(column["heading"]), 0))
            lines += [(text, level + 1) for text, level in _bullet_items(column.get("bullets"))]
        return str(slide["title"]), lines
    return str(slide.get("title", "")), _bullet_items(slide.get("bullets"))


def write_deck(outline: dict[str, Any], base: Path, target: Path) -> int:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    title_layout, content_layout, header_layout, only_title = (
        prs.slide_layouts[0], prs.slide_layouts[1], prs.slide_layouts[2], prs.slide_layouts[5])
    slide = prs.slides.add_slide(title_layout)
    slide.shapes.title.text = str(outline["title"])
    slide.placeholders[1].text = str(outline.get("subtitle", ""))
    for part in outline["sections"]:
        if "break" in part:
            slide = prs.slides.add_slide(header_layout)
            slide.shapes.title.text = f"{part['break']} ({part['minutes']} minutes)"
            continue
        slide = prs.slides.add_slide(header_layout)
        slide.shapes.title.text = str(part["title"])
        for item in part.get("slides", []):
            title, lines = _slide_lines(item)
            if "table" in item or "image" in item:
                slide = prs.slides.add_slide(only_title)
                slide.shapes.title.text = title or "Slide"
                box = (Inches(0.7), Inches(1.6), Inches(11.9), Inches(5.2))
                if "table" in item:
                    rows = ([item["table"]["header"]] if item["table"].get("header") else []) + \
                        item["table"]["rows"]
                    table = slide.shapes.add_table(len(rows), len(rows[0]), *box).table
                    for r, row in enumerate(rows):
                        for c, value in enumerate(row):
                            table.cell(r, c).text = str(value)
                else:
                    slide.shapes.add_picture(str(base / item["image"]), box[0], box[1],
                                             height=box[3])
            else:
                slide = prs.slides.add_slide(content_layout)
                slide.shapes.title.text = title
                _fill(slide.placeholders[1].text_frame, lines)
                for paragraph in slide.placeholders[1].text_frame.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(24)
            if item.get("notes"):
                slide.notes_slide.notes_text_frame.text = str(item["notes"])
    prs.save(str(target))
    return len(prs.slides)


def write_handout(outline: dict[str, Any], target: Path) -> None:
    styles = getSampleStyleSheet()

    def para(text: object, style: str = "BodyText") -> Paragraph:
        return Paragraph(escape(str(text)).replace("**", ""), styles[style])

    bullet_styles = [ParagraphStyle(f"Bullet{level}", parent=styles["BodyText"],
                                    leftIndent=14 * (level + 1), bulletIndent=14 * level)
                     for level in range(4)]
    story: list[Any] = [para(outline["title"], "Title")]
    if outline.get("subtitle"):
        story.append(para(outline["subtitle"], "Heading2"))
    for part in outline["sections"]:
        if "break" in part:
            story.append(para(f"{part['break']} ({part['minutes']} minutes)", "Heading2"))
            continue
        story.append(para(part["title"], "Heading1"))
        if part.get("summary"):
            story.append(para(part["summary"]))
        for item in part.get("slides", []):
            title, lines = _slide_lines(item)
            story.append(para(title, "Heading3"))
            for text, level in lines:
                story.append(Paragraph(escape(text).replace("**", ""), bullet_styles[min(level, 3)],
                                       bulletText="•"))
            if "table" in item:
                rows = ([item["table"]["header"]] if item["table"].get("header") else []) + \
                    item["table"]["rows"]
                story.append(Table([[para(v) for v in row] for row in rows]))
            if item.get("handout"):
                story.append(para(item["handout"], "Italic"))
            if "activity" in item:
                for prompt in item["activity"].get("prompts", []):
                    story.append(para(prompt, "Heading4"))
                    story.append(Spacer(1, 14 * item["activity"].get("write_in", 4)))
    SimpleDocTemplate(str(target), pagesize=A4, title=str(outline["title"])).build(story)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python bench/naive_baseline.py OUTLINE OUT_DIR", file=sys.stderr)
        return 2
    source, out = Path(argv[0]), Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    with source.open(encoding="utf-8") as handle:
        outline = yaml.safe_load(handle)
    slides = write_deck(outline, source.parent, out / "naive.pptx")
    write_handout(outline, out / "naive.pdf")
    print(f"wrote {out / 'naive.pptx'} ({slides} slides) and {out / 'naive.pdf'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
