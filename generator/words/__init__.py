"""make-deck's own words (headings, labels, "Page 3 of 8", dates, times) in the
workshop's language.

Every word make-deck writes itself comes from a gettext catalogue in
``catalogues/`` (``en.po``, ``cy.po``, and whatever a translator adds: a file
named with the language, such as ``ga.po`` or ``pt_BR.po``). Dates, times,
lengths of time, ordinals and lists of names come from CLDR through Babel, and
plural forms follow the catalogue's ``Plural-Forms`` header (Babel's, from CLDR).

The catalogues are read with Babel's ``.po`` reader when first asked for and
compiled to the standard library's gettext form; the compiled form is kept in
make-deck's cache folder by the ``.po``'s content, so later runs skip the reader.
Nothing has to be built when make-deck is installed or run from a checkout, and a
translator's new or edited ``.po`` works as soon as it is saved.
"""

from __future__ import annotations

import datetime as dt
import gettext
import hashlib
import io
import os
import re
import string
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time
from babel.lists import format_list
from babel.units import format_unit

from generator.markup import back_to_document, halves, in_language, pair

FALLBACK = "en-GB"
"""The tag of make-deck's words when the outline's language has no catalogue."""

DOMAIN = "make-deck"


def catalogue_names() -> tuple[str, ...]:
    """Return the languages make-deck has words for, as catalogue names (``cy``, ``en``)."""
    folder = resources.files(__package__) / "catalogues"
    return tuple(sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".po")))


def _candidates(tag: str) -> list[str]:
    """Return the catalogue names to try for a BCP 47 tag, most specific first."""
    parts = tag.replace("_", "-").split("-")
    names = []
    for end in range(len(parts), 0, -1):
        head = parts[:end]
        names.append("_".join([head[0].lower(), *(p.upper() if len(p) == 2 else p.title()
                                                   for p in head[1:])]))
    return names


def catalogue_for(tag: str) -> str | None:
    """Return the name of the catalogue serving ``tag`` (``cy-GB`` -> ``cy``), or None."""
    known = set(catalogue_names())
    return next((name for name in _candidates(tag) if name in known), None)


CACHE_FORMAT = 1
"""Bump when the compiled catalogues kept on disk change shape."""


def _compiled(po: bytes, name: str) -> bytes:
    """Return catalogue ``name`` (the ``.po`` file's bytes) compiled to ``.mo`` bytes by
    Babel; kept on disk by the ``.po``'s content, so later runs neither import Babel's
    catalogue reader nor parse the file."""
    from generator.layout.fonts import cache_dir

    key = hashlib.sha256(po + f"{name}:{CACHE_FORMAT}".encode()).hexdigest()[:32]
    cached = cache_dir().parent / f"catalogues-{CACHE_FORMAT}" / f"{name}-{key}.mo"
    try:
        return cached.read_bytes()
    except OSError:
        pass
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalogue = read_po(io.BytesIO(po), locale=name.split("_")[0], domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalogue, use_fuzzy=False)
    data = buffer.getvalue()
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=cached.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, cached)
    except OSError:
        pass  # a cache that cannot be written only costs time
    return data


@lru_cache(maxsize=16)
def _translations(name: str) -> gettext.GNUTranslations:
    """Return catalogue ``name`` compiled (see `_compiled`) and loaded (cached)."""
    source = resources.files(__package__) / "catalogues" / f"{name}.po"
    return gettext.GNUTranslations(io.BytesIO(_compiled(source.read_bytes(), name)))


@lru_cache(maxsize=16)
def _locale(tag: str) -> Locale:
    """Return Babel's CLDR locale for ``tag``, falling back to the language alone."""
    for name in _candidates(tag):
        try:
            return Locale.parse(name)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse("en_GB")


def has_cldr_data(tag: str) -> bool:
    """Return True when CLDR (through Babel) knows the language of ``tag``."""
    try:
        Locale.parse(_candidates(tag)[-1])
    except (UnknownLocaleError, ValueError):
        return False
    return True


_BEFORE_VOWEL = re.compile(r"\b(a|na|gyda|â)\(c\)\s+(?=[AEIOUWYÂÊÎÔÛŴŶaeiouwyâêîôûŵŷ])")
_BEFORE_CONSONANT = re.compile(r"\b(a|na|gyda|â)\(c\)(?=\s)")


def _welsh_and(text: str) -> str:
    """Return a CLDR Welsh list with its "a(c)" resolved: "ac" before a vowel, else "a".

    Names after "a" are left unmutated, as Welsh usage allows for personal names.
    """
    text = _BEFORE_VOWEL.sub(lambda m: m.group(1) + "c ", text)
    return _BEFORE_CONSONANT.sub(lambda m: m.group(1), text)


