"""Two PlanDesk processes on one database: nothing lost, nothing silently overwritten."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
from rel_helpers import ROOT, subprocess_env, task_ids
from sqlalchemy import func, select

from desktop.errors import ConflictError
from desktop.models import Assignment, AuditEntry, ProgressEntry
from desktop.services.core.integrity import check_database
from desktop.services.supervision.assignments import create_assignment, get_assignment, update_assignment
from desktop.storage import Database, open_database

ENTRIES = 100
WRITER = """
import sys
from desktop.services.supervision.assignments import add_progress
from desktop.storage import open_database

url, name, assignment_id, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
with open_database(url, operator=name) as db:
    print("ready", flush=True)
    sys.stdin.readline()  # both writers start together
    for i in range(n):
        add_progress(db, assignment_id=assignment_id, period="2025-%02d" % (i % 12 + 1), text=f"{name} 第{i}条",
                     percent=i % 101)
print("done", flush=True)
"""


def test_two_processes_adding_progress_lose_nothing(db: Database, db_url: str) -> None:
    ids = task_ids(db)
    a = create_assignment(db, node_id=ids["1."], unit="区市场监管局")
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, db_url, name, str(a.id), str(ENTRIES)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=subprocess_env(),
            cwd=ROOT,
        )
        for name in ("甲科员", "乙科员")
    ]
    for w in writers:
        assert w.stdout is not None and w.stdout.readline().strip() == "ready"
    for w in writers:
        assert w.stdin is not None
        w.stdin.write("go\n")
        w.stdin.flush()
    results = [w.communicate(timeout=180) for w in writers]
    codes = [w.returncode for w in writers]
    assert codes == [0, 0], [err for _out, err in results]
    with db.read() as s:
        per_writer = dict(
            s.execute(select(ProgressEntry.entered_by, func.count()).group_by(ProgressEntry.entered_by)).all()
        )
        audited = s.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.table_name == "progress_entry", AuditEntry.action == "insert")
        )
    assert per_writer == {"甲科员": ENTRIES, "乙科员": ENTRIES}
    assert audited == sum(per_writer.values())
    assert check_database(db) == []
    print(f"\nconcurrent writers: {per_writer}, exit codes {codes}")


def test_stale_edit_from_a_second_window_is_refused(db_url: str) -> None:
    with open_database(db_url, operator="甲") as first, open_database(db_url, operator="乙") as second:
        ids = task_ids(first)
        a = create_assignment(first, node_id=ids["2."], unit="区发展改革委", remarks="原始")
        seen_by_first = get_assignment(first, assignment_id=a.id)
        seen_by_second = get_assignment(second, assignment_id=a.id)
        update_assignment(
            second, assignment_id=a.id, expected_version=seen_by_second.version, remarks="乙的修改"
        )
        with pytest.raises(ConflictError, match="已被他人修改"):
            update_assignment(
                first,
                assignment_id=a.id,
                expected_version=seen_by_first.version,
                remarks="甲基于旧版本的修改",
            )
        final = get_assignment(first, assignment_id=a.id)
        assert final.remarks == "乙的修改" and final.version == seen_by_first.version + 1


def test_row_changed_inside_an_open_edit_is_never_overwritten_silently(db_url: str) -> None:
    """One window holds a write open while another saves the same row: it waits (SQLite) or conflicts (server)."""
    with open_database(db_url, operator="甲") as first, open_database(db_url, operator="乙") as second:
        ids = task_ids(first)
        a = create_assignment(first, node_id=ids["1."], unit="区科委", remarks="原始")
        read_done, other_done = threading.Event(), threading.Event()
        outcome: dict[str, object] = {}

        def other_window() -> None:
            read_done.wait(30)
            try:
                update_assignment(second, assignment_id=a.id, remarks="乙的修改")
                outcome["second"] = "saved"
            except Exception as exc:  # reported below, the test must not hang on it
                outcome["second"] = exc
            other_done.set()

        thread = threading.Thread(target=other_window)
        thread.start()
        try:
            with first.write(cause="甲编辑") as s:
                row = s.get(Assignment, a.id)
                assert row is not None
                read_done.set()
                other_done.wait(2)  # a server lets the other save now; SQLite makes it wait for us
                row.remarks = "甲的修改"
            outcome["first"] = "saved"
        except ConflictError:
            outcome["first"] = "conflict"
        thread.join(60)
        assert outcome["second"] == "saved", outcome
        final = get_assignment(first, assignment_id=a.id)
        with first.read() as s:
            trail = [
                r.new_value
                for r in s.scalars(
                    select(AuditEntry)
                    .where(AuditEntry.table_name == "assignment", AuditEntry.field == "remarks")
                    .order_by(AuditEntry.id)
                )
            ]
    if first.is_sqlite:
        assert outcome["first"] == "saved" and trail == ["甲的修改", "乙的修改"]
    else:
        assert outcome["first"] == "conflict" and trail == ["乙的修改"]
    assert final.remarks == trail[-1]
