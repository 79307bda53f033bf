"""Every workbook PlanDesk writes keeps user text as text: nothing typed by a unit or the office is a formula."""

from __future__ import annotations

import datetime as dt
import itertools
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from report_fixtures import AS_OF, MARKET, MONTH, seed_xian

from desktop.exchange.workbook_format import WorkbookMeta, WorkbookRow, read_workbook, write_workbook
from desktop.reports.cell_text import FORMULA_LEAD
from desktop.reports.xlsx_writer import SheetLayout, write_sheet
from desktop.services.exchange.workbooks import export_workbooks
from desktop.services.reporting.ledger import export_ledger
from desktop.services.supervision.assignments import add_progress
from desktop.services.supervision.scoring import UnitScore, export_scores

# Text a spreadsheet would run: formulas, DDE, hyperlinks, and the leading characters CSV injection uses.
DANGEROUS = ["=1+1", '=HYPERLINK("http://example.com","点击")', "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
texts = st.one_of(
    st.sampled_from(DANGEROUS),
    st.builds(
        lambda lead, rest: lead + rest,
        st.sampled_from(FORMULA_LEAD),
        st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12),
    ),
)
counter = itertools.count()
SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def no_formulas(path: Path) -> list[str]:
    """Every text cell of every sheet, after checking that no cell of the file holds a formula."""
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in zf.read(name) and b"<f " not in zf.read(name), name
    wb = load_workbook(path)
    out = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula: {cell.value!r}"
                if isinstance(cell.value, str):
                    out.append(cell.value)
    return out


@SETTINGS
@given(value=texts)
def test_streamed_sheets_keep_text(tmp_path, value):
    for layout in (None, SheetLayout(title="台账", subtitle=value)):
        path = tmp_path / f"s{next(counter)}.xlsx"
        write_sheet(path, "表", ["任务", "日期"], [20, 12], [[value, dt.date(2026, 3, 1)]], layout=layout)
        cells = no_formulas(path)
        assert value.replace("\r", "\n") in [c.replace("\r", "\n") for c in cells] or value in cells


@SETTINGS
@given(value=texts)
def test_score_export_keeps_text(tmp_path, value):
    path = tmp_path / f"scores{next(counter)}.xlsx"
    export_scores([UnitScore(value, 3, 0.5, 0.2, 1, 0, 30.0, 1)], path, period=MONTH, title=value)
    cells = no_formulas(path)
    assert cells.count(value) == 2


@SETTINGS
@given(value=texts)
def test_feedback_workbook_writer_keeps_text(tmp_path, value):
    path = tmp_path / f"fb{next(counter)}.xlsx"
    meta = WorkbookMeta(
        workbook_uid="w",
        unit_uid="u",
        unit_name=value,
        plan_uid="p",
        plan_title=value,
        database_id="d",
        period=MONTH,
        integrity="x",
        keys=["k1"],
    )
    row = WorkbookRow("k1", value, value, "牵头", dt.date(2026, 4, 30), "进行中", 40, value)
    write_workbook(path, meta, [row])
    cells = no_formulas(path)
    assert cells.count(value) >= 4
    ws = load_workbook(path)["进展反馈"]
    deadline = next(c for c in ws[4] if isinstance(c.value, dt.datetime))
    assert deadline.value == dt.datetime(2026, 4, 30) and deadline.number_format == "yyyy-mm-dd"
    assert read_workbook(path).meta["unit_name"] == value.strip()


def test_exports_of_a_real_month_keep_formula_like_reports_as_text(db, tmp_path):
    seed = seed_xian(db)
    for text in ("=1+1", '=HYPERLINK("http://example.com","详情")', "@cmd", "-1"):
        add_progress(
            db,
            assignment_id=seed.tasks["9."],
            period=MONTH,
            text=text,
            problems=text,
            next_steps=text,
            reported_on="2026-03-28",  # reported in March: in a ledger as of 31 March
        )
    ledger = export_ledger(db, plan_id=seed.plan_id, path=tmp_path / "台账.xlsx", as_of=AS_OF)
    cells = no_formulas(ledger)
    assert "［2026-03］-1" in cells and "-1" in cells
    [feedback] = export_workbooks(
        db, plan_id=seed.plan_id, unit=MARKET, out=tmp_path / "fb.xlsx", period="2026-04"
    )
    cells = no_formulas(feedback)
    assert any(c.endswith("-1") for c in cells)
    ws = load_workbook(ledger).active
    progress = next(c for c in ws["M"] if c.value == "［2026-03］-1")
    problems = ws.cell(row=progress.row, column=14)
    assert problems.value == "-1" and problems.quotePrefix  # stays text when edited in Excel or Calc


@SETTINGS
@given(value=texts)
def test_supervision_exports_keep_text(tmp_path, value):
    """报送台账 and the point ranking carry unit names and task titles as typed: they stay text."""
    from desktop.services.supervision.points import (
        EVENTS,
        PointEvent,
        PointRanking,
        UnitPoints,
        export_point_ranking,
    )
    from desktop.services.supervision.report_register import (
        LedgerCell,
        ReportingLedger,
        export_reporting_ledger,
    )

    day = dt.date(2026, 3, 25)
    cell = LedgerCell(value, "2026-03", "on_time", day, day, 0, 1, 1, ())
    ledger = ReportingLedger(["2026-03"], [value], [cell], "每月25日前报送当月进展", day)
    path = export_reporting_ledger(ledger, tmp_path / f"报送台账{next(counter)}.xlsx")
    assert value in no_formulas(path)
    event = PointEvent(value, next(iter(EVENTS)), "按时反馈", 1, day, 7, value, value)
    ranking = PointRanking(
        [UnitPoints(value, 1, {k: 0 for k in EVENTS}, 1)], [event], value, "2026-03", "2026-03", day
    )
    path = export_point_ranking(ranking, tmp_path / f"考核排名{next(counter)}.xlsx")
    assert value in no_formulas(path)
