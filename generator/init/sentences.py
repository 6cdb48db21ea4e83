"""Sentences, shortened lead sentences and attributed quotations found in article text."""

from __future__ import annotations

import re
from dataclasses import dataclass

BULLET_WORDS = 12
QUOTE_WORDS = (3, 45)

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


def _open_quote(text: str) -> str | None:
    """Return the closing mark ``text`` still needs (a quotation opened and not closed)."""
    if text.count("“") > text.count("”"):
        return "”"
    if text.count("‘") > text.count("’") + text.count("’s") and "‘" in text:
        return "’"
    if text.count('"') % 2:
        return '"'
    return None


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
        if 5 <= count <= limit and _open_quote(text[:match.start()]) is None:
            best = match.start()
            break
    if best is not None:
        return _capital(text[:best].rstrip(" ,;:"))
    cut = words[:limit]
    while len(cut) > 6 and cut[-1].lower().strip(",;:“”\"'‘’") in _STOPWORDS:
        cut.pop()
    shown = " ".join(cut).rstrip(",;:–—-") + "…"
    return _capital(shown + (_open_quote(shown) or ""))


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
