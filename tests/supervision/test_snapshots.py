"""A closed month's report is issued again byte for byte after later edits; trends come from closed months."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from supervision_setup import load_small_plan

from desktop.clock import fixed_today
from desktop.errors import PlanDeskError
from desktop.reports.monthly import render_monthly
from desktop.services.reporting.report_data import gather_monthly
from desktop.services.reporting.snapshots import close_month, closed_months, trend
from desktop.services.supervision.assignments import add_progress, create_assignment, update_assignment
from desktop.storage import Database


def test_closed_month_report_is_reproduced_exactly_after_later_edits(db: Database, tmp_path: Path) -> None:
    ids = load_small_plan(db)
    a1 = create_assignment(
        db, node_id=ids["1."], unit="区市场监管局", start_date="2025-01-01", deadline="2025-03-31"
    ).id
    a2 = create_assignment(
        db, node_id=ids["2."], unit="区发展改革委", start_date="2025-01-01", deadline="2025-12-31"
    ).id
    add_progress(db, assignment_id=a2, period="2025-04", text="完成调研", percent=30)
    closed = close_month(db, plan_id=ids["plan"], period="2025-04")
    assert (closed.period, closed.closed_by) == ("2025-04", "测试员")
    first = render_monthly(gather_monthly(db, plan_id=ids["plan"], month="2025-04"), tmp_path / "first.pdf")

    update_assignment(db, assignment_id=a1, status="done")
    update_assignment(db, assignment_id=a2, percent=90, remarks="后来修改")
    add_progress(db, assignment_id=a2, period="2025-05", text="五月进展", percent=60)
    live = render_monthly(
        gather_monthly(db, plan_id=ids["plan"], month="2025-04", live=True), tmp_path / "live.pdf"
    )
    again = render_monthly(gather_monthly(db, plan_id=ids["plan"], month="2025-04"), tmp_path / "again.pdf")
    assert live.read_bytes() != first.read_bytes()  # the edits do change a live report
    assert again.read_bytes() == first.read_bytes()

    with pytest.raises(PlanDeskError, match="已关账.*不可撤销"):
        close_month(db, plan_id=ids["plan"], period="2025-04")
    with pytest.raises(PlanDeskError, match="已关账"):
        add_progress(db, assignment_id=a2, period="2025-04", text="再补")
    with pytest.raises(PlanDeskError, match="已关账"):  # whichever way a late report arrives
        add_progress(db, assignment_id=a2, period="2025-04", text="补报的四月进展", percent=60)


def test_trend_lists_closed_months_with_their_figures(db: Database) -> None:
    ids = load_small_plan(db)
    a1 = create_assignment(
        db, node_id=ids["1."], unit="区市场监管局", start_date="2025-01-01", deadline="2025-03-31"
    ).id
    create_assignment(
        db, node_id=ids["2."], unit="区发展改革委", start_date="2025-01-01", deadline="2025-12-31"
    )
    close_month(db, plan_id=ids["plan"], period="2025-04")
    with fixed_today(dt.date(2025, 5, 12)):  # finished in May: May's figures count it, April's do not
        update_assignment(db, assignment_id=a1, status="done")
    close_month(db, plan_id=ids["plan"], period="2025-05")
    points = trend(db, plan_id=ids["plan"])
    assert [p.period for p in points] == ["2025-04", "2025-05"]
    april, may = points
    assert april.overdue == 1 and may.overdue == 0 and may.done == april.done + 1
    assert april.total == may.total >= 2
    assert [m.period for m in closed_months(db, plan_id=ids["plan"])] == ["2025-04", "2025-05"]
    future = dt.date.today().replace(day=1) + dt.timedelta(days=40)
    with pytest.raises(PlanDeskError, match="尚未开始"):
        close_month(db, plan_id=ids["plan"], period=f"{future:%Y-%m}")


def test_months_closed_late_keep_their_own_figures(db: Database) -> None:
    """Closing September and October in December stores what was true at each month's end, not today's counts."""
    ids = load_small_plan(db)
    with fixed_today(dt.date(2025, 8, 1)):
        a1 = create_assignment(db, node_id=ids["1."], unit="区市场监管局", deadline="2025-12-31").id
        a2 = create_assignment(db, node_id=ids["2."], unit="区发展改革委", deadline="2025-10-15").id
    with fixed_today(dt.date(2025, 9, 20)):
        add_progress(db, assignment_id=a1, period="2025-09", text="九月完成全部工作", percent=100)
    with fixed_today(dt.date(2025, 11, 5)):
        update_assignment(db, assignment_id=a2, status="done")
    with fixed_today(dt.date(2025, 12, 7)):
        close_month(db, plan_id=ids["plan"], period="2025-09")
        close_month(db, plan_id=ids["plan"], period="2025-10")
    sept, octo = trend(db, plan_id=ids["plan"])
    assert (sept.done, sept.overdue) == (1, 0)  # a2 was due 10-15: not yet overdue on 09-30
    assert (octo.done, octo.overdue) == (1, 1)  # a2 was finished only in November
