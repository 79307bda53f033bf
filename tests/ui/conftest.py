"""GUI fixtures: QSettings in a temp folder, no blocking dialogs, and a database holding both seed plans."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from desktop.services.plans.plan_import import import_file
from desktop.storage import Database, open_database

PLANS = Path(__file__).resolve().parents[2] / "resources" / "plans"
XIAN = PLANS / "xian_jiliang_2024.txt"
BEIJING = PLANS / "beijing_jiliang_2022.txt"
PG_URL = os.environ.get("PLANDESK_TEST_DATABASE_URL", "")


def reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(autouse=True)
def temp_qsettings(tmp_path: Path, qapp) -> Iterator[Path]:
    """Every test gets empty QSettings of its own, never the user's."""
    folder = tmp_path / "qsettings"
    folder.mkdir()
    QCoreApplication.setOrganizationName("PlanDeskTest")
    QCoreApplication.setApplicationName("PlanDeskTest")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    yield folder


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both seed plans imported once per session into a SQLite file that each test copies."""
    path = tmp_path_factory.mktemp("seeded") / "seeded.sqlite3"
    with open_database(path, operator="测试员") as db:
        import_file(db, path=XIAN, backup=False)
        import_file(db, path=BEIJING, backup=False)
    return path


@pytest.fixture
def seeded_db(tmp_path: Path, seeded_template: Path) -> Iterator[Database]:
    if PG_URL:
        reset_postgres(PG_URL)
        db = open_database(PG_URL, operator="测试员")
        import_file(db, path=XIAN, backup=False)
        import_file(db, path=BEIJING, backup=False)
    else:
        path = tmp_path / "plandesk.sqlite3"
        shutil.copyfile(seeded_template, path)
        db = open_database(path, operator="测试员")
    yield db
    db.close()
