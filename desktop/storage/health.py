"""What is wrong with the database file or the disk under it, told apart and worded for the user.

A full disk, a read-only file or folder and another program's lock are not damage: the file is fine and
restoring a backup would not help. A 0-byte file, a file that is not SQLite and a file with damaged pages
are damage: PlanDesk does not write to them and names the newest good backup instead.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import shutil
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import PlanDeskError
from .interrupt import stopped_when

log = logging.getLogger(__name__)

HEADER = b"SQLite format 3\x00"
# At start a file is checked as far as a tenth of a second allows (all of an office's usual 10–60 MB file);
# the day's first backup checks all of a larger one in the background. A backup offered for a restore is
# checked for longer.
QUICK_CHECK_SECONDS = 0.1
BACKUP_CHECK_SECONDS = 3.0

DISK_FULL = (
    "磁盘空间已满，无法保存到数据库，未写入任何数据。请清理磁盘空间（或把数据库移到有空间的位置）后重试。"
)
READ_ONLY = (
    "数据库文件或其所在文件夹是只读的，无法保存，未写入任何数据。"
    "请检查文件和文件夹的写入权限，或把数据库复制到可写的位置后再打开。"
)
CANNOT_OPEN = (
    "无法打开数据库：文件或其所在文件夹不可访问或是只读的（PlanDesk 需要在数据库旁建立临时文件）。"
    "请检查权限。数据库未改动。"
)
NOT_ALLOWED = (
    "本账号无权做这项修改：单位账号只能登记本单位的进展和办理步骤，未写入任何数据。"
    "如需修改其他内容，请由办公室账号操作。"
)
LOCKED = "数据库正被另一个 PlanDesk 窗口或程序写入或独占锁定，请稍后重试或关闭该程序。未写入任何数据。"


class StorageProblem(PlanDeskError):
    """The disk or the file's permissions or locks stop the work; the data itself is not damaged."""


class DatabaseDamaged(PlanDeskError):
    """The file is damaged (0 bytes, not SQLite, bad pages); nothing was written to it."""

    def __init__(self, message: str, *, location: str, backup: Path | None) -> None:
        super().__init__(message, location=location)
        self.backup = backup


# Below this much free space SQLite cannot make its journal (-wal, -shm) or a page: opening then fails with a
# disk I/O error that reads like damage, though the file is whole.
LOW_DISK_BYTES = 1 << 20


def disk_nearly_full(path: Path | None) -> bool:
    """Is the disk holding ``path`` (a database file) all but full?"""
    if path is None:
        return False
    try:
        return shutil.disk_usage(path.parent if path.parent.exists() else Path.cwd()).free < LOW_DISK_BYTES
    except OSError:
        return False


def storage_problem(exc: BaseException) -> StorageProblem | None:
    """The user's words for a database error caused by the disk, permissions or a lock; None otherwise."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "row-level security" in text or "permission denied for" in text:  # PostgreSQL: the login's rights
        return StorageProblem(NOT_ALLOWED)
    if "disk is full" in text or "no space left" in text or "disk full" in text:
        return StorageProblem(DISK_FULL)
    if "readonly" in text or "read-only" in text or "permission denied" in text:
        return StorageProblem(READ_ONLY)
    if "unable to open database file" in text:
        return StorageProblem(CANNOT_OPEN)
    if "database is locked" in text or "database table is locked" in text or "busy" in text:
        return StorageProblem(LOCKED)
    return None


@dataclass(frozen=True)
class GoodBackup:
    path: Path
    taken_at: dt.datetime


def _bounded_quick_check(path: Path, seconds: float) -> list[str]:
    """PRAGMA quick_check, stopped after ``seconds`` (then only what was checked counts)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5, check_same_thread=False)
    deadline = time.monotonic() + seconds
    try:
        with stopped_when(con, lambda: time.monotonic() > deadline):
            rows = [r[0] for r in con.execute("PRAGMA quick_check(20)")]
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc).lower():
            log.info("quick_check of %s stopped after %.1f s", path, seconds)
            return []
        if storage_problem(exc) is not None:
            return []  # a lock or permissions: not damage; opening will say what it is
        return [str(exc)]
    except sqlite3.DatabaseError as exc:  # "malformed", "not a database"
        return [str(exc)]
    finally:
        con.close()
    return [] if rows == ["ok"] else rows


