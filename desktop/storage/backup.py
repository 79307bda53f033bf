"""Verified SQLite backups with the online backup API, written atomically, thinned by kind.

Thinning keeps two chains apart: the daily backups (the newest 7 days, and the newest of each of the
last 12 months) and the backups taken before an import, revision, upgrade or restore or on request (the
newest ``keep``). However many imports run, the daily and monthly chain stays; a copy of a damaged
database is never deleted automatically.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import Cancelled, PlanDeskError
from .interrupt import stopped_when

DEFAULT_KEEP = 30
DAILY_KEEP = 7
MONTHLY_KEEP = 12
CHAIN = "daily"
NEVER_THINNED = ("damaged",)
_STAMP = re.compile(r"-(\d{8}-\d{6})(?:-\d+)?-([A-Za-z][\w-]*)\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    reason: str
    size: int


def backup_dir_for(db_path: Path) -> Path:
    """Backups live next to the database, in ``<name>-backups``."""
    return db_path.with_name(db_path.stem + "-backups")


def quick_check(path: Path, *, should_stop: Callable[[], bool] | None = None) -> list[str]:
    """PRAGMA quick_check; an empty list means the file is sound. ``should_stop`` may end it early (then its
    answer means nothing: the caller asks should_stop again)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=should_stop is None)
    try:
        if should_stop is None:
            return _checked(con)
        with stopped_when(con, should_stop):
            return _checked(con)
    finally:
        con.close()


def _checked(con: sqlite3.Connection) -> list[str]:
    try:
        rows = [r[0] for r in con.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:  # "malformed", "not a database": damage, not a crash
        rows = [str(exc)]
    return [] if rows == ["ok"] else rows


# Pages copied per step of the online backup (4 MB at SQLite's 4 KB pages): memory stays small whatever the
# file's size, and a stop request is seen between steps.
STEP_PAGES = 1024


class _Stopped(Exception):
    pass


class SourceDamaged(PlanDeskError):
    """The integrity check of the file being backed up failed; no backup was written."""

    def __init__(self, src: Path, problems: list[str]) -> None:
        super().__init__("数据库完整性检查未通过，未做备份：" + "；".join(problems[:5]), location=str(src))
        self.problems = problems


def copy_database(
    src: Path,
    dest: Path,
    *,
    check_source: bool = False,
    should_stop: Callable[[], bool] | None = None,
) -> None:
    """Copy a live database (WAL included) to ``dest`` atomically and verify the copy.

    The copy is one snapshot: a read transaction is opened first and every step copies from it, so edits
    committed meanwhile by PlanDesk's own connections (WAL mode) neither wait for the copy nor restart it.
    The copy is checked; it is the snapshot page for page, so the snapshot itself is read again only when
    the copy fails, to tell (``check_source``) a damaged database (SourceDamaged) from a bad copy.
    ``should_stop`` is asked between steps and during the check; a stopped copy leaves nothing behind and
    raises Cancelled.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=dest.name + ".", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        source = sqlite3.connect(f"file:{src}?mode=ro", uri=True, timeout=15, isolation_level=None)
        try:
            _copy_snapshot(source, src, tmp, check_source, should_stop)
        finally:
            source.close()
        os.replace(tmp, dest)
    except _Stopped:
        raise Cancelled() from None
    except sqlite3.Error as exc:
        raise PlanDeskError(f"无法备份数据库：{exc}", location=str(src)) from exc
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)


def _copy_snapshot(
    source: sqlite3.Connection,
    src: Path,
    tmp: Path,
    check_source: bool,
    should_stop: Callable[[], bool] | None,
) -> None:
    """The snapshot of ``source`` copied to ``tmp`` in steps and checked there (see copy_database)."""
    stop = should_stop or (lambda: False)

    def step(_status: int, _remaining: int, _total: int) -> None:
        if stop():
            raise _Stopped

    def damaged(exc: sqlite3.DatabaseError | None = None) -> list[str]:
        """The snapshot's own problems, when asked to tell damage from a failed copy."""
        if not check_source or isinstance(exc, sqlite3.OperationalError):  # locked, busy, I/O: not damage
            return []
        try:
            return _checked(source)
        except sqlite3.DatabaseError as again:
            return [str(again)]

    source.execute("BEGIN")
    try:
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts here
    except sqlite3.DatabaseError as exc:
        if check_source:
            raise SourceDamaged(src, [str(exc)]) from exc
        raise
    target = sqlite3.connect(tmp)
    try:
        source.backup(target, pages=STEP_PAGES, progress=step)
        # A plain file: checking it opens no -wal/-shm beside it, and it travels as one file.
        target.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.DatabaseError as exc:  # a page the copy could not read
        found = damaged(exc)
        if found:
            raise SourceDamaged(src, found) from exc
        raise
    finally:
        target.close()
    problems = quick_check(tmp, should_stop=stop)
    if stop():
        raise _Stopped
    if problems:
        found = damaged()
        if found:
            raise SourceDamaged(src, found)
        raise PlanDeskError("备份文件校验未通过：" + "；".join(problems[:5]), location=str(src))


def take_backup(
    db_path: Path,
    reason: str,
    *,
    directory: Path | None = None,
    keep: int = DEFAULT_KEEP,
    dest: Path | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Path:
    """Back up ``db_path`` (checking it first) and keep only the newest ``keep`` automatic backups."""
    if dest is None:
        directory = directory or backup_dir_for(db_path)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        dest = directory / f"{db_path.stem}-{stamp}-{reason}.sqlite3"
        n = 1
        while dest.exists():
            dest = directory / f"{db_path.stem}-{stamp}-{n}-{reason}.sqlite3"
            n += 1
    copy_database(db_path, dest, check_source=True, should_stop=should_stop)
    if keep > 0:
        thin_backups(dest.parent, db_path.stem, keep)
    return dest


def list_backups(db_path: Path, directory: Path | None = None) -> list[BackupInfo]:
    """Backups of ``db_path``, newest first."""
    directory = directory or backup_dir_for(db_path)
    found: list[BackupInfo] = []
    if not directory.is_dir():
        return found
    for path in directory.glob(f"{db_path.stem}-*.sqlite3"):
        m = _STAMP.search(path.name)
        if not m:
            continue
        taken = dt.datetime.strptime(m.group(1), "%Y%m%d-%H%M%S")
        found.append(BackupInfo(path, taken, m.group(2), path.stat().st_size))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def backups_to_keep(found: list[BackupInfo], keep: int) -> set[Path]:
    """Which of ``found`` (newest first) thinning keeps: the daily/monthly chain, then the newest ``keep``."""
    kept: set[Path] = {b.path for b in found if b.reason in NEVER_THINNED}
    if found:
        kept.add(found[0].path)  # the newest backup of all, whatever it is
    daily = [b for b in found if b.reason == CHAIN]
    days: set[dt.date] = set()
    months: set[tuple[int, int]] = set()
    for b in daily:
        day, month = b.taken_at.date(), (b.taken_at.year, b.taken_at.month)
        if day not in days and len(days) < DAILY_KEEP:
            days.add(day)
            kept.add(b.path)
        if month not in months and len(months) < MONTHLY_KEEP:
            months.add(month)
            kept.add(b.path)
    events = [b for b in found if b.reason != CHAIN and b.reason not in NEVER_THINNED]
    kept.update(b.path for b in events[:keep])
    return kept


def thin_backups(directory: Path, stem: str, keep: int) -> None:
    found = list_backups(directory / f"{stem}.sqlite3", directory)
    kept = backups_to_keep(found, keep)
    for old in found:
        if old.path not in kept:
            old.path.unlink(missing_ok=True)
