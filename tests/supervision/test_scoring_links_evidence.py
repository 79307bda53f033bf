"""Unit scores and ranks, linked plans and coverage, evidence kept in PlanDesk's own store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from supervision_setup import load_small_plan

from desktop.errors import PlanDeskError
from desktop.services.core.settings import set_setting
from desktop.services.plans.links import coverage, link_nodes, linked_progress, links, set_parent_plan, unlink
from desktop.services.supervision.assignments import add_progress, create_assignment, update_assignment
from desktop.services.supervision.evidence import attach_evidence, evidence_path, list_evidence, store_folder
from desktop.services.supervision.scoring import export_scores, unit_scores
from desktop.services.supervision.workflow import review
from desktop.storage import Database


@pytest.fixture
def plan(db: Database) -> dict[str, int]:
    ids = load_small_plan(db)
    ids["a1"] = create_assignment(
        db, node_id=ids["1."], unit="区市场监管局", start_date="2025-01-01", deadline="2025-03-31"
    ).id
    ids["a2"] = create_assignment(
        db, node_id=ids["2."], unit="区发展改革委", start_date="2025-01-01", deadline="2025-12-31"
    ).id
    ids["a3"] = create_assignment(
        db, node_id=ids["3."], unit="区科委", start_date="2025-01-01", deadline="2025-12-31"
    ).id
    return ids


def test_scores_rank_units_by_feedback_completion_overdue_and_returns(
    db: Database, plan: dict[str, int]
) -> None:
    # April's reports are due on 25 April (the 报送台账's rule): two on time, one late.
    add_progress(
        db, assignment_id=plan["a2"], period="2025-04", text="推进", percent=50, reported_on="2025-04-20"
    )
    add_progress(
        db, assignment_id=plan["a3"], period="2025-04", text="推进", percent=100, reported_on="2025-04-24"
    )
    add_progress(
        db, assignment_id=plan["a1"], period="2025-04", text="迟报", percent=50, reported_on="2025-04-28"
    )
    review(db, assignment_id=plan["a1"], accept=False, reason="材料不全", at="2025-04-30")
    scores = {s.unit: s for s in unit_scores(db, plan_id=plan["plan"], period="2025-04")}
    kewei, fgw, scj = scores["区科委"], scores["区发展改革委"], scores["区市场监管局"]
    assert (kewei.completion_rate, kewei.feedback_on_time_rate, kewei.score, kewei.rank) == (
        1.0,
        1.0,
        100.0,
        1,
    )
    assert (fgw.completion_rate, fgw.feedback_on_time_rate, fgw.score, fgw.rank) == (0.0, 1.0, 50.0, 2)
    assert (scj.overdue, scj.returned, scj.feedback_on_time_rate) == (1, 1, 0.0)
    assert (scj.score, scj.rank) == (0.0, 3)  # 0 + 0 − 5 − 2, never below zero
    set_setting(db, "scoring.weights", {"feedback": 100, "completion": 0})
    ranked = unit_scores(db, plan_id=plan["plan"], period="2025-04")
    assert [(s.unit, s.rank) for s in ranked] == [("区发展改革委", 1), ("区科委", 1), ("区市场监管局", 3)]


def test_score_table_exports_to_excel(db: Database, plan: dict[str, int], tmp_path: Path) -> None:
    scores = unit_scores(db, plan_id=None, period="2025-04")
    folder = tmp_path / "out"
    folder.mkdir()
    out = export_scores(scores, folder / "排名.xlsx", period="2025-04")
    ws = load_workbook(out).active
    assert ws["A2"].value == "名次" and ws["B3"].value == scores[0].unit
    assert [p.name for p in folder.iterdir()] == ["排名.xlsx"]  # no temp file left behind
    with pytest.raises(PlanDeskError, match=".xlsx"):
        export_scores(scores, folder / "排名.csv", period="2025-04")


def test_coverage_finds_an_unlinked_city_clause_and_progress_rolls_up(
    db: Database, plan: dict[str, int]
) -> None:
    city = load_small_plan(db, "某市计量发展规划实施方案")
    set_parent_plan(db, plan_id=plan["plan"], parent_plan_id=city["plan"])
    with pytest.raises(PlanDeskError, match="上级方案不能"):
        set_parent_plan(db, plan_id=city["plan"], parent_plan_id=plan["plan"])
    link_nodes(db, node_id=plan["1."], target_node_id=city["1."])
    link_nodes(db, node_id=plan["2."], target_node_id=city["2."])
    with pytest.raises(PlanDeskError, match="已经关联"):
        link_nodes(db, node_id=plan["2."], target_node_id=city["2."])
    with pytest.raises(PlanDeskError, match="另一份方案"):
        link_nodes(db, node_id=plan["3."], target_node_id=plan["1."])
    cov = coverage(db, plan_id=plan["plan"])
    assert [n.id for n in cov.unlinked_parent_clauses] == [city["3."]]
    assert [n.id for n in cov.unlinked_local_tasks] == [plan["3."]]
    assert [(link.node.id, link.target.id) for link in links(db, node_id=city["1."])] == [
        (plan["1."], city["1."])
    ]
    update_assignment(db, assignment_id=plan["a1"], percent=40)
    update_assignment(db, assignment_id=plan["a2"], percent=100)
    up = linked_progress(db, node_id=city["section"], as_of=dt.date(2025, 6, 1))
    assert [t.unit for t in up.tasks] == ["区市场监管局", "区发展改革委"]
    assert (up.percent, up.status) == (70, "overdue")
    unlink(db, node_id=plan["1."], target_node_id=city["1."])
    assert [n.id for n in coverage(db, plan_id=plan["plan"]).unlinked_parent_clauses] == [
        city["1."],
        city["3."],
    ]


def test_evidence_is_copied_into_the_store_and_checked(
    db: Database, plan: dict[str, int], tmp_path: Path
) -> None:
    entry = add_progress(db, assignment_id=plan["a1"], period="2025-04", text="推进").id
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8jpeg" * 100)
    info = attach_evidence(db, entry_id=entry, path=photo)
    photo.unlink()  # the original may go away; the store keeps its own copy
    stored = store_folder(db) / info.sha256[:2] / info.sha256
    assert stored.read_bytes() == b"\xff\xd8jpeg" * 100 and info.size == 600
    assert [e.file_name for e in list_evidence(db, assignment_id=plan["a1"])] == ["现场照片.jpg"]
    view = evidence_path(db, evidence_id=info.id)
    assert view.name == "现场照片.jpg" and view.read_bytes() == stored.read_bytes()
    with pytest.raises(PlanDeskError, match="找不到要添加的文件"):
        attach_evidence(db, entry_id=entry, path=tmp_path / "没有.pdf")
    with pytest.raises(PlanDeskError, match="文件夹"):
        attach_evidence(db, entry_id=entry, path=tmp_path)
    set_setting(db, "evidence.max_mb", 0.0001)
    big = tmp_path / "大文件.pdf"
    big.write_bytes(b"x" * 200)
    with pytest.raises(PlanDeskError, match="上限"):
        attach_evidence(db, entry_id=entry, path=big)
    set_setting(db, "evidence.max_mb", 50)
    script = tmp_path / "run.bat"
    script.write_text("echo hi")
    bat = attach_evidence(db, entry_id=entry, path=script)
    with pytest.raises(PlanDeskError, match="不直接打开"):
        evidence_path(db, evidence_id=bat.id)
    assert len(list_evidence(db, entry_id=entry)) == 2
