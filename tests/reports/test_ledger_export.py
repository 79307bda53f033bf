"""The Excel ledger: one row per assignment, real dates and numbers, frozen header and filter."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess

import pytest
from openpyxl import load_workbook
from report_fixtures import AS_OF, MARKET, SCIENCE, seed_xian

from desktop.errors import Cancelled
from desktop.reports.ledger import COLUMNS
from desktop.services.ledger import export_ledger


def read(path):
    ws = load_workbook(path).active
    return ws, list(ws.iter_rows(values_only=True))


def test_ledger_rows_and_cell_types(db, tmp_path):
    seed = seed_xian(db)
    out = export_ledger(db, plan_id=seed.plan_id, path=tmp_path / "台账.xlsx", as_of=AS_OF)
    ws, rows = read(out)
    assert list(rows[0]) == [name for name, _ in COLUMNS]
    assert len(rows) == 1 + 10 + 5  # ten lead assignments and five co-operating ones
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:M16"
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["编号路径"] == "二、/（一）/1." and first["责任单位"] == MARKET
    assert first["截止日期"] == dt.datetime(2026, 2, 28) and first["开始日期"] == dt.datetime(2026, 1, 1)
    assert ws["J2"].number_format == "yyyy-mm-dd" and ws["J2"].is_date
    assert first["状态"] == "已逾期" and isinstance(first["完成百分比"], int)
    assert first["最新进展"].startswith("［2026-03］已召开专题推进会")
    assert SCIENCE in first["配合单位"] and first["联系人"] == "张伟"
    done = [r for r in rows[1:] if r[5] == MARKET and r[10] == "已完成"]
    assert len(done) == 2 and all(r[11] == 100 for r in done)


def test_ledger_of_all_plans_and_cancel(db, tmp_path):
    seed_xian(db)
    _, rows = read(export_ledger(db, plan_id=None, path=tmp_path / "all.xlsx"))
    assert len(rows) == 16
    target = tmp_path / "stopped.xlsx"
    with pytest.raises(Cancelled):
        export_ledger(db, plan_id=None, path=target, is_cancelled=lambda: True)
    assert not target.exists() and not list(tmp_path.glob("stopped.xlsx.*"))


@pytest.mark.slow
def test_ledger_opens_in_libreoffice(db, tmp_path):
    assert shutil.which("soffice"), "LibreOffice (soffice) is required: apt install libreoffice-calc-nogui"
    seed_xian(db)
    out = export_ledger(db, plan_id=None, path=tmp_path / "ledger.xlsx", as_of=AS_OF)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path / "csv"),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with open(tmp_path / "csv" / "ledger.csv", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:3] == ["方案", "编号路径", "任务"] and len(rows) == 16
    assert rows[1][9] == "2026-02-28" and rows[1][10] == "已逾期"
