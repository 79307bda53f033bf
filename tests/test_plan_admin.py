"""Correcting a plan's properties, archiving it, deleting it with a backup, and refusing silent duplicates."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.errors import ConflictError, PlanDeskError
from desktop.models import AuditEntry
from desktop.services.core.backups import backups
from desktop.services.core.tree import children, get_plan, list_plans
from desktop.services.exchange.workbooks import export_workbooks
from desktop.services.plans.adopt import adopt_responsibilities
from desktop.services.plans.links import link_nodes
from desktop.services.plans.plan_admin import (
    delete_plan,
    find_duplicate,
    plan_footprint,
    set_archived,
    update_plan,
)
from desktop.services.plans.plan_import import import_file, import_plan
from desktop.services.reporting.ledger import ledger_rows
from desktop.services.reporting.report_data import gather_monthly
from desktop.services.supervision.assignments import add_progress
from desktop.storage import Database, open_database

from conftest import XIAN
from factories import small_plan


def test_a_wrong_title_is_corrected_everywhere(db: Database) -> None:
    plan = import_plan(db, parsed=small_plan("---标题:某区贯彻落实计量发展规划实施方案"), backup=False)
    adopt_responsibilities(db, plan_id=plan.plan_id)
    info = update_plan(
        db,
        plan_id=plan.plan_id,
        expected_version=get_plan(db, plan_id=plan.plan_id).version,
        title="某区贯彻落实计量发展规划实施方案",
        level="市级",
        doc_number="某政办发〔2024〕9号",
        issued_on="2024年4月2日",
        short_name="计量方案",
    )
    assert (info.title, info.level, info.doc_number, info.issued_on, info.short_name) == (
        "某区贯彻落实计量发展规划实施方案",
        "city",
        "某政办发〔2024〕9号",
        dt.date(2024, 4, 2),
        "计量方案",
    )
    month = gather_monthly(db, plan_id=plan.plan_id, month="2026-11")
    assert month.plan_title == "某区贯彻落实计量发展规划实施方案"
    # The all-plans ledger names each row's plan; the plan's own ledger carries it in its title row.
    assert {row[0] for row in ledger_rows(db, plan_id=None)} == {"某区贯彻落实计量发展规划实施方案"}
    root = get_plan(db, plan_id=plan.plan_id).root_id
    with db.read() as s:
        changed = set(s.scalars(select(AuditEntry.field).where(AuditEntry.cause == "修改方案属性")).all())
    assert {"title", "level", "doc_number", "issued_on", "short_name"} <= changed
    assert root is not None and children(db, node_id=root)  # the tree is still there


def test_bad_properties_and_stale_edits_are_refused(db: Database) -> None:
    plan = import_plan(db, parsed=small_plan(), backup=False)
    with pytest.raises(PlanDeskError, match="方案标题不能为空"):
        update_plan(db, plan_id=plan.plan_id, title="  ")
    with pytest.raises(PlanDeskError, match="层级“乡级”无效"):
        update_plan(db, plan_id=plan.plan_id, level="乡级")
    with pytest.raises(PlanDeskError, match="成文日期“2024-13-01”无效"):
        update_plan(db, plan_id=plan.plan_id, issued_on="2024-13-01")
    update_plan(db, plan_id=plan.plan_id, issuer="某区人民政府办公室")
    with pytest.raises(ConflictError):
        update_plan(db, plan_id=plan.plan_id, expected_version=1, issuer="别的")
    assert get_plan(db, plan_id=plan.plan_id).issuer == "某区人民政府办公室"


def test_archive_and_unarchive(db: Database) -> None:
    plan = import_plan(db, parsed=small_plan(), backup=False)
    assert set_archived(db, plan_id=plan.plan_id, archived=True).archived
    assert [p.archived for p in list_plans(db)] == [True]
    assert not set_archived(db, plan_id=plan.plan_id, archived=False).archived


@pytest.mark.sqlite_file
def test_delete_names_what_goes_takes_a_backup_and_stays_in_the_audit(db: Database, tmp_path: Path) -> None:
    keep = import_plan(db, parsed=small_plan("保留的方案"), backup=False)
    plan = import_plan(db, parsed=small_plan(), backup=False)
    done = adopt_responsibilities(db, plan_id=plan.plan_id)
    add_progress(db, assignment_id=done.created_ids[0], period="2026-10", text="已启动")
    footprint = plan_footprint(db, plan_id=plan.plan_id)
    assert (footprint.assignments, footprint.progress, footprint.workbooks) == (3, 1, 0)
    assert "3 条分工、1 条进展记录。" in footprint.describe()
    files = export_workbooks(db, plan_id=plan.plan_id, all_units=True, out=tmp_path / "反馈表")
    footprint = plan_footprint(db, plan_id=plan.plan_id)
    assert footprint.workbooks == len(files) > 0
    assert f"已登记的 {len(files)} 份进展反馈表将不再关联此方案" in footprint.describe()
    before = len(backups(db))
    result = delete_plan(db, plan_id=plan.plan_id)
    assert result.backup is not None and Path(result.backup).exists()
    assert len(backups(db)) == before + 1
    with open_database(result.backup) as old:  # the backup still holds the plan
        assert [p.title for p in list_plans(old)] == ["保留的方案", "某区贯彻落实计量发展规划实施方案"]
    assert [p.id for p in list_plans(db)] == [keep.plan_id]
    with db.read() as s:
        gone = s.scalar(
            select(AuditEntry).where(
                AuditEntry.table_name == "plan",
                AuditEntry.action == "delete",
                AuditEntry.row_id == plan.plan_id,
            )
        )
        assert gone is not None and "3 条分工" in gone.cause


def test_a_plan_another_plan_carries_out_is_not_deleted(db: Database) -> None:
    upper = import_plan(db, parsed=small_plan("上级方案"), backup=False)
    lower = import_plan(db, parsed=small_plan("下级方案"), backup=False)

    def first_task(plan_id: int) -> int:
        root = get_plan(db, plan_id=plan_id).root_id
        section = children(db, node_id=children(db, node_id=root)[0].id)[0]  # type: ignore[arg-type]
        return children(db, node_id=section.id)[0].id

    link_nodes(db, node_id=first_task(lower.plan_id), target_node_id=first_task(upper.plan_id))
    with pytest.raises(PlanDeskError, match="被其他方案关联（下级方案）.*归档"):
        delete_plan(db, plan_id=upper.plan_id, backup=False)
    assert len(list_plans(db)) == 2


def test_the_same_document_twice_is_recognised(db: Database) -> None:
    from desktop.importers.load import load_plan

    import_file(db, path=XIAN, backup=False)
    parsed = load_plan(XIAN)
    found = find_duplicate(db, parsed=parsed)
    assert found is not None and found.reason == "same_text" and found.plan_id == 1
    other = small_plan("另一方案")
    other.source_sha256 = "1" * 64
    other.doc_number = parsed.doc_number
    found = find_duplicate(db, parsed=other)
    assert found is not None and found.reason == "same_number" and "文号同为" in found.describe()
    other.doc_number = "某政发〔2030〕1号"
    assert find_duplicate(db, parsed=other) is None


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.sqlite_file
def test_cli_edit_delete_archive_and_duplicate_import(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, "--db", db_url, "import", str(XIAN), "--adopt")
    assert code == 0 and "按文件分工：已为 24 项任务新建" in out
    code, out, err = run(capsys, "--db", db_url, "import", str(XIAN))
    assert code != 0 and "已有方案 1" in err and "--revise 1" in err and "--new" in err
    code, out, _ = run(capsys, "--db", db_url, "import", str(XIAN), "--new")
    assert code == 0 and "已导入方案 2" in out
    code, out, _ = run(capsys, "--db", db_url, "plan", "edit", "2", "--title", "副本", "--level", "区县级")
    assert code == 0 and "区县" in out and "副本" in out
    code, out, _ = run(capsys, "--db", db_url, "plan", "archive", "2")
    assert code == 0 and "已归档" in out
    code, out, _ = run(capsys, "--db", db_url, "list")
    assert "副本（已归档）" in out

    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # a script without --yes is not taken as consent
    code, _, err = run(capsys, "--db", db_url, "plan", "delete", "1")
    assert code != 0 and "条分工" in err and "--yes" in err
    code, out, _ = run(capsys, "--db", db_url, "plan", "delete", "1", "--yes")
    assert code == 0 and "已删除方案 1" in out and "删除前的备份：" in out
    backup = out.split("删除前的备份：")[1].strip()
    assert Path(backup).exists()
    with open_database(db_url) as db:
        assert [(p.id, p.title, p.archived) for p in list_plans(db)] == [(2, "副本", True)]
