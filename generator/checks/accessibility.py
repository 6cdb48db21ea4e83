"""Accessibility checks on the outline and the laid-out deck (WCAG 2.2 AA).

Each function takes what it needs (the `Where` index of the outline, the laid-out
deck, the theme) and returns `Diagnostic` findings with stable ``A11Y-*`` codes.
Nothing here reads or writes files. What the deck writer guarantees by
construction (every title in a title placeholder, the title first in reading
order, a language on every run) is tested on the written XML instead.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from generator.checks.where import Where, texts
from generator.diagnostics import Diagnostic, Severity
from generator.layout.frames import TableFrame, TextFrame
from generator.layout.slides import DeckLayout
from generator.look.theme import Theme
from generator.markup import parse_inline, plain_text
from generator.model import ImageSlide, TableSlide
from generator.problems import Problem

ALT_MAX_CHARS = 250
"""Alt text longer than this is better split: a short alt and the detail in notes."""

LINK_MAX_CHARS = 60
"""A link address on a slide longer than this is hard to read out or type."""

MIN_TEXT_PT = 18.0
"""No text on a projected slide should be smaller than this, whatever the theme says."""

_GENERIC_ALT = frozenset({
    "alt", "alt text", "chart", "diagram", "figure", "graph", "graphic", "icon", "image",
    "img", "logo", "photo", "photograph", "pic", "picture", "placeholder", "screenshot",
    "tbc", "tbd", "todo",
})
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".svg", ".webp",
                   ".emf", ".wmf", ".heic")
_CAMERA_NAME = re.compile(r"^(img|dsc|dscn|pxl|dcim|screenshot|image)[-_ ]?\d", re.IGNORECASE)

_LINK_MARKERS = frozenset({"here", "click", "link", "more", "tap"})
_LINK_FILLER = frozenset({
    "a", "and", "are", "at", "can", "details", "find", "follow", "for", "go", "info",
    "information", "is", "it", "of", "on", "or", "out", "page", "please", "read", "see",
    "site", "that", "the", "this", "to", "visit", "web", "website", "you",
})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")
_OFF_SLIDE_KEYS = frozenset({"notes", "handout", "summary", "materials", "outcome"})


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ISO_639_1 = _codes("""
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv
cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr
ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw
ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv
ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr
ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi
yo za zh zu
""")
"""Two-letter language codes (ISO 639-1), the primary subtags BCP 47 uses when one exists."""

_ISO_3166_1 = _codes("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS
GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
VN VU WF WS XK YE YT ZA ZM ZW
""")
"""Region codes (ISO 3166-1 alpha-2, and XK); three-digit UN M.49 regions are also valid."""

_LONG_LANGUAGE_CODES = {
    "ara": "ar", "ben": "bn", "chi": "zh", "cym": "cy", "deu": "de", "eng": "en", "fra": "fr",
    "fre": "fr", "ger": "de", "gla": "gd", "gle": "ga", "guj": "gu", "hin": "hi", "ita": "it",
    "pan": "pa", "pol": "pl", "por": "pt", "ron": "ro", "rum": "ro", "rus": "ru", "som": "so",
    "spa": "es", "tur": "tr", "urd": "ur", "wel": "cy", "zho": "zh",
}
"""Three-letter codes that BCP 47 writes with two letters (it wants the shortest code)."""


def _normal(text: str) -> str:
    return " ".join(plain_text(text).split()).casefold()


# -- titles ------------------------------------------------------------------------


def check_titles(where: Where) -> list[Diagnostic]:
    """Return A11Y-TITLE-MISSING for blank titles and A11Y-TITLE-DUPLICATE for repeats.

    Screen-reader users move through a deck by its slide titles, so each must be
    there and say which slide this is (WCAG 2.4.2, 2.4.6). Continuation slides
    ("(cont.)") are told apart by construction and not reported.
    """
    found: list[Diagnostic] = []
    first: dict[str, int] = {}
    for index, planned in where.planned():
        key = _normal(planned.title)
        path = where.title_path(index)
        position = where.position(path) if path is not None else planned.position
        if not key:
            found.append(Diagnostic(
                Problem.A11Y_TITLE_MISSING, "this slide has no title text",
                Severity.ERROR, position, slide=where.number(index),
                hint="write a short `title:` that says what the slide is about",
            ))
            continue
        if key in first:
            earlier = where.plan.slides[first[key]]
            earlier_path = where.title_path(first[key])
            earlier_position = where.position(earlier_path) if earlier_path else earlier.position
            found.append(Diagnostic(
                Problem.A11Y_TITLE_DUPLICATE,
                f"the title “{plain_text(planned.title)}” is also the title of slide "
                f"{where.number(first[key]) or '?'}",
                Severity.WARNING, position, slide=where.number(index),
                related=(earlier_position,) if earlier_position else (),
                hint="give each slide its own title; the deck would add “(2)” to tell "
                "them apart, which says nothing to someone navigating by titles",
            ))
        else:
            first[key] = index
    return found


