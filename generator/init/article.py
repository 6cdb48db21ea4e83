"""Reading an article (plain text or Markdown) into sections, paragraphs, lists, quotes
and tables, for `make-deck init --from`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.init.sentences import _plain_inline

MAX_ARTICLE_BYTES = 2 * 1024 * 1024
BULLETS_PER_SLIDE = 5
HEADING_WORDS = 12
ONE_SECTION = "The main points"
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".mkdn"}


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
