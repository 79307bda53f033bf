"""Linked plans: district tasks that carry out city clauses, coverage both ways, progress rolled up to the city."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import clock
from ...errors import NotFound, PlanDeskError
from ...models import Assignment, NodeLink, Plan, PlanNode, Unit
from ...storage import Database
from ..core.statistics import work_node_ids
from ..core.status import effective_status, worst
from ..core.validation import check_text


@dataclass(frozen=True)
class NodeRef:
    id: int
    plan_id: int
    kind: str
    label: str
    title: str
    outline: str = ""  # the labels from the chapter down, as a reader finds it: "二、（一）3."


@dataclass(frozen=True)
class LinkInfo:
    id: int
    node: NodeRef  # the local task
    target: NodeRef  # the clause of the plan above it carries out
    note: str


@dataclass(frozen=True)
class Coverage:
    plan_id: int
    parent_plan_id: int | None
    unlinked_parent_clauses: list[NodeRef] = field(default_factory=list)
    unlinked_local_tasks: list[NodeRef] = field(default_factory=list)
    linked_parent_clauses: int = 0
    linked_local_tasks: int = 0


@dataclass(frozen=True)
class LinkedTask:
    node: NodeRef
    unit: str
    percent: int
    status: str  # effective status


@dataclass(frozen=True)
class LinkedProgress:
    node_id: int
    tasks: list[LinkedTask]
    percent: int | None  # mean of the linked tasks' assignments
    status: str  # worst effective status among them ("" when none)


def _ref(n: PlanNode) -> NodeRef:
    return NodeRef(n.id, n.plan_id, n.kind, n.label, n.title)


def _node(s: Session, node_id: int, field_name: str = "node_id") -> PlanNode:
    node = s.get(PlanNode, node_id)
    if node is None:
        raise NotFound(f"找不到编号为 {node_id} 的条目。", field=field_name)
    if node.kind == "root":
        raise PlanDeskError("不能关联整个方案，请选择具体条目。", field=field_name)
    return node


def link_nodes(db: Database, *, node_id: int, target_node_id: int, note: str = "") -> LinkInfo:
    """Record that ``node_id`` (a local task) carries out ``target_node_id`` (a clause of the plan above)."""
    note = check_text(note, field="note", label="说明", max_len=2000)
    with db.write(cause="关联上级方案条目") as s:
        node, target = _node(s, node_id), _node(s, target_node_id, "target_node_id")
        if node.plan_id == target.plan_id:
            raise PlanDeskError("只能关联到另一份方案（上级方案）中的条目。", field="target_node_id")
        plan = s.get(Plan, node.plan_id)
        assert plan is not None
        if plan.parent_plan_id is not None and target.plan_id != plan.parent_plan_id:
            raise PlanDeskError(
                f"条目 {target_node_id} 不属于本方案的上级方案（编号 {plan.parent_plan_id}）。",
                field="target_node_id",
            )
        exists = s.scalar(
            select(NodeLink.id).where(NodeLink.node_id == node_id, NodeLink.target_node_id == target_node_id)
        )
        if exists is not None:
            raise PlanDeskError("这两个条目已经关联。", field="target_node_id")
        link = NodeLink(node_id=node_id, target_node_id=target_node_id, note=note)
        s.add(link)
        s.flush()
        return LinkInfo(link.id, _ref(node), _ref(target), note)


def unlink(db: Database, *, node_id: int, target_node_id: int) -> None:
    with db.write(cause="取消关联上级方案条目") as s:
        link = s.scalar(
            select(NodeLink).where(NodeLink.node_id == node_id, NodeLink.target_node_id == target_node_id)
        )
        if link is None:
            raise NotFound(f"条目 {node_id} 与条目 {target_node_id} 之间没有关联。", field="target_node_id")
        s.delete(link)


def links(db: Database, *, node_id: int) -> list[LinkInfo]:
    """Links from the node (what it carries out) and to it (which local tasks carry it out)."""
    with db.read() as s:
        rows = s.scalars(
            select(NodeLink)
            .where((NodeLink.node_id == node_id) | (NodeLink.target_node_id == node_id))
            .order_by(NodeLink.id)
        ).all()
        out = []
        for link in rows:
            a, b = s.get(PlanNode, link.node_id), s.get(PlanNode, link.target_node_id)
            assert a is not None and b is not None
            out.append(LinkInfo(link.id, _ref(a), _ref(b), link.note))
        return out


def set_parent_plan(db: Database, *, plan_id: int, parent_plan_id: int | None) -> None:
    """Say which plan this one implements (a district plan → the city plan); None removes it."""
    with db.write(cause="设置上级方案") as s:
        plan = s.get(Plan, plan_id)
        if plan is None:
            raise NotFound(f"找不到编号为 {plan_id} 的方案。", field="plan_id")
        if parent_plan_id is not None:
            seen = {plan_id}
            current: int | None = parent_plan_id
            while current is not None:
                if current in seen:
                    raise PlanDeskError("上级方案不能是本方案自身或其下级方案。", field="parent_plan_id")
                seen.add(current)
                parent = s.get(Plan, current)
                if parent is None:
                    raise NotFound(f"找不到编号为 {current} 的方案。", field="parent_plan_id")
                current = parent.parent_plan_id
        plan.parent_plan_id = parent_plan_id


def _work_nodes(s: Session, plan_id: int) -> list[PlanNode]:
    """The plan's work, as every count in PlanDesk defines it (statistics.work_node_ids)."""
    ids = work_node_ids(s, plan_id)
    return list(s.scalars(select(PlanNode).where(PlanNode.id.in_(ids)).order_by(PlanNode.id))) if ids else []


