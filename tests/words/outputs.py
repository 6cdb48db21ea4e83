"""Reading built outputs back for the language tests: every text run with its language
tag, and each PDF's text elements with theirs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pdfplumber
import pikepdf
from babel.messages.pofile import read_po
from pptx import Presentation

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def deck_runs(path: Path) -> Iterator[tuple[str, str | None, str]]:
    """Yield (where, lang, text) for every run of text in the deck, notes included."""
    prs = Presentation(str(path))
    for number, slide in enumerate(prs.slides, 1):
        parts = [("slide", slide.element)]
        if slide.has_notes_slide:
            parts.append(("notes", slide.notes_slide.element))
        for where, element in parts:
            for run in element.iter(f"{A}r"):
                props = run.find(f"{A}rPr")
                shown = run.find(f"{A}t")
                text = shown.text or "" if shown is not None else ""
                yield (f"{where} {number}", None if props is None else props.get("lang"),
                       text)


def deck_text(path: Path) -> str:
    """Return all the text of the deck's slides and notes."""
    return "\n".join(text for _where, _lang, text in deck_runs(path))


def pdf_text(path: Path) -> str:
    """Return all the text of a PDF, page by page."""
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


TEXT_ROLES = {"/P", "/H1", "/H2", "/H3", "/LBody", "/TH", "/TD"}


def pdf_elements(path: Path) -> Iterator[tuple[str, str | None, str]]:
    """Yield (role, /Lang, text) for every text element of a tagged PDF: the text its
    marked content draws (read with pdfplumber), its own /Lang or the nearest one
    above it (the catalogue's at the top)."""
    with pdfplumber.open(path) as plumbed:
        drawn: dict[tuple[int, int], str] = {}
        for index, page in enumerate(plumbed.pages):
            for char in page.chars:
                if char.get("mcid") is not None:
                    key = (index, char["mcid"])
                    drawn[key] = drawn.get(key, "") + char["text"]
    with pikepdf.open(path) as pdf:
        pages = {page.objgen: index for index, page in enumerate(pdf.pages)}

        def walk(element: pikepdf.Object, lang: str | None) -> Iterator[tuple[str, str | None,
                                                                             str]]:
            own = str(element.Lang) if "/Lang" in element else lang
            role = str(element.get("/S", ""))
            kids = element.get("/K")
            kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
            page = element.get("/Pg")
            text = []
            for kid in kids:
                if isinstance(kid, int) and page is not None:
                    text.append(drawn.get((pages[page.objgen], kid), ""))
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                    text.append(drawn.get((pages[kid.Pg.objgen], int(kid.MCID)), ""))
                elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    yield from walk(kid, own)
            if role in TEXT_ROLES and "".join(text).strip():
                yield role, own, "".join(text)

        yield from walk(pdf.Root.StructTreeRoot.K, str(pdf.Root.Lang))


def english_words() -> set[str]:
    """Return the phrases of make-deck's English catalogue that differ in Welsh: each
    message's literal parts (placeholders and markup taken out) of two letters or more."""
    def catalogue(name: str):
        with (resources.files("generator.words") / "catalogues" / f"{name}.po").open("rb") as f:
            return read_po(f, locale=name)

    english, welsh = catalogue("en"), catalogue("cy")
    phrases: set[str] = set()
    for message in english:
        if not message.id or message.context:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        other = welsh.get(message.id)
        translated = other.string if isinstance(other.string, tuple) else (other.string,)
        for text in ids:
            for part in re.split(r"\{[^}]*\}|\*\*|[“”]", text):
                part = part.strip(" :·,.()–;")
                if len(re.sub(r"\W", "", part)) >= 2 and not any(part in t for t in translated):
                    phrases.add(part)
    return phrases


def contains_phrase(text: str, phrase: str) -> bool:
    """Return True when ``phrase`` appears in ``text`` as whole words."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


class _PageText(HTMLParser):
    """Collects each run of a page's text with the language it is in (the nearest
    ``lang`` above it), and the words its script shows, from its data- attributes."""

    SHOWN = ("alt", "data-done", "data-confirm", "data-no-storage", "data-label")
    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                      "meta", "source", "track", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.runs: list[tuple[str, str | None, str]] = []

    def _lang(self) -> str | None:
        return next((lang for _tag, lang in reversed(self.stack) if lang), None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        lang = found.get("lang") or (self._lang() if tag not in self.VOID else None)
        for name in self.SHOWN:
            if found.get(name):
                self.runs.append((f"{tag}@{name}", lang or self._lang(), found[name] or ""))
        if tag not in self.VOID:
            self.stack.append((tag, found.get("lang")))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if data.strip() and not any(t in ("script", "style") for t, _l in self.stack):
            where = self.stack[-1][0] if self.stack else "?"
            self.runs.append((where, self._lang(), data.strip()))


def html_runs(path: Path) -> list[tuple[str, str | None, str]]:
    """Return (element, language, text) for each run of text in an HTML page: its
    text nodes (not scripts or styles) and the words its script shows from attributes."""
    page = _PageText()
    page.feed(path.read_text("utf-8"))
    return page.runs


def html_text(path: Path) -> str:
    """Return the words an HTML page shows or says, one run a line."""
    return "\n".join(text for _where, _lang, text in html_runs(path))
