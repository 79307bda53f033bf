"""The audit trail as users read it, and its refusal to be rewritten."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from rel_helpers import cli, counts, task_ids
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from desktop.errors import PlanDeskError
from desktop.models import AuditEntry
from desktop.services.supervision.assignments import (
    add_progress,
    create_assignment,
    delete_progress,
    update_assignment,
)
from desktop.services.supervision.history import display_value, history
from desktop.storage import Database, open_database


def test_node_history_tells_who_changed_what_and_why(db: Database) -> None:
    ids = task_ids(db)
    a = create_assignment(db, node_id=ids["2."], unit="区发展改革委", deadline="2025-06-30")
    db.operator = "李科长"
    update_assignment(
        db, assignment_id=a.id, deadline="2025-09-30", deadline_kind="更正", status="in_progress"
    )
    entry = add_progress(db, assignment_id=a.id, period="2025-03", text="完成初稿", percent=40)
    delete_progress(db, entry_id=entry.id)
    create_assignment(db, node_id=ids["1."], unit="区科委", role="co")  # another node: not in this history

    entries = history(db, node_id=ids["2."])
    whats = [e.what for e in entries]
    assert whats[0] == "删除 进展记录"
    assert {"修改 分工记录 完成百分比", "新增 进展记录"} <= set(whats[1:])
    assert "修改 分工记录 截止日期" in whats and "新增 分工记录" in whats and "新增 条目" in whats
    assert not any(e.node_id == ids["1."] for e in entries)
    deadline = next(e for e in entries if e.field == "deadline")
    assert (deadline.old_value, deadline.new_value, deadline.operator) == (
        "2025-06-30",
        "2025-09-30",
        "李科长",
    )
    status = next(e for e in entries if e.field == "status" and e.old_value == "not_started")
    assert display_value(status.field, status.old_value) == "未开始"
    assert display_value(status.field, status.new_value) == "进行中"
    first = entries[-1]
    assert first.table_name == "条目" and first.cause.startswith("导入") and first.row_id == ids["2."]
    assert all(e.os_user is not None for e in entries)


def test_history_by_plan_and_date_and_limit(db: Database) -> None:
    ids = task_ids(db)
    other = task_ids(db)
    create_assignment(db, node_id=other["3."], unit="区科委")
    mine = history(db, plan_id=ids["plan"], limit=10_000)
    assert mine and all(e.plan_id in (ids["plan"], None) for e in mine)
    assert not any(e.node_id == other["3."] for e in mine)
    assert history(db, since=dt.date.today() + dt.timedelta(days=2)) == []
    assert len(history(db, since=dt.date.today() - dt.timedelta(days=1), limit=3)) == 3


def test_history_cli_prints_and_exports_json(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = task_ids(db)
    code, _out, _err = cli(
        capsys,
        "--db",
        db_url,
        "--operator",
        "王五",
        "assign",
        str(ids["3."]),
        "--unit",
        "区科委",
        "--deadline",
        "2025-12-31",
    )
    assert code == 0
    code, out, _err = cli(capsys, "--db", db_url, "history", "--node", str(ids["3."]))
    assert code == 0
    assert "王五" in out and "新增 分工记录" in out and "导入：small.txt" in out
    code, out, _err = cli(capsys, "--db", db_url, "history", "--node", str(ids["3."]), "--json")
    data = json.loads(out)
    assert data[0]["operator"] == "王五" and data[0]["table_name"] == "分工记录"
    code, _out, err = cli(capsys, "--db", db_url, "history", "--since", "2025-02-30")
    assert code == 1 and "起始日期" in err


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_entry SET new_value = '篡改' WHERE id = (SELECT MIN(id) FROM audit_entry)",
        "UPDATE audit_entry SET operator = '别人'",
        "UPDATE audit_entry SET batch_id = batch_id",
        "DELETE FROM audit_entry",
    ],
)
def test_audit_trail_cannot_be_altered(db: Database, statement: str) -> None:
    task_ids(db)
    before = counts(db)
    with db.read() as s:
        original = [
            (r.id, r.operator, r.new_value) for r in s.scalars(select(AuditEntry).order_by(AuditEntry.id))
        ]
    with pytest.raises(DBAPIError, match="操作记录只能追加"), db.engine.begin() as conn:
        conn.execute(text(statement))
    with pytest.raises((DBAPIError, PlanDeskError), match="操作记录只能追加"), db.write() as s:
        s.delete(s.scalars(select(AuditEntry)).first())
    with db.read() as s:
        after = [
            (r.id, r.operator, r.new_value) for r in s.scalars(select(AuditEntry).order_by(AuditEntry.id))
        ]
    assert after == original and counts(db) == before


def test_trail_survives_reopening_and_names_the_os_user(db_url: str) -> None:
    with open_database(db_url, operator="甲") as db:
        ids = task_ids(db)
        create_assignment(db, node_id=ids["1."], unit="区科委")
    with open_database(db_url) as db:
        newest = history(db, node_id=ids["1."])[0]
    assert newest.operator == "甲" and newest.what == "新增 分工记录"
    from desktop.storage.audit_hook import OS_USER

    assert newest.os_user == OS_USER


def test_hand_off_states_and_steps_read_as_words(db: Database) -> None:
    ids = task_ids(db)
    a = create_assignment(db, node_id=ids["1."], unit="区市场监管局")
    add_progress(db, assignment_id=a.id, period="2026-01", text="完成调研", percent=20)
    shown = " ".join(
        f"{e.field_name} {display_value(e.field, e.old_value)} {display_value(e.field, e.new_value)}"
        for e in history(db, node_id=ids["1."])
    )
    assert "办理环节 已交办 已反馈" in shown
    assert "assigned" not in shown and "reported" not in shown
