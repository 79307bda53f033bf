"""Backups as use cases: before risky work, on the first open of a day, on request; and restore."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from ...errors import PlanDeskError
from ...storage import Database
from ...storage.backup import (
    BackupInfo,
    SourceDamaged,
    backup_dir_for,
    copy_database,
    list_backups,
    quick_check,
    take_backup,
)
from ...storage.health import DatabaseDamaged, newest_good_backup
from ...storage.hold import exclusive_hold
from ...storage.swap import finish_interrupted, install_staged, staged_path

KEEP_SETTING = "backup.keep"
log = logging.getLogger(__name__)


def _keep(db: Database) -> int:
    from .settings import get_setting

    return int(get_setting(db, KEEP_SETTING, 30))


def backup_before(db: Database, reason: str) -> Path | None:
    """Back up a SQLite file that holds data before an import, revision or restore."""
    path = db.path
    if path is None or not path.exists() or path.stat().st_size == 0:
        return None
    return take_backup(path, reason, keep=_keep(db))


def daily_backup(db: Database, *, should_stop: Callable[[], bool] | None = None) -> Path | None:
    """The first open of each day leaves a backup (skipped when one from today exists).

    Raises DatabaseDamaged when the file fails the integrity check made before the copy.
    """
    path = db.path
    if path is None or not path.exists():
        return None
    today = dt.date.today()
    # Only a daily backup counts: the chain must not have a gap because an import was backed up first.
    if any(b.taken_at.date() == today and b.reason == "daily" for b in list_backups(path)):
        return None
    try:
        return take_backup(path, "daily", keep=_keep(db), should_stop=should_stop)
    except SourceDamaged as exc:  # the start checks a large file only in part; this check read all of it
        good = newest_good_backup(path)
        offer = (
            f"最新的完好备份是 {good.path.name}（{good.taken_at:%Y-%m-%d %H:%M}），"
            "请在“文件 → 从备份恢复…”中用它恢复。"
            if good
            else "旁边没有找到完好的备份，请联系管理员。"
        )
        log.error("integrity check of %s before the daily backup: %s", path, "; ".join(exc.problems[:20]))
        raise DatabaseDamaged(
            "每日备份前的完整性检查发现数据库文件已损坏，没有做备份。请不要继续录入，尽快从备份恢复。"
            + offer,
            location=str(path),
            backup=good.path if good else None,
        ) from exc


def backup_now(db: Database, *, dest: str | os.PathLike[str] | None = None) -> Path:
    path = db.path
    if path is None:
        raise PlanDeskError(
            "只有本地 SQLite 数据库可以由 PlanDesk 备份；服务器数据库请使用服务器的备份工具。"
        )
    return take_backup(path, "manual", dest=Path(dest) if dest else None, keep=0 if dest else _keep(db))


def backups(db: Database) -> list[BackupInfo]:
    return list_backups(db.path) if db.path else []


def check_backup_file(source: Path) -> str:
    """The schema revision of a PlanDesk backup; raises PlanDeskError for anything that cannot be restored."""
    from ...storage.migrate import known_revisions

    if not source.is_file():
        raise PlanDeskError("找不到要恢复的备份文件。", location=str(source))
    try:
        problems = quick_check(source)
        con = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = (
                (con.execute("SELECT version_num FROM alembic_version").fetchone() or [None])[0]
                if "alembic_version" in tables
                else None
            )
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise PlanDeskError(
            f"备份文件无法读取，不是有效的数据库：{exc}。当前数据库未改动。", location=str(source)
        ) from exc
    if problems:
        raise PlanDeskError(
            "备份文件已损坏或不是有效的数据库，未恢复：" + "；".join(problems[:3]) + "。当前数据库未改动。",
            location=str(source),
        )
    if revision is None or "plan_node" not in tables:
        raise PlanDeskError(
            "该文件不是 PlanDesk 数据库备份，未恢复。当前数据库未改动。", location=str(source)
        )
    if revision not in known_revisions():
        raise PlanDeskError(
            f"该备份由更新版本的 PlanDesk 创建（结构版本 {revision}），本程序无法恢复。当前数据库未改动。",
            location=str(source),
        )
    return str(revision)


def _keep_replaced(db_path: Path) -> Path:
    """A verified backup of the database about to be replaced; a damaged one is kept as raw files."""
    try:
        return take_backup(db_path, "before-restore")
    except PlanDeskError:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        dest = backup_dir_for(db_path) / f"{db_path.stem}-{stamp}-damaged.sqlite3"
        dest.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal"):
            if Path(str(db_path) + suffix).exists():
                shutil.copyfile(str(db_path) + suffix, str(dest) + suffix)
        return dest


def restore_file(db_path: Path, source: Path) -> Path:
    """Replace the database at ``db_path`` by ``source``; what it replaces is backed up first.

    Refused (DatabaseInUse) while any PlanDesk window or process has the database open, so no one keeps
    saving into a file that is no longer the database; the caller closes its own Database first. A corrupt,
    foreign or newer backup is refused before anything is touched; an older one is upgraded when the
    database is next opened. A crash at any moment leaves either the old database or the restored one.
    """
    check_backup_file(source)
    if db_path.exists() and db_path.resolve() == source.resolve():
        raise PlanDeskError("不能用数据库自身恢复自身。", location=str(source))
    with exclusive_hold(db_path):
        finish_interrupted(db_path)
        kept = _keep_replaced(db_path) if db_path.exists() else None
        tmp = staged_path(db_path)
        try:
            copy_database(source, tmp)  # through SQLite, so a backup still in WAL mode arrives whole
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        install_staged(db_path)
    return kept or backup_dir_for(db_path)


__all__ = [
    "backup_before",
    "backup_now",
    "backups",
    "check_backup_file",
    "copy_database",
    "daily_backup",
    "restore_file",
]
