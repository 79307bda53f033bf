"""A plan as plain JSON (the documented exchange format of ``plandesk export plan``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ...errors import NotFound
from ...models import Indicator, Plan, PlanNode, Responsibility, Unit
from ...storage import Database


def plan_as_json(db: Database, *, plan_id: int) -> dict[str, Any]:
    """``{"plan": {...}, "nodes": [...], "indicators": [...]}``, nodes in document order."""
    with db.read() as s:
        plan = s.get(Plan, plan_id)
        if plan is None:
            raise NotFound(f"找不到编号为 {plan_id} 的方案。", field="plan_id")
        nodes = list(s.scalars(select(PlanNode).where(PlanNode.plan_id == plan_id)))
        units: dict[int, list[dict[str, str]]] = {}
        for node_id, name, role, raw_name in s.execute(
            select(Responsibility.node_id, Unit.name, Responsibility.role, Responsibility.raw_name)
            .join(Unit, Unit.id == Responsibility.unit_id)
            .join(PlanNode, PlanNode.id == Responsibility.node_id)
            .where(PlanNode.plan_id == plan_id)
            .order_by(Responsibility.node_id, Responsibility.position)
        ):
            # The canonical unit and the name as the document printed it.
            units.setdefault(node_id, []).append({"name": name, "role": role, "raw_name": raw_name or name})
        kids: dict[int | None, list[PlanNode]] = {}
        for n in nodes:
            kids.setdefault(n.parent_id, []).append(n)
        for group in kids.values():
            group.sort(key=lambda n: (n.position, n.id))
        root_ids = {n.id for n in kids.get(None, [])}
        ordered: list[dict[str, Any]] = []

        def walk(parent_id: int | None) -> None:
            for n in kids.get(parent_id, []):
                if n.kind != "root":
                    ordered.append(
                        {
                            "id": n.id,
                            "parent": None if n.parent_id in root_ids else n.parent_id,
                            "kind": n.kind,
                            "label": n.label,
                            "title": n.title,
                            "text": n.text,
                            "units": units.get(n.id, []),
                            "deadline": n.deadline_hint.isoformat() if n.deadline_hint else None,
                            "origin": n.origin,
                            "archived": n.archived,
                        }
                    )
                walk(n.id)

        walk(None)
        indicators = [
            {
                "field": i.field,
                "name": i.name,
                "unit": i.unit_of_measure,
                "target": i.target_text,
                "year": i.target_year,
                "attribute": i.attribute,
            }
            for i in s.scalars(
                select(Indicator)
                .where(Indicator.plan_id == plan_id)
                .order_by(Indicator.position, Indicator.id)
            )
        ]
        return {
            "plan": {
                "id": plan.id,
                "title": plan.title,
                "issuer": plan.issuer,
                "doc_number": plan.doc_number,
                "issued_on": plan.issued_on.isoformat() if plan.issued_on else None,
                "level": plan.level,
                "revision": plan.revision,
            },
            "nodes": ordered,
            "indicators": indicators,
        }
