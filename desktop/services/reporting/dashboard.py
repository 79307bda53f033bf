"""The overview (总览): counts by status and 未分工, overdue work by responsible unit, and what falls due soon."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select

from ... import clock, rulebook
from ...models import Assignment, PlanNode, Unit
from ...storage import Database
from ..core.as_of import states_on
from ..core.records import PlanStats
from ..core.statistics import plan_statistics
from ..supervision.warnings import due_soon_days


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
    db: Database, *, plan_id: int | None, as_of: dt.date | None = None, horizon_days: int | None = None
) -> DashboardData:
    """Everything the overview shows, for one plan (or all plans when ``plan_id`` is None).

    "Due soon" lists each unfinished, non-archived assignment whose deadline lies between today and
    ``horizon_days`` ahead (default: the office's 临期 days, the one setting the 预警, reports and notices
    read), both ends included; work already past its deadline is overdue instead.
    """
    as_of = as_of or clock.today()
    if horizon_days is None:
        horizon_days = due_soon_days(db)
    stats = plan_statistics(db, plan_id=plan_id, as_of=as_of, due_within_days=horizon_days)
    last = as_of + dt.timedelta(days=horizon_days)
    past = as_of < clock.today()
    with db.read() as s:
        q = (
            select(Assignment, PlanNode.label, PlanNode.title, Unit.name)
            .join(PlanNode, PlanNode.id == Assignment.node_id)
            .join(Unit, Unit.id == Assignment.unit_id)
            .where(Assignment.archived.is_(False), PlanNode.archived.is_(False))
        )
        if not past:  # today's rows are today's facts: let the database narrow them
            q = q.where(
                Assignment.status.in_(("not_started", "in_progress")),
                Assignment.workflow_state.not_in(rulebook.CLOSED_WORKFLOW),
                Assignment.deadline >= as_of,
                Assignment.deadline <= last,
            )
        if plan_id is not None:
            q = q.where(PlanNode.plan_id == plan_id)
        rows = s.execute(q).all()
        states = states_on(s, [a.id for a, *_ in rows], as_of)  # as each stood on the day
        due: list[DueItem] = []
        for a, label, title, unit in rows:
            st = states[a.id]
            if not st.exists or not rulebook.is_due_soon(
                st.status, st.workflow_state, st.deadline, as_of, horizon_days
            ):
                continue
            assert st.deadline is not None  # is_due_soon needs one
            due.append(
                DueItem(
                    a.node_id,
                    a.id,
                    label,
                    title,
                    unit,
                    st.role,
                    st.deadline,
                    (st.deadline - as_of).days,
                    rulebook.supervised_status(st.status, st.workflow_state, st.deadline, as_of),
                    st.percent,
                )
            )
    due.sort(key=lambda d: (d.deadline, d.role != "lead", d.node_id, d.unit))
    overdue = sorted(stats.overdue_by_unit_all.items(), key=lambda kv: (-kv[1], kv[0]))
    return DashboardData(plan_id, as_of, horizon_days, stats, overdue, due)
