"""A bilingual outline (Welsh first, then English) using every slide kind and an
activity builds `together` and `separate`: every run and PDF text element carries the
tag of the language its words are in, Welsh comes first, the two are the same size."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation

from generator.build import build
from generator.options import BuildOptions
from tests.words.outputs import deck_runs, deck_text, html_runs, html_text, pdf_elements, pdf_text

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "bilingual.yaml"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _build(folder: Path, settings: str | None) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    text = FIXTURE.read_text("utf-8")
    if settings:
        text += f"bilingual: {settings}\n"
    (folder / "outline.yaml").write_text(text, "utf-8")
    (folder / "images").mkdir(exist_ok=True)
    Image.new("RGB", (40, 30), (200, 80, 40)).save(folder / "images" / "workshop-room.png")
    result = build(folder / "outline.yaml", BuildOptions(output_dir=folder / "out"))
    assert not [d for d in result.diagnostics if d.severity == "error"]
    return {p.name: p for p in result.written}


@pytest.fixture(scope="module")
def together(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _build(tmp_path_factory.mktemp("together"), None)


@pytest.fixture(scope="module")
def separate(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _build(tmp_path_factory.mktemp("separate"),
                  "{deck: separate, handout: separate, guide: separate}")


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text)}


@pytest.fixture(scope="module")
def vocabulary(separate: dict[str, Path]) -> dict[str, set[str]]:
    """Each language's words, read from the separate outputs; the words both share
    (names, places) are left out, since they may be tagged either way."""
    found = {}
    for tag, part in (("cy-GB", "cy"), ("en-GB", "en")):
        found[tag] = _words(deck_text(separate[f"outline.{part}.pptx"])
                            + pdf_text(separate[f"outline-handout.{part}.pdf"])
                            + pdf_text(separate[f"outline-guide.{part}.pdf"])
                            + html_text(separate[f"outline.{part}.html"])
                            + html_text(separate[f"outline-guide.{part}.html"]))
    shared = found["cy-GB"] & found["en-GB"]
    return {tag: words - shared for tag, words in found.items()}


def test_separate_writes_one_file_per_language(separate):
    assert sorted(separate) == [
        "outline-guide.cy.html", "outline-guide.cy.pdf", "outline-guide.en.html",
        "outline-guide.en.pdf", "outline-handout.cy.pdf", "outline-handout.en.pdf",
        "outline.cy.html", "outline.cy.pptx", "outline.en.html", "outline.en.pptx"]
    for name, path in separate.items():
        tag = "cy-GB" if ".cy." in name else "en-GB"
        if name.endswith(".html"):  # the pages follow the handout's and the guide's mode
            assert f'<html lang="{tag}"' in path.read_text(encoding="utf-8"), name
        elif name.endswith(".pptx"):
            assert {lang for _w, lang, _t in deck_runs(path)} == {tag}, name
            assert Presentation(str(path)).core_properties.language == tag
        else:
            assert {lang for _r, lang, _t in pdf_elements(path)} == {tag}, name


def test_the_manifest_covers_every_language_s_files(separate):
    from generator.outputs import read_manifest

    folder = next(iter(separate.values())).parent
    assert set(separate) <= set(read_manifest(folder))


def test_a_batch_builds_the_separate_files_too(tmp_path, capsys):
    from tests.cli_runner import run

    text = FIXTURE.read_text("utf-8") + "bilingual: {deck: separate}\n"
    for name in ("one", "two"):
        folder = tmp_path / name
        (folder / "images").mkdir(parents=True)
        Image.new("RGB", (40, 30)).save(folder / "images" / "workshop-room.png")
        (folder / "outline.yaml").write_text(text.replace("Change at pace", name), "utf-8")
    code, _out, _err = run(["build", str(tmp_path / "one" / "outline.yaml"),
                            str(tmp_path / "two" / "outline.yaml"), "--only", "deck"], capsys)
    assert code == 0
    for name in ("one", "two"):
        built = sorted(p.name for p in (tmp_path / name / "output").glob("*.pptx"))
        assert built == ["outline.cy.pptx", "outline.en.pptx"]


def test_each_separate_file_is_wholly_in_its_language(separate, vocabulary):
    for name, path in separate.items():
        text = (deck_text(path) if name.endswith(".pptx") else html_text(path)
                if name.endswith(".html") else pdf_text(path))
        other = vocabulary["en-GB" if ".cy." in name else "cy-GB"]
        assert not (_words(text) & other), name


def _check_tags(items: list[tuple[str, str | None, str]], vocabulary: dict[str, set[str]]):
    tagged = {"cy-GB": 0, "en-GB": 0}
    for where, lang, text in items:
        words = _words(text)
        assert lang in vocabulary, (where, lang, text)
        other = vocabulary["en-GB" if lang == "cy-GB" else "cy-GB"]
        assert not (words & other), (where, lang, text)
        tagged[lang] += bool(words & vocabulary[lang])
    assert tagged["cy-GB"] > 20 and tagged["en-GB"] > 20, tagged


def test_every_run_of_the_together_deck_is_tagged_with_its_language(together, vocabulary):
    _check_tags(list(deck_runs(together["outline.pptx"])), vocabulary)


@pytest.mark.parametrize("name", ["outline-handout.pdf", "outline-guide.pdf"])
def test_every_text_element_of_the_together_pdfs_is_tagged(together, vocabulary, name):
    _check_tags(list(pdf_elements(together[name])), vocabulary)


@pytest.mark.parametrize("name", ["outline.html", "outline-guide.html"])
def test_every_text_of_the_together_pages_is_tagged(together, vocabulary, name):
    runs = [(where, lang, text) for where, lang, text in html_runs(together[name])
            if "@" not in where and where != "title"]  # these cannot mark languages
    _check_tags(runs, vocabulary)


@pytest.mark.parametrize("name", ["outline.html", "outline-guide.html"])
def test_the_together_pages_give_welsh_first_each_in_its_own_span(together, name):
    html = together[name].read_text("utf-8")
    assert '<h2 id="agenda-h"><span lang="cy-GB">Rhaglen</span><br>' \
           '<span lang="en-GB">Agenda</span></h2>' in html or name.endswith("guide.html")
    assert '<span lang="cy-GB">Taflen amseru</span><br><span lang="en-GB">Run sheet</span>' \
        in html or not name.endswith("guide.html")
    pairs = re.findall(r'<span lang="(cy-GB|en-GB)">[^<]*</span><br><span lang="([a-zA-Z-]+)">',
                       html)
    assert len(pairs) > 20 and set(pairs) == {("cy-GB", "en-GB")}, pairs[:5]


def test_welsh_first_and_both_the_same_size_on_every_slide(together):
    prs = Presentation(str(together["outline.pptx"]))
    pairs = 0
    for slide in prs.slides:
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            for paragraph in shape.text_frame._txBody.iter(f"{A}p"):
                runs = [(r.find(f"{A}rPr").get("lang"), r.find(f"{A}rPr").get("sz"),
                         r.find(f"{A}rPr").get("b")) for r in paragraph.iter(f"{A}r")
                        if (r.findtext(f"{A}t") or "").strip()]
                langs = [lang for lang, _sz, _b in runs]
                if {"cy-GB", "en-GB"} <= set(langs):
                    pairs += 1
                    assert langs.index("cy-GB") < langs.index("en-GB")
                    assert len({sz for _l, sz, _b in runs}) == 1, runs
    assert pairs > 25


def test_make_decks_words_are_in_both_languages(together):
    deck = deck_text(together["outline.pptx"])
    for welsh, english in (("Rhaglen", "Agenda"), ("Diolch", "Thank you"),
                           ("(parhad)", "(cont.)"), ("Meddyliwch am", "Think about"),
                           ("Yn ôl am 10:30", "Back at 10:30"), ("Beth i’w wneud", "What to do"),
                           ("Bydd angen arnoch:", "You need:"), ("Coffi (egwyl)", "Coffee break")):
        assert welsh in deck and english in deck
        assert deck.index(welsh) < deck.index(english)
    handout = pdf_text(together["outline-handout.pdf"])
    assert "Taflen i gyfranogwyr" in handout and "Participant handout" in handout
    assert "Dydd Iau, 10 Rhagfyr 2026" in handout and "Thursday, 10 December 2026" in handout


def test_notes_are_in_both_languages(together):
    prs = Presentation(str(together["outline.pptx"]))
    notes = [s.notes_slide.notes_text_frame.text for s in prs.slides if s.has_notes_slide]
    joined = "\n".join(notes)
    assert "Gofynnwch i’r ystafell" in joined and "Ask the room" in joined
    assert joined.index("Gofynnwch") < joined.index("Ask the room")


def test_the_documented_example_checks_clean(capsys):
    from tests.cli_runner import run

    example = Path(__file__).resolve().parents[1] / "docs" / "bilingual-example.yaml"
    code, out, err = run(["check", str(example)], capsys)
    assert (code, err) == (0, "")
    assert "OK, 15 slides" in out


def test_libreoffice_draws_no_text_of_the_together_deck_outside_its_box(together, soffice):
    from tests.roundtrip import characters_outside, to_pdf

    deck = together["outline.pptx"]
    checked, outside = characters_outside(deck, to_pdf(soffice, deck))
    assert checked > 1000
    assert outside == []
