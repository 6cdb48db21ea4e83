"""The command line, in-process and as a real process: exit codes, messages on stderr
and what is (not) written."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from cli_runner import run

from generator.outputs import MANIFEST_NAME

EXIT_OK, EXIT_OUTLINE, EXIT_USAGE, EXIT_EDITED = 0, 1, 2, 3

OVER_BUDGET = """\
title: Short session
sections:
  - title: Too much
    minutes: 5
    slides:
      - title: One thing
        bullets: [A point]
        minutes: 4
      - title: Another
        bullets: [Another point]
        minutes: 4
"""


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


@pytest.fixture
def default_copy(tmp_path: Path, repo_root: Path) -> Path:
    """Return a copy of the default outline (with its pictures) in a temp folder."""
    folder = tmp_path / "workshop"
    folder.mkdir()
    shutil.copy(repo_root / "outline.yaml", folder / "outline.yaml")
    shutil.copytree(repo_root / "images", folder / "images")
    return folder / "outline.yaml"


@pytest.fixture
def misspelt(default_copy: Path) -> tuple[Path, int, int]:
    """Return the default outline with `bullets` misspelt once, and where the typo is."""
    text = default_copy.read_text("utf-8")
    lines = text.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.strip() == "bullets:")
    column = lines[index].index("bullets") + 1
    lines[index] = lines[index].replace("bullets:", "bulets:")
    default_copy.write_text("".join(lines), encoding="utf-8")
    return default_copy, index + 1, column


# ------------------------------------------------------------------ in-process


def test_default_outline_builds_the_deck(repo_root, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    out = tmp_path / "out"
    code, stdout, _ = run([str(repo_root / "outline.yaml"), "--only", "deck",
                           "--out-dir", str(out)], capsys)
    assert code == EXIT_OK
    deck = out / "change-at-pace.pptx"
    assert deck.is_file()
    with zipfile.ZipFile(deck) as package:
        assert package.testzip() is None
        assert "ppt/presentation.xml" in package.namelist()
    assert f"wrote {deck}" in stdout
    assert sorted(p.name for p in files_under(out)) == [MANIFEST_NAME, "change-at-pace.pptx"]


def test_misspelt_key_exits_1_with_position_and_hint_and_writes_nothing(
        misspelt, tmp_path, capsys):
    path, line, column = misspelt
    out = tmp_path / "out"
    code, _, err = run([str(path), "--only", "deck", "--out-dir", str(out)], capsys)
    assert code == EXIT_OUTLINE
    assert f"outline.yaml:{line}:{column}: error[E-KEY-UNKNOWN]" in err
    assert "hint: did you mean `bullets`?" in err
    assert "nothing was written" in err
    assert files_under(out) == []
    assert not (path.parent / "output").exists()


def test_only_html_builds_the_participant_pack_alone(repo_root, tmp_path, capsys):
    out = tmp_path / "out"
    code, stdout, _ = run([str(repo_root / "outline.yaml"), "--only", "html",
                           "--out-dir", str(out)], capsys)
    assert code == EXIT_OK
    assert [p.name for p in files_under(out)] == [".make-deck-manifest.json",
                                                  "change-at-pace.html"]
    assert f"wrote {out / 'change-at-pace.html'}" in stdout


def test_unknown_output_is_a_usage_error(repo_root, tmp_path, capsys):
    out = tmp_path / "out"
    code, _, err = run([str(repo_root / "outline.yaml"), "--only", "bogus",
                        "--out-dir", str(out)], capsys)
    assert code == EXIT_USAGE
    assert "bogus" in err and "deck" in err
    assert files_under(out) == []


def test_missing_outline_file(tmp_path, capsys):
    missing = tmp_path / "nowhere.yaml"
    code, _, err = run([str(missing), "--only", "deck", "--out-dir", str(tmp_path / "o")],
                       capsys)
    assert code == EXIT_OUTLINE
    assert f"no outline at {missing}" in err
    assert files_under(tmp_path) == []


def test_an_output_folder_that_is_a_file_is_a_clear_error(default_copy, tmp_path, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("mine", encoding="utf-8")
    code, _, err = run([str(default_copy), "--only", "deck", "--out-dir", str(blocker)],
                       capsys)
    assert code == EXIT_OUTLINE
    assert "cannot write the outputs" in err and str(blocker) in err
    assert "Traceback" not in err
    assert blocker.read_text(encoding="utf-8") == "mine"


def test_check_passes_the_default_outline_and_writes_nothing(default_copy, capsys):
    before = files_under(default_copy.parent)
    code, stdout, _ = run(["check", str(default_copy)], capsys)
    assert code == EXIT_OK
    assert "OK" in stdout
    assert files_under(default_copy.parent) == before


def test_check_reports_a_misspelt_key(misspelt, capsys):
    path, line, column = misspelt
    code, _, err = run(["check", str(path)], capsys)
    assert code == EXIT_OUTLINE
    assert f"outline.yaml:{line}:{column}: error[E-KEY-UNKNOWN]" in err


def test_over_budget_is_a_warning_and_strict_makes_it_an_error(tmp_outline, tmp_path, capsys):
    path = tmp_outline(OVER_BUDGET)
    code, _, err = run(["check", str(path)], capsys)
    assert code == EXIT_OK
    assert "outline.yaml:4:14: warning[W-TIME-OVER]" in err

    code, _, err = run(["check", "--strict", str(path)], capsys)
    assert code == EXIT_OUTLINE
    assert "outline.yaml:4:14: error[W-TIME-OVER]" in err

    out = tmp_path / "out"
    code, _, err = run([str(path), "--strict", "--only", "deck", "--out-dir", str(out)], capsys)
    assert code == EXIT_OUTLINE
    assert files_under(out) == []

    code, _, err = run([str(path), "--only", "deck", "--out-dir", str(out)], capsys)
    assert code == EXIT_OK
    assert "warning[W-TIME-OVER]" in err
    assert (out / "outline.pptx").is_file()


def test_hand_edited_deck_is_left_alone_unless_forced(tmp_outline, tmp_path, capsys):
    path = tmp_outline(OVER_BUDGET.replace("minutes: 5", "minutes: 8"))
    out = tmp_path / "out"
    argv = [str(path), "--only", "deck", "--out-dir", str(out)]
    assert run(argv, capsys)[0] == EXIT_OK
    deck = out / "outline.pptx"
    deck.write_bytes(deck.read_bytes() + b"edited")
    edited = deck.read_bytes()
    code, _, err = run(argv, capsys)
    assert code == EXIT_EDITED
    assert "E-OUTPUT-EDITED" in err
    assert deck.read_bytes() == edited
    code, stdout, _ = run([*argv, "--force"], capsys)
    assert code == EXIT_OK
    (backup,) = out.glob("outline.edited-*.pptx")
    assert backup.read_bytes() == edited
    assert f"kept the edited file as {backup}" in stdout


# ------------------------------------------------------------------ real processes


def make_deck_script() -> str:
    name = "make-deck.exe" if os.name == "nt" else "make-deck"
    script = Path(sysconfig.get_path("scripts")) / name
    found = str(script) if script.exists() else shutil.which("make-deck")
    assert found, "the make-deck script is not installed (pip install -e .)"
    return found


def process(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120,
                          env=env, check=False)
    assert "Traceback" not in done.stderr
    return done


@pytest.mark.parametrize("launcher", ["module", "script"])
def test_process_misspelt_key(launcher, misspelt, tmp_path):
    path, line, column = misspelt
    command = [sys.executable, "-m", "generator"] if launcher == "module" else [
        make_deck_script()]
    out = tmp_path / "out"
    done = process([*command, "outline.yaml", "--only", "deck", "--out-dir", str(out)],
                   path.parent)
    assert done.returncode == EXIT_OUTLINE
    assert f"outline.yaml:{line}:{column}: error[E-KEY-UNKNOWN]" in done.stderr
    assert "hint: did you mean `bullets`?" in done.stderr
    assert files_under(out) == []


def test_process_check_default_outline(default_copy):
    before = files_under(default_copy.parent)
    done = process([make_deck_script(), "check", "outline.yaml"], default_copy.parent)
    assert done.returncode == EXIT_OK, done.stderr
    assert "OK" in done.stdout
    assert files_under(default_copy.parent) == before


def test_process_usage_error_and_missing_file(tmp_path):
    done = process([sys.executable, "-m", "generator", "x.yaml", "--only", "bogus"], tmp_path)
    assert done.returncode == EXIT_USAGE
    done = process([make_deck_script(), "missing.yaml", "--only", "deck"], tmp_path)
    assert done.returncode == EXIT_OUTLINE
    assert "no outline at missing.yaml" in done.stderr
    assert files_under(tmp_path) == []


def test_process_help_lists_the_commands(tmp_path):
    done = process([make_deck_script(), "--help"], tmp_path)
    assert done.returncode == EXIT_OK
    assert "build" in done.stdout and "check" in done.stdout


def test_process_build_ends_quickly_with_every_line_shown_and_every_file_whole(
        default_copy, tmp_path):
    """The command leaves without tearing the interpreter down: the exit status,
    the printed lines and the written files must all be complete regardless."""
    out = tmp_path / "out"
    done = process([make_deck_script(), "outline.yaml", "--out-dir", str(out)],
                   default_copy.parent)
    assert done.returncode == EXIT_OK, done.stderr
    written = [line.removeprefix("wrote ") for line in done.stdout.splitlines()
               if line.startswith("wrote ")]
    assert sorted(Path(p).name for p in written) == sorted(
        p.name for p in out.iterdir() if not p.name.startswith("."))
    assert len(written) == 5  # the deck, the two PDFs and the two HTML pages
    assert done.stdout.rstrip().endswith("slides")
    for path in written:
        data = Path(path).read_bytes()
        assert (data.endswith(b"%%EOF\n") or data[-22:-18] == b"PK\x05\x06"
                or data.endswith(b"</html>\n"))
