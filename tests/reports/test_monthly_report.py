"""The monthly status report: the right figures, the overdue tasks, page numbers, fonts, reproducible bytes."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from report_fixtures import AS_OF, MARKET, MONTH, SCIENCE, seed_xian

from desktop.errors import Cancelled
from desktop.models import MonthSnapshot
from desktop.reports.monthly import render_monthly
from desktop.services.reporting.report_data import MonthlyReportData, gather_monthly
from desktop.services.supervision.assignments import update_assignment


def pdf_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def flat(pages: list[str]) -> str:
    return re.sub(r"\s+", "", "".join(pages))


def test_summary_counts_follow_deadlines_and_approved_extensions(db):
    seed = seed_xian(db)
    data = gather_monthly(db, plan_id=seed.plan_id, month=MONTH)
    assert data.as_of == AS_OF
    sm = data.summary
    # Ten assigned tasks; the plan's other tasks have units in the document but no assignment: 未分工.
    assert sm.tasks == 10 + sm.unassigned and sm.unassigned == len(data.unassigned_tasks()) > 0
    assert any(t.doc_units for t in data.unassigned_tasks())
    # Tasks 1–3 are late (3 was moved without approval); 7 was extended with approval, so it is on time.
    assert sorted(t.title for t in data.overdue_tasks) == sorted(seed.overdue_titles)
    assert sm.overdue == 3 and sm.on_time == 7 and sm.share_on_track == 70.0
    assert sm.by_status["done"] == 2 and sm.completed_this_month == 2
    assert [t.title for t in data.at_risk_tasks()] == seed.at_risk_titles
    assert seed.extended_title not in [t.title for t in data.overdue_tasks]
    lead = next(u for u in data.units if u.unit == MARKET)
    assert (lead.tasks, lead.done, lead.overdue) == (10, 2, 3)
    # The cooperating bureau is late on tasks 1 and 2 as well, against its own deadlines.
    co = next(u for u in data.units if u.unit == SCIENCE)
    assert (co.tasks, co.co, co.overdue) == (5, 5, 2)
    late = {(t.title, a.unit, a.deadline) for t, a in data.overdue_lines()}
    assert len(late) == sm.overdue_assignments == 5 and sm.overdue_units == 2
    assert sum(u.tasks for u in data.units) == sm.assignments == 15


def test_report_text_shows_month_counts_overdue_tasks_and_page_numbers(db, tmp_path):
    seed = seed_xian(db)
    out = render_monthly(gather_monthly(db, plan_id=seed.plan_id, month=MONTH), tmp_path / "m.pdf")
    pages = pdf_text(out)
    text = flat(pages)
    assert "2026年3月" in text and "月度进展报告" in text
    assert "纳入督办的任务共29项（分工15条）" in text and "已逾期3项" in text and "按期推进率70.0%" in text
    assert "未分工19项" in text and "逾期分工5条，涉及2个单位" in text
    for title in seed.overdue_titles + seed.at_risk_titles:
        assert title in text
    assert "已全部完成" in text  # this month's progress under its task
    assert "二月份开展调研" not in text  # last month's report is not this month's progress
    n = len(pages)
    assert n >= 2
    for i, page in enumerate(pages, start=1):
        assert f"第{i}页共{n}页" in re.sub(r"\s+", "", page)
    assert "主要指标完成情况" in text and "约束性" in text


def test_brief_version_has_summary_and_overdue_only(db, tmp_path):
    seed = seed_xian(db)
    full = render_monthly(gather_monthly(db, plan_id=seed.plan_id, month=MONTH), tmp_path / "full.pdf")
    brief = render_monthly(
        gather_monthly(db, plan_id=seed.plan_id, month=MONTH, brief=True), tmp_path / "b.pdf"
    )
    text = flat(pdf_text(brief))
    assert "总体情况" in text and seed.overdue_titles[0] in text
    assert "本月工作进展" not in text and "主要指标完成情况" not in text
    assert len(PdfReader(brief).pages) < len(PdfReader(full).pages)


def test_one_unit_and_without_done_tasks(db, tmp_path):
    seed = seed_xian(db)
    data = gather_monthly(db, plan_id=seed.plan_id, month=MONTH, unit=SCIENCE, include_done=False)
    # The science bureau co-operates on tasks 1, 2, 4, 5, 6; the document names it on others still 未分工.
    assert data.summary.tasks - data.summary.unassigned == 5 and data.summary.assignments == 5
    assert [u.unit for u in data.units] == [SCIENCE]
    text = flat(pdf_text(render_monthly(data, tmp_path / "u.pdf")))
    assert SCIENCE in text and "已完成的任务未列出" in text
    for title in seed.done_titles:
        assert title not in text.split("本月工作进展")[1]


def test_closed_month_comes_from_snapshot_and_renders_identically(db, tmp_path):
    seed = seed_xian(db)
    live = gather_monthly(db, plan_id=seed.plan_id, month=MONTH, live=True)
    frozen = live.to_dict()
    assert MonthlyReportData.from_dict(frozen).to_dict() == frozen
    with db.write(cause="月度结账") as s:
        s.add(MonthSnapshot(plan_id=seed.plan_id, period=MONTH, data=frozen))
    # Work finished after closing does not change the closed month's report.
    update_assignment(db, assignment_id=seed.tasks["9."], status="done")
    a = render_monthly(gather_monthly(db, plan_id=seed.plan_id, month=MONTH), tmp_path / "a.pdf")
    b = render_monthly(gather_monthly(db, plan_id=seed.plan_id, month=MONTH), tmp_path / "b.pdf")
    assert a.read_bytes() == b.read_bytes()
    text = flat(pdf_text(a))
    assert "其中已完成2项" in text and "本月已结账" in text
    # Counted live again, March still reads as it stood on 31 March: the work was finished later.
    relive = gather_monthly(db, plan_id=seed.plan_id, month=MONTH, live=True)
    assert relive.summary.by_status["done"] == 2
    now = gather_monthly(db, plan_id=seed.plan_id, month=f"{dt.date.today():%Y-%m}", as_of=dt.date.today())
    assert now.summary.by_status["done"] == 3


def test_all_plans_and_empty_month(db, tmp_path):
    seed = seed_xian(db)
    data = gather_monthly(db, plan_id=None, month="2025-01", as_of=dt.date(2025, 1, 31))
    assert data.plan_title == "全部方案" and data.summary.overdue == 0
    # The assignments were made from 1 January 2026: in January 2025 none existed yet.
    assert data.summary.tasks - data.summary.unassigned == 0
    text = flat(pdf_text(render_monthly(data, tmp_path / "all.pdf")))
    assert "本期无逾期任务" in text and "（分工0条）" in text
    assert seed.plan_id


def test_chinese_font_is_embedded_with_unicode_map(db, tmp_path):
    assert shutil.which("pdffonts"), "pdffonts is required: apt install poppler-utils"
    seed = seed_xian(db)
    out = render_monthly(gather_monthly(db, plan_id=seed.plan_id, month=MONTH), tmp_path / "m.pdf")
    lines = subprocess.run(
        ["pdffonts", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert lines
    for line in lines:  # every font used is embedded and maps to Unicode: no fallback Helvetica
        cols = line.split()
        assert cols[-5:-2] == ["yes", "yes", "yes"], line


def test_unit_ranking_section_from_scoring(db, tmp_path):
    seed = seed_xian(db)
    data = gather_monthly(db, plan_id=seed.plan_id, month=MONTH)
    assert {s.unit for s in data.scores} >= {MARKET, SCIENCE}
    text = flat(pdf_text(render_monthly(data, tmp_path / "m.pdf")))
    assert "单位综合评分排名" in text
    assert "单位综合评分排名" not in flat(
        pdf_text(
            render_monthly(
                gather_monthly(db, plan_id=seed.plan_id, month=MONTH, brief=True), tmp_path / "b.pdf"
            )
        )
    )


def test_cancel_while_laying_out_leaves_no_file(db, tmp_path):
    seed = seed_xian(db)
    data = gather_monthly(db, plan_id=seed.plan_id, month=MONTH)
    seen: list[int] = []
    out = tmp_path / "out"
    target = out / "m.pdf"
    with pytest.raises(Cancelled):  # cancelled once layout has started
        render_monthly(
            data, target, progress=lambda pct, msg: seen.append(pct), is_cancelled=lambda: 75 in seen
        )
    assert not target.exists() and not list(out.iterdir())  # no half-written temporary file either
