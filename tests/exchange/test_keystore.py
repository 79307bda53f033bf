"""The office's exchange secrets live outside a SQLite file: not in the file, its backups or its trail of
changes; a database from before moves them out keeping its identity; a copy of the file signs as itself."""

from __future__ import annotations

import json
import shutil
import stat
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop.errors import ImportRefused
from desktop.models import AuditEntry, Setting
from desktop.services.core.backups import backup_now
from desktop.services.exchange.keystore import SECRET_KEY, SIGNING_KEY, key_dir, office_secret
from desktop.services.exchange.packages import (
    apply_package,
    export_package,
    package_fingerprint,
    read_package,
)
from desktop.services.exchange.workbooks import export_workbooks
from desktop.services.plans.plan_import import import_plan
from desktop.services.supervision.assignments import create_assignment
from desktop.storage import Database, open_database

from factories import small_plan

pytestmark = pytest.mark.sqlite_file


def _plan(db: Database) -> int:
    plan_id = import_plan(db, parsed=small_plan(), backup=False).plan_id
    with db.read() as s:
        from desktop.models import PlanNode

        task = s.scalars(select(PlanNode).where(PlanNode.plan_id == plan_id, PlanNode.kind == "task")).first()
        assert task is not None
        task_id = task.id
    create_assignment(db, node_id=task_id, unit="区市场监管局", deadline="2025-06-30")
    return plan_id


def _own_key(db: Database) -> str:
    with db.read() as s:
        key = office_secret(s, SIGNING_KEY, create=False)
    assert key is not None
    return key


def _manifest(pkg: Path) -> dict[str, object]:
    with zipfile.ZipFile(pkg) as zf:
        return dict(json.loads(zf.read("manifest.json")))


def test_the_keys_are_in_a_file_of_the_users_own_not_in_the_database_or_its_backups(
    db: Database, tmp_path: Path
) -> None:
    plan_id = _plan(db)
    export_package(db, plan_id=plan_id, path=tmp_path / "p.pdpkg")
    export_workbooks(db, plan_id=plan_id, all_units=True, out=tmp_path / "books")
    key = _own_key(db)
    with db.read() as s:
        secret = office_secret(s, SECRET_KEY, create=False)
        assert s.get(Setting, SIGNING_KEY) is None and s.get(Setting, SECRET_KEY) is None
        trail = " ".join(f"{a.old_value} {a.new_value}" for a in s.scalars(select(AuditEntry)))
    assert secret and key not in trail and secret not in trail
    files = list(key_dir().glob("*.json"))
    assert files and all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
    backup = backup_now(db, dest=tmp_path / "backup.sqlite3")
    assert db.path is not None
    for made in (db.path, Path(backup)):
        raw = made.read_bytes()
        assert key.encode() not in raw and secret.encode() not in raw


def test_a_database_from_before_moves_its_keys_out_and_signs_as_the_same_office(
    db: Database, tmp_path: Path
) -> None:
    plan_id = _plan(db)
    export_package(db, plan_id=plan_id, path=tmp_path / "first.pdpkg")
    old_key = _own_key(db)
    with db.read() as s:
        identity = str(s.get(Setting, "exchange.database_id").value)  # type: ignore[union-attr]
    # as an older PlanDesk kept it: the key in the setting table
    (key_dir() / f"{identity}.json").unlink()
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO setting (key, value, version, created_at, updated_at) "
                "VALUES (:k, :v, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            ),
            {"k": SIGNING_KEY, "v": json.dumps(old_key)},
        )
    pkg = tmp_path / "p.pdpkg"
    export_package(db, plan_id=plan_id, path=pkg)
    assert _own_key(db) == old_key  # the same office to everyone who knows it
    assert package_fingerprint(pkg) == package_fingerprint(tmp_path / "first.pdpkg")
    assert _manifest(pkg)["source_database"] == identity
    with db.read() as s:
        assert s.get(Setting, SIGNING_KEY) is None
        trail = " ".join(f"{a.old_value} {a.new_value}" for a in s.scalars(select(AuditEntry)))
    assert old_key not in trail
    assert db.path is not None and old_key.encode() not in db.path.read_bytes()


def test_a_copy_of_the_file_signs_as_itself_and_says_so(db: Database, tmp_path: Path) -> None:
    plan_id = _plan(db)
    original = tmp_path / "original.pdpkg"
    export_package(db, plan_id=plan_id, path=original)
    assert db.path is not None
    copied_path = tmp_path / "copy" / "plandesk.sqlite3"
    copied_path.parent.mkdir()
    backup_now(db, dest=copied_path)  # a whole copy of the file, as an office copies it to another folder
    copy_db = open_database(copied_path, operator="复制")
    receiver = open_database(tmp_path / "receiver.sqlite3", operator="乙办")
    try:
        first = export_package(copy_db, plan_id=plan_id, path=tmp_path / "copy.pdpkg")
        assert "副本" in first.notice and "自己的交换身份" in first.notice
        again = export_package(copy_db, plan_id=plan_id, path=tmp_path / "copy2.pdpkg")
        assert again.notice == ""  # said once
        assert _manifest(tmp_path / "copy.pdpkg")["source_database"] != _manifest(original)["source_database"]
        assert package_fingerprint(tmp_path / "copy.pdpkg") != package_fingerprint(original)
        # the receiver knows the original office; the copy is another sender and may not update its plan
        apply_package(receiver, path=original, trust=package_fingerprint(original))
        with pytest.raises(ImportRefused, match="来自另一个办公室"):
            read_package(receiver, path=tmp_path / "copy.pdpkg")
        # the original keeps its own identity
        export_package(db, plan_id=plan_id, path=tmp_path / "later.pdpkg")
        assert package_fingerprint(tmp_path / "later.pdpkg") == package_fingerprint(original)
    finally:
        copy_db.close()
        receiver.close()


def test_a_file_moved_on_the_same_computer_keeps_its_identity(db: Database, tmp_path: Path) -> None:
    plan_id = _plan(db)
    before = tmp_path / "before.pdpkg"
    export_package(db, plan_id=plan_id, path=before)
    assert db.path is not None
    source = db.path
    db.close()
    moved = tmp_path / "moved" / "plandesk.sqlite3"
    moved.parent.mkdir()
    shutil.move(source, moved)
    again = open_database(moved)
    try:
        info = export_package(again, plan_id=plan_id, path=tmp_path / "after.pdpkg")
        assert info.notice == ""
        assert package_fingerprint(tmp_path / "after.pdpkg") == package_fingerprint(before)
        assert _manifest(tmp_path / "after.pdpkg")["source_database"] == _manifest(before)["source_database"]
    finally:
        again.close()
