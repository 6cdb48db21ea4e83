"""An outline's languages: `language:` or `languages:`, translation mappings, and
each language's edition of a bilingual outline.

A bilingual outline (``languages: [cy-GB, en-GB]``) writes a text either as a
mapping with one entry per language (``{cy: ..., en: ...}``, keyed by the full tag
or its language part; a bullet's mapping may add ``bullets:`` for its
sub-bullets) or as a plain value, the same in every language. `check_languages`
reports mappings that lack a language or name one not in ``languages``, and
plain values where text is usually translated; `edition` projects the plain
tree onto one language, giving a tree the ordinary (one-language) model reads.
"""

from __future__ import annotations

import difflib
import re

from babel import Locale, UnknownLocaleError

from generator.diagnostics import Diagnostic, Severity
from generator.markup import pair
from generator.model import Workshop
from generator.outline.yamlnodes import Path, SourceMap
from generator.problems import Problem
from generator.words import catalogue_for

_LANGUAGE_KEY = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_BULLETS = "bullets"

TRANSLATED = frozenset({
    "title", "subtitle", "heading", "break", "bullets", "statement", "quote", "summary",
    "notes", "steps", "prompts", "prompt", "handout", "caption", "alt", "header", "rows",
    "outcome", "format", "materials", "scale", "grid", "timeline",
})
"""The keys whose text is usually translated: a plain value under one is a warning."""

_NOT_TEXT = frozenset({"image", "theme", "layouts", "output", "dir", "name", "date", "start",
                       "minutes", "points", "write_in", "language", "languages", "bilingual",
                       "agenda", "section_slides", "decorative", "paper", "slides_per_page",
                       "worksheets"})


def language_part(tag: str) -> str:
    """Return the language subtag of a BCP 47 tag, in lower case (``cy-GB`` -> ``cy``)."""
    return tag.split("-")[0].lower()


