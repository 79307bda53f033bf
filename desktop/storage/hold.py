"""The hold on a SQLite file: every open PlanDesk shares it, a whole-file operation takes it alone.

The hold is SQLite's own file locking on a small side file (``<database>-hold``): an open PlanDesk keeps a
read transaction there (a SHARED lock), a restore asks for an EXCLUSIVE lock without waiting. SQLite makes
the locks work between processes and between connections of one process, on every platform it supports.
Nothing is ever written into the side file.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..errors import PlanDeskError

log = logging.getLogger(__name__)

# How long an opening PlanDesk waits for a restore in progress to finish.
OPEN_WAIT_SECONDS = 20.0

BUSY_MESSAGE = (
    "另有 PlanDesk 窗口或程序正在使用该数据库，未恢复、未改动任何数据。"
    "请先关闭其他 PlanDesk 窗口（包括其他电脑上打开同一文件的窗口）后再恢复。"
)
IN_RESTORE_MESSAGE = "该数据库正在由另一个 PlanDesk 从备份恢复，请稍后再打开。"


class DatabaseInUse(PlanDeskError):
    """A whole-file operation was refused because other PlanDesk windows have the database open."""


def hold_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-hold")


def _connect(path: Path, timeout: float) -> sqlite3.Connection:
    return sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)


class SharedHold:
    """Held by an open Database for its whole life: a restore sees it and refuses."""

    def __init__(self, db_path: Path, *, wait: float | None = None) -> None:
        self._con: sqlite3.Connection | None = None
        try:
            con = _connect(hold_path(db_path), OPEN_WAIT_SECONDS if wait is None else wait)
        except sqlite3.Error as exc:  # a read-only folder: no restore can happen there either
            log.info("no hold on %s: %s", db_path, exc)
            return
        try:
            con.execute("BEGIN")
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as exc:
            con.close()
            if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                raise PlanDeskError(IN_RESTORE_MESSAGE, location=str(db_path)) from exc
            log.info("no hold on %s: %s", db_path, exc)
            return
        except sqlite3.Error as exc:
            con.close()
            log.info("no hold on %s: %s", db_path, exc)
            return
        self._con = con

    @property
    def held(self) -> bool:
        return self._con is not None

    def release(self) -> None:
        con, self._con = self._con, None
        if con is not None:
            with contextlib.suppress(sqlite3.Error):
                con.execute("ROLLBACK")
            con.close()


@contextlib.contextmanager
def exclusive_hold(db_path: Path) -> Iterator[None]:
    """The database file to oneself; DatabaseInUse at once when any PlanDesk has it open."""
    try:
        con = _connect(hold_path(db_path), 0)
    except sqlite3.Error as exc:
        raise PlanDeskError(f"无法锁定数据库以进行恢复：{exc}", location=str(db_path)) from exc
    try:
        try:
            con.execute("BEGIN EXCLUSIVE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                raise DatabaseInUse(BUSY_MESSAGE, location=str(db_path)) from exc
            raise PlanDeskError(f"无法锁定数据库以进行恢复：{exc}", location=str(db_path)) from exc
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):
            if con.in_transaction:
                con.execute("ROLLBACK")
        con.close()
