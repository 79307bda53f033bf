"""The overview (总览): counts by status and 未分工, overdue work by responsible unit, and what falls due soon."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select

from ...models import Assignment, PlanNode, Unit
from ...storage import Database
from ..core.records import PlanStats
from ..core.statistics import plan_statistics
from ..core.status import CLOSED_WORKFLOW, effective_status


@dataclass(frozen=True)
class DueItem:
    """One unfinished assignment whose deadline falls within the horizon."""

    node_id: int
    assignment_id: int
    label: str
    title: str
    unit: str
    role: str  # lead | co
    deadline: dt.date
    days_left: int  # 0 = due today
    status: str  # not_started | in_progress
    percent: int


@dataclass(frozen=True)
class DashboardData:
    plan_id: int | None
    as_of: dt.date
    horizon_days: int
    stats: PlanStats
    overdue_by_unit: list[tuple[str, int]]  # lead and cooperating assignments past their deadline, most first
    due_soon: list[DueItem] = field(default_factory=list)  # soonest first

    @property
    def unassigned(self) -> int:
        """未分工: work the document gives out that nobody has been assigned yet."""
        return self.stats.by_status.get("unassigned", 0)


def dashboard_data(
    db: Database, *, plan_id: int | None, as_of: dt.date | None = None, horizon_days: int = 30
) -> DashboardData:
    """Everything the overview shows, for one plan (or all plans when ``plan_id`` is None).

    "Due soon" lists each unfinished, non-archived assignment whose deadline lies between today and
    ``horizon_days`` ahead, both ends included; work already past its deadline is overdue instead.
    """
    as_of = as_of or dt.date.today()
    stats = plan_statistics(db, plan_id=plan_id, as_of=as_of, due_within_days=horizon_days)
    last = as_of + dt.timedelta(days=horizon_days)
    with db.read() as s:
        q = (
            select(Assignment, PlanNode.label, PlanNode.title, Unit.name)
            .join(PlanNode, PlanNode.id == Assignment.node_id)
            .join(Unit, Unit.id == Assignment.unit_id)
            .where(
                Assignment.archived.is_(False),
                PlanNode.archived.is_(False),
                Assignment.status.in_(("not_started", "in_progress")),
                Assignment.workflow_state.not_in(CLOSED_WORKFLOW),
                Assignment.deadline >= as_of,
                Assignment.deadline <= last,
            )
        )
        if plan_id is not None:
            q = q.where(PlanNode.plan_id == plan_id)
        due: list[DueItem] = []
        for a, label, title, unit in s.execute(q):
            assert a.deadline is not None  # filtered above
            due.append(
                DueItem(
                    a.node_id,
                    a.id,
                    label,
                    title,
                    unit,
                    a.role,
                    a.deadline,
                    (a.deadline - as_of).days,
                    effective_status(a.status, a.deadline, as_of),
                    a.percent,
                )
            )
    due.sort(key=lambda d: (d.deadline, d.role != "lead", d.node_id, d.unit))
    overdue = sorted(stats.overdue_by_unit_all.items(), key=lambda kv: (-kv[1], kv[0]))
    return DashboardData(plan_id, as_of, horizon_days, stats, overdue, due)
