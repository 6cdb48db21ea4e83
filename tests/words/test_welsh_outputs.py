"""A workshop in Welsh: deck, handout and guide hold no English word of make-deck's,
every run is tagged cy-GB, and dates are written in Welsh."""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from pptx import Presentation

from generator.build import build
from generator.options import BuildOptions
from generator.problems import Problem
from tests.words.outputs import (
    contains_phrase,
    deck_runs,
    deck_text,
    english_words,
    html_runs,
    html_text,
    pdf_elements,
    pdf_text,
)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "welsh.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("welsh")
    outline = folder / "welsh.yaml"
    shutil.copy(FIXTURE, outline)
    (folder / "images").mkdir()
    Image.new("RGB", (40, 30), (200, 80, 40)).save(folder / "images" / "workshop-room.png")
    result = build(outline, BuildOptions(output_dir=folder / "out"))
    assert not [d for d in result.diagnostics
                if d.code in (Problem.W_LANG_PLAIN, Problem.W_LANG_WORDS)]
    paths = {p.name: p for p in result.written}
    return {"deck": paths["welsh.pptx"], "handout": paths["welsh-handout.pdf"],
            "guide": paths["welsh-guide.pdf"], "pack": paths["welsh.html"],
            "guide-html": paths["welsh-guide.html"]}


def _text(built: dict[str, Path], output: str) -> str:
    path = built[output]
    if output == "deck":
        return deck_text(path)
    return html_text(path) if path.suffix == ".html" else pdf_text(path)


def test_the_english_phrases_are_many():
    phrases = english_words()
    assert {"Agenda", "Thank you", "Participant handout", "Run sheet", "Think about",
            "back at", "Back at", "You need", "What to do", "My next steps", "Page",
            "Questions", "Date", "Venue"} <= phrases


@pytest.mark.parametrize("output", ["deck", "handout", "guide", "pack", "guide-html"])
def test_no_english_word_of_make_decks_is_in_a_welsh_output(built, output):
    text = _text(built, output)
    assert len(text) > 500
    found = sorted(p for p in english_words() if contains_phrase(text, p))
    assert found == []


def test_welsh_words_and_dates_are_there(built):
    deck = deck_text(built["deck"])
    for phrase in ("Rhaglen", "Diolch", "Rhan 1 o 2", "40 munud", "Meddyliwch am",
                   "10 Rhagfyr 2026", "Siân Ŵyn a Gareth Evans", "Yn ôl am 10:25"):
        assert phrase in deck, phrase
    handout = pdf_text(built["handout"])
    for phrase in ("Taflen i gyfranogwyr", "Dydd Iau, 10 Rhagfyr 2026", "Tudalen 2 o",
                   "Beth i'w wneud", "Cwestiynau", "Fy nghamau nesaf", "1 awr 15 munud"):
        assert phrase in handout, phrase
    guide = " ".join(pdf_text(built["guide"]).split())
    for phrase in ("Canllaw i hwyluswyr", "Taflen amseru", "Nodiadau'r siaradwr",
                   "Rhestr wirio deunyddiau", "Un aros i bob bwrdd"):
        assert phrase in guide, phrase


@pytest.mark.parametrize("output", ["pack", "guide-html"])
def test_the_welsh_pages_are_wholly_welsh(built, output):
    html = built[output].read_text("utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="cy-GB"')
    assert {lang for _where, lang, _text in html_runs(built[output])} == {"cy-GB"}
    assert "Rhaglen" in html_text(built["pack"]) and "Taflen amseru" in html_text(
        built["guide-html"])
    pack = html_text(built["pack"])
    assert "Neidio i’r prif gynnwys" in pack and "Clirio pob ateb" in pack


def test_every_run_of_the_deck_is_tagged_welsh(built):
    runs = list(deck_runs(built["deck"]))
    assert len(runs) > 60
    assert {lang for _where, lang, _text in runs} == {"cy-GB"}
    assert Presentation(str(built["deck"])).core_properties.language == "cy-GB"


@pytest.mark.parametrize("output", ["handout", "guide"])
def test_every_text_element_of_the_pdfs_is_tagged_welsh(built, output):
    elements = list(pdf_elements(built[output]))
    assert len(elements) > 40
    assert {lang for _role, lang, _text in elements} == {"cy-GB"}
    with pikepdf.open(built[output]) as pdf:
        assert str(pdf.Root.Lang) == "cy-GB"


def test_a_language_without_words_warns_once_and_tags_english_as_english(tmp_path):
    outline = tmp_path / "outline.yaml"
    outline.write_text(FIXTURE.read_text("utf-8").replace("language: cy-GB",
                                                          "language: fr-FR"), "utf-8")
    (tmp_path / "images").mkdir()
    Image.new("RGB", (40, 30)).save(tmp_path / "images" / "workshop-room.png")
    result = build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out"))
    assert [d.code for d in result.diagnostics if d.code == Problem.W_LANG_WORDS] == [
        Problem.W_LANG_WORDS]
    runs = {text.strip(): lang for _where, lang, text in deck_runs(result.written[0])}
    assert runs["Agenda"] == runs["Thank you"] == "en-GB"
    assert runs["Newid ar gyflymder"] == runs["Cadw i fyny"] == "fr-FR"


def test_the_composed_slides_speak_welsh(built):
    deck = deck_text(built["deck"]).replace("\u00a0", " ")  # CLDR units keep a no-break space
    for phrase in ("Gweithgaredd\n · 15 munud", "Beth i’w wneud", "Bydd angen arnoch:",
                   "Coffi (egwyl) · 15 munud", "Siân Ŵyn a Gareth Evans"):
        assert phrase in deck, phrase


def test_a_break_without_clock_times_says_how_long_in_welsh(tmp_path: Path):
    outline = tmp_path / "welsh.yaml"
    outline.write_text(FIXTURE.read_text(encoding="utf-8").replace('start: "09:30"\n', ""),
                       encoding="utf-8")
    (tmp_path / "images").mkdir()
    Image.new("RGB", (40, 30), (200, 80, 40)).save(tmp_path / "images" / "workshop-room.png")
    (deck,) = build(outline, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out")).written
    text = deck_text(deck).replace("\u00a0", " ")
    assert "Yn ôl ymhen 15 munud" in text
    assert not [p for p in english_words() if contains_phrase(text, p)]
