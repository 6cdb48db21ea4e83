"""Bilingual outlines: `languages:`, translation mappings, their problems at line and
column, plain-value warnings, and each language's edition of the workshop."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Severity
from generator.model import BulletsSlide, StatementSlide
from generator.options import BuildOptions
from generator.outline.reader import OutlineSource, load_outline
from tests.cli_runner import run

BILINGUAL = """\
languages: [cy-GB, en-GB]
title:
  cy: Newid ar gyflymder
  en: Change at pace
venue: Tŷ Hywel, Caerdydd
facilitators: [Siân Ŵyn, Gareth Evans]
sections:
  - title: {cy: Cadw i fyny, en: Keeping up}
    minutes: 30
    slides:
      - title: {cy: Mae amser yn brin, en: Time is of the essence}
        bullets:
          - {cy: Dod o hyd i'r hyn sy'n arafu'r system, en: Find what slows the system down}
          - cy: "Tri lle i edrych:"
            en: "Three places to look:"
            bullets:
              - {cy: caffael, en: procurement}
              - {cy-GB: recriwtio, en-GB: hiring}
        notes:
          cy: Gofynnwch i'r ystafell.
          en: Ask the room.
      - statement: {cy: Mae'n rhaid iddo fod y gorau., en: It has to be the best.}
"""


def read(tmp_path: Path, text: str) -> OutlineSource:
    path = tmp_path / "outline.yaml"
    path.write_text(text, encoding="utf-8")
    return load_outline(path, BuildOptions())


def codes(source: OutlineSource) -> list[tuple[str, int, int]]:
    return [(d.code, d.position.line, d.position.column) for d in source.diagnostics
            if d.position is not None]


def test_a_bilingual_outline_gives_one_workshop_per_language(tmp_path: Path):
    source = read(tmp_path, BILINGUAL)
    assert source.diagnostics == ()
    assert source.languages == ("cy-GB", "en-GB")
    cy, en = source.editions["cy-GB"], source.editions["en-GB"]
    assert source.workshop is cy
    assert (cy.language, en.language) == ("cy-GB", "en-GB")
    assert (cy.title, en.title) == ("Newid ar gyflymder", "Change at pace")
    assert cy.venue == en.venue == "Tŷ Hywel, Caerdydd"
    slide_cy, slide_en = cy.sections[0].slides[0], en.sections[0].slides[0]
    assert isinstance(slide_cy, BulletsSlide) and isinstance(slide_en, BulletsSlide)
    assert slide_cy.bullets[1].text == "Tri lle i edrych:"
    assert [b.text for b in slide_cy.bullets[1].children] == ["caffael", "recriwtio"]
    assert [b.text for b in slide_en.bullets[1].children] == ["procurement", "hiring"]
    assert (slide_cy.notes, slide_en.notes) == ("Gofynnwch i'r ystafell.", "Ask the room.")
    statement = en.sections[0].slides[1]
    assert isinstance(statement, StatementSlide)
    assert statement.statement == "It has to be the best."
    assert cy.bilingual.deck == "together"


def test_a_mapping_missing_a_language_is_an_error_at_its_line_and_column(tmp_path: Path):
    text = BILINGUAL.replace("{cy: caffael, en: procurement}", "{cy: caffael}")
    source = read(tmp_path, text)
    assert source.workshop is None
    (problem,) = source.diagnostics
    assert (problem.code, problem.position.line, problem.position.column) == (
        "E-LANG-MISSING", 17, 17)
    assert "`en`" in problem.message and "add `en: ...`" in problem.hint


def test_a_mapping_naming_another_language_is_an_error_at_its_key(tmp_path: Path):
    text = BILINGUAL.replace("en: Keeping up}", "en: Keeping up, fr: Suivre}")
    source = read(tmp_path, text)
    assert codes(source) == [("E-LANG-UNKNOWN", 8, 46)]
    text = BILINGUAL.replace("en: Keeping up}", "eb: Keeping up}")
    source = read(tmp_path, text)
    found = {c for c, _line, _col in codes(source)}
    assert found == {"E-LANG-UNKNOWN", "E-LANG-MISSING"}
    unknown = next(d for d in source.diagnostics if d.code == "E-LANG-UNKNOWN")
    assert unknown.hint == "did you mean `en`?"


def test_plain_values_where_text_is_translated_are_warnings_where_they_are(tmp_path: Path):
    text = BILINGUAL.replace("{cy-GB: recriwtio, en-GB: hiring}", "hiring").replace(
        "      - statement: {cy: Mae'n rhaid iddo fod y gorau., en: It has to be the best.}",
        "      - statement: It has to be the best.")
    source = read(tmp_path, text)
    assert source.workshop is not None
    assert codes(source) == [("W-LANG-PLAIN", 18, 17), ("W-LANG-PLAIN", 22, 20)]
    assert all(d.severity is Severity.WARNING for d in source.diagnostics)


def test_names_places_and_numbers_may_stay_plain(tmp_path: Path):
    source = read(tmp_path, BILINGUAL)
    assert not [d for d in source.diagnostics if d.code == "W-LANG-PLAIN"]


def test_a_translation_without_languages_is_an_error(tmp_path: Path):
    source = read(tmp_path, "title: {cy: Helo, en: Hello}\nsections:\n  - title: S\n")
    assert codes(source)[0] == ("E-LANG-NONE", 1, 8)


def test_languages_must_be_two_different_tags(tmp_path: Path):
    text = BILINGUAL.replace("languages: [cy-GB, en-GB]", "languages: [cy-GB, cy]")
    assert codes(read(tmp_path, text))[0] == ("E-LANG-LIST", 1, 20)
    text = BILINGUAL.replace("languages: [cy-GB, en-GB]", "language: cy-GB\nlanguages: [cy, en]")
    assert codes(read(tmp_path, text))[0][0] == "E-LANG-BOTH"


def test_a_language_without_words_is_one_warning(tmp_path: Path):
    source = read(tmp_path, "title: Bonjour\nlanguage: fr-FR\nsections:\n  - title: S\n"
                  "    slides:\n      - title: A\n        bullets: [B]\n")
    assert codes(source) == [("W-LANG-WORDS", 2, 11)]
    assert "English" in source.diagnostics[0].message


def test_check_exits_1_with_the_line_column_and_hint(tmp_path: Path, capsys):
    path = tmp_path / "outline.yaml"
    path.write_text(BILINGUAL.replace("{cy: caffael, en: procurement}", "{cy: caffael}"),
                    encoding="utf-8")
    code, _out, err = run(["check", str(path)], capsys)
    assert code == 1
    assert f"{path}:17:17: error[E-LANG-MISSING]" in err
    assert "hint: add `en: ...` beside `cy:`" in err
