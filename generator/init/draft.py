"""The draft outline made from a read article: sections, slides, activities."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.init import InitError
from generator.init.article import (
    _GENERIC_STEMS,
    BULLETS_PER_SLIDE,
    HEADING_WORDS,
    ONE_SECTION,
    Article,
    Block,
    Item,
    Part,
)
from generator.init.sentences import (
    _LEAD_INS,
    _QUOTED,
    _REPORTING,
    QUOTE_WORDS,
    _capital,
    _inline,
    _plain_inline,
    find_quotations,
    sentences,
    shorten,
)

BULLETS_MINUTES, QUOTE_MINUTES, TABLE_MINUTES, ACTIVITY_MINUTES = 3, 1, 3, 10

# ------------------------------------------------------------------ the draft


@dataclass
class DraftSlide:
    """One slide of the draft, as ordered YAML keys, with a comment for the reviewer."""

    keys: list[tuple[str, object]]
    review: str | None = None
    minutes: int = 0


@dataclass
class DraftSection:
    """One section of the draft."""

    title: str
    summary: str | None
    slides: list[DraftSlide]
    review: str | None = None


@dataclass
class Draft:
    """The drafted outline, ready to write out."""

    title: str
    title_review: str
    source: str
    source_review: str | None
    sections: list[DraftSection]
    notes: list[str]
    article_name: str


class _Titles:
    """Keeps slide titles unique, as the deck's accessibility check wants."""

    def __init__(self) -> None:
        self.seen: set[str] = {"agenda", "thank you"}

    def claim(self, title: str) -> str:
        base = title
        number = 2
        while " ".join(title.split()).casefold() in self.seen:
            title = f"{base} ({number})"
            number += 1
        self.seen.add(" ".join(title.split()).casefold())
        return title


def _short_title(text: str, words: int = HEADING_WORDS) -> str:
    parts = text.split()
    if len(parts) <= words:
        return text
    return " ".join(parts[:words]).rstrip(",;:") + "…"


def _paragraph_bullets(paragraph: str, lone: bool) -> list[object]:
    """Return the bullet drafted from a paragraph's lead sentence (two for a lone one)."""
    leads = sentences(paragraph)[: 2 if lone else 1]
    return list(dict.fromkeys(shorten(s) for s in leads if s.strip()))


def _items(items: list[Item]) -> list[object]:
    result: list[object] = []
    for item in items:
        text = _inline(item.text, links=False) or "…"
        if item.children:
            result.append({text.rstrip(":"): _items(item.children)})
        else:
            result.append(text)
    return result


def _item_notes(items: list[Item], depth: int = 0) -> list[str]:
    lines = []
    for item in items:
        lines.append("  " * depth + "- " + _inline(item.text, links=True))
        lines.extend(_item_notes(item.children, depth + 1))
    return lines


@dataclass
class _Chunk:
    """What goes on one bullets slide: drafted bullets and the text behind them."""

    bullets: list[object] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _chunks(blocks: list[Block]) -> tuple[list[_Chunk], list[DraftSlide]]:
    """Return a part's bullets grouped into slides, and its quote and table slides."""
    entries: list[tuple[object, str]] = []
    extras: list[DraftSlide] = []
    paragraphs = [b for b in blocks if b.kind == "paragraph"]
    lone = len(paragraphs) == 1 and not any(b.kind == "list" for b in blocks)
    index = 0
    while index < len(blocks):
        block = blocks[index]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.kind == "paragraph" and following is not None and following.kind == "list" \
                and block.text.rstrip().endswith(":") and len(block.text.split()) <= 25:
            lead = _plain_inline(block.text).rstrip(":")
            notes = "\n".join([_inline(block.text, links=True), *_item_notes(following.items)])
            entries.append(({lead: _items(following.items)}, notes))
            index += 2
            continue
        if block.kind == "paragraph":
            notes = _inline(block.text, links=True)
            for number, bullet in enumerate(_paragraph_bullets(block.text, lone)):
                entries.append((bullet, notes if number == 0 else ""))
        elif block.kind == "list":
            notes = "\n".join(_item_notes(block.items))
            for number, bullet in enumerate(_items(block.items)):
                entries.append((bullet, notes if number == 0 else ""))
        elif block.kind == "quote":
            extras.append(_block_quote_slide(block))
        elif block.kind == "table":
            extras.append(_table_slide(block))
        index += 1
    if not entries:
        return [], extras
    count = math.ceil(len(entries) / BULLETS_PER_SLIDE)
    size = math.ceil(len(entries) / count)
    chunks = []
    for start in range(0, len(entries), size):
        group = entries[start:start + size]
        chunks.append(_Chunk([b for b, _ in group], [n for _, n in group if n]))
    return chunks, extras


