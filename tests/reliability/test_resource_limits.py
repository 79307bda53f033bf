"""Hostile sizes: deep HTML, huge packages; refused clearly and never parsed while holding the write lock."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from desktop.errors import ImportRefused
from desktop.exchange import package_check
from desktop.importers.load import load_plan
from desktop.services.exchange import packages
from desktop.services.exchange.packages import apply_package, export_package, package_fingerprint
from desktop.services.plans.plan_import import import_plan
from desktop.storage import Database, open_database

from factories import small_plan

HEAD = "<html><head><meta charset='utf-8'><title>方案</title></head><body>"


@pytest.mark.parametrize("attribute", ['title="<"', 'title=">"', "title='<'", 'data-x="<a>"'])
def test_a_million_nested_spans_are_refused_by_the_depth_check(attribute: str) -> None:
    page = HEAD + f"<span {attribute}>" * 1_000_000 + "一、总体要求" + "</span>" * 10 + "</body></html>"
    start = time.perf_counter()
    with pytest.raises(ImportRefused, match="标签嵌套过深"):
        load_plan("深.html", data=page.encode("utf-8"))
    print(
        f"\n{len(page) >> 20} MB of nested spans ({attribute}) refused in {time.perf_counter() - start:.2f} s"
    )


def test_an_ordinary_page_still_reads(tmp_path: Path) -> None:
    page = (
        HEAD
        + "<div><p>一、总体要求</p><p>（一）加强计量科技创新（责任单位：区市场监管局）</p></div></body></html>"
    )
    plan = load_plan("方案.html", data=page.encode("utf-8"))
    assert plan.nodes


def test_a_package_is_read_and_checked_before_the_write_lock(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_id = import_plan(db, parsed=small_plan(), backup=False).plan_id
    pkg = tmp_path / "plan.pdpkg"
    export_package(db, plan_id=plan_id, path=pkg)
    fp = package_fingerprint(pkg)
    seen: list[bool] = []
    real = package_check.check_content

    def watching(content: dict, where: str) -> dict:  # type: ignore[type-arg]
        from desktop.storage.engine import WRITE_INTENT

        seen.append(WRITE_INTENT.get())
        return real(content, where)

    monkeypatch.setattr(packages, "check_content", watching)
    with open_database(tmp_path / "other.sqlite3") as other:
        apply_package(other, path=pkg, trust=fp)
    assert seen == [False], "checked outside any write transaction"


def test_a_package_with_too_many_records_is_refused_before_anything_is_written(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_id = import_plan(db, parsed=small_plan(), backup=False).plan_id
    pkg = tmp_path / "plan.pdpkg"
    export_package(db, plan_id=plan_id, path=pkg)
    monkeypatch.setattr(package_check, "MAX_NODES", 5)
    with open_database(tmp_path / "other.sqlite3") as other, pytest.raises(ImportRefused, match="记录过多"):
        apply_package(other, path=pkg, trust=package_fingerprint(pkg))


def test_a_package_that_takes_too_long_is_stopped_and_rolled_back(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.services.core.tree import list_plans

    plan_id = import_plan(db, parsed=small_plan(), backup=False).plan_id
    pkg = tmp_path / "plan.pdpkg"
    export_package(db, plan_id=plan_id, path=pkg)
    monkeypatch.setattr(packages, "APPLY_SECONDS", 0.0)
    monkeypatch.setattr(packages, "CHECK_EVERY", 1)
    with open_database(tmp_path / "other.sqlite3") as other:
        with pytest.raises(ImportRefused, match="交换包过大.*未写入任何数据"):
            apply_package(other, path=pkg, trust=package_fingerprint(pkg))
        assert list_plans(other) == []
