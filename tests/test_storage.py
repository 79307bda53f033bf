"""Opening, creating, upgrading and refusing databases; backups."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.errors import DatabaseVersionError, PlanDeskError
from desktop.storage import open_database
from desktop.storage.backup import list_backups
from desktop.storage.engine import make_engine
from desktop.storage.migrate import current_revision, head_revision, upgrade_to


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_created_at_head_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "new.sqlite3"
    with open_database(path) as db:
        assert current_revision(db) == head_revision()
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    assert path.exists()
    assert not list_backups(path), "a brand-new database needs no backup"


def test_database_from_newer_plandesk_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = digest(path)
    with pytest.raises(DatabaseVersionError) as err:
        open_database(path)
    assert "更新版本" in err.value.message
    assert digest(path) == before


def test_foreign_file_and_garbage_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE notes (x TEXT)")
    con.commit()
    con.close()
    with pytest.raises(PlanDeskError, match="不是 PlanDesk 数据库"):
        open_database(other)
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database at all" * 100)
    before = digest(garbage)
    with pytest.raises(PlanDeskError, match="损坏|不是"):
        open_database(garbage)
    assert digest(garbage) == before


def test_upgrade_from_first_migration_keeps_every_row_and_backs_up(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{path}")

    class Stub:
        url = f"sqlite:///{path}"

    Stub.engine = engine  # type: ignore[attr-defined]
    upgrade_to(Stub, "0001")  # type: ignore[arg-type]
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO plan (id, uid, title, issuer, doc_number, level, source_name, source_sha256,"
                " source_format, imported_at, revision, extra, created_at, updated_at, version) VALUES "
                "(1, 'p1', '旧方案', '某市', '某发〔2023〕1号', 'city', 'a.txt', '', 'txt', "
                "'2023-01-01 00:00:00', 1, '{}', '2023-01-01 00:00:00', '2023-01-01 00:00:00', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO plan_node (id, uid, plan_id, parent_id, position, kind, label, title, text,"
                " origin, needs_review, recurrence, archived, created_at, updated_at, version) VALUES "
                "(1, 'n1', 1, NULL, 0, 'root', '', '旧方案', '', 'document', 0, '', 0, "
                "'2023-01-01', '2023-01-01', 1), (2, 'n2', 1, 1, 0, 'task', '1.', '任务一', '正文', "
                "'document', 0, '', 0, '2023-01-01', '2023-01-01', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO unit (id, uid, name, kind, created_at, updated_at, version) VALUES "
                "(1, 'u1', '市市场监管局', 'bureau', '2023-01-01', '2023-01-01', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO assignment (id, uid, node_id, unit_id, role, contact_person, contact_phone,"
                " deadline, status, percent, remarks, archived, created_at, updated_at, version) VALUES "
                "(1, 'a1', 2, 1, 'lead', '张三', '123', '2024-06-30', 'in_progress', 40, '', 0, "
                "'2023-01-01', '2023-01-01', 3)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO progress_entry (id, uid, assignment_id, period, text, problems, next_steps,"
                " entered_by, entered_at, source, created_at, updated_at, version) VALUES "
                "(1, 'e1', 1, '2024-01', '已完成方案编制', '', '', '张三', '2024-01-05', 'manual',"
                " '2024-01-05', '2024-01-05', 1)"
            )
        )
    engine.dispose()

    with open_database(path) as db:
        assert current_revision(db) == head_revision()
        with db.engine.connect() as conn:
            row = conn.execute(
                text(
                    "SELECT contact_person, deadline, original_deadline, workflow_state, version,"
                    " percent FROM assignment WHERE id = 1"
                )
            ).one()
            assert tuple(row) == ("张三", "2024-06-30", "2024-06-30", "assigned", 3, 40)
            assert conn.execute(text("SELECT text FROM progress_entry")).scalar() == "已完成方案编制"
            assert conn.execute(text("SELECT count(*) FROM plan_node")).scalar() == 2
            assert conn.execute(text("SELECT title FROM plan")).scalar() == "旧方案"
    backups = list_backups(path)
    assert len(backups) == 1 and backups[0].reason.startswith("before")
    con = sqlite3.connect(backups[0].path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    assert con.execute("SELECT contact_person FROM assignment").fetchone()[0] == "张三"
    con.close()


def test_location_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from desktop.storage.database import resolve_url

    monkeypatch.delenv("PLANDESK_DATABASE_URL", raising=False)
    monkeypatch.setenv("PLANDESK_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_url() == f"sqlite:///{tmp_path / 'env.sqlite3'}"
    monkeypatch.setenv("PLANDESK_DATABASE_URL", "postgresql+psycopg://u@h/db")
    assert resolve_url() == "postgresql+psycopg://u@h/db"
    assert resolve_url(tmp_path / "x.sqlite3").endswith("x.sqlite3")


def test_migrations_form_one_line_and_match_the_models(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from desktop.models import Base
    from desktop.storage.migrate import alembic_config
    from desktop.storage.search_grams import include_name

    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1
    with open_database(tmp_path / "fresh.sqlite3") as db, db.engine.connect() as conn:
        opts = {"compare_type": True, "include_name": include_name}
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
    assert diff == [], "models and migrations disagree: generate a migration"


def test_stale_edit_from_a_second_session_is_a_conflict(tmp_path: Path) -> None:
    from desktop.errors import ConflictError
    from desktop.models import Unit

    with open_database(tmp_path / "two.sqlite3") as db:
        with db.write() as s:
            s.add(Unit(name="市科技局"))
        with pytest.raises(ConflictError, match="已被他人修改"), db.write() as s1:
            unit = s1.query(Unit).one()
            # What a concurrent writer on a server database does between our read and our write.
            s1.connection().exec_driver_sql("UPDATE unit SET name = '市科学技术局', version = version + 1")
            unit.kind = "institution"
        with db.read() as s:
            assert s.query(Unit).one().name == "市科技局", "the whole transaction was rolled back"


def test_a_duplicate_that_slips_past_the_checks_is_a_conflict_message(tmp_path: Path) -> None:
    from desktop.errors import ConflictError
    from desktop.models import Unit

    with open_database(tmp_path / "dup.sqlite3") as db:
        with db.write() as s:
            s.add(Unit(name="市科技局"))
        with pytest.raises(ConflictError, match="重复或冲突"), db.write() as s:
            s.add(Unit(name="市科技局"))
        with db.read() as s:
            assert s.query(Unit).count() == 1
