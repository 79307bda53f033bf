"""Plan import written in one pass: document order, units, audit trail and cancelling stay as users know them."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.errors import Cancelled
from desktop.importers.parsed import ParsedNode, ParsedUnit
from desktop.models import AuditEntry, PlanNode, PlanRevision, Responsibility, Unit, UnitAlias
from desktop.services.core.units import add_unit
from desktop.services.plans.plan_import import import_file, import_plan
from desktop.storage import Database

from conftest import XIAN
from factories import small_plan


def test_nodes_sorted_by_id_read_in_document_order(db: Database) -> None:
    import_plan(db, parsed=small_plan("先导入的方案"), backup=False)
    result = import_file(db, path=XIAN, backup=False)
    with db.read() as s:
        nodes = (
            s.execute(
                select(PlanNode.id, PlanNode.parent_id, PlanNode.position)
                .where(PlanNode.plan_id == result.plan_id)
                .order_by(PlanNode.id)
            )
            .tuples()
            .all()
        )
    kids: dict[int | None, list[tuple[int, int]]] = {}
    for node_id, parent_id, position in nodes:
        kids.setdefault(parent_id, []).append((position, node_id))

    def preorder(parent: int | None) -> list[int]:
        out: list[int] = []
        for _position, child in sorted(kids.get(parent, [])):
            out += [child, *preorder(child)]
        return out

    assert preorder(None) == [n[0] for n in nodes]
    assert sum(result.counts.values()) == len(nodes) - 1


def test_every_written_row_is_in_the_audit_trail_of_the_import(db: Database) -> None:
    result = import_file(db, path=XIAN, backup=False)
    with db.read() as s:
        nodes = s.scalar(select(func.count()).select_from(PlanNode).where(PlanNode.plan_id == result.plan_id))
        duties = s.scalar(select(func.count()).select_from(Responsibility))
        units = s.scalar(select(func.count()).select_from(Unit))
        audited = dict(
            s.execute(
                select(AuditEntry.table_name, func.count())
                .where(AuditEntry.action == "insert")
                .group_by(AuditEntry.table_name)
            )
            .tuples()
            .all()
        )
        batches = set(s.scalars(select(AuditEntry.batch_id)))
        planned = set(s.scalars(select(AuditEntry.plan_id).where(AuditEntry.table_name == "responsibility")))
    assert duties > 20 and units > 5
    assert (audited["plan_node"], audited["responsibility"], audited["unit"]) == (nodes, duties, units)
    assert len(batches) == 1 and None not in batches
    assert planned == {result.plan_id}


def test_units_named_twice_or_by_alias_become_one_unit(db: Database) -> None:
    add_unit(db, name="区市场监督管理局", kind="bureau", aliases=["区市场监管局"])
    parsed = small_plan()
    extra = ParsedNode(
        "task",
        "4.",
        "再提一次",
        "再提一次。（责任单位：区科委、区科委、区市场监管局）",
        units=[ParsedUnit("区科委", "lead"), ParsedUnit("区 科委", "co"), ParsedUnit("区市场监管局", "co")],
    )
    parsed.nodes[0].children[0].children.append(extra)
    result = import_plan(db, parsed=parsed, backup=False)
    with db.read() as s:
        names = set(s.scalars(select(Unit.name)))
        held = (
            s.execute(
                select(Unit.name, Responsibility.role)
                .join(Responsibility.unit)
                .join(Responsibility.node)
                .where(PlanNode.label == "4.")
                .order_by(Responsibility.position)
            )
            .tuples()
            .all()
        )
        aliases = list(s.scalars(select(UnitAlias.alias)))
        tree = s.scalar(select(PlanRevision.tree).where(PlanRevision.plan_id == result.plan_id))
    assert "区市场监管局" not in names and len(names) == len(set(names))
    assert [name for name, _role in held].count("区市场监督管理局") == 1
    assert len(held) == 2 and held[0][1] == "lead"
    assert len(aliases) == len(set(aliases))
    by_label = {row["label"]: row for row in tree}
    assert len(by_label["4."]["units"]) == 2 and by_label["4."]["units"][0][1] == "lead"


def test_cancelling_half_way_leaves_nothing_and_progress_rises(db: Database) -> None:
    seen: list[int] = []
    asked = iter([False] * 2 + [True] * 100)
    before = 0
    with db.read() as s:
        before = s.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(Cancelled):
        import_file(
            db,
            path=XIAN,
            backup=False,
            progress=lambda p, _m: seen.append(p),
            is_cancelled=lambda: next(asked),
        )
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(PlanNode)) == 0
        assert s.scalar(select(func.count()).select_from(Unit)) == 0
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == before
    assert seen and seen == sorted(seen)
    done: list[int] = []
    import_file(db, path=XIAN, backup=False, progress=lambda p, _m: done.append(p))
    assert done == sorted(done) and done[-1] == 100
