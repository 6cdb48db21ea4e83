"""Outputs rendered side by side in forked processes: warm-up once, same bytes."""

from __future__ import annotations

import io
import os
from typing import BinaryIO

import pytest

from generator.outputs import PlannedOutput
from generator.parallel import side_by_side

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def _writer(text: str, seen: list[int]) -> object:
    def write(target: BinaryIO) -> None:
        seen.append(os.getpid())
        target.write(text.encode() * 1000)

    return write


def test_warm_up_runs_once_before_the_children_and_bytes_match(tmp_path) -> None:
    warmed: list[int] = []
    rendered_in: list[int] = []
    planned = [PlannedOutput(tmp_path / f"{n}.bin", _writer(n, rendered_in))
               for n in ("a", "b", "c")]
    outputs = []
    with side_by_side(planned, warm_up=lambda: warmed.append(os.getpid())) as wrapped:
        for item in wrapped:
            buffer = io.BytesIO()
            item.write(buffer)
            outputs.append(buffer.getvalue())
    assert warmed == [os.getpid()]
    assert outputs == [n.encode() * 1000 for n in ("a", "b", "c")]
    # b and c rendered in children, whose appends this process never sees
    assert rendered_in == [os.getpid()]


def test_a_failing_child_is_rendered_again_here_to_raise_the_real_error(tmp_path) -> None:
    def broken(target: BinaryIO) -> None:
        raise ValueError("the real error")

    planned = [PlannedOutput(tmp_path / "a", _writer("a", [])),
               PlannedOutput(tmp_path / "b", broken)]
    with side_by_side(planned) as wrapped:
        wrapped[0].write(io.BytesIO())
        with pytest.raises(ValueError, match="the real error"):
            wrapped[1].write(io.BytesIO())

