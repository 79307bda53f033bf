"""Plain data behind the monthly status report: gathered live or read back from a closed month."""

from __future__ import annotations

import calendar
import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import NotFound
from ..models import (
    Assignment,
    Indicator,
    IndicatorValue,
    MonthSnapshot,
    Plan,
    PlanNode,
    ProgressEntry,
    Unit,
)
from ..reports.report_model import (  # noqa: F401 - the report data is part of this module's interface
    AT_RISK_DAYS,
    UNFINISHED,
    AssignmentLine,
    IndicatorLine,
    MonthlyReportData,
    NoticeItem,
    ProgressLine,
    ScoreLine,
    Summary,
    TaskLine,
    UnitLine,
    UnitNotice,
    is_at_risk,
    summarize,
    unit_table,
)
from ..storage import Database
from .status import effective_status
from .validation import parse_period

# -- gathering ---------------------------------------------------------------------------------------------

def month_bounds(month: str) -> tuple[dt.date, dt.date]:
    year, mon = int(month[:4]), int(month[5:7])
    return dt.date(year, mon, 1), dt.date(year, mon, calendar.monthrange(year, mon)[1])


def default_as_of(month: str, today: dt.date | None = None) -> dt.date:
    """The last day of the month, or today while the month is still running."""
    today = today or dt.date.today()
    first, last = month_bounds(month)
    return today if first <= today <= last else last


def path_labels(s: Session, plan_ids: list[int]) -> tuple[dict[int, str], list[int]]:
    """Each node's printed numbering path ('二、/（一）/3.') and all nodes in document order."""
    rows = s.execute(select(PlanNode.id, PlanNode.parent_id, PlanNode.label, PlanNode.position)
                     .where(PlanNode.plan_id.in_(plan_ids))).all()
    kids: dict[int | None, list[tuple[int, int]]] = {}
    label = {}
    for node_id, parent_id, lab, pos in rows:
        kids.setdefault(parent_id, []).append((pos, node_id))
        label[node_id] = lab or ""
    paths: dict[int, str] = {}
    order: list[int] = []
    stack = [(nid, "") for _, nid in sorted(kids.get(None, []), reverse=True)]
    while stack:
        node_id, prefix = stack.pop()
        own = label[node_id]
        path = f"{prefix}/{own}" if prefix and own else (own or prefix)
        paths[node_id] = path
        order.append(node_id)
        stack.extend((nid, path) for _, nid in sorted(kids.get(node_id, []), reverse=True))
    return paths, order


def _plan_ids(s: Session, plan_id: int | None) -> tuple[list[int], str]:
    if plan_id is None:
        plans = s.execute(select(Plan.id, Plan.title).order_by(Plan.id)).all()
        return [p[0] for p in plans], "全部方案"
    plan = s.get(Plan, plan_id)
    if plan is None:
        raise NotFound(f"找不到编号为 {plan_id} 的方案。", field="plan_id")
    return [plan.id], plan.title


def _tasks(s: Session, plan_ids: list[int], month: str, as_of: dt.date) -> list[TaskLine]:
    paths, order = path_labels(s, plan_ids)
    rows = s.execute(
        select(Assignment, Unit.name, PlanNode.plan_id, PlanNode.title)
        .join(Unit, Unit.id == Assignment.unit_id).join(PlanNode, PlanNode.id == Assignment.node_id)
        .where(PlanNode.plan_id.in_(plan_ids), Assignment.archived.is_(False), PlanNode.archived.is_(False))
        .order_by(Assignment.role.desc(), Assignment.id)).all()
    tasks: dict[int, TaskLine] = {}
    lines: dict[int, AssignmentLine] = {}
    for a, unit, plan_id, title in rows:
        ext = a.original_deadline is not None and a.deadline != a.original_deadline
        deadline = a.deadline
        line = AssignmentLine(a.id, unit, a.role, deadline, effective_status(a.status, deadline, as_of), a.percent,
                              a.contact_person, a.contact_phone, ext)
        lines[a.id] = line
        tasks.setdefault(a.node_id, TaskLine(a.node_id, plan_id, paths.get(a.node_id, "").replace("/", ""),
                                             title)).assignments.append(line)
    if lines:
        entries = s.execute(
            select(ProgressEntry).join(Assignment, Assignment.id == ProgressEntry.assignment_id)
            .join(PlanNode, PlanNode.id == Assignment.node_id)
            .where(PlanNode.plan_id.in_(plan_ids), ProgressEntry.period == month)
            .order_by(ProgressEntry.reported_on, ProgressEntry.id)).scalars()
        for p in entries:
            line = lines.get(p.assignment_id)
            if line is None:
                continue
            line.progress.append(ProgressLine(line.unit, p.period, p.text, p.percent, p.problems, p.next_steps,
                                              p.reported_on))
            if p.percent == 100 and line.status == "done":
                line.completed_this_month = True
    rank = {node_id: i for i, node_id in enumerate(order)}
    return sorted(tasks.values(), key=lambda t: rank.get(t.node_id, 1 << 30))


def expected_share(target_year: int | None, start_year: int | None, as_of: dt.date) -> float:
    """Percent of the target due by as_of on a straight line from the plan's year to the target year."""
    if not target_year or not start_year or target_year <= start_year or as_of.year >= target_year:
        return 100.0
    elapsed = (as_of - dt.date(start_year, 1, 1)).days
    span = (dt.date(target_year, 12, 31) - dt.date(start_year, 1, 1)).days
    return round(max(0.0, min(100.0, 100.0 * elapsed / span)), 1)