# A start check begun early (begin_check) runs in a thread while the window's code loads: SQLite
# releases the interpreter while it reads the pages. Keyed by file, with the size and time it was checked at.
_EARLY: dict[Path, tuple[tuple[int, int, int, int], threading.Thread, list[list[str]]]] = {}


def _stamp(path: Path) -> tuple[int, int, int, int]:
    st = path.stat()
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def begin_check(path: Path) -> None:
    """Start the bounded check of ``path`` now; opening it takes the answer (or checks again if it changed)."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return
        stamp = _stamp(path)
    except OSError:
        return
    answer: list[list[str]] = []
    thread = threading.Thread(
        target=lambda: answer.append(_bounded_quick_check(path, QUICK_CHECK_SECONDS)),
        name="plandesk-start-check",
        daemon=True,
    )
    thread.start()
    _EARLY[path.resolve()] = (stamp, thread, answer)


def _start_check(path: Path) -> list[str]:
    early = _EARLY.pop(path.resolve(), None)
    if early is not None:
        stamp, thread, answer = early
        thread.join()
        with contextlib.suppress(OSError):
            if answer and _stamp(path) == stamp:
                return answer[0]
    return _bounded_quick_check(path, QUICK_CHECK_SECONDS)


def newest_good_backup(db_path: Path) -> GoodBackup | None:
    from .backup import list_backups

    for b in list_backups(db_path):
        if b.size > 0 and _bounded_quick_check(b.path, BACKUP_CHECK_SECONDS) == []:
            return GoodBackup(b.path, b.taken_at)
    return None


def _offer(db_path: Path) -> tuple[str, Path | None]:
    good = newest_good_backup(db_path)
    if good is None:
        return "旁边没有找到完好的备份，请联系管理员。", None
    return (
        f"最新的完好备份是 {good.path.name}（{good.taken_at:%Y-%m-%d %H:%M}），"
        f"可在窗口中选择用它恢复，或运行：plandesk --db {db_path} restore {good.path}",
        good.path,
    )


def check_before_open(db_path: Path) -> None:
    """Refuse (DatabaseDamaged) to open a SQLite file that is empty, not SQLite or has damaged pages.

    A 0-byte file with neither a WAL nor any backup beside it holds nothing and is made a new database.
    """
    if not db_path.is_file():
        return
    size = db_path.stat().st_size
    if size == 0:
        wal = Path(str(db_path) + "-wal")
        offer, backup = _offer(db_path)
        if backup is None and not (wal.exists() and wal.stat().st_size > 0):
            return
        raise DatabaseDamaged(
            "数据库文件是空的（0 字节），可能在复制、同步或保存时中断。PlanDesk 没有写入它，"
            f"以免覆盖可以找回的数据。{offer}",
            location=str(db_path),
            backup=backup,
        )
    try:
        with db_path.open("rb") as fh:
            head = fh.read(len(HEADER))
    except OSError as exc:
        raise StorageProblem(f"无法读取数据库文件：{exc.strerror or exc}。数据库未改动。") from exc
    if head != HEADER:
        offer, backup = _offer(db_path)
        raise DatabaseDamaged(
            f"该文件不是 SQLite 数据库（文件头不符），可能已损坏或选错了文件。PlanDesk 没有写入它。{offer}",
            location=str(db_path),
            backup=backup,
        )
    problems = _start_check(db_path)
    if problems:
        offer, backup = _offer(db_path)
        raise DatabaseDamaged(
            "数据库文件已损坏（完整性检查：" + "；".join(problems[:3])[:300] + "）。"
            f"PlanDesk 没有写入它。{offer}",
            location=str(db_path),
            backup=backup,
        )
