"""考核 by the office's method: the weights or the published point rule, the same ranking everywhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from supervision_setup import load_small_plan

from desktop.cli import main
from desktop.services.core.settings import set_setting
from desktop.services.core.units import ensure_unit
from desktop.services.reporting.report_data import gather_monthly
from desktop.services.supervision import workflow
from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.services.supervision.scoring import ranking, scoring_method, set_scoring_method, unit_scores
from desktop.storage import Database
from desktop.ui.supervision import RankingView

MARKET, REFORM = "区市场监管局", "区发展改革委"
MONTH = "2026-02"


@pytest.fixture
def month(db: Database) -> int:
    """Both report February on time (by the 25th): 市场监管局 has its report sent back, 发展改革委's work is
    overdue — the weights put 市场监管局 first, the published point rule 发展改革委."""
    ids = load_small_plan(db)
    market = create_assignment(
        db, node_id=ids["1."], unit=MARKET, start_date="2026-01-01", deadline="2026-06-30"
    ).id
    reform = create_assignment(
        db, node_id=ids["2."], unit=REFORM, start_date="2026-01-01", deadline="2026-01-31"
    ).id
    add_progress(db, assignment_id=market, period=MONTH, text="推进", percent=20, reported_on="2026-02-24")
    add_progress(db, assignment_id=reform, period=MONTH, text="推进", percent=30, reported_on="2026-02-20")
    workflow.review(db, assignment_id=market, accept=False, reason="缺佐证材料", at="2026-02-27")
    return ids["plan"]


def _order(rows: list[object]) -> list[tuple[int, str, float]]:
    return [(r.rank, r.unit, r.score) for r in rows]  # type: ignore[attr-defined]


def test_without_a_point_rule_the_weights_rank_and_with_one_the_points_do(db: Database, month: int) -> None:
    weights = ranking(db, plan_id=month, period=MONTH)
    assert weights.method == "weights" and weights.method_text.startswith("计分办法（按权重）：按时反馈率×50")
    assert _order(weights.scores) == [(1, MARKET, 48.0), (2, REFORM, 45.0)]
    set_setting(db, "scoring.points", {"returned": -5})  # the office publishes its 计分办法
    points = ranking(db, plan_id=month, period=MONTH)
    assert points.method == "points" and "被退回 -5分/次" in points.method_text
    assert [u for _, u, _ in _order(points.scores)] == [REFORM, MARKET]
    # Whatever the method, the overdue and returned counts are those the warnings and the report use.
    assert {(s.unit, s.overdue, s.returned) for s in points.scores} == {
        (s.unit, s.overdue, s.returned) for s in unit_scores(db, plan_id=month, period=MONTH)
    }
    assert set_scoring_method(db, method="按权重计分") == "weights" and scoring_method(db) == "weights"
    assert ranking(db, plan_id=month, period=MONTH).scores == weights.scores


def test_the_monthly_report_ranks_units_as_the_scoring_tab(
    qtbot: QtBot, db: Database, month: int, qapp: QApplication
) -> None:
    set_setting(db, "scoring.points", {"returned": -5})
    view = RankingView(db)
    qtbot.addWidget(view)
    view.period.setText(MONTH)
    view.set_plan(month)
    tab = [
        (int(view.table.item(r, 0).text()), view.table.item(r, 1).text(), float(view.table.item(r, 7).text()))
        for r in range(view.table.rowCount())
    ]
    assert [u for _, u, _ in tab] == [REFORM, MARKET]
    assert view.method.currentText() == "按计分办法计分" and "被退回 -5分/次" in view.method_text.text()
    report = gather_monthly(db, plan_id=month, month=MONTH, live=True)
    assert _order(report.scores) == tab and report.score_method == view.method_text.text()
    # The office switches to the weights in the tab: the setting is kept and the report follows.
    view.method.setCurrentIndex(view.method.findData("weights"))
    view.method.activated.emit(view.method.currentIndex())
    assert [view.table.item(r, 1).text() for r in range(view.table.rowCount())] == [MARKET, REFORM]
    assert view.method_text.text().startswith("计分办法（按权重）")
    report = gather_monthly(db, plan_id=month, month=MONTH, live=True)
    assert [s.unit for s in report.scores] == [MARKET, REFORM]
    assert report.score_method == view.method_text.text()


def test_plandesk_score_prints_the_method_and_follows_the_setting(
    db: Database, db_url: str, month: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_setting(db, "scoring.points", {"returned": -5})
    args = ["--db", db_url, "score", "--plan", str(month), "--period", MONTH]
    assert main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("计分办法：") and lines[2].split("\t")[1] == REFORM
    assert main([*args, "--method", "weights", "--json"]) == 0
    assert [r["unit"] for r in json.loads(capsys.readouterr().out)] == [MARKET, REFORM]
    xlsx = tmp_path / "考核.xlsx"
    assert main([*args, "--xlsx", str(xlsx)]) == 0
    sheet = load_workbook(xlsx).active
    assert sheet is not None and sheet["B3"].value == REFORM and "被退回 -5分/次" in str(sheet["A6"].value)
    assert "统计至 2026-02-28" in str(sheet["A1"].value)  # the day it was counted on, printed


def test_plandesk_score_can_change_the_offices_method(
    db: Database, db_url: str, month: int, capsys: pytest.CaptureFixture[str]
) -> None:
    set_setting(db, "scoring.points", {"returned": -5})
    args = ["--db", db_url, "score", "--plan", str(month), "--period", MONTH]
    assert main([*args, "--set-method", "weights"]) == 0
    assert capsys.readouterr().out.startswith("计分办法（按权重）")
    assert scoring_method(db) == "weights" and ranking(db, plan_id=month, period=MONTH).method == "weights"


def test_a_unit_that_never_reported_never_ranks_with_one_that_did(db: Database) -> None:
    """The weights' floor at 0 made one reporting unit and nine silent ones all first with 0 points."""
    ids = load_small_plan(db)
    units = [f"区第{i}局" for i in range(1, 11)]
    with db.write() as s:
        for u in units:
            ensure_unit(s, u)
    made = [
        create_assignment(db, node_id=ids["1."], unit=u, start_date="2026-01-01", deadline="2026-01-31").id
        for u in units
    ]
    # Reported, but late (after the 25th): its score is floored at 0 like the silent units'.
    add_progress(db, assignment_id=made[0], period=MONTH, text="推进", percent=10, reported_on="2026-02-27")
    scores = unit_scores(db, plan_id=ids["plan"], period=MONTH)
    assert [s.score for s in scores] == [0.0] * 10  # 50 − 5×… floored, for all of them
    assert (scores[0].unit, scores[0].rank) == (units[0], 1)
    assert {s.rank for s in scores[1:]} == {2} and all(s.never_reported for s in scores[1:])
    set_setting(db, "scoring.points", {"returned": -5})
    points = ranking(db, plan_id=ids["plan"], period=MONTH)
    assert (points.scores[0].unit, points.scores[0].rank) == (units[0], 1)
    assert {s.rank for s in points.scores[1:]} == {2}
