"""`make-deck init --from ARTICLE`: draft an outline from an article.

The article is plain text or Markdown. Its sections become the outline's
sections; each paragraph's lead sentence, shortened, becomes a bullet, and the
paragraphs themselves become the speaker notes; quoted phrases with a speaker,
and Markdown block quotes, become quote slides; each section ends with a
discussion activity whose prompts are drafted from the section. The draft is
written as YAML by hand, so that `# REVIEW:` comments can mark what a person must
check; it validates and builds as it is.

Reading the article:

* Markdown (``.md`` files, or text with ``#`` headings): a lone first ``#``
  heading (or a front-matter ``title:``) is the article's title; the top level of
  the remaining headings makes sections, and deeper headings make slides within
  them. Lists become bullets, block quotes (``> text`` with ``> — Name``) quote
  slides, and pipe tables table slides.
* Plain text: paragraphs are separated by blank lines; a short line without a
  full stop standing alone between paragraphs is a heading, and one at the very
  start is the title. Lines starting with ``#`` are notes to the reader and are
  skipped, as is web-page clutter ("Published on ...", "Leave a Reply", ...).
"""

from __future__ import annotations

import json
import math
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from generator.init import InitError, InitResult, claim, write_new

MAX_ARTICLE_BYTES = 2 * 1024 * 1024
BULLET_WORDS = 12
BULLETS_PER_SLIDE = 5
HEADING_WORDS = 12
QUOTE_WORDS = (3, 45)
ONE_SECTION = "The main points"
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".mkdn"}

BULLETS_MINUTES, QUOTE_MINUTES, TABLE_MINUTES, ACTIVITY_MINUTES = 3, 1, 3, 10

# ------------------------------------------------------------------ the article


@dataclass
class Item:
    """A list item and the items nested under it."""

    text: str
    children: list[Item] = field(default_factory=list)


@dataclass
class Block:
    """One block of an article: a paragraph, a list, a quote or a table."""

    kind: str  # "paragraph", "list", "quote", "table"
    text: str = ""
    items: list[Item] = field(default_factory=list)
    by: str | None = None
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Part:
    """A run of blocks under one heading (``title`` None before any heading)."""

    title: str | None
    level: int
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Article:
    """An article read into its title, its parts in order, and what was noticed."""

    title: str | None
    author: str | None
    parts: list[Part]
    markdown: bool
    notes: list[str] = field(default_factory=list)


_NOISE = re.compile(
    r"^\s*(?:published\s+(?:on|in|by)\b|posted\s+(?:on|in|by)\b|\(?visited\s+\d+\s+times?"
    r"|share\s+(?:this|on)\b|click\s+to\s+(?:share|print|email)|like\s+this:?$|loading\.\.\."
    r"|related(?:\s+posts?|\s+articles?)?:?$|tags?:|categor(?:y|ies):|filed\s+under\b"
    r"|skip\s+to\s+(?:content|main)|read\s+more\b|subscribe\b|sign\s+up\b|print\s+this\b"
    r"|previous\s+(?:post|article)|next\s+(?:post|article)|copyright\b|©|all\s+rights\s+reserved"
    r"|\d+\s+(?:min(?:ute)?s?\s+read|comments?)\b)",
    re.IGNORECASE,
)
_COMMENTS_START = re.compile(
    r"^\s*(?:leave\s+a\s+(?:reply|comment)|comments?\s+are\s+closed|\d+\s+(?:responses|replies)"
    r"|your\s+email\s+address\s+will\s+not\s+be\s+published|post\s+a\s+comment)",
    re.IGNORECASE,
)
_GENERIC_HEADINGS = {"introduction", "intro", "summary", "background", "overview", "contents",
                     "conclusion", "conclusions", "abstract"}
_GENERIC_STEMS = {"article", "text", "input", "draft", "document", "doc", "untitled", "notes",
                  "post", "blog", "source", "readme", "page", "index"}


def _clean(text: str) -> str:
    """Return text without characters YAML cannot hold or that would break a line."""
    text = text.replace("\ufeff", "").replace("\t", " ")
    text = re.sub("[\u2028\u2029\u0085]", " ", text)
    return re.sub("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]", "", text)


def _heading_like(line: str) -> bool:
    """Return True for a short line without a full stop: a plain-text heading."""
    words = line.split()
    return (
        0 < len(words) <= HEADING_WORDS and len(line) <= 90
        and not re.search(r"[.!,;:…]$", line)
        and (line[0].isupper() or line[0].isdigit())
        and not line.startswith(("“", '"', "‘", "'", "(", "[", "-", "*", "•"))
        and not re.search(r"[.!?]\s+\S", line)  # two sentences make a paragraph
    )