# -- pictures ----------------------------------------------------------------------


def _looks_like_file_name(alt: str, image: str) -> bool:
    text = alt.strip().casefold()
    path = PurePosixPath(image.replace("\\", "/"))
    names = {image.casefold(), path.name.casefold(), path.stem.casefold()}
    return (text in names or text.endswith(_IMAGE_SUFFIXES)
            or bool(_CAMERA_NAME.match(text)))


def check_pictures(where: Where) -> list[Diagnostic]:
    """Return alt-text problems of every picture that is not marked decorative.

    A11Y-ALT-MISSING (blank or generic alt), A11Y-ALT-FILENAME (the alt is a file
    name) and A11Y-ALT-LONG (over `ALT_MAX_CHARS`); WCAG 1.1.1.
    """
    found: list[Diagnostic] = []
    for index, planned in where.planned():
        slide = planned.slide
        base = where.slide_path(index)
        if not isinstance(slide, ImageSlide) or slide.decorative or base is None:
            continue
        alt = plain_text(slide.alt or "").strip()
        path = (*base, "alt") if where.exact((*base, "alt")) else base
        position = where.position(path)
        number = where.number(index)
        if not alt or alt.casefold().strip(".:!") in _GENERIC_ALT:
            found.append(Diagnostic(
                Problem.A11Y_ALT_MISSING,
                "the picture's alt text is empty" if not alt else
                f"the alt text “{alt}” does not say what the picture shows",
                Severity.ERROR, position, slide=number,
                hint="describe what the picture shows and why it is there, in a sentence; "
                "or set `decorative: true` if it adds nothing",
            ))
        elif _looks_like_file_name(alt, slide.image):
            found.append(Diagnostic(
                Problem.A11Y_ALT_FILENAME, f"the alt text “{alt}” is a file name",
                Severity.ERROR, position, slide=number,
                hint="screen readers read the alt text aloud; describe what the picture "
                "shows instead",
            ))
        elif len(alt) > ALT_MAX_CHARS:
            found.append(Diagnostic(
                Problem.A11Y_ALT_LONG,
                f"the alt text is {len(alt)} characters long (more than {ALT_MAX_CHARS})",
                Severity.WARNING, position, slide=number,
                hint="keep the alt text to the point; put the detail in the notes, the "
                "caption or the handout",
            ))
    return found


# -- tables ------------------------------------------------------------------------


def check_tables(where: Where) -> list[Diagnostic]:
    """Return A11Y-TABLE-HEADER (no header row) and A11Y-TABLE-HEADER-EMPTY (blank cell).

    A header row lets screen readers announce the column of each cell
    (WCAG 1.3.1); an empty header cell leaves that column unnamed.
    """
    found: list[Diagnostic] = []
    for index, planned in where.planned():
        slide = planned.slide
        base = where.slide_path(index)
        if not isinstance(slide, TableSlide) or base is None:
            continue
        number = where.number(index)
        header = slide.table.header
        if header is None:
            found.append(Diagnostic(
                Problem.A11Y_TABLE_HEADER, "this table has no header row",
                Severity.WARNING, where.position((*base, "table"), key=True), slide=number,
                hint="add `header: [...]` under `table:` naming each column",
            ))
            continue
        for column, cell in enumerate(header):
            if not plain_text(cell).strip():
                found.append(Diagnostic(
                    Problem.A11Y_TABLE_HEADER_EMPTY,
                    f"header cell {column + 1} of this table is empty",
                    Severity.ERROR, where.position((*base, "table", "header", column)),
                    slide=number, hint="name every column in `header:`",
                ))
    return found


# -- links -------------------------------------------------------------------------


def vague_link_context(text: str) -> str | None:
    """Return the words around a link in ``text`` when they do not say where it goes.

    Links in an outline are bare ``https://`` addresses; the words beside one (in
    the same sentence) are what tells a reader what it is. "Click here:
    https://..." or "More: https://..." does not; "The Service Manual:
    https://..." does. Returns None when every link is fine.
    """
    for sentence in _SENTENCE_END.split(text):
        spans = parse_inline(sentence)
        if not any(span.href for span in spans):
            continue
        context = " ".join(span.text for span in spans if not span.href)
        words = set(re.findall(r"[\w’']+", context.casefold()))
        if words and _LINK_MARKERS & words and words <= _LINK_MARKERS | _LINK_FILLER:
            return " ".join(context.split()).strip(" :–—-.,")
    return None


