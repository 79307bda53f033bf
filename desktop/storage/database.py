"""The Database: engine, sessions, the write transaction and its error translation."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from ..errors import ConflictError, PlanDeskError
from . import audit_hook
from .engine import WRITE_INTENT
from .health import storage_problem
from .hold import SharedHold


def default_db_path() -> Path:
    """The embedded default: plandesk.sqlite3 in the user's data folder."""
    import platformdirs

    return Path(platformdirs.user_data_dir("PlanDesk", appauthor=False)) / "plandesk.sqlite3"


def resolve_url(url_or_path: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL from an explicit path/URL, then PLANDESK_DATABASE_URL, PLANDESK_DB, the default."""
    if url_or_path is None:
        url_or_path = (
            os.environ.get("PLANDESK_DATABASE_URL") or os.environ.get("PLANDESK_DB") or default_db_path()
        )
    text = os.fspath(url_or_path)
    if "://" in text:
        return text
    path = Path(text).expanduser().resolve()
    return f"sqlite:///{path}"


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


REPLACED_MESSAGE = (
    "数据库文件已被替换（可能已从备份恢复或被移走），本窗口的修改未保存。请关闭本窗口，重新打开数据库。"
)


def _first_line(error: object) -> str:
    return str(error).strip().splitlines()[0][:200] if str(error).strip() else type(error).__name__


class Database:
    """An open PlanDesk database: the engine, a session factory and who is working on it."""

    def __init__(self, url: str, engine: Engine, *, operator: str = "") -> None:
        self.url = url
        self.engine = engine
        self.operator = operator
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        audit_hook.install(self._sessions)
        path = self.path
        # Held while open, so a restore elsewhere refuses instead of replacing the file under us.
        self._hold = SharedHold(path) if path is not None else None
        self._identity = _identity(path) if path is not None else None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def path(self) -> Path | None:
        """The file of a SQLite database (None for a server or memory database)."""
        if not self.is_sqlite:
            return None
        name = make_url(self.url).database
        return Path(name) if name and name != ":memory:" else None

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed.

        It never asks for the write lock, even when opened inside a write transaction (closing a month
        reads the month through it while its own transaction keeps writers out).
        """
        token = WRITE_INTENT.set(False)
        try:
            with self._sessions() as session:
                try:
                    yield session
                finally:
                    session.rollback()
        finally:
            WRITE_INTENT.reset(token)

    @contextlib.contextmanager
    def write(self, *, cause: str = "手工编辑", batch_id: int | None = None) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back entirely on any error."""
        self._check_same_file()
        token = WRITE_INTENT.set(True)
        try:
            with self._sessions() as session:
                session.info.update(operator=self.operator, cause=cause, batch_id=batch_id)
                with session.begin():
                    yield session
        except StaleDataError as exc:
            # Another session changed the row between our read and our write (version_id_col).
            raise ConflictError("记录已被他人修改，您的修改未保存。请刷新后重试。") from exc
        except IntegrityError as exc:
            # A unique rule the checks before writing could not see (someone saved the same thing meanwhile).
            raise ConflictError(
                "保存失败：与已有记录重复或冲突，可能他人刚刚做了同样的修改。请刷新后重试，"
                f"未写入任何数据。（{_first_line(exc.orig)}）"
            ) from exc
        except (OperationalError, ProgrammingError) as exc:
            problem = storage_problem(exc)  # a full disk, a read-only file or folder, another's lock
            if problem is not None:
                raise problem from exc
            raise
        finally:
            WRITE_INTENT.reset(token)

    def _check_same_file(self) -> None:
        """Refuse to write once the file this Database opened is no longer the one at its path."""
        if self.path is None:
            return
        now = _identity(self.path)
        if self._identity is None:  # a new file, created by the first connection
            self._identity = now
            return
        if now is not None and now != self._identity:
            raise PlanDeskError(REPLACED_MESSAGE, location=str(self.path))

    def close(self) -> None:
        self.engine.dispose()
        if self._hold is not None:
            self._hold.release()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