def _paragraphs(lines: list[str]) -> list[list[str]]:
    groups: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


_LIST_LINE = re.compile(r"^(\s*)(?:[-*+•]|\d{1,3}[.)])\s+(.*)$")


def _list_items(lines: list[str]) -> list[Item]:
    """Return the nested items of list lines (indentation nests; other lines continue)."""
    roots: list[Item] = []
    stack: list[tuple[int, Item]] = []
    for line in lines:
        match = _LIST_LINE.match(line)
        if not match:
            if stack and line.strip():
                stack[-1][1].text += " " + line.strip()
            continue
        indent = len(match.group(1).expandtabs(4))
        item = Item(match.group(2).strip())
        while stack and stack[-1][0] >= indent:
            stack.pop()
        (stack[-1][1].children if stack else roots).append(item)
        stack.append((indent, item))
    return roots


def _is_list(lines: list[str]) -> bool:
    return bool(_LIST_LINE.match(lines[0]))


def _quote_block(lines: list[str]) -> Block:
    """Return a block quote's text and attribution (a last line starting with a dash)."""
    by = None
    body = [line for line in lines if line.strip()]
    if body:
        match = re.match(r"^\s*(?:—|–|--|-|~)\s*(\S.*)$", body[-1])
        if match and len(body) > 1:
            by = match.group(1).strip()
            body = body[:-1]
    text = " ".join(line.strip() for line in body)
    return Block("quote", _unquote(text), by=by)


def _unquote(text: str) -> str:
    text = text.strip()
    pairs = {"“": "”", '"': '"', "‘": "’", "'": "'"}
    if len(text) > 2 and text[0] in pairs and text.endswith(pairs[text[0]]):
        inner = text[1:-1]
        if pairs[text[0]] not in inner:
            return inner.strip()
    return text


def _table(lines: list[str]) -> Block | None:
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in lines
            if not re.fullmatch(r"\s*\|?[\s:|-]+\|?\s*", line)]
    if len(rows) < 2:
        return None
    width = len(rows[0])
    rows = [(row + [""] * width)[:width] for row in rows]
    return Block("table", rows=rows)


