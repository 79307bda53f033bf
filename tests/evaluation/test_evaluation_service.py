"""The evaluation services on a database: bases, early warnings, task shares, the report data."""

from __future__ import annotations

import datetime as dt

import pytest
from eval_setup import load_evaluated_plan

from desktop.errors import PlanDeskError
from desktop.reports.evaluation_model import AHEAD, WILL_MISS
from desktop.services.evaluation.assessment import (
    evaluate_indicators,
    evaluate_tasks,
    gather_evaluation,
    get_indicator_base,
    indicator_warnings,
    parse_stage_targets,
    plan_period,
    set_indicator_base,
)
from desktop.storage import Database

AS_OF = dt.date(2025, 1, 31)


def test_binding_indicator_that_will_miss_is_warned(db: Database) -> None:
    ids = load_evaluated_plan(db)
    evs = {e.indicator_id: e for e in evaluate_indicators(db, plan_id=ids["plan"], as_of=AS_OF)}
    standards = evs[ids["standards"]]
    # Base 10 (2023) and 20 (2024): a line of +10 a year reaches 30 in 2025, short of 50.
    assert standards.stage is not None and standards.stage.forecast == pytest.approx(30)
    assert standards.stage.outlook == WILL_MISS and standards.warning
    coverage = evs[ids["coverage"]]
    assert coverage.base_assumed and coverage.base_value == 70  # the earliest value stands in for the base
    assert coverage.verdict == AHEAD and not coverage.warning
    assert (
        coverage.stage is not None and coverage.stage.forecast is not None and coverage.stage.forecast <= 100
    )
    warnings = indicator_warnings(db, plan_id=ids["plan"], as_of=AS_OF)
    assert [(w.indicator_id, w.name) for w in warnings] == [(ids["standards"], "社会公用计量标准（项）")]
    assert "预计2025年达到 30" in warnings[0].reason and "目标 50" in warnings[0].reason


def test_base_is_checked(db: Database) -> None:
    ids = load_evaluated_plan(db)
    with pytest.raises(PlanDeskError, match="一起填写"):
        set_indicator_base(db, indicator_id=ids["coverage"], base_year=2020, base_value=None)
    with pytest.raises(PlanDeskError, match="不是数字"):
        set_indicator_base(db, indicator_id=ids["coverage"], base_year=2020, base_value="七十")
    set_indicator_base(
        db,
        indicator_id=ids["coverage"],
        base_year=2022,
        base_value="65%",
        stage_targets=[{"year": 2030, "value": 95}],
    )
    ev = next(
        e
        for e in evaluate_indicators(db, plan_id=ids["plan"], as_of=AS_OF)
        if e.indicator_id == ids["coverage"]
    )
    assert (ev.base_year, ev.base_value, ev.base_assumed) == (2022, 65.0, False)
    assert [s.year for s in ev.other_stages] == [2030]
    stored = get_indicator_base(db, indicator_id=ids["coverage"])
    assert (stored.base_year, stored.base_value, stored.stage_targets) == (
        2022,
        65.0,
        [{"year": 2030, "value": 95.0, "text": ""}],
    )


def test_stage_targets_are_read_as_written() -> None:
    assert parse_stage_targets("2030:90；2035年≥95%、 2028： 80") == [
        {"year": 2030, "value": 90.0, "text": "90"},
        {"year": 2035, "value": 95.0, "text": "≥95"},
        {"year": 2028, "value": 80.0, "text": "80"},
    ]
    assert parse_stage_targets("  ") == []
    with pytest.raises(PlanDeskError, match="应写成 年份:目标值"):
        parse_stage_targets("到2030年90")


