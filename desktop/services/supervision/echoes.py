"""雷同: progress reports that repeat the unit's previous report or another unit's report of the same month —
the 材料空转 offices are told to stop. Marked, never refused: the office decides what to do about it.

Compared (the rule is ``rulebook.echoes``): a report with the same assignment's report before it; and, within
one month, with other units' reports on the same task, and with any other unit's report word for word.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import rulebook
from ...models import ProgressEntry
from ..core.as_of import in_chunks, report_counts

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Report(Generic[K]):
    """One report as the comparison sees it."""

    key: K  # whatever the caller names it by: an assignment, a workbook row
    assignment_id: int
    node_id: int
    unit: str
    period: str  # YYYY-MM
    text: str


def previous_month(period: str) -> str:
    year, month = int(period[:4]), int(period[5:7])
    return f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"


def mark(reports: Iterable[Report[K]], before: dict[int, tuple[str, str]]) -> dict[K, str]:
    """What each report repeats, in words (与上月雷同 / 与2026-08雷同 / 与某单位雷同); reports repeating nothing are
    left out. ``before`` gives, per assignment, the (period, text) of its report before the one compared."""
    reports = list(reports)
    words = {r.key: rulebook.echo_text(r.text) for r in reports}
    out: dict[K, str] = {}
    for r in reports:
        earlier = before.get(r.assignment_id)
        if (
            earlier is not None
            and earlier[0] < r.period
            and rulebook.echoes(words[r.key], rulebook.echo_text(earlier[1]))
        ):
            out[r.key] = "与上月雷同" if earlier[0] == previous_month(r.period) else f"与{earlier[0]}报送雷同"
    by_task: dict[tuple[str, int], list[Report[K]]] = {}
    by_words: dict[tuple[str, str], list[Report[K]]] = {}
    for r in reports:
        by_task.setdefault((r.period, r.node_id), []).append(r)
        if len(words[r.key]) >= rulebook.ECHO_MIN_CHARS:
            by_words.setdefault((r.period, words[r.key]), []).append(r)
    for group in (*by_task.values(), *by_words.values()):
        for r in group:
            if r.key in out:
                continue
            other = next(
                (o for o in group if o.unit != r.unit and rulebook.echoes(words[r.key], words[o.key])), None
            )
            if other is not None:
                out[r.key] = f"与{other.unit}雷同"
    return out


def reports_before(
    s: Session, firsts: dict[int, str], as_of: dt.date | None = None
) -> dict[int, tuple[str, str]]:
    """For each assignment, its newest report of a month before the given one: (period, text). Only reports
    counted on ``as_of`` when given (a report dated later was not there yet)."""
    out: dict[int, tuple[str, str]] = {}
    for chunk in in_chunks(list(firsts)):
        rows = s.execute(
            select(ProgressEntry.assignment_id, ProgressEntry.period, ProgressEntry.text)
            .where(
                ProgressEntry.assignment_id.in_(chunk),
                *([report_counts(as_of)] if as_of is not None else []),
            )
            .order_by(ProgressEntry.assignment_id, ProgressEntry.period, ProgressEntry.id)
        ).tuples()
        for aid, period, text in rows:
            if period < firsts[aid]:
                out[aid] = (period, text or "")  # the last one before the month wins
    return out
