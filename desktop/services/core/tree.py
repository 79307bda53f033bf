"""Reading the plan tree: plans, children, paths and the detail of one node."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Integer, any_, bindparam, case, func, literal, select, true
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from ... import clock
from ...errors import NotFound
from ...models import Assignment, Plan, PlanNode, ProgressEntry, Responsibility, Unit
from ...storage import Database
from .division import bodies_of, rows_of
from .records import AssignmentInfo, NodeDetail, NodeRow, PlanInfo, ProgressInfo, TableLink, UnitRole
from .status import SEVERITY, effective_status, worst


def _plan_info(plan: Plan, root_id: int | None, node_count: int = 0) -> PlanInfo:
    return PlanInfo(
        plan.id,
        plan.uid,
        plan.title,
        plan.issuer,
        plan.doc_number,
        plan.issued_on,
        plan.level,
        plan.parent_plan_id,
        plan.revision,
        root_id,
        plan.source_name,
        node_count,
        plan.short_name,
        plan.archived,
        plan.version,
    )


# The plan's columns PlanInfo shows (its root id and node count come from plan_node).
_PLAN_COLUMNS = (
    Plan.id,
    Plan.uid,
    Plan.title,
    Plan.issuer,
    Plan.doc_number,
    Plan.issued_on,
    Plan.level,
    Plan.parent_plan_id,
    Plan.revision,
    Plan.source_name,
    Plan.short_name,
    Plan.archived,
    Plan.version,
)


def list_plans(db: Database) -> list[PlanInfo]:
    """All plans, oldest first, with their root node and size."""
    with db.read() as s:
        roots = dict(
            s.execute(select(PlanNode.plan_id, PlanNode.id).where(PlanNode.parent_id.is_(None)))
            .tuples()
            .all()
        )
        counts = dict(
            s.execute(select(PlanNode.plan_id, func.count()).group_by(PlanNode.plan_id)).tuples().all()
        )
        # Columns, not objects: a province file's 500 plans would otherwise load each plan's JSON extras too.
        plans = s.execute(select(*_PLAN_COLUMNS).order_by(Plan.id)).all()
        return [
            PlanInfo(
                p.id,
                p.uid,
                p.title,
                p.issuer,
                p.doc_number,
                p.issued_on,
                p.level,
                p.parent_plan_id,
                p.revision,
                roots.get(p.id),
                p.source_name,
                max(counts.get(p.id, 1) - 1, 0),
                p.short_name,
                p.archived,
                p.version,
            )
            for p in plans
        ]


def get_plan(db: Database, *, plan_id: int) -> PlanInfo:
    with db.read() as s:
        plan = s.get(Plan, plan_id)
        if plan is None:
            raise NotFound(f"找不到编号为 {plan_id} 的方案。", field="plan_id")
        root = s.scalar(select(PlanNode.id).where(PlanNode.plan_id == plan_id, PlanNode.parent_id.is_(None)))
        count = s.scalar(select(func.count()).select_from(PlanNode).where(PlanNode.plan_id == plan_id)) or 0
        return _plan_info(plan, root, max(count - 1, 0))


def _among(s: Session, column: Any, ids: list[int]) -> Any:
    """``column IN ids``; on PostgreSQL as ``= ANY(array)``, one parameter: the statement's text is then the
    same for any number of ids, so neither SQLAlchemy nor the driver parses it again for each list."""
    if s.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, ids, type_=ARRAY(Integer)))
    return column.in_(ids)


def subtree_status(
    s: Session, plan_ids: set[int], as_of: dt.date, roots: list[int] | None = None
) -> dict[int, str]:
    """node id → worst effective status of the assignments in its subtree, for whole plans at once.

    With ``roots``, only those nodes are answered, by the database: expanding a section or showing a task's
    path then costs what those subtrees hold, not a walk over every assignment of the plan in Python.
    """
    if roots is not None:
        return _rollup_of(s, roots, as_of)
    parents: dict[int, int | None] = dict(
        s.execute(  # type: ignore[arg-type]
            select(PlanNode.id, PlanNode.parent_id).where(PlanNode.plan_id.in_(plan_ids))
        ).all()
    )
    worst_at: dict[int, str] = {}
    for node_id, status, deadline in s.execute(
        select(Assignment.node_id, Assignment.status, Assignment.deadline)
        .join(PlanNode, PlanNode.id == Assignment.node_id)
        .where(PlanNode.plan_id.in_(plan_ids), Assignment.archived.is_(False))
    ):
        eff = effective_status(status, deadline, as_of)
        current: int | None = node_id
        while current is not None:
            before = worst_at.get(current, "")
            after = worst([before, eff])
            if after == before:
                break  # ancestors are already at least this bad
            worst_at[current] = after
            current = parents.get(current)
    return worst_at


def _rollup_of(s: Session, roots: list[int], as_of: dt.date) -> dict[int, str]:
    """effective_status() and worst() in SQL over each root's subtree (a recursive walk down the parent index)."""
    sub = (
        select(PlanNode.id.label("top"), PlanNode.id.label("id"))
        .where(_among(s, PlanNode.id, roots))
        .cte("subtree", recursive=True)
    )
    if s.get_bind().dialect.name == "postgresql":
        # A lateral lookup behind OFFSET 0, which the planner may not flatten: joined plainly, it guesses the
        # walk large and hashes all of plan_node at every level (55 ms to expand a section, now 1 ms).
        kids = select(PlanNode.id).where(PlanNode.parent_id == sub.c.id).offset(0).lateral("kids")
        sub = sub.union_all(select(sub.c.top, kids.c.id).select_from(sub).join(kids, true()))
    else:
        sub = sub.union_all(select(sub.c.top, PlanNode.id).join(sub, PlanNode.parent_id == sub.c.id))
    effective = case(
        (Assignment.status.in_(("done", "suspended")), Assignment.status),
        (Assignment.deadline < as_of, "overdue"),
        else_=Assignment.status,
    )
    rank = case(*[(effective == name, i) for i, name in enumerate(SEVERITY)], else_=len(SEVERITY))
    # Each node's assignments looked up through the node index: joined instead, PostgreSQL cannot tell how
    # few nodes the walk finds and hashes all 150 000 assignments of a province file (70 ms for one task).
    node_rank = (
        select(func.min(rank))
        .where(Assignment.node_id == sub.c.id, Assignment.archived.is_(False))
        .scalar_subquery()
    )
    rows = s.execute(select(sub.c.top, func.min(node_rank)).group_by(sub.c.top))
    return {top: SEVERITY[r] for top, r in rows if r is not None and r < len(SEVERITY) and SEVERITY[r]}