def _indicators(s: Session, plan_ids: list[int], as_of: dt.date) -> list[IndicatorLine]:
    inds = s.execute(select(Indicator, Plan.issued_on).join(Plan, Plan.id == Indicator.plan_id)
                     .where(Indicator.plan_id.in_(plan_ids), Indicator.archived.is_(False))
                     .order_by(Indicator.plan_id, Indicator.position, Indicator.id)).all()
    latest: dict[int, IndicatorValue] = {}
    for v in s.scalars(select(IndicatorValue).join(Indicator).where(Indicator.plan_id.in_(plan_ids),
                                                                    IndicatorValue.measured_on <= as_of)
                       .order_by(IndicatorValue.measured_on, IndicatorValue.id)):
        latest[v.indicator_id] = v
    out = []
    for ind, issued_on in inds:
        v = latest.get(ind.id)
        pct = None
        if v is not None and ind.target_value:
            if ind.operator in ("≤", "<"):
                pct = 100.0 * ind.target_value / v.value if v.value else 100.0
            else:
                pct = 100.0 * v.value / ind.target_value
            pct = round(pct, 1)
        start = issued_on.year if issued_on else None
        expected = expected_share(ind.target_year, start, as_of)
        behind = pct is not None and pct < expected
        out.append(IndicatorLine(ind.name, ind.field, ind.unit_of_measure, ind.target_text, ind.target_value,
                                 ind.target_year, ind.attribute, v.value if v else None, v.measured_on if v else None,
                                 pct, expected, behind))
    return out


def _scores(db: Database, plan_id: int | None, month: str) -> list[ScoreLine]:
    """Unit ranking from the scoring service when this installation has it."""
    try:
        from . import scoring  # type: ignore[attr-defined]

        rows = scoring.unit_scores(db, plan_id=plan_id, period=month)
        return [ScoreLine(r.unit, r.assignments, r.feedback_on_time_rate, r.completion_rate, r.overdue, r.returned,
                          r.score, r.rank) for r in rows]
    except (ImportError, AttributeError, TypeError):
        return []


def _snapshot(db: Database, plan_id: int, month: str) -> MonthlyReportData | None:
    with db.read() as s:
        data = s.scalar(select(MonthSnapshot.data).where(MonthSnapshot.plan_id == plan_id,
                                                         MonthSnapshot.period == month))
    if not data:
        return None
    frozen = MonthlyReportData.from_dict(data)
    frozen.frozen = True
    return frozen


def gather_monthly(db: Database, *, plan_id: int | None, month: str, unit: str | None = None,
                   include_done: bool = True, brief: bool = False, as_of: dt.date | None = None,
                   office: str = "", live: bool = False) -> MonthlyReportData:
    """The monthly report's data; a closed month's frozen data unless ``live`` is asked for."""
    month = parse_period(month)
    if plan_id is not None and not live:
        frozen = _snapshot(db, plan_id, month)
        if frozen is not None:
            return frozen.restricted(unit=unit, include_done=include_done, brief=brief)
    as_of = as_of or default_as_of(month)
    with db.read() as s:
        plan_ids, title = _plan_ids(s, plan_id)
        if not office and plan_id is not None:
            office = s.scalar(select(Plan.issuer).where(Plan.id == plan_id)) or ""
        tasks = _tasks(s, plan_ids, month, as_of)
        indicators = _indicators(s, plan_ids, as_of) if plan_ids else []
    full = MonthlyReportData(plan_id, title, office, month, as_of, as_of, tasks=tasks, indicators=indicators,
                             scores=_scores(db, plan_id, month))
    return full.restricted(unit=unit, include_done=include_done, brief=brief)


def gather_notices(db: Database, *, plan_id: int, as_of: dt.date, due_within_days: int = 7,
                   units: list[str] | None = None, report_by: dt.date | None = None,
                   office: str = "") -> list[UnitNotice]:
    """One notice per unit that has overdue work or work due within ``due_within_days``."""
    report_by = report_by or as_of + dt.timedelta(days=7)
    with db.read() as s:
        plan_ids, title = _plan_ids(s, plan_id)
        office = office or s.scalar(select(Plan.issuer).where(Plan.id == plan_id)) or ""
        paths, order = path_labels(s, plan_ids)
        rank = {node_id: i for i, node_id in enumerate(order)}
        rows = s.execute(
            select(Assignment, Unit.name, PlanNode.title)
            .join(Unit, Unit.id == Assignment.unit_id).join(PlanNode, PlanNode.id == Assignment.node_id)
            .where(PlanNode.plan_id == plan_id, Assignment.archived.is_(False), PlanNode.archived.is_(False),
                   Assignment.status.in_(UNFINISHED))).all()
        notices: dict[str, UnitNotice] = {}
        for a, unit, node_title in sorted(rows, key=lambda r: (rank.get(r[0].node_id, 1 << 30), r[0].id)):
            if units and unit not in units:
                continue
            deadline = a.deadline
            if deadline is None:
                continue
            days = (deadline - as_of).days
            if days > due_within_days:
                continue
            notice = notices.setdefault(unit, UnitNotice(unit, plan_id, title, office, as_of, report_by))
            notice.items.append(NoticeItem(a.id, paths.get(a.node_id, "").replace("/", ""), node_title, a.role,
                                           deadline, days < 0, abs(days), a.percent))
    return sorted(notices.values(), key=lambda n: (-n.overdue_count, n.unit))
