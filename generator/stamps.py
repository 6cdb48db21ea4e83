"""The one timestamp written into every output, so the same outline gives the same bytes."""

from __future__ import annotations

import datetime as dt
import os

FALLBACK = dt.datetime(2026, 1, 1)


def build_moment(workshop_date: dt.date | None) -> dt.datetime:
    """Return the (naive, UTC) time stamped into outputs.

    ``SOURCE_DATE_EPOCH`` wins when set (the reproducible-builds convention), else
    the workshop's date at midnight, else a fixed date.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    if workshop_date is not None:
        return dt.datetime(workshop_date.year, workshop_date.month, workshop_date.day)
    return FALLBACK


def epoch_seconds(workshop_date: dt.date | None) -> int:
    """Return `build_moment` as Unix seconds."""
    return int(build_moment(workshop_date).replace(tzinfo=dt.UTC).timestamp())
