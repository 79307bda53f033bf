"""The plan period and the tasks' shares for the evaluation: 已完成 / 序时推进 / 滞后 by chapter and by unit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import clock, rulebook
from ...errors import NotFound
from ...models import Assignment, Indicator, Plan, PlanNode, Unit
from ...reports.evaluation_model import BehindTask, ShareRow, TaskEvaluation
from ...storage import Database
from ..core.as_of import AssignmentState, states_on
from ..core.validation import parse_date
from ..supervision.warnings import expected_percent, warning_rules


def load_plan(s: Session, plan_id: int) -> Plan:
    plan = s.get(Plan, plan_id)
    if plan is None:
        raise NotFound(f"找不到编号为 {plan_id} 的方案。", field="plan_id")
    return plan


def _target_years(ind: Indicator) -> list[int]:
    years = [ind.target_year] if ind.target_year else []
    for st in ind.stage_targets or []:
        if isinstance(st, dict) and str(st.get("year", "")).isdigit():
            years.append(int(st["year"]))
    return years


def period_of(s: Session, plan: Plan, inds: list[Indicator]) -> tuple[dt.date, dt.date]:
    """The plan period: from its issue date to the end of its first target year (or its last deadline)."""
    start = plan.issued_on
    if start is None:
        bases = [i.base_year for i in inds if i.base_year]
        start = dt.date(min(bases) + 1, 1, 1) if bases else dt.date(plan.imported_at.year, 1, 1)
    years = sorted(y for i in inds for y in _target_years(i) if y >= start.year)
    if years:
        return start, dt.date(years[0], 12, 31)
    last = s.scalar(
        select(Assignment.deadline)
        .join(PlanNode, PlanNode.id == Assignment.node_id)
        .where(PlanNode.plan_id == plan.id, Assignment.deadline.is_not(None))
        .order_by(Assignment.deadline.desc())
        .limit(1)
    )
    return start, last if last and last > start else dt.date(start.year + 4, 12, 31)


def plan_indicators(s: Session, plan_id: int) -> list[Indicator]:
    return list(
        s.scalars(
            select(Indicator)
            .where(Indicator.plan_id == plan_id, Indicator.archived.is_(False))
            .order_by(Indicator.position, Indicator.id)
        )
    )


def plan_period(db: Database, *, plan_id: int) -> tuple[dt.date, dt.date]:
    """Start and end of the plan period; the mid-term evaluation falls half way between them."""
    with db.read() as s:
        plan = load_plan(s, plan_id)
        return period_of(s, plan, plan_indicators(s, plan_id))


def midpoint(start: dt.date, end: dt.date) -> dt.date:
    return start + (end - start) / 2


def as_of_day(as_of: str | dt.date | None) -> dt.date:
    return parse_date(as_of, field="as_of", label="评估日期") or clock.today()


# -- tasks --------------------------------------------------------------------------------------------------


@dataclass
class _State:
    unit: str
    role: str
    status: str  # on the as-of day, as the rulebook reads it: done | overdue | in_progress | not_started | suspended
    percent: int
    cls: str  # done | on_schedule | behind | suspended: the assignment's own class, counted by unit
    reason: str = ""  # why it is behind (overdue, or short of its schedule)


def _assignment_state(then: AssignmentState, unit: str, as_of: dt.date, lag: float) -> _State:
    """An assignment as it stood at the end of as_of (``then``: its fields rebuilt from the audit trail, with
    the reports dated by then), classed for the evaluation."""
    status = rulebook.supervised_status(then.status, then.workflow_state, then.deadline, as_of)
    pct = 100 if status == "done" else then.percent
    if status in ("done", "suspended"):
        return _State(unit, then.role, status, pct, status)
    if status == "overdue":
        deadline = then.deadline.isoformat() if then.deadline else ""
        return _State(unit, then.role, status, pct, "behind", f"已逾期（截止 {deadline}），完成 {pct}%")
    expected = expected_percent(then.start_date, then.deadline, as_of)
    if expected is not None and float(expected) - pct > lag:
        return _State(unit, then.role, status, pct, "behind", f"序时进度 {float(expected):.0f}%，完成 {pct}%")
    return _State(unit, then.role, status, pct, "on_schedule")


def _count(row: ShareRow, cls: str, percent: float) -> None:
    row.total += 1
    if cls == "done":
        row.done += 1
    elif cls == "behind":
        row.behind += 1
    elif cls == "suspended":
        row.suspended += 1
    else:
        row.on_schedule += 1
    if cls != "suspended":
        row.percent_sum += percent


def _task_class(states: list[_State]) -> tuple[str, float, str, list[_State]]:
    """A task's class, 完成% and reason, and the assignments that decide it: its status is
    ``rulebook.task_status`` (the lead decides, the worst of several leads, every unit when none leads) and
    its 完成% ``rulebook.task_percent``; an unfinished task is behind when a deciding assignment is."""
    roles = [st.role for st in states]
    status = rulebook.task_status(roles, [st.status for st in states])
    percent = float(rulebook.task_percent(roles, [st.percent for st in states]))
    deciding = [states[i] for i in rulebook.deciding(roles)]
    if status == "done":
        return "done", 100.0, "", deciding
    if status == "suspended":
        return "suspended", percent, "", deciding
    behind = [st for st in deciding if st.cls == "behind"]
    if len(behind) == 1:
        return "behind", percent, behind[0].reason, deciding
    if behind:
        return "behind", percent, "；".join(f"{st.unit}：{st.reason}" for st in behind), deciding
    return "on_schedule", percent, "", deciding


def _chapters(s: Session, plan_id: int) -> dict[int, tuple[str, str, str]]:
    """Each node's (chapter name, label, title); its section's name when a plan has one chapter of tasks."""
    rows = s.execute(
        select(PlanNode.id, PlanNode.parent_id, PlanNode.kind, PlanNode.label, PlanNode.title).where(
            PlanNode.plan_id == plan_id
        )
    ).all()
    nodes = {r[0]: r for r in rows}

    def ancestor(nid: int, kind: str) -> str | None:
        cur: Any = nodes[nid]
        while cur is not None and cur[2] != kind:
            cur = nodes.get(cur[1]) if cur[1] is not None else None
        return f"{cur[3]}{cur[4]}" if cur is not None else None

    tasks = [r[0] for r in rows if r[2] in ("task", "item")]
    chapters = {nid: ancestor(nid, "chapter") or "其他" for nid in nodes}
    if len({chapters[t] for t in tasks}) == 1:
        chapters = {nid: ancestor(nid, "section") or chapters[nid] for nid in nodes}
    return {nid: (chapters[nid], nodes[nid][3], nodes[nid][4]) for nid in nodes}


def evaluate_tasks(
    db: Database, *, plan_id: int, as_of: str | dt.date, period: tuple[dt.date, dt.date] | None = None
) -> TaskEvaluation:
    """Tasks 已完成 / 序时推进 / 滞后 by chapter and by unit on as_of, and the 时间过半、任务过半 judgement.

    A task is as ``rulebook.task_status`` and ``rulebook.task_percent`` say of its assignments; by unit every
    assignment of the unit counts. Each assignment is as it stood at the end of as_of (``core.as_of``): only
    work that existed by then, with the status, 完成% and deadline recorded by then and the reports dated by
    then, whenever they were typed in.
    """
    day = as_of_day(as_of)
    lag = float(warning_rules(db)["lag_points"])
    with db.read() as s:
        plan = load_plan(s, plan_id)
        start, end = period or period_of(s, plan, plan_indicators(s, plan_id))
        chapters = _chapters(s, plan_id)
        rows = s.execute(
            select(Assignment, Unit.name)
            .join(Unit, Unit.id == Assignment.unit_id)
            .join(PlanNode, PlanNode.id == Assignment.node_id)
            .where(PlanNode.plan_id == plan_id, PlanNode.archived.is_(False), Assignment.archived.is_(False))
            .order_by(PlanNode.id, Assignment.id)
        ).all()
        # Each assignment as it stood on the day, by the one as-of history every report reads: work assigned
        # after it is left out, and a later change (a hand edit, a close, a new deadline) is undone.
        as_of_states = states_on(s, [a.id for a, _ in rows], day)
        by_node: dict[int, list[_State]] = {}
        by_unit: dict[str, ShareRow] = {}
        for a, unit in rows:
            then = as_of_states[a.id]
            if not then.exists:
                continue
            st = _assignment_state(then, unit, day, lag)
            by_node.setdefault(a.node_id, []).append(st)
            _count(by_unit.setdefault(unit, ShareRow(unit)), st.cls, float(st.percent))
    overall = ShareRow("合计")
    by_chapter: dict[str, ShareRow] = {}
    behind: list[BehindTask] = []
    for node_id, states in by_node.items():
        cls, percent, reason, deciding = _task_class(states)
        chapter, label, title = chapters.get(node_id, ("其他", "", ""))
        _count(overall, cls, percent)
        _count(by_chapter.setdefault(chapter, ShareRow(chapter)), cls, percent)
        if cls == "behind":
            units = "、".join(dict.fromkeys(st.unit for st in deciding))
            behind.append(BehindTask(node_id, label, title, units, reason))
    span = (end - start).days
    time_share = round(100.0 * max(0, min(span, (day - start).days)) / span, 1) if span > 0 else 100.0
    # By the count of lagging assignments, as "任务滞后较多的单位" names them (rulebook.most), then by share.
    units_sorted = sorted(by_unit.values(), key=lambda r: (-r.behind, -r.share(r.behind), r.name))
    return TaskEvaluation(
        day,
        time_share,
        overall,
        list(by_chapter.values()),
        units_sorted,
        behind,
        _judgement(time_share, overall),
    )


def _judgement(time_share: float, overall: ShareRow) -> str:
    """The 时间 / 任务 judgement in the rulebook's words; the 任务 share is the mean 完成% of the tasks."""
    if not overall.total:
        return "尚未分解任务，无法判断任务进度。"
    if overall.suspended == overall.total:
        return f"重点任务均已暂缓（{overall.total} 项），无法判断任务进度。"
    verdict = rulebook.progress_verdict(time_share, overall.mean_percent)
    return (
        f"{verdict}（任务完成为各项任务完成%的平均，暂缓的不计；已完成 {overall.done}/{overall.total} 项）。"
    )
