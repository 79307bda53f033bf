"""Plain data behind the monthly status report: gathered live or read back from a closed month."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import NotFound
from ..models import (
    Assignment,
    ExtensionRequest,
    Indicator,
    IndicatorValue,
    MonthSnapshot,
    Plan,
    PlanNode,
    ProgressEntry,
    Unit,
)
from ..storage import Database
from .status import effective_status, worst
from .validation import parse_period

AT_RISK_DAYS = 7
UNFINISHED = ("not_started", "in_progress")


@dataclass
class ProgressLine:
    unit: str
    period: str
    text: str
    percent: int | None = None
    problems: str = ""
    next_steps: str = ""
    reported_on: dt.date | None = None


@dataclass
class AssignmentLine:
    id: int
    unit: str
    role: str
    deadline: dt.date | None  # the deadline the report counts against
    status: str  # effective on as_of
    percent: int
    contact_person: str = ""
    contact_phone: str = ""
    extended: bool = False
    completed_this_month: bool = False
    progress: list[ProgressLine] = field(default_factory=list)  # this month's reports


@dataclass
class TaskLine:
    node_id: int
    plan_id: int
    path_label: str  # 二、（一）3.
    title: str
    assignments: list[AssignmentLine] = field(default_factory=list)

    @property
    def status(self) -> str:
        return worst([a.status for a in self.assignments])

    @property
    def deadline(self) -> dt.date | None:
        dates = [a.deadline for a in self.assignments if a.deadline is not None]
        return min(dates) if dates else None

    @property
    def lead_units(self) -> list[str]:
        leads = [a.unit for a in self.assignments if a.role == "lead"]
        return leads or [a.unit for a in self.assignments]

    @property
    def percent(self) -> int:
        return round(sum(a.percent for a in self.assignments) / len(self.assignments)) if self.assignments else 0


@dataclass
class UnitLine:
    unit: str
    tasks: int = 0
    done: int = 0
    in_progress: int = 0
    not_started: int = 0
    overdue: int = 0
    suspended: int = 0


@dataclass
class IndicatorLine:
    name: str
    field: str
    unit_of_measure: str
    target_text: str
    target_value: float | None
    target_year: int | None
    attribute: str | None  # binding | expected
    latest_value: float | None
    latest_on: dt.date | None
    percent_of_target: float | None
    expected_percent: float  # where the value should stand by now, on a straight line to the target year
    behind: bool


@dataclass
class ScoreLine:
    unit: str
    assignments: int
    feedback_on_time_rate: float
    completion_rate: float
    overdue: int
    returned: int
    score: float
    rank: int


@dataclass
class Summary:
    tasks: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    on_time: int = 0
    overdue: int = 0
    at_risk: int = 0
    completed_this_month: int = 0
    share_on_track: float = 0.0  # percent of tasks not overdue


@dataclass
class MonthlyReportData:
    plan_id: int | None
    plan_title: str
    office: str
    month: str
    as_of: dt.date
    issued_on: dt.date
    unit: str | None = None
    include_done: bool = True
    brief: bool = False
    summary: Summary = field(default_factory=Summary)
    units: list[UnitLine] = field(default_factory=list)
    tasks: list[TaskLine] = field(default_factory=list)
    indicators: list[IndicatorLine] = field(default_factory=list)
    scores: list[ScoreLine] = field(default_factory=list)
    frozen: bool = False  # read back from a closed month

    @property
    def overdue_tasks(self) -> list[TaskLine]:
        return [t for t in self.tasks if t.status == "overdue"]

    def at_risk_tasks(self) -> list[TaskLine]:
        return [t for t in self.tasks if is_at_risk(t, self.as_of)]

    def listed_tasks(self) -> list[TaskLine]:
        """The tasks the progress section shows (completed ones left out on request)."""
        return [t for t in self.tasks if self.include_done or t.status != "done"]

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(asdict(self))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MonthlyReportData:
        return _build(cls, data)

    def restricted(self, *, unit: str | None = None, include_done: bool = True,
                   brief: bool = False) -> MonthlyReportData:
        """The same report seen for one unit and with the chosen options; figures are recounted."""
        tasks = self.tasks
        if unit:
            tasks = [replace(t, assignments=[a for a in t.assignments if a.unit == unit]) for t in tasks]
            tasks = [t for t in tasks if t.assignments]
        data = replace(self, unit=unit or None, include_done=include_done, brief=brief, tasks=tasks)
        data.summary = summarize(tasks, self.as_of)
        data.units = unit_table(tasks, only=unit)
        return data


def is_at_risk(task: TaskLine, as_of: dt.date) -> bool:
    return any(a.status in UNFINISHED and a.deadline is not None and 0 <= (a.deadline - as_of).days <= AT_RISK_DAYS
               for a in task.assignments)


def summarize(tasks: list[TaskLine], as_of: dt.date) -> Summary:
    by_status = Counter(t.status for t in tasks)
    overdue = by_status.get("overdue", 0)
    done_month = sum(1 for t in tasks if t.status == "done" and any(a.completed_this_month for a in t.assignments))
    total = len(tasks)
    return Summary(total, dict(by_status), total - overdue, overdue, sum(1 for t in tasks if is_at_risk(t, as_of)),
                   done_month, round(100.0 * (total - overdue) / total, 1) if total else 0.0)


def unit_table(tasks: list[TaskLine], only: str | None = None) -> list[UnitLine]:
    """Tasks per lead unit (per the chosen unit whatever its role when the report is for one unit)."""
    lines: dict[str, UnitLine] = {}
    for t in tasks:
        for a in t.assignments:
            if a.role != "lead" and a.unit != only:
                continue
            line = lines.setdefault(a.unit, UnitLine(a.unit))
            line.tasks += 1
            if a.status in ("done", "in_progress", "not_started", "overdue", "suspended"):
                setattr(line, a.status, getattr(line, a.status) + 1)
    return sorted(lines.values(), key=lambda u: (-u.overdue, -u.tasks, u.unit))


# -- JSON round trip ---------------------------------------------------------------------------------------

def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


_NESTED: dict[str, type] = {"summary": Summary, "units": UnitLine, "tasks": TaskLine, "indicators": IndicatorLine,
                            "scores": ScoreLine, "assignments": AssignmentLine, "progress": ProgressLine}
_DATES = {"as_of", "issued_on", "deadline", "reported_on", "latest_on"}


def _build(cls: type, data: dict[str, Any]) -> Any:
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        if f.name in _DATES and isinstance(value, str):
            value = dt.date.fromisoformat(value)
        elif f.name == "summary" and isinstance(value, dict):
            value = _build(Summary, value)
        elif f.name in _NESTED and isinstance(value, list):
            value = [_build(_NESTED[f.name], v) for v in value]
        kwargs[f.name] = value
    return cls(**kwargs)


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


def approved_extensions(s: Session) -> set[int]:
    q = select(ExtensionRequest.assignment_id).where(ExtensionRequest.decision == "approved")
    return set(s.scalars(q))


def report_deadline(deadline: dt.date | None, original: dt.date | None, extended: bool) -> dt.date | None:
    """Reports count against the first deadline unless an extension was approved."""
    if extended or original is None:
        return deadline
    return original


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
    extended = approved_extensions(s)
    rows = s.execute(
        select(Assignment, Unit.name, PlanNode.plan_id, PlanNode.title)
        .join(Unit, Unit.id == Assignment.unit_id).join(PlanNode, PlanNode.id == Assignment.node_id)
        .where(PlanNode.plan_id.in_(plan_ids), Assignment.archived.is_(False), PlanNode.archived.is_(False))
        .order_by(Assignment.role.desc(), Assignment.id)).all()
    tasks: dict[int, TaskLine] = {}
    lines: dict[int, AssignmentLine] = {}
    for a, unit, plan_id, title in rows:
        ext = a.id in extended
        deadline = report_deadline(a.deadline, a.original_deadline, ext)
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


# -- reminder notices (催办单) -------------------------------------------------------------------------------

@dataclass
class NoticeItem:
    assignment_id: int
    path_label: str
    title: str
    role: str
    deadline: dt.date
    overdue: bool
    days: int  # days past the deadline, or days left
    percent: int


@dataclass
class UnitNotice:
    unit: str
    plan_id: int
    plan_title: str
    office: str
    as_of: dt.date
    report_by: dt.date
    items: list[NoticeItem] = field(default_factory=list)

    @property
    def overdue_count(self) -> int:
        return sum(1 for i in self.items if i.overdue)


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
        extended = approved_extensions(s)
        rows = s.execute(
            select(Assignment, Unit.name, PlanNode.title)
            .join(Unit, Unit.id == Assignment.unit_id).join(PlanNode, PlanNode.id == Assignment.node_id)
            .where(PlanNode.plan_id == plan_id, Assignment.archived.is_(False), PlanNode.archived.is_(False),
                   Assignment.status.in_(UNFINISHED))).all()
        notices: dict[str, UnitNotice] = {}
        for a, unit, node_title in sorted(rows, key=lambda r: (rank.get(r[0].node_id, 1 << 30), r[0].id)):
            if units and unit not in units:
                continue
            deadline = report_deadline(a.deadline, a.original_deadline, a.id in extended)
            if deadline is None:
                continue
            days = (deadline - as_of).days
            if days > due_within_days:
                continue
            notice = notices.setdefault(unit, UnitNotice(unit, plan_id, title, office, as_of, report_by))
            notice.items.append(NoticeItem(a.id, paths.get(a.node_id, "").replace("/", ""), node_title, a.role,
                                           deadline, days < 0, abs(days), a.percent))
    return sorted(notices.values(), key=lambda n: (-n.overdue_count, n.unit))
