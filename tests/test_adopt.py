"""按文件分工: the document's responsibility lists become one assignment per (task, unit)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from desktop.cli import main
from desktop.errors import PlanDeskError
from desktop.models import AuditEntry, Responsibility
from desktop.services.core.tree import children, node_detail
from desktop.services.plans.adopt import (
    adopt_responsibilities,
    parsed_adoption,
    preview_adoption,
    withdraw_adoption,
)
from desktop.services.plans.plan_import import import_file, import_plan
from desktop.services.reporting.ledger import ledger_rows
from desktop.services.reporting.report_data import gather_monthly
from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.storage import Database

from conftest import XIAN
from factories import small_plan


def _pairs(db: Database, plan_id: int) -> set[tuple[int, int, str]]:
    with db.read() as s:
        from desktop.models import PlanNode

        return set(
            s.execute(
                select(Responsibility.node_id, Responsibility.unit_id, Responsibility.role)
                .join(PlanNode, PlanNode.id == Responsibility.node_id)
                .where(PlanNode.plan_id == plan_id)
            )
            .tuples()
            .all()
        )


def _assigned(db: Database, plan_id: int) -> list[list[object]]:
    """The ledger's assignment rows (a 未分工 task's row has no role of its own)."""
    return [r for r in ledger_rows(db, plan_id=plan_id) if r[4]]


def test_adopting_a_real_plan_gives_one_ledger_row_per_task_and_unit(db: Database) -> None:
    plan = import_file(db, path=XIAN, backup=False)
    pairs = _pairs(db, plan.plan_id)
    assert len(pairs) > 24  # every task names at least one unit, many name several
    preview = preview_adoption(db, plan_id=plan.plan_id)
    assert len(preview.items) == len(pairs) and preview.tasks == 24 and preview.skipped == 0
    with db.read() as s:
        from desktop.models import Assignment

        assert s.scalar(select(func.count()).select_from(Assignment)) == 0  # the preview wrote nothing
    # Before adoption the ledger and the report list the document's tasks as 未分工.
    assert _assigned(db, plan.plan_id) == []
    this_month = f"{dt.date.today():%Y-%m}"  # adopted today: counted from today on
    before = gather_monthly(db, plan_id=plan.plan_id, month=this_month).summary
    assert before.assignments == 0 and before.unassigned == before.tasks > 0

    done = adopt_responsibilities(db, plan_id=plan.plan_id, deadline="2026-12-31")
    assert len(done.created_ids) == len(pairs)
    rows = _assigned(db, plan.plan_id)
    assert len(rows) == len(pairs)
    assert {r[6] for r in rows} == {dt.date(2026, 12, 31)}  # no task of this plan states its own deadline
    after = gather_monthly(db, plan_id=plan.plan_id, month=this_month).summary
    assert after.assignments == len(pairs)  # the report sees them all
    # What stays 未分工 is only work the document names no unit for (the 保障措施 of this plan).
    left = [r for r in ledger_rows(db, plan_id=plan.plan_id) if not r[4]]
    assert after.unassigned == len(left) and {r[3] for r in left} <= {"（文件未列明）"}
    with db.read() as s:
        from desktop.models import Assignment

        made = set(s.execute(select(Assignment.node_id, Assignment.unit_id, Assignment.role)).tuples().all())
    assert made == pairs  # lead stays lead, co stays co

    again = adopt_responsibilities(db, plan_id=plan.plan_id)
    assert again.items == [] and again.skipped == len(pairs)
    assert len(_assigned(db, plan.plan_id)) == len(pairs)


def test_own_deadline_wins_and_existing_assignments_are_skipped(db: Database) -> None:
    result = import_plan(db, parsed=small_plan(), backup=False)
    section = children(db, node_id=children(db, node_id=_root(db, result.plan_id))[0].id)[0]
    t1, t2 = children(db, node_id=section.id)[:2]
    create_assignment(db, node_id=t1.id, unit="区科委", role="co", deadline="2027-01-31")
    preview = preview_adoption(db, plan_id=result.plan_id, deadline="2026年6月30日")
    assert preview.skipped == 1
    assert [(i.node_id, i.unit_name, i.role, i.deadline, i.deadline_from_text) for i in preview.items] == [
        (t1.id, "区市场监管局", "lead", dt.date(2025, 12, 31), True),
        (t2.id, "区发展改革委", "lead", dt.date(2026, 6, 30), False),
    ]
    assert "跳过" in preview.summary()
    only_t2 = adopt_responsibilities(db, plan_id=result.plan_id, node_id=t2.id)
    assert [i.node_id for i in only_t2.items] == [t2.id] and only_t2.items[0].deadline is None
    units = {a.unit_name for a in node_detail(db, node_id=t1.id).assignments}
    assert units == {"区科委"}  # the subtree of t2 did not touch t1


def test_adoption_is_audited_and_can_be_withdrawn(db: Database) -> None:
    result = import_plan(db, parsed=small_plan(), backup=False)
    done = adopt_responsibilities(db, plan_id=result.plan_id)
    with db.read() as s:
        causes = s.scalars(
            select(AuditEntry.cause).where(
                AuditEntry.table_name == "assignment", AuditEntry.action == "insert"
            )
        ).all()
    assert len(set(causes)) == 1 and causes[0] == "按文件分工" and len(causes) == len(done.created_ids)
    withdraw_adoption(db, plan_id=result.plan_id, assignment_ids=done.created_ids)
    assert _assigned(db, result.plan_id) == []

    done = adopt_responsibilities(db, plan_id=result.plan_id)
    add_progress(db, assignment_id=done.created_ids[0], period="2026-10", text="已启动")
    with pytest.raises(PlanDeskError, match="已有进展"):
        withdraw_adoption(db, plan_id=result.plan_id, assignment_ids=done.created_ids)
    assert len(_assigned(db, result.plan_id)) == len(done.created_ids)


def test_bad_default_deadline_and_unknown_plan_are_refused(db: Database) -> None:
    result = import_plan(db, parsed=small_plan(), backup=False)
    with pytest.raises(PlanDeskError, match="默认截止日期"):
        adopt_responsibilities(db, plan_id=result.plan_id, deadline="2026-02-30")
    with pytest.raises(PlanDeskError, match="找不到编号为 99"):
        adopt_responsibilities(db, plan_id=99)
    assert _assigned(db, result.plan_id) == []


def test_parsed_adoption_names_units_the_import_will_create(db: Database) -> None:
    import_plan(db, parsed=small_plan(), backup=False)
    parsed = small_plan("另一方案")
    parsed.nodes[0].children[1].children[0].units.append(
        type(parsed.nodes[0].children[0].children[0].units[0])("区文旅局", "co")
    )
    counts = parsed_adoption(db, parsed=parsed)
    assert (counts.tasks, counts.pairs) == (3, 4)
    assert counts.new_units == ["区文旅局"]
    assert "新建单位 1 个：区文旅局" in counts.summary()


def test_cli_adopt_dry_run_then_for_real(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.storage import open_database

    with open_database(db_url) as db:
        plan_id = import_plan(db, parsed=small_plan(), backup=False).plan_id
    assert (
        main(["--db", db_url, "adopt", "--plan", str(plan_id), "--dry-run", "--deadline", "2026/10/31"]) == 0
    )
    out = capsys.readouterr().out
    assert "预览，未写入" in out and "区科委\t配合\t2025-12-31\t原文时限" in out and "2026-10-31\t默认" in out
    assert main(["--db", db_url, "adopt", "--plan", str(plan_id)]) == 0
    out = capsys.readouterr().out
    assert "已为 2 项任务新建 3 条分工" in out
    with open_database(db_url) as db:
        assert len(_assigned(db, plan_id)) == 3


def _root(db: Database, plan_id: int) -> int:
    from desktop.services.core.tree import get_plan

    root = get_plan(db, plan_id=plan_id).root_id
    assert root is not None
    return root
