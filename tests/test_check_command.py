"""`make-deck check`: problems grouped by slide, the JSON report, and exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import run

from generator.checks.report import JSON_KEYS, format_by_slide, group_by_slide
from generator.diagnostics import Diagnostic, Position, Severity

EXIT_OK, EXIT_OUTLINE, EXIT_USAGE = 0, 1, 2

WARNINGS = """\
title: Checks
language: en-UK
sections:
  - title: Part one
    minutes: 5
    slides:
      - title: Many points
        minutes: 4
        bullets: [One, Two, Three, Four, Five, Six, Seven, Eight, Nine]
      - title: Many points
        minutes: 4
        bullets: [One]
"""
"""An outline with warnings only: two without a slide (language, time), two on slides."""

ERRORS = """\
title: Checks
sections:
  - title: Part one
    slides:
      - title: Patching
        image: images/patch-cadence.png
        alt: patch-cadence.png
      - title: Waits
        table:
          header: [Process, " "]
          rows:
            - [Code, Weeks]
"""


# -- human output ----------------------------------------------------------------------


def test_default_outline_is_clean(repo_root: Path, capsys) -> None:
    code, out, err = run(["check", str(repo_root / "outline.yaml")], capsys)
    assert (code, err) == (EXIT_OK, "")
    assert re.fullmatch(r".*outline\.yaml: OK, \d+ slides", out.strip())


def test_problems_are_grouped_by_slide(tmp_outline, capsys) -> None:
    path = tmp_outline(WARNINGS)
    code, out, err = run(["check", str(path)], capsys)
    assert code == EXIT_OK
    assert out.strip() == f"{path}: OK, 7 slides"
    blocks = err.strip().split("\n\n")
    # problems without a slide first, then one block per slide, then the counts
    assert blocks[0].startswith(f"{path}:2:11: warning[A11Y-LANGUAGE]: ")
    assert f"{path}:5:14: warning[W-TIME-OVER]: " in blocks[0]
    assert blocks[1].splitlines()[0] == "Slide 4 · Many points"
    assert blocks[1].splitlines()[1].startswith(f"{path}:9:9: warning[DENSITY-BULLETS]: ")
    assert blocks[2].splitlines()[0] == "Slide 6 · Many points (2)"
    assert blocks[2].splitlines()[1].startswith(f"{path}:10:16: warning[A11Y-TITLE-DUPLICATE]")
    assert blocks[-1] == "0 error(s), 4 warning(s)"
    assert "(slide " not in err  # the header says which slide


def test_errors_are_grouped_by_slide_too(tmp_outline, capsys) -> None:
    path = tmp_outline(ERRORS)
    code, out, err = run(["check", str(path)], capsys)
    assert (code, out) == (EXIT_OUTLINE, "")
    headers = [line for line in err.splitlines() if line.startswith("Slide ")]
    assert headers == ["Slide 4 · Patching", "Slide 5 · Waits"]
    assert f"{path}:7:14: error[A11Y-ALT-FILENAME]" in err
    assert f"{path}:10:29: error[A11Y-TABLE-HEADER-EMPTY]" in err
    assert err.rstrip().endswith("2 error(s), 0 warning(s)")


def test_outline_errors_have_no_slide_groups(tmp_outline, capsys) -> None:
    path = tmp_outline("title: Broken\nsections:\n  - title: [unclosed\n")
    code, out, err = run(["check", str(path)], capsys)
    assert (code, out) == (EXIT_OUTLINE, "")
    assert "error[E-YAML-SYNTAX]" in err and "Slide " not in err


def test_strict_fails_on_warnings(tmp_outline, capsys) -> None:
    path = tmp_outline(WARNINGS)
    code, out, err = run(["check", str(path), "--strict"], capsys)
    assert (code, out) == (EXIT_OUTLINE, "")
    assert "error[DENSITY-BULLETS]" in err
    assert err.rstrip().endswith("4 error(s), 0 warning(s)")


def test_format_by_slide_without_titles() -> None:
    here = Position("o.yaml", 3, 1)
    report = format_by_slide([Diagnostic("X", "on a slide", Severity.WARNING, here, slide=2)],
                             None)
    assert report.splitlines()[0] == "Slide 2"


def test_group_by_slide_orders_groups() -> None:
    def at(line: int, slide: int | None) -> Diagnostic:
        return Diagnostic("X", "m", Severity.WARNING, Position("o.yaml", line, 1), slide=slide)

    groups = group_by_slide([at(9, 3), at(8, None), at(2, 12), at(1, 3)])
    assert [(n, [d.position.line for d in g]) for n, g in groups] == [
        (None, [8]), (3, [1, 9]), (12, [2])]


# -- JSON ------------------------------------------------------------------------------


def test_json_shape(tmp_outline, capsys) -> None:
    path = tmp_outline(WARNINGS)
    code, out, err = run(["check", str(path), "--format", "json"], capsys)
    assert (code, err) == (EXIT_OK, "")
    records = json.loads(out)
    assert isinstance(records, list) and len(records) == 4
    for record in records:
        assert tuple(record) == JSON_KEYS
        assert record["file"] == str(path)
        assert isinstance(record["line"], int) and isinstance(record["column"], int)
        assert record["severity"] in ("error", "warning")
    assert [(r["code"], r["line"], r["column"], r["slide"]) for r in records] == [
        ("A11Y-LANGUAGE", 2, 11, None),
        ("W-TIME-OVER", 5, 14, None),
        ("DENSITY-BULLETS", 9, 9, 4),
        ("A11Y-TITLE-DUPLICATE", 10, 16, 6),
    ]
    duplicate = records[3]
    assert duplicate["hint"] and "slide 4" in duplicate["message"]


def test_json_is_stable(tmp_outline, capsys) -> None:
    path = tmp_outline(WARNINGS)
    first = run(["check", str(path), "--format", "json"], capsys)
    second = run(["check", str(path), "--format", "json"], capsys)
    assert first == second
    assert first[1].isascii()


def test_json_errors_and_strict(tmp_outline, capsys) -> None:
    path = tmp_outline(WARNINGS)
    code, out, _ = run(["check", str(path), "--format", "json", "--strict"], capsys)
    assert code == EXIT_OUTLINE
    assert {r["severity"] for r in json.loads(out)} == {"error"}
    path = tmp_outline(ERRORS, name="errors.yaml")
    code, out, err = run(["check", str(path), "--format", "json"], capsys)
    assert (code, err) == (EXIT_OUTLINE, "")
    assert [(r["code"], r["severity"], r["slide"]) for r in json.loads(out)] == [
        ("A11Y-ALT-FILENAME", "error", 4), ("A11Y-TABLE-HEADER-EMPTY", "error", 5)]


def test_json_outline_errors(tmp_outline, capsys) -> None:
    path = tmp_outline("title: Broken\nsections:\n  - title: [unclosed\n")
    code, out, err = run(["check", str(path), "--format", "json"], capsys)
    assert (code, err) == (EXIT_OUTLINE, "")
    (record,) = json.loads(out)
    assert tuple(record) == JSON_KEYS
    assert (record["code"], record["file"], record["slide"]) == ("E-YAML-SYNTAX", str(path), None)
    assert isinstance(record["line"], int)


def test_json_missing_outline(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nope.yaml"
    code, out, _ = run(["check", str(missing), "--format", "json"], capsys)
    assert code == EXIT_OUTLINE
    assert json.loads(out) == [{
        "code": "E-FILE-MISSING", "severity": "error", "message": f"no outline at {missing}",
        "file": str(missing), "line": None, "column": None, "slide": None,
        "hint": "check the path, or run `make-deck init` to write a starter outline",
    }]


def test_json_clean_outline_is_an_empty_list(repo_root: Path, capsys) -> None:
    code, out, err = run(["check", str(repo_root / "outline.yaml"), "--format", "json"],
                         capsys)
    assert (code, json.loads(out), err) == (EXIT_OK, [], "")


def test_json_alone_on_stdout_of_a_real_process(tmp_outline) -> None:
    path = tmp_outline(WARNINGS)
    done = subprocess.run([sys.executable, "-m", "generator", "check", str(path),
                           "--format", "json"], capture_output=True, text=True, check=False)
    assert done.returncode == EXIT_OK
    assert json.loads(done.stdout)[0]["code"] == "A11Y-LANGUAGE"
    assert done.stderr == ""


# -- usage -----------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [["check", "outline.yaml", "--format", "xml"], ["check"],
                                  ["check", "outline.yaml", "--bogus"]])
def test_usage_errors_exit_2(argv: list[str], capsys) -> None:
    code, out, _ = run(argv, capsys)
    assert code == EXIT_USAGE
    assert out == ""


LONG_WORDS = "a change programme for every team in the service "


@pytest.mark.parametrize("top", [
    f"title: {(LONG_WORDS * 6).strip()}\n",
    f"title: Long subtitle\nsubtitle: {(LONG_WORDS * 6)[:275].strip()}\n",
    "title: Many facilitators\nfacilitators: ["
    + ", ".join(f"Facilitator Number {n} of the Regional Delivery Team" for n in range(10))
    + "]\n",
    f"title: Long source\nsource: {(LONG_WORDS * 7).strip()}\n",
], ids=["title", "subtitle", "facilitators", "source"])
def test_what_check_calls_ok_builds(top, tmp_path, capsys):
    from pptx import Presentation

    outline = tmp_path / "outline.yaml"
    outline.write_text(top + "sections:\n  - title: Part\n    minutes: 10\n    slides:\n"
                       "      - title: A slide\n        bullets: [A point]\n", "utf-8")
    code, _, err = run(["check", str(outline)], capsys)
    assert code == EXIT_OK, err
    code, _out, err = run([str(outline)], capsys)
    assert code == EXIT_OK, err
    assert "internal error" not in err
    deck = tmp_path / "output" / "outline.pptx"
    props = Presentation(str(deck)).core_properties
    for value in (props.title, props.subject, props.author, props.comments):
        assert len(value) <= 255
    long_one = max((props.title, props.subject, props.author, props.comments), key=len)
    assert long_one.endswith("…") and len(long_one) > 200
    assert (tmp_path / "output" / "outline-guide.pdf").is_file()
