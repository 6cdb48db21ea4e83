"""make-deck's own words: complete catalogues, CLDR formats, plural rules, fallback."""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources

import pytest
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from generator.markup import parse_inline, strip_marks
from generator.words import catalogue_for, catalogue_names, words_for


def _catalogue(name: str):
    path = resources.files("generator.words") / "catalogues" / f"{name}.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=name)


def _fields(text: str) -> set[str]:
    return set(re.findall(r"\{(\w*)\}", text))


def test_english_and_welsh_catalogues_exist():
    assert {"en", "cy"} <= set(catalogue_names())


@pytest.mark.parametrize("name", ["cy"])
def test_every_english_message_is_translated_with_the_same_fields(name: str):
    english = _catalogue("en")
    other = _catalogue(name)
    for message in english:
        if not message.id:
            continue
        found = other.get(message.id, context=message.context)
        assert found is not None, f"{name}.po lacks {message.id!r}"
        forms = found.string if isinstance(found.string, tuple) else (found.string,)
        assert all(forms), f"{name}.po leaves {message.id!r} untranslated"
        wanted = _fields(message.id[0] if isinstance(message.id, tuple) else message.id)
        for form in forms:
            assert _fields(form) <= wanted | {"n"}, (message.id, form)


@pytest.mark.parametrize("name", ["en", "cy"])
def test_plural_forms_are_cldrs(name: str):
    catalogue = _catalogue(name)
    rule = get_plural(name)
    assert catalogue.num_plurals == rule.num_plurals
    assert catalogue.plural_expr.replace(" ", "") == rule.plural_expr.replace(" ", "")


def test_welsh_words_dates_durations_and_lists():
    cy = words_for("cy-GB")
    assert cy.tag == "cy-GB" and not cy.fallback
    assert cy("Agenda") == "Rhaglen"
    assert cy("Page {page} of {pages}", page=3, pages=8) == "Tudalen 3 o 8"
    assert cy.duration(70) == "1 awr 10 munud"
    assert cy.duration(2) == "2 funud"  # CLDR's soft mutation after "dau"
    assert cy.names(["Siân Ŵyn", "Gareth Evans"]) == "Siân Ŵyn a Gareth Evans"
    assert cy.names(["Siân", "Eleri"]) == "Siân ac Eleri"
    assert cy.date(dt.date(2026, 12, 10), weekday=True) == "Dydd Iau, 10 Rhagfyr 2026"
    assert cy.date(dt.date(2026, 12, 10)) == "10 Rhagfyr 2026"
    assert cy.time("10:45") == "10:45"


def test_welsh_plurals_follow_welsh_rules():
    cy = words_for("cy")
    counts = {n: cy.plural("{n} activity", "{n} activities", n) for n in (1, 2, 3, 6, 11)}
    assert counts == {1: "1 gweithgaredd", 2: "2 weithgaredd", 3: "3 gweithgaredd",
                      6: "6 gweithgaredd", 11: "11 gweithgaredd"}
    assert cy.plural("Facilitator", "Facilitators", 1) == "Hwylusydd"
    assert cy.plural("Facilitator", "Facilitators", 2) == "Hwyluswyr"


def test_ordinals_by_cldr_category():
    assert [words_for("cy").ordinal(n) for n in (1, 2, 3, 5)] == ["1af", "2il", "3ydd", "5ed"]
    assert [words_for("en-GB").ordinal(n) for n in (1, 2, 3, 4, 11)] == [
        "1st", "2nd", "3rd", "4th", "11th"]


def test_a_language_without_a_catalogue_gets_english_tagged_english():
    words = words_for("fr-FR")
    assert words.fallback
    assert words.tag == "en-GB" and words.requested == "fr-FR"
    assert strip_marks(words("Agenda")) == "Agenda"
    assert strip_marks(words.duration(70)) == "1 hour 10 minutes"
    spans = parse_inline(words("Outcome: {outcome}", outcome="Une **idée**"))
    assert [(s.text, s.lang) for s in spans] == [
        ("Outcome: ", "en-GB"), ("Une ", None), ("idée", None)]
    assert {s.lang for s in parse_inline(words.date(dt.date(2026, 12, 10)))} == {"en-GB"}


def test_words_in_the_outlines_language_are_not_marked():
    cy = words_for("cy-GB")
    assert cy("Outcome: {outcome}", outcome="Syniad") == "Canlyniad: Syniad"
    assert not cy.marked


def test_catalogue_lookup_goes_from_the_full_tag_to_the_language():
    assert catalogue_for("cy-GB") == "cy"
    assert catalogue_for("CY") == "cy"
    assert catalogue_for("en-US") == "en"
    assert catalogue_for("ga-IE") is None


def _asked_for() -> set[str | tuple[str, str]]:
    """Return every message the code asks for: string literals passed to a `Words`
    (``words("...")``, ``plan.words("...")``, ``words.plural("...", "...", n)``)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "generator"
    found: set[str | tuple[str, str]] = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            literal = [a.value for a in node.args[:2]
                       if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if name == "words" and literal:
                found.add(literal[0])
            elif name == "plural" and len(literal) == 2:
                found.add((literal[0], literal[1]))
    from generator.writers.handout.pages import NEXT_STEPS_PROMPTS

    found.update(NEXT_STEPS_PROMPTS)
    return found


def test_every_message_the_code_asks_for_is_in_the_catalogues():
    asked = _asked_for()
    assert len(asked) > 60
    for name in ("en", "cy"):
        catalogue = _catalogue(name)
        missing = sorted(str(m) for m in asked
                         if catalogue.get(m[0] if isinstance(m, tuple) else m) is None)
        assert missing == [], f"{name}.po lacks {missing}"


CATALOGUE_PROBE = """
import sys
from generator.words import words_for
print(words_for("cy-GB")("Agenda"), "babel.messages.pofile" in sys.modules)
"""


def test_a_compiled_catalogue_is_kept_so_later_runs_skip_the_po_reader(tmp_path):
    """The first run compiles the .po with Babel's reader; later ones load the kept .mo."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "MAKE_DECK_CACHE": str(tmp_path), "PYTHONPATH": str(root)}

    def probe() -> list[str]:
        return subprocess.run([sys.executable, "-c", CATALOGUE_PROBE], capture_output=True,
                              text=True, env=env, cwd=root, timeout=120,
                              check=True).stdout.split()

    first, second = probe(), probe()
    assert first == ["Rhaglen", "True"]
    assert second == ["Rhaglen", "False"]
    assert list(tmp_path.rglob("catalogues-*/cy-*.mo"))
