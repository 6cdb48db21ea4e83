"""Commands behave as people expect: a mistyped command is a usage error that writes
nothing, `help` and `version` answer, and help speaks in plain words."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from cli_runner import run

COMMANDS = ("build", "check", "watch", "help", "version")

SHORT = """\
title: Short session
sections:
  - title: Only part
    minutes: 10
    slides:
      - title: A slide
        bullets: [A point]
"""


@pytest.fixture
def outline(tmp_path: Path) -> Path:
    path = tmp_path / "outline.yaml"
    path.write_text(SHORT, encoding="utf-8")
    return path


def test_route_puts_build_first_only_for_outlines(tmp_path):
    from generator.cli_words import UnknownCommand, route

    assert route(["talk.yaml"], COMMANDS) == ["build", "talk.yaml"]
    assert route(["talks/"], COMMANDS) == ["build", "talks/"]
    assert route(["check", "talk.yaml"], COMMANDS) == ["check", "talk.yaml"]
    (tmp_path / "talks").mkdir()
    assert route([str(tmp_path / "talks")], COMMANDS)[0] == "build"
    with pytest.raises(UnknownCommand, match=r"did you mean `make-deck check`\?"):
        route(["chek", "outline.yaml"], COMMANDS)


def test_a_mistyped_command_exits_2_with_did_you_mean_and_writes_nothing(outline, capsys,
                                                                         monkeypatch):
    monkeypatch.chdir(outline.parent)
    code, out, err = run(["chek", "outline.yaml"], capsys)
    assert code == 2
    assert "did you mean `make-deck check`?" in err
    assert "nothing was written" in err
    assert out == ""
    assert sorted(p.name for p in outline.parent.iterdir()) == ["outline.yaml"]


@pytest.mark.parametrize("words", [["version"], ["--version"]])
def test_version(words, capsys):
    code, out, _ = run(words, capsys)
    assert code == 0
    assert re.fullmatch(r"make-deck \d+\.\d+\.\d+\n", out)


@pytest.mark.parametrize("words", [["help"], ["-h"], ["--help"]])
def test_help_lists_the_commands(words, capsys):
    code, out, _ = run(words, capsys)
    assert code == 0
    for command in ("build", "check", "watch", "init", "help", "version"):
        assert re.search(rf"^  {command}\s", out, re.MULTILINE), command


@pytest.mark.parametrize("command", ["build", "check", "watch", "init", "check-template"])
def test_help_has_no_internal_type_names(command, capsys):
    code, out, _ = run([command, "-h"], capsys)
    assert code == 0
    assert "Usage: make-deck" in out
    for internal in ("<list", "<path>", "<int>", "{", "}", "list[", "Path]"):
        assert internal not in out, internal
    code, same, _ = run(["help", command], capsys)
    assert code == 0 and same == out


def test_build_help_names_values_as_the_readme_does(capsys):
    _, out, _ = run(["build", "--help"], capsys)
    assert "Usage: make-deck build [OPTIONS] OUTLINE..." in out
    assert "--only OUTPUT" in out and "--out-dir FOLDER" in out
    assert "--max-outline-size BYTES" in out


def test_an_unknown_report_format_is_a_clean_usage_error(outline, capsys):
    code, out, err = run(["check", str(outline), "--format", "sarif"], capsys)
    assert code == 2
    assert err == "error: --format takes human or json, not 'sarif'\n"
    assert "Value error" not in err and out == ""


def test_check_takes_several_outlines_and_a_folder(outline, tmp_path, capsys):
    other = tmp_path / "other.yaml"
    other.write_text(SHORT.replace("bullets: [A point]", "bulets: [A point]"), "utf-8")
    code, out, err = run(["check", str(outline), str(other)], capsys)
    assert code == 1
    assert f"{outline}: OK, " in out
    assert "unknown key `bulets`" in err and str(other) in err
    code, out, _ = run(["check", str(tmp_path), "--format", "json"], capsys)
    assert code == 1
    records = json.loads(out)
    assert {r["file"] for r in records} == {str(other)}
    assert not (tmp_path / "output").exists()


def test_check_allows_outside_pictures_when_asked(tmp_path, repo_root, capsys):
    shutil.copy(repo_root / "images" / "workshop-room.png", tmp_path / "room.png")
    folder = tmp_path / "talk"
    folder.mkdir()
    path = folder / "outline.yaml"
    path.write_text(SHORT + "      - title: Room\n        image: ../room.png\n"
                    "        decorative: true\n", encoding="utf-8")
    code, _, err = run(["check", str(path)], capsys)
    assert code == 1 and "outside" in err
    code, out, _ = run(["check", str(path), "--allow-outside-images"], capsys)
    assert code == 0, out
    assert f"{path}: OK, " in out


def test_watch_on_an_empty_folder_is_a_usage_error(tmp_path, capsys):
    code, _, err = run(["watch", str(tmp_path)], capsys)
    assert code == 2
    assert "no outlines" in err