def _is_language(key: str) -> bool:
    """Return True when ``key`` reads as a language tag CLDR knows (``cy``, ``en-GB``)."""
    if not _LANGUAGE_KEY.match(key) or key in TRANSLATED or key in _NOT_TEXT:
        return False
    try:
        Locale.parse(key.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        try:
            Locale.parse(language_part(key))
        except (UnknownLocaleError, ValueError):
            return False
    return True


def is_translation(value: object) -> bool:
    """Return True when ``value`` is a translation mapping: its keys are languages
    (and, for a bullet, ``bullets``)."""
    if not isinstance(value, dict) or not value:
        return False
    keys = [k for k in value if k != _BULLETS]
    return bool(keys) and all(isinstance(k, str) and _is_language(k) for k in keys)


def outline_languages(tree: object, sources: SourceMap) -> tuple[tuple[str, ...],
                                                                 list[Diagnostic]]:
    """Return the outline's languages (one for `language:`, two for `languages:`) and
    the problems with how they are given. The tags are as written."""
    if not isinstance(tree, dict):
        return ("en-GB",), []
    problems: list[Diagnostic] = []
    given = tree.get("languages")
    if given is None:
        language = tree.get("language", "en-GB")
        return ((language if isinstance(language, str) else "en-GB"),), problems
    if "language" in tree:
        problems.append(Diagnostic(
            Problem.E_LANG_BOTH, "an outline has `language:` or `languages:`, not both",
            position=sources.key(("language",)),
            hint="keep `languages:` for a bilingual workshop, or `language:` for one language"))
    if (not isinstance(given, list) or len(given) != 2
            or not all(isinstance(t, str) and t for t in given)):
        problems.append(Diagnostic(
            Problem.E_LANG_LIST, "`languages:` lists the workshop's two languages, first language "
            "first", position=sources.value(("languages",)),
            hint="write `languages: [cy-GB, en-GB]`"))
        return ("en-GB",), problems
    if language_part(given[0]) == language_part(given[1]):
        problems.append(Diagnostic(
            Problem.E_LANG_LIST, f"`{given[0]}` and `{given[1]}` are the same language",
            position=sources.value(("languages", 1)),
            hint="a bilingual workshop has two different languages, e.g. [cy-GB, en-GB]"))
        return (given[0],), problems
    return tuple(given), problems


def words_warning(tags: tuple[str, ...], sources: SourceMap) -> list[Diagnostic]:
    """Return one warning for each language make-deck has no words for."""
    found = []
    for index, tag in enumerate(tags):
        if catalogue_for(tag) is None:
            path: Path = ("languages", index) if len(tags) > 1 else ("language",)
            found.append(Diagnostic(
                Problem.W_LANG_WORDS, f"make-deck has no words in `{tag}`: its own words "
                "(headings, labels, dates) are written in English and tagged en-GB",
                Severity.WARNING, position=sources.value(path),
                hint="a translator can add them: copy generator/words/catalogues/en.po to "
                f"{language_part(tag)}.po and translate each msgstr"))
    return found


class _Checker:
    def __init__(self, sources: SourceMap, languages: tuple[str, ...]) -> None:
        self.sources = sources
        self.languages = languages
        self.problems: list[Diagnostic] = []

    def _match(self, key: str) -> str | None:
        for tag in self.languages:
            if key.lower() in (tag.lower(), language_part(tag)):
                return tag
        return None

    def mapping(self, value: dict, path: Path) -> None:
        sources = self.sources
        if len(self.languages) < 2:
            self.problems.append(Diagnostic(
                Problem.E_LANG_NONE, "a text in several languages needs `languages:` at the top",
                position=sources.value(path),
                hint="add `languages: [cy-GB, en-GB]` (first language first) in place of "
                "`language:`, or write this text in the outline's one language"))
            return
        seen: dict[str, str] = {}
        for key in value:
            if key == _BULLETS:
                continue
            tag = self._match(key)
            if tag is None:
                names = [t for lang in self.languages for t in (lang, language_part(lang))]
                close = difflib.get_close_matches(key, names, 1, 0.5)
                self.problems.append(Diagnostic(
                    Problem.E_LANG_UNKNOWN, f"`{key}` is not one of the outline's languages "
                    f"({', '.join(self.languages)})", position=sources.key((*path, key)),
                    hint=f"did you mean `{close[0]}`?" if close else
                    "add the language to `languages:`, or remove this entry"))
            elif tag in seen:
                self.problems.append(Diagnostic(
                    Problem.E_LANG_TWICE,
                    f"`{key}` gives the {tag} text again (after `{seen[tag]}`)",
                    position=sources.key((*path, key)), hint="keep one of them"))
            else:
                seen[tag] = key
        for tag in self.languages:
            if tag not in seen:
                short = language_part(tag)
                self.problems.append(Diagnostic(
                    Problem.E_LANG_MISSING, f"this text has no `{short}` ({tag}) version",
                    position=sources.value(path),
                    hint=f"add `{short}: ...` beside "
                    + " and ".join(f"`{k}:`" for k in seen.values())
                    + ", or write one plain value if the text is the same in every language"))
        for key, text in value.items():
            if key != _BULLETS and not isinstance(text, str | int | float):
                self.problems.append(Diagnostic(
                    Problem.E_TYPE, f"the `{key}` text must be text", position=sources.value(
                        (*path, key)), hint="write the text after the language key"))
        if _BULLETS in value:
            self.walk(value[_BULLETS], (*path, _BULLETS), True)

    def plain(self, text: str, path: Path, at_key: bool = False) -> None:
        if len(self.languages) < 2 or not re.search(r"[^\W\d_]", text):
            return
        shown = " ".join(text.split())
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        self.problems.append(Diagnostic(
            Problem.W_LANG_PLAIN, f"“{shown}” is one text for both languages",
            Severity.WARNING,
            position=self.sources.key(path) if at_key else self.sources.value(path),
            hint="give each language its text, e.g. "
            + "{" + ", ".join(f"{language_part(t)}: ..." for t in self.languages) + "}"
            + "; a name or place may stay one plain value"))

    def walk(self, value: object, path: Path, translated: bool) -> None:
        if is_translation(value) or (translated and isinstance(value, dict) and any(
                isinstance(k, str) and self._match(k) for k in value)):
            self.mapping(value, path)  # type: ignore[arg-type]
        elif isinstance(value, dict):
            if translated and len(value) == 1 and path and path[-1] != "activity":
                ((key, sub),) = value.items()
                if isinstance(sub, list):  # a bullet written as `text: [sub-bullets]`
                    self.plain(str(key), (*path, key), at_key=True)
                    self.walk(sub, (*path, key), True)
                    return
            for key, sub in value.items():
                if key in _NOT_TEXT:
                    continue
                inner = key in TRANSLATED or (translated and key in ("text", "children"))
                if key == "handout" and isinstance(sub, dict):
                    inner = False
                self.walk(sub, (*path, key), inner)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self.walk(item, (*path, index), translated)
        elif isinstance(value, str) and translated:
            self.plain(value, path)


def check_translations(tree: object, sources: SourceMap,
                       languages: tuple[str, ...]) -> list[Diagnostic]:
    """Return the problems of the outline's translation mappings and plain values."""
    checker = _Checker(sources, languages)
    checker.walk(tree, (), False)
    return checker.problems


def edition(tree: object, languages: tuple[str, ...], tag: str) -> object:
    """Return the plain tree with every translation mapping replaced by its ``tag`` text,
    and `language:` set to ``tag``: what a one-language outline would hold."""
    def pick(value: dict) -> object:
        texts = [(key, text) for key, text in value.items() if key != _BULLETS]
        for key, text in texts:
            if key.lower() in (tag.lower(), language_part(tag)):
                return text
        return texts[0][1]  # a missing language is reported; the edition still reads

    def project(value: object) -> object:
        if is_translation(value):
            text = pick(value)  # type: ignore[arg-type]
            if _BULLETS in value:  # type: ignore[operator]
                return {"text": text, "children": project(value[_BULLETS])}  # type: ignore[index]
            return text
        if isinstance(value, dict):
            return {k: project(v) for k, v in value.items()}
        if isinstance(value, list):
            return [project(v) for v in value]
        return value

    projected = project(tree)
    if isinstance(projected, dict) and len(languages) > 1:
        projected = {k: v for k, v in projected.items() if k != "language"}
        projected["language"] = tag
    return projected


def together_workshop(editions: dict[str, Workshop]) -> Workshop:
    """Return a bilingual workshop's two editions as one workshop whose texts are pairs
    (`generator.markup.pair`: first language first, each marked with its tag); a text
    the same in both stays as it is. Its `language` is the first language."""
    (first, one), (second, two) = list(editions.items())[:2]

    def merge(a: object, b: object) -> object:
        if isinstance(a, str) and isinstance(b, str):
            return pair(a, first, b, second)
        if isinstance(a, dict) and isinstance(b, dict):
            return {k: merge(v, b.get(k)) for k, v in a.items()}
        if isinstance(a, list | tuple) and isinstance(b, list | tuple) and len(a) == len(b):
            return [merge(x, y) for x, y in zip(a, b, strict=True)]
        return a

    merged = merge(one.model_dump(by_alias=True, exclude_unset=True),
                   two.model_dump(by_alias=True, exclude_unset=True))
    merged["language"] = first  # type: ignore[index]
    return Workshop.model_validate(merged)
