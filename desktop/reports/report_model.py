"""The plain data a report is drawn from: what the services gather and the renderers lay out."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any, TypeVar, cast

from .. import rulebook

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_T = TypeVar("_T", bound="DataclassInstance")

# The unit table of every report (PDF and Word, monthly report and 通报): its columns and the UnitLine fields.
UNIT_COLUMNS = (
    ("分工数", "tasks"),
    ("牵头", "lead"),
    ("配合", "co"),
    ("已完成", "done"),
    ("进行中", "in_progress"),
    ("未开始", "not_started"),
    ("已逾期", "overdue"),
    ("暂缓", "suspended"),
    ("未报送", "not_reported"),
)
UNIT_FIELDS = tuple(field for _, field in UNIT_COLUMNS)
UNIT_HEADERS = ("序号", "责任单位", *(header for header, _ in UNIT_COLUMNS))

# "Due soon" (临期): the default of the one setting, warnings.rules["due_days"], that every report reads.
DUE_DAYS = 7
AT_RISK_DAYS = DUE_DAYS
UNFINISHED = ("not_started", "in_progress")
OPEN = (*UNFINISHED, "overdue")
UNASSIGNED = "unassigned"  # a task the document makes someone responsible for, with no assignment yet
UNASSIGNED_NAME = "未分工"


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
    reported: bool = False  # reported anything for the month
    owes_report: bool = False  # open and started by the month's end, so a report was due

    @property
    def missing_report(self) -> bool:
        """未报送: a report was due this month and none came."""
        return self.owes_report and not self.reported

    def days_late(self, as_of: dt.date) -> int:
        return (as_of - self.deadline).days if self.status == "overdue" and self.deadline else 0

    def due_soon(self, as_of: dt.date, days: int = DUE_DAYS) -> bool:
        return (
            self.status in UNFINISHED
            and self.deadline is not None
            and 0 <= (self.deadline - as_of).days <= days
        )


@dataclass
class TaskLine:
    node_id: int
    plan_id: int
    path_label: str  # 二、（一）3.
    title: str
    assignments: list[AssignmentLine] = field(default_factory=list)
    doc_units: list[str] = field(default_factory=list)  # the document's list, shown while nobody is assigned
    # The task's leading units, kept when a unit's own report shows only that unit's assignment.
    leads: list[str] = field(default_factory=list)

    def _roles(self) -> list[str]:
        return [a.role for a in self.assignments]

    @property
    def status(self) -> str:
        """As the rulebook says: the lead decides."""
        return rulebook.task_status(self._roles(), [a.status for a in self.assignments])

    @property
    def co_units(self) -> list[str]:
        return [a.unit for a in self.assignments if a.role != "lead"]

    @property
    def missing_units(self) -> list[str]:
        """Units that owed a report for the month and sent none (未报送)."""
        return list(dict.fromkeys(a.unit for a in self.assignments if a.missing_report))

    @property
    def deadline(self) -> dt.date | None:
        """The deciding assignments' earliest open deadline (a finished task shows when it was due)."""
        return rulebook.task_deadline(
            self._roles(), [a.status for a in self.assignments], [a.deadline for a in self.assignments]
        )

    @property
    def lead_units(self) -> list[str]:
        if self.leads:
            return self.leads
        leads = [a.unit for a in self.assignments if a.role == "lead"]
        return leads or [a.unit for a in self.assignments]

    @property
    def percent(self) -> int:
        """As the rulebook says: the leading unit's 完成%, never an average over cooperating units."""
        return rulebook.task_percent(self._roles(), [a.percent for a in self.assignments])


