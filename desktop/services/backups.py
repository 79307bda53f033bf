"""Backups as use cases: before risky work, on the first open of a day, on request; and restore."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from ..errors import PlanDeskError
from ..storage import Database
from ..storage.backup import BackupInfo, backup_dir_for, copy_database, list_backups, quick_check, take_backup

KEEP_SETTING = "backup.keep"


def _keep(db: Database) -> int:
    from .settings import get_setting

    return int(get_setting(db, KEEP_SETTING, 30))


def backup_before(db: Database, reason: str) -> Path | None:
    """Back up a SQLite file that holds data before an import, revision or restore."""
    path = db.path
    if path is None or not path.exists() or path.stat().st_size == 0:
        return None
    return take_backup(path, reason, keep=_keep(db))


def daily_backup(db: Database) -> Path | None:
    """The first open of each day leaves a backup (skipped when one from today exists)."""
    path = db.path
    if path is None or not path.exists():
        return None
    today = dt.date.today()
    if any(b.taken_at.date() == today for b in list_backups(path)):
        return None
    return take_backup(path, "daily", keep=_keep(db))


def backup_now(db: Database, *, dest: str | os.PathLike[str] | None = None) -> Path:
    path = db.path
    if path is None:
        raise PlanDeskError("只有本地 SQLite 数据库可以由 PlanDesk 备份；服务器数据库请使用服务器的备份工具。")
    return take_backup(path, "manual", dest=Path(dest) if dest else None, keep=0 if dest else _keep(db))


def backups(db: Database) -> list[BackupInfo]:
    return list_backups(db.path) if db.path else []


def restore_file(db_path: Path, source: Path) -> Path:
    """Replace the database at ``db_path`` by ``source``; what it replaces is backed up first.

    The caller must have closed every connection to ``db_path``.
    """
    if not source.is_file():
        raise PlanDeskError("找不到要恢复的备份文件。", location=str(source))
    try:
        problems = quick_check(source)
    except Exception as exc:
        raise PlanDeskError(f"备份文件无法读取，不是有效的数据库：{exc}", location=str(source)) from exc
    if problems:
        raise PlanDeskError("备份文件已损坏，未恢复：" + "；".join(problems[:3]), location=str(source))
    kept = take_backup(db_path, "before-restore") if db_path.exists() else None
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    tmp = db_path.with_name(db_path.name + ".restore")
    shutil.copyfile(source, tmp)
    os.replace(tmp, db_path)
    return kept or backup_dir_for(db_path)


__all__ = ["backup_before", "backup_now", "backups", "copy_database", "daily_backup", "restore_file"]
