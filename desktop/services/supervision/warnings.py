"""Warnings by elapsed time (临期, 序时进度滞后, 逾期, 未报送), rolled up the tree and by unit; 报送情况."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import clock
from ...errors import NotFound, PlanDeskError
from ...models import Assignment, Plan, PlanNode, ProgressEntry, Setting, SupervisionItem, Unit
from ...storage import Database
from ..core.as_of import report_counts, states_on
from ..core.settings import get_setting
from ..core.statistics import unassigned_work
from ..core.tree import document_order
from ..core.validation import parse_date, parse_period, period_end
from ..core.workdays import WorkCalendar, remaining_text, work_calendar
from .checkpoints import missed_checkpoints
from .workflow import FINAL_STATES

RULES_KEY = "warnings.rules"
MAX_DUE_DAYS = 90
DEFAULT_RULES: dict[str, Any] = {"due_days": 7, "lag_points": 20, "overdue": True, "no_feedback": True}
COLOURS = ("red", "orange", "yellow")  # worst first
COLOUR_NAMES = {"red": "红色", "orange": "橙色", "yellow": "黄色"}
RULE_NAMES = {
    "overdue": "逾期",
    "no_feedback": "本期未报送",
    "due_soon": "临近截止",
    "lagging": "序时进度滞后",
    "checkpoint": "节点目标未达成",
}


@dataclass(frozen=True)
class Alert:
    """One 预警 on one assignment (named Alert: ``Warning`` is a Python builtin)."""

    node_id: int
    assignment_id: int
    unit: str
    colour: str  # red | orange | yellow
    rule: str  # overdue | no_feedback | due_soon | lagging | checkpoint
    reason: str
    node_label: str = ""
    node_title: str = ""
    deadline: dt.date | None = None


@dataclass(frozen=True)
class UnitReporting:
    unit: str
    assignments: int
    reported: int
    missing_assignment_ids: list[int] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing_assignment_ids


@dataclass(frozen=True)
class UnassignedTask:
    """未分工: work the document makes someone responsible for, still without an assignment."""

    node_id: int
    title: str
    doc_units: list[str]
    label: str = ""  # the node's own number (3.), as the warnings show it


def unassigned_tasks(db: Database, *, plan_id: int, as_of: dt.date | None = None) -> list[UnassignedTask]:
    """The plan's 未分工 tasks on ``as_of`` (default today): the same ones the report, the dashboard and the
    ledger count — with no assignment, or only assignments made after the day."""
    day = as_of or clock.today()
    with db.read() as s:
        _plan(s, plan_id)
        query = select(PlanNode.id, PlanNode.label, PlanNode.title).where(PlanNode.plan_id == plan_id)
        nodes = {nid: (label, title) for nid, label, title in s.execute(query)}
        out = [
            UnassignedTask(nid, title, units, nodes[nid][0] or "")
            for nid, _pid, title, units in unassigned_work(s, [plan_id])
        ]
        rows = s.execute(
            select(Assignment.id, Assignment.node_id)
            .join(PlanNode, PlanNode.id == Assignment.node_id)
            .where(PlanNode.plan_id == plan_id, PlanNode.archived.is_(False), Assignment.archived.is_(False))
        ).all()
        states = states_on(s, [aid for aid, _ in rows], day)
        rank = document_order(s, plan_id)
    existing = {nid for aid, nid in rows if states[aid].exists}
    for nid in dict.fromkeys(nid for _, nid in rows if nid not in existing):
        out.append(UnassignedTask(nid, nodes[nid][1], [], nodes[nid][0] or ""))
    return sorted(out, key=lambda t: rank.get(t.node_id, len(rank)))  # in the document's order


def warning_rules(db: Database) -> dict[str, Any]:
    """The configured rule set (Setting ``warnings.rules``) over the defaults, checked."""
    stored = get_setting(db, "warnings.rules", {}) or {}
    if not isinstance(stored, dict):
        raise PlanDeskError(
            '设置 warnings.rules 应为键值表，例如 {"due_days": 7, "lag_points": 20}。', field="warnings.rules"
        )
    rules = {**DEFAULT_RULES, **stored}
    for key in ("due_days", "lag_points"):
        value = rules[key]
        if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
            raise PlanDeskError(
                f"设置 warnings.rules 中 {key} 应为非负数，现为“{value}”。", field="warnings.rules"
            )
    return rules


def due_soon_days(db: Database) -> int:
    """临期: how many days before its deadline work counts as due soon — the one setting every count reads."""
    return int(warning_rules(db)["due_days"])


def set_due_soon_days(db: Database, *, days: int) -> int:
    """Change 临期 (warnings.rules["due_days"]) for everyone using the database; returns the days now in force."""
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_DUE_DAYS:
        raise PlanDeskError(f"临期天数应为 0 到 {MAX_DUE_DAYS} 之间的整数，现为“{days}”。", field="due_days")
    with db.write(cause="修改临期天数") as s:
        _store_due_days(s, days, only_if_unset=False)
    return days


def adopt_due_soon_days(db: Database, *, days: int) -> bool:
    """Take over a due-soon window kept elsewhere (an older window preference) once: only when the database
    has no 临期 of its own and ``days`` differs from the default. True when it was taken over."""
    if isinstance(days, bool) or not 0 <= days <= MAX_DUE_DAYS or days == DEFAULT_RULES["due_days"]:
        return False
    with db.write(cause="沿用原窗口设置的临期天数") as s:
        return _store_due_days(s, days, only_if_unset=True)


def _store_due_days(s: Session, days: int, *, only_if_unset: bool) -> bool:
    row = s.get(Setting, RULES_KEY)
    stored = row.value if row is not None else None
    if stored is not None and not isinstance(stored, dict):
        raise PlanDeskError(
            '设置 warnings.rules 应为键值表，例如 {"due_days": 7, "lag_points": 20}。', field="warnings.rules"
        )
    rules = dict(stored or {})
    if only_if_unset and "due_days" in rules:
        return False
    rules["due_days"] = days
    if row is None:
        s.add(Setting(key=RULES_KEY, value=rules))
    else:
        row.value = rules  # a new dict, so the JSON column sees the change
    return True


def colour_rank(colour: str) -> int:
    return COLOURS.index(colour) if colour in COLOURS else len(COLOURS)


def worst_colour(colours: list[str]) -> str:
    present = [c for c in colours if c in COLOURS]
    return min(present, key=colour_rank) if present else ""


def expected_percent(start: dt.date | None, deadline: dt.date | None, as_of: dt.date) -> Fraction | None:
    """序时进度: the share of the time between start and deadline that has passed, in percent (exact)."""
    if start is None or deadline is None or deadline <= start or as_of < start:
        return None
    elapsed = min((as_of - start).days, (deadline - start).days)
    return Fraction(100 * elapsed, (deadline - start).days)


def assess(
    *,
    percent: int,
    start: dt.date | None,
    deadline: dt.date | None,
    reported_this_period: bool,
    as_of: dt.date,
    rules: dict[str, Any],
    workdays: WorkCalendar | None = None,
) -> list[tuple[str, str, str]]:
    """(colour, rule, reason) for one open assignment; pure, so the boundaries are easy to test.

    With ``workdays`` (a 督办事项 whose period is in working days) the time left or overdue is told in
    working days, as the item's rule counts it; which warnings fire does not change.
    """
    out: list[tuple[str, str, str]] = []
    if deadline is not None and deadline < as_of:
        if rules.get("overdue", True):
            late = (
                f"已逾期 {(as_of - deadline).days} 天"
                if workdays is None
                else remaining_text(workdays, as_of, deadline, "workday")
            )
            out.append(("red", "overdue", f"{late}（截止日期 {deadline.isoformat()}）"))
    else:
        if deadline is not None and (deadline - as_of).days <= rules["due_days"]:
            left = (deadline - as_of).days
            if left == 0:
                when = "今天到期"
            elif workdays is None:
                when = f"距截止日期还有 {left} 天"
            else:
                when = remaining_text(workdays, as_of, deadline, "workday")
            out.append(("yellow", "due_soon", f"{when}（截止日期 {deadline.isoformat()}），完成 {percent}%"))
        expected = expected_percent(start, deadline, as_of)
        if expected is not None and expected - percent > rules["lag_points"]:
            out.append(
                (
                    "yellow",
                    "lagging",
                    f"序时进度 {float(expected):.0f}%，报告进度 {percent}%，"
                    f"落后 {float(expected - percent):.0f} 个百分点",
                )
            )
    started = start is None or start <= as_of
    if rules.get("no_feedback", True) and started and not reported_this_period:
        out.append(("orange", "no_feedback", f"本期（{as_of:%Y-%m}）尚未报送进展"))
    return out


def _reported(s: Session, ids: list[int], period: str, day: dt.date) -> set[int]:
    """The assignments among ``ids`` with a report for ``period`` that counts on ``day``."""
    if not ids:
        return set()
    return set(
        s.scalars(
            select(ProgressEntry.assignment_id).where(
                ProgressEntry.assignment_id.in_(ids), ProgressEntry.period == period, report_counts(day)
            )
        )
    )


def _plan(s: Session, plan_id: int) -> Plan:
    plan = s.get(Plan, plan_id)
    if plan is None:
        raise NotFound(f"找不到编号为 {plan_id} 的方案。", field="plan_id")
    return plan


def compute_warnings(db: Database, *, plan_id: int, as_of: str | dt.date | None = None) -> list[Alert]:
    """Every warning for the open assignments of a plan on ``as_of`` (default today), worst first."""
    day = parse_date(as_of, field="as_of", label="日期") or clock.today()
    rules = warning_rules(db)
    period = f"{day:%Y-%m}"
    calendar: WorkCalendar | None = None
    with db.read() as s:
        _plan(s, plan_id)
        in_workdays = set(
            s.scalars(
                select(SupervisionItem.node_id)
                .join(PlanNode, PlanNode.id == SupervisionItem.node_id)
                .where(PlanNode.plan_id == plan_id, SupervisionItem.rule_unit == "workday")
            )
        )
    if in_workdays:
        calendar = work_calendar(db)
    with db.read() as s:
        rows = s.execute(
            select(Assignment, Unit.name, PlanNode.label, PlanNode.title)
            .join(Unit, Unit.id == Assignment.unit_id)
            .join(PlanNode, PlanNode.id == Assignment.node_id)
            .where(
                PlanNode.plan_id == plan_id,
                PlanNode.archived.is_(False),
                Assignment.archived.is_(False),
            )
            .order_by(PlanNode.id, Assignment.id)
        ).all()
        # Each assignment as it stood on the day (the one clock): open work that existed by then.
        states = states_on(s, [a.id for a, *_ in rows], day)
        rows = [
            row
            for row in rows
            if states[row[0].id].exists
            and states[row[0].id].status not in ("done", "suspended")
            and states[row[0].id].workflow_state not in FINAL_STATES
        ]
        ids = [a.id for a, *_ in rows]
        reported = _reported(s, ids, period, day)
        out: list[Alert] = []
        for a, unit, label, title in rows:
            then = states[a.id]
            deadline = then.deadline  # every change of it was approved or corrected, and is on record
            for colour, rule, reason in assess(
                percent=then.percent,
                start=then.start_date,
                deadline=deadline,
                reported_this_period=a.id in reported,
                as_of=day,
                rules=rules,
                workdays=calendar if a.node_id in in_workdays else None,
            ):
                out.append(Alert(a.node_id, a.id, unit, colour, rule, reason, label, title, deadline))
        open_work = {
            (a.node_id, unit): (a.id, states[a.id].deadline, label, title)
            for a, unit, label, title in reversed(rows)
        }
    # 节点目标 passed without the expected percent: yellow, on the lead unit's open assignment.
    for missed in missed_checkpoints(db, plan_id=plan_id, as_of=day):
        c = missed.checkpoint
        found = open_work.get((missed.node_id, c.unit))
        if found is None:  # the lead unit's work is finished, suspended or archived: nothing to warn
            continue
        assignment_id, deadline, label, title = found
        reached = "尚未报送进度" if c.actual_percent is None else f"实际完成 {c.actual_percent}%"
        out.append(
            Alert(
                missed.node_id,
                assignment_id,
                c.unit,
                "yellow",
                "checkpoint",
                f"节点目标“{c.title or '节点'}”未达成：{c.due.isoformat()} 前应完成 "
                f"{c.expected_percent}%，{reached}",
                label,
                title,
                deadline,
            )
        )
    out.sort(key=lambda w: (colour_rank(w.colour), w.node_id, w.assignment_id))
    return out


def plan_tree(db: Database, *, plan_id: int) -> dict[int, int | None]:
    """node id → parent id for a whole plan (what ``rollup`` walks)."""
    with db.read() as s:
        return dict(
            s.execute(select(PlanNode.id, PlanNode.parent_id).where(PlanNode.plan_id == plan_id))
            .tuples()
            .all()
        )


def rollup(warnings: list[Alert], tree: dict[int, int | None]) -> dict[int, str]:
    """node id → the worst colour of its own warnings and everything below it (a collapsed chapter shows it)."""
    out: dict[int, str] = {}
    for w in warnings:
        node: int | None = w.node_id
        seen: set[int] = set()
        while node is not None and node not in seen:
            seen.add(node)
            if colour_rank(w.colour) < colour_rank(out.get(node, "")):
                out[node] = w.colour
            node = tree.get(node)
    return out


def unit_counts(warnings: list[Alert]) -> dict[str, dict[str, int]]:
    """unit → {colour: number of its assignments whose worst warning has that colour}, most serious first."""
    worst_by_assignment: dict[tuple[str, int], str] = {}
    for w in warnings:
        key = (w.unit, w.assignment_id)
        worst_by_assignment[key] = worst_colour([worst_by_assignment.get(key, ""), w.colour])
    counts: dict[str, Counter[str]] = {}
    for (unit, _), colour in worst_by_assignment.items():
        counts.setdefault(unit, Counter())[colour] += 1
    ordered = sorted(counts.items(), key=lambda kv: tuple(-kv[1].get(c, 0) for c in COLOURS) + (kv[0],))
    return {unit: {c: counter.get(c, 0) for c in COLOURS} for unit, counter in ordered}


def reporting_status(
    db: Database, *, plan_id: int, period: str, as_of: dt.date | None = None
) -> list[UnitReporting]:
    """报送情况: per unit, how many open assignments had to report in ``period`` and which have not, as of
    ``as_of`` — by default today, so a unit that reported late is not chased again; given the report's as-of day
    it names the monthly report's 未报送."""
    period = parse_period(period)
    end = period_end(period)
    day = as_of or clock.today()
    with db.read() as s:
        _plan(s, plan_id)
        rows = s.execute(
            select(Assignment.id, Unit.name)
            .join(Unit, Unit.id == Assignment.unit_id)
            .join(PlanNode, PlanNode.id == Assignment.node_id)
            .where(
                PlanNode.plan_id == plan_id,
                PlanNode.archived.is_(False),
                Assignment.archived.is_(False),
            )
            .order_by(Assignment.id)
        ).all()
        states = states_on(s, [aid for aid, _ in rows], day)  # as each stood on the day
        due = []
        for aid, unit in rows:
            st = states[aid]
            start = st.start_date
            if (
                st.exists
                and st.status not in ("done", "suspended")
                and st.workflow_state not in FINAL_STATES
                and (start is None or start <= end)
            ):
                due.append((aid, unit))
        ids = [aid for aid, _ in due]
        reported = _reported(s, ids, period, day)
    per_unit: dict[str, list[int]] = {}
    for aid, unit in due:
        per_unit.setdefault(unit, []).append(aid)
    out = [
        UnitReporting(
            unit, len(ids_), sum(1 for i in ids_ if i in reported), [i for i in ids_ if i not in reported]
        )
        for unit, ids_ in per_unit.items()
    ]
    out.sort(key=lambda u: (-len(u.missing_assignment_ids), u.unit))
    return out