# The assignments and responsibilities of some nodes with their units' names, already read by the caller.
Known = tuple[Sequence[tuple[Assignment, str]], Sequence[tuple[Responsibility, str]]]


def node_rows(
    s: Session,
    nodes: list[PlanNode],
    as_of: dt.date,
    *,
    rollup_of: list[int] | None = None,
    known: Known | None = None,
) -> list[NodeRow]:
    """Tree rows for ``nodes`` with child counts, lead unit, deadline, status and roll-up in a few queries.

    ``rollup_of`` limits the roll-up to those nodes (the others get none): a task's path needs no walk over
    the whole plan below its root. ``known``: the nodes' assignments (in id order) and responsibilities (in
    position order), when the caller has read them anyway.
    """
    ids = [n.id for n in nodes]
    if not ids:
        return []
    rollup = subtree_status(s, {n.plan_id for n in nodes}, as_of, ids if rollup_of is None else rollup_of)
    child_counts = dict(
        s.execute(
            select(PlanNode.parent_id, func.count())
            .where(_among(s, PlanNode.parent_id, ids))
            .group_by(PlanNode.parent_id)
        )
        .tuples()
        .all()
    )
    assignments: dict[int, list[tuple[str, str, dt.date | None, str, int]]] = defaultdict(list)
    doc_leads: dict[int, str] = {}
    if known is not None:
        for a, name in known[0]:
            if not a.archived:
                assignments[a.node_id].append((a.role, name, a.deadline, a.status, a.percent))
        for r, name in known[1]:
            if r.role == "lead":
                doc_leads.setdefault(r.node_id, name)
    else:
        for node_id, role, name, deadline, status, percent in s.execute(
            select(
                Assignment.node_id,
                Assignment.role,
                Unit.name,
                Assignment.deadline,
                Assignment.status,
                Assignment.percent,
            )
            .join(Unit, Unit.id == Assignment.unit_id)
            .where(_among(s, Assignment.node_id, ids), Assignment.archived.is_(False))
            .order_by(Assignment.id)
        ):
            assignments[node_id].append((role, name, deadline, status, percent))
        for node_id, name in s.execute(
            select(Responsibility.node_id, Unit.name)
            .join(Unit, Unit.id == Responsibility.unit_id)
            .where(_among(s, Responsibility.node_id, ids), Responsibility.role == "lead")
            .order_by(Responsibility.position)
        ):
            doc_leads.setdefault(node_id, name)
    rows = []
    for n in nodes:
        own = assignments.get(n.id, [])
        lead = next((a[1] for a in own if a[0] == "lead"), "") or doc_leads.get(n.id, "")
        deadlines = [a[2] for a in own if a[2] is not None]
        deadline = min(deadlines) if deadlines else n.deadline_hint
        status = worst([effective_status(a[3], a[2], as_of) for a in own])
        percent = round(sum(a[4] for a in own) / len(own)) if own else None
        rows.append(
            NodeRow(
                n.id,
                n.plan_id,
                n.parent_id,
                n.position,
                n.kind,
                n.label,
                n.title,
                n.origin,
                child_counts.get(n.id, 0),
                lead,
                deadline,
                status,
                percent,
                n.archived,
                n.needs_review,
                n.version,
                rollup.get(n.id, ""),
            )
        )
    return rows


