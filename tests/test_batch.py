"""Batch builds: several outlines or a folder, in parallel, one failure not stopping the rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.batch import BatchItem, find_outlines, run_batch, summary_table
from generator.cli import main
from generator.options import BuildOptions
from generator.outputs import MANIFEST_NAME

DECK_ONLY = BuildOptions(outputs=("deck",))


def small_outline(title: str, slides: int = 2) -> str:
    items = "".join(
        f"      - title: {title} point {n}\n"
        f"        bullets: [First thing about {n}, Second thing about {n}]\n"
        for n in range(1, slides + 1)
    )
    return (f"title: {title}\nagenda: false\nsections:\n  - title: Only part\n"
            f"    minutes: 10\n    slides:\n{items}")


BROKEN = ("title: Broken\nsections:\n  - title: Part\n    slides:\n      - title: X\n"
          "        bulets: [a]\n")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    else:
        code = 0
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_find_outlines_takes_files_as_given_and_outlines_from_folders(tmp_path):
    folder = tmp_path / "talks"
    b = write(folder, "b.yaml", small_outline("B"))
    a = write(folder, "a.yml", small_outline("A"))
    write(folder, "theme.yaml", "extends: default\ncolours:\n  accent: '#336699'\n")
    write(folder, "notes.txt", "sections: not an outline, wrong suffix\n")
    write(folder, "nested/c.yaml", small_outline("C"))
    loose = write(tmp_path, "loose.yaml", small_outline("Loose"))
    assert find_outlines([folder]) == [a, b]
    assert find_outlines([loose, folder, a]) == [loose, a, b]


def test_one_failing_outline_does_not_stop_the_others(tmp_path):
    good = write(tmp_path / "one", "good.yaml", small_outline("Good"))
    bad = write(tmp_path / "two", "bad.yaml", BROKEN)
    other = write(tmp_path / "three", "other.yaml", small_outline("Other", 3))
    seen: list[Path] = []
    items = run_batch([good, bad, other], DECK_ONLY, workers=2,
                      on_done=lambda item: seen.append(item.outline))
    assert [i.outline for i in items] == [good, bad, other]
    assert sorted(seen) == sorted([good, bad, other])
    assert [i.ok for i in items] == [True, False, True]
    assert items[0].slides > 2 and items[2].slides == items[0].slides + 1
    assert (tmp_path / "one" / "output" / "good.pptx").is_file()
    assert (tmp_path / "three" / "output" / "other.pptx").is_file()
    assert not (tmp_path / "two" / "output").exists()
    assert any("E-KEY-UNKNOWN" in m for m in items[1].messages)
    assert "error" in items[1].result


def test_outlines_sharing_an_output_folder_keep_every_manifest_entry(tmp_path):
    outlines = [write(tmp_path, f"talk{n}.yaml", small_outline(f"Talk {n}")) for n in range(4)]
    items = run_batch(outlines, DECK_ONLY, workers=2)
    assert all(i.ok for i in items), [i.result for i in items]
    manifest = json.loads((tmp_path / "output" / MANIFEST_NAME).read_text("utf-8"))
    assert sorted(manifest["files"]) == [f"talk{n}.pptx" for n in range(4)]
    again = run_batch(outlines, DECK_ONLY, workers=2)  # nothing looks edited by hand
    assert all(i.ok for i in again), [i.result for i in again]


def test_outlines_writing_the_same_files_are_reported(tmp_path):
    a = write(tmp_path / "a", "talk.yaml", small_outline("A"))
    b = write(tmp_path / "b", "talk.yaml", small_outline("B"))
    items = run_batch([a, b], BuildOptions(outputs=("deck",), output_dir=tmp_path / "out"),
                      workers=1)
    assert [i.ok for i in items] == [False, False]
    assert items[0].result == f"would write the same files as {b}"
    assert items[1].result == f"would write the same files as {a}"
    assert "give each outline its own `output: name:`" in items[0].messages
    assert not (tmp_path / "out").exists()  # found before anything was built


def test_a_clash_holds_back_only_the_outlines_in_it(tmp_path):
    a = write(tmp_path, "a.yaml", small_outline("A") + "output:\n  name: shared\n")
    b = write(tmp_path, "b.yaml", small_outline("B") + "output:\n  name: shared\n")
    c = write(tmp_path, "c.yaml", small_outline("C"))
    items = run_batch([a, b, c], DECK_ONLY, workers=2)
    assert [i.outline for i in items] == [a, b, c]
    assert [i.ok for i in items] == [False, False, True]
    assert sorted(p.name for p in (tmp_path / "output").glob("*.pptx")) == ["c.pptx"]


def test_summary_table_lists_each_outline_with_slides_time_and_result():
    from rich.console import Console

    items = [BatchItem(Path("a.yaml"), True, 12, 0.5, "ok, 3 file(s)"),
             BatchItem(Path("b.yaml"), False, 0, 0.1, "1 error(s) [nothing written]")]
    console = Console(width=120, record=True)
    console.print(summary_table(items))
    text = console.export_text()
    for word in ("outline", "slides", "time", "result", "a.yaml", "b.yaml", "12", "0.50 s",
                 "1 error(s) [nothing written]", "1 built, 1 failed"):
        assert word in text


def test_cli_builds_several_outlines_and_exits_1_if_any_failed(tmp_path, capsys):
    good = write(tmp_path, "good.yaml", small_outline("Good"))
    bad = write(tmp_path, "bad.yaml", BROKEN)
    code, out, err = run_cli([str(good), str(bad), "--only", "deck"], capsys)
    assert code == 1
    assert "good.yaml" in out and "bad.yaml" in out and "1 built, 1 failed" in out
    assert "E-KEY-UNKNOWN" in err
    assert (tmp_path / "output" / "good.pptx").is_file()


def test_cli_builds_a_folder_of_outlines(tmp_path, capsys):
    folder = tmp_path / "talks"
    for name in ("one", "two"):
        write(folder, f"{name}.yaml", small_outline(name.title()))
    code, out, _ = run_cli(["build", str(folder), "--only", "deck"], capsys)
    assert code == 0, out
    assert "2 built, 0 failed" in out
    assert sorted(p.name for p in (folder / "output").glob("*.pptx")) == ["one.pptx", "two.pptx"]


def test_cli_folder_without_outlines_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    code, _, err = run_cli([str(tmp_path / "empty")], capsys)
    assert code == 2
    assert "no outlines" in err


def test_cli_single_outline_still_builds_as_before(tmp_path, capsys):
    path = write(tmp_path, "solo.yaml", small_outline("Solo"))
    code, out, _ = run_cli([str(path), "--only", "deck"], capsys)
    assert code == 0
    assert f"wrote {tmp_path / 'output' / 'solo.pptx'}" in out
    assert "slides" in out and "make-deck batch" not in out


ALIAS_BOMB = "".join(
    [f"a0: &a0 [{', '.join(['x'] * 10)}]\n"]
    + [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]\n" for n in range(1, 8)]
) + "title: Bomb\nsections: *a7\n"


def test_a_batch_reads_outlines_with_the_hardened_reader(tmp_path, monkeypatch):
    import yaml

    def plain_load(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a batch must not read outlines with plain yaml.load")

    monkeypatch.setattr(yaml, "load", plain_load)
    folder = tmp_path / "talks"
    write(folder, "good.yaml", small_outline("Good") + "output:\n  name: shared\n")
    # Plain YAML keeps the last `output:` or reads past the size limit, so these two
    # seemed to write good.yaml's files and stopped it being built.
    write(folder, "duplicate.yaml", small_outline("Twice") + "output:\n  name: own\n"
          "output:\n  name: shared\n")
    write(folder, "large.yaml", small_outline("Large") + "output:\n  name: shared\n"
          + "# padding\n" * 600)
    write(folder, "tagged.yaml", "title: !!python/object/apply:os.system [touch pwned]\n"
          + small_outline("Tagged").split("\n", 1)[1])
    write(folder, "bomb.yaml", ALIAS_BOMB)
    options = BuildOptions(outputs=("deck",), max_outline_bytes=4000)
    items = {i.outline.name: i for i in run_batch(find_outlines([folder]), options, workers=1)}
    assert sorted(items) == ["bomb.yaml", "duplicate.yaml", "good.yaml", "large.yaml",
                             "tagged.yaml"]
    assert items["good.yaml"].ok, items["good.yaml"].result
    assert items["good.yaml"].written == (folder / "output" / "shared.pptx",)
    expected = {"duplicate.yaml": "E-YAML-DUPLICATE", "large.yaml": "E-FILE-SIZE",
                "tagged.yaml": "E-YAML-TAG", "bomb.yaml": "E-YAML-SIZE"}
    for name, code in expected.items():
        item = items[name]
        assert (item.ok, item.result) == (False, "1 error(s) in the outline"), name
        assert any(f"error[{code}]" in message for message in item.messages), (name, item)
    assert not (folder / "pwned").exists() and not (tmp_path / "pwned").exists()
    assert sorted(p.name for p in (folder / "output").glob("*.pptx")) == ["shared.pptx"]
