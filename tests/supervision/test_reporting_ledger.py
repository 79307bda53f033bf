"""报送台账 (按时/迟报/未报 against the due day) and the 考核 point rule, each point traceable to its event."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from supervision_setup import load_small_plan

from desktop import clock
from desktop.cli import main
from desktop.errors import PlanDeskError
from desktop.services.core.settings import set_setting
from desktop.services.supervision import workflow
from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.services.supervision.points import export_point_ranking, point_ranking
from desktop.services.supervision.report_register import export_reporting_ledger, reporting_ledger
from desktop.storage import Database

D = dt.date
MARKET, REFORM, SCIENCE = "区市场监管局", "区发展改革委", "区科委"


@pytest.fixture
def quarter(db: Database) -> dict[str, int]:
    ids = load_small_plan(db)
    a = {
        MARKET: create_assignment(
            db, node_id=ids["1."], unit=MARKET, start_date="2026-01-01", deadline="2026-03-31"
        ).id,
        REFORM: create_assignment(
            db, node_id=ids["2."], unit=REFORM, start_date="2026-01-01", deadline="2026-06-30"
        ).id,
        SCIENCE: create_assignment(
            db, node_id=ids["3."], unit=SCIENCE, start_date="2026-03-01", deadline="2026-12-31"
        ).id,
    }

    def report(unit: str, period: str, on: str) -> None:
        add_progress(db, assignment_id=a[unit], period=period, text=f"{period} 进展", reported_on=on)

    report(MARKET, "2026-01", "2026-01-20")
    report(MARKET, "2026-02", "2026-02-27")
    workflow.review(db, assignment_id=a[MARKET], accept=False, reason="缺佐证材料", at="2026-02-28")
    report(REFORM, "2026-01", "2026-01-26")  # 25 Jan is a Sunday: due Monday 26th
    report(REFORM, "2026-02", "2026-02-25")
    report(REFORM, "2026-03", "2026-03-20")
    workflow.review(db, assignment_id=a[REFORM], accept=True, at="2026-03-20")
    workflow.close(db, assignment_id=a[REFORM], at="2026-03-20")
    report(SCIENCE, "2026-03", "2026-03-24")
    return a


def _row(ledger: object, unit: str) -> list[tuple[str, dt.date | None]]:
    out = []
    for period in ledger.periods:  # type: ignore[attr-defined]
        c = ledger.cell(unit, period)  # type: ignore[attr-defined]
        out.append(("—", None) if c is None else (c.state_name, c.reported_on))
    return out


def test_each_units_month_is_on_time_late_or_missing_with_the_date(
    db: Database, quarter: dict[str, int]
) -> None:
    ledger = reporting_ledger(db, first="2026-01", last="2026-03", as_of="2026-04-10")
    assert ledger.rule == "每月25日前报送当月进展（遇节假日顺延至下一个工作日）"
    assert _row(ledger, MARKET) == [("按时", D(2026, 1, 20)), ("迟报", D(2026, 2, 27)), ("未报", None)]
    assert _row(ledger, REFORM) == [
        ("按时", D(2026, 1, 26)),
        ("按时", D(2026, 2, 25)),
        ("按时", D(2026, 3, 20)),
    ]
    assert _row(ledger, SCIENCE) == [("—", None), ("—", None), ("按时", D(2026, 3, 24))]
    late = ledger.cell(MARKET, "2026-02")
    missing = ledger.cell(MARKET, "2026-03")
    assert late is not None and late.late_workdays == 2
    # 26 Mar – 10 Apr: eleven working days, 清明 4–6 April off.
    assert missing is not None and missing.late_workdays == 11 and missing.due == D(2026, 3, 25)
    assert ledger.counts(MARKET) == {"on_time": 1, "late": 1, "missing": 1, "pending": 0}


def test_the_due_day_is_configurable_and_a_month_not_yet_due_is_pending(
    db: Database, quarter: dict[str, int]
) -> None:
    set_setting(db, "reporting.due", {"day": 5, "next_month": True})
    ledger = reporting_ledger(db, first="2026-01", last="2026-03", as_of="2026-04-03")
    assert ledger.rule.startswith("次月5日前")
    assert _row(ledger, MARKET) == [("按时", D(2026, 1, 20)), ("按时", D(2026, 2, 27)), ("未到期", None)]
    set_setting(db, "reporting.due", {"day": 40})
    with pytest.raises(PlanDeskError, match="1 到 31"):
        reporting_ledger(db, first="2026-01", last="2026-01")


def test_the_ranking_follows_the_point_rule_and_every_point_has_its_event(
    db: Database, quarter: dict[str, int]
) -> None:
    ranking = point_ranking(db, first="2026-01", last="2026-04", as_of="2026-04-10")
    assert [(u.rank, u.unit, u.points) for u in ranking.units] == [
        (1, REFORM, 5),
        (2, SCIENCE, 1),
        (3, MARKET, -3),
    ]
    assert (
        "按时反馈 +1分/月" in ranking.method
        and "被退回 -2分/次" in ranking.method
        and "按期办结 +2分/项" in ranking.method
    )
    market = ranking.events_of(MARKET)
    assert [(e.name, e.points, e.on) for e in market] == [
        ("按时反馈", 1, D(2026, 1, 20)),
        ("迟报", 0, D(2026, 2, 27)),
        ("被退回", -2, D(2026, 2, 28)),
        ("未报", -1, D(2026, 3, 25)),
        ("逾期", -1, D(2026, 4, 1)),
    ]
    assert sum(e.points for e in market) == ranking.units[2].points
    assert market[2].detail == "缺佐证材料" and market[2].node.startswith("1.")
    set_setting(db, "scoring.points", {"returned": -5, "on_time": 2})
    again = point_ranking(db, first="2026-01", last="2026-04", as_of="2026-04-10")
    assert [(u.unit, u.points) for u in again.units] == [(REFORM, 8), (SCIENCE, 2), (MARKET, -5)]
    set_setting(db, "scoring.points", {"bonus": 1})
    with pytest.raises(PlanDeskError, match="“bonus”无效"):
        point_ranking(db, first="2026-01", last="2026-01")


def test_ledger_and_ranking_are_exported_and_printed(
    db: Database, db_url: str, quarter: dict[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = reporting_ledger(db, first="2026-01", last="2026-03", as_of="2026-04-10")
    wb = load_workbook(export_reporting_ledger(ledger, tmp_path / "报送台账.xlsx"))
    rows = [[c.value for c in r] for r in wb["报送台账"].iter_rows(min_row=3)]
    assert [MARKET, "按时 01-20", "迟报 02-27", "未报", 1, 1, 1] in rows
    assert wb["明细"]["D2"].is_date
    ranking = point_ranking(db, first="2026-01", last="2026-04", as_of="2026-04-10")
    wb = load_workbook(export_point_ranking(ranking, tmp_path / "考核.xlsx"))
    assert wb["考核排名"]["A2"].value == ranking.method
    assert wb["考核排名"]["B4"].value == REFORM and wb["考核排名"]["C4"].value == 5
    assert wb["计分明细"].max_row == len(ranking.events) + 1
    argv = [
        "--db",
        db_url,
        "reporting-ledger",
        "--from",
        "2026-01",
        "--to",
        "2026-03",
        "--as-of",
        "2026-04-10",
    ]
    assert main(argv) == 0
    assert f"{MARKET}\t按时 01-20\t迟报 02-27\t未报\t1\t1\t1" in capsys.readouterr().out
    argv = ["--db", db_url, "points", "--from", "2026-01", "--to", "2026-04", "--as-of", "2026-04-10"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("计分办法：") and f"1\t{REFORM}\t5\t" in out
    assert main([*argv, "--unit", MARKET]) == 0
    out = capsys.readouterr().out
    assert "2026-02-28\t被退回\t-2\t1." in out and out.rstrip().endswith("合计 -3 分")


def test_the_rules_are_changed_from_the_command_line_and_checked_first(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db_url, "reporting-rule", "--day", "5", "--next-month"]) == 0
    assert capsys.readouterr().out.strip() == "报送要求：次月5日前报送当月进展（遇节假日顺延至下一个工作日）"
    assert main(["--db", db_url, "reporting-rule", "--day", "32"]) == 1
    assert "1 到 31" in capsys.readouterr().err
    assert main(["--db", db_url, "point-rule", "--set", "被退回=-3", "--set", "on_time=2"]) == 0
    out = capsys.readouterr().out
    assert "按时反馈 +2分/月" in out and "被退回 -3分/次" in out and "次月5日前" in out
    assert main(["--db", db_url, "point-rule", "--set", "奖励=1"]) == 1
    assert "计分事项“奖励”无效" in capsys.readouterr().err
    assert main(["--db", db_url, "point-rule", "--set", "逾期=很多"]) == 1
    assert "不是数字" in capsys.readouterr().err
    assert main(["--db", db_url, "point-rule"]) == 0
    assert "被退回 -3分/次" in capsys.readouterr().out  # the refused changes left the rule as it was


def test_closed_work_set_to_paused_afterwards_keeps_the_report_it_closed_with(
    db: Database, quarter: dict[str, int]
) -> None:
    """Closing is final: 区发展改革委 closed its work with the March report; pausing it in April leaves March
    按时 (it was found by the independent oracle, tests/oracle)."""
    from desktop.services.supervision.assignments import update_assignment

    update_assignment(db, assignment_id=quarter[REFORM], status="suspended")
    ledger = reporting_ledger(db, first="2026-01", last="2026-03")  # as of today: the pause is known
    assert _row(ledger, REFORM)[2] == ("按时", D(2026, 3, 20))


def test_the_ranking_lists_only_units_with_work_on_the_day(db: Database) -> None:
    """A unit assigned after the statistics day is not in that day's ranking: printed later, the same day's
    ranks stay as they were."""
    ids = load_small_plan(db)
    with clock.fixed_today(D(2026, 1, 5)):
        create_assignment(db, node_id=ids["1."], unit=MARKET, start_date="2026-01-01", deadline="2026-01-31")
    with clock.fixed_today(D(2026, 2, 10)):
        create_assignment(db, node_id=ids["2."], unit=REFORM)
        ranking = point_ranking(db, first="2026-01", last="2026-01", as_of="2026-02-05")
    assert [(u.rank, u.unit, u.points) for u in ranking.units] == [(1, MARKET, -2)]


def test_a_unit_that_never_reported_ranks_after_every_unit_that_did(db: Database) -> None:
    """Points equal or even higher do not lift a unit that owed reports and sent none above one that sent."""
    ids = load_small_plan(db)
    with clock.fixed_today(D(2026, 1, 5)):
        market = create_assignment(db, node_id=ids["1."], unit=MARKET, start_date="2026-01-01").id
        create_assignment(db, node_id=ids["2."], unit=MARKET, start_date="2026-01-01")
        create_assignment(db, node_id=ids["3."], unit=SCIENCE, start_date="2026-02-01")
    with clock.fixed_today(D(2026, 3, 10)):
        add_progress(db, assignment_id=market, period="2026-01", text="一月进展", reported_on="2026-01-27")
        ranking = point_ranking(db, first="2026-01", last="2026-02", as_of="2026-03-10")
    # 区市场监管局: January 迟报 0, February 未报 −1; 区科委: February 未报 −1, and never a report.
    assert [(u.rank, u.unit, u.points) for u in ranking.units] == [(1, MARKET, -1), (2, SCIENCE, -1)]


def test_work_not_yet_assigned_on_the_day_scores_nothing(db: Database) -> None:
    """Work handed over from a later 交办 date is not yet there on an earlier statistics day, even if it was
    closed early: no 按期办结 for it, and its unit is not ranked."""
    ids = load_small_plan(db)
    with clock.fixed_today(D(2026, 1, 23)):
        aid = create_assignment(db, node_id=ids["1."], unit=MARKET, start_date="2026-01-24").id
        add_progress(db, assignment_id=aid, period="2026-01", text="一月进展")
        workflow.review(db, assignment_id=aid, accept=True)
        workflow.close(db, assignment_id=aid)
    with clock.fixed_today(D(2026, 1, 30)):
        ranking = point_ranking(db, first="2026-01", last="2026-01", as_of="2026-01-23")
    assert ranking.units == [] and ranking.events == []


def test_work_closed_after_the_day_was_overdue_on_it(db: Database) -> None:
    """Overdue work closed after the statistics day still scores 逾期 on that day, printed before or after."""
    ids = load_small_plan(db)
    with clock.fixed_today(D(2026, 1, 5)):
        aid = create_assignment(
            db, node_id=ids["1."], unit=MARKET, start_date="2026-01-01", deadline="2026-01-20"
        ).id
        add_progress(db, assignment_id=aid, period="2026-01", text="一月进展")
    with clock.fixed_today(D(2026, 2, 3)):
        before = point_ranking(db, first="2026-01", last="2026-01", as_of="2026-02-01")
        workflow.review(db, assignment_id=aid, accept=True)
        workflow.close(db, assignment_id=aid)
        after = point_ranking(db, first="2026-01", last="2026-01", as_of="2026-02-01")
    assert [(e.name, e.points) for e in after.events] == [(e.name, e.points) for e in before.events]
    assert [e.name for e in after.events] == ["按时反馈", "逾期"]
