"""考核: per-unit feedback timeliness, 办结率, overdue and returned reports, ranked by the office's method.

Two methods (Setting ``scoring.method``): ``weights`` scores the rates and counts with ``scoring.weights``;
``points`` totals the published point rule (``scoring.points``, the 报送台账's 计分办法). Without the
setting, an office that has configured a point rule ranks by it and any other office by the weights.
Whatever the method, the columns of the table (rates, overdue and returned counts) are counted the same
way, so the overdue count always agrees with the warnings and the monthly report.
"""

from __future__ import annotations

import datetime as dt
import os
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
from ..core.validation import parse_period, period_end
from ..core.workdays import work_calendar
from .points import POINTS_SETTING, point_ranking
from .report_register import due_rule
from .workflow import FINAL_STATES

# Points for a perfect feedback rate and 办结率; points taken off per overdue task and per returned report.
DEFAULT_WEIGHTS: dict[str, float] = {
    "feedback": 50,
    "completion": 50,
    "overdue": 5,
    "returned": 2,
}
# An older setting kept how long after the month a report was on time; the 报送台账's due rule decides now.
RETIRED_WEIGHTS = ("grace_days",)


METHOD_SETTING = "scoring.method"
METHODS = {"weights": "按权重计分", "points": "按计分办法计分"}
METHOD_CODES = {name: code for code, name in METHODS.items()} | {"权重": "weights", "计分办法": "points"}


@dataclass(frozen=True)
class UnitScore:
    unit: str
    assignments: int
    feedback_on_time_rate: float  # 0–1
    completion_rate: float  # 办结率, 0–1
    overdue: int
    returned: int
    score: float
    rank: int
    never_reported: bool = False  # owed a report for the month and sent none: ranked after those who did


def scoring_weights(db: Database) -> dict[str, float]:
    """Setting ``scoring.weights`` over the defaults (on time is the 报送台账's rule, the one ``due_rule`` reads)."""
    stored = get_setting(db, "scoring.weights", {}) or {}
    if not isinstance(stored, dict):
        raise PlanDeskError(
            '设置 scoring.weights 应为键值表，例如 {"feedback": 50, "completion": 50}。',
            field="scoring.weights",
        )
    weights = {**DEFAULT_WEIGHTS, **{k: v for k, v in stored.items() if k not in RETIRED_WEIGHTS}}
    for key, value in weights.items():
        if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
            raise PlanDeskError(
                f"设置 scoring.weights 中 {key} 应为非负数，现为“{value}”。", field="scoring.weights"
            )
    return weights


@dataclass
class _Tally:
    assignments: int = 0
    due_feedback: int = 0
    on_time: int = 0
    completed: int = 0
    overdue: int = 0
    returned: int = 0
    reported: int = 0  # assignments that reported for the month at all


def scoring_day(period: str, as_of: dt.date | None = None) -> dt.date:
    """The day overdue work is counted on: the month's last day, or today while the month is running."""
    if as_of is not None:
        return as_of
    end = period_end(period)
    today = clock.today()
    return today if dt.date(end.year, end.month, 1) <= today <= end else end


def _tallies(db: Database, plan_id: int | None, period: str, as_of: dt.date) -> dict[str, _Tally]:
    end = period_end(period)
    start = dt.date(end.year, end.month, 1)
    report_by = due_rule(db).due(period, work_calendar(db))  # the one on-time rule (the 报送台账's)
    with db.read() as s:
        if plan_id is not None and s.get(Plan, plan_id) is None:
            raise NotFound(f"找不到编号为 {plan_id} 的方案。", field="plan_id")
        # The few columns the tallies read, as plain rows: no Assignment objects for thousands of assignments.
        q = (
            select(Assignment.id, Unit.name)
            .join(Unit, Unit.id == Assignment.unit_id)
            .join(PlanNode, PlanNode.id == Assignment.node_id)
            .where(PlanNode.archived.is_(False), Assignment.archived.is_(False))
        )
        if plan_id is not None:
            q = q.where(PlanNode.plan_id == plan_id)
        rows = s.execute(q.order_by(Assignment.id)).tuples().all()
        ids = [row[0] for row in rows]
        states = states_on(s, ids, as_of)  # each assignment as it stood on the day counted
        first_report: dict[int, dt.date | None] = {}
        returns: dict[int, int] = {}
        if ids:
            for aid, day in s.execute(
                select(ProgressEntry.assignment_id, ProgressEntry.reported_on).where(
                    ProgressEntry.assignment_id.in_(ids),
                    ProgressEntry.period == period,
                    report_counts(as_of),
                )
            ):
                known = first_report.get(aid)
                first_report[aid] = day if known is None or (day is not None and day < known) else known
            for aid, at in s.execute(
                select(WorkflowStep.assignment_id, WorkflowStep.at).where(
                    WorkflowStep.assignment_id.in_(ids), WorkflowStep.step == "return"
                )
            ):
                if start <= at.date() <= min(end, as_of):
                    returns[aid] = returns.get(aid, 0) + 1
        out: dict[str, _Tally] = {}
        for aid, unit in rows:
            st = states[aid]
            if not st.exists:
                continue  # assigned after the day counted: owes nothing yet
            t = out.setdefault(unit, _Tally())
            t.assignments += 1
            finished = st.status == "done" or st.workflow_state in FINAL_STATES
            t.completed += finished
            # Overdue on the day the ranking is counted, by the rule the report and the warnings use.
            t.overdue += rulebook.is_overdue(st.status, st.workflow_state, st.deadline, as_of)
            # Open work that existed by the month's end owed a report for it (the 报送台账's rule); a report
            # from work that owed none counts for nothing.
            begins = rulebook.begins_on(st.start_date, st.recorded)
            if not finished and st.status != "suspended" and rulebook.owes_month(begins, end, as_of):
                t.due_feedback += 1
                day = first_report.get(aid)
                if aid in first_report:
                    t.reported += 1
                    if rulebook.reported_on_time(day or as_of, report_by):
                        t.on_time += 1
            t.returned += returns.get(aid, 0)
        return out


