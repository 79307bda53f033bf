"""Damaged, emptied and locked database files, a full disk, a read-only database: the right words, no harm."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rel_helpers import cli, counts, sqlite_only, task_ids
from sqlalchemy import Engine, event

from desktop.errors import ImportRefused
from desktop.importers.load import load_plan
from desktop.services.core.backups import backup_now
from desktop.services.exchange.workbooks import export_workbooks
from desktop.services.supervision.assignments import create_assignment
from desktop.storage import engine as engine_module
from desktop.storage import open_database
from desktop.storage.health import DatabaseDamaged

pytestmark = sqlite_only

WRONG = ("文件可能已损坏", "Traceback", "restore")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def worked(db_url: str, tmp_path: Path) -> dict[str, Any]:
    """A database with a plan and one assignment, a daily-style backup beside it, all connections closed."""
    with open_database(db_url) as db:
        ids = task_ids(db)
        a = create_assignment(db, node_id=ids["1."], unit="区市场监管局")
        good = backup_now(db)
        before = counts(db)
    return {"url": db_url, "path": Path(db_url), "assignment": a.id, "backup": good, "counts": before, **ids}


def settle(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def test_a_zero_byte_database_is_not_recreated_and_the_good_backup_is_named(
    worked: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path: Path = worked["path"]
    path.write_bytes(b"")
    Path(str(path) + "-wal").unlink(missing_ok=True)
    with pytest.raises(DatabaseDamaged, match="0 字节") as refused:
        open_database(path)
    assert refused.value.backup == worked["backup"]
    assert worked["backup"].name in str(refused.value)
    code, _out, err = cli(capsys, "--db", str(path), "list")
    assert code == 1 and "0 字节" in err and worked["backup"].name in err and "Traceback" not in err
    assert path.stat().st_size == 0, "the emptied file is never written to"
    code, _out, err = cli(capsys, "--db", str(path), "restore", str(worked["backup"]))
    assert code == 0, err
    with open_database(path) as db:
        assert counts(db) == worked["counts"]


def test_a_zero_byte_file_with_nothing_beside_it_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "新建.sqlite3"
    path.write_bytes(b"")
    with open_database(path) as db:
        assert counts(db)["plan"] == 0


def test_damaged_pages_are_never_written_to_and_the_backup_is_offered(
    worked: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path: Path = worked["path"]
    settle(path)
    data = bytearray(path.read_bytes())
    for start in range(2 * 4096, min(len(data), 12 * 4096), 4096):
        data[start + 8 : start + 200] = b"\xa5" * 192
    path.write_bytes(bytes(data))
    before = digest(path)
    code, _out, err = cli(
        capsys, "--db", str(path), "progress", str(worked["assignment"]), "--period", "2025-01", "--text", "x"
    )
    assert code == 1 and "已损坏" in err and worked["backup"].name in err and "Traceback" not in err
    assert digest(path) == before


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "笔记.sqlite3"
    path.write_text("这不是数据库" * 100, encoding="utf-8")
    with pytest.raises(DatabaseDamaged, match="不是 SQLite 数据库"):
        open_database(path)


@pytest.fixture
def pragma_on_connect() -> Iterator[list[str]]:
    """PRAGMAs run on every new SQLite connection PlanDesk makes (to bring about a full disk, a read-only file)."""
    pragmas: list[str] = []

    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        for pragma in pragmas:
            dbapi_conn.execute(pragma)

    event.listen(Engine, "connect", on_connect)
    yield pragmas
    event.remove(Engine, "connect", on_connect)


def filled_workbook(url: str, plan_id: int, tmp_path: Path) -> Path:
    from openpyxl import load_workbook

    from desktop.exchange.workbook_format import DATA_SHEET

    path = tmp_path / "反馈表.xlsx"
    with open_database(url) as db:
        export_workbooks(db, plan_id=plan_id, unit="区市场监管局", out=path, period="2025-01")
    wb = load_workbook(path)
    ws = wb[DATA_SHEET]
    column = next(c.column for c in ws[3] if c.value == "本月进展")
    ws.cell(row=4, column=column, value="进展" * 9500)
    wb.save(path)
    return path


def _full_disk(path: Path, pragmas: list[str]) -> None:
    con = sqlite3.connect(path)
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.close()
    pragmas.append(f"PRAGMA max_page_count={pages}")  # the file may not grow by a single page


def test_a_full_disk_is_named_as_such_for_progress_and_workbook_import(
    worked: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str], pragma_on_connect: list[str]
) -> None:
    url = worked["url"]
    book = filled_workbook(url, worked["plan"], tmp_path)
    with open_database(url) as db:
        before = counts(db)
    settle(worked["path"])
    _full_disk(worked["path"], pragma_on_connect)
    long_text = "进展" * 9500
    code, _out, err = cli(
        capsys, "--db", url, "progress", str(worked["assignment"]), "--period", "2025-01", "--text", long_text
    )
    assert code == 1 and "磁盘空间已满" in err, err
    assert not any(w in err for w in WRONG)
    code, _out, err = cli(capsys, "--db", url, "workbook", "import", str(book))
    assert code != 0 and "磁盘空间已满" in err, err
    assert not any(w in err for w in WRONG)
    pragma_on_connect.clear()
    with open_database(url) as db:
        assert counts(db) == before


def test_a_read_only_database_is_named_as_such(
    worked: dict[str, Any], capsys: pytest.CaptureFixture[str], pragma_on_connect: list[str]
) -> None:
    # query_only gives SQLite's own "attempt to write a readonly database", as a read-only file or share does
    pragma_on_connect.append("PRAGMA query_only=1")
    code, _out, err = cli(
        capsys,
        "--db",
        worked["url"],
        "progress",
        str(worked["assignment"]),
        "--period",
        "2025-01",
        "--text",
        "x",
    )
    assert code == 1 and "只读" in err, err
    assert not any(w in err for w in WRONG)


def test_an_exclusive_lock_is_named_and_check_does_not_advise_a_restore(
    worked: dict[str, Any], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 300)
    other = sqlite3.connect(worked["path"], isolation_level=None)
    try:
        other.execute("PRAGMA locking_mode=EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("UPDATE plan SET title = title")
        for argv in (
            ["progress", str(worked["assignment"]), "--period", "2025-01", "--text", "x"],
            ["check"],
            ["list"],
        ):
            code, out, err = cli(capsys, "--db", worked["url"], *argv)
            assert code == 1 and "独占锁定" in err, (argv, out, err)
            assert not any(w in err + out for w in WRONG), (argv, out, err)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_an_aes_encrypted_pdf_is_called_encrypted(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("密码", algorithm="AES-256")
    path = tmp_path / "加密方案.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(ImportRefused, match="已加密"):
        load_plan(path)


def test_a_disk_too_full_to_open_the_database_is_named_as_such(
    worked: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a few KB free, SQLite cannot make its journal and opening fails with a disk I/O error: the user is
    told the disk is full, never that the file is damaged, and the file is untouched."""
    import shutil
    from collections import namedtuple

    from sqlalchemy.exc import OperationalError

    from desktop.storage import migrate as migrate_module
    from desktop.storage.health import StorageProblem

    settle(worked["path"])
    before = digest(worked["path"])
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: usage(10 << 30, (10 << 30) - 8192, 8192))

    def no_room(_db: Any) -> str:
        raise OperationalError("PRAGMA journal_mode", {}, sqlite3.OperationalError("disk I/O error"))

    monkeypatch.setattr(migrate_module, "current_revision", no_room)
    with pytest.raises(StorageProblem) as refused:
        open_database(worked["path"])
    assert "磁盘空间已满" in refused.value.message
    assert not any(w in refused.value.message for w in WRONG)
    assert digest(worked["path"]) == before
