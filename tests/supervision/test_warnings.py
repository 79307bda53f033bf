"""Warnings around their boundaries, roll-up to chapters and units, and the 报送情况 of a period."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from supervision_setup import load_small_plan

from desktop.clock import fixed_today
from desktop.errors import PlanDeskError
from desktop.services.core.settings import set_setting
from desktop.services.reporting.notices import issue_missing_report_notices
from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.services.supervision.warnings import (
    DEFAULT_RULES,
    assess,
    compute_warnings,
    expected_percent,
    plan_tree,
    reporting_status,
    rollup,
    unit_counts,
)
from desktop.services.supervision.workflow import decide_extension, reminders, request_extension
from desktop.storage import Database

DEADLINE = dt.date(2025, 6, 30)


def rules_of(result: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    return [(colour, rule) for colour, rule, _ in result]


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (DEADLINE - dt.timedelta(days=8), []),
        (DEADLINE - dt.timedelta(days=7), [("yellow", "due_soon")]),
        (DEADLINE, [("yellow", "due_soon")]),
        (DEADLINE + dt.timedelta(days=1), [("red", "overdue")]),
    ],
)
def test_deadline_boundaries(as_of: dt.date, expected: list[tuple[str, str]]) -> None:
    result = assess(
        percent=90, start=None, deadline=DEADLINE, reported_this_period=True, as_of=as_of, rules=DEFAULT_RULES
    )
    assert rules_of(result) == expected


def test_reasons_say_how_late_in_chinese() -> None:
    [(_, _, today)] = assess(
        percent=50,
        start=None,
        deadline=DEADLINE,
        reported_this_period=True,
        as_of=DEADLINE,
        rules=DEFAULT_RULES,
    )
    assert today.startswith("今天到期")
    [(_, _, late)] = assess(
        percent=50,
        start=None,
        deadline=DEADLINE,
        reported_this_period=True,
        as_of=DEADLINE + dt.timedelta(days=3),
        rules=DEFAULT_RULES,
    )
    assert late == "已逾期 3 天（截止日期 2025-06-30）"


def test_lag_exactly_x_points_is_fine_and_x_plus_one_warns() -> None:
    start = dt.date(2025, 1, 1)
    deadline = start + dt.timedelta(days=100)
    as_of = start + dt.timedelta(days=50)  # 序时进度 50%
    assert expected_percent(start, deadline, as_of) == 50
    at_limit = assess(
        percent=30,
        start=start,
        deadline=deadline,
        reported_this_period=True,
        as_of=as_of,
        rules=DEFAULT_RULES,
    )
    assert at_limit == []
    beyond = assess(
        percent=29,
        start=start,
        deadline=deadline,
        reported_this_period=True,
        as_of=as_of,
        rules=DEFAULT_RULES,
    )
    assert rules_of(beyond) == [("yellow", "lagging")]
    assert "序时进度 50%，报告进度 29%，落后 21 个百分点" in beyond[0][2]
    stricter = assess(
        percent=30,
        start=start,
        deadline=deadline,
        reported_this_period=True,
        as_of=as_of,
        rules={**DEFAULT_RULES, "lag_points": 10},
    )
    assert rules_of(stricter) == [("yellow", "lagging")]


def test_no_feedback_only_once_the_work_has_started() -> None:
    start = dt.date(2025, 5, 10)
    before = assess(
        percent=0,
        start=start,
        deadline=None,
        reported_this_period=False,
        as_of=dt.date(2025, 5, 9),
        rules=DEFAULT_RULES,
    )
    on = assess(
        percent=0, start=start, deadline=None, reported_this_period=False, as_of=start, rules=DEFAULT_RULES
    )
    assert before == [] and rules_of(on) == [("orange", "no_feedback")]


@pytest.fixture
def plan(db: Database) -> dict[str, int]:
    ids = load_small_plan(db)
    ids["a1"] = create_assignment(
        db, node_id=ids["1."], unit="区市场监管局", start_date="2025-01-01", deadline="2025-06-30"
    ).id
    ids["a2"] = create_assignment(
        db, node_id=ids["2."], unit="区发展改革委", start_date="2025-01-01", deadline="2025-12-31", percent=60
    ).id
    ids["a3"] = create_assignment(
        db, node_id=ids["3."], unit="区科委", start_date="2025-01-01", deadline="2025-07-05"
    ).id
    return ids


def test_compute_warnings_rolls_up_to_the_chapter_and_units(db: Database, plan: dict[str, int]) -> None:
    for a, pct in (("a2", 60), ("a3", 95)):
        add_progress(
            db, assignment_id=plan[a], period="2025-07", text="推进中", percent=pct, reported_on="2025-07-01"
        )
    warnings = compute_warnings(db, plan_id=plan["plan"], as_of="2025-07-01")
    found = {(w.assignment_id, w.colour, w.rule) for w in warnings}
    assert found == {
        (plan["a1"], "red", "overdue"),
        (plan["a1"], "orange", "no_feedback"),
        (plan["a3"], "yellow", "due_soon"),
    }
    assert warnings[0].colour == "red" and warnings[0].unit == "区市场监管局"
    colours = rollup(warnings, plan_tree(db, plan_id=plan["plan"]))
    assert colours[plan["1."]] == "red" and colours[plan["section"]] == "red"
    assert colours[plan["chapter"]] == "red" and colours[plan["root"]] == "red"
    assert colours[plan["3."]] == "yellow" and plan["2."] not in colours
    assert unit_counts(warnings) == {
        "区市场监管局": {"red": 1, "orange": 0, "yellow": 0},
        "区科委": {"red": 0, "orange": 0, "yellow": 1},
    }


def test_approved_extension_moves_the_counted_deadline(db: Database, plan: dict[str, int]) -> None:
    with fixed_today(dt.date(2025, 6, 20)):
        ext = request_extension(
            db, assignment_id=plan["a1"], new_deadline="2025-09-30", reason="设备到货延迟"
        )
    before = {
        w.rule
        for w in compute_warnings(db, plan_id=plan["plan"], as_of="2025-07-01")
        if w.assignment_id == plan["a1"]
    }
    assert "overdue" in before  # a pending request changes nothing
    with fixed_today(dt.date(2025, 6, 25)):
        decide_extension(db, request_id=ext.id, approve=True)
    after = {
        w.rule
        for w in compute_warnings(db, plan_id=plan["plan"], as_of="2025-07-01")
        if w.assignment_id == plan["a1"]
    }
    assert "overdue" not in after


def test_rules_come_from_settings(db: Database, plan: dict[str, int]) -> None:
    set_setting(db, "warnings.rules", {"due_days": 3, "no_feedback": False})
    rules = {
        (w.assignment_id, w.rule) for w in compute_warnings(db, plan_id=plan["plan"], as_of="2025-07-01")
    }
    assert rules == {(plan["a1"], "overdue"), (plan["a3"], "lagging")}  # 4 days left is beyond 3
    set_setting(db, "warnings.rules", {"due_days": -1})
    with pytest.raises(PlanDeskError, match="due_days"):
        compute_warnings(db, plan_id=plan["plan"], as_of="2025-07-01")


def test_reporting_status_names_missing_units(db: Database, plan: dict[str, int]) -> None:
    add_progress(db, assignment_id=plan["a2"], period="2025-07", text="推进中", percent=60)
    add_progress(db, assignment_id=plan["a3"], period="2025-06", text="上月", percent=50)
    status = {u.unit: u for u in reporting_status(db, plan_id=plan["plan"], period="2025-07")}
    assert status["区发展改革委"].complete and status["区发展改革委"].reported == 1
    assert status["区科委"].missing_assignment_ids == [plan["a3"]]
    assert status["区市场监管局"].missing_assignment_ids == [plan["a1"]]
    with pytest.raises(PlanDeskError, match="报告期"):
        reporting_status(db, plan_id=plan["plan"], period="2025-13")


def test_reminder_notices_go_to_the_units_that_have_not_reported(
    db: Database, plan: dict[str, int], tmp_path: Path
) -> None:
    add_progress(db, assignment_id=plan["a2"], period="2025-07", text="推进中", percent=60)
    issued = issue_missing_report_notices(
        db, plan_id=plan["plan"], period="2025-07", path=tmp_path / "催报.pdf", as_of=dt.date(2025, 7, 20)
    )
    assert issued and all(r.path.is_file() for r in issued)
    assert [len(reminders(db, assignment_id=plan[k])) for k in ("a1", "a2", "a3")] == [1, 0, 1]
    add_progress(db, assignment_id=plan["a1"], period="2025-07", text="补报", percent=60)
    add_progress(db, assignment_id=plan["a3"], period="2025-07", text="补报", percent=60)
    with pytest.raises(PlanDeskError, match="均已报送"):
        issue_missing_report_notices(db, plan_id=plan["plan"], period="2025-07", path=tmp_path / "再.pdf")


def test_due_soon_days_change_keeps_the_other_rules_and_refuses_nonsense(db: Database) -> None:
    from desktop.services.core.settings import get_setting
    from desktop.services.supervision.warnings import due_soon_days, set_due_soon_days

    set_setting(db, "warnings.rules", {"lag_points": 30, "no_feedback": False})
    assert set_due_soon_days(db, days=12) == 12
    assert get_setting(db, "warnings.rules") == {"lag_points": 30, "no_feedback": False, "due_days": 12}
    with pytest.raises(PlanDeskError, match="临期天数"):
        set_due_soon_days(db, days=-3)
    assert due_soon_days(db) == 12