def scoring_method(db: Database) -> str:
    """``weights`` or ``points``: the setting, else ``points`` once a point rule is configured."""
    with db.read() as s:
        chosen = s.get(Setting, METHOD_SETTING)
        has_rule = s.get(Setting, POINTS_SETTING) is not None
        value = chosen.value if chosen is not None else None
    if value is None:
        return "points" if has_rule else "weights"
    if value not in METHODS:
        raise PlanDeskError(
            f"设置 scoring.method 应为 weights（按权重）或 points（按计分办法），现为“{value}”。",
            field=METHOD_SETTING,
        )
    return str(value)


def set_scoring_method(db: Database, *, method: str) -> str:
    """Choose how the 考核 ranking is scored (``weights``/``points`` or their Chinese names); returns the code."""
    code = METHOD_CODES.get(method.strip(), method.strip())
    if code not in METHODS:
        raise PlanDeskError(
            f"考核计分方法“{method}”无效，可选：按权重计分（weights）、按计分办法计分（points）。",
            field=METHOD_SETTING,
        )
    with db.write(cause="修改考核计分方法") as s:
        row = s.get(Setting, METHOD_SETTING)
        if row is None:
            s.add(Setting(key=METHOD_SETTING, value=code))
        else:
            row.value = code
    return code


def weights_text(w: dict[str, float], due: str = DueRule().text) -> str:
    """The weights method as printed beside the ranking, with the one on-time rule (``due``)."""
    return (
        f"计分办法（按权重）：按时反馈率×{w['feedback']:g} + 办结率×{w['completion']:g}"
        f" − 逾期 {w['overdue']:g}分/项 − 被退回 {w['returned']:g}分/次，最低 0 分；"
        f"按时报送：{due}；逾期按统计日仍未完成且已过截止日期计；"
        "本月应报而从未报送的单位排在报送过的单位之后，得分相同者名次并列。"
    )


@dataclass(frozen=True)
class Ranking:
    """The 考核 ranking as the office scores it: the same one in the 考核 tab, the CLI and the monthly report."""

    method: str  # weights | points
    method_text: str
    scores: list[UnitScore]
    as_of: dt.date | None = None  # the day it was counted on


def ranking(
    db: Database,
    *,
    plan_id: int | None,
    period: str,
    as_of: dt.date | None = None,
    method: str | None = None,
) -> Ranking:
    """Units ranked for ``period`` by ``method`` (default: the office's ``scoring.method``), best first."""
    period = parse_period(period)
    code = method or scoring_method(db)
    if code not in METHODS:
        raise PlanDeskError(f"考核计分方法“{code}”无效，可选：weights、points。", field="method")
    base = unit_scores(db, plan_id=plan_id, period=period, as_of=as_of)
    if code == "weights":
        return Ranking(
            code, weights_text(scoring_weights(db), due_rule(db).text), base, scoring_day(period, as_of)
        )
    day = scoring_day(period, as_of)
    pts = point_ranking(db, first=period, last=period, plan_id=plan_id, as_of=day)
    totals = {u.unit: u.points for u in pts.units}
    by_unit = {sc.unit: sc for sc in base}
    silent = {sc.unit for sc in base if sc.never_reported}
    units = sorted(set(by_unit) | set(totals), key=lambda u: (u in silent, -round(totals.get(u, 0.0), 2), u))
    ranks = rulebook.shared_ranks(units, lambda u: (u in silent, round(totals.get(u, 0.0), 2)))
    out: list[UnitScore] = []
    for unit, rank in zip(units, ranks, strict=True):
        score = round(totals.get(unit, 0.0), 2)
        sc = by_unit.get(unit)
        out.append(
            UnitScore(unit, 0, 1.0, 0.0, 0, 0, score, rank)
            if sc is None
            else UnitScore(
                unit,
                sc.assignments,
                sc.feedback_on_time_rate,
                sc.completion_rate,
                sc.overdue,
                sc.returned,
                score,
                rank,
                sc.never_reported,
            )
        )
    return Ranking(code, pts.method, out, day)


