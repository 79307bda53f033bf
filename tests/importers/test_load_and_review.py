"""Progress, cancellation and the review text of an import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.errors import Cancelled
from desktop.importers.load import load_plan
from desktop.importers.review import review_dict, review_lines

ROOT = Path(__file__).resolve().parents[2]
XIAN = ROOT / "resources/plans/xian_jiliang_2024.txt"


def test_progress_reports_stages_in_chinese() -> None:
    seen: list[tuple[int, str]] = []
    load_plan(XIAN, progress=lambda p, m: seen.append((p, m)))
    assert [p for p, _ in seen] == sorted(p for p, _ in seen) and seen[-1][0] == 100
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in m) for _, m in seen)


@pytest.mark.parametrize("after", [0, 1, 2, 3])
def test_cancel_between_stages(after: int) -> None:
    calls = {"n": 0}

    def is_cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > after

    with pytest.raises(Cancelled):
        load_plan(XIAN, is_cancelled=is_cancelled)


def test_data_instead_of_path() -> None:
    plan = load_plan("上传.txt", data=XIAN.read_bytes())
    assert plan.source_name == "上传.txt" and plan.count("task") == 24


def test_review_counts_and_json() -> None:
    plan = load_plan(XIAN)
    data = review_dict(plan)
    assert data["counts"] == {
        "chapter": 3,
        "section": 4,
        "task": 24,
        "column": 6,
        "item": 14,
        "goal": 2,
        "measure": 5,
    }
    assert data["indicators"] == 15
    json.dumps(data, ensure_ascii=False)
    text = "\n".join(review_lines(plan))
    assert "任务 24 个" in text and "专栏 6 个" in text and "保障措施 5 个" in text and "指标 15 项" in text


def test_export_carries_the_printed_name_beside_the_canonical_unit(tmp_path: Path) -> None:
    from desktop.services.plans.plan_export import plan_as_json
    from desktop.services.plans.plan_import import import_plan
    from desktop.storage import open_database

    source = tmp_path / "plan.txt"
    source.write_text("一、重点任务\n1. 做好工作。（责任单位：市发改委、市财政局）\n", encoding="utf-8")
    db = open_database(tmp_path / "p.sqlite3")
    result = import_plan(db, parsed=load_plan(source))
    units = [u for n in plan_as_json(db, plan_id=result.plan_id)["nodes"] for u in n["units"]]
    assert [(u["name"], u["raw_name"]) for u in units] == [
        ("市发展改革委", "市发改委"),
        ("市财政局", "市财政局"),
    ]
