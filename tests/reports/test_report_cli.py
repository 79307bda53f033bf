"""plandesk report monthly / report notices / export ledger from the command line."""

from __future__ import annotations

import re

from openpyxl import load_workbook
from pypdf import PdfReader
from report_fixtures import MONTH, seed_xian
from sqlalchemy import func, select

from desktop.cli import main
from desktop.models import Reminder


def pdf_text(path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(path).pages))


def test_report_commands_write_the_files(db, db_url, tmp_path, capsys):
    seed = seed_xian(db)
    pid = str(seed.plan_id)
    monthly = tmp_path / "m.pdf"
    assert (
        main(
            [
                "--db",
                db_url,
                "report",
                "monthly",
                "--plan",
                pid,
                "--month",
                MONTH,
                "-o",
                str(monthly),
                "--brief",
                "--exclude-done",
            ]
        )
        == 0
    )
    assert "领导简报" in pdf_text(monthly) and "逾期 3 项" in capsys.readouterr().err
    assert (
        main(
            [
                "--db",
                db_url,
                "--operator",
                "王科长",
                "report",
                "notices",
                "--plan",
                pid,
                "--as-of",
                "2026-03-31",
                "-o",
                str(tmp_path / "per"),
                "--per-unit",
                "--within",
                "0",
            ]
        )
        == 0
    )
    printed = capsys.readouterr().out
    assert "督办〔2026〕1号" in printed and len(list((tmp_path / "per").glob("*.pdf"))) == 2
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Reminder).where(Reminder.sent_by == "王科长")) == 5
    ledger = tmp_path / "l.xlsx"
    assert main(["--db", db_url, "export", "ledger", "--plan", pid, "-o", str(ledger)]) == 0
    # 15 assignments, each a row after the title rows and the header; 未分工 tasks follow them
    assert (
        sum(
            1 for r in load_workbook(ledger).active.iter_rows(min_row=4, values_only=True) if r[9] != "未分工"
        )
        == 15
    )


def test_bad_month_is_refused_with_a_chinese_message(db, db_url, tmp_path, capsys):
    seed_xian(db)
    assert (
        main(["--db", db_url, "report", "monthly", "--month", "2026-13", "-o", str(tmp_path / "x.pdf")]) == 1
    )
    assert "报告期“2026-13”无效" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
