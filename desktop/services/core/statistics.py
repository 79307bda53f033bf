"""Counts by status and overdue work, for the dashboard, the CLI and reports."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import or_, select, union
from sqlalchemy.orm import Session

from ... import clock, rulebook
from ...models import Assignment, PlanNode, Responsibility, Unit
from ...storage import Database
from .as_of import states_on
from .division import assigned_in_table
from .records import PlanStats

WORK_KINDS = ("task", "measure")


def work_node_ids(s: Session, plan_id: int | None = None) -> set[int]:
    """The nodes that count as work: tasks and measures, and any node someone was made responsible for —
    except a body task its plan's 任务分工表 assigns (its rows are the work), unless the office assigned it.

    Some plans (the Beijing one) attach their responsibility lists to sections rather than numbered tasks.
    """
    live = PlanNode.archived.is_(False)
    in_table = assigned_in_table()
    by_kind = select(PlanNode.id).where(PlanNode.kind.in_(WORK_KINDS), live, ~in_table)
    by_doc = (
        select(Responsibility.node_id)
        .join(PlanNode, PlanNode.id == Responsibility.node_id)
        .where(live, ~assigned_in_table())
    )
    by_office = (
        select(Assignment.node_id)
        .join(PlanNode, PlanNode.id == Assignment.node_id)
        .where(live, Assignment.archived.is_(False))
    )
    if plan_id is not None:
        by_kind = by_kind.where(PlanNode.plan_id == plan_id)
        by_doc = by_doc.where(PlanNode.plan_id == plan_id)
        by_office = by_office.where(PlanNode.plan_id == plan_id)
    return set(s.scalars(union(by_kind, by_doc, by_office)))


def plan_statistics(
    db: Database, *, plan_id: int | None = None, as_of: dt.date | None = None, due_within_days: int = 7
) -> PlanStats:
    """Tasks by status (each task counted once, as its lead's assignment stands: the rulebook's rule), overdue
    by lead unit and by any unit, on ``as_of`` as it stood then."""
    as_of = as_of or clock.today()
    with db.read() as s:
        task_ids = work_node_ids(s, plan_id)
        aq = (
            select(Assignment.id, Assignment.node_id, Unit.name)
            .join(Unit, Unit.id == Assignment.unit_id)
            .join(PlanNode, PlanNode.id == Assignment.node_id)
            .where(Assignment.archived.is_(False), PlanNode.archived.is_(False))
        )
        if plan_id is not None:
            aq = aq.where(PlanNode.plan_id == plan_id)
        rows = s.execute(aq).tuples().all()
        states = states_on(s, [row[0] for row in rows], as_of)
    per_node: dict[int, tuple[list[str], list[str]]] = {}
    overdue_by_unit: Counter[str] = Counter()
    overdue_any_role: Counter[str] = Counter()
    due_soon_nodes: set[int] = set()
    for aid, node_id, unit in rows:
        st = states[aid]
        if not st.exists:
            continue  # assigned after the day
        eff = rulebook.supervised_status(st.status, st.workflow_state, st.deadline, as_of)
        roles, effs = per_node.setdefault(node_id, ([], []))
        roles.append(st.role)
        effs.append(eff)
        if eff == "overdue":
            overdue_any_role[unit] += 1
            if st.role == "lead":
                overdue_by_unit[unit] += 1
        if rulebook.is_due_soon(st.status, st.workflow_state, st.deadline, as_of, due_within_days):
            due_soon_nodes.add(node_id)
    by_status: Counter[str] = Counter()
    for node_id in task_ids:
        roles, effs = per_node.get(node_id, ([], []))
        by_status[rulebook.task_status(roles, effs)] += 1
    return PlanStats(
        plan_id,
        as_of,
        len(task_ids),
        dict(by_status),
        by_status.get("overdue", 0),
        len(due_soon_nodes),
        by_status.get("done", 0),
        dict(overdue_by_unit.most_common()),
        dict(overdue_any_role.most_common()),
    )


def unassigned_work(
    s: Session, plan_ids: list[int] | None, unit: str | None = None
) -> list[tuple[int, int, str, list[str]]]:
    """Work nodes (tasks, measures, anything the document made someone responsible for) with no assignment:
    (node id, plan id, title, the document's units), the ones naming ``unit`` when given."""
    live_assignment = (
        select(Assignment.id)
        .where(Assignment.node_id == PlanNode.id, Assignment.archived.is_(False))
        .exists()
    )
    has_doc = select(Responsibility.id).where(Responsibility.node_id == PlanNode.id).exists()
    q = select(PlanNode.id, PlanNode.plan_id, PlanNode.title).where(
        PlanNode.archived.is_(False),
        or_(PlanNode.kind.in_(WORK_KINDS), has_doc),
        ~live_assignment,
        ~assigned_in_table(),  # its 任务分工表 row is the work, listed in its place
    )
    if plan_ids is not None:
        q = q.where(PlanNode.plan_id.in_(plan_ids))
    nodes = s.connection().execute(q).all()
    if not nodes:
        return []
    doc: dict[int, list[str]] = {}
    dq = (
        select(Responsibility.node_id, Unit.name)
        .join(Unit, Unit.id == Responsibility.unit_id)
        .join(PlanNode, PlanNode.id == Responsibility.node_id)
        .where(~live_assignment)
        .order_by(Responsibility.node_id, Responsibility.role.desc(), Responsibility.position)
    )
    if plan_ids is not None:
        dq = dq.where(PlanNode.plan_id.in_(plan_ids))
    for node_id, name in s.connection().execute(dq):
        doc.setdefault(node_id, []).append(name)
    out = [(nid, pid, title, doc.get(nid, [])) for nid, pid, title in nodes]
    return [row for row in out if unit is None or unit in row[3]]


def document_units(s: Session, node_ids: list[int]) -> dict[int, list[str]]:
    """The units the document names for each node (lead first, in the document's order)."""
    out: dict[int, list[str]] = {}
    for start in range(0, len(node_ids), 900):
        chunk = node_ids[start : start + 900]
        for node_id, name in s.connection().execute(
            select(Responsibility.node_id, Unit.name)
            .join(Unit, Unit.id == Responsibility.unit_id)
            .where(Responsibility.node_id.in_(chunk))
            .order_by(Responsibility.node_id, Responsibility.role.desc(), Responsibility.position)
        ):
            out.setdefault(node_id, []).append(name)
    return out
