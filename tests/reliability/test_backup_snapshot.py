"""A backup is one snapshot copied in small steps: edits made meanwhile neither wait nor leak into it."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from rel_helpers import counts, sqlite_only, task_ids

from desktop.errors import Cancelled
from desktop.services.core.backups import backup_now, daily_backup
from desktop.services.supervision.assignments import create_assignment
from desktop.storage import Database, health, open_database
from desktop.storage import backup as backup_module
from desktop.storage.backup import backup_dir_for, copy_database, list_backups
from desktop.storage.health import DatabaseDamaged
from desktop.ui.app import show_main_window


@sqlite_only
def test_edits_during_the_copy_go_through_at_once_and_stay_out_of_the_backup(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert db.path is not None
    ids = task_ids(db)
    before = counts(db)
    monkeypatch.setattr(backup_module, "STEP_PAGES", 1)  # many steps even for a small file
    waits: list[float] = []

    def between_steps() -> bool:
        if not waits:  # an edit while the copy is half done
            started = time.perf_counter()
            create_assignment(db, node_id=ids["1."], unit="区科委")
            waits.append(time.perf_counter() - started)
        return False

    dest = tmp_path / "copy.sqlite3"
    copy_database(db.path, dest, check_source=True, should_stop=between_steps)
    assert waits and waits[0] < 2.0, "the edit did not wait for the backup"
    with open_database(dest) as copy:
        assert counts(copy) == before, "the backup holds the state when it started"
    assert counts(db)["assignment"] == before["assignment"] + 1, "and the edit is kept in the database"


@sqlite_only
def test_a_stopped_daily_backup_leaves_no_file_and_is_taken_next_time(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert db.path is not None
    task_ids(db)
    monkeypatch.setattr(backup_module, "STEP_PAGES", 1)
    with pytest.raises(Cancelled):
        daily_backup(db, should_stop=lambda: True)
    folder = backup_dir_for(db.path)
    assert not list_backups(db.path)
    assert not [p for p in folder.iterdir()] if folder.exists() else True, "no partial copy left behind"
    taken = daily_backup(db)
    assert taken is not None and [b.reason for b in list_backups(db.path)] == ["daily"]


def damage_the_tail(path: Path) -> None:
    """Fill the file's last pages with a table of its own, then overwrite those pages: the plan stays readable."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE filler(x BLOB)")
    con.executemany("INSERT INTO filler VALUES (?)", [(b"\x01" * 1500,) for _ in range(400)])
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(path.read_bytes())
    for start in range(len(data) - 40 * 4096, len(data), 4096):
        data[start + 8 : start + 400] = b"\xa5" * 392
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged_past_the_start_check(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file with a good backup beside it and damage the bounded start check does not reach; the backup."""
    with open_database(db_url) as db:
        task_ids(db)
        good = backup_now(db)
    damage_the_tail(Path(db_url))
    # A large file is checked at start only as far as a tenth of a second allows: here, not as far as the damage.
    monkeypatch.setattr(health, "_bounded_quick_check", lambda _path, _seconds: [])
    return good


@sqlite_only
def test_damage_the_start_did_not_reach_is_found_by_the_daily_backup(
    db_url: str, damaged_past_the_start_check: Path
) -> None:
    good = damaged_past_the_start_check
    with open_database(db_url) as db, pytest.raises(DatabaseDamaged) as found:
        daily_backup(db)
    assert "已损坏" in str(found.value) and good.name in str(found.value)
    assert found.value.backup == good
    assert [b.reason for b in list_backups(Path(db_url))] == ["manual"], "no backup of a damaged file"


@sqlite_only
def test_the_window_says_so_when_the_daily_backup_finds_damage(
    qtbot: QtBot, db_url: str, damaged_past_the_start_check: Path
) -> None:
    good = damaged_past_the_start_check
    db = open_database(db_url, operator="测试员")
    window, worker = show_main_window(db)
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(worker.signals.finished, timeout=20_000):
            pass
        qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)))
        box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
        assert "已损坏" in box.text() and good.name in box.text()
        assert not box.isModal(), "the window stays usable to read and export"
        assert window.model.rowCount() > 0
    finally:
        QThreadPool.globalInstance().waitForDone()
        db.close()
