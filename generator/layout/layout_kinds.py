"""What a template layout is for, as a designer would read it.

First the layout's own type (``<p:sldLayout type="secHead">``), which PowerPoint,
Keynote, LibreOffice and Google Slides write whatever the language of the names;
then its placeholders (a centred title and a subtitle make a cover); its name, in
any of several languages, only as a hint where the type says nothing (``cust``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.layout.geometry import LayoutGeometry

HINTS: dict[str, tuple[str, ...]] = {
    "cover": ("title slide", "titleslide", "cover", "capa", "slide de titulo", "title page",
              "diapositiva titolo", "diapositiva de titulo", "diapositive de titre",
              "titelfolie", "portada", "titulo da apresentacao", "表紙", "封面", "标题幻灯片",
              "タイトル スライド"),
    "section": ("section", "secao", "seccion", "sezione", "abschnitt", "divider",
                "cabecalho da secao", "intestazione sezione", "en tete de section",
                "chapter", "capitulo", "节标题", "章节", "セクション"),
    "closing": ("closing", "end", "the end", "thank you", "thanks", "contact", "contacts",
                "obrigado", "obrigada", "encerramento", "fim", "grazie", "merci", "gracias",
                "danke", "ende", "back cover", "outro", "谢谢", "结束", "ありがとう"),
    "agenda": ("agenda", "contents", "table of contents", "sumario", "indice", "sommaire",
               "inhalt", "outline", "目次", "目录"),
    "content": ("title and content", "title and body", "title and text", "content",
                "conteudo", "titulo e conteudo", "contenuto", "titolo e contenuto",
                "contenido", "inhalt", "contenu", "text", "texto", "body", "full",
                "bullets", "标题和内容", "タイトルとコンテンツ", "汎用"),
    "two": ("two content", "two columns", "two column", "comparison", "duas partes",
            "comparacao", "due contenuti", "confronto", "dos objetos", "split", "2 column",
            "两栏", "比较"),
    "three": ("three content", "three columns", "three column", "3 column", "tres colunas",
              "tre colonne", "三栏"),
    "quote": ("quote", "quotation", "citacao", "citazione", "cita", "zitat", "citation", "引用"),
    "statement": ("statement", "main point", "big idea", "big number", "headline",
                  "large text", "destaque", "declaracao", "key message", "mensagem"),
    "title_only": ("title only", "somente titulo", "solo titolo", "solo titulo", "nur titel",
                   "titre seul", "仅标题", "タイトルのみ"),
    "picture": ("picture", "image", "imagem", "immagine", "imagen", "bild", "photo", "foto",
                "图片", "画像"),
    "blank": ("blank", "em branco", "vazio", "vuoto", "vacio", "leer", "vide", "空白"),
    "vertical": ("vertical", "verticais"),
    "break": ("break", "pausa", "intervalo", "pause"),
}

_ACCENTS = str.maketrans("áàâãäéèêëíìîïóòôõöúùûüçñ", "aaaaaeeeeiiiiooooouuuucn")


def words(name: str) -> str:
    """Return a layout name folded for hints: lower case, accents dropped, numbers
    prefixes (``1_``) and separators turned into single spaces."""
    folded = re.sub(r"[_\-–—()&,.:/]+", " ", name.lower().translate(_ACCENTS))
    return f" {' '.join(folded.split())} "


def hinted(name: str, concept: str) -> bool:
    """Return whether a layout's name hints at ``concept`` (a key of `HINTS`): a whole
    word or phrase of it in Latin script, or any part in other scripts."""
    folded = words(name)
    return any((f" {hint} " in folded) if hint.isascii() else hint in folded
               for hint in HINTS[concept])


@dataclass(frozen=True, slots=True)
class LayoutKind:
    """What one layout is: a cover, a section header, a closing slide, vertical text, a
    picture layout; and which concepts its type and name point to."""

    cover: bool
    section: bool
    closing: bool
    vertical: bool
    picture: bool
    blank: bool
    concepts: frozenset[str]


REFINING = frozenset({"agenda", "quote", "statement", "break", "three"})
"""Concepts a name may add to a layout whose type is known (a "Quote" of type ``obj``)."""

_TYPE_CONCEPTS = {
    "title": "cover", "secHead": "section", "obj": "content", "tx": "content",
    "twoObj": "two", "twoTxTwoObj": "two", "twoColTx": "two", "titleOnly": "title_only",
    "picTx": "picture", "blank": "blank", "vertTx": "vertical", "vertTitleAndTx": "vertical",
    "objTx": "caption", "txAndObj": "two", "objAndTx": "two", "objOnly": "content",
}


def classify(layout: LayoutGeometry) -> LayoutKind:
    """Return what ``layout`` is, from its type first, then placeholders, then name."""
    concepts = {c for c in HINTS if hinted(layout.name, c)}
    typed = _TYPE_CONCEPTS.get(layout.kind)
    if typed is not None:  # the type is the file's own word: names only refine it
        concepts = {typed} | (concepts & REFINING if typed not in ("cover", "section")
                              else set())
    kinds = {p.kind for p in layout.placeholders}
    cover = "cover" in concepts or (typed is None and "ctrTitle" in kinds
                                    and not concepts & {"closing", "section"})
    closing = "closing" in concepts and not cover and typed in (None, "cover")
    section = "section" in concepts and not closing
    picture = "picture" in concepts or "pic" in kinds
    blank = "blank" in concepts or not layout.placeholders
    return LayoutKind(cover, section, closing, "vertical" in concepts, picture,
                      blank and "blank" in concepts, frozenset(concepts))


ROLE_CONCEPTS: dict[str, tuple[str, ...]] = {
    "title": ("cover",),
    "agenda": ("agenda", "content"),
    "section": ("section",),
    "bullets": ("content",),
    "columns": ("two",),
    "columns3": ("three", "two"),
    "quote": ("quote", "statement", "content"),
    "statement": ("statement", "quote", "content"),
    "image": ("title_only", "content"),
    "table": ("title_only", "content"),
    "activity": ("content",),
    "break": ("break", "section"),
    "closing": ("closing", "content"),
}
"""The concepts each role looks for in a layout, best first."""


def suitability(layout: LayoutGeometry, role: str) -> tuple[bool, int]:
    """Return whether ``layout`` may serve ``role`` at all, and how well its type and
    name suit it (higher is better).

    Content never goes on a cover, closing, section, vertical-text or blank layout;
    section dividers and breaks not on a cover, closing or content-and-picture one;
    the title slide not on a section or closing layout.
    """
    kind = classify(layout)
    wanted = ROLE_CONCEPTS[role]
    score = max((len(wanted) - i for i, c in enumerate(wanted) if c in kind.concepts), default=0)
    special = kind.cover or kind.closing or kind.section
    if kind.vertical or kind.blank:
        return False, score
    if role == "title":
        return not (kind.section or kind.closing), score * 2
    if role in ("section", "break"):
        return not (kind.closing or (kind.cover and not kind.section)), score * 2
    if role == "closing":
        return not kind.section, score * 2
    if special:
        return False, score
    if kind.picture and role != "image":
        score -= 1
    if role == "image" and "picture" in kind.concepts:
        score -= 2  # a picture placeholder beside a caption leaves a small picture
    return True, score * 2
