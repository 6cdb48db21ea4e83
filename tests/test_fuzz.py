"""Fuzzing the whole pipeline: generated and mutated outlines either build or fail
with make-deck's own error (positioned diagnostics), never with anything else: what
`make-deck check` calls OK (`prepare` passes) always writes all three outputs.

CI runs a bounded number of examples. For a longer local run:
    MAKE_DECK_FUZZ_EXAMPLES=2000 python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import prepare, write_prepared
from generator.diagnostics import MakeDeckError
from generator.options import BuildOptions

EXAMPLES = int(os.environ.get("MAKE_DECK_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1, max_size=60,
).filter(lambda s: s.strip() != "")
words = st.lists(st.sampled_from(
    ["change", "pace", "**bold**", "*italic*", "https://www.gov.uk/x", "Ŵales", "£5", "–",
     "co-create", "procurement", "Llanfairpwllgwyngyll", "a" * 40,
     "a long run of words " * 14]),
    min_size=1, max_size=14).map(" ".join)
bullets = st.recursive(st.lists(words, min_size=1, max_size=6),
                       lambda inner: st.lists(st.one_of(words, st.dictionaries(
                           words, inner, min_size=1, max_size=1)), min_size=1, max_size=5),
                       max_leaves=12)
slide = st.one_of(
    st.fixed_dictionaries({"title": words, "bullets": bullets},
                          optional={"notes": words, "minutes": st.integers(0, 30)}),
    st.fixed_dictionaries({"quote": words}, optional={"by": words}),
    st.fixed_dictionaries({"statement": words}),
    st.fixed_dictionaries({"title": words, "columns": st.lists(
        st.fixed_dictionaries({"heading": words, "bullets": st.lists(words, max_size=4)}),
        min_size=2, max_size=3)}),
    st.fixed_dictionaries({"title": words, "table": st.integers(1, 5).flatmap(
        lambda n: st.fixed_dictionaries({
            "header": st.lists(words, min_size=n, max_size=n),
            "rows": st.lists(st.lists(words, min_size=n, max_size=n), min_size=1, max_size=6),
        }))}),
    st.fixed_dictionaries({"activity": st.fixed_dictionaries(
        {"title": words, "minutes": st.integers(1, 60)},
        optional={"steps": st.lists(words, max_size=6), "prompts": st.lists(words, max_size=4),
                  "format": words, "materials": st.lists(words, max_size=3),
                  "write_in": st.integers(0, 8), "outcome": words})}),
)
part = st.one_of(
    st.fixed_dictionaries({"title": words, "slides": st.lists(slide, max_size=5)},
                          optional={"minutes": st.integers(0, 90), "summary": words}),
    st.fixed_dictionaries({"break": words, "minutes": st.integers(5, 30)}),
)
outline = st.fixed_dictionaries(
    {"title": words, "sections": st.lists(part, min_size=1, max_size=4)},
    optional={"subtitle": words, "event": words, "organisation": words,
              "start": st.sampled_from(["09:30", "13:00", "23:50"]),
              "facilitators": st.lists(words, max_size=10), "source": words,
              "agenda": st.booleans(), "section_slides": st.booleans(),
              "handout": st.fixed_dictionaries({}, optional={
                  "slides_per_page": st.sampled_from([0, 1, 2, 3, 4, 6])})},
)


def _pipeline(tmp_path: Path, source: str) -> None:
    """Run reader, plan, layout and every writer on ``source``; raise only our error."""
    path = tmp_path / "outline.yaml"
    path.write_text(source, encoding="utf-8")
    try:
        prepared = prepare(path, BuildOptions())
    except MakeDeckError as exc:
        assert exc.diagnostics, "an outline error must say what is wrong"
        return
    written = write_prepared(prepared, BuildOptions(output_dir=tmp_path / "out"),
                             parallel=False).written
    assert len(written) >= 3 and all(p.stat().st_size > 0 for p in written)


@FUZZ
@given(data=outline)
def test_generated_outlines_build_or_fail_cleanly(tmp_path_factory, data):
    _pipeline(tmp_path_factory.mktemp("gen"), yaml.safe_dump(data, allow_unicode=True))


def _mutations(value: object) -> st.SearchStrategy:
    """Return strategies that break ``value`` in the ways people and files do."""
    junk = st.one_of(st.integers(-5, 10**6), st.floats(allow_nan=True), st.booleans(),
                     st.none(), text, st.lists(text, max_size=3),
                     st.dictionaries(text, text, max_size=2))
    return junk


@FUZZ
@given(data=outline, choice=st.data())
def test_mutated_outlines_fail_cleanly(tmp_path_factory, data, choice):
    """Replace, delete or deepen one value anywhere in a valid outline."""
    paths: list[tuple] = []

    def walk(node: object, path: tuple) -> None:
        paths.append(path)
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, (*path, key))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, (*path, index))

    walk(data, ())
    target = choice.draw(st.sampled_from(paths[1:]))
    action = choice.draw(st.sampled_from(["replace", "delete", "deepen", "rename"]))
    parent = data
    for step in target[:-1]:
        parent = parent[step]
    last = target[-1]
    if action == "replace":
        parent[last] = choice.draw(_mutations(parent[last]))
    elif action == "delete":
        del parent[last]
    elif action == "deepen":
        value = parent[last]
        for _ in range(choice.draw(st.integers(1, 60))):
            value = [value]
        parent[last] = value
    elif isinstance(parent, dict):
        parent[str(last) + choice.draw(st.sampled_from(["s", "_", "x"]))] = parent.pop(last)
    _pipeline(tmp_path_factory.mktemp("mut"), yaml.safe_dump(data, allow_unicode=True))


@FUZZ
@given(source=st.text(max_size=400))
def test_random_text_fails_cleanly(tmp_path_factory, source):
    _pipeline(tmp_path_factory.mktemp("txt"), source)
