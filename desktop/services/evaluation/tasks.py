"""The plan period and the tasks' shares for the evaluation: 已完成 / 序时推进 / 滞后 by chapter and by unit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import NotFound
from ...models import Assignment, Indicator, Plan, PlanNode, ProgressEntry, Unit
from ...reports.evaluation_model import BehindTask, ShareRow, TaskEvaluation, number
from ...storage import Database
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
    return parse_date(as_of, field="as_of", label="评估日期") or dt.date.today()


# -- tasks --------------------------------------------------------------------------------------------------


@dataclass
class _State:
    unit: str
    role: str
    percent: int
    cls: str  # done | on_schedule | behind | suspended
    reason: str = ""


def _assignment_state(
    a: Assignment, unit: str, history: list[tuple[str, int]], as_of: dt.date, live: bool, lag: float
) -> _State:
    """An assignment as it stood on as_of: today's record when as_of is today or later, else its reports."""
    if live:
        pct = 100 if a.status == "done" else a.percent
    else:
        month = f"{as_of:%Y-%m}"
        reported = [p for period, p in history if period <= month]
        pct = reported[-1] if reported else 0
    if a.status == "suspended":
        return _State(unit, a.role, pct, "suspended")
    if pct >= 100:
        return _State(unit, a.role, 100, "done")
    if a.deadline is not None and a.deadline < as_of:
        return _State(unit, a.role, pct, "behind", f"已逾期（截止 {a.deadline.isoformat()}），完成 {pct}%")
    expected = expected_percent(a.start_date, a.deadline, as_of)
    if expected is not None and float(expected) - pct > lag:
        return _State(unit, a.role, pct, "behind", f"序时进度 {float(expected):.0f}%，完成 {pct}%")
    return _State(unit, a.role, pct, "on_schedule")


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


def _task_class(states: list[_State]) -> tuple[str, float, str]:
    leads = [st for st in states if st.role == "lead"] or states
    counted = [st for st in leads if st.cls != "suspended"]
    if not counted:
        return "suspended", 0.0, ""
    percent = sum(st.percent for st in counted) / len(counted)
    if all(st.cls == "done" for st in counted):
        return "done", 100.0, ""
    behind = [st for st in counted if st.cls == "behind"]
    if len(behind) == 1:
        return "behind", percent, behind[0].reason
    if behind:
        return "behind", percent, "；".join(f"{st.unit}：{st.reason}" for st in behind)
    return "on_schedule", percent, ""


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

    A task counts by its lead assignments; by unit every assignment of the unit counts. For a date before today
    an assignment's percent is the last one it reported up to that month (none reported: 0 %), since the
    assignment itself holds only today's state.
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
        history: dict[int, list[tuple[str, int]]] = {}
        if rows:
            for aid, period_, pct in s.execute(
                select(ProgressEntry.assignment_id, ProgressEntry.period, ProgressEntry.percent)
                .where(
                    ProgressEntry.assignment_id.in_([a.id for a, _ in rows]),
                    ProgressEntry.percent.is_not(None),
                )
                .order_by(ProgressEntry.period, ProgressEntry.id)
            ):
                history.setdefault(aid, []).append((period_, pct))
        live = day >= dt.date.today()
        by_node: dict[int, list[_State]] = {}
        by_unit: dict[str, ShareRow] = {}
        for a, unit in rows:
            st = _assignment_state(a, unit, history.get(a.id, []), day, live, lag)
            by_node.setdefault(a.node_id, []).append(st)
            _count(by_unit.setdefault(unit, ShareRow(unit)), st.cls, float(st.percent))
    overall = ShareRow("合计")
    by_chapter: dict[str, ShareRow] = {}
    behind: list[BehindTask] = []
    for node_id, states in by_node.items():
        cls, percent, reason = _task_class(states)
        chapter, label, title = chapters.get(node_id, ("其他", "", ""))
        _count(overall, cls, percent)
        _count(by_chapter.setdefault(chapter, ShareRow(chapter)), cls, percent)
        if cls == "behind":
            units = "、".join(
                dict.fromkeys(st.unit for st in states if st.role == "lead") or [states[0].unit]
            )
            behind.append(BehindTask(node_id, label, title, units, reason))
    span = (end - start).days
    time_share = round(100.0 * max(0, min(span, (day - start).days)) / span, 1) if span > 0 else 100.0
    units_sorted = sorted(by_unit.values(), key=lambda r: (-r.share(r.behind), -r.total, r.name))
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
    task = overall.mean_percent
    head = f"时间进度 {number(time_share, 1)}%，任务平均完成 {number(task, 1)}%（已完成 {overall.done}/{overall.total} 项）"
    if not overall.total:
        return "尚未分解任务，无法判断任务进度。"
    if time_share >= 50:
        words = "时间过半、任务过半" if task >= 50 else "时间过半、任务未过半"
    elif task >= time_share - 5:
        words = "任务进度与时间进度基本同步" if task < time_share + 5 else "任务进度快于时间进度"
    else:
        words = "任务进度慢于时间进度"
    return f"{head}：{words}。"
