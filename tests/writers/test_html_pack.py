"""The HTML participant pack and guide, read back as HTML (the browser tests are in
test_html_browser.py): what they hold, what they never hold, and that they stand alone."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import build, prepare
from generator.markup import plain_text
from generator.model import Activity
from generator.options import BuildOptions
from generator.writers.html.pack import render_page
from generator.writers.html.spaces import worksheet_prompts

from . import DEFAULT_OUTLINE

HTML_ONLY = BuildOptions(outputs=("html", "guide-html"))
MOMENT = dt.datetime(2026, 12, 3)

WELSH = """\
title: Newid ar gyflymder
subtitle: Cadw i fyny a chyd-greu
date: 2026-12-03
start: "09:30"
venue: Tŷ Hywel, Caerdydd
facilitators: [Alex Example]
language: cy-GB
sections:
  - title: Pam newid nawr
    minutes: 30
    summary: Rydym yn gosod y cefndir.
    slides:
      - title: Mae amser yn brin
        bullets: [Dod o hyd i'r hyn sy'n arafu'r system, Tri lle i edrych]
        notes: Gofynnwch i'r ystafell.
      - activity:
          title: Beth sy'n ein arafu?
          minutes: 15
          steps: [Mae pawb yn rhestru tri oedi.]
          prompts: [Ble mae gwaith yn aros hiraf?]
          outcome: Un oedi i bob bwrdd
  - break: Coffi
    minutes: 15
  - title: Diwedd
    minutes: 10
    slides:
      - statement: Diolch am ddod.
"""


class _Outline(HTMLParser):
    """Collects the headings, tags with attributes and text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(html: str) -> _Outline:
    page = _Outline()
    page.feed(html)
    return page


def visible(html: str) -> str:
    """Return a page's text without its tags, entities decoded."""
    return unescape(re.sub(r"<[^>]+>", "", html))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("html")
    result = build(DEFAULT_OUTLINE, BuildOptions(outputs=("html", "guide-html"), output_dir=out))
    assert [p.name for p in result.written] == ["change-at-pace.html",
                                                 "change-at-pace-guide.html"]
    return {p.name: p.read_text("utf-8") for p in result.written}


def test_the_default_build_writes_the_html_pack_and_guide(tmp_path):
    result = build(DEFAULT_OUTLINE, BuildOptions(output_dir=tmp_path))
    names = [p.name for p in result.written]
    assert "change-at-pace.html" in names and "change-at-pace-guide.html" in names
    only = build(DEFAULT_OUTLINE, BuildOptions(outputs=("html",), output_dir=tmp_path / "only"))
    assert [p.name for p in only.written] == ["change-at-pace.html"]


def test_the_pack_stands_alone_and_asks_nothing_of_the_network(pages):
    for html in pages.values():
        page = parsed(html)
        for tag, attrs in page.tags:
            assert tag not in {"link", "iframe", "object", "embed", "base"}, tag
            if tag in {"img", "script", "source", "audio", "video"}:
                assert (attrs.get("src") or "data:").startswith("data:"), attrs
        assert "url(" not in html.split("</style>")[0].replace("url(#", "")
        assert "@import" not in html and "@font-face" not in html
        assert "default-src 'none'" in html  # the page's own policy forbids requests too
    pack = parsed(pages["change-at-pace.html"])
    pictures = [a for t, a in pack.tags if t == "img"]
    assert pictures and all(a["src"].startswith("data:image/png;base64,") for a in pictures)


def test_one_h1_and_no_skipped_heading_levels(pages):
    for name, html in pages.items():
        levels = parsed(html).headings
        assert levels.count(1) == 1, name
        assert levels[0] == 1, name
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, (name, before, after)


def test_the_pack_holds_the_handout_content_never_the_notes(pages):
    pack, guide = pages["change-at-pace.html"], pages["change-at-pace-guide.html"]
    prepared = prepare(DEFAULT_OUTLINE, HTML_ONLY)
    workshop = prepared.plan.workshop
    text = " ".join(parsed(pack).text)
    assert "09:30–09:55" in text  # the agenda with clock times
    section = workshop.sections[0]
    assert section.summary.split()[0] in text
    slides = [s for s in section.slides if getattr(s, "notes", None)]
    note = slides[0].notes.split("\n")[0].strip()
    assert note not in pack and "Speaker notes" not in pack
    assert note in guide and "Speaker notes" in guide
    outcomes = [s.activity.outcome for p in workshop.sections for s in getattr(p, "slides", ())
                if hasattr(s, "activity") and s.activity.outcome]
    pack_text, guide_text = visible(pack), visible(guide)
    assert outcomes and not any(plain_text(o) in pack_text for o in outcomes)
    assert all(plain_text(o) in guide_text for o in outcomes)


def test_tables_have_header_cells_and_pictures_say_what_they_show(pages):
    page = parsed(pages["change-at-pace.html"])
    headers = [a for t, a in page.tags if t == "th"]
    assert headers and all(a.get("scope") in {"col", "row"} for a in headers)
    for tag, attrs in page.tags:
        if tag == "img":
            assert "alt" in attrs  # alt text, or alt="" for a decorative picture


def test_worksheets_are_forms_with_a_labelled_field_per_prompt(pages):
    page = parsed(pages["change-at-pace.html"])
    ids = {a["id"] for t, a in page.tags if t == "textarea"}
    labelled = {a["for"] for t, a in page.tags if t == "label"}
    assert ids and ids <= labelled
    assert any(t == "form" for t, _ in page.tags)
    assert 'data-answers-key="make-deck:change-at-pace:2026-12-03:' in pages[
        "change-at-pace.html"]


def test_rebuilds_are_byte_identical(tmp_path):
    first = build(DEFAULT_OUTLINE, BuildOptions(outputs=("html",), output_dir=tmp_path / "a"))
    second = build(DEFAULT_OUTLINE, BuildOptions(outputs=("html",), output_dir=tmp_path / "b"))
    assert first.written[0].read_bytes() == second.written[0].read_bytes()


def test_the_page_language_and_make_decks_own_words_in_it(tmp_outline):
    outline = tmp_outline(WELSH)
    prepared = prepare(outline, HTML_ONLY)
    html = render_page(prepared.pack(MOMENT), stem="outline")
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"cy-GB\"")
    assert '<h2 id="agenda-h">Rhaglen</h2>' in html  # Welsh words, the page's language
    assert "<h1 class=\"title\">Newid ar gyflymder</h1>" in html
    assert "<time datetime=\"2026-12-03\">Dydd Iau, 3 Rhagfyr 2026, 09:30 i 10:25</time>" in html
    assert ' lang="en' not in html
    english = build(DEFAULT_OUTLINE, HTML_ONLY).written[0].read_text("utf-8")
    assert ' lang="en' not in english.split("\n", 2)[2]  # only the page's own


