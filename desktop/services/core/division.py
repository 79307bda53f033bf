"""Body tasks and the 任务分工表 rows that assign them.

A plan often prints its tasks twice: in the body, with their text, and in an attached 任务分工表, with who
leads, who cooperates and by when. Both stay in the tree as the document prints them; the importer links each
body task to its row(s) (a NodeLink inside one plan — the links a user makes always go to another plan). The rows
are the work: they carry the units, they are adopted and counted; a linked body task is not counted again.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, aliased

from ...models import NodeLink, PlanNode

LINK_NOTE = "任务分工表"


def assigned_in_table() -> ColumnElement[bool]:
    """True for a plan node whose work a live row of its own plan's 任务分工表 carries."""
    row = aliased(PlanNode)
    return (
        select(NodeLink.id)
        .join(row, row.id == NodeLink.node_id)
        .where(
            NodeLink.target_node_id == PlanNode.id,
            row.plan_id == PlanNode.plan_id,
            row.archived.is_(False),
        )
        .exists()
    )


def rows_of(s: Session, node_ids: list[int]) -> dict[int, list[int]]:
    """For each of these body tasks that a 任务分工表 assigns: its rows, in the table's order."""
    return _linked(s, node_ids, from_body=True)


def bodies_of(s: Session, row_ids: list[int]) -> dict[int, list[int]]:
    """For each of these 任务分工表 rows: the body tasks it assigns."""
    return _linked(s, row_ids, from_body=False)


def _linked(s: Session, ids: list[int], *, from_body: bool) -> dict[int, list[int]]:
    """The links inside one plan from ``ids`` (body tasks, or rows) to the other side, in document order."""
    if not ids:
        return {}
    body, row = aliased(PlanNode), aliased(PlanNode)
    mine, other = (
        (NodeLink.target_node_id, NodeLink.node_id)
        if from_body
        else (NodeLink.node_id, NodeLink.target_node_id)
    )
    shown = row if from_body else body
    q = (
        select(mine, other)
        .join(body, body.id == NodeLink.target_node_id)
        .join(row, row.id == NodeLink.node_id)
        .where(mine.in_(ids), row.plan_id == body.plan_id, row.archived.is_(False))
        .order_by(mine, shown.position, shown.id)
    )
    out: dict[int, list[int]] = {}
    for key, value in s.execute(q):
        out.setdefault(key, []).append(value)
    return out
