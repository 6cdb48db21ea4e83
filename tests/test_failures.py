"""One mapping from a failed build to its message and exit code, shared by a build,
a batch and a watch."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import run

from generator.batch import build_one
from generator.diagnostics import Diagnostic, MakeDeckError, Position, Severity
from generator.failures import ASK_FOR_DETAILS, NOTHING_WRITTEN, ExitCode, describe_failure
from generator.options import BuildOptions
from generator.outputs import EditedOutputError
from generator.problems import Problem
from generator.watch import Rebuilder

OUTLINE = ("title: Small\nagenda: false\nsections:\n  - title: Part\n    minutes: 5\n"
           "    slides:\n      - title: One\n        bullets: [A point]\n")


def test_exit_codes_are_those_the_readme_gives(repo_root: Path) -> None:
    readme = (repo_root / "README.md").read_text("utf-8")
    table = readme[readme.index("Exit codes, for scripts:"):]
    codes = [int(c) for c in re.findall(r"^\| (\d) \|", table, re.MULTILINE)[:5]]
    assert codes == [code.value for code in ExitCode] == [0, 1, 2, 3, 4]


def test_problems_in_the_outline_exit_1_with_every_problem_shown() -> None:
    problems = [Diagnostic(Problem.E_KEY_UNKNOWN, "unknown key `titel`",
                           position=Position("o.yaml", 2, 3), hint="did you mean `title`?"),
                Diagnostic(Problem.W_TIME_OVER, "too long", Severity.WARNING)]
    failure = describe_failure(MakeDeckError(problems))
    assert failure.exit_code is ExitCode.OUTLINE
    assert failure.summary == "1 error(s) in the outline"
    assert failure.diagnostics == tuple(problems)
    lines = "\n".join(failure.report("title: x\n  titel: y\n", "o.yaml")).splitlines()
    assert lines[:4] == ["o.yaml:2:3: error[E-KEY-UNKNOWN]: unknown key `titel`",
                         "      titel: y", "      ^", "  hint: did you mean `title`?"]
    assert lines[-3:] == ["warning[W-TIME-OVER]: too long", "1 error(s), 1 warning(s)",
                          NOTHING_WRITTEN]


def test_an_output_edited_by_hand_exits_3(tmp_path: Path) -> None:
    failure = describe_failure(EditedOutputError([tmp_path / "talk.pptx"]))
    assert failure.exit_code is ExitCode.EDITED == 3
    assert [d.code for d in failure.diagnostics] == [Problem.E_OUTPUT_EDITED]
    assert str(tmp_path / "talk.pptx") in failure.report()[0]


def test_an_output_folder_not_writable_exits_1_saying_where(tmp_path: Path) -> None:
    failure = describe_failure(PermissionError(13, "Permission denied", str(tmp_path)))
    assert failure.exit_code is ExitCode.OUTLINE and not failure.internal
    (problem,) = failure.diagnostics
    assert problem.code == "E-OUTPUT-WRITE"
    assert problem.message == f"cannot write the outputs ({tmp_path}): Permission denied"
    assert "--out-dir" in (problem.hint or "")
    assert failure.report()[-1] == NOTHING_WRITTEN


def test_anything_else_is_an_internal_error_exiting_4() -> None:
    failure = describe_failure(ZeroDivisionError("division by zero"))
    assert failure.exit_code is ExitCode.INTERNAL and failure.internal
    assert failure.report() == ["internal error: ZeroDivisionError: division by zero",
                                ASK_FOR_DETAILS]


@pytest.fixture
def blocked(tmp_path: Path) -> tuple[Path, Path]:
    """Return an outline and an "output folder" that is a file, so nothing can be written."""
    outline = tmp_path / "talk.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("mine", encoding="utf-8")
    return outline, blocker


def test_build_batch_and_watch_report_a_failure_the_same_way(blocked, capsys) -> None:
    outline, blocker = blocked
    options = BuildOptions(outputs=("deck",), output_dir=blocker)
    code, _, err = run([str(outline), "--only", "deck", "--out-dir", str(blocker)], capsys)
    assert code == ExitCode.OUTLINE
    assert "error[E-OUTPUT-WRITE]: cannot write the outputs" in err and str(blocker) in err
    item = build_one(outline, options)
    assert (item.ok, item.result) == (False, "cannot write the outputs")
    assert len(item.messages) == 1 and "error[E-OUTPUT-WRITE]" in item.messages[0]
    summary = Rebuilder(outline, options).step()
    assert (summary.ok, summary.error) == (False, "cannot write the outputs")
    assert [d.code for d in summary.diagnostics] == ["E-OUTPUT-WRITE"]
    assert blocker.read_text(encoding="utf-8") == "mine"


def test_an_internal_error_shows_a_traceback_only_with_debug(blocked, capsys, monkeypatch):
    outline, _ = blocked

    def broken(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("generator.build.write_prepared", broken)
    argv = [str(outline), "--only", "deck", "--out-dir", str(outline.parent / "out")]
    code, _, err = run(argv, capsys)
    assert code == ExitCode.INTERNAL
    assert err.splitlines() == ["internal error: ZeroDivisionError: division by zero",
                                ASK_FOR_DETAILS]
    with pytest.raises(ZeroDivisionError):
        run([*argv, "--debug"], capsys)
    item = build_one(outline, BuildOptions(outputs=("deck",)))
    assert (item.ok, item.result, item.messages) == (
        False, "internal error: ZeroDivisionError: division by zero", ())
