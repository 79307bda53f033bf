"""A small imported plan with its task ids, shared by the supervision tests."""

from __future__ import annotations

from desktop.services.core.tree import children, get_plan
from desktop.services.plans.plan_import import import_plan
from desktop.storage import Database

from factories import small_plan


def load_small_plan(db: Database, title: str | None = None) -> dict[str, int]:
    """label → id of every task ("1.", "2.", "3."), plus "plan", "root" and "chapter" ids."""
    result = import_plan(db, parsed=small_plan(title) if title else small_plan())
    info = get_plan(db, plan_id=result.plan_id)
    assert info.root_id is not None
    out: dict[str, int] = {"plan": result.plan_id, "root": info.root_id}
    stack = [info.root_id]
    while stack:
        for row in children(db, node_id=stack.pop()):
            if row.kind == "task":
                out[row.label] = row.id
            if row.kind == "chapter" and row.label == "一、":
                out["chapter"] = row.id
            if row.kind == "section" and row.label == "（一）":
                out["section"] = row.id
            stack.append(row.id)
    return out