def children(db: Database, *, node_id: int, as_of: dt.date | None = None) -> list[NodeRow]:
    """The children of a node, in order."""
    with db.read() as s:
        nodes = list(
            s.scalars(
                select(PlanNode).where(PlanNode.parent_id == node_id).order_by(PlanNode.position, PlanNode.id)
            )
        )
        return node_rows(s, nodes, as_of or clock.today())


def get_nodes(db: Database, *, node_ids: list[int], as_of: dt.date | None = None) -> list[NodeRow]:
    with db.read() as s:
        nodes = list(s.scalars(select(PlanNode).where(PlanNode.id.in_(node_ids))))
        by_id = {r.id: r for r in node_rows(s, nodes, as_of or clock.today())}
        return [by_id[i] for i in node_ids if i in by_id]


def path_nodes(s: Session, node_id: int) -> list[PlanNode]:
    """The root first, the node itself last, in one query (on a server each query is a round trip)."""
    up = (
        select(PlanNode.id, PlanNode.parent_id, literal(0).label("depth"))
        .where(PlanNode.id == node_id)
        .cte("up", recursive=True)
    )
    up = up.union_all(
        select(PlanNode.id, PlanNode.parent_id, up.c.depth + 1).join(up, PlanNode.id == up.c.parent_id)
    )
    chain = list(s.scalars(select(PlanNode).join(up, PlanNode.id == up.c.id).order_by(up.c.depth.desc())))
    if not chain:
        raise NotFound(f"找不到编号为 {node_id} 的条目。", field="node_id")
    return chain


def node_path(db: Database, *, node_id: int, as_of: dt.date | None = None) -> list[NodeRow]:
    """Root first, the node itself last."""
    with db.read() as s:
        return node_rows(s, path_nodes(s, node_id), as_of or clock.today())


def assignment_info(a: Assignment, unit_name: str, as_of: dt.date) -> AssignmentInfo:
    return AssignmentInfo(
        a.id,
        a.uid,
        a.node_id,
        a.unit_id,
        unit_name,
        a.role,
        a.contact_person,
        a.contact_phone,
        a.start_date,
        a.deadline,
        a.original_deadline,
        a.status,
        effective_status(a.status, a.deadline, as_of),
        a.percent,
        a.remarks,
        a.workflow_state,
        a.archived,
        a.version,
    )


