"""A long SQLite check is stopped when asked, even when the request comes before the statement starts."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from desktop.storage.interrupt import stopped_when


def filled(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t(x BLOB)")
    con.executemany("INSERT INTO t VALUES (?)", [(b"\\x01" * 500,) for _ in range(2000)])
    con.commit()
    con.close()
    return sqlite3.connect(path, check_same_thread=False)


def test_a_stop_asked_before_the_statement_starts_still_stops_it(tmp_path: Path) -> None:
    con = filled(tmp_path / "x.sqlite3")
    try:
        with stopped_when(con, lambda: True), pytest.raises(sqlite3.OperationalError, match="interrupt"):
            time.sleep(0.1)  # the watcher has already asked once before the check begins
            con.execute("PRAGMA quick_check").fetchall()
    finally:
        con.close()


def test_a_stop_asked_before_the_statement_stops_it_before_the_watchers_first_tick(tmp_path: Path) -> None:
    con = filled(tmp_path / "x.sqlite3")
    try:
        with (
            stopped_when(con, lambda: True, every=60),
            pytest.raises(sqlite3.OperationalError, match="interrupt"),
        ):
            con.execute("PRAGMA quick_check").fetchall()
    finally:
        con.close()


def test_without_a_stop_the_check_runs_and_the_connection_is_left_as_it_was(tmp_path: Path) -> None:
    con = filled(tmp_path / "x.sqlite3")
    try:
        with stopped_when(con, lambda: False):
            assert con.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        assert con.execute("SELECT count(*) FROM t").fetchone() == (2000,)
    finally:
        con.close()