def _block_quote_slide(block: Block) -> DraftSlide:
    words = block.text.split()
    review = "check the quotation against the article"
    quote = _inline(block.text, links=False)
    notes = None
    if len(words) > QUOTE_WORDS[1]:
        quote = " ".join(words[:QUOTE_WORDS[1]]).rstrip(",;:") + "…"
        notes = _inline(block.text, links=True)
        review = "the quotation was long and is cut short here (in full in the notes)"
    keys: list[tuple[str, object]] = [("quote", quote)]
    if block.by:
        keys.append(("by", _plain_inline(block.by)))
    else:
        review += "; add `by:` with who said it"
    keys.append(("minutes", QUOTE_MINUTES))
    if notes:
        keys.append(("notes", notes))
    return DraftSlide(keys, review, QUOTE_MINUTES)


def _table_slide(block: Block) -> DraftSlide:
    header, *rows = [[_plain_inline(c) or "-" for c in row] for row in block.rows]
    return DraftSlide([("table", {"header": header, "rows": rows}), ("minutes", TABLE_MINUTES)],
                      "check the table; give the slide a title of its own", TABLE_MINUTES)


def _questions(blocks: list[Block]) -> list[str]:
    found = []
    for block in blocks:
        if block.kind != "paragraph":
            continue
        for sentence in sentences(_plain_inline(block.text)):
            if not sentence.endswith("?") or not 4 <= len(sentence.split()) <= 25:
                continue
            text = sentence
            for pattern in _REPORTING:
                text = pattern.sub(" ", text)
            for _ in range(2):
                text = _LEAD_INS.sub("", text.strip())
            text = " ".join(text.split())
            if _QUOTED.search(text):
                continue
            found.append(_capital(text))
    return list(dict.fromkeys(found))


def _activity(title: str, blocks: list[Block], titles: _Titles, intro: bool) -> DraftSlide:
    prompts = _questions(blocks)[:3]
    plain = _plain_inline(title)
    if len(prompts) < 2:
        prompts += [
            f"What does “{plain}” mean for our team?" if not intro else
            "What stood out for you, and why?",
            "Where do we see this in our own work today?",
            "What is one step we could take in the next month?",
        ][: 3 - len(prompts)]
    name = titles.claim("Warm-up discussion" if intro else _short_title(f"Discuss: {plain}"))
    activity = {
        "title": name,
        "minutes": ACTIVITY_MINUTES,
        "format": "tables of 4 to 6",
        "materials": ["worksheet", "pens"],
        "steps": [
            "Read the prompts on your worksheet.",
            "Discuss them as a table and note your answers.",
            "Agree one point to share with the room.",
        ],
        "prompts": prompts,
        "outcome": "One point from each table to share with the room",
    }
    return DraftSlide(
        [("activity", activity)],
        "a draft activity: check the prompts, the minutes and the format",
        ACTIVITY_MINUTES,
    )


def _summary(blocks: list[Block]) -> str | None:
    for block in blocks:
        if block.kind == "paragraph":
            picked = sentences(_plain_inline(block.text))[:2]
            text = " ".join(picked)
            if len(text.split()) > 60:
                text = " ".join(text.split()[:60]).rstrip(",;:") + "…"
            return text or None
    return None


def _title_from_stem(stem: str) -> str | None:
    words = re.sub(r"[-_.]+", " ", stem).split()
    if len(words) < 2 and (not words or words[0].lower() in _GENERIC_STEMS):
        return None
    if all(w.lower() in _GENERIC_STEMS for w in words):
        return None
    return _capital(" ".join(words))


