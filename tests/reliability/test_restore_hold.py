"""Restore while other PlanDesk windows are open, and a restore killed half-way: no save is ever lost."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rel_helpers import ROOT, cli, counts, sqlite_only, subprocess_env, task_ids
from sqlalchemy import func, select

from desktop.errors import PlanDeskError
from desktop.models import ProgressEntry
from desktop.services.core.backups import backup_now, backups, restore_file
from desktop.services.core.integrity import check_database
from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.storage import hold, open_database
from desktop.storage.hold import DatabaseInUse, exclusive_hold
from desktop.storage.swap import marker_path, staged_path

SAVES = 95
WRITER = """
import sys
from desktop.services.supervision.assignments import add_progress
from desktop.storage import open_database

url, assignment_id, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open_database(url, operator="乙") as db:
    print("ready", flush=True)
    for i in range(n):
        try:
            add_progress(db, assignment_id=assignment_id, period="2025-03", text=f"第{i}条")
        except Exception as exc:
            print("refused", type(exc).__name__, exc, flush=True)
            continue
        print("saved", i, flush=True)
        if i == n // 3:
            print("halfway", flush=True)
            sys.stdin.readline()
    sys.stdin.readline()
"""


def progress_count(url: str) -> int:
    with open_database(url) as db, db.read() as s:
        return s.scalar(select(func.count()).select_from(ProgressEntry)) or 0


@sqlite_only
def test_restore_is_refused_while_another_process_saves_and_no_save_is_lost(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_database(db_url) as db:
        ids = task_ids(db)
        a = create_assignment(db, node_id=ids["1."], unit="区市场监管局")
        saved = backup_now(db, dest=tmp_path / "old.sqlite3")
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, db_url, str(a.id), str(SAVES)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
        cwd=ROOT,
    )
    assert writer.stdout is not None and writer.stdin is not None
    lines = []
    for line in writer.stdout:
        lines.append(line.strip())
        if line.strip() == "halfway":
            break
    code, _out, err = cli(capsys, "--db", db_url, "restore", str(saved))
    assert code == 1 and "另有 PlanDesk 窗口或程序正在使用该数据库" in err, err
    writer.stdin.write("go\n")
    writer.stdin.flush()
    out, errors = writer.communicate("end\n", timeout=120)
    lines += out.split("\n")
    assert writer.returncode == 0, errors
    acknowledged = sum(1 for line in lines if line.startswith("saved"))
    assert acknowledged == SAVES and not [line for line in lines if line.startswith("refused")]
    assert progress_count(db_url) == SAVES, "every acknowledged save is in the database"
    # Once the other window is closed, the restore goes ahead.
    code, _out, err = cli(capsys, "--db", db_url, "restore", str(saved))
    assert code == 0, err
    assert progress_count(db_url) == 0
    print(f"\nrestore while saving: {acknowledged} saves acknowledged, {SAVES} kept, 1 restore refused")


@sqlite_only
def test_a_window_of_the_same_process_also_blocks_restore(db_url: str, tmp_path: Path) -> None:
    with open_database(db_url) as db:
        task_ids(db)
        saved = backup_now(db, dest=tmp_path / "old.sqlite3")
        with pytest.raises(DatabaseInUse, match="请先关闭其他 PlanDesk 窗口"):
            restore_file(Path(db_url), saved)
        assert counts(db)["plan"] == 1
    assert restore_file(Path(db_url), saved).exists()


@sqlite_only
def test_opening_while_a_restore_runs_waits_and_then_says_why(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hold, "OPEN_WAIT_SECONDS", 0.2)
    with exclusive_hold(Path(db_url)), pytest.raises(PlanDeskError, match="正在由另一个 PlanDesk 从备份恢复"):
        open_database(db_url)
    open_database(db_url).close()


@sqlite_only
def test_a_window_whose_file_was_replaced_behind_its_back_stops_saving(db_url: str, tmp_path: Path) -> None:
    with open_database(db_url) as db:
        ids = task_ids(db)
        a = create_assignment(db, node_id=ids["1."], unit="区市场监管局")
        copy = tmp_path / "copy.sqlite3"
        backup_now(db, dest=copy)
        # Another program (a file manager, a sync tool) puts a different file at the database's path.
        os.replace(copy, db_url)
        with pytest.raises(PlanDeskError, match="数据库文件已被替换"):
            add_progress(db, assignment_id=a.id, period="2025-03", text="写到哪里去了？")
    assert progress_count(db_url) == 0


def leave_unsaved_wal(url: str, assignment_id: int, n: int) -> None:
    """A PlanDesk that saved ``n`` entries and died before checkpointing: the entries live only in the WAL."""
    pid = os.fork()
    if pid == 0:
        try:
            db = open_database(url)
            for i in range(n):
                add_progress(db, assignment_id=assignment_id, period="2025-04", text=f"仅在 WAL 中 {i}")
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


def forked_restore(db_path: Path, source: Path, die_at_swap: bool) -> int:
    pid = os.fork()
    if pid == 0:
        try:
            if die_at_swap:
                real = os.replace

                def dying(src: object, dst: object) -> None:
                    if Path(str(dst)) == db_path:
                        os._exit(9)  # killed after the old WAL was removed, before the new file moved in
                    real(src, dst)  # type: ignore[arg-type]

                os.replace = dying  # type: ignore[assignment]
            restore_file(db_path, source)
        finally:
            os._exit(0)
    return pid


@sqlite_only
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the child is forked")
def test_restore_killed_between_removing_the_wal_and_moving_in_is_finished_on_next_open(
    db_url: str, tmp_path: Path
) -> None:
    path = Path(db_url)
    with open_database(db_url) as db:
        ids = task_ids(db)
        a = create_assignment(db, node_id=ids["1."], unit="区市场监管局")
        add_progress(db, assignment_id=a.id, period="2025-02", text="备份里有的一条")
        saved = backup_now(db, dest=tmp_path / "wanted.sqlite3")
    leave_unsaved_wal(db_url, a.id, 5)
    assert Path(db_url + "-wal").stat().st_size > 0
    pid = forked_restore(path, saved, die_at_swap=True)
    _pid, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 9
    assert marker_path(path).exists() and staged_path(path).exists()
    assert progress_count(db_url) == 1, "the restore the user asked for is completed, not rolled back"
    assert not marker_path(path).exists() and not staged_path(path).exists()
    with open_database(db_url) as db:
        assert check_database(db) == []
        kept = [b for b in backups(db) if b.reason == "before-restore"]
    assert len(kept) == 1 and progress_count(str(kept[0].path)) == 6, "what was replaced, WAL included"


@sqlite_only
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the child is forked")
def test_restore_killed_at_random_moments_leaves_the_old_or_the_restored_database(
    db_url: str, tmp_path: Path
) -> None:
    path = Path(db_url)
    with open_database(db_url) as db:
        ids = task_ids(db)
        a = create_assignment(db, node_id=ids["1."], unit="区市场监管局")
        saved = backup_now(db, dest=tmp_path / "wanted.sqlite3")  # no progress at all
    start = time.monotonic()
    os.waitpid(forked_restore(path, saved, die_at_swap=False), 0)
    full = time.monotonic() - start  # an undisturbed restore: the kills land anywhere within it
    rng = random.Random(11)
    outcomes = {"old": 0, "restored": 0}
    rounds = int(os.environ.get("PLANDESK_KILL_ROUNDS", "8"))
    for n in range(rounds):
        with open_database(db_url) as db:
            add_progress(db, assignment_id=a.id, period="2025-05", text=f"第 {n} 轮")
            expected_old = counts(db)["progress_entry"]
        leave_unsaved_wal(db_url, a.id, 2)
        expected_old += 2
        pid = forked_restore(path, saved, die_at_swap=False)
        time.sleep(rng.uniform(0.0, 1.2) * full)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        found = progress_count(db_url)
        assert found in (expected_old, 0), f"round {n}: {found} entries, neither old nor restored"
        outcomes["old" if found else "restored"] += 1
        with open_database(db_url) as db:
            assert check_database(db) == []
    print(
        f"\nrestore kills: {rounds} rounds, outcomes {outcomes}, 0 lost, 0 corrupt; a restore takes {full:.3f} s"
    )


@sqlite_only
def test_an_open_that_was_refused_does_not_block_a_restore(db_url: str, tmp_path: Path) -> None:
    import sqlite3

    with open_database(db_url) as db:
        task_ids(db)
        saved = backup_now(db, dest=tmp_path / "good.sqlite3")
    con = sqlite3.connect(db_url)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    with pytest.raises(PlanDeskError, match="更新版本"):
        open_database(db_url)
    restore_file(Path(db_url), saved)
    with open_database(db_url) as db:
        assert counts(db)["plan"] == 1
