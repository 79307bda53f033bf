"""The responsibility matrix (任务分工表): which unit leads (●) or cooperates on (○) each task of a plan."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select

from ...errors import NotFound
from ...models import Assignment, Plan, PlanNode, Responsibility, Unit
from ...storage import Database
from ..core.statistics import work_node_ids

# The rows are the plan's work as every count in PlanDesk defines it (statistics.work_node_ids): tasks and
# measures, and any other node (a Beijing section, a 专栏 item) someone is responsible for.


@dataclass(frozen=True)
class MatrixRow:
    node_id: int
    label: str
    title: str
    roles: dict[str, str] = field(default_factory=dict)  # unit name → "lead" | "co"
    section: str = ""  # the nearest section (or chapter) above the task, as printed: "（一）夯实计量基础"


@dataclass(frozen=True)
class Matrix:
    plan_id: int
    units: list[str]  # columns, most lead roles first
    rows: list[MatrixRow]
    short_names: dict[str, str] = field(default_factory=dict)  # unit → how a plan prints it (市市场监管局)

    def lead_counts(self) -> dict[str, int]:
        counts = Counter(u for r in self.rows for u, role in r.roles.items() if role == "lead")
        return {u: counts.get(u, 0) for u in self.units}


def short_unit_name(name: str) -> str:
    """The short form plans print for a city bureau (西安市市场监督管理局 → 市市场监管局); others unchanged."""
    try:
        from ...importers.units import CITY_BUREAUS, canonical_unit
    except ImportError:  # pragma: no cover - the alias table ships with the importer
        return name
    m = re.match(r"^[\u4e00-\u9fff]{2,3}市(?!场)", name)
    if m is None:
        return name
    short = canonical_unit("市" + name[m.end() :])
    return short if short.startswith("市") and short[1:] in CITY_BUREAUS else name


def _tree_order(nodes: list[PlanNode]) -> list[PlanNode]:
    """Nodes in reading order (depth first, by position), whatever order the database returned them in."""
    kids: dict[int | None, list[PlanNode]] = {}
    for n in nodes:
        kids.setdefault(n.parent_id, []).append(n)
    for siblings in kids.values():
        siblings.sort(key=lambda n: (n.position, n.id))
    ids = {n.id for n in nodes}
    out: list[PlanNode] = []
    stack = sorted(
        (n for n in nodes if n.parent_id not in ids), key=lambda n: (n.position, n.id), reverse=True
    )
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(reversed(kids.get(n.id, [])))
    return out


def _section_of(node: PlanNode, by_id: dict[int, PlanNode]) -> str:
    """The nearest section above ``node``, else its chapter, as label and title."""
    chapter = ""
    current = by_id.get(node.parent_id) if node.parent_id is not None else None
    while current is not None and current.kind != "root":
        if current.kind == "section":
            return f"{current.label}{current.title}"
        if current.kind == "chapter" and not chapter:
            chapter = f"{current.label}{current.title}"
        current = by_id.get(current.parent_id) if current.parent_id is not None else None
    return chapter


def responsibility_matrix(db: Database, *, plan_id: int) -> Matrix:
    """Tasks × units of a plan.

    The document's responsibilities (责任单位, printed lead first) are the base; an office's live assignment
    for the same node and unit replaces the printed role, and an assignment to a unit the document does not
    name adds it, because the assignment is what the office actually decided. Archived nodes and archived
    assignments are left out.
    """
    with db.read() as s:
        if s.get(Plan, plan_id) is None:
            raise NotFound(f"找不到编号为 {plan_id} 的方案。", field="plan_id")
        nodes = list(
            s.scalars(select(PlanNode).where(PlanNode.plan_id == plan_id, PlanNode.archived.is_(False)))
        )
        roles: dict[int, dict[str, str]] = {}
        for node_id, name, role in s.execute(
            select(Responsibility.node_id, Unit.name, Responsibility.role)
            .join(Unit, Unit.id == Responsibility.unit_id)
            .join(PlanNode, PlanNode.id == Responsibility.node_id)
            .where(PlanNode.plan_id == plan_id)
            .order_by(Responsibility.node_id, Responsibility.position)
        ):
            roles.setdefault(node_id, {})[name] = role
        for node_id, name, role in s.execute(
            select(Assignment.node_id, Unit.name, Assignment.role)
            .join(Unit, Unit.id == Assignment.unit_id)
            .join(PlanNode, PlanNode.id == Assignment.node_id)
            .where(PlanNode.plan_id == plan_id, Assignment.archived.is_(False))
            .order_by(Assignment.id)
        ):
            roles.setdefault(node_id, {})[name] = role
        work = work_node_ids(s, plan_id)
        by_id = {n.id: n for n in nodes}
        rows: list[MatrixRow] = []
        for n in _tree_order(nodes):
            own = roles.get(n.id, {})
            if n.id in work:
                # Lead units first, then cooperating ones, each in the order they were named.
                ordered = dict(sorted(own.items(), key=lambda kv: kv[1] != "lead"))
                rows.append(MatrixRow(n.id, n.label, n.title, ordered, _section_of(n, by_id)))
    leads: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for r in rows:
        for unit, role in r.roles.items():
            total[unit] += 1
            leads[unit] += role == "lead"
    units = sorted(total, key=lambda u: (-leads[u], -total[u], u))
    return Matrix(plan_id, units, rows, {u: short_unit_name(u) for u in units})
