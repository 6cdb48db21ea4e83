"""The registry of problem codes: every code used is declared once and documented."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from generator.diagnostics import Severity
from generator.problems import DOCS, TABLE_ANCHOR, Problem

ROOT = Path(__file__).resolve().parents[1]
CODE = re.compile(r"(?:E|W|A11Y|DENSITY|FIT)(?:-[A-Z][A-Z0-9]+)+")
"""What a problem code looks like (``E-A`` and other one-letter test codes do not)."""


def _python_files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _code_literals(path: Path) -> list[tuple[int, str]]:
    """Return each string constant in ``path`` that is exactly a problem code."""
    tree = ast.parse(path.read_text("utf-8"))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and CODE.fullmatch(node.value)]


def _documented(text: str) -> set[str]:
    return set(re.findall(rf"`({CODE.pattern})`", text))


def _table_rows() -> dict[str, tuple[str, str]]:
    """Return docs/checks.md's table of every code: code -> (severity, meaning)."""
    text = (ROOT / DOCS).read_text("utf-8")
    section = text[text.index("## Problem codes"):]
    rows = {}
    for line in section.splitlines():
        found = re.match(rf"\| (?:\[)?`({CODE.pattern})`(?:\]\(#[\w-]+\))? \| (\w+) \| (.+) \|$",
                         line)
        if found:
            rows[found[1]] = (found[2], found[3])
    return rows


def test_names_follow_the_codes() -> None:
    for problem in Problem:
        assert problem.name == problem.value.replace("-", "_")
        assert CODE.fullmatch(problem.value), problem
        assert problem.summary and not problem.summary.endswith(".")


def test_a_prefix_is_the_default_severity_and_checks_have_none() -> None:
    for problem in Problem:
        if problem.value.startswith("E-"):
            assert (problem.severity, problem.check) == (Severity.ERROR, False), problem
        elif problem.value.startswith("W-"):
            assert (problem.severity, problem.check) == (Severity.WARNING, False), problem
        else:
            assert problem.check, problem


def test_a_misspelt_code_fails() -> None:
    with pytest.raises(AttributeError):
        _ = Problem.E_YAML_SYNTX  # type: ignore[attr-defined]
    with pytest.raises(ValueError):
        Problem("E-YAML-SYNTX")


@pytest.mark.parametrize("path", _python_files("generator"), ids=lambda p: p.name)
def test_the_code_names_codes_only_through_the_registry(path: Path) -> None:
    if path.name == "problems.py":
        return
    assert _code_literals(path) == [], f"{path}: use generator.problems.Problem"
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id == "Problem" and not node.attr.startswith("_")):
            assert node.attr in Problem.__members__ or hasattr(Problem, node.attr), (
                f"{path}:{node.lineno}: Problem.{node.attr} is not registered")


def test_every_code_in_tests_exists() -> None:
    unknown = [f"{path.relative_to(ROOT)}:{line}: {code}"
               for path in _python_files("tests") if path.name != "test_problems.py"
               for line, code in _code_literals(path) if code not in set(Problem)]
    assert unknown == []


def test_the_docs_table_lists_every_code_with_its_severity() -> None:
    rows = _table_rows()
    assert list(rows) == [p.value for p in Problem]
    for problem in Problem:
        severity, meaning = rows[problem.value]
        assert severity == problem.severity.value, problem
        assert meaning.lower().startswith(problem.summary.lower()[:20]), problem


@pytest.mark.parametrize("doc", [DOCS, "docs/outline-format.md", "README.md",
                                 "docs/templates.md", "docs/first-outline.md"])
def test_the_docs_name_no_code_that_does_not_exist(doc: str) -> None:
    path = ROOT / doc
    if not path.exists():
        pytest.skip(f"no {doc}")
    assert _documented(path.read_text("utf-8")) - set(Problem) == set()


def test_every_anchor_is_a_section_of_the_docs() -> None:
    text = (ROOT / DOCS).read_text("utf-8")
    assert "## Problem codes" in text and TABLE_ANCHOR == "problem-codes"
    for problem in Problem:
        if problem.check:
            assert f"### `{problem.value}`" in text, problem
            assert problem.anchor == problem.value.lower()
        assert problem.docs.startswith(DOCS + "#")


def _severity_given(call: ast.Call) -> str | None:
    """Return the ``Severity`` member a `Diagnostic(...)` call names ("ERROR" when it
    names none), or None when the severity is computed."""
    given = call.args[2] if len(call.args) > 2 else next(
        (k.value for k in call.keywords if k.arg == "severity"), None)
    if given is None:
        return "ERROR"
    if isinstance(given, ast.Attribute) and getattr(given.value, "id", "") == "Severity":
        return given.attr
    return None


def test_each_problem_is_reported_at_its_registered_severity() -> None:
    seen = set()
    for path in _python_files("generator"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Diagnostic"
                    and node.args and isinstance(node.args[0], ast.Attribute)
                    and getattr(node.args[0].value, "id", "") == "Problem"):
                continue
            problem = Problem[node.args[0].attr]
            given = _severity_given(node)
            if given is not None:
                assert Severity[given] is problem.severity, f"{path.name}:{node.lineno}"
                seen.add(problem)
    assert len(seen) > 30  # the scan found the reports
