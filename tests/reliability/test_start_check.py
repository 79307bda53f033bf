"""The integrity check of the start may begin early (while the window's code loads); its answer holds only
for the file as it was checked."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from rel_helpers import sqlite_only, task_ids

from desktop.storage import open_database
from desktop.storage.health import DatabaseDamaged
from desktop.storage.opening import begin_start_check

pytestmark = sqlite_only


def settled_plan(db_url: str) -> Path:
    with open_database(db_url) as db:
        task_ids(db)
    con = sqlite3.connect(db_url)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return Path(db_url)


def damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for start in range(2 * 4096, min(len(data), 12 * 4096), 4096):
        data[start + 8 : start + 200] = b"\xa5" * 192
    data += b"\x00" * 4096  # a page more: the file is not the one that was checked
    path.write_bytes(bytes(data))


def test_a_check_begun_early_still_refuses_a_damaged_file(db_url: str) -> None:
    path = settled_plan(db_url)
    damage(path)
    before = path.read_bytes()
    begin_start_check(db_url)
    with pytest.raises(DatabaseDamaged):
        open_database(db_url)
    assert path.read_bytes() == before, "never written to"


def test_a_file_changed_after_its_early_check_is_checked_again(db_url: str) -> None:
    path = settled_plan(db_url)
    begin_start_check(db_url)  # sound when checked …
    damage(path)  # … damaged before it is opened
    with pytest.raises(DatabaseDamaged):
        open_database(db_url)


def test_a_sound_file_opens_with_the_early_answer(db_url: str) -> None:
    settled_plan(db_url)
    begin_start_check(db_url)
    with open_database(db_url) as db:
        assert task_ids(db)["plan"] > 0
