"""Putting a whole new database file in place of the old one so that a crash at any point loses nothing.

The new file is written completely beside the database first (``<name>.restore``), then a marker
(``<name>.restore-pending``) records that it is ready. Only then are the old WAL and shared-memory files
removed and the new file moved in; the marker goes last. A PlanDesk that finds the marker on opening
finishes the move: the restore the user asked for happens, and no old WAL is ever applied to the new file
(nor a new file opened without the WAL it needs).
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)


def staged_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".restore")


def marker_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".restore-pending")


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":  # Windows cannot open a folder; NTFS journals renames itself
        return
    with contextlib.suppress(OSError):
        _fsync_file(path)


def _move_in(db_path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    os.replace(staged_path(db_path), db_path)
    _fsync_dir(db_path.parent)


def install_staged(db_path: Path) -> None:
    """Move the completely written ``<name>.restore`` in place of the database (caller holds the file alone)."""
    staged = staged_path(db_path)
    _fsync_file(staged)
    marker = marker_path(db_path)
    marker.write_text(staged.name, encoding="utf-8")
    _fsync_file(marker)
    _fsync_dir(db_path.parent)
    _move_in(db_path)
    marker.unlink()
    _fsync_dir(db_path.parent)


def finish_interrupted(db_path: Path) -> bool:
    """Complete a restore that was stopped half-way (caller holds the file alone); True when there was one."""
    marker = marker_path(db_path)
    if not marker.exists():
        staged_path(db_path).unlink(missing_ok=True)  # a copy never marked ready is only a leftover
        return False
    if staged_path(db_path).exists():
        log.warning("finishing an interrupted restore of %s", db_path)
        _move_in(db_path)
    marker.unlink()
    _fsync_dir(db_path.parent)
    return True
