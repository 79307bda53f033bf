"""Plain data the services hand to the CLI, the GUI and the reports (never live ORM objects)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PlanInfo:
    id: int
    uid: str
    title: str
    issuer: str
    doc_number: str
    issued_on: dt.date | None
    level: str
    parent_plan_id: int | None
    revision: int
    root_id: int | None
    source_name: str = ""
    node_count: int = 0
    short_name: str = ""
    archived: bool = False
    version: int = 1


@dataclass(frozen=True)
class UnitRole:
    unit_id: int
    name: str
    role: str  # lead | co


@dataclass(frozen=True)
class NodeRow:
    """One line of the plan tree: enough to draw it without another query."""

    id: int
    plan_id: int
    parent_id: int | None
    position: int
    kind: str
    label: str
    title: str
    origin: str
    child_count: int
    lead_unit: str
    deadline: dt.date | None
    status: str  # effective: not_started, in_progress, done, suspended, overdue, or "" when unassigned
    percent: int | None
    archived: bool = False
    needs_review: bool = False
    version: int = 1
    # The worst effective status anywhere below (and at) this node, so a collapsed chapter shows lateness.
    rollup: str = ""


@dataclass(frozen=True)
class AssignmentInfo:
    id: int
    uid: str
    node_id: int
    unit_id: int
    unit_name: str
    role: str
    contact_person: str
    contact_phone: str
    start_date: dt.date | None
    deadline: dt.date | None
    original_deadline: dt.date | None
    status: str  # as stored
    effective_status: str  # with overdue derived
    percent: int
    remarks: str
    workflow_state: str
    archived: bool
    version: int


@dataclass(frozen=True)
class ProgressInfo:
    id: int
    uid: str
    assignment_id: int
    node_id: int
    unit_name: str
    period: str
    reported_on: dt.date | None
    text: str
    percent: int | None
    problems: str
    next_steps: str
    entered_by: str
    entered_at: dt.datetime
    source: str
    version: int


@dataclass(frozen=True)
class TableLink:
    """A body task and a 任务分工表 row that assigns it, seen from the other side: its label, title and the
    units the document names for it (lead first)."""

    node_id: int
    label: str
    title: str
    leads: tuple[str, ...] = ()
    cos: tuple[str, ...] = ()


@dataclass(frozen=True)
class NodeDetail:
    node: NodeRow
    text: str
    path: list[NodeRow]  # root first, the node last; only the node's own row carries a roll-up
    units: list[UnitRole]
    assignments: list[AssignmentInfo]
    progress: list[ProgressInfo]  # newest first
    deadline_hint: dt.date | None
    recurrence: str
    goal_year: int | None
    span: tuple[int, int] | None
    # A body task: the 任务分工表 rows that assign it (they are its work); a row: the body tasks it assigns.
    assigned_in: tuple[TableLink, ...] = ()
    assigns: tuple[TableLink, ...] = ()


@dataclass(frozen=True)
class IndicatorValueInfo:
    id: int
    measured_on: dt.date
    value: float
    source: str
    note: str


@dataclass(frozen=True)
class IndicatorInfo:
    id: int
    plan_id: int
    field: str
    name: str
    unit_of_measure: str
    target_text: str
    operator: str
    target_value: float | None
    target_year: int | None
    attribute: str | None
    latest: IndicatorValueInfo | None
    history: list[IndicatorValueInfo] = dataclasses.field(default_factory=list)  # `field` is a column here
    version: int = 1

    @property
    def percent_of_target(self) -> float | None:
        """How far the latest value has come towards the target (for ≤ targets, lower is better)."""
        if self.latest is None or not self.target_value:
            return None
        if self.operator in ("≤", "<"):
            return 100.0 * self.target_value / self.latest.value if self.latest.value else 100.0
        return 100.0 * self.latest.value / self.target_value


@dataclass(frozen=True)
class PlanStats:
    plan_id: int | None
    as_of: dt.date
    tasks: int
    by_status: dict[str, int]  # effective statuses of assigned tasks + "unassigned"
    overdue: int
    due_soon: int
    done: int
    overdue_by_unit: dict[str, int]  # lead assignments past their deadline
    overdue_by_unit_all: dict[str, int] = field(default_factory=dict)  # lead and cooperating alike


@dataclass
class Change:
    """What a write touched, so views refresh just those rows."""

    kind: str
    plan_ids: set[int] = field(default_factory=set)
    node_ids: set[int] = field(default_factory=set)
    assignment_ids: set[int] = field(default_factory=set)
