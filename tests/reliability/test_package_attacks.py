"""Hostile packages: another plan's ids, timestamps from the future, forged senders, fields that are not data."""

from __future__ import annotations

import copy
import functools
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from rel_helpers import cli, sqlite_only
from sqlalchemy import func, select

from desktop.errors import ImportRefused
from desktop.exchange.package_format import new_signing_key, write_package
from desktop.models import Assignment, PlanNode, ProgressEntry
from desktop.services.core.backups import backups
from desktop.services.core.tree import children, get_plan
from desktop.services.exchange.keystore import office_secret
from desktop.services.exchange.packages import (
    SIGNING_KEY,
    apply_package,
    export_package,
    package_fingerprint,
    read_package,
)
from desktop.services.plans.plan_import import import_plan
from desktop.services.supervision.assignments import add_progress, create_assignment, update_assignment
from desktop.storage import Database, open_database

from factories import small_plan

ATTACKER_KEY = new_signing_key()


def plan_with_work(db: Database) -> int:
    plan_id = import_plan(db, parsed=small_plan(), backup=False).plan_id
    chapter = children(db, node_id=get_plan(db, plan_id=plan_id).root_id)[0]  # type: ignore[arg-type]
    for task in children(db, node_id=children(db, node_id=chapter.id)[0].id):
        a = create_assignment(db, node_id=task.id, unit="区市场监管局", deadline="2025-06-30")
        add_progress(db, assignment_id=a.id, period="2024-05", text="完成调研", percent=30)
    return plan_id


