"""The program's one clock: today's date and the time a change is recorded.

Every part of PlanDesk asks this module, never ``date.today()`` or ``datetime.now()`` itself, so that a replay or
a test can set the day once (``fixed_today``) and every output, and every record written meanwhile, agrees on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

_fixed_today: dt.date | None = None


def today() -> dt.date:
    """The office's today, on this computer's clock."""
    return _fixed_today if _fixed_today is not None else dt.date.today()


def utcnow() -> dt.datetime:
    """Naive UTC time of a record, as the database keeps times (noon of the fixed day while one is set)."""
    if _fixed_today is not None:
        noon = dt.datetime.combine(_fixed_today, dt.time(12)).astimezone()
        return noon.astimezone(dt.UTC).replace(tzinfo=None)
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@contextmanager
def fixed_today(day: dt.date) -> Iterator[None]:
    """Let the clock answer ``day`` for the block: records written meanwhile carry that day, and reports
    printed meanwhile are printed "on" it."""
    global _fixed_today
    before, _fixed_today = _fixed_today, day
    try:
        yield
    finally:
        _fixed_today = before


def office_date(utc: dt.datetime) -> dt.date:
    """The calendar day, on this computer's clock, of a naive UTC timestamp as the database keeps them."""
    return utc.replace(tzinfo=dt.UTC).astimezone().date()


def end_of_day_utc(day: dt.date) -> dt.datetime:
    """The first instant after ``day`` on this computer's clock, as naive UTC: what was recorded before it
    was known at the end of ``day``."""
    local_midnight = dt.datetime.combine(day + dt.timedelta(days=1), dt.time()).astimezone()
    return local_midnight.astimezone(dt.UTC).replace(tzinfo=None)
