"""Correcting a node's responsibility list and its kind after the import."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.errors import PlanDeskError
from desktop.models import AuditEntry
from desktop.services.core.tree import children, get_plan, node_detail
from desktop.services.plans.adopt import preview_adoption
from desktop.services.plans.duties import Duty, change_kind, node_duties, set_duties
from desktop.services.plans.plan_import import import_plan
from desktop.storage import Database

from factories import small_plan


def _first_task(db: Database) -> tuple[int, int]:
    plan = import_plan(db, parsed=small_plan(), backup=False)
    root = get_plan(db, plan_id=plan.plan_id).root_id
    section = children(db, node_id=children(db, node_id=root)[0].id)[0]  # type: ignore[arg-type]
    return plan.plan_id, children(db, node_id=section.id)[0].id


def test_the_list_can_be_reordered_extended_and_its_lead_changed(db: Database) -> None:
    plan_id, task = _first_task(db)
    before = node_duties(db, node_id=task)
    assert [(d.unit, d.role) for d in before.duties] == [("区市场监管局", "lead"), ("区科委", "co")]
    assert "责任单位：区市场监管局、区科委" in before.text  # the printed wording shown beside the list
    after = set_duties(
        db,
        node_id=task,
        duties=[Duty("区科委", "lead"), Duty("区市场监管局", "co"), Duty("区财政局", "co")],
    )
    assert [(d.unit, d.role) for d in after.duties] == [
        ("区科委", "lead"),
        ("区市场监管局", "co"),
        ("区财政局", "co"),
    ]
    assert after.new_units == ["区财政局"]
    assert [(u.name, u.role) for u in node_detail(db, node_id=task).units] == [
        ("区科委", "lead"),
        ("区市场监管局", "co"),
        ("区财政局", "co"),
    ]
    assert {(i.unit_name, i.role) for i in preview_adoption(db, plan_id=plan_id, node_id=task).items} == {
        ("区科委", "lead"),
        ("区市场监管局", "co"),
        ("区财政局", "co"),
    }
    set_duties(db, node_id=task, duties=[Duty("区科委", "lead")])
    assert [u.name for u in node_detail(db, node_id=task).units] == ["区科委"]
    with db.read() as s:
        causes = set(s.scalars(select(AuditEntry.cause).where(AuditEntry.table_name == "responsibility")))
    assert "更正责任单位" in causes


def test_bad_lists_change_nothing(db: Database) -> None:
    _plan, task = _first_task(db)
    with pytest.raises(PlanDeskError, match="出现了两次"):
        set_duties(db, node_id=task, duties=[Duty("区科委", "lead"), Duty("区科委", "co")])
    with pytest.raises(PlanDeskError, match="第 2 行的单位名称为空"):
        set_duties(db, node_id=task, duties=[Duty("区科委", "lead"), Duty(" ", "co")])
    with pytest.raises(PlanDeskError, match="角色"):
        set_duties(db, node_id=task, duties=[Duty("区科委", "boss")])
    assert [u.name for u in node_detail(db, node_id=task).units] == ["区市场监管局", "区科委"]


def test_a_node_kind_can_be_changed_and_back(db: Database) -> None:
    _plan, task = _first_task(db)
    row = change_kind(db, node_id=task, kind="measure")
    assert row.kind == "measure"
    assert change_kind(db, node_id=task, kind="task", expected_version=row.version).kind == "task"
    with pytest.raises(PlanDeskError, match="类型“root”无效"):
        change_kind(db, node_id=task, kind="root")


def test_cli_lists_and_corrects_units_and_kind(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import main
    from desktop.storage import open_database

    with open_database(db_url) as db:
        _plan, task = _first_task(db)
    assert main(["--db", db_url, "node", "units", str(task)]) == 0
    out = capsys.readouterr().out
    assert "区市场监管局\t牵头" in out and "区科委\t配合" in out
    assert (
        main(["--db", db_url, "node", "units", str(task), "--set", "区科委，区市场监管局:co,区财政局:co"])
        == 0
    )
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("区科委\t牵头") and "新建单位：区财政局" in out
    assert main(["--db", db_url, "node", "kind", str(task), "保障措施"]) == 0
    assert "\t保障措施\t" in capsys.readouterr().out
    assert main(["--db", db_url, "node", "kind", str(task), "root"]) != 0
    assert "类型“root”无效" in capsys.readouterr().err
