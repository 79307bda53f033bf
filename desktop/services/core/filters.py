"""Filtering the plan tree: by responsible unit, effective status and deadline."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from sqlalchemy import ColumnElement, Select, and_, or_, select

from ... import clock
from ...errors import PlanDeskError
from ...models import Assignment, PlanNode, Responsibility
from ...storage import Database
from .status import STATUS_CODES, STATUS_NAMES
from .units import resolve_unit

UnitRoleFilter = Literal["lead", "any"]
EFFECTIVE_STATUSES = ("not_started", "in_progress", "done", "suspended", "overdue")
CHUNK = 500  # ids per IN list, well under every database's parameter limit


def _open() -> ColumnElement[bool]:
    return Assignment.status.not_in(("done", "suspended"))


def _status_clause(status: str, as_of: dt.date) -> ColumnElement[bool]:
    """effective_status() in SQL, so the database can use its indexes."""
    if status == "overdue":
        return and_(_open(), Assignment.deadline < as_of)
    if status in ("done", "suspended"):
        return Assignment.status == status
    return and_(Assignment.status == status, or_(Assignment.deadline.is_(None), Assignment.deadline >= as_of))


def _check_statuses(statuses: set[str]) -> set[str]:
    codes = set()
    for status in statuses:
        code = STATUS_CODES.get(status, status)
        if code not in EFFECTIVE_STATUSES:
            names = "、".join(STATUS_NAMES[c] for c in EFFECTIVE_STATUSES)
            raise PlanDeskError(f"状态“{status}”无效，可选：{names}。", field="statuses")
        codes.add(code)
    return codes


def filter_nodes(
    db: Database,
    *,
    plan_id: int | None,
    unit: str | None = None,
    unit_role: UnitRoleFilter = "any",
    statuses: set[str] | None = None,
    overdue: bool = False,
    due_within_days: int | None = None,
    as_of: dt.date | None = None,
) -> list[int]:
    """Ids of the nodes that match every given condition, in plan and id order.

    Status and deadline conditions hold for one and the same (not archived) assignment of the node, which must
    be the unit's when a unit is given; with no such conditions a unit also matches the nodes the document
    makes it responsible for (its Responsibility rows).
    """
    as_of = as_of or clock.today()
    if unit_role not in ("lead", "any"):
        raise PlanDeskError(
            f"单位角色“{unit_role}”无效，可选：lead（牵头）、any（任意）。", field="unit_role"
        )
    if due_within_days is not None and due_within_days < 0:
        raise PlanDeskError("“到期天数”不能为负数。", field="due_within_days")
    codes = _check_statuses(statuses) if statuses else set()
    with db.read() as s:
        unit_id = resolve_unit(s, unit, field="unit").id if unit and unit.strip() else None
        work: list[ColumnElement[bool]] = [Assignment.archived.is_(False)]
        if codes:
            work.append(or_(*(_status_clause(c, as_of) for c in sorted(codes))))
        if overdue:
            work.append(_status_clause("overdue", as_of))
        if due_within_days is not None:
            work.extend(
                [
                    _open(),
                    Assignment.deadline >= as_of,
                    Assignment.deadline <= as_of + dt.timedelta(days=due_within_days),
                ]
            )
        has_work_filter = len(work) > 1
        in_plan: list[ColumnElement[bool]] = [PlanNode.parent_id.is_not(None)]
        if plan_id is not None:
            in_plan.append(PlanNode.plan_id == plan_id)
        # Start from the assignments (indexed by unit and deadline) and look nodes up by key: far fewer rows
        # than testing every node of every plan.
        parts: list[Select[tuple[int, int]]] = []
        if unit_id is not None or has_work_filter:
            own = [*work] if unit_id is None else [*work, Assignment.unit_id == unit_id]
            if unit_id is not None and unit_role == "lead":
                own.append(Assignment.role == "lead")
            parts.append(
                select(PlanNode.plan_id, PlanNode.id)
                .join(Assignment, Assignment.node_id == PlanNode.id)
                .where(*own, *in_plan)
            )
        if unit_id is not None and not has_work_filter:
            # Status and deadlines live on assignments; without such conditions the document's own naming
            # of the unit is enough.
            by_doc = [Responsibility.unit_id == unit_id]
            if unit_role == "lead":
                by_doc.append(Responsibility.role == "lead")
            parts.append(
                select(PlanNode.plan_id, PlanNode.id)
                .join(Responsibility, Responsibility.node_id == PlanNode.id)
                .where(*by_doc, *in_plan)
            )
        if not parts:
            parts.append(select(PlanNode.plan_id, PlanNode.id).where(*in_plan))
        rows: set[tuple[int, int]] = set()
        for part in parts:
            rows.update(s.execute(part).tuples().all())
        return [node_id for _plan, node_id in sorted(rows)]


def with_ancestors(db: Database, node_ids: list[int]) -> set[int]:
    """The nodes and every node above them (root nodes included), to show matches in their tree."""
    result = set(node_ids)
    frontier = set(node_ids)
    with db.read() as s:
        while frontier:
            batch = sorted(frontier)
            parents: set[int] = set()
            for i in range(0, len(batch), CHUNK):
                parents.update(
                    p
                    for p in s.scalars(
                        select(PlanNode.parent_id).where(
                            PlanNode.id.in_(batch[i : i + CHUNK]), PlanNode.parent_id.is_not(None)
                        )
                    )
                    if p is not None
                )
            frontier = parents - result
            result |= frontier
    return result