@dataclass
class UnitLine:
    """One unit's assignments (lead and cooperating): the unit table's rows sum to the report's assignments."""

    unit: str
    tasks: int = 0  # assignments of the unit, one per task it works on
    done: int = 0
    in_progress: int = 0
    not_started: int = 0
    overdue: int = 0
    suspended: int = 0
    lead: int = 0
    co: int = 0
    not_reported: int = 0


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
    on_time: int = 0  # assigned tasks not overdue
    overdue: int = 0
    at_risk: int = 0
    completed_this_month: int = 0
    share_on_track: float = 0.0  # percent of tasks not overdue
    assignments: int = 0
    overdue_assignments: int = 0
    due_soon_assignments: int = 0
    unassigned: int = 0  # tasks with document units and no assignment (counted in ``tasks``)
    not_reported: int = 0  # assignments that owed this month's report and sent none
    overdue_units: int = 0  # units with at least one overdue assignment


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
    score_method: str = ""  # the 考核 method the ranking was scored by, printed under it
    frozen: bool = False  # read back from a closed month
    due_days: int = DUE_DAYS

    @property
    def overdue_tasks(self) -> list[TaskLine]:
        return [t for t in self.tasks if t.status == "overdue"]

    def at_risk_tasks(self) -> list[TaskLine]:
        return [t for t in self.tasks if is_at_risk(t, self.as_of, self.due_days)]

    def overdue_lines(self) -> list[tuple[TaskLine, AssignmentLine]]:
        """Every overdue assignment with its task: the unit that is late and its own deadline."""
        return [(t, a) for t in self.tasks for a in t.assignments if a.status == "overdue"]

    def due_soon_lines(self) -> list[tuple[TaskLine, AssignmentLine]]:
        """Every unfinished assignment whose own deadline falls within ``due_days``."""
        return [(t, a) for t in self.tasks for a in t.assignments if a.due_soon(self.as_of, self.due_days)]

    def unassigned_tasks(self) -> list[TaskLine]:
        return [t for t in self.tasks if not t.assignments]

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
            tasks = [
                replace(
                    t,
                    assignments=[a for a in t.assignments if a.unit == unit],
                    leads=t.leads or [a.unit for a in t.assignments if a.role == "lead"],
                )
                if t.assignments
                else t
                for t in tasks
            ]
            tasks = [t for t in tasks if t.assignments or unit in t.doc_units]
        data = replace(self, unit=unit or None, include_done=include_done, brief=brief, tasks=tasks)
        data.summary = summarize(tasks, self.as_of, self.due_days)
        data.units = unit_table(tasks)
        return data


def is_at_risk(task: TaskLine, as_of: dt.date, days: int = DUE_DAYS) -> bool:
    return any(a.due_soon(as_of, days) for a in task.assignments)


class Tally:
    """Summary figures added up one task at a time (the brief streams tasks; the full report has a list)."""

    def __init__(self, as_of: dt.date, due_days: int = DUE_DAYS) -> None:
        self.as_of, self.due_days = as_of, due_days
        self.by_status: Counter[str] = Counter()
        self.order: list[str] = []
        self.tasks = self.at_risk = self.done_month = 0
        self.assignments = self.overdue_lines = self.due_soon_lines = self.not_reported = 0
        self.late_units: set[str] = set()

    def add(self, t: TaskLine) -> None:
        status = t.status
        if status not in self.by_status:
            self.order.append(status)
        self.by_status[status] += 1
        self.tasks += 1
        self.at_risk += is_at_risk(t, self.as_of, self.due_days)
        self.done_month += status == "done" and any(a.completed_this_month for a in t.assignments)
        for a in t.assignments:
            self.assignments += 1
            self.overdue_lines += a.status == "overdue"
            self.due_soon_lines += a.due_soon(self.as_of, self.due_days)
            self.not_reported += a.missing_report
            if a.status == "overdue":
                self.late_units.add(a.unit)

    def summary(self) -> Summary:
        total, overdue = self.tasks, self.by_status.get("overdue", 0)
        assigned = total - self.by_status.get(UNASSIGNED, 0)  # 按期推进率 is a share of the assigned tasks
        return Summary(
            total,
            {st: self.by_status[st] for st in self.order},
            assigned - overdue,
            overdue,
            self.at_risk,
            self.done_month,
            round(100.0 * (assigned - overdue) / assigned, 1) if assigned else 0.0,
            self.assignments,
            self.overdue_lines,
            self.due_soon_lines,
            self.by_status.get(UNASSIGNED, 0),
            self.not_reported,
            len(self.late_units),
        )


def summarize(tasks: list[TaskLine], as_of: dt.date, due_days: int = DUE_DAYS) -> Summary:
    tally = Tally(as_of, due_days)
    for t in tasks:
        tally.add(t)
    return tally.summary()


def count_units(lines: dict[str, UnitLine], task: TaskLine) -> None:
    """Add one task's assignments to the per-unit counts, lead and cooperating alike."""
    for a in task.assignments:
        line = lines.setdefault(a.unit, UnitLine(a.unit))
        line.tasks += 1
        if a.role == "lead":
            line.lead += 1
        else:
            line.co += 1
        line.not_reported += a.missing_report
        if a.status in ("done", "in_progress", "not_started", "overdue", "suspended"):
            setattr(line, a.status, getattr(line, a.status) + 1)


def sorted_units(lines: dict[str, UnitLine]) -> list[UnitLine]:
    return sorted(lines.values(), key=lambda u: (-u.overdue, -u.tasks, u.unit))


def unit_table(tasks: list[TaskLine]) -> list[UnitLine]:
    """Assignments per unit, whatever its role."""
    lines: dict[str, UnitLine] = {}
    for t in tasks:
        count_units(lines, t)
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
    kind: str = (
        "reminder"  # reminder (催办: overdue and due-soon work) | missing (催报: no report for ``period``)
    )
    period: str = ""

    @property
    def overdue_count(self) -> int:
        return sum(1 for i in self.items if i.overdue)
