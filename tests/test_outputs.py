"""Output files are written whole or not at all, and never over a hand edit."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from generator.outputs import (
    MANIFEST_NAME,
    EditedOutputError,
    PlannedOutput,
    backup_name,
    file_digest,
    read_manifest,
    write_outputs,
)

NOW = dt.datetime(2026, 11, 26, 10, 15, 30)


def writing(data: bytes):
    def write(handle) -> None:
        handle.write(data)
    return write


def failing(handle) -> None:
    handle.write(b"half of it")
    raise RuntimeError("the writer broke")


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "out"


def test_first_write_creates_the_folder_files_and_manifest(out):
    deck, guide = out / "deck.pptx", out / "guide.pdf"
    backups = write_outputs([PlannedOutput(deck, writing(b"deck 1")),
                             PlannedOutput(guide, writing(b"guide 1"))], force=False)
    assert backups == []
    assert listing(out).keys() == {"deck.pptx", "guide.pdf", MANIFEST_NAME}
    assert deck.read_bytes() == b"deck 1"
    assert read_manifest(out) == {"deck.pptx": file_digest(deck),
                                  "guide.pdf": file_digest(guide)}
    assert json.loads((out / MANIFEST_NAME).read_text("utf-8"))["generator"] == "make-deck"


def test_rewriting_an_untouched_output_needs_no_force(out):
    deck = out / "deck.pptx"
    write_outputs([PlannedOutput(deck, writing(b"one"))], force=False)
    assert write_outputs([PlannedOutput(deck, writing(b"two"))], force=False) == []
    assert deck.read_bytes() == b"two"
    assert read_manifest(out) == {"deck.pptx": file_digest(deck)}


def test_failing_writer_leaves_previous_files_exactly_and_no_temp_files(out):
    deck, guide = out / "deck.pptx", out / "guide.pdf"
    write_outputs([PlannedOutput(deck, writing(b"deck 1")),
                   PlannedOutput(guide, writing(b"guide 1"))], force=False)
    before = listing(out)
    with pytest.raises(RuntimeError, match="the writer broke"):
        write_outputs([PlannedOutput(deck, writing(b"deck 2")),
                       PlannedOutput(guide, failing)], force=False)
    assert listing(out) == before  # the deck written first was not renamed in either


def test_failing_first_build_leaves_no_file(out):
    out.mkdir()
    with pytest.raises(RuntimeError):
        write_outputs([PlannedOutput(out / "deck.pptx", failing)], force=False)
    assert list(out.iterdir()) == []


def test_hand_edited_output_is_refused_and_nothing_is_written(out):
    deck, guide = out / "deck.pptx", out / "guide.pdf"
    write_outputs([PlannedOutput(deck, writing(b"deck 1")),
                   PlannedOutput(guide, writing(b"guide 1"))], force=False)
    deck.write_bytes(b"deck 1, with my edits")
    before = listing(out)
    with pytest.raises(EditedOutputError) as caught:
        write_outputs([PlannedOutput(deck, writing(b"deck 2")),
                       PlannedOutput(guide, writing(b"guide 2")),
                       PlannedOutput(out / "new.pdf", writing(b"new"))], force=False)
    assert caught.value.paths == [deck]
    assert [d.code for d in caught.value.diagnostics] == ["E-OUTPUT-EDITED"]
    assert "--force" in (caught.value.diagnostics[0].hint or "")
    assert listing(out) == before


def test_force_keeps_a_dated_backup_and_writes(out):
    deck = out / "deck.pptx"
    write_outputs([PlannedOutput(deck, writing(b"deck 1"))], force=False)
    deck.write_bytes(b"my edits")
    backups = write_outputs([PlannedOutput(deck, writing(b"deck 2"))], force=True, now=NOW)
    assert backups == [out / "deck.edited-2026-11-26-101530.pptx"]
    assert backups[0].read_bytes() == b"my edits"
    assert deck.read_bytes() == b"deck 2"
    assert read_manifest(out) == {"deck.pptx": file_digest(deck)}
    # the next build sees an untouched file again
    assert write_outputs([PlannedOutput(deck, writing(b"deck 3"))], force=False) == []


def test_a_second_forced_backup_in_the_same_second_does_not_overwrite_the_first(out):
    deck = out / "deck.pptx"
    for round_ in (1, 2):
        deck.parent.mkdir(exist_ok=True)
        deck.write_bytes(f"edit {round_}".encode())
        write_outputs([PlannedOutput(deck, writing(b"generated"))], force=True, now=NOW)
    backups = sorted(p.name for p in out.glob("deck.edited-*"))
    assert backups == ["deck.edited-2026-11-26-101530-2.pptx", "deck.edited-2026-11-26-101530.pptx"]
    assert {(out / b).read_bytes() for b in backups} == {b"edit 1", b"edit 2"}


def test_file_not_in_the_manifest_counts_as_edited(out):
    out.mkdir()
    deck = out / "deck.pptx"
    deck.write_bytes(b"someone else's deck")
    with pytest.raises(EditedOutputError):
        write_outputs([PlannedOutput(deck, writing(b"generated"))], force=False)
    assert deck.read_bytes() == b"someone else's deck"
    assert not (out / MANIFEST_NAME).exists()


def test_file_missing_from_an_existing_manifest_counts_as_edited(out):
    write_outputs([PlannedOutput(out / "deck.pptx", writing(b"deck"))], force=False)
    (out / "guide.pdf").write_bytes(b"hand made")
    with pytest.raises(EditedOutputError) as caught:
        write_outputs([PlannedOutput(out / "guide.pdf", writing(b"guide"))], force=False)
    assert caught.value.paths == [out / "guide.pdf"]


def test_damaged_manifest_counts_every_existing_output_as_edited(out):
    write_outputs([PlannedOutput(out / "deck.pptx", writing(b"deck"))], force=False)
    (out / MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    assert read_manifest(out) == {}
    with pytest.raises(EditedOutputError):
        write_outputs([PlannedOutput(out / "deck.pptx", writing(b"deck"))], force=False)


def test_backup_name_keeps_the_suffix():
    assert backup_name(Path("/x/talk-handout.pdf"), NOW) == Path(
        "/x/talk-handout.edited-2026-11-26-101530.pdf")


def test_nothing_to_write_is_a_no_op(out):
    assert write_outputs([], force=False) == []
    assert not out.exists()


def test_one_by_one_puts_each_file_in_place_as_it_is_written(tmp_path: Path) -> None:
    first, second, third = (tmp_path / n for n in ("a.pptx", "b.pdf", "c.pdf"))
    seen: list[tuple[str, bool]] = []

    def report(path: Path) -> None:  # which file, and is the next one there yet?
        seen.append((path.name, third.exists()))

    with pytest.raises(RuntimeError):
        write_outputs([PlannedOutput(first, writing(b"deck")),
                       PlannedOutput(second, writing(b"handout")),
                       PlannedOutput(third, failing)],
                      force=False, now=NOW, one_by_one=True, on_written=report)
    assert seen == [("a.pptx", False), ("b.pdf", False)]
    assert first.read_bytes() == b"deck" and second.read_bytes() == b"handout"
    assert not third.exists()
    assert set(read_manifest(tmp_path)) == {"a.pptx", "b.pdf"}
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_one_by_one_leaves_a_hand_edit_alone_and_writes_the_rest(tmp_path: Path) -> None:
    deck, handout = tmp_path / "a.pptx", tmp_path / "b.pdf"
    write_outputs([PlannedOutput(deck, writing(b"v1")), PlannedOutput(handout, writing(b"v1"))],
                  force=False, now=NOW)
    handout.write_bytes(b"annotated by hand")
    with pytest.raises(EditedOutputError) as caught:
        write_outputs([PlannedOutput(deck, writing(b"v2")),
                       PlannedOutput(handout, writing(b"v2"))],
                      force=False, now=NOW, one_by_one=True)
    assert caught.value.paths == [handout]
    assert deck.read_bytes() == b"v2"
    assert handout.read_bytes() == b"annotated by hand"


RENAMED = """\
title: Renamed
output:
  name: {name}
