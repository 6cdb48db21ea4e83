"""Ask fontconfig which font file a renderer such as LibreOffice draws a family with.

`fc-match` always answers with some font: the family itself when it is installed,
else the substitute fontconfig picks. `match` returns both the families the file
belongs to and its path, so callers can tell a real match from a fallback.
Answers are cached per process; without fontconfig (no ``fc-match``) there is no
answer at all.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TIMEOUT = 10.0
"""Seconds `fc-match` may take before we give up on it."""


@dataclass(frozen=True, slots=True)
class FontMatch:
    """The font fontconfig picks for a request: its families (first is the main
    name) and its file."""

    families: tuple[str, ...]
    file: Path

    @property
    def family(self) -> str:
        """Return the family's main name."""
        return self.families[0]


def _escape(family: str) -> str:
    """Return ``family`` escaped for a fontconfig pattern (``\\``, ``-``, ``:``, ``,``)."""
    return re.sub(r"([\\\-:,])", r"\\\1", family)


def pattern(family: str, bold: bool, italic: bool) -> str:
    """Return the fontconfig pattern asking for one style of ``family``."""
    weight = "bold" if bold else "regular"
    slant = "italic" if italic else "roman"
    return f"{_escape(family)}:weight={weight}:slant={slant}"


@lru_cache(maxsize=256)
def match(family: str, bold: bool, italic: bool) -> FontMatch | None:
    """Return the font fontconfig would draw ``family`` in (bold, italic) with, or None
    when fontconfig is missing, fails or names no readable file."""
    tool = shutil.which("fc-match")
    if tool is None:
        return None
    try:
        done = subprocess.run(
            [tool, "-f", "%{family}|%{file}", pattern(family, bold, italic)],
            capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    names, _, file = done.stdout.strip().rpartition("|")
    families = tuple(n.strip() for n in names.split(",") if n.strip())
    path = Path(file)
    if done.returncode != 0 or not families or not path.is_file():
        return None
    return FontMatch(families, path)
