"""One clock and one rulebook: an office's autumn, printed later, says what was true on the day it speaks of.

Each fact is recorded on its own day (``fixed_today``); the outputs are printed weeks later and read back from
the files they wrote.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop.clock import fixed_today
from desktop.reports.bulletin import render_bulletin
from desktop.services.core.units import ensure_unit
from desktop.services.plans.plan_import import import_plan
from desktop.services.reporting.bulletin import draft_bulletin
from desktop.services.reporting.ledger import export_ledger
from desktop.services.reporting.monthly import write_monthly_report
from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.services.supervision.report_register import export_reporting_ledger, reporting_ledger
from desktop.storage import Database

from factories import small_plan

MARKET, SCIENCE, REFORM, HOUSING, TRANSPORT = "区市场监管局", "区科委", "区发展改革委", "区住建局", "区交通局"
D = dt.date


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(path).pages))


def autumn(db: Database) -> int:
    """Assigned on 1 August 2025: task 1 led by 市场监管局 (due 10-15) with 科委 cooperating (due 09-10, never
    reports), task 2 led by 发展改革委 (done on 20 October) with 住建局 and 交通局 cooperating (due 09-30, never
    report), task 3 led by 科委 (done in September)."""
    with fixed_today(D(2025, 8, 1)):
        plan_id = import_plan(db, parsed=small_plan(), backup=False).plan_id
        with db.write() as s:
            for name in (HOUSING, TRANSPORT):
                ensure_unit(s, name)
        from desktop.services.core.tree import children, get_plan

        root = get_plan(db, plan_id=plan_id).root_id
        tasks: dict[str, int] = {}
        stack = [root]
        while stack:
            for row in children(db, node_id=stack.pop()):
                if row.kind == "task":
                    tasks[row.label] = row.id
                stack.append(row.id)
        lead1 = create_assignment(db, node_id=tasks["1."], unit=MARKET, deadline="2025-10-15").id
        create_assignment(db, node_id=tasks["1."], unit=SCIENCE, role="co", deadline="2025-09-10")
        lead2 = create_assignment(db, node_id=tasks["2."], unit=REFORM, deadline="2025-12-31").id
        for unit in (HOUSING, TRANSPORT):
            create_assignment(db, node_id=tasks["2."], unit=unit, role="co", deadline="2025-09-30")
        lead3 = create_assignment(db, node_id=tasks["3."], unit=SCIENCE, deadline="2025-09-30").id
    with fixed_today(D(2025, 9, 20)):
        add_progress(db, assignment_id=lead3, period="2025-09", text="九月全部完成", percent=100)
        add_progress(db, assignment_id=lead1, period="2025-09", text="九月推进", percent=30)
        add_progress(db, assignment_id=lead2, period="2025-09", text="九月推进", percent=40)
    with fixed_today(D(2025, 10, 10)):
        add_progress(db, assignment_id=lead1, period="2025-10", text="十月推进", percent=60)
    with fixed_today(D(2025, 10, 20)):
        add_progress(db, assignment_id=lead2, period="2025-10", text="十月办结", percent=100)
    with fixed_today(D(2025, 12, 1)):  # November's report, a day after the month
        add_progress(db, assignment_id=lead1, period="2025-11", text="十一月推进", percent=70)
    return plan_id


@pytest.fixture
def plan_id(db: Database) -> int:
    return autumn(db)


def test_the_bulletin_counts_a_task_closed_in_its_month_and_says_indicators_are_unreported(
    db: Database, plan_id: int, tmp_path: Path
) -> None:
    with fixed_today(D(2025, 12, 7)):
        b = draft_bulletin(db, plan_id=plan_id, month="2025-10")
        text = pdf_text(render_bulletin(b, tmp_path / "通报.pdf"))
    # Task 2 was finished on 20 October: September, rebuilt as it stood then, did not have it.
    assert "新增办结1项" in text
    # No indicator has a value: never "均达到序时进度".
    assert "均达到序时进度" not in text and "2项主要指标中，2项截至2025年10月31日尚未填报数值" in text
    # Four units with one overdue assignment each: all four named, none picked among equals.
    most = text.split("逾期任务较多的单位：")[1].split("。")[0]
    assert sorted(most.split("、")) == sorted(f"{u}1条" for u in (MARKET, SCIENCE, HOUSING, TRANSPORT))


def test_a_month_printed_on_two_later_days_is_the_same(db: Database, plan_id: int, tmp_path: Path) -> None:
    with fixed_today(D(2025, 11, 7)):
        first = write_monthly_report(db, plan_id=plan_id, month="2025-10", path=tmp_path / "a.pdf")
    with fixed_today(D(2025, 12, 20)):  # after November's report and later work were recorded
        again = write_monthly_report(db, plan_id=plan_id, month="2025-10", path=tmp_path / "b.pdf")
    assert first.data.summary == again.data.summary and first.data.units == again.data.units
    a, b = pdf_text(first.path), pdf_text(again.path)
    printed = re.compile(r"印发日期：\d+年\d+月\d+日")  # the one line that says when it was printed
    assert printed.sub("", a) == printed.sub("", b)
    assert "截至2025年10月31日" in a


def test_a_task_is_as_its_lead_stands_and_a_cooperating_unit_is_not_printed_as_lead(
    db: Database, plan_id: int, tmp_path: Path
) -> None:
    with fixed_today(D(2025, 11, 7)):
        full = pdf_text(
            write_monthly_report(db, plan_id=plan_id, month="2025-10", path=tmp_path / "m.pdf").path
        )
        mine = pdf_text(
            write_monthly_report(
                db, plan_id=plan_id, month="2025-10", unit=SCIENCE, path=tmp_path / "u.pdf"
            ).path
        )
    # Task 1: the lead's open deadline and its 60 %, not the cooperating unit's 09-10 or an average of 30 %.
    head = full.split("1.加强计量科技创新［")[1].split("］")[0]
    assert "截止2025-10-15" in head and "完成60%" in head
    # In 科委's own report task 1 names 市场监管局 as lead and 科委 as cooperating.
    head = mine.split("1.加强计量科技创新［")[1].split("］")[0]
    assert f"牵头：{MARKET}；配合：{SCIENCE}" in head
    assert "统计口径说明" in full and "以牵头单位的分工为准" in full


def test_the_reporting_register_counts_from_the_assignment_and_up_to_its_day(
    db: Database, plan_id: int, tmp_path: Path
) -> None:
    with fixed_today(D(2025, 12, 7)):
        ledger = reporting_ledger(db, first="2025-01", last="2025-11", plan_id=plan_id, as_of=D(2025, 11, 30))
        path = export_reporting_ledger(ledger, tmp_path / "报送台账.xlsx")
    sheet = load_workbook(path)["报送台账"]
    rows = {row[0]: row[1:12] for row in sheet.iter_rows(min_row=3, values_only=True)}
    # Nothing is owed for January–July: the assignments were made on 1 August.
    assert all(cell == "—" for cell in rows[MARKET][:7])
    # November's report came on 1 December: on 30 November it was still missing.
    assert rows[MARKET][10] == "未报"
    assert "统计至 2025-11-30" in str(sheet["A1"].value)


def test_the_ledger_is_as_of_its_day(db: Database, plan_id: int, tmp_path: Path) -> None:
    with fixed_today(D(2025, 11, 7)):
        path = export_ledger(db, plan_id=plan_id, path=tmp_path / "台账.xlsx", as_of=D(2025, 10, 31))
    sheet = load_workbook(path).active
    assert sheet is not None
    heading = " ".join(str(c.value) for c in sheet[2] if c.value)
    assert "统计截至：2025年10月31日" in heading and "制表日期：2025年11月7日" in heading
    header = next(r for r in sheet.iter_rows(values_only=True) if r and "逾期天数" in r)
    col = {name: i for i, name in enumerate(header)}
    rows = [r for r in sheet.iter_rows(values_only=True) if r and r[col["责任单位"]] == SCIENCE]
    late = next(r for r in rows if r[col["角色"]] == "配合")
    assert late[col["逾期天数"]] == (D(2025, 10, 31) - D(2025, 9, 10)).days  # counted to the as-of day