def check_links(where: Where) -> list[Diagnostic]:
    """Return A11Y-LINK-TEXT (vague words around a link) and A11Y-LINK-LONG findings.

    WCAG 2.4.4: the purpose of a link must be clear from its text and context.
    A bare address is an acceptable link text when it is short; on a slide,
    one longer than `LINK_MAX_CHARS` is hard to read out and to type.
    """
    found: list[Diagnostic] = []
    workshop = where.plan.workshop
    for text, path in texts(workshop, (), where.sources):
        spans = [s for s in parse_inline(text) if s.href]
        if not spans:
            continue
        number = where.number(where.plan_index_of(path))
        vague = vague_link_context(text)
        if vague is not None:
            found.append(Diagnostic(
                Problem.A11Y_LINK_TEXT,
                f"“{vague}” does not say where the link goes",
                Severity.WARNING, where.find(path, vague.split()[0]), slide=number,
                hint="name the page instead, e.g. “The Service Manual: https://...”",
            ))
        if _OFF_SLIDE_KEYS & {p for p in path if isinstance(p, str)}:
            continue
        for span in spans:
            if len(span.text) > LINK_MAX_CHARS:
                found.append(Diagnostic(
                    Problem.A11Y_LINK_LONG,
                    f"this link's address is {len(span.text)} characters long "
                    f"(more than {LINK_MAX_CHARS}); it is read out character by character",
                    Severity.WARNING, where.find(path, span.text), slide=number,
                    hint="link to a shorter address (a landing page), or put the full "
                    "address in the handout and name the page on the slide",
                ))
    return found


# -- language ----------------------------------------------------------------------


def language_problem(tag: str) -> tuple[str, str] | None:
    """Return (message, hint) when ``tag`` is not a language tag screen readers know."""
    parts = tag.split("-")
    primary = parts[0].lower()
    if len(primary) == 2 and primary not in _ISO_639_1:
        return (f"`{primary}` in `{tag}` is not a language code",
                "use a two-letter code such as en, cy or gd, e.g. en-GB")
    if primary in _LONG_LANGUAGE_CODES:
        short = _LONG_LANGUAGE_CODES[primary]
        return (f"`{primary}` in `{tag}` should be written `{short}`",
                f"BCP 47 uses the two-letter code: write `{short}` instead of `{primary}`")
    for part in parts[1:]:
        if len(part) == 2 and part.upper() not in _ISO_3166_1:
            better = "GB" if part.upper() == "UK" else None
            return (f"`{part}` in `{tag}` is not a region code",
                    f"the United Kingdom is `GB`: write `{primary}-GB`" if better else
                    "use a two-letter country code such as GB or IE")
    return None


def check_language(where: Where) -> list[Diagnostic]:
    """Return A11Y-LANGUAGE when the outline's `language` is not a known tag.

    The deck marks every run of text with this language (WCAG 3.1.1) and screen
    readers choose their voice from it; an unknown tag means the wrong voice.
    An outline without `language` is en-GB, which is stated in the deck.
    """
    tag = where.plan.workshop.language
    problem = language_problem(tag)
    if problem is None:
        return []
    message, hint = problem
    return [Diagnostic(Problem.A11Y_LANGUAGE, message, Severity.WARNING,
                       where.position(("language",)), hint=hint)]


# -- text size ---------------------------------------------------------------------


def check_text_size(deck: DeckLayout, theme: Theme, where: Where) -> list[Diagnostic]:
    """Return A11Y-TEXT-SMALL for text set below the smallest readable size.

    The limit is the theme's `size_floor`, and never less than `MIN_TEXT_PT` on a
    7.5 in tall slide (scaled with the slide's height: a 5.625 in slide is shown
    just as large, so its text may be set smaller). Body text and titles shrunk
    below the theme's minimum (but not below this floor) are reported by the layout
    as W-FIT-SMALL, so nothing is reported twice.
    """
    scale = deck.size[1] / 540.0
    floor = max(theme.size_floor, round(MIN_TEXT_PT * scale, 1))
    found: list[Diagnostic] = []
    for slide in deck.slides:
        for frame in slide.frames:
            if isinstance(frame, TextFrame):
                size, slot = frame.text.size, frame.slot
            elif isinstance(frame, TableFrame):
                size = min(cell.size for row in frame.cells for cell in row)
                slot = "table"
            else:
                continue
            if size < floor:
                found.append(Diagnostic(
                    Problem.A11Y_TEXT_SMALL,
                    f"the {slot} text is {size:g} pt, smaller than {floor:g} pt",
                    Severity.WARNING, where.frame_position(slide, slot), slide=slide.number,
                    hint="shorten the text, or use a theme whose sizes stay at "
                    f"{floor:g} pt or more",
                ))
    return found
