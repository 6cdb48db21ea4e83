"""`make-deck init`: the starter outline is written, builds cleanly, shows every
construct once, and never overwrites an outline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from PIL import Image

from generator.build import build
from generator.init import InitError, run_init
from generator.init.starter import IMAGE_PATH, STARTER, chart_png
from generator.model import (
    ActivitySlide,
    Break,
    BulletsSlide,
    ColumnsSlide,
    ImageSlide,
    QuoteSlide,
    Section,
    StatementSlide,
    TableSlide,
)
from generator.options import BuildOptions
from generator.outline.reader import load_outline
from generator.outline.yamlnodes import YamlFloat, YamlInt, to_tree
from generator.schema import SCHEMA_FILE, outline_schema, schema_text


def make_deck(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True,
                          text=True, cwd=cwd, check=False)


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    done = make_deck("init", "workshop", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return tmp_path / "workshop" / "outline.yaml"


def test_init_writes_the_outline_its_picture_and_the_schema(starter):
    folder = starter.parent
    assert starter.read_text("utf-8") == STARTER
    assert (folder / SCHEMA_FILE).read_text("utf-8") == schema_text()
    with Image.open(folder / IMAGE_PATH) as picture:
        assert picture.format == "PNG"
        assert picture.size == (960, 540)
    assert starter.read_text("utf-8").startswith(
        f"# yaml-language-server: $schema={SCHEMA_FILE}\n")


def test_init_says_what_it_wrote_and_what_to_do_next(tmp_path):
    done = make_deck("init", "w", cwd=tmp_path)
    assert done.returncode == 0
    assert f"wrote {Path('w') / 'outline.yaml'}" in done.stdout
    assert "make-deck check" in done.stdout
    assert done.stderr == ""


def test_the_starter_builds_without_warnings(starter, tmp_path):
    # Deck only: the PDF writers are being reworked; `check` below runs every check.
    result = build(starter, BuildOptions(outputs=("deck",), output_dir=tmp_path / "out"))
    assert result.diagnostics == ()
    assert [p.name for p in result.written] == ["workshop.pptx"]
    done = make_deck("check", "--strict", str(starter), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_the_starter_builds_from_the_command_line(starter, tmp_path):
    # `--only deck` while the PDF writers are being reworked; add them back after.
    done = make_deck(str(starter), "--only", "deck", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert (starter.parent / "output" / "workshop.pptx").is_file()


def test_the_starter_shows_every_construct(starter):
    source = load_outline(starter, BuildOptions())
    workshop = source.workshop
    assert workshop is not None, source.diagnostics
    for key in ("subtitle", "event", "date", "venue", "start", "organisation", "source"):
        assert getattr(workshop, key) is not None, key
    assert workshop.facilitators and workshop.handout and workshop.output.dir
    assert "# layouts:" in STARTER  # only with an organisation's template, so shown commented
    parts = workshop.sections
    assert any(isinstance(p, Break) for p in parts)
    slides = [s for p in parts if isinstance(p, Section) for s in p.slides]
    kinds = [type(s) for s in slides]
    for kind in (BulletsSlide, QuoteSlide, StatementSlide, ColumnsSlide, ImageSlide,
                 TableSlide, ActivitySlide):
        assert kinds.count(kind) == 1, kind
    bullets = next(s for s in slides if isinstance(s, BulletsSlide))
    assert any(b.children for b in bullets.bullets)
    assert bullets.notes and bullets.handout and bullets.minutes
    activity = next(s for s in slides if isinstance(s, ActivitySlide)).activity
    for key in ("format", "materials", "steps", "prompts", "outcome"):
        assert getattr(activity, key), key
    image = next(s for s in slides if isinstance(s, ImageSlide))
    assert image.alt and image.caption and image.image == IMAGE_PATH
    assert all(isinstance(p, Break) or p.summary or p.minutes for p in parts)


def plain(value: object) -> object:
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, YamlInt | YamlFloat):
        return int(value) if isinstance(value, YamlInt) else float(value)
    return value


def test_the_starter_is_valid_under_the_schema():
    tree, _, problems = to_tree(STARTER, "outline.yaml")
    assert problems == []
    Draft202012Validator(outline_schema()).validate(plain(tree))


def test_init_refuses_to_overwrite_an_outline(tmp_path):
    existing = tmp_path / "outline.yaml"
    existing.write_text("title: Mine\nsections:\n  - title: S\n", encoding="utf-8")
    done = make_deck("init", cwd=tmp_path)
    assert done.returncode == 1
    assert "already exists" in done.stderr
    assert "outline.yaml" in done.stderr
    assert existing.read_text("utf-8") == "title: Mine\nsections:\n  - title: S\n"
    assert not (tmp_path / "images").exists()
    assert not (tmp_path / SCHEMA_FILE).exists()


def test_init_twice_refuses_the_second_time(starter):
    before = starter.read_text("utf-8")
    done = make_deck("init", "workshop", cwd=starter.parent.parent)
    assert done.returncode == 1
    assert starter.read_text("utf-8") == before


def test_init_keeps_a_picture_and_a_schema_already_there(tmp_path):
    picture = tmp_path / IMAGE_PATH
    picture.parent.mkdir()
    picture.write_bytes(chart_png())
    (tmp_path / SCHEMA_FILE).write_text("{}", encoding="utf-8")
    result = run_init(tmp_path)
    assert result.written == (tmp_path / "outline.yaml",)
    assert any("kept" in note for note in result.notes)
    assert (tmp_path / SCHEMA_FILE).read_text("utf-8") == "{}"


def test_init_can_name_the_outline_file(tmp_path):
    result = run_init(tmp_path / "plans" / "away-day.yaml")
    assert result.outline == tmp_path / "plans" / "away-day.yaml"
    assert result.outline.read_text("utf-8") == STARTER
    assert (tmp_path / "plans" / IMAGE_PATH).is_file()
    with pytest.raises(InitError) as caught:
        run_init(tmp_path / "plans" / "away-day.yaml")
    assert caught.value.exit_code == 1


def test_the_chart_is_the_same_every_time():
    assert chart_png() == chart_png()
