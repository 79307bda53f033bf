"""The Excel ledger: title rows, one row per assignment and per 未分工 task, real dates, and it prints."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from report_fixtures import AS_OF, MARKET, SCIENCE, seed_xian, seed_xian_month

from desktop.errors import Cancelled
from desktop.reports.ledger import COLUMNS, PLAN_COLUMN
from desktop.services.reporting.ledger import export_ledger

HEAD = 3  # title, 方案 and 制表日期, then the header


def read(path):
    ws = load_workbook(path).active
    return ws, list(ws.iter_rows(values_only=True))


def test_ledger_rows_and_cell_types(db, tmp_path):
    seed = seed_xian(db)
    out = export_ledger(db, plan_id=seed.plan_id, path=tmp_path / "台账.xlsx", as_of=AS_OF)
    ws, rows = read(out)
    assert rows[0][0].endswith("实施方案工作台账") and "统计截至：2026年3月31日" in rows[1][0]
    assert list(rows[2]) == [name for name, _ in COLUMNS]
    data = [dict(zip(rows[2], r, strict=True)) for r in rows[HEAD:]]
    assigned = [r for r in data if r["状态"] != "未分工"]
    assert len(assigned) == 10 + 5  # ten lead assignments and five co-operating ones
    assert [r["序号"] for r in data] == list(range(1, len(data) + 1))
    assert ws.freeze_panes == "A4" and ws.auto_filter.ref == f"A3:O{len(rows)}"
    first = data[0]
    assert first["编号"] == "二、（一）1." and first["责任单位"] == MARKET and first["角色"] == "牵头"
    assert first["截止日期"] == dt.datetime(2026, 2, 28) and ws["G4"].is_date
    assert first["状态"] == "已逾期" and first["逾期天数"] == 31 and isinstance(first["完成%"], int)
    assert first["最新进展"].startswith("［2026-03］已召开专题推进会")
    assert first["存在问题"] == "资金尚未到位。" and first["下步计划"] == "下月完成招标。"
    assert first["联系人"] == "张伟\n029-86780000" and first["办理状态"] == "已反馈"
    co = data[1]
    assert co["责任单位"] == SCIENCE and co["角色"] == "配合" and co["逾期天数"] == 31
    extended = next(r for r in data if r["截止日期"] == dt.datetime(2026, 4, 30))
    assert extended["延期"] == "已延期（原2026-03-10）" and extended["逾期天数"] is None
    done = [r for r in assigned if r["责任单位"] == MARKET and r["状态"] == "已完成"]
    assert len(done) == 2 and all(r["完成%"] == 100 for r in done)
    unassigned = [r for r in data if r["状态"] == "未分工"]
    assert unassigned and any(MARKET in r["责任单位"] for r in unassigned)
    # Printing: A4 landscape fitted to the width, the header repeated on every page.
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert (
        ws.page_setup.fitToWidth == 1
        and ws.page_setup.fitToHeight == 0
        and ws.sheet_properties.pageSetUpPr.fitToPage
    )
    assert ws.print_title_rows == "$3:$3"
    assert ws["M4"].alignment.wrap_text and ws.row_dimensions[4].height > 15


def test_ledger_of_all_plans_and_cancel(db, tmp_path):
    seed_xian(db)
    _, rows = read(export_ledger(db, plan_id=None, path=tmp_path / "all.xlsx"))
    assert rows[2][0] == PLAN_COLUMN[0] and len([r for r in rows[HEAD:] if r[10] != "未分工"]) == 15
    target = tmp_path / "stopped.xlsx"
    with pytest.raises(Cancelled):
        export_ledger(db, plan_id=None, path=target, is_cancelled=lambda: True)
    assert not target.exists() and not list(tmp_path.glob("stopped.xlsx.*"))


def soffice(tmp_path, target: str, source) -> None:
    assert shutil.which("soffice"), "LibreOffice (soffice) is required: apt install libreoffice-calc-nogui"
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            target,
            "--outdir",
            str(tmp_path / "out"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )


@pytest.mark.slow
def test_ledger_opens_in_libreoffice(db, tmp_path):
    seed_xian(db)
    out = export_ledger(db, plan_id=None, path=tmp_path / "ledger.xlsx", as_of=AS_OF)
    soffice(tmp_path, "csv:Text - txt - csv (StarCalc):44,34,76", out)
    with open(tmp_path / "out" / "ledger.csv", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[2][:4] == ["方案", "序号", "编号", "任务"]
    assert rows[3][7] == "2026-02-28" and rows[3][10] == "已逾期"


@pytest.mark.slow
def test_a_month_of_the_xian_plan_prints_on_two_landscape_pages(db, tmp_path):
    month = seed_xian_month(db)
    assert (month.assignments, month.progress) == (37, 91)
    out = export_ledger(db, plan_id=month.plan_id, path=tmp_path / "ledger.xlsx", as_of=AS_OF)
    soffice(tmp_path, "pdf", out)
    pdf = PdfReader(tmp_path / "out" / "ledger.pdf")
    assert len(pdf.pages) == 2
    box = pdf.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    second = pdf.pages[1].extract_text()
    assert "序号" in second and "下步计划" in second  # the header row repeats
    assert "第 2 页 共 2 页" in second
