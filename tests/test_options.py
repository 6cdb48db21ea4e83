"""The build options: only what the stages read, and the environment read once."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from generator.options import BuildOptions, source_date_epoch
from generator.stamps import FALLBACK, build_moment, epoch_seconds

GENERATOR = Path(__file__).resolve().parents[1] / "generator"


def test_every_option_is_read_below_the_command_line() -> None:
    read: set[str] = set()
    for path in GENERATOR.rglob("*.py"):
        if path.name in {"cli.py", "options.py"}:
            continue
        tree = ast.parse(path.read_text("utf-8"))
        read.update(node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute))
        read.update(k.arg for node in ast.walk(tree) if isinstance(node, ast.Call)
                    and getattr(node.func, "id", "") == "replace" for k in node.keywords
                    if k.arg)
    fields = {f.name for f in dataclasses.fields(BuildOptions)}
    assert fields - read == set()


@pytest.mark.parametrize(("value", "expected"), [
    (None, None), ("", None), ("  ", None), ("1700000000", 1700000000), (" 42\n", 42),
    ("-5", None), ("1.5", None), ("soon", None),
])
def test_source_date_epoch_is_whole_seconds_or_nothing(value, expected) -> None:
    environ = {} if value is None else {"SOURCE_DATE_EPOCH": value}
    assert source_date_epoch(environ) == expected


def test_the_options_read_the_environment_when_made(monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert BuildOptions().source_date_epoch is None
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    made = BuildOptions()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    assert made.source_date_epoch == 1700000000
    assert BuildOptions(source_date_epoch=5).source_date_epoch == 5


def test_the_stamp_comes_from_its_arguments_alone(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # never read by the stamp
    day = dt.date(2026, 12, 3)
    assert build_moment(day) == dt.datetime(2026, 12, 3)
    assert build_moment(None) == FALLBACK
    assert build_moment(day, 1767225600) == dt.datetime(2026, 1, 1)
    assert epoch_seconds(build_moment(day, 1767225600)) == 1767225600
