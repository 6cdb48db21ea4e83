"""Safe by construction: same outline -> same bytes anywhere, any time; hand edits
(even a LibreOffice re-save) are detected and never silently overwritten."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from generator.build import build
from generator.options import BuildOptions
from generator.outputs import EditedOutputError

ROOT = Path(__file__).resolve().parents[1]


def _copy_workshop(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "outline.yaml", folder / "outline.yaml")
    shutil.copytree(ROOT / "images", folder / "images")
    return folder / "outline.yaml"


def _digests(paths) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def test_two_builds_in_different_folders_at_different_times_are_identical(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = build(_copy_workshop(tmp_path / "a" / "work"), BuildOptions())
    time.sleep(1.1)  # a different second on the clock
    second = build(_copy_workshop(tmp_path / "b" / "elsewhere"), BuildOptions())
    assert len(first.written) == 5
    assert _digests(first.written) == _digests(second.written)


def test_source_date_epoch_changes_the_stamp_but_stays_deterministic(tmp_path, monkeypatch):
    outline = _copy_workshop(tmp_path / "w")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    one = _digests(build(outline, BuildOptions(outputs=("deck",),
                                               output_dir=tmp_path / "o1")).written)
    two = _digests(build(outline, BuildOptions(outputs=("deck",),
                                               output_dir=tmp_path / "o2")).written)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    three = _digests(build(outline, BuildOptions(outputs=("deck",),
                                                 output_dir=tmp_path / "o3")).written)
    assert one == two
    assert one != three


def test_source_date_epoch_dates_every_output_and_is_read_when_the_options_are_made(
        tmp_path, monkeypatch):
    from pptx import Presentation
    from pypdf import PdfReader

    outline = _copy_workshop(tmp_path / "w")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    options = BuildOptions(output_dir=tmp_path / "out")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # too late: the options are made
    deck, handout, guide, *_pages = build(outline, options).written  # the HTML: no stamp
    assert options.source_date_epoch == 1767225600
    assert str(Presentation(str(deck)).core_properties.created) == "2026-01-01 00:00:00"
    for pdf in (handout, guide):
        assert PdfReader(pdf).metadata["/CreationDate"].startswith("D:20260101000000")


def _soffice() -> str:
    from system_tools import need_program

    return need_program("soffice")


def test_a_deck_resaved_by_libreoffice_is_detected_and_kept(tmp_path):
    outline = _copy_workshop(tmp_path / "w")
    options = BuildOptions(outputs=("deck",))
    deck = build(outline, options).written[0]
    resaved = tmp_path / "resaved"
    subprocess.run([_soffice(), "--headless", "--convert-to", "pptx", "--outdir", str(resaved),
                    str(deck)], check=True, capture_output=True, timeout=240)
    shutil.copy(resaved / deck.name, deck)
    edited_bytes = deck.read_bytes()
    with pytest.raises(EditedOutputError) as caught:
        build(outline, options)
    assert caught.value.paths == [deck]
    assert deck.read_bytes() == edited_bytes  # nothing was overwritten
    result = build(outline, BuildOptions(outputs=("deck",), force=True))
    assert len(result.backups) == 1
    assert result.backups[0].read_bytes() == edited_bytes
    assert result.backups[0].parent == deck.parent
    assert deck.read_bytes() != edited_bytes
    build(outline, options)  # the rebuilt deck is ours again: no complaint
