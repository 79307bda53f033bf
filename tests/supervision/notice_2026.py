"""国务院办公厅关于2026年部分节假日安排的通知, read by hand: an independent check of the calendar PlanDesk uses."""

from __future__ import annotations

import datetime as dt

D = dt.date

OFF = {
    "元旦": (D(2026, 1, 1), D(2026, 1, 3)),
    "春节": (D(2026, 2, 15), D(2026, 2, 23)),
    "清明节": (D(2026, 4, 4), D(2026, 4, 6)),
    "劳动节": (D(2026, 5, 1), D(2026, 5, 5)),
    "端午节": (D(2026, 6, 19), D(2026, 6, 21)),
    "中秋节": (D(2026, 9, 25), D(2026, 9, 27)),
    "国庆节": (D(2026, 10, 1), D(2026, 10, 7)),
}
# Weekend days worked (调休上班).
WORKED = [D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10)]


def days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


OFF_DAYS = {d for first, last in OFF.values() for d in days(first, last)}


def is_workday(day: dt.date) -> bool:
    assert day.year == 2026, "the notice covers 2026 only"
    return day in WORKED or (day.weekday() < 5 and day not in OFF_DAYS)


def add_workdays(start: dt.date, n: int) -> dt.date:
    day = start
    while n:
        day += dt.timedelta(days=1)
        n -= is_workday(day)
    return day


def workdays_after(start: dt.date, end: dt.date) -> int:
    """Working days in (start, end]."""
    return sum(is_workday(d) for d in days(start + dt.timedelta(days=1), end)) if end > start else 0
