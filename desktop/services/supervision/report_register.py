"""报送台账: each unit's monthly report logged as 按时, 迟报 or 未报, with the date, against the office's due day."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ... import clock, rulebook
from ...errors import NotFound, PlanDeskError
from ...fileio import atomic_path
from ...models import Assignment, Plan, PlanNode, ProgressEntry, Setting, Unit, WorkflowStep
from ...rulebook import DueRule
from ...storage import Database
from ..core.as_of import report_counts, states_on
from ..core.settings import get_setting
from ..core.validation import parse_date, parse_period, period_end
from ..core.workdays import WorkCalendar, work_calendar

# Setting ``reporting.due``: the report for month M is due on ``day`` of M (or of M+1 with next_month), moved to
# the next working day when that day is a holiday or weekend and ``next_workday`` is set.
DUE_SETTING = "reporting.due"
DEFAULT_DUE: dict[str, Any] = {"day": 25, "next_month": False, "next_workday": True}
STATE_NAMES = {"on_time": "按时", "late": "迟报", "missing": "未报", "pending": "未到期"}


def due_rule(db: Database) -> DueRule:
    stored = get_setting(db, DUE_SETTING, {}) or {}
    if not isinstance(stored, dict):
        raise PlanDeskError('设置 reporting.due 应为键值表，例如 {"day": 25}。', field=DUE_SETTING)
    values = {**DEFAULT_DUE, **stored}
    day = values["day"]
    if not isinstance(day, int) or isinstance(day, bool) or not 1 <= day <= 31:
        raise PlanDeskError(
            f"设置 reporting.due 中 day 应为 1 到 31 的整数，现为“{day}”。", field=DUE_SETTING
        )
    return DueRule(day, bool(values["next_month"]), bool(values["next_workday"]))


def set_due_rule(
    db: Database, *, day: int | None = None, next_month: bool | None = None, next_workday: bool | None = None
) -> DueRule:
    """Change the due day of the monthly report (checked before it is kept)."""
    changes: dict[str, Any] = {
        k: v
        for k, v in (("day", day), ("next_month", next_month), ("next_workday", next_workday))
        if v is not None
    }
    if day is not None and not 1 <= day <= 31:
        raise PlanDeskError(f"报送日应为 1 到 31 的整数，现为 {day}。", field="day")
    with db.write(cause="修改报送要求") as s:
        row = s.get(Setting, DUE_SETTING)
        if row is None:
            s.add(Setting(key=DUE_SETTING, value=changes))
        else:
            row.value = {**(row.value or {}), **changes}
    return due_rule(db)


@dataclass(frozen=True)
class LedgerCell:
    unit: str
    period: str
    state: str  # on_time | late | missing | pending
    due: dt.date
    reported_on: dt.date | None  # the day the unit's first report for the month arrived
    late_workdays: int  # working days after the due day (迟报), or so far (未报)
    assignments: int
    reported: int
    missing_assignment_ids: tuple[int, ...]  # owing assignments the month's reports left out

    @property
    def state_name(self) -> str:
        return STATE_NAMES[self.state]


@dataclass(frozen=True)
class ReportingLedger:
    periods: list[str]
    units: list[str]
    cells: list[LedgerCell]
    rule: str
    as_of: dt.date

    def cell(self, unit: str, period: str) -> LedgerCell | None:
        return next((c for c in self.cells if c.unit == unit and c.period == period), None)

    def counts(self, unit: str) -> dict[str, int]:
        out = dict.fromkeys(STATE_NAMES, 0)
        for c in self.cells:
            if c.unit == unit:
                out[c.state] += 1
        return out


def _periods(first: str, last: str) -> list[str]:
    a, b = parse_period(first, field="from"), parse_period(last, field="to")
    if b < a:
        raise PlanDeskError(f"结束月份 {b} 早于开始月份 {a}。", field="to")
    out, year, month = [], int(a[:4]), int(a[5:])
    while f"{year:04d}-{month:02d}" <= b:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


@dataclass(frozen=True)
class _Owed:
    id: int
    status: str
    begins: dt.date  # the rulebook's day the assignment exists from (交办 date, else the day it was recorded)


def _due_for(
    a: _Owed, period: str, due: dt.date, finished: dt.date | None, day: dt.date, reported: bool
) -> bool:
    """Whether an assignment's report for ``period`` is in the ledger on ``day``: it existed by the month's end
    and by the day (the rulebook's owes_month) and is not paused (暂缓); work closed (办结/销号) by the due day
    owes nothing more, but the report it closed with counts. A paused assignment's report, or one for a month
    before the assignment existed, fills no cell. Closing is final: closed work is judged by its close, whatever
    its status was set to afterwards."""
    if not rulebook.owes_month(a.begins, period_end(period), day):
        return False
    if finished is not None:
        return finished > due or reported
    return a.status != "suspended"


@dataclass
class _Facts:
    rows: list[tuple[_Owed, str]]
    first_report: dict[tuple[int, str], dt.date]
    finished: dict[int, dt.date]


def _facts(db: Database, plan_id: int | None, periods: list[str], day: dt.date) -> _Facts:
    with db.read() as s:
        if plan_id is not None and s.get(Plan, plan_id) is None:
            raise NotFound(f"找不到编号为 {plan_id} 的方案。", field="plan_id")
        q = (
            select(Assignment, Unit.name)
            .join(Unit, Unit.id == Assignment.unit_id)
            .join(PlanNode, PlanNode.id == Assignment.node_id)
            .where(PlanNode.archived.is_(False), Assignment.archived.is_(False))
        )
        if plan_id is not None:
            q = q.where(PlanNode.plan_id == plan_id)
        found = s.execute(q.order_by(Unit.name, Assignment.id)).all()
        states = states_on(s, [a.id for a, _ in found], day)  # as each stood on the ledger's day
        rows = [
            (
                _Owed(
                    a.id,
                    states[a.id].status,
                    rulebook.begins_on(states[a.id].start_date, states[a.id].recorded),
                ),
                name,
            )
            for a, name in found
        ]
        ids = [a.id for a, _ in rows]
        first_report: dict[tuple[int, str], dt.date] = {}
        for aid, period, reported in s.execute(
            select(ProgressEntry.assignment_id, ProgressEntry.period, ProgressEntry.reported_on).where(
                ProgressEntry.assignment_id.in_(ids),
                ProgressEntry.period.in_(periods),
                report_counts(day),  # a report dated after the ledger's day is not in it
            )
        ):
            when = reported or day
            key = (aid, period)
            if key not in first_report or when < first_report[key]:
                first_report[key] = when
        finished: dict[int, dt.date] = {}
        for aid, at in s.execute(
            select(WorkflowStep.assignment_id, WorkflowStep.at).where(
                WorkflowStep.assignment_id.in_(ids), WorkflowStep.step.in_(("close", "strike"))
            )
        ):
            if at.date() <= day:  # a close after the ledger's day is not known on it
                finished[aid] = at.date()
    return _Facts(rows, first_report, finished)


def reporting_ledger(
    db: Database,
    *,
    first: str,
    last: str,
    plan_id: int | None = None,
    as_of: str | dt.date | None = None,
) -> ReportingLedger:
    """The ledger for the months ``first``…``last``: one cell per unit and month (all plans and 督办事项 by default)."""
    periods = _periods(first, last)
    day = parse_date(as_of, field="as_of", label="统计日期") or clock.today()
    rule = due_rule(db)
    calendar = work_calendar(db)
    facts = _facts(db, plan_id, periods, day)
    by_unit: dict[str, list[_Owed]] = defaultdict(list)
    for a, name in facts.rows:
        by_unit[name].append(a)
    cells: list[LedgerCell] = []
    for unit in sorted(by_unit):
        for period in periods:
            due = rule.due(period, calendar)
            owing = [
                a
                for a in by_unit[unit]
                if _due_for(
                    a, period, due, facts.finished.get(a.id), day, (a.id, period) in facts.first_report
                )
            ]
            if not owing:
                continue
            dates = [facts.first_report.get((a.id, period)) for a in owing]
            missing = tuple(a.id for a, d in zip(owing, dates, strict=True) if d is None)
            reported = [d for d in dates if d is not None]
            # The unit's monthly report is the first one that arrived; items it left out are listed, not counted late.
            first_date = min(reported) if reported else None
            state, late = _state(calendar, due, day, first_date, not reported)
            cells.append(
                LedgerCell(unit, period, state, due, first_date, late, len(owing), len(reported), missing)
            )
    return ReportingLedger(periods, sorted(by_unit), cells, rule.text, day)


def _state(
    calendar: WorkCalendar, due: dt.date, day: dt.date, reported: dt.date | None, missing: bool
) -> tuple[str, int]:
    if missing:
        return ("missing", calendar.workdays_between(due, day)) if day > due else ("pending", 0)
    if reported is not None and reported > due:
        return "late", calendar.workdays_between(due, reported)
    return "on_time", 0


def assignment_lateness(
    db: Database, *, as_of: dt.date, plan_id: int | None = None, months: int = 12
) -> dict[int, list[tuple[str, str]]]:
    """For each assignment, its late (迟报) and missing (未报) months among the last ``months`` already due."""
    rule = due_rule(db)
    calendar = work_calendar(db)
    periods: list[str] = []
    year, month = as_of.year, as_of.month
    while len(periods) < months:
        period = f"{year:04d}-{month:02d}"
        if rule.due(period, calendar) < as_of:
            periods.append(period)
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    periods.reverse()
    facts = _facts(db, plan_id, periods, as_of)
    out: dict[int, list[tuple[str, str]]] = {}
    for a, _ in facts.rows:
        bad = []
        for period in periods:
            due = rule.due(period, calendar)
            reported = facts.first_report.get((a.id, period))
            if not _due_for(a, period, due, facts.finished.get(a.id), as_of, reported is not None):
                continue
            state, _ = _state(calendar, due, as_of, reported, reported is None)
            if state in ("late", "missing"):
                bad.append((period, state))
        out[a.id] = bad
    return out


def export_reporting_ledger(ledger: ReportingLedger, path: str | Path) -> Path:
    """报送台账.xlsx: units × months, each cell 按时/迟报/未报 with the date; a second sheet lists every cell."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    from ...reports import cell_text  # user text stays text, never a formula

    fills = {
        "on_time": PatternFill("solid", fgColor="D9EAD3"),
        "late": PatternFill("solid", fgColor="FFF2CC"),
        "missing": PatternFill("solid", fgColor="F4CCCC"),
    }
    wb = Workbook()
    ws = wb.active
    assert ws is not None  # a new workbook always has its first sheet
    ws.title = "报送台账"
    cell_text.append(ws, [f"报送台账（{ledger.rule}，统计至 {ledger.as_of.isoformat()}）"])
    ws["A1"].font = Font(bold=True)
    cell_text.append(ws, ["单位", *ledger.periods, "按时", "迟报", "未报"])
    for unit in ledger.units:
        row: list[Any] = [unit]
        for period in ledger.periods:
            c = ledger.cell(unit, period)
            if c is None:
                row.append("—")
            elif c.reported_on is not None and c.state in ("on_time", "late"):
                row.append(f"{c.state_name} {c.reported_on:%m-%d}")
            else:
                row.append(c.state_name)
        counts = ledger.counts(unit)
        cell_text.append(ws, [*row, counts["on_time"], counts["late"], counts["missing"]])
        for j, period in enumerate(ledger.periods, start=2):
            c = ledger.cell(unit, period)
            if c is not None and c.state in fills:
                ws.cell(ws.max_row, j).fill = fills[c.state]
    ws.freeze_panes = "B3"
    for col in ws.iter_cols(min_row=2, max_row=2):
        col[0].alignment = Alignment(horizontal="center")
    ws.column_dimensions["A"].width = 28
    detail = wb.create_sheet("明细")
    cell_text.append(
        detail,
        [
            "单位",
            "月份",
            "情况",
            "应报日期",
            "报送日期",
            "迟报/超期工作日",
            "应报项",
            "已报项",
            "未报分工记录",
        ],
    )
    for c in ledger.cells:
        cell_text.append(
            detail,
            [
                c.unit,
                c.period,
                c.state_name,
                c.due,
                c.reported_on,
                c.late_workdays,
                c.assignments,
                c.reported,
                "、".join(str(i) for i in c.missing_assignment_ids),
            ],
        )
    for cells in detail.iter_rows(min_row=2, min_col=4, max_col=5):
        for cell in cells:
            cell.number_format = "yyyy-mm-dd"
    detail.auto_filter.ref = detail.dimensions
    detail.freeze_panes = "A2"
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return Path(path)