def draft(article: Article, article_name: str, full_text: str) -> Draft:
    """Return the outline drafted from ``article`` (named ``article_name`` for the user)."""
    notes = list(article.notes)
    parts = [p for p in article.parts if p.blocks or p.title is not None]
    headed = [p for p in parts if p.title is not None]
    top = min((p.level for p in headed), default=1)
    sections: list[tuple[str, list[Part], bool]] = []
    if parts and parts[0].title is None and parts[0].blocks:
        sections.append(("Introduction", [Part(None, top, parts[0].blocks)], True))
    for part in headed:
        if part.level <= top or not sections:
            sections.append((part.title or "", [part], False))
        else:
            sections[-1][1].append(part)
    sections = [(t, ps, intro) for t, ps, intro in sections if any(p.blocks for p in ps)]
    no_headings = not headed or all(intro for _, _, intro in sections)
    if no_headings:
        blocks = [b for _, ps, _ in sections for p in ps for b in p.blocks]
        sections = [(ONE_SECTION, [Part(None, top, blocks)], False)] if blocks else []
        notes.append("the article has no headings, so the draft has one section; split it "
                     "into sections where the article changes subject")
    if not sections:
        raise InitError(f"{article_name} has no paragraphs to draft an outline from")

    first_heading = next((t for t, _, intro in sections if not intro), None)
    if article.title:
        title = _short_title(_plain_inline(article.title))
        title_review = "the article's title; make it the workshop's own"
    elif (from_stem := _title_from_stem(Path(article_name).stem)) is not None:
        title = from_stem
        title_review = "the article has no title line, so this comes from its file name"
    elif first_heading and not no_headings:
        title = _short_title(f"Workshop: {first_heading}")
        title_review = "the article has no title line, so this comes from its first heading"
    else:
        title = "Workshop"
        title_review = "the article has no title line: write the workshop's title"
    if article.title:
        credit = f"Based on “{_plain_inline(article.title)}”"
        if article.author:
            credit += f" by {_plain_inline(article.author)}"
        source_review = "add the author and where the article was published" \
            if not article.author else None
    else:
        credit = f"Based on {Path(article_name).name}"
        source_review = "name the article, its author and where it was published"

    titles = _Titles()
    titles.claim(title)
    for section_title, _, _ in sections:
        titles.claim(section_title)
    drafted: list[DraftSection] = []
    for section_title, section_parts, intro in sections:
        slides: list[DraftSlide] = []
        all_blocks = [b for p in section_parts for b in p.blocks]
        for part in section_parts:
            chunks, extras = _chunks(part.blocks)
            if part.title is not None and part is not section_parts[0]:
                base = part.title
            elif no_headings:
                base = "What the article says"
            else:
                base = f"{section_title}: key points"
            base = _short_title(_plain_inline(base))
            heading = _short_title(_plain_inline(part.title or section_title))
            for number, chunk in enumerate(chunks, start=1):
                shown = base if len(chunks) == 1 else f"{base} ({number} of {len(chunks)})"
                keys: list[tuple[str, object]] = [
                    ("title", titles.claim(shown)),
                    ("minutes", BULLETS_MINUTES),
                    ("bullets", chunk.bullets),
                ]
                if chunk.notes:
                    keys.append(("notes", "\n\n".join(chunk.notes)))
                slides.append(DraftSlide(
                    keys, "bullets drafted from the paragraphs' first sentences, shortened; "
                    "the full paragraphs are in the notes", BULLETS_MINUTES))
            for extra in extras:
                if extra.keys[0][0] == "table":
                    extra.keys.insert(0, ("title", titles.claim(f"{heading}: table")))
                slides.append(extra)
            for block in part.blocks:
                if block.kind != "paragraph":
                    continue
                for quotation in find_quotations(_plain_inline(block.text), full_text):
                    slides.append(DraftSlide(
                        [("quote", quotation.text), ("by", quotation.by),
                         ("minutes", QUOTE_MINUTES), ("notes", quotation.sentence)],
                        "a quoted phrase from the article: check the words and who said them",
                        QUOTE_MINUTES,
                    ))
        paragraphs = sum(b.kind == "paragraph" for b in all_blocks)
        if not intro or paragraphs > 1:  # a discussion after one paragraph is filler
            slides.append(_activity(section_title, all_blocks, titles, intro))
        drafted.append(DraftSection(
            _short_title(_plain_inline(section_title)), _summary(all_blocks), slides,
            "one of the article's sections: check its summary, bullets and timing"
            if not no_headings else
            "the article has no headings, so all of it is in this one section; split it "
            "into sections where the subject changes",
        ))
    return Draft(title, title_review, credit, source_review, drafted, notes, article_name)
