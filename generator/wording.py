"""One voice for the words every output uses: minutes, time ranges and breaks.

The deck, the handout and the guide take these words from here, so a break is a
"Coffee break" and a length is "15 minutes" wherever it appears.
"""

from __future__ import annotations

import re

_BREAK = re.compile(r"\bbreak\b", re.IGNORECASE)


def minutes(count: int) -> str:
    """Return a length of time in words: "1 minute", "15 minutes"."""
    return f"{count} minute" if count == 1 else f"{count} minutes"


def time_range(start: str | None, end: str | None) -> str:
    """Return "09:30–09:55" (an en dash between clock times), or "" without them."""
    return f"{start}–{end}" if start and end else ""


def break_name(name: str) -> str:
    """Return a break's name said as a break: "Coffee" becomes "Coffee break"; a name
    that says so already ("Lunch break", "Break") is kept."""
    name = name.strip()
    return name if _BREAK.search(name) else f"{name} break"
