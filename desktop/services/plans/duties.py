"""Correcting what the import read from a node: its responsibility list (责任单位) and its kind."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import clock
from ...errors import ConflictError, NotFound, PlanDeskError
from ...models import PlanNode, Responsibility, Unit
from ...status import KIND_NAMES
from ...storage import Database
from ..core.records import NodeRow
from ..core.tree import node_rows
from ..core.units import clean_unit_name, ensure_unit, find_unit
from ..core.validation import check_role

# Kinds a user may give a document node; the invisible root stays what it is.
EDITABLE_KINDS = ("chapter", "section", "task", "column", "measure", "item", "goal")


@dataclass(frozen=True)
class Duty:
    """One line of a node's responsibility list, as the user edits it."""

    unit: str  # canonical name (or the name typed for a unit still to be created)
    role: str  # lead | co
    raw_name: str = ""  # the wording the document printed; empty for units the office added


@dataclass(frozen=True)
class NodeDuties:
    node_id: int
    plan_id: int
    text: str  # the node's printed text, shown beside the list
    duties: list[Duty]
    new_units: list[str]  # units created by the last change


def _node(s: Session, node_id: int) -> PlanNode:
    node = s.get(PlanNode, node_id)
    if node is None:
        raise NotFound(f"找不到编号为 {node_id} 的条目。", field="node_id")
    if node.kind == "root":
        raise PlanDeskError("方案本身没有责任单位，请选择具体条目。", field="node_id")
    return node


def _current(s: Session, node_id: int) -> list[Duty]:
    return [
        Duty(name, r.role, r.raw_name)
        for r, name in s.execute(
            select(Responsibility, Unit.name)
            .join(Unit, Unit.id == Responsibility.unit_id)
            .where(Responsibility.node_id == node_id)
            .order_by(Responsibility.position, Responsibility.id)
        )
    ]


def node_duties(db: Database, *, node_id: int) -> NodeDuties:
    """The node's responsibility list in printed order, with the text it was read from."""
    with db.read() as s:
        node = _node(s, node_id)
        return NodeDuties(node.id, node.plan_id, node.text or node.title, _current(s, node_id), [])


def set_duties(db: Database, *, node_id: int, duties: list[Duty]) -> NodeDuties:
    """Replace the node's responsibility list (add, remove, reorder, change the lead) in one transaction.

    Units kept keep their printed wording; a name no unit answers to becomes a new unit. Assignments
    already made are not touched: the list is what the document says, the assignments what the office did.
    """
    seen: set[str] = set()
    wanted: list[Duty] = []
    for i, duty in enumerate(duties, start=1):
        name = clean_unit_name(duty.unit)
        if not name:
            raise PlanDeskError(f"第 {i} 行的单位名称为空。", field="unit")
        role = check_role(duty.role)
        wanted.append(Duty(name, role, duty.raw_name))
    with db.write(cause="更正责任单位") as s:
        node = _node(s, node_id)
        if node.archived:
            raise PlanDeskError("该条目已在方案修订中删除并归档，只能查看，不能修改。", field="node_id")
        existing = {
            r.unit_id: r for r in s.scalars(select(Responsibility).where(Responsibility.node_id == node_id))
        }
        created: list[str] = []
        keep: list[tuple[int, Duty]] = []
        for duty in wanted:
            unit = find_unit(s, duty.unit)
            if unit is None:
                unit = ensure_unit(s, duty.unit)
                created.append(unit.name)
            if unit.name in seen:
                raise PlanDeskError(f"单位“{unit.name}”在清单中出现了两次。", field="unit")
            seen.add(unit.name)
            keep.append((unit.id, duty))
        kept_ids = {unit_id for unit_id, _ in keep}
        for unit_id, old in existing.items():
            if unit_id not in kept_ids:
                s.delete(old)
        s.flush()
        for position, (unit_id, duty) in enumerate(keep):
            row = existing.get(unit_id)
            if row is None:
                s.add(
                    Responsibility(
                        node_id=node_id,
                        unit_id=unit_id,
                        role=duty.role,
                        position=position,
                        raw_name=duty.raw_name,
                    )
                )
                continue
            if row.role != duty.role:
                row.role = duty.role
            if row.position != position:
                row.position = position
        s.flush()
        return NodeDuties(node.id, node.plan_id, node.text or node.title, _current(s, node_id), created)


def change_kind(db: Database, *, node_id: int, kind: str, expected_version: int | None = None) -> NodeRow:
    """Say what a node is (任务, 专栏, 措施, 事项 …) where the import guessed wrong."""
    if kind not in EDITABLE_KINDS:
        names = "、".join(KIND_NAMES.get(k, k) for k in EDITABLE_KINDS)
        raise PlanDeskError(f"类型“{kind}”无效，可选：{names}。", field="kind")
    with db.write(cause="更改条目类型") as s:
        node = _node(s, node_id)
        if expected_version is not None and node.version != expected_version:
            raise ConflictError(
                f"条目“{node.title[:20]}”已被他人修改（当前版本 {node.version}，您编辑的是版本 "
                f"{expected_version}）。请刷新后重试，您的修改未保存。",
                field="version",
            )
        if node.kind != kind:
            node.kind = kind
        s.flush()
        return node_rows(s, [node], clock.today())[0]
