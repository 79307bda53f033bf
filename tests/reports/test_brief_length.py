"""A leaders' brief stays short however many tasks are late: the longest overdue are listed, the rest counted."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pypdf import PdfReader

from desktop.reports.monthly import render_monthly
from desktop.reports.report_model import AssignmentLine, MonthlyReportData, TaskLine, summarize

AS_OF = dt.date(2026, 3, 31)


def late_task(i: int) -> TaskLine:
    deadline = AS_OF - dt.timedelta(days=1 + i)
    line = AssignmentLine(i, f"第{i % 7}单位", "lead", deadline, "overdue", 10)
    return TaskLine(i, 1, f"{i}.", f"逾期任务{i:03d}", [line])


def test_brief_lists_the_200_longest_overdue_and_counts_the_rest(tmp_path: Path) -> None:
    tasks = [late_task(i) for i in range(250)]
    data = MonthlyReportData(
        None,
        "全省",
        "省督查室",
        "2026-03",
        AS_OF,
        AS_OF,
        brief=True,
        tasks=tasks,
        summary=summarize(tasks, AS_OF),
    )
    text = re.sub(
        r"\s+",
        "",
        "".join(p.extract_text() for p in PdfReader(render_monthly(data, tmp_path / "b.pdf")).pages),
    )
    assert "已逾期250项" in text and "以下列出逾期最久的200条，其余50条见工作台账" in text
    assert "逾期任务249" in text, "the longest overdue is listed"
    assert "逾期任务010" not in text and "逾期任务049" not in text, "the most recent ones are only counted"


def test_a_past_months_report_is_dated_the_day_it_is_issued(db) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.plans.plan_import import import_plan
    from desktop.services.reporting.report_data import gather_monthly

    from factories import small_plan

    plan = import_plan(db, parsed=small_plan(), backup=False)
    data = gather_monthly(db, plan_id=plan.plan_id, month="2025-03")
    assert data.as_of == dt.date(2025, 3, 31) and data.issued_on == dt.date.today()
