"""按文件分工: turning the document's responsibility lists into assignments, one per (task, unit)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...errors import NotFound, PlanDeskError
from ...importers.parsed import ParsedNode, ParsedPlan
from ...models import (
    Assignment,
    ExtensionRequest,
    Plan,
    PlanNode,
    ProgressEntry,
    Reminder,
    Responsibility,
    Unit,
    WorkflowStep,
)
from ...storage import Database
from ..core.division import rows_of
from ..core.records import Change
from ..core.units import canonical_unit_name, clean_unit_name, find_unit
from ..core.validation import parse_date

log = logging.getLogger(__name__)
_CHUNK = 500  # ids per IN (…) list, well under every database's parameter limit


@dataclass(frozen=True)
class AdoptItem:
    """One assignment the adoption will create (or has created)."""

    node_id: int
    label: str
    title: str
    unit_id: int
    unit_name: str
    role: str  # lead | co
    deadline: dt.date | None
    deadline_from_text: bool  # True: the task's own 原文时限; False: the default the user picked


@dataclass(frozen=True)
class AdoptPlan:
    """What adopting a plan or a subtree creates and what it leaves alone."""

    plan_id: int
    node_id: int
    items: list[AdoptItem]
    skipped: int  # (task, unit) pairs already assigned
    tasks: int  # nodes that get at least one new assignment
    units: list[str]  # distinct units that get work, in first-seen order
    created_ids: list[int] = field(default_factory=list)

    def summary(self, *, done: bool = False) -> str:
        """One Chinese sentence for the preview (or, ``done``, for the status bar afterwards)."""
        verb = "已为" if done else "将为"
        text = f"{verb} {self.tasks} 项任务新建 {len(self.items)} 条分工，涉及 {len(self.units)} 个单位"
        if self.skipped:
            text += f"；已有分工 {self.skipped} 条，跳过"
        return text + "。"


@dataclass(frozen=True)
class ParsedAdoption:
    """The import preview's view of 按文件分工: counts from the parsed document, before anything is stored."""

    tasks: int
    pairs: int
    units: list[str]
    new_units: list[str]  # names the database does not know yet; the import creates them

    def summary(self) -> str:
        text = f"按文件分工：{self.tasks} 项任务，{self.pairs} 条分工，{len(self.units)} 个单位"
        if self.new_units:
            text += f"（其中新建单位 {len(self.new_units)} 个：{'、'.join(self.new_units[:8])}"
            text += "等）" if len(self.new_units) > 8 else "）"
        return text + "。"


def _subtree(s: Session, top: PlanNode) -> list[PlanNode]:
    """``top`` and every node below it, in document order (parents before children, siblings by position)."""
    rows = list(s.scalars(select(PlanNode).where(PlanNode.plan_id == top.plan_id)))
    kids: dict[int | None, list[PlanNode]] = {}
    for node in rows:
        kids.setdefault(node.parent_id, []).append(node)
    for group in kids.values():
        group.sort(key=lambda n: (n.position, n.id))
    out: list[PlanNode] = []
    stack = [top]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(kids.get(node.id, [])))
    return out


def _start(s: Session, plan_id: int, node_id: int | None) -> PlanNode:
    plan = s.get(Plan, plan_id)
    if plan is None:
        raise NotFound(f"找不到编号为 {plan_id} 的方案。", field="plan_id")
    if node_id is None:
        root = s.scalar(select(PlanNode).where(PlanNode.plan_id == plan_id, PlanNode.parent_id.is_(None)))
        if root is None:
            raise NotFound(f"方案 {plan_id} 没有条目。", field="plan_id")
        return root
    node = s.get(PlanNode, node_id)
    if node is None or node.plan_id != plan_id:
        raise NotFound(f"方案 {plan_id} 中找不到编号为 {node_id} 的条目。", field="node_id")
    return node


def _plan(s: Session, plan_id: int, node_id: int | None, default: dt.date | None) -> AdoptPlan:
    top = _start(s, plan_id, node_id)
    nodes = [n for n in _subtree(s, top) if n.kind != "root" and not n.archived]
    # A body task its 任务分工表 assigns is adopted through its rows (they carry the units), wherever the
    # table is printed; its own list, if it has one, is not adopted a second time.
    tabled = rows_of(s, [n.id for n in nodes])
    if tabled:
        inside = {n.id for n in nodes}
        extra = [rid for rows in tabled.values() for rid in rows if rid not in inside]
        rows = {n.id: n for n in s.scalars(select(PlanNode).where(PlanNode.id.in_(extra)))} if extra else {}
        expanded: list[PlanNode] = []
        for n in nodes:
            if n.id in tabled:
                expanded += [rows[r] for r in tabled[n.id] if r in rows and r not in inside]
                inside.update(tabled[n.id])
            else:
                expanded.append(n)
        nodes = expanded
    ids = [n.id for n in nodes]
    by_id = {n.id: n for n in nodes}
    duties = s.execute(
        select(Responsibility, Unit.name)
        .join(Unit, Unit.id == Responsibility.unit_id)
        .where(Responsibility.node_id.in_(ids))
        .order_by(Responsibility.node_id, Responsibility.position)
    ).all()
    existing = set(
        s.execute(
            select(Assignment.node_id, Assignment.unit_id).where(
                Assignment.node_id.in_(ids), Assignment.archived.is_(False)
            )
        )
        .tuples()
        .all()
    )
    order = {n.id: i for i, n in enumerate(nodes)}
    items: list[AdoptItem] = []
    skipped = 0
    for duty, name in sorted(duties, key=lambda d: (order[d[0].node_id], d[0].position)):
        if (duty.node_id, duty.unit_id) in existing:
            skipped += 1
            continue
        node = by_id[duty.node_id]
        own = node.deadline_hint
        items.append(
            AdoptItem(
                node.id,
                node.label,
                node.title,
                duty.unit_id,
                name,
                duty.role,
                own or default,
                own is not None,
            )
        )
    tasks = len({i.node_id for i in items})
    units = list(dict.fromkeys(i.unit_name for i in items))
    return AdoptPlan(plan_id, top.id, items, skipped, tasks, units)


