"""Closed months: a month's report data frozen for good, so its report can be issued again exactly; trends."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select

from ... import clock
from ...errors import NotFound, PlanDeskError
from ...models import MonthSnapshot, Plan, utcnow
from ...storage import Database
from ..core.validation import parse_period
from ..supervision.workflow import hold_months

FINAL_NOTE = "关账不可撤销：已关账月份的报告数据保持关账时的样子，之后的修改只计入以后的月份。"


@dataclass(frozen=True)
class ClosedMonth:
    plan_id: int
    period: str
    closed_at: dt.datetime
    closed_by: str
    tasks: int
    overdue: int
    done: int


class TrendPoint(NamedTuple):
    period: str
    overdue: int
    done: int
    total: int


def _figures(data: dict) -> tuple[int, int, int]:  # type: ignore[type-arg]
    summary = data.get("summary") or {}
    by_status = summary.get("by_status") or {}
    return int(summary.get("tasks", 0)), int(summary.get("overdue", 0)), int(by_status.get("done", 0))


def _closed(row: MonthSnapshot) -> ClosedMonth:
    tasks, overdue, done = _figures(row.data or {})
    return ClosedMonth(row.plan_id, row.period, row.closed_at, row.closed_by, tasks, overdue, done)


def close_month(db: Database, *, plan_id: int, period: str, today: dt.date | None = None) -> ClosedMonth:
    """关账: freeze the month's report data. There is no reopening: a closed month stays as it was issued."""
    from .report_data import gather_monthly

    period = parse_period(period)
    now = today or clock.today()
    if period > f"{now:%Y-%m}":
        raise PlanDeskError(f"{period} 月尚未开始，不能关账。", field="period")
    with db.read() as s:
        if s.get(Plan, plan_id) is None:
            raise NotFound(f"找不到编号为 {plan_id} 的方案。", field="plan_id")
        if (
            s.scalar(
                select(MonthSnapshot.id).where(
                    MonthSnapshot.plan_id == plan_id, MonthSnapshot.period == period
                )
            )
            is not None
        ):
            raise PlanDeskError(f"{period} 月已关账。{FINAL_NOTE}", field="period")
    with db.write(cause=f"关账：{period}") as s:
        # Writers are shut out from here to the commit: on SQLite by the write lock taken at BEGIN, on
        # PostgreSQL by the months hold every progress writer shares. The month is gathered while they
        # wait, so an entry is either in the frozen report or refused as belonging to a closed month.
        s.connection()
        hold_months(s, plan_id, exclusive=True)
        if (
            s.scalar(
                select(MonthSnapshot.id).where(
                    MonthSnapshot.plan_id == plan_id, MonthSnapshot.period == period
                )
            )
            is not None
        ):
            raise PlanDeskError(f"{period} 月已由他人关账。", field="period")
        data = gather_monthly(db, plan_id=plan_id, month=period, live=True).to_dict()
        row = MonthSnapshot(
            plan_id=plan_id, period=period, closed_at=utcnow(), closed_by=db.operator, data=data
        )
        s.add(row)
        s.flush()
        return _closed(row)


def closed_months(db: Database, *, plan_id: int) -> list[ClosedMonth]:
    with db.read() as s:
        rows = s.scalars(
            select(MonthSnapshot).where(MonthSnapshot.plan_id == plan_id).order_by(MonthSnapshot.period)
        )
        return [_closed(r) for r in rows]


def is_closed(db: Database, *, plan_id: int, period: str) -> bool:
    with db.read() as s:
        return (
            s.scalar(
                select(MonthSnapshot.id).where(
                    MonthSnapshot.plan_id == plan_id, MonthSnapshot.period == parse_period(period)
                )
            )
            is not None
        )


def trend(db: Database, *, plan_id: int) -> list[TrendPoint]:
    """(period, overdue, done, total) for every closed month, oldest first: the figures as they were issued."""
    return [TrendPoint(m.period, m.overdue, m.done, m.tasks) for m in closed_months(db, plan_id=plan_id)]