sections:
  - title: Part
    minutes: 10
    slides:
      - title: A slide
        bullets: [A point]
"""


def test_files_from_an_earlier_output_name_are_removed_when_unedited(tmp_path):
    from generator.build import build
    from generator.options import BuildOptions
    from generator.outputs import read_owners

    outline = tmp_path / "talk.yaml"
    other = tmp_path / "other.yaml"
    other.write_text(RENAMED.format(name="other-talk"), encoding="utf-8")
    build(other, BuildOptions(outputs=("deck",)))
    outline.write_text(RENAMED.format(name="first"), encoding="utf-8")
    build(outline, BuildOptions())
    folder = tmp_path / "output"
    (folder / "notes-of-mine.txt").write_text("mine", encoding="utf-8")
    guide = folder / "first-guide.pdf"
    guide.write_bytes(guide.read_bytes() + b"% my annotation\n")
    edited = guide.read_bytes()

    outline.write_text(RENAMED.format(name="second"), encoding="utf-8")
    result = build(outline, BuildOptions())
    assert sorted(p.name for p in result.removed) == [
        "first-guide.html", "first-handout.pdf", "first.html", "first.pptx"]
    assert result.kept_stale == (guide,)
    assert guide.read_bytes() == edited  # a hand edit is never lost
    second = ["second-guide.html", "second-guide.pdf", "second-handout.pdf", "second.html",
              "second.pptx"]
    assert sorted(p.name for p in folder.iterdir()) == sorted([
        MANIFEST_NAME, "first-guide.pdf", "notes-of-mine.txt", "other-talk.pptx", *second])
    assert sorted(read_manifest(folder)) == sorted(["other-talk.pptx", *second])
    assert read_owners(folder)["second.pptx"] == "../talk.yaml"
    assert read_owners(folder)["other-talk.pptx"] == "../other.yaml"

    again = build(outline, BuildOptions(outputs=("deck",)))
    assert again.removed == () and again.kept_stale == ()
