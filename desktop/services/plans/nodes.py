"""Task decomposition: office-added sub-tasks, retitling, reordering and deleting nodes."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ... import clock
from ...errors import ConflictError, NotFound, PlanDeskError
from ...models import Assignment, PlanNode
from ...storage import Database
from ..core.records import Change, NodeRow
from ..core.tree import node_rows
from ..core.validation import check_text

# Kinds an office may hang below a node: tasks split into items, everything else into tasks.
CHILD_KIND = {
    "root": "chapter",
    "chapter": "task",
    "section": "task",
    "task": "item",
    "column": "item",
    "item": "item",
    "goal": "item",
    "measure": "item",
}


def _node(s: Session, node_id: int) -> PlanNode:
    node = s.get(PlanNode, node_id)
    if node is None:
        raise NotFound(f"找不到编号为 {node_id} 的条目。", field="node_id")
    return node


def _check_version(node: PlanNode, expected: int | None) -> None:
    if expected is not None and node.version != expected:
        raise ConflictError(
            f"条目“{node.title[:20]}”已被他人修改（当前版本 {node.version}，您编辑的是版本 "
            f"{expected}）。请刷新后重试，您的修改未保存。",
            field="version",
        )


def _writable(node: PlanNode) -> None:
    if node.archived:
        raise PlanDeskError("该条目已在方案修订中删除并归档，只能查看，不能修改。", field="node_id")


def _siblings(s: Session, parent_id: int) -> list[PlanNode]:
    return list(
        s.scalars(
            select(PlanNode).where(PlanNode.parent_id == parent_id).order_by(PlanNode.position, PlanNode.id)
        )
    )


def _row(s: Session, node: PlanNode) -> NodeRow:
    s.flush()
    return node_rows(s, [node], clock.today())[0]


def add_subtask(
    db: Database,
    *,
    parent_id: int,
    title: str,
    label: str = "",
    position: int | None = None,
    uid: str | None = None,
) -> NodeRow:
    """Add an office node below ``parent_id`` (last, or at ``position``); ``uid`` restores a deleted one."""
    title = check_text(title, field="title", label="标题", max_len=2000, required=True)
    label = check_text(label, field="label", label="编号", max_len=40)
    with db.write(cause="添加子任务") as s:
        parent = _node(s, parent_id)
        _writable(parent)
        siblings = _siblings(s, parent_id)
        at = len(siblings) if position is None else max(0, min(position, len(siblings)))
        node = PlanNode(
            plan_id=parent.plan_id,
            parent_id=parent_id,
            position=at,
            kind=CHILD_KIND.get(parent.kind, "item"),
            label=label,
            title=title,
            text=title,
            origin="office",
        )
        if uid:
            node.uid = uid
        siblings.insert(at, node)
        s.add(node)
        _renumber(siblings)
        return _row(s, node)


def _renumber(siblings: list[PlanNode]) -> None:
    for i, sibling in enumerate(siblings):
        if sibling.position != i:
            sibling.position = i


def rename_node(db: Database, *, node_id: int, title: str, expected_version: int | None = None) -> NodeRow:
    """Retitle an office-added node; the document's own wording stays as printed."""
    title = check_text(title, field="title", label="标题", max_len=2000, required=True)
    with db.write(cause="修改标题") as s:
        node = _node(s, node_id)
        _check_version(node, expected_version)
        _writable(node)
        if node.origin != "office":
            raise PlanDeskError("方案原文中的条目不能改标题，只有本单位添加的子任务可以修改。", field="title")
        if node.text == node.title:
            node.text = title
        node.title = title
        return _row(s, node)


def move_node(db: Database, *, node_id: int, position: int) -> Change:
    """Move a node to ``position`` among its siblings (0-based); the others close up around it."""
    with db.write(cause="调整顺序") as s:
        node = _node(s, node_id)
        if node.parent_id is None:
            raise PlanDeskError("方案本身不能移动。", field="node_id")
        siblings = [n for n in _siblings(s, node.parent_id) if n.id != node.id]
        if not 0 <= position <= len(siblings):
            raise PlanDeskError(
                f"位置 {position + 1} 超出范围（共 {len(siblings) + 1} 项）。", field="position"
            )
        siblings.insert(position, node)
        _renumber(siblings)
        return Change("node_moved", {node.plan_id}, {n.id for n in siblings})


def delete_node(db: Database, *, node_id: int, expected_version: int | None = None) -> Change:
    """Delete an office-added node that holds no sub-tasks and no assignments."""
    with db.write(cause="删除子任务") as s:
        node = _node(s, node_id)
        _check_version(node, expected_version)
        if node.origin != "office":
            raise PlanDeskError("方案原文中的条目不能删除，只有本单位添加的子任务可以删除。", field="node_id")
        if s.scalar(select(func.count()).select_from(PlanNode).where(PlanNode.parent_id == node.id)):
            raise PlanDeskError(f"“{node.title[:20]}”下还有子任务，请先删除子任务。", field="node_id")
        if s.scalar(select(func.count()).select_from(Assignment).where(Assignment.node_id == node.id)):
            raise PlanDeskError(
                f"“{node.title[:20]}”已有分工记录，请先删除分工后再删除该子任务。", field="node_id"
            )
        parent_id, plan_id = node.parent_id, node.plan_id
        s.delete(node)
        s.flush()
        siblings = _siblings(s, parent_id) if parent_id is not None else []
        _renumber(siblings)
        return Change("node_deleted", {plan_id}, {node_id, *(n.id for n in siblings)})


def node_uid(db: Database, *, node_id: int) -> str:
    """The stable uid of a node (kept when an office node is deleted and restored)."""
    with db.read() as s:
        return _node(s, node_id).uid