def progress_info(p: ProgressEntry, node_id: int, unit_name: str) -> ProgressInfo:
    return ProgressInfo(
        p.id,
        p.uid,
        p.assignment_id,
        node_id,
        unit_name,
        p.period,
        p.reported_on,
        p.text,
        p.percent,
        p.problems,
        p.next_steps,
        p.entered_by,
        p.entered_at,
        p.source,
        p.version,
    )


def _with_unit(s: Session, model: Any, ids: list[int], order: Any) -> list[Any]:
    """The ``model`` rows (assignments or responsibilities) of the nodes ``ids``, each with its unit's name."""
    stmt = select(model, Unit.name).join(Unit, Unit.id == model.unit_id).where(_among(s, model.node_id, ids))
    return list(s.execute(stmt.order_by(order)).tuples().all())


def node_detail(db: Database, *, node_id: int, as_of: dt.date | None = None) -> NodeDetail:
    as_of = as_of or clock.today()
    with db.read() as s:
        chain = path_nodes(s, node_id)
        node = chain[-1]
        ids = [n.id for n in chain]
        # The path's assignments and responsibilities read once: for its rows and for the node's own lists.
        assigned: list[tuple[Assignment, str]] = _with_unit(s, Assignment, ids, Assignment.id)
        duties: list[tuple[Responsibility, str]] = _with_unit(s, Responsibility, ids, Responsibility.position)
        rows = node_rows(s, chain, as_of, rollup_of=[node.id], known=(assigned, duties))  # the path: labels
        units = [UnitRole(r.unit_id, name, r.role) for r, name in duties if r.node_id == node_id]
        assignments = [assignment_info(a, name, as_of) for a, name in assigned if a.node_id == node_id]
        progress = [
            progress_info(p, node_id, name)
            for p, name in s.execute(
                select(ProgressEntry, Unit.name)
                .join(Assignment, Assignment.id == ProgressEntry.assignment_id)
                .join(Unit, Unit.id == Assignment.unit_id)
                .where(Assignment.node_id == node_id)
                .order_by(
                    ProgressEntry.period.desc(), ProgressEntry.entered_at.desc(), ProgressEntry.id.desc()
                )
            )
        ]
        span = (
            (node.span_start, node.span_end)
            if node.span_start is not None and node.span_end is not None
            else None
        )
        return NodeDetail(
            rows[-1],
            node.text,
            rows,
            units,
            assignments,
            progress,
            node.deadline_hint,
            node.recurrence,
            node.goal_year,
            span,
            _table_links(s, rows_of(s, [node_id]).get(node_id, [])),
            _table_links(s, bodies_of(s, [node_id]).get(node_id, [])),
        )


def _table_links(s: Session, node_ids: list[int]) -> tuple[TableLink, ...]:
    if not node_ids:
        return ()
    nodes = {n.id: n for n in s.scalars(select(PlanNode).where(PlanNode.id.in_(node_ids)))}
    named: dict[int, tuple[list[str], list[str]]] = {i: ([], []) for i in node_ids}
    for duty, name in _with_unit(s, Responsibility, node_ids, Responsibility.position):
        named[duty.node_id][0 if duty.role == "lead" else 1].append(name)
    return tuple(
        TableLink(i, nodes[i].label, nodes[i].title, tuple(named[i][0]), tuple(named[i][1]))
        for i in node_ids
        if i in nodes
    )


def document_order(s: Session, plan_id: int) -> dict[int, int]:
    """Each node of the plan by its place in the document (pre-order, siblings by position): lists of nodes
    come out the same on SQLite and PostgreSQL, which return unordered rows in different orders."""
    kids: dict[int | None, list[tuple[int, int]]] = defaultdict(list)
    for nid, parent, position in s.execute(
        select(PlanNode.id, PlanNode.parent_id, PlanNode.position).where(PlanNode.plan_id == plan_id)
    ):
        kids[parent].append((position, nid))
    rank: dict[int, int] = {}
    stack = [nid for _p, nid in sorted(kids[None], reverse=True)]
    while stack:
        nid = stack.pop()
        rank[nid] = len(rank)
        stack.extend(child for _p, child in sorted(kids.get(nid, []), reverse=True))
    return rank
