"""The plain data a report is drawn from: what the services gather and the renderers lay out."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..status import worst

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_T = TypeVar("_T", bound="DataclassInstance")

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
        return (
            round(sum(a.percent for a in self.assignments) / len(self.assignments)) if self.assignments else 0
        )


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
        return cast(dict[str, Any], _jsonable(asdict(self)))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MonthlyReportData:
        return _build(cls, data)

    def restricted(
        self, *, unit: str | None = None, include_done: bool = True, brief: bool = False
    ) -> MonthlyReportData:
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
    return any(
        a.status in UNFINISHED and a.deadline is not None and 0 <= (a.deadline - as_of).days <= AT_RISK_DAYS
        for a in task.assignments
    )


def summarize(tasks: list[TaskLine], as_of: dt.date) -> Summary:
    by_status = Counter(t.status for t in tasks)
    overdue = by_status.get("overdue", 0)
    done_month = sum(
        1 for t in tasks if t.status == "done" and any(a.completed_this_month for a in t.assignments)
    )
    total = len(tasks)
    return Summary(
        total,
        dict(by_status),
        total - overdue,
        overdue,
        sum(1 for t in tasks if is_at_risk(t, as_of)),
        done_month,
        round(100.0 * (total - overdue) / total, 1) if total else 0.0,
    )


def count_units(lines: dict[str, UnitLine], task: TaskLine, only: str | None = None) -> None:
    """Add one task to the per-unit counts: its lead units (and the chosen unit whatever its role)."""
    for a in task.assignments:
        if a.role != "lead" and a.unit != only:
            continue
        line = lines.setdefault(a.unit, UnitLine(a.unit))
        line.tasks += 1
        if a.status in ("done", "in_progress", "not_started", "overdue", "suspended"):
            setattr(line, a.status, getattr(line, a.status) + 1)


def sorted_units(lines: dict[str, UnitLine]) -> list[UnitLine]:
    return sorted(lines.values(), key=lambda u: (-u.overdue, -u.tasks, u.unit))


def unit_table(tasks: list[TaskLine], only: str | None = None) -> list[UnitLine]:
    """Tasks per lead unit (per the chosen unit whatever its role when the report is for one unit)."""
    lines: dict[str, UnitLine] = {}
    for t in tasks:
        count_units(lines, t, only)
    return sorted_units(lines)


# -- JSON round trip ---------------------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


_NESTED: dict[str, type] = {
    "summary": Summary,
    "units": UnitLine,
    "tasks": TaskLine,
    "indicators": IndicatorLine,
    "scores": ScoreLine,
    "assignments": AssignmentLine,
    "progress": ProgressLine,
}
_DATES = {"as_of", "issued_on", "deadline", "reported_on", "latest_on"}


def _build(cls: type[_T], data: dict[str, Any]) -> _T:
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