@dataclass(frozen=True)
class Words:
    """make-deck's own words for one language, and CLDR's formats for it.

    ``tag`` is the BCP 47 tag the words are written in (``cy-GB``; ``en-GB`` when
    the outline's language, ``requested``, has no catalogue): every run of text
    made from these words is tagged with it. Create one with `words_for`.
    """

    tag: str
    requested: str
    catalogue: str
    _gettext: gettext.GNUTranslations = field(repr=False, compare=False)

    @property
    def fallback(self) -> bool:
        """Return True when the requested language has no catalogue (English is used)."""
        return catalogue_for(self.requested) is None

    @property
    def marked(self) -> bool:
        """Return True when the words are in another language than the outline's text, so
        each is marked with its own (see `generator.markup.in_language`)."""
        return self.tag != self.requested

    def _mark(self, text: str) -> str:
        """Return ``text`` (all make-deck's own words) marked when `marked`."""
        return in_language(text, self.tag) + back_to_document("") if self.marked else text

    def _fill(self, template: str, values: dict[str, object]) -> str:
        """Return ``template`` filled in; when `marked`, only its own words carry the
        words' language, and the values stay in the outline's."""
        if not self.marked:
            return template.format(**values) if values else template
        out = []
        for literal, name, spec, _conversion in string.Formatter().parse(template):
            if literal:
                out.append(in_language(literal, self.tag))
            if name is not None:
                out.append(back_to_document(format(values[name], spec or "")))
        return "".join(out) + back_to_document("")

    @property
    def locale(self) -> Locale:
        """Return the CLDR locale the words' dates, times and lists are written in."""
        return _locale(self.tag)

    def __call__(self, message: str, /, **values: object) -> str:
        """Return ``message`` (the English text, its msgid) translated, ``{name}``s filled."""
        return self._fill(self._gettext.gettext(message), values)

    def plural(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        """Return the form of a message for ``count`` by the language's plural rules;
        ``{n}`` is the count."""
        return self._fill(self._gettext.ngettext(singular, plural, count),
                          {"n": count, **values})

    def date(self, day: dt.date, weekday: bool = False) -> str:
        """Return a date written out: "10 Rhagfyr 2026" ("Dydd Iau, 10 Rhagfyr 2026")."""
        return self._mark(format_date(day, "full" if weekday else "long", locale=self.locale))

    def time(self, clock: str) -> str:
        """Return an "HH:MM" clock time in the language's short time format."""
        hours, minutes = (int(x) for x in clock.split(":"))
        return self._mark(format_time(dt.time(hours, minutes), "short", locale=self.locale))

    def minutes(self, count: int, length: str = "long") -> str:
        """Return a number of minutes in words: "30 munud", "2 funud", "1 minute"."""
        return self._mark(format_unit(count, "duration-minute", length, locale=self.locale))

    def duration(self, minutes: int) -> str:
        """Return a length of time in hours and minutes: "1 awr 10 munud", "45 minutes"."""
        hours, rest = divmod(minutes, 60)
        spoken = format_unit(hours, "duration-hour", "long", locale=self.locale)
        parts = format_unit(rest, "duration-minute", "long", locale=self.locale)
        if hours and rest:
            parts = self._gettext.gettext("{hours} {minutes}").format(hours=spoken,
                                                                       minutes=parts)
        elif hours:
            parts = spoken
        return self._mark(parts)

    def names(self, names: Iterable[str]) -> str:
        """Return names as a list in the language: "Siân Ŵyn a Gareth Evans"."""
        items = [n for n in names if n]
        if not items:
            return ""
        text = format_list(items, locale=self.locale)
        return self._mark(_welsh_and(text) if self.locale.language == "cy" else text)

    def ordinal(self, number: int) -> str:
        """Return an ordinal by CLDR's ordinal category: "1st", "2il", "3ydd"."""
        category = self.locale.ordinal_form(number)
        return self._mark(self._gettext.pgettext("ordinal", category).format(n=number))


@lru_cache(maxsize=16)
def words_for(tag: str) -> Words:
    """Return make-deck's words for language ``tag``; English (`FALLBACK`) when there is
    no catalogue for it (`Words.fallback` then says so)."""
    name = catalogue_for(tag)
    if name is None:
        return Words(FALLBACK, tag, "en", _translations("en"))
    return Words(tag, tag, name, _translations(name))


@dataclass(frozen=True)
class Together(Words):
    """make-deck's own words in both languages of a bilingual workshop, first language
    first: each returns a `generator.markup.pair` of the two languages' words. A value
    filled in that is itself a pair gives each language its own half."""

    first: Words | None = None
    second: Words | None = None

    def _pair(self, make: Callable[[Words, int], str]) -> str:
        first, second = self.first, self.second
        assert first is not None and second is not None
        return pair(make(first, 0), first.tag, make(second, 1), second.tag)

    @staticmethod
    def _half(value: object, index: int) -> object:
        """Return one language's half of a value (the value itself when not a pair)."""
        if isinstance(value, str):
            found = halves(value)
            if found is not None:
                return found[index][1]
        return value

    def _values(self, values: dict[str, object], index: int) -> dict[str, object]:
        return {k: self._half(v, index) for k, v in values.items()}

    def __call__(self, message: str, /, **values: object) -> str:
        """Return ``message`` in both languages, first language first."""
        return self._pair(lambda w, i: w(message, **self._values(values, i)))

    def plural(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        """Return the form for ``count`` in each language, by each language's rules."""
        return self._pair(lambda w, i: w.plural(singular, plural, count,
                                                **self._values(values, i)))

    def date(self, day: dt.date, weekday: bool = False) -> str:
        """Return a date written out in both languages."""
        return self._pair(lambda w, i: w.date(day, weekday))

    def time(self, clock: str) -> str:
        """Return a clock time in both languages' formats (once when they agree)."""
        return self._pair(lambda w, i: w.time(clock))

    def minutes(self, count: int, length: str = "long") -> str:
        """Return a number of minutes in both languages."""
        return self._pair(lambda w, i: w.minutes(count, length))

    def duration(self, minutes: int) -> str:
        """Return a length of time in both languages."""
        return self._pair(lambda w, i: w.duration(minutes))

    def names(self, names: Iterable[str]) -> str:
        """Return a list of names in both languages ("a" in Welsh, "and" in English)."""
        items = list(names)
        return self._pair(lambda w, i: w.names(str(self._half(n, i)) for n in items))

    def ordinal(self, number: int) -> str:
        """Return an ordinal in both languages."""
        return self._pair(lambda w, i: w.ordinal(number))


def together(first: str, second: str) -> Together:
    """Return make-deck's words for a bilingual workshop in ``first`` and ``second``."""
    one, two = words_for(first), words_for(second)
    return Together(one.tag, one.requested, one.catalogue, one._gettext, one, two)