def test_task_shares_on_a_past_date_come_from_the_reports(db: Database) -> None:
    ids = load_evaluated_plan(db)
    assert plan_period(db, plan_id=ids["plan"]) == (dt.date(2024, 3, 1), dt.date(2025, 12, 31))
    ev = evaluate_tasks(db, plan_id=ids["plan"], as_of=AS_OF)
    ov = ev.overall
    # 1. reported 100 % in 2024-12; 2. passed its deadline at 10 %; 3. at 60 % against 50 % of its time.
    assert (ov.total, ov.done, ov.on_schedule, ov.behind) == (3, 1, 1, 1)
    assert ov.mean_percent == pytest.approx(56.7)
    assert ev.time_share == pytest.approx(50.1)  # 336 of 670 days
    assert "时间过半、任务过半" in ev.judgement
    # All tasks sit in one chapter (一、重点任务), so the shares go by its sections.
    assert [(r.name, r.total, r.done, r.behind) for r in ev.by_chapter] == [
        ("（一）夯实计量基础", 2, 1, 1),
        ("（二）服务绿色发展", 1, 0, 0),
    ]
    units = {r.name: (r.total, r.done, r.on_schedule, r.behind) for r in ev.by_unit}
    # 区科委 cooperates on task 1 and never reported: behind its own schedule.
    assert units == {"区市场监管局": (2, 1, 1, 0), "区科委": (1, 0, 0, 1), "区发展改革委": (1, 0, 0, 1)}
    assert [(t.label, t.units) for t in ev.behind] == [("2.", "区发展改革委")]
    assert "已逾期" in ev.behind[0].reason

    # On 2024-07-31 (152 of 670 days, 22.7 %) task 1 was at 40 %; task 2 at 10 % against 152 of its 305 days
    # (49.8 %) and task 3, not yet reported, at 0 %: both more than 20 points behind.
    before = evaluate_tasks(db, plan_id=ids["plan"], as_of=dt.date(2024, 7, 31)).overall
    assert (before.done, before.on_schedule, before.behind) == (0, 1, 2)


def test_report_data_defaults_to_the_midpoint(db: Database) -> None:
    ids = load_evaluated_plan(db)
    data = gather_evaluation(db, plan_id=ids["plan"], kind="midterm")
    assert data.as_of == dt.date(2024, 3, 1) + (dt.date(2025, 12, 31) - dt.date(2024, 3, 1)) / 2
    assert data.title.endswith("中期评估报告")
    assert data.overall[0].startswith(f"截至{data.as_of.year}年")
    assert any("社会公用计量标准（项）" in p for p in data.problems)
    edited = gather_evaluation(
        db, plan_id=ids["plan"], as_of=AS_OF, kind="annual", suggestions=["加快标准建设。", " "]
    )
    assert edited.suggestions == ["加快标准建设。"] and edited.title.endswith("2025年度评估报告")
    with pytest.raises(PlanDeskError, match="评估类型"):
        gather_evaluation(db, plan_id=ids["plan"], kind="quarterly")


def test_task_shares_on_a_past_date_leave_out_work_assigned_later(db: Database) -> None:
    """Evaluated as of a past day, the tasks are as they stood then: work assigned afterwards is not counted,
    so printing the same day's evaluation later gives the same shares."""
    from desktop import clock
    from desktop.services.supervision.assignments import create_assignment

    with clock.fixed_today(dt.date(2025, 1, 2)):
        ids = load_evaluated_plan(db)
    with clock.fixed_today(dt.date(2025, 1, 20)):
        before = evaluate_tasks(db, plan_id=ids["plan"], as_of=dt.date(2025, 1, 10))
    with clock.fixed_today(dt.date(2025, 3, 1)):
        create_assignment(db, node_id=ids["task3"], unit="区科委", start_date="2025-02-01")
    with clock.fixed_today(dt.date(2025, 4, 1)):
        after = evaluate_tasks(db, plan_id=ids["plan"], as_of=dt.date(2025, 1, 10))
    assert {r.name: r.total for r in after.by_unit} == {"区市场监管局": 2, "区科委": 1, "区发展改革委": 1}
    assert (after.judgement, after.overall) == (before.judgement, before.overall)
