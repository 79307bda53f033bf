"""plandesk check: a sound database passes, each kind of damage is named in Chinese with a non-zero exit."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from rel_helpers import cli, sqlite_only, task_ids
from sqlalchemy import create_engine, text

from desktop.services.core.integrity import check_database
from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.storage import Database, resolve_url


@pytest.fixture
def worked(db: Database) -> dict[str, int]:
    ids = task_ids(db)
    a = create_assignment(db, node_id=ids["1."], unit="区市场监管局")
    add_progress(db, assignment_id=a.id, period="2025-01", text="开始", percent=10)
    ids["assignment"] = a.id
    return ids


def damage(db: Database, *statements: str) -> None:
    with db.engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))


def test_sound_database_passes(
    db: Database, db_url: str, worked: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert check_database(db) == []
    code, out, _err = cli(capsys, "--db", db_url, "check")
    assert code == 0 and "检查通过" in out


@pytest.mark.parametrize(
    ("statements", "words"),
    [
        (["UPDATE plan_node SET position = 0 WHERE label IN ('1.', '2.')"], "顺序号同为 0"),
        (["DELETE FROM plan_node WHERE kind = 'root'"], "有 0 个根条目"),
        (["UPDATE plan_node SET kind = 'root', parent_id = NULL WHERE label = '3.'"], "有 2 个根条目"),
        (["UPDATE assignment SET percent = 250"], "超出 0–100"),
        (["UPDATE progress_entry SET percent = -5"], "超出 0–100"),
        (["UPDATE assignment SET node_id = (SELECT id FROM plan_node WHERE kind = 'root')"], "方案根条目"),
        (["UPDATE responsibility SET role = 'co'"], "没有牵头单位"),
        (["UPDATE responsibility SET position = 5 WHERE role = 'lead'"], "没有排在责任单位最前"),
        (["UPDATE alembic_version SET version_num = '0002'"], "结构版本为 0002"),
    ],
)
def test_each_kind_of_damage_is_reported(
    db: Database,
    db_url: str,
    worked: dict[str, int],
    capsys: pytest.CaptureFixture[str],
    statements: list[str],
    words: str,
) -> None:
    damage(db, *statements)
    assert any(words in p.message for p in check_database(db))
    code, out, _err = cli(capsys, "--db", db_url, "check")
    assert code == 2 and "问题" in out and words in out


def test_node_under_a_parent_of_another_plan_is_reported(db: Database, worked: dict[str, int]) -> None:
    other = task_ids(db)
    damage(db, f"UPDATE plan_node SET parent_id = {other['（一）']} WHERE id = {worked['3.']}")
    assert any("属于另一方案" in p.message for p in check_database(db))


@sqlite_only
def test_sqlite_foreign_key_and_file_damage(
    tmp_path: Path, db_url: str, worked: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.sqlite3"
    with sqlite3.connect(db_url) as con:  # raw connection: foreign keys off, as any outside tool would be
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(db_url, copy)
    con = sqlite3.connect(copy)
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute("DELETE FROM plan WHERE id = ?", (worked["plan"],))
    con.commit()
    con.close()
    code, out, _err = cli(capsys, "--db", str(copy), "check")
    assert code == 2 and "引用的 plan 记录不存在" in out

    broken = tmp_path / "broken.sqlite3"
    shutil.copyfile(db_url, broken)
    data = bytearray(broken.read_bytes())
    page = 4096
    for start in range(2 * page, min(len(data), 12 * page), page):
        data[start + 8 : start + 200] = b"\xa5" * 192  # scribble over page headers and cell pointers
    broken.write_bytes(bytes(data))
    code, out, err = cli(capsys, "--db", str(broken), "check")
    assert code in (1, 2) and ("问题" in out or "损坏" in err)

    missing = tmp_path / "nope.sqlite3"
    code, _out, err = cli(capsys, "--db", str(missing), "check")
    assert code == 1 and "不存在" in err and not missing.exists()


def test_check_does_not_upgrade_an_old_database(
    db: Database, db_url: str, worked: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    damage(db, "UPDATE alembic_version SET version_num = '0002'")
    db.close()
    code, _out, _err = cli(capsys, "--db", db_url, "check")
    assert code == 2
    engine = create_engine(resolve_url(db_url))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0002"
    engine.dispose()
