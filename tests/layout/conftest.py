"""Fixtures the layout tests share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.layout import fonts


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the font cache at an empty folder for one test; yield that folder."""
    monkeypatch.setenv("MAKE_DECK_CACHE", str(tmp_path / "cache"))
    fonts.cache_dir.cache_clear()
    try:
        yield tmp_path / "cache"
    finally:
        fonts.cache_dir.cache_clear()
