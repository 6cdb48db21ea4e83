"""The one timestamp written into every output, so the same outline gives the same bytes."""

from __future__ import annotations

import datetime as dt

FALLBACK = dt.datetime(2026, 1, 1)


def build_moment(workshop_date: dt.date | None,
                 source_date_epoch: int | None = None) -> dt.datetime:
    """Return the (naive, UTC) time stamped into outputs.

    ``source_date_epoch`` (Unix seconds, from ``SOURCE_DATE_EPOCH``: the
    reproducible-builds convention; see `BuildOptions`) wins when given, else the
    workshop's date at midnight, else a fixed date.
    """
    if source_date_epoch is not None:
        return dt.datetime.fromtimestamp(source_date_epoch, dt.UTC).replace(tzinfo=None)
    if workshop_date is not None:
        return dt.datetime(workshop_date.year, workshop_date.month, workshop_date.day)
    return FALLBACK


def epoch_seconds(moment: dt.datetime) -> int:
    """Return a (naive, UTC) `build_moment` as Unix seconds."""
    return int(moment.replace(tzinfo=dt.UTC).timestamp())
