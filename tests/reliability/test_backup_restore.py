"""Backups on demand, daily and before imports; restore that never damages what it replaces."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest
from rel_helpers import PG_URL, cli, counts, sqlite_only, task_ids

from desktop.services.core.backups import KEEP_SETTING, backup_before, backup_now, backups, daily_backup
from desktop.services.core.settings import set_setting
from desktop.services.supervision.assignments import create_assignment
from desktop.storage import Database, open_database
from desktop.storage.backup import backup_dir_for


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def settle(path: Path) -> None:
    """Fold the WAL into the file so a digest covers everything."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


@sqlite_only
def test_backup_then_restore_brings_back_the_data_and_keeps_what_it_replaced(
    db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = task_ids(db)
    saved = tmp_path / "存档" / "before.sqlite3"
    code, out, _err = cli(capsys, "--db", db_url, "backup", "-o", str(saved))
    assert code == 0 and saved.is_file() and "已备份" in out
    before = counts(db)
    create_assignment(db, node_id=ids["1."], unit="区科委")
    db.close()
    code, out, _err = cli(capsys, "--db", db_url, "restore", str(saved))
    assert code == 0 and "已从" in out
    with open_database(db_url) as again:
        assert counts(again) == before
        kept = [b for b in backups(again) if b.reason == "before-restore"]
    assert len(kept) == 1
    with open_database(kept[0].path) as replaced:
        assert counts(replaced)["assignment"] == before["assignment"] + 1


@sqlite_only
@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("garbage", "不是有效的数据库"),
        ("foreign", "不是 PlanDesk 数据库备份"),
        ("newer", "更新版本"),
        ("truncated", "损坏|不是有效"),
        ("missing", "找不到"),
    ],
)
def test_bad_backups_are_refused_and_the_database_is_untouched(
    db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, words: str
) -> None:
    task_ids(db)
    good = backup_now(db, dest=tmp_path / "good.sqlite3")
    db.close()
    bad = tmp_path / f"{kind}.sqlite3"
    if kind == "garbage":
        bad.write_bytes(b"PK\x03\x04 not a database" * 500)
    elif kind == "foreign":
        con = sqlite3.connect(bad)
        con.execute("CREATE TABLE notes (x TEXT)")
        con.commit()
        con.close()
    elif kind == "newer":
        bad.write_bytes(good.read_bytes())
        con = sqlite3.connect(bad)
        con.execute("UPDATE alembic_version SET version_num = '9999_future'")
        con.commit()
        con.close()
    elif kind == "truncated":
        data = good.read_bytes()
        bad.write_bytes(data[: len(data) // 3])
    live = Path(db_url)
    settle(live)
    before = digest(live)
    code, _out, err = cli(capsys, "--db", db_url, "restore", str(bad))
    assert code == 1 and "错误" in err
    import re

    assert re.search(words, err), err
    assert digest(live) == before
    assert not [b for b in backups(open_database(db_url)) if b.reason == "before-restore"]


@sqlite_only
def test_restore_replaces_a_damaged_database(
    db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    task_ids(db)
    good = backup_now(db, dest=tmp_path / "good.sqlite3")
    db.close()
    live = Path(db_url)
    settle(live)
    data = bytearray(live.read_bytes())
    data[4096 * 2 : 4096 * 6] = b"\xa5" * (4096 * 4)
    live.write_bytes(bytes(data))
    code, _out, _err = cli(capsys, "--db", db_url, "restore", str(good))
    assert code == 0
    code, _out, _err = cli(capsys, "--db", db_url, "check")
    assert code == 0
    assert any(p.name.endswith("-damaged.sqlite3") for p in backup_dir_for(live).iterdir())


@sqlite_only
def test_daily_backup_once_a_day_and_the_number_kept_is_a_setting(db: Database) -> None:
    task_ids(db)
    assert daily_backup(db) is not None
    assert daily_backup(db) is None, "one automatic backup per day"
    set_setting(db, KEEP_SETTING, 3)
    for _ in range(5):
        backup_now(db)
    listed = backups(db)
    assert sorted(b.reason for b in listed) == ["daily"] + ["manual"] * 3, (
        "the day's backup is not thinned away"
    )
    assert all(b.size > 0 for b in listed)
    assert listed == sorted(listed, key=lambda b: (b.taken_at, b.path.name), reverse=True)


@sqlite_only
def test_many_import_backups_leave_the_daily_and_monthly_chain(db: Database) -> None:
    task_ids(db)
    first = daily_backup(db)
    assert first is not None
    folder = first.parent
    today = dt.date.today()
    # Four hundred days of daily backups, as a year of use leaves them.
    for n in range(1, 400):
        day = today - dt.timedelta(days=n)
        (folder / f"{Path(db.path).stem}-{day:%Y%m%d}-080000-daily.sqlite3").write_bytes(first.read_bytes())  # type: ignore[arg-type]
    for _ in range(31):
        assert backup_before(db, "import") is not None
    listed = backups(db)
    daily = [b.taken_at.date() for b in listed if b.reason == "daily"]
    months = {(d.year, d.month) for d in daily}
    assert len([b for b in listed if b.reason == "import"]) == 30
    assert daily[:7] == [today - dt.timedelta(days=n) for n in range(7)], "the last 7 days"
    assert len(months) == 12 and len(daily) <= 7 + 12
    print(f"\nretention: {len(daily)} daily/monthly and 30 import backups kept of {400 + 31}")


@sqlite_only
def test_backups_leave_no_stray_files(db: Database) -> None:
    task_ids(db)
    for reason in ("import", "revision", "manual"):
        backup_before(db, reason)
    folder = backups(db)[0].path.parent
    assert sorted(p.suffix for p in folder.iterdir()) == [".sqlite3"] * 3


def test_server_database_is_backed_up_by_the_server(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = cli(capsys, "--db", db_url, "backup", "--list")
    assert code == 0
    if PG_URL:
        code, _out, err = cli(capsys, "--db", db_url, "backup")
        assert code == 1 and "服务器的备份工具" in err
        code, _out, err = cli(capsys, "--db", db_url, "restore", "x.sqlite3")
        assert code == 1 and "服务器的恢复工具" in err
    else:
        code, out, _err = cli(capsys, "--db", db_url, "backup")
        assert code == 0 and "已备份" in out