def unit_scores(
    db: Database, *, plan_id: int | None, period: str, as_of: dt.date | None = None
) -> list[UnitScore]:
    """The ranking of units for ``period`` (YYYY-MM) over one plan or all plans, best first.

    Overdue work is counted on ``as_of`` (default: the month's last day, or today within the month).

    score = feedback × on-time rate + completion × 办结率 − overdue × overdue tasks − returned × returns,
    never below 0; equal scores share a rank.
    """
    period = parse_period(period)
    w = scoring_weights(db)
    tallies = _tallies(db, plan_id, period, scoring_day(period, as_of))
    scored: list[tuple[str, _Tally, float, float, float, bool]] = []
    for unit, t in tallies.items():
        feedback = t.on_time / t.due_feedback if t.due_feedback else 1.0
        completion = t.completed / t.assignments if t.assignments else 0.0
        score = (
            w["feedback"] * feedback
            + w["completion"] * completion
            - w["overdue"] * t.overdue
            - w["returned"] * t.returned
        )
        silent = t.due_feedback > 0 and t.reported == 0  # owed a report and sent none
        scored.append((unit, t, feedback, completion, round(max(score, 0.0), 1), silent))
    # The score floor: a unit that never reported ranks after every unit that did, whatever the floor made
    # of their scores; equal figures share a rank (the rulebook's rules).
    scored.sort(key=lambda row: (row[5], -row[4], row[0]))
    ranks = rulebook.shared_ranks(scored, lambda row: (row[5], row[4]))
    return [
        UnitScore(
            unit,
            t.assignments,
            round(feedback, 4),
            round(completion, 4),
            t.overdue,
            t.returned,
            score,
            rank,
            silent,
        )
        for (unit, t, feedback, completion, score, silent), rank in zip(scored, ranks, strict=True)
    ]


SCORE_HEADERS = ["名次", "单位", "分工任务数", "按时反馈率", "办结率", "逾期数", "退回次数", "得分"]


def export_scores(
    scores: list[UnitScore],
    path: str | os.PathLike[str],
    *,
    period: str,
    title: str = "",
    method_text: str = "",
    as_of: dt.date | None = None,
) -> Path:
    """Write the ranking table to an Excel workbook (atomically: a temp file in the same folder, then replace)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from ...reports.cell_text import put

    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise PlanDeskError("考核排名只能导出为 .xlsx 文件。", field="path")
    if not target.parent.is_dir():
        raise PlanDeskError("保存位置的文件夹不存在。", location=str(target.parent))
    wb = Workbook()
    ws = wb.active
    assert ws is not None  # a new workbook starts with one worksheet
    ws.title = f"{period} 考核排名"
    counted = f"（统计至 {as_of.isoformat()}）" if as_of else ""
    put(ws, 1, 1, (title or f"{period} 单位考核排名") + counted).font = Font(bold=True, size=14)
    for col, header in enumerate(SCORE_HEADERS, start=1):
        cell = put(ws, 2, col, header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for row, sc in enumerate(scores, start=3):
        values: list[object] = [
            sc.rank,
            sc.unit,
            sc.assignments,
            sc.feedback_on_time_rate,
            sc.completion_rate,
            sc.overdue,
            sc.returned,
            sc.score,
        ]
        for col, value in enumerate(values, start=1):
            put(ws, row, col, value)  # a unit name never becomes a formula
    for cells in ws.iter_rows(min_row=3, min_col=4, max_col=5):
        for cell in cells:
            cell.number_format = "0.0%"
    if method_text:  # under the table, where the method is read with the figures
        put(ws, len(scores) + 4, 1, method_text).alignment = Alignment(wrap_text=False)
    for letter, width in zip("ABCDEFGH", (6, 28, 12, 12, 10, 8, 10, 8), strict=True):
        ws.column_dimensions[letter].width = width
    with atomic_path(target) as tmp:
        wb.save(tmp)
    return target


def scores_as_dicts(scores: list[UnitScore]) -> list[dict[str, Any]]:
    return [sc.__dict__.copy() for sc in scores]
