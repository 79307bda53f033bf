"""A backup is one snapshot copied in small steps: edits made meanwhile neither wait nor leak into it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rel_helpers import counts, sqlite_only, task_ids

from desktop.errors import Cancelled
from desktop.services.assignments import create_assignment
from desktop.services.backups import daily_backup
from desktop.storage import Database, open_database
from desktop.storage import backup as backup_module
from desktop.storage.backup import backup_dir_for, copy_database, list_backups


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