def read_plain(text: str) -> Article:
    """Return the parts of a plain-text article (see the module's notes)."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    paragraphs: list[list[str]] = []
    for group in _paragraphs(lines):
        first = " ".join(group)
        if _COMMENTS_START.match(first):
            break  # a web page's comment form and comments: nothing of the article follows
        if _NOISE.match(first):
            continue
        paragraphs.append(group)
    title = None
    if paragraphs and len(paragraphs[0]) == 1 and _heading_like(paragraphs[0][0].strip()) \
            and paragraphs[0][0].strip().lower() not in _GENERIC_HEADINGS and len(paragraphs) > 1:
        title = paragraphs.pop(0)[0].strip()
    parts = [Part(None, 1)]
    for index, group in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        heading = len(group) == 1 and _heading_like(group[0].strip())
        if heading and following is not None and not (
                len(following) == 1 and _heading_like(following[0].strip())):
            parts.append(Part(group[0].strip(), 1))
        elif _is_list(group):
            parts[-1].blocks.append(Block("list", items=_list_items(group)))
        else:
            parts[-1].blocks.append(Block("paragraph", " ".join(s.strip() for s in group)))
    return Article(title, None, parts, markdown=False)


_ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")


def _front_matter(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    if not lines or lines[0].strip() != "---":
        return {}, lines
    for end in range(1, len(lines)):
        if lines[end].strip() in {"---", "..."}:
            found = {}
            for line in lines[1:end]:
                match = re.match(r"^(\w+):\s*(.+?)\s*$", line)
                if match:
                    found[match.group(1).lower()] = _unquote(match.group(2))
            return found, lines[end + 1:]
    return {}, lines


def read_markdown(text: str) -> Article:
    """Return the parts of a Markdown article (see the module's notes)."""
    meta, lines = _front_matter(text.splitlines())
    parts = [Part(None, 0)]
    buffer: list[str] = []
    kind = ""

    def flush() -> None:
        nonlocal buffer, kind
        body, current = buffer, kind
        buffer = []
        kind = ""
        if not any(line.strip() for line in body):
            return
        if current == "quote":
            parts[-1].blocks.append(_quote_block(body))
        elif current == "list":
            parts[-1].blocks.append(Block("list", items=_list_items(body)))
        elif current == "table":
            table = _table(body)
            if table is not None:
                parts[-1].blocks.append(table)
        else:
            paragraph = " ".join(line.strip() for line in body)
            by = re.match(r"^(?:—|–|--)\s*(\S.*)$", paragraph)
            blocks = parts[-1].blocks
            if by and blocks and blocks[-1].kind == "quote" and blocks[-1].by is None:
                blocks[-1].by = by.group(1)
            else:
                blocks.append(Block("paragraph", paragraph))

    fenced = None
    in_comment = False
    for index, line in enumerate(lines):
        if fenced:
            if line.strip().startswith(fenced):
                fenced = None
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        fence = _FENCE.match(line)
        if fence:
            flush()
            fenced = fence.group(1)
            continue
        if line.strip().startswith("<!--"):
            flush()
            in_comment = "-->" not in line
            continue
        heading = _ATX.match(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if heading:
            flush()
            parts.append(Part(_plain_inline(heading.group(2)), len(heading.group(1))))
            continue
        if kind == "" and line.strip() and re.fullmatch(r"\s*(=+|-+)\s*", following) \
                and not _LIST_LINE.match(line) and not line.lstrip().startswith(">"):
            flush()
            level = 1 if following.strip().startswith("=") else 2
            parts.append(Part(_plain_inline(line), level))
            lines[index + 1] = ""
            continue
        if not line.strip():
            if kind != "list":
                flush()
            else:
                buffer.append(line)
            continue
        if re.fullmatch(r" {0,3}([-*_])(\s*\1){2,}\s*", line):
            flush()
            continue
        if line.lstrip().startswith(">"):
            if kind != "quote":
                flush()
                kind = "quote"
            buffer.append(re.sub(r"^\s*>\s?", "", line))
            continue
        if line.lstrip().startswith("|"):
            if kind != "table":
                flush()
                kind = "table"
            buffer.append(line)
            continue
        if _LIST_LINE.match(line):
            if kind != "list":
                flush()
                kind = "list"
            buffer.append(line)
            continue
        if kind == "list" and (line.startswith((" ", "\t")) or buffer[-1].strip()):
            buffer.append(line)
            continue
        if kind not in ("", "paragraph"):
            flush()
        kind = "paragraph"
        buffer.append(line)
    flush()
    title = meta.get("title")
    headed = [p for p in parts if p.title is not None]
    top = [p for p in headed if p.level == 1]
    if title is None and len(top) == 1 and headed and headed[0] is top[0] \
            and not parts[0].blocks:
        title = top[0].title
        parts[0].blocks.extend(top[0].blocks)
        parts.remove(top[0])
    return Article(title, meta.get("author"), parts, markdown=True)


def looks_like_markdown(text: str, suffix: str) -> bool:
    """Return True when the article should be read as Markdown."""
    if suffix.lower() in MARKDOWN_SUFFIXES:
        return True
    return any(
        (match := _ATX.match(line)) and not re.search(r"[.!?;:,]$", match.group(2))
        for line in text.splitlines()
    )


def read_article(text: str, suffix: str = ".txt") -> Article:
    """Return the article in ``text`` read as Markdown or plain text."""
    text = _clean(text)
    if looks_like_markdown(text, suffix):
        return read_markdown(text)
    return read_plain(text)


# ------------------------------------------------------------------ inline text

_ABBREVIATIONS = {"e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "prof", "st", "vs", "no", "cf",
                  "approx", "inc", "ltd", "co", "fig", "p", "pp", "vol"}
_STOPWORDS = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with",
              "by", "from", "as", "that", "which", "who", "is", "are", "was", "were", "be",
              "its", "it", "their", "our", "we", "this", "these", "those", "than", "into",
              "about", "so", "if", "every", "very", "more", "most", "such"}
_LEAD_INS = re.compile(
    r"^(?:but|and|so|yet|or|however|ultimately|of course|indeed|also|still|instead|meanwhile|"
    r"finally|firstly|secondly|thirdly|in fact|in short|in other words|as ever|that said|"
    r"after all|then|now|well)\b,?\s+", re.IGNORECASE)
_SPEAKER = r"(?:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}|she|he|they|we|I)"
_SPEECH = (r"(?:said|says|asked|asks|argued|argues|added|adds|noted|notes|explained|explains|"
           r"pointed out|points out|went on|goes on|suggested|suggests|warned|warns|urged|"
           r"urges|believes|believed|thinks|thought|stressed|insisted|continued|concluded)")
_REPORTING = [
    re.compile(rf",\s+{_SPEAKER}\s+{_SPEECH},\s*"),
    re.compile(rf",\s+{_SPEECH}\s+{_SPEAKER},\s*"),
    re.compile(rf",\s+{_SPEAKER}\s+{_SPEECH}\s*(?=[.!?]?$)"),
]


def _inline(text: str, links: bool) -> str:
    """Return Markdown inline text in the outline's markup: **bold** and *italic* kept."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", lambda m: f"(picture: {m.group(1)})"
                  if m.group(1) and links else "", text)

    def link(match: re.Match[str]) -> str:
        label, url = match.group(1), match.group(2).split()[0] if match.group(2) else ""
        if not links or not url or not url.startswith(("http://", "https://")):
            return label
        return url if label == url else f"{label} ({url})"

    text = re.sub(r"\[([^\]]+)\]\(([^)]*)\)", link, text)
    text = re.sub(r"<(https?://[^>\s]+)>", r"\1", text)
    text = re.sub(r"</?[A-Za-z][^>]*>", "", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    text = re.sub(r"(?<![\w*])__(\S(?:.*?\S)?)__(?![\w*])", r"**\1**", text)
    text = re.sub(r"(?<![\w_])_(\S(?:.*?\S)?)_(?![\w_])", r"*\1*", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!>|])", r"\1", text)
    return " ".join(text.split())


def _plain_inline(text: str) -> str:
    """Return inline Markdown as plain text (for titles and drafted bullets)."""
    text = _inline(text, links=False)
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"(?<![\w*])\*(\S(?:.*?\S)?)\*(?![\w*])", r"\1", text)
    return " ".join(text.split())


def sentences(text: str) -> list[str]:
    """Return the sentences of a paragraph (abbreviations such as e.g. do not end one)."""
    found: list[str] = []
    start = 0
    for match in re.finditer(r"[.!?…]+[\"”’')\]]*(?=\s|$)", text):
        before = text[start:match.start()].split()
        last = before[-1].lower().strip("(“\"‘'") if before else ""
        if match.group().startswith(".") and (
                last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())):
            continue
        rest = text[match.end():].lstrip()
        if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "“\"‘'("):
            continue
        found.append(text[start:match.end()].strip())
        start = match.end()
    if text[start:].strip():
        found.append(text[start:].strip())
    return found


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def shorten(sentence: str, limit: int = BULLET_WORDS) -> str:
    """Return a sentence cut down to a bullet of about ``limit`` words."""
    text = _plain_inline(sentence)
    text = re.sub(r"\s*\([^()]*\)", "", text)
    for pattern in _REPORTING:
        text = pattern.sub(" ", text)
    for _ in range(3):
        text = _LEAD_INS.sub("", text.strip())
    text = " ".join(text.split()).rstrip(" .;:,")
    words = text.split()
    if len(words) <= limit + 2:
        return _capital(text)
    best = None
    for match in re.finditer(r",\s+(?:and|but|so|which|who|while|because|whereas)\b|;|:|\s[–—]\s"
                             r"|\s-\s", text):
        count = len(text[:match.start()].split())
        if 5 <= count <= limit:
            best = match.start()
            break
    if best is not None:
        return _capital(text[:best].rstrip(" ,;:"))
    cut = words[:limit]
    while len(cut) > 6 and cut[-1].lower().strip(",;:“”\"'‘’") in _STOPWORDS:
        cut.pop()
    return _capital(" ".join(cut).rstrip(",;:–—-") + "…")


@dataclass(frozen=True)
class Quotation:
    """A quoted phrase found in a paragraph, who said it and the sentence it is in."""

    text: str
    by: str
    sentence: str


_QUOTED = re.compile(r"“([^“”]+)”|\"([^\"]+)\"")
_NAME = re.compile(r"\b[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|de|van|von|der|da|di|du|le|la))*")
_NOT_NAMES = {"but", "and", "so", "the", "this", "that", "these", "those", "it", "we", "they",
              "he", "she", "i", "in", "on", "at", "as", "if", "or", "yet", "a", "an", "how",
              "what", "why", "when", "where", "who", "which", "there", "here", "our", "their",
              "his", "her", "its", "my", "your", "for", "with", "from", "to", "of", "by",
              "however", "ultimately", "also", "then", "now", "public", "government"}
_VERBS_BEFORE = re.compile(
    r"\b(?:said|says|say|wrote|writes|put it|puts it|summed up|sums up|called|calls|described|"
    r"describes|asked|asks|argued|argues|noted|notes|observed|observes|told|declared|remarked|"
    r"sang|sings|urged|explained|added|warned|according to|once)\b|:\s*$")


def _names(text: str) -> list[tuple[int, int, str]]:
    found = []
    for match in _NAME.finditer(text):
        words = match.group().split()
        start = match.start()
        while words and words[0].lower() in _NOT_NAMES:
            start += len(words[0]) + 1
            words = words[1:]
        if words:
            found.append((start, match.end(), " ".join(words)))
    return found


def find_quotations(paragraph: str, article_text: str) -> list[Quotation]:
    """Return the quoted phrases in ``paragraph`` that name who said them."""
    found = []
    for sentence in sentences(paragraph):
        for match in _QUOTED.finditer(sentence):
            quote = (match.group(1) or match.group(2)).strip().rstrip(",")
            if not QUOTE_WORDS[0] <= len(quote.split()) <= QUOTE_WORDS[1]:
                continue
            by = _speaker(sentence, match.start(), match.end())
            if by is None:
                continue
            fuller = [n for _, _, n in _names(article_text)
                      if n.startswith(by + " ") and len(n.split()) <= 3]
            if fuller:
                by = max(set(fuller), key=fuller.count)
            found.append(Quotation(_capital(quote), by, sentence))
    return found


def _speaker(sentence: str, start: int, end: int) -> str | None:
    after = sentence[end:]
    match = re.match(rf"\s*[,.]?\s*(?:[—–-]\s*|(?:said|says|wrote|writes|as)\s+|according to\s+)"
                     rf"({_NAME.pattern})", after)
    if match:
        names = _names(match.group(1))
        if names:
            return names[0][2]
    before = sentence[:start]
    for name_start, name_end, name in reversed(_names(before)):
        between = before[name_end:]
        if len(re.findall(r"\w+", between)) <= 7 and _VERBS_BEFORE.search(between):
            return name
        if name_start < len(before) - 120:
            break
    return None


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
        slides.append(_activity(section_title, all_blocks, titles, intro))
        drafted.append(DraftSection(
            _short_title(_plain_inline(section_title)), _summary(all_blocks), slides,
            "one of the article's sections: check its summary, bullets and timing"
            if not no_headings else
            "the article has no headings, so all of it is in this one section; split it "
            "into sections where the subject changes",
        ))
    return Draft(title, title_review, credit, source_review, drafted, notes, article_name)


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
    out.lines += ["", "sections:"]
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


# ------------------------------------------------------------------ the command


def read_article_file(path: Path) -> str:
    """Return an article file's text; raise `InitError` when it cannot be read as text."""
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InitError(f"{path} is {size:,} bytes; an article over "
                            f"{MAX_ARTICLE_BYTES:,} bytes is too long to draft from")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InitError(f"no article at {path}", exit_code=2) from None
    except IsADirectoryError:
        raise InitError(f"{path} is a folder; pass an article's text or Markdown file",
                        exit_code=2) from None
    except OSError as exc:
        raise InitError(f"cannot read {path}: {exc.strerror}", exit_code=2) from None
    if b"\x00" in data[:8192]:
        raise InitError(f"{path} is not a text file; save the article as plain text or "
                        "Markdown first")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def draft_outline(text: str, article_name: str, suffix: str = ".txt") -> tuple[str, Draft]:
    """Return the outline text drafted from an article's ``text``, and the draft."""
    article = read_article(text, suffix)
    result = draft(article, article_name, _clean(text))
    return to_yaml(result), result


def write_from_article(article: Path, outline: Path) -> InitResult:
    """Write the outline drafted from ``article`` to ``outline`` (never over a file)."""
    from generator.options import BuildOptions
    from generator.outline.reader import read_outline
    from generator.schema import SCHEMA_FILE, schema_text

    text = read_article_file(article)
    claim(outline)
    yaml_text, result = draft_outline(text, article.name, article.suffix)
    checked = read_outline(yaml_text, str(outline), outline.parent, BuildOptions())
    if checked.workshop is None:  # a bug here, not a problem with the article
        problems = "; ".join(d.message for d in checked.diagnostics[:3])
        raise InitError(f"internal error: the draft outline is not valid ({problems})",
                        exit_code=4)
    write_new(outline, yaml_text)
    written = [outline]
    schema = outline.parent / SCHEMA_FILE
    if not schema.exists():
        write_new(schema, schema_text())
        written.append(schema)
    notes = [*result.notes, f"this is a draft: read each `# REVIEW:` comment in {outline}"]
    return InitResult(outline, tuple(written), tuple(notes))