def _outlines(s: Session, plan_ids: list[int]) -> dict[int, str]:
    """node id → the printed labels from its chapter down to it (the invisible root has none)."""
    rows = s.execute(
        select(PlanNode.id, PlanNode.parent_id, PlanNode.label).where(PlanNode.plan_id.in_(plan_ids))
    ).all()
    parent = {i: p for i, p, _ in rows}
    label = {i: lab or "" for i, _, lab in rows}
    out: dict[int, str] = {}
    for node_id in parent:
        parts: list[str] = []
        current: int | None = node_id
        while current is not None:
            parts.append(label.get(current, ""))
            current = parent.get(current)
        out[node_id] = "".join(reversed(parts))
    return out


def _outlined(refs: list[NodeRef], outlines: dict[int, str]) -> list[NodeRef]:
    return [NodeRef(r.id, r.plan_id, r.kind, r.label, r.title, outlines.get(r.id, r.label)) for r in refs]


def coverage(db: Database, *, plan_id: int) -> Coverage:
    """Clauses of the parent plan no local task links to, and local tasks that link to nothing."""
    with db.read() as s:
        plan = s.get(Plan, plan_id)
        if plan is None:
            raise NotFound(f"找不到编号为 {plan_id} 的方案。", field="plan_id")
        local = _work_nodes(s, plan_id)
        local_ids = [n.id for n in s.scalars(select(PlanNode).where(PlanNode.plan_id == plan_id))]
        pairs = (
            s.execute(
                select(NodeLink.node_id, NodeLink.target_node_id).where(NodeLink.node_id.in_(local_ids))
            ).all()
            if local_ids
            else []
        )
        linked_local = {a for a, _ in pairs}
        targets = {b for _, b in pairs}
        parent = _work_nodes(s, plan.parent_plan_id) if plan.parent_plan_id is not None else []
        outlines = _outlines(s, [p for p in (plan_id, plan.parent_plan_id) if p is not None])
        return Coverage(
            plan_id,
            plan.parent_plan_id,
            _outlined([_ref(n) for n in parent if n.id not in targets], outlines),
            _outlined([_ref(n) for n in local if n.id not in linked_local], outlines),
            sum(1 for n in parent if n.id in targets),
            sum(1 for n in local if n.id in linked_local),
        )


def linked_progress(db: Database, *, node_id: int, as_of: dt.date | None = None) -> LinkedProgress:
    """Progress of the local tasks linked to this clause or to anything below it (the city's view)."""
    day = as_of or clock.today()
    with db.read() as s:
        _node(s, node_id)
        below, frontier = {node_id}, [node_id]
        while frontier:
            frontier = list(s.scalars(select(PlanNode.id).where(PlanNode.parent_id.in_(frontier))))
            below.update(frontier)
        sources = list(
            dict.fromkeys(
                s.scalars(
                    select(NodeLink.node_id).where(NodeLink.target_node_id.in_(below)).order_by(NodeLink.id)
                )
            )
        )
        tasks: list[LinkedTask] = []
        for source in sources:
            n = s.get(PlanNode, source)
            assert n is not None
            for a, unit in s.execute(
                select(Assignment, Unit.name)
                .join(Unit, Unit.id == Assignment.unit_id)
                .where(Assignment.node_id == source, Assignment.archived.is_(False))
                .order_by(Assignment.id)
            ):
                tasks.append(
                    LinkedTask(_ref(n), unit, a.percent, effective_status(a.status, a.deadline, day))
                )
        percent = round(sum(t.percent for t in tasks) / len(tasks)) if tasks else None
        return LinkedProgress(node_id, tasks, percent, worst([t.status for t in tasks]))