def preview_adoption(
    db: Database, *, plan_id: int, node_id: int | None = None, deadline: str | dt.date | None = None
) -> AdoptPlan:
    """What :func:`adopt_responsibilities` would create for the plan (or the subtree of ``node_id``)."""
    default = parse_date(deadline, field="deadline", label="默认截止日期")
    with db.read() as s:
        return _plan(s, plan_id, node_id, default)


def adopt_responsibilities(
    db: Database, *, plan_id: int, node_id: int | None = None, deadline: str | dt.date | None = None
) -> AdoptPlan:
    """Create one assignment per (task, unit) the document names; pairs already assigned are skipped.

    The deadline is the task's own 原文时限 where the document gives one, else ``deadline`` (may be None).
    One transaction: either every assignment is written or none.
    """
    default = parse_date(deadline, field="deadline", label="默认截止日期")
    with db.write(cause="按文件分工") as s:
        return adopt_in(s, plan_id=plan_id, node_id=node_id, deadline=default)


def adopt_in(
    s: Session, *, plan_id: int, node_id: int | None = None, deadline: dt.date | None = None
) -> AdoptPlan:
    """Adoption inside the caller's transaction (the import use case adopts in the import's own)."""
    plan = _plan(s, plan_id, node_id, deadline)
    rows = [
        Assignment(
            node_id=item.node_id,
            unit_id=item.unit_id,
            role=item.role,
            deadline=item.deadline,
            original_deadline=item.deadline,
            status="not_started",
            percent=0,
            workflow_state="assigned",
        )
        for item in plan.items
    ]
    s.add_all(rows)
    s.flush()
    log.info("plan %s: adopted %d assignments (%d skipped)", plan_id, len(rows), plan.skipped)
    return AdoptPlan(
        plan.plan_id,
        plan.node_id,
        plan.items,
        plan.skipped,
        plan.tasks,
        plan.units,
        [r.id for r in rows],
    )


def withdraw_adoption(db: Database, *, plan_id: int, assignment_ids: list[int]) -> Change:
    """Undo an adoption: delete the assignments it created, provided nothing was recorded against them."""
    with db.write(cause="撤销按文件分工") as s:
        rows: list[Assignment] = []
        for start in range(0, len(assignment_ids), _CHUNK):
            chunk = assignment_ids[start : start + _CHUNK]
            rows += s.scalars(select(Assignment).where(Assignment.id.in_(chunk)))
            for model in (ProgressEntry, WorkflowStep, ExtensionRequest, Reminder):
                column = model.__table__.c.assignment_id
                if s.scalar(select(func.count()).select_from(model).where(column.in_(chunk))):
                    raise PlanDeskError(
                        "按文件分工创建的分工中已有进展、办理或催办记录，不能整体撤销。"
                        "请逐条处理不再需要的分工。",
                        field="assignment_id",
                    )
        nodes = {a.node_id for a in rows}
        for a in rows:
            s.delete(a)
        return Change("assignments_deleted", {plan_id}, nodes, set(assignment_ids))


def parsed_adoption(db: Database, *, parsed: ParsedPlan) -> ParsedAdoption:
    """Counts for the import preview: tasks with a list, (task, unit) pairs, and units still unknown."""
    tasks = pairs = 0
    names: list[str] = []

    def walk(nodes: list[ParsedNode]) -> None:
        nonlocal tasks, pairs
        for node in nodes:
            mine = list(dict.fromkeys(clean_unit_name(u.name) for u in node.units if clean_unit_name(u.name)))
            if mine and not node.assigned_in:  # a body task its 任务分工表 assigns: adopted through the rows
                tasks += 1
                pairs += len(mine)
                names.extend(mine)
            walk(node.children)

    walk(parsed.nodes)
    units = list(dict.fromkeys(names))
    with db.read() as s:
        new = [n for n in units if find_unit(s, n) is None and find_unit(s, canonical_unit_name(n)) is None]
    return ParsedAdoption(tasks, pairs, units, new)
