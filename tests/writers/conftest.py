"""Fixtures shared by the writer tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from generator.plan import Plan

from . import load_plan


@pytest.fixture(autouse=True)
def _no_epoch(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep a SOURCE_DATE_EPOCH from the environment out of these builds."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    yield


@pytest.fixture(scope="module")
def plan() -> Plan:
    """Return the plan of the default outline."""
    return load_plan()
