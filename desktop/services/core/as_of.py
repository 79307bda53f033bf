"""History as of a day: each assignment as it stood at the end of a past day.

A report "as of" a day is a function of what was true by then, whatever day it is printed:
- an assignment's fields (role, dates, status, percent, workflow state) are rebuilt from the audit trail, which
  records every changed field with the time it was recorded: a change recorded after the day is undone;
- a progress report dated on or before the day counts even when it was typed in later (offices enter paper
  reports after the fact): it moves status and percent as it did when it was entered;
- a report dated after the day does not count, whenever it was entered;
- an assignment exists from its 交办 date (start date) as entered, or else from the day it was recorded.
Today itself comes from ``desktop.clock``; the rules from ``desktop.rulebook``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from ... import clock, rulebook
from ...models import Assignment, AuditEntry, ProgressEntry
from ...status import moved_status

# The fields of an assignment a report reads; each is rebuilt as of the report's day.
HISTORY_FIELDS = (
    "role",
    "start_date",
    "deadline",
    "original_deadline",
    "status",
    "percent",
    "workflow_state",
)
_PARSERS: dict[str, Any] = {
    "start_date": dt.date.fromisoformat,
    "deadline": dt.date.fromisoformat,
    "original_deadline": dt.date.fromisoformat,
    "percent": int,
}
_T = TypeVar("_T")
CHUNK = 900  # ids per IN (…): under SQLite's old 999-variable limit


@dataclass
class AssignmentState:
    """One assignment's fields as of the day (``exists`` False: not yet assigned by then)."""

    role: str
    start_date: dt.date | None
    deadline: dt.date | None
    original_deadline: dt.date | None
    status: str
    percent: int
    workflow_state: str
    recorded: dt.date
    exists: bool = True


def _parse(field: str, text: str | None) -> Any:
    if text is None:
        return None
    parse = _PARSERS.get(field)
    return parse(text) if parse else text


def report_counts(day: dt.date) -> ColumnElement[bool]:
    """SQL condition: a progress entry that counts for a report as of ``day`` — dated on or before it, or, with
    no date, entered by its end."""
    return or_(
        ProgressEntry.reported_on <= day,
        and_(ProgressEntry.reported_on.is_(None), ProgressEntry.entered_at < clock.end_of_day_utc(day)),
    )


def states_on(s: Session, ids: list[int], day: dt.date) -> dict[int, AssignmentState]:
    """The assignments ``ids`` as they stood at the end of ``day`` (see the module's rules)."""
    out: dict[int, AssignmentState] = {}
    for chunk in in_chunks(ids):
        for row in s.execute(
            select(
                Assignment.id,
                Assignment.role,
                Assignment.start_date,
                Assignment.deadline,
                Assignment.original_deadline,
                Assignment.status,
                Assignment.percent,
                Assignment.workflow_state,
                Assignment.created_at,
            ).where(Assignment.id.in_(chunk))
        ).tuples():
            aid, role, start, deadline, original, status, percent, state, created = row
            out[aid] = AssignmentState(
                role, start, deadline, original, status, percent, state, clock.office_date(created)
            )
    if day < clock.today():
        _rewind(s, out, day)
    for st in out.values():
        st.exists = rulebook.exists_on(st.start_date, st.recorded, day)
    return out


def _rewind(s: Session, out: dict[int, AssignmentState], day: dt.date) -> None:
    cutoff = clock.end_of_day_utc(day)
    seen: set[tuple[int, str]] = set()
    for chunk in in_chunks(list(out)):
        rows = s.execute(
            select(AuditEntry.row_id, AuditEntry.field, AuditEntry.old_value)
            .where(
                AuditEntry.table_name == Assignment.__tablename__,
                AuditEntry.action == "update",
                AuditEntry.row_id.in_(chunk),
                AuditEntry.field.in_(HISTORY_FIELDS),
                AuditEntry.at >= cutoff,
            )
            .order_by(AuditEntry.at, AuditEntry.id)
        ).tuples()
        for row_id, field, old in rows:
            assert row_id is not None  # selected by row id
            if (row_id, field) in seen:
                continue  # the first change after the day holds what the field was then
            seen.add((row_id, field))
            setattr(out[row_id], field, _parse(field, old))
        # Reports dated by the day but typed in after it move the work as they did when they were entered.
        late = s.execute(
            select(ProgressEntry.assignment_id, ProgressEntry.percent)
            .where(
                ProgressEntry.assignment_id.in_(chunk),
                ProgressEntry.reported_on <= day,
                ProgressEntry.entered_at >= cutoff,
            )
            .order_by(ProgressEntry.reported_on, ProgressEntry.id)
        ).tuples()
        for aid, pct in late:
            st = out[aid]
            if st.workflow_state in rulebook.CLOSED_WORKFLOW:
                continue
            st.status, moved = moved_status(st.status, pct, None)
            if moved is not None:
                st.percent = moved


def in_chunks(ids: list[_T]) -> Iterator[list[_T]]:
    """Lists short enough for one IN (…) on any database."""
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]
