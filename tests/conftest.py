"""Shared fixtures: databases copied from a migrated template, on SQLite or the test PostgreSQL server."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt aborts the whole process without a display; tests always run offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The log goes to a folder of the test run, never to the user's own log.
os.environ.setdefault("PLANDESK_LOG_DIR", tempfile.mkdtemp(prefix="plandesk-test-logs-"))
# The office's exchange keys too (keystore): never into the user's own settings folder.
os.environ.setdefault("PLANDESK_KEY_DIR", tempfile.mkdtemp(prefix="plandesk-test-keys-"))

from desktop.storage import Database, open_database  # noqa: E402

PG_URL = os.environ.get("PLANDESK_TEST_DATABASE_URL", "")
ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "resources" / "plans"
XIAN = PLANS / "xian_jiliang_2024.txt"
BEIJING = PLANS / "beijing_jiliang_2022.txt"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_database(path).close()
    return path


def reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def db_url(request: pytest.FixtureRequest, tmp_path: Path, template_db: Path) -> str:
    """A fresh, migrated, empty database: a copy of the template file, or a wiped PostgreSQL schema.

    Tests marked ``sqlite_file`` are about the SQLite file itself (backups, restore, file damage): they get a
    file in every run, so the PostgreSQL run skips nothing.
    """
    if PG_URL and request.node.get_closest_marker("sqlite_file") is None:
        reset_postgres(PG_URL)
        return PG_URL
    path = tmp_path / "plandesk.sqlite3"
    shutil.copyfile(template_db, path)
    return str(path)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url, operator="测试员")
    yield database
    database.close()


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blocking exec() or static message box would hang an offscreen test: fail it instead (every test)."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    def refuse(*_args, **_kwargs):
        pytest.fail("a blocking dialog was opened (use open()/show())")

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)
    for name in ("critical", "warning", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, refuse)
    for name in ("getText", "getInt", "getItem"):
        monkeypatch.setattr(QInputDialog, name, refuse)
