"""open_database(): one entry point for a SQLite file or any SQLAlchemy URL, migrated on open.

Kept apart from database.py so that the migration code, which needs a Database, and the Database class do not
import each other.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from sqlalchemy.engine import make_url

from ..errors import PlanDeskError
from .database import Database, resolve_url
from .engine import make_engine
from .health import begin_check, check_before_open
from .hold import DatabaseInUse, exclusive_hold
from .migrate import migrate
from .swap import finish_interrupted, marker_path


def begin_start_check(url_or_path: str | os.PathLike[str] | None) -> None:
    """Begin the integrity check that opening a SQLite file makes, in the background, so that it overlaps
    loading the window's code. Nothing happens for a server database or a file a restore is finishing."""
    with contextlib.suppress(PlanDeskError, ValueError):
        parsed = make_url(resolve_url(url_or_path))
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            path = Path(parsed.database)
            if not marker_path(path).exists():
                begin_check(path)


def open_database(
    url_or_path: str | os.PathLike[str] | None = None, *, operator: str = "", upgrade: bool = True
) -> Database:
    """Open (creating or upgrading as needed) a PlanDesk database.

    A new database is created at the newest schema; an older SQLite file is backed up next to itself
    and then upgraded; a database from a newer PlanDesk raises DatabaseVersionError and is not touched.
    """
    url = resolve_url(url_or_path)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        path = Path(parsed.database)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PlanDeskError(f"无法创建数据库所在文件夹：{exc}", location=str(path.parent)) from exc
        if path.exists() and path.is_dir():
            raise PlanDeskError("数据库路径是一个文件夹，不是文件。", location=str(path))
        if marker_path(path).exists():
            # A restore was stopped half-way: finish it (while a restore is running, wait for it below).
            with contextlib.suppress(DatabaseInUse), exclusive_hold(path):
                finish_interrupted(path)
        check_before_open(path)  # a damaged or emptied file is never written to
    engine = make_engine(url)
    db = Database(url, engine, operator=operator)
    try:
        migrate(db, upgrade=upgrade)
    except BaseException:
        db.close()  # the engine and the hold on the file: a refused open keeps nothing open
        raise
    return db
