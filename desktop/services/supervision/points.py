"""考核 by a published point rule: points per event (按时反馈, 逾期, 被退回, 按期办结 …), each traceable to its event."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ... import rulebook
from ...errors import PlanDeskError
from ...fileio import atomic_path
from ...models import Assignment, PlanNode, Setting, Unit, WorkflowStep
from ...storage import Database
from ..core.as_of import states_on
from ..core.settings import get_setting
from ..core.validation import period_end
from .report_register import ReportingLedger, reporting_ledger

POINTS_SETTING = "scoring.points"
# Event → (name, default points). The order is the order the method is printed in.
EVENTS: dict[str, tuple[str, float]] = {
    "on_time": ("按时反馈", 1),
    "late": ("迟报", 0),
    "missing": ("未报", -1),
    "overdue": ("逾期", -1),
    "returned": ("被退回", -2),
    "closed_on_time": ("按期办结", 2),
    "closed_late": ("逾期办结", 0),
}
# What one event is: a unit's month, an assignment, a return.
PER = {
    "on_time": "月",
    "late": "月",
    "missing": "月",
    "overdue": "项",
    "returned": "次",
    "closed_on_time": "项",
    "closed_late": "项",
}


def point_rule(db: Database) -> dict[str, float]:
    """Setting ``scoring.points`` (e.g. {"returned": -3}) over the defaults."""
    stored = get_setting(db, POINTS_SETTING, {}) or {}
    if not isinstance(stored, dict):
        raise PlanDeskError(
            '设置 scoring.points 应为键值表，例如 {"on_time": 1, "overdue": -1}。', field=POINTS_SETTING
        )
    rule = {k: v for k, (_, v) in EVENTS.items()}
    for key, value in stored.items():
        if key not in EVENTS:
            raise PlanDeskError(
                f"设置 scoring.points 中的“{key}”无效，可选：{'、'.join(EVENTS)}。", field=POINTS_SETTING
            )
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise PlanDeskError(
                f"设置 scoring.points 中 {key} 应为数字，现为“{value}”。", field=POINTS_SETTING
            )
        rule[key] = value
    return rule


EVENT_CODES = {name: code for code, (name, _) in EVENTS.items()}


def set_point_rule(db: Database, *, points: dict[str, float]) -> dict[str, float]:
    """Change the points of some events (by code or Chinese name, e.g. {"被退回": -3}); checked before kept."""
    clean: dict[str, float] = {}
    for key, value in points.items():
        code = EVENT_CODES.get(key.strip(), key.strip())
        if code not in EVENTS:
            raise PlanDeskError(
                f"计分事项“{key}”无效，可选：{'、'.join(name for name, _ in EVENTS.values())}。",
                field=POINTS_SETTING,
            )
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise PlanDeskError(f"“{key}”的分值应为数字。", field=POINTS_SETTING)
        clean[code] = value
    with db.write(cause="修改计分办法") as s:
        row = s.get(Setting, POINTS_SETTING)
        if row is None:
            s.add(Setting(key=POINTS_SETTING, value=clean))
        else:
            row.value = {**(row.value or {}), **clean}
    return point_rule(db)


def method_text(rule: dict[str, float], reporting_rule: str) -> str:
    """The method as printed beside the ranking."""
    parts = [f"{EVENTS[k][0]} {v:+g}分/{PER[k]}" for k, v in rule.items() if v]
    return f"计分办法：{'；'.join(parts)}。报送以{reporting_rule}为准；逾期按统计日仍未完成且已过截止日期计。"


@dataclass(frozen=True)
class PointEvent:
    unit: str
    event: str
    name: str
    points: float
    on: dt.date
    assignment_id: int | None
    node: str  # label and title of the task or item
    detail: str


@dataclass(frozen=True)
class UnitPoints:
    unit: str
    points: float
    counts: dict[str, int]
    rank: int


@dataclass(frozen=True)
class PointRanking:
    units: list[UnitPoints]
    events: list[PointEvent]
    method: str
    first: str
    last: str
    as_of: dt.date

    def events_of(self, unit: str) -> list[PointEvent]:
        return [e for e in self.events if e.unit == unit]


def point_ranking(
    db: Database,
    *,
    first: str,
    last: str,
    plan_id: int | None = None,
    as_of: str | dt.date | None = None,
) -> PointRanking:
    """Every event of the months ``first``…``last`` scored by the rule; units ranked by their total."""
    ledger = reporting_ledger(db, first=first, last=last, plan_id=plan_id, as_of=as_of)
    rule = point_rule(db)
    start = dt.date(int(ledger.periods[0][:4]), int(ledger.periods[0][5:]), 1)
    end = min(period_end(ledger.periods[-1]), ledger.as_of)
    events = _reporting_events(ledger, rule)
    work, present = _work_events(db, rule, plan_id, start, end, ledger.as_of)
    events += work
    events.sort(key=lambda e: (e.unit, e.on, e.event))
    totals: dict[str, float] = defaultdict(float)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(EVENTS, 0))
    # Units with work on the statistics day, not every unit assigned since: one assigned later would shift the
    # ranks of the others between two printings of the same day.
    for unit in present:
        totals[unit] += 0
        counts[unit]
    for e in events:
        totals[e.unit] += e.points
        counts[e.unit][e.event] += 1
    # A unit that owed a report in the months and sent none ranks after every unit that sent one (the rulebook's
    # ranking rule, as in the 考核 score); equal points share a rank.
    owed = {c.unit for c in ledger.cells}
    sent = {c.unit for c in ledger.cells if c.state in ("on_time", "late")}
    silent = owed - sent
    ordered = sorted(totals, key=lambda u: (u in silent, -round(totals[u], 2), u))
    ranks = rulebook.shared_ranks(ordered, lambda u: (u in silent, round(totals[u], 2)))
    units = [
        UnitPoints(unit, round(totals[unit], 2), dict(counts[unit]), rank)
        for unit, rank in zip(ordered, ranks, strict=True)
    ]
    return PointRanking(
        units, events, method_text(rule, ledger.rule), ledger.periods[0], ledger.periods[-1], ledger.as_of
    )


def _reporting_events(ledger: ReportingLedger, rule: dict[str, float]) -> list[PointEvent]:
    out = []
    for c in ledger.cells:
        if c.state == "pending":
            continue
        if c.state == "missing":
            detail = f"{c.period} 应于 {c.due.isoformat()} 前报送，未报 {len(c.missing_assignment_ids)} 项"
            on = c.due
        elif c.state == "late":
            detail = f"{c.period} 应于 {c.due.isoformat()} 前报送，{c.reported_on} 报送，迟 {c.late_workdays} 个工作日"
            on = c.reported_on or c.due
        else:
            detail = f"{c.period} 于 {c.reported_on} 报送（应于 {c.due.isoformat()} 前）"
            on = c.reported_on or c.due
        out.append(PointEvent(c.unit, c.state, EVENTS[c.state][0], rule[c.state], on, None, "", detail))
    return out


def _work_events(
    db: Database, rule: dict[str, float], plan_id: int | None, start: dt.date, end: dt.date, as_of: dt.date
) -> tuple[list[PointEvent], set[str]]:
    """The events of the work itself (逾期, 被退回, 办结) and the units with an assignment existing on ``as_of``."""
    out: list[PointEvent] = []
    with db.read() as s:
        q = (
            select(Assignment, Unit.name, PlanNode.label, PlanNode.title)
            .join(Unit, Unit.id == Assignment.unit_id)
            .join(PlanNode, PlanNode.id == Assignment.node_id)
            .where(PlanNode.archived.is_(False), Assignment.archived.is_(False))
        )
        if plan_id is not None:
            q = q.where(PlanNode.plan_id == plan_id)
        rows = {a.id: (a, unit, f"{label}{title}") for a, unit, label, title in s.execute(q)}
        steps = s.execute(
            select(WorkflowStep.assignment_id, WorkflowStep.step, WorkflowStep.at, WorkflowStep.note)
            .where(
                WorkflowStep.assignment_id.in_(list(rows)),
                WorkflowStep.step.in_(("return", "close", "strike")),
            )
            .order_by(WorkflowStep.id)
        ).all()
        states = states_on(s, list(rows), as_of)
        closed: set[int] = set()
        for aid, step, at, note in steps:
            _a, unit, node = rows[aid]
            day = at.date()
            if step in ("close", "strike") and day <= as_of:
                closed.add(aid)  # a close after the statistics day leaves the work overdue on it
            # Work that does not exist yet on the statistics day (its 交办 date is later) scores nothing there.
            if not start <= day <= end or not states[aid].exists:
                continue
            if step == "return":
                out.append(
                    PointEvent(unit, "returned", "被退回", rule["returned"], day, aid, node, note or "退回")
                )
            elif (deadline := states[aid].deadline) is None or day <= deadline:
                # the deadline in force on the statistics day: a 更正 recorded later does not change the points
                out.append(
                    PointEvent(
                        unit,
                        "closed_on_time",
                        "按期办结",
                        rule["closed_on_time"],
                        day,
                        aid,
                        node,
                        f"截止 {deadline or '—'}",
                    )
                )
            else:
                out.append(
                    PointEvent(
                        unit,
                        "closed_late",
                        "逾期办结",
                        rule["closed_late"],
                        day,
                        aid,
                        node,
                        f"截止 {deadline}",
                    )
                )
        # 逾期 by the rulebook's one rule, as the 考核 score and the reports count it: each assignment overdue on
        # the statistics day, as it stood then (not only work that happened to fall due inside the months).
        present = {unit for aid, (_a, unit, _node) in rows.items() if states[aid].exists}
        for aid, (_a, unit, node) in rows.items():
            st = states[aid]
            if aid in closed or not st.exists or st.deadline is None:
                continue
            if rulebook.is_overdue(st.status, st.workflow_state, st.deadline, as_of):
                overdue_on = st.deadline + dt.timedelta(days=1)
                out.append(
                    PointEvent(
                        unit,
                        "overdue",
                        "逾期",
                        rule["overdue"],
                        overdue_on,
                        aid,
                        node,
                        f"截止 {st.deadline}，未完成",
                    )
                )
        return out, present


def export_point_ranking(ranking: PointRanking, path: str | Path) -> Path:
    """考核得分.xlsx: the ranking with the method above it, and every event behind the points on a second sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from ...reports import cell_text  # user text stays text, never a formula

    wb = Workbook()
    ws = wb.active
    assert ws is not None  # a new workbook always has its first sheet
    ws.title = "考核排名"
    cell_text.append(
        ws, [f"考核排名（{ranking.first} 至 {ranking.last}，统计至 {ranking.as_of.isoformat()}）"]
    )
    ws["A1"].font = Font(bold=True)
    cell_text.append(ws, [ranking.method])
    ws["A2"].alignment = Alignment(wrap_text=True)
    cell_text.append(ws, ["名次", "单位", "得分", *(name for name, _ in EVENTS.values())])
    for u in ranking.units:
        cell_text.append(ws, [u.rank, u.unit, u.points, *(u.counts[k] for k in EVENTS)])
    ws.column_dimensions["B"].width = 28
    detail = wb.create_sheet("计分明细")
    cell_text.append(detail, ["单位", "日期", "事项", "分值", "分工记录", "条目", "说明"])
    for e in ranking.events:
        cell_text.append(detail, [e.unit, e.on, e.name, e.points, e.assignment_id, e.node, e.detail])
    for cells in detail.iter_rows(min_row=2, min_col=2, max_col=2):
        cells[0].number_format = "yyyy-mm-dd"
    detail.auto_filter.ref = detail.dimensions
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return Path(path)
