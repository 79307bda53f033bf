"""Packages carry a plan with its assignments and progress between offices, and refuse damaged files."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.errors import ImportRefused
from desktop.models import Assignment, IndicatorValue, ProgressEntry
from desktop.services.core.tree import children, get_plan, list_plans
from desktop.services.exchange.packages import (
    apply_package,
    export_package,
    package_fingerprint,
    read_package,
)
from desktop.services.plans.indicators import list_indicators, set_indicator_value
from desktop.services.plans.plan_export import plan_as_json
from desktop.services.plans.plan_import import import_plan
from desktop.services.supervision.assignments import add_progress, create_assignment, update_assignment
from desktop.storage import Database, open_database

from factories import small_plan


def _first_plan(db: Database) -> int:
    return list_plans(db)[0].id


def without_ids(data: Any) -> Any:
    """Local row ids differ between databases; everything else must be identical."""
    if isinstance(data, dict):
        return {k: without_ids(v) for k, v in data.items() if k not in ("id", "parent")}
    if isinstance(data, list):
        return [without_ids(v) for v in data]
    return data


def ledger(db: Database) -> list[tuple[Any, ...]]:
    with db.read() as s:
        rows = s.execute(
            select(
                Assignment.uid,
                Assignment.status,
                Assignment.percent,
                Assignment.deadline,
                ProgressEntry.uid,
                ProgressEntry.period,
                ProgressEntry.text,
                ProgressEntry.percent,
            )
            .outerjoin(ProgressEntry)
            .order_by(Assignment.uid, ProgressEntry.uid)
        ).all()
        return [tuple(r) for r in rows]


@pytest.fixture
def source(db: Database) -> tuple[Database, int]:
    plan_id = import_plan(db, parsed=small_plan(), backup=False).plan_id
    chapter = children(db, node_id=get_plan(db, plan_id=plan_id).root_id)[0]  # type: ignore[arg-type]
    t1, _t2 = children(db, node_id=children(db, node_id=chapter.id)[0].id)
    a = create_assignment(db, node_id=t1.id, unit="区市场监管局", deadline="2025-06-30")
    add_progress(db, assignment_id=a.id, period="2024-05", text="完成调研", percent=30)
    ind = list_indicators(db, plan_id=plan_id)[0]
    set_indicator_value(db, indicator_id=ind.id, measured_on="2024-06-30", value=12)
    return db, a.id


def test_package_round_trip_and_second_import_updates(source: tuple[Database, int], tmp_path: Path) -> None:
    db, assignment_id = source
    plan_id = _first_plan(db)
    pkg = tmp_path / "plan.pdpkg"
    info = export_package(db, plan_id=plan_id, path=pkg)
    assert info.counts["assignments"] == 1 and info.counts["progress"] == 1
    with zipfile.ZipFile(pkg) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["format"] == "plandesk-package" and manifest["version"] == 2

    other = open_database(tmp_path / "other.sqlite3", operator="乙办")
    try:
        preview = read_package(other, path=pkg)
        assert preview.new_plan and preview.counts["progress"]["add"] == 1
        result = apply_package(other, path=pkg, trust=package_fingerprint(pkg))
        assert without_ids(plan_as_json(other, plan_id=result.plan_id)) == without_ids(
            plan_as_json(db, plan_id=plan_id)
        )
        assert ledger(other) == ledger(db)
        with other.read() as s:
            assert s.scalar(select(func.count()).select_from(IndicatorValue)) == 1

        # the first office records more progress and re-sends: the second import updates, never duplicates
        add_progress(db, assignment_id=assignment_id, period="2024-06", text="完成选址", percent=50)
        update_assignment(
            db, assignment_id=assignment_id, deadline="2025-09-30", deadline_kind="延期", deadline_reason="x"
        )
        export_package(db, plan_id=plan_id, path=pkg)
        preview = read_package(other, path=pkg)
        assert (preview.counts["progress"]["add"], preview.counts["progress"]["same"]) == (1, 1)
        assert preview.counts["assignments"]["update"] == 1 and not preview.new_plan
        again = apply_package(other, path=pkg, trust=package_fingerprint(pkg))
        assert again.plan_id == result.plan_id
        assert ledger(other) == ledger(db)
        with other.read() as s:
            assert s.scalar(select(func.count()).select_from(ProgressEntry)) == 2
        assert apply_package(other, path=pkg, trust=package_fingerprint(pkg)).counts["progress"]["add"] == 0
    finally:
        other.close()


def rewrite(
    src: Path,
    dest: Path,
    change: dict[str, bytes | None] | None = None,
    extra: dict[str, bytes] | None = None,
) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for name in zin.namelist():
            data = (change or {}).get(name, zin.read(name))
            if data is not None:
                zout.writestr(name, data)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    return dest


def test_damaged_tampered_future_and_unsafe_packages_are_refused(
    source: tuple[Database, int], tmp_path: Path
) -> None:
    db, _ = source
    pkg = tmp_path / "plan.pdpkg"
    export_package(db, plan_id=_first_plan(db), path=pkg)
    raw = pkg.read_bytes()
    truncated = tmp_path / "truncated.pdpkg"
    truncated.write_bytes(raw[: len(raw) // 2])
    with zipfile.ZipFile(pkg) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        content = json.loads(zf.read("content.json"))
    content["assignments"][0]["percent"] = 100
    tampered = rewrite(
        pkg, tmp_path / "tampered.pdpkg", {"content.json": json.dumps(content, ensure_ascii=False).encode()}
    )
    future = rewrite(
        pkg, tmp_path / "future.pdpkg", {"manifest.json": json.dumps({**manifest, "version": 3}).encode()}
    )
    # content changed and its sha256 in the manifest updated to match: the signature no longer fits
    body = json.dumps(content, ensure_ascii=False).encode()
    resigned = rewrite(
        pkg,
        tmp_path / "resigned.pdpkg",
        {
            "content.json": body,
            "manifest.json": json.dumps(
                {**manifest, "content_sha256": hashlib.sha256(body).hexdigest()}
            ).encode(),
        },
    )
    unsigned = rewrite(pkg, tmp_path / "unsigned.pdpkg", {"signature.json": None})
    unsafe = rewrite(pkg, tmp_path / "unsafe.pdpkg", extra={"../../evil.txt": b"x"})
    missing = rewrite(pkg, tmp_path / "missing.pdpkg", {"content.json": None})
    cases = {
        truncated: "已损坏或不完整",
        tampered: "sha256 不符",
        future: "更新版本的 PlanDesk",
        resigned: "签名无效",
        unsigned: "没有签名",
        unsafe: "不安全的路径",
        missing: "缺少 content.json",
    }
    for path, message in cases.items():
        with pytest.raises(ImportRefused, match=message):
            read_package(db, path=path)
        with pytest.raises(ImportRefused, match=message):
            apply_package(db, path=path, trust=package_fingerprint(path))
    assert not (tmp_path.parent / "evil.txt").exists()


def test_zip_bomb_member_is_refused(
    source: tuple[Database, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.exchange import package_format

    db, _ = source
    pkg = tmp_path / "plan.pdpkg"
    export_package(db, plan_id=_first_plan(db), path=pkg)
    monkeypatch.setattr(package_format, "MAX_CONTENT", 1000)
    with pytest.raises(ImportRefused, match="过大"):
        read_package(db, path=pkg)