def test_a_language_without_words_gets_english_words_tagged_english(tmp_outline):
    outline = tmp_outline(WELSH.replace("language: cy-GB", "language: ga-IE"))
    prepared = prepare(outline, HTML_ONLY)
    html = render_page(prepared.pack(MOMENT), stem="outline")
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"ga-IE\"")
    assert '<h2 id="agenda-h"><span lang="en-GB">Agenda</span></h2>' in html
    assert 'data-confirm="Clear every answer you typed in this pack?"' in html
    assert "<h1 class=\"title\">Newid ar gyflymder</h1>" in html


def test_prompts_get_the_space_they_ask_for():
    activity = Activity.model_validate({"title": "A", "minutes": 5, "write_in": 5, "prompts": [
        "Where does work wait?",
        {"prompt": "Score your team", "scale": ["Cautious", "Bold"], "points": 7},
        {"prompt": "Plot", "grid": ["Impact", "Time"]},
        {"prompt": "Map", "timeline": ["Request", "Live"]},
        {"prompt": "Sort", "table": ["Contract", "Why"], "rows": 3},
    ]})
    prompts = worksheet_prompts(activity)
    spaces = [p.space for p in prompts]
    assert [p.text for p in prompts][:2] == ["Where does work wait?", "Score your team"]
    assert [s.kind for s in spaces] == ["lines", "scale", "grid", "timeline", "table"]
    assert spaces[0].lines == 5 and spaces[1].points == 7 and spaces[4].rows == 3
    assert spaces[2].labels == ("Impact", "Time")


def test_the_default_outlines_worksheets_have_their_controls(pages):
    page = parsed(pages["change-at-pace.html"])
    radios = [a for t, a in page.tags if t == "input" and a.get("type") == "radio"]
    assert radios and all(a.get("id") and a.get("name") for a in radios)
    assert any(t == "select" and a.get("data-axis") == "x" for t, a in page.tags)
    assert any(t == "fieldset" and "timeline" in (a.get("class") or "") for t, a in page.tags)
    assert any(t == "table" and "answer-table" in (a.get("class") or "") for t, a in page.tags)


def test_colours_and_type_come_from_the_theme(tmp_outline):
    outline = tmp_outline("title: T\ntheme: high-contrast\nsections:\n  - title: S\n"
                          "    minutes: 5\n    slides:\n      - title: A\n        bullets: [b]\n")
    prepared = prepare(outline, HTML_ONLY)
    html = render_page(prepared.pack(MOMENT), stem="t")
    palette = prepared.look.palette  # the documents' colours, each at the look's contrast
    assert f"--text: #{palette.text};" in html
    assert f"--heading: #{palette.heading};" in html
    assert f"--header-fill: #{palette.table_header};" in html
    assert f'--font: "{prepared.look.theme.font_family}"' in html


def test_written_files_are_utf8_html(pages, tmp_path):
    for html in pages.values():
        assert html.startswith("<!DOCTYPE html>")
        assert '<meta charset="utf-8">' in html
    assert Path(tmp_path).exists()
