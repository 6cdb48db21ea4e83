"""Watch mode: one rebuild step and its change report, then the real loop in a process."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from system_tools import interruptible

from generator.options import BuildOptions
from generator.watch import Rebuilder, SlideMark, compare_decks

DECK_ONLY = BuildOptions(outputs=("deck",))

OUTLINE = """\
title: Watch me
agenda: false
sections:
  - title: Only part
    minutes: 10
    slides:
      - title: First slide
        bullets: [One short point]
      - title: Second slide
        bullets: [Another short point]
"""


def marks(*items: tuple[str, float]) -> tuple[SlideMark, ...]:
    return tuple(SlideMark(title, (("body", size),)) for title, size in items)


def test_compare_decks_reports_added_removed_and_refitted_slides():
    before = marks(("Intro", 28), ("Plan", 28), ("Risks", 28), ("Close", 28))
    after = marks(("Intro", 28), ("Plan", 22), ("New idea", 28), ("Close", 28))
    added, removed, refitted = compare_decks(before, after)
    assert added == ("New idea",)
    assert removed == ("Risks",)
    assert refitted == ("Plan: body 28 -> 22 pt",)


def test_compare_decks_with_repeated_titles_and_no_change():
    deck = marks(("Plan", 28), ("Plan (cont.)", 24), ("Plan", 28))
    assert compare_decks(deck, deck) == ((), (), ())
    assert compare_decks(deck, deck[:2])[1] == ("Plan",)


def test_the_deck_is_written_first_then_the_pdfs(tmp_path):
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    summary = Rebuilder(outline).step()
    assert summary.ok, summary.error
    deck, handout, guide, pack, guide_page = (
        tmp_path / "output" / f"outline{end}"
        for end in (".pptx", "-handout.pdf", "-guide.pdf", ".html", "-guide.html"))
    assert summary.written == (deck, handout, guide, pack, guide_page)
    assert summary.deck_seconds is not None and 0 < summary.deck_seconds < summary.seconds
    assert deck.stat().st_mtime_ns <= min(handout.stat().st_mtime_ns, guide.stat().st_mtime_ns)
    assert "(deck ready in " in summary.lines()[-1]


def test_a_hand_edited_deck_holds_back_every_output_so_the_three_still_agree(tmp_path):
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    rebuilder = Rebuilder(outline)
    assert rebuilder.step().ok
    folder = tmp_path / "output"
    deck = folder / "outline.pptx"
    deck.write_bytes(deck.read_bytes() + b"edited by hand")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    outline.write_text(OUTLINE.replace("Watch me", "Watch me now"), encoding="utf-8")
    summary = rebuilder.step()
    assert not summary.ok and summary.edited
    assert summary.written == ()
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    lines = summary.lines()
    assert not any("after writing" in line for line in lines)
    assert any("outline.pptx was changed after make-deck wrote it" in line for line in lines)
    assert any(line.startswith("not rebuilt: an output was edited by hand, so nothing was "
                               "written") for line in lines)

    forced = Rebuilder(outline, BuildOptions(force=True), verbose=True)
    summary = forced.step()
    assert summary.ok, summary.error
    assert len(summary.written) == 5
    assert len(list(folder.glob("outline.edited-*.pptx"))) == 1
    assert summary.decisions and any(" set at " in line or " shrunk to " in line
                                     for line in summary.lines())


def test_step_builds_reports_changes_and_keeps_the_last_good_outputs(tmp_path):
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    rebuilder = Rebuilder(outline, DECK_ONLY)

    first = rebuilder.step()
    assert first.ok and first.first, first.error
    deck = tmp_path / "output" / "outline.pptx"
    assert first.written == (deck,)
    assert any(line.startswith(f"built {first.slides} slides") for line in first.lines())

    outline.write_text(OUTLINE + "      - title: Third slide\n        bullets: [More]\n",
                       encoding="utf-8")
    added = rebuilder.step([outline])
    assert added.ok and not added.first
    assert added.added == ("Third slide",) and added.removed == ()
    assert added.slides == first.slides + 1
    assert "  added: Third slide" in added.lines()
    assert "changed: outline.yaml" in added.lines()
    good = deck.read_bytes()

    outline.write_text(OUTLINE.replace("title: Second slide", "title: [unclosed"),
                       encoding="utf-8")
    broken = rebuilder.step([outline])
    assert not broken.ok
    assert broken.diagnostics and broken.diagnostics[0].position is not None
    text = "\n".join(broken.lines(rebuilder.source_text))
    assert "outline.yaml:" in text and "last good outputs are unchanged" in text
    assert deck.read_bytes() == good

    long_point = " ".join(["a rather long point that needs room"] * 24)
    outline.write_text(OUTLINE.replace("Another short point", long_point), encoding="utf-8")
    refitted = rebuilder.step([outline])
    assert refitted.ok
    assert refitted.removed == ("Third slide",)  # compared with the last good build
    # bullet slides share one size, so the first slide follows the second one down
    assert [r.split(":")[0] for r in refitted.refitted] == ["First slide", "Second slide"]
    assert deck.read_bytes() != good


def test_step_watches_the_pictures_the_outline_uses(tmp_outline):
    outline = tmp_outline(OUTLINE + "      - title: Room\n        image: images/workshop-room.png\n"
                          "        decorative: true\n")
    rebuilder = Rebuilder(outline, DECK_ONLY)
    assert rebuilder.step().ok
    picture = (outline.parent / "images" / "workshop-room.png").resolve()
    assert picture in rebuilder.dependencies
    assert rebuilder.folders() == {outline.parent.resolve(), picture.parent}


def _reader(stream, lines: queue.Queue[str]) -> None:
    for line in stream:
        lines.put(line.rstrip("\n"))


def _wait_for(lines: queue.Queue[str], text: str, seconds: float) -> list[str]:
    seen: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        seen.append(line)
        if text in line:
            return seen
    pytest.fail(f"no {text!r} within {seconds} s; saw: {seen}")


def test_watch_command_rebuilds_after_an_edit_and_stops_on_ctrl_c(tmp_path):
    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    root = str(Path(__file__).resolve().parents[1])  # this checkout, whatever is installed
    env = {**os.environ, "PYTHONUNBUFFERED": "1",
           "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "watch", str(outline), "--only", "deck"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=tmp_path,
        preexec_fn=interruptible)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_reader, args=(process.stdout, lines), daemon=True).start()
    try:
        _wait_for(lines, "watching", 120)
        time.sleep(0.3)  # let the watcher settle before the edit
        outline.write_text(OUTLINE + "      - title: Added live\n        bullets: [New]\n",
                           encoding="utf-8")
        seen = _wait_for(lines, "added: Added live", 120)
        assert any(line.startswith("rebuilt") for line in seen)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)


def test_watching_a_folder_builds_every_outline_and_rebuilds_only_the_edited_one(tmp_path):
    talks = tmp_path / "talks"
    talks.mkdir()
    for name in ("one", "two"):
        (talks / f"{name}.yaml").write_text(OUTLINE.replace("Watch me", f"Talk {name}"),
                                            encoding="utf-8")
    from generator.cli import main

    lines: queue.Queue[str] = queue.Queue()
    stop = threading.Event()

    def run_watch() -> None:
        import generator.watch as watching

        real = watching.watch
        try:  # the command's own loop, stopped from here instead of by Ctrl-C
            watching.watch = lambda rebuilders, echo: real(rebuilders, echo, stop=stop,
                                                           debounce_ms=100)
            main(["watch", str(talks), "--only", "deck"])
        except SystemExit:
            pass
        finally:
            watching.watch = real

    import contextlib
    import io

    output = io.StringIO()

    class Lines(io.StringIO):
        def write(self, text: str) -> int:
            for line in text.splitlines():
                lines.put(line)
            return output.write(text)

    with contextlib.redirect_stdout(Lines()):
        thread = threading.Thread(target=run_watch, daemon=True)
        thread.start()
        try:
            seen = _wait_for(lines, "watching 2 outlines and 0 other file(s)", 120)
            assert any(line.startswith(f"{talks / 'one.yaml'}: built") for line in seen)
            assert any(line.startswith(f"{talks / 'two.yaml'}: built") for line in seen)
            assert (talks / "output" / "one.pptx").is_file()
            assert (talks / "output" / "two.pptx").is_file()
            time.sleep(0.3)
            (talks / "two.yaml").write_text(
                OUTLINE.replace("Watch me", "Talk two") + "      - title: Added live\n"
                "        bullets: [New]\n", encoding="utf-8")
            seen = _wait_for(lines, "added: Added live", 120)
            assert seen[-1].startswith(f"{talks / 'two.yaml'}: ")
            assert not any(line.startswith(f"{talks / 'one.yaml'}: rebuilt") for line in seen)
        finally:
            stop.set()
            thread.join(timeout=60)