def parts(pkg: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    with zipfile.ZipFile(pkg) as zf:
        return json.loads(zf.read("manifest.json")), json.loads(zf.read("content.json"))


def forge(pkg: Path, dest: Path, change: Any, *, key: str = ATTACKER_KEY, source: str | None = None) -> Path:
    """A validly signed package (by ``key``) whose content ``change`` rewrote."""
    manifest, content = parts(pkg)
    content = copy.deepcopy(content)
    change(content)
    head = {
        k: v for k, v in manifest.items() if k not in ("format", "version", "created_at", "content_sha256")
    }
    if source is not None:
        head["source_database"] = source
    write_package(dest, head, content, private_key=key)
    return dest


def plan_rows(db: Database, plan_id: int) -> tuple[int, int, int]:
    with db.read() as s:
        nodes = s.scalar(select(func.count()).select_from(PlanNode).where(PlanNode.plan_id == plan_id))
        work = s.scalar(
            select(func.count()).select_from(Assignment).join(PlanNode).where(PlanNode.plan_id == plan_id)
        )
        progress = s.scalar(
            select(func.count())
            .select_from(ProgressEntry)
            .join(Assignment)
            .join(PlanNode)
            .where(PlanNode.plan_id == plan_id)
        )
    return nodes or 0, work or 0, progress or 0


def test_a_package_reusing_another_plans_ids_is_refused_and_the_plan_is_untouched(
    db: Database, tmp_path: Path
) -> None:
    plan_id = plan_with_work(db)
    before = plan_rows(db, plan_id)
    pkg = tmp_path / "own.pdpkg"
    export_package(db, plan_id=plan_id, path=pkg)

    def hijack(content: dict[str, Any]) -> None:
        content["plan"]["uid"] = "f" * 32
        content["plan"]["title"] = "另一份方案"
        for kind in ("nodes", "assignments", "progress"):
            for row in content[kind]:
                row["updated_at"] = "2099-01-01T00:00:00"
                row["version"] = 999
        content["assignments"][0]["percent"] = 0

    evil = forge(pkg, tmp_path / "evil.pdpkg", hijack)
    trusted = functools.partial(apply_package, trust=package_fingerprint(evil))  # even with the key confirmed
    for step in (read_package, trusted):
        with pytest.raises(ImportRefused, match="uid 已属于本库的其他方案") as refused:
            step(db, path=evil)
        assert "未写入任何数据" in str(refused.value)
    assert plan_rows(db, plan_id) == before and before[0] > 5


def _own_key(db: Database) -> str:
    with db.read() as s:
        key = office_secret(s, SIGNING_KEY, create=False)
    assert key is not None
    return key


def test_newer_is_decided_by_revision_counters_not_by_the_packages_timestamps(
    db: Database, tmp_path: Path
) -> None:
    plan_id = plan_with_work(db)
    pkg = tmp_path / "plan.pdpkg"
    export_package(db, plan_id=plan_id, path=pkg)
    other = open_database(tmp_path / "other.sqlite3", operator="乙办")
    try:
        apply_package(other, path=pkg, trust=package_fingerprint(pkg))
        with other.read() as s:
            a = s.scalars(select(Assignment).order_by(Assignment.id)).first()
            assert a is not None
            a_id, uid = a.id, a.uid
        update_assignment(other, assignment_id=a_id, remarks="乙办核实后的备注")  # local revision 2

        def future(content: dict[str, Any]) -> None:
            for row in content["assignments"]:
                if row["uid"] == uid:
                    row["remarks"] = "来自未来的覆盖"
                    row["updated_at"] = "2099-12-31T23:59:59"

        # signed by the real sender: only the revision counters can tell the package is not newer
        stale = forge(pkg, tmp_path / "stale.pdpkg", future, key=_own_key(db))
        preview = read_package(other, path=stale)
        assert preview.counts["assignments"]["kept"] == 1 and preview.counts["assignments"]["update"] == 0
        apply_package(other, path=stale, trust=package_fingerprint(stale))
        with other.read() as s:
            assert s.get(Assignment, a_id).remarks == "乙办核实后的备注"  # type: ignore[union-attr]
    finally:
        other.close()


def test_the_sender_is_shown_and_a_forged_known_office_is_refused(db: Database, tmp_path: Path) -> None:
    plan_id = plan_with_work(db)
    pkg = tmp_path / "plan.pdpkg"
    export_package(db, plan_id=plan_id, path=pkg)
    assert any("本数据库" in n for n in read_package(db, path=pkg).notes)
    other = open_database(tmp_path / "other.sqlite3", operator="乙办")
    try:
        first = read_package(other, path=pkg)
        assert any(n.startswith("来源：未知办公室") and "密钥指纹" in n for n in first.notes)
        apply_package(other, path=pkg, trust=package_fingerprint(pkg))
        assert any(n.startswith("来源：已知办公室") for n in read_package(other, path=pkg).notes)
        manifest, _content = parts(pkg)
        forged = forge(pkg, tmp_path / "forged.pdpkg", lambda c: None, source=manifest["source_database"])
        with pytest.raises(ImportRefused, match="签名密钥与该办公室以往的交换包不同"):
            apply_package(other, path=forged, trust=package_fingerprint(forged))
    finally:
        other.close()


def _set(kind: str, name: str, value: Any) -> Any:
    def change(content: dict[str, Any]) -> None:
        rows = content[kind] if isinstance(content[kind], list) else [content[kind]]
        target = next(r for r in rows if r.get("kind") != "root") if kind == "nodes" else rows[0]
        if value is KeyError:
            del target[name]
        else:
            target[name] = value

    return change


def _second_root(content: dict[str, Any]) -> None:
    root = next(n for n in content["nodes"] if n["kind"] == "root")
    content["nodes"].append({**root, "uid": "e" * 32})


def _units_not_a_list(content: dict[str, Any]) -> None:
    content["units"] = {"name": "区市场监管局"}


HOSTILE = {
    "percent abc": (_set("assignments", "percent", "abc"), "percent：应为 0–100 之间的整数"),
    "percent 1e308": (_set("assignments", "percent", 1e308), "percent：应为 0–100 之间的整数"),
    "percent -5": (_set("assignments", "percent", -5), "percent：应在 0–100 之间"),
    "progress percent 101": (_set("progress", "percent", 101), "percent：应在 0–100 之间"),
    "status hacked": (_set("assignments", "status", "hacked"), "“hacked”不是有效取值"),
    "second root": (_second_root, "应恰好有 1 个根条目，实有 2 个"),
    "deadline 5": (_set("assignments", "deadline", 5), "应为日期"),
    "deadline 2024-13-45": (_set("assignments", "deadline", "2024-13-45"), "不是有效日期"),
    "missing uid": (_set("progress", "uid", KeyError), "缺少有效的 uid"),
    "units not a list": (_units_not_a_list, "单位：应为记录列表"),
    "period nonsense": (_set("progress", "period", "去年"), "报告期应为 YYYY-MM"),
    "node kind": (_set("nodes", "kind", "virus"), "不是有效取值"),
    "version huge": (_set("assignments", "version", 10**30), "version：应在"),
    "title not text": (_set("plan", "title", ["x"]), "title：应为文字"),
    "extra year bad": (_set("plan", "extra", {"kind": "items", "year": "明年"}), "督办事项汇总的年份"),
    "extra nested": (_set("plan", "extra", {"抄送": {"a": [1, 2]}}), "的值应为文字或数字"),
    "extra nan": (_set("plan", "extra", {"x": float("nan")}), "的值不是有限数"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_every_field_is_checked_like_user_input(
    db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    plan_id = plan_with_work(db)
    pkg = tmp_path / "plan.pdpkg"
    export_package(db, plan_id=plan_id, path=pkg)
    change, words = HOSTILE[case]
    bad = forge(pkg, tmp_path / "bad.pdpkg", change)
    other_url = str(tmp_path / "other.sqlite3")
    with open_database(other_url) as other:
        with pytest.raises(ImportRefused, match="交换包内容有误") as refused:
            read_package(other, path=bad)
        assert words in str(refused.value), str(refused.value)
    code, _out, err = cli(capsys, "--db", other_url, "package", "import", str(bad))
    assert code == 1 and words in err and "Traceback" not in err
    with open_database(other_url) as other:
        assert plan_rows(other, 1) == (0, 0, 0)


def test_a_duplicated_content_member_is_refused(db: Database, tmp_path: Path) -> None:
    plan_id = plan_with_work(db)
    pkg = tmp_path / "plan.pdpkg"
    export_package(db, plan_id=plan_id, path=pkg)
    doubled = tmp_path / "doubled.pdpkg"
    with zipfile.ZipFile(pkg) as zin, zipfile.ZipFile(doubled, "w") as zout:
        for name in zin.namelist():
            zout.writestr(name, zin.read(name))
        with pytest.warns(UserWarning, match="Duplicate name"):
            zout.writestr("content.json", b'{"plan": {}, "nodes": []}')
    with pytest.raises(ImportRefused, match="content.json 出现了不止一次"):
        read_package(db, path=doubled)


@sqlite_only
def test_a_package_import_is_preceded_by_a_backup(db: Database, tmp_path: Path) -> None:
    plan_id = plan_with_work(db)
    pkg = tmp_path / "plan.pdpkg"
    export_package(db, plan_id=plan_id, path=pkg)
    with open_database(tmp_path / "other.sqlite3") as other:
        plan_with_work(other)
        apply_package(other, path=pkg, trust=package_fingerprint(pkg))
        assert [b.reason for b in backups(other)] == ["import"]


def test_a_first_package_needs_its_fingerprint_confirmed(db: Database, tmp_path: Path) -> None:
    plan_id = plan_with_work(db)
    pkg = tmp_path / "plan.pdpkg"
    export_package(db, plan_id=plan_id, path=pkg)
    with open_database(tmp_path / "other.sqlite3", operator="乙办") as other:
        preview = read_package(other, path=pkg)
        assert not preview.known and preview.fingerprint == package_fingerprint(pkg)
        for given in (None, "0000-0000-0000-0000", preview.fingerprint[:-1]):
            with pytest.raises(ImportRefused, match="尚未确认此办公室的签名密钥"):
                apply_package(other, path=pkg, trust=given)
            assert plan_rows(other, 1) == (0, 0, 0)
        # typed with spaces and in lower case, as read out on the phone
        apply_package(other, path=pkg, trust=preview.fingerprint.replace("-", " ").lower())
        assert read_package(other, path=pkg).known
        assert apply_package(other, path=pkg).plan_id == 1  # known from now on


def test_a_forgers_first_package_does_not_poison_the_real_office(db: Database, tmp_path: Path) -> None:
    plan_id = plan_with_work(db)
    pkg = tmp_path / "plan.pdpkg"
    export_package(db, plan_id=plan_id, path=pkg)
    manifest, _content = parts(pkg)
    # the forger reaches the other office first, claiming office A's database id
    forged = forge(pkg, tmp_path / "forged.pdpkg", lambda c: None, source=manifest["source_database"])
    with open_database(tmp_path / "other.sqlite3", operator="乙办") as other:
        with pytest.raises(ImportRefused, match="尚未确认"):
            apply_package(other, path=forged)  # nobody confirmed the forger's key
        apply_package(other, path=pkg, trust=package_fingerprint(pkg))  # the real office still gets in
        assert plan_rows(other, 1)[0] > 0


def test_a_plan_from_one_office_is_not_updated_by_another_offices_key(db: Database, tmp_path: Path) -> None:
    plan_id = plan_with_work(db)
    pkg = tmp_path / "plan.pdpkg"
    export_package(db, plan_id=plan_id, path=pkg)
    # office C passes A's plan on under its own key, with its own changes
    relayed = forge(
        pkg,
        tmp_path / "relayed.pdpkg",
        _set("plan", "title", "被改写的方案标题"),
        key=new_signing_key(),
        source="office-c",
    )
    with open_database(tmp_path / "other.sqlite3", operator="乙办") as other:
        apply_package(other, path=pkg, trust=package_fingerprint(pkg))
        title = get_plan(other, plan_id=1).title
        for step in (read_package, functools.partial(apply_package, trust=package_fingerprint(relayed))):
            with pytest.raises(ImportRefused, match="该方案来自另一个办公室"):
                step(other, path=relayed)
        assert get_plan(other, plan_id=1).title == title
