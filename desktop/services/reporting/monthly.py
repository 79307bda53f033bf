"""The monthly report as one use case: gather the reconciled data, then render it as PDF or Word."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from ...reports.monthly import render_monthly
from ...reports.pdf_common import IsCancelled, Progress
from ...reports.report_model import MonthlyReportData
from ...reports.word import write_monthly_docx
from ...storage import Database
from ..core.gc_pause import collector_paused
from .report_data import gather_monthly


@dataclass(frozen=True)
class WrittenReport:
    """Where the report went and the figures it carries (for a status line)."""

    path: Path
    data: MonthlyReportData

    @property
    def summary_text(self) -> str:
        sm = self.data.summary
        return f"任务 {sm.tasks} 项，逾期 {sm.overdue} 项，本月完成 {sm.completed_this_month} 项"


def write_monthly_report(
    db: Database,
    *,
    plan_id: int | None,
    month: str,
    path: str | os.PathLike[str],
    unit: str | None = None,
    brief: bool = False,
    include_done: bool = True,
    as_of: dt.date | None = None,
    office: str = "",
    live: bool = False,
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> WrittenReport:
    """Write the monthly report for (plan, month, unit) to ``path``; a name ending in .docx gives Word, else PDF."""
    with collector_paused():  # the report's many small objects would set off collections again and again
        data = gather_monthly(
            db,
            plan_id=plan_id,
            month=month,
            unit=unit,
            brief=brief,
            include_done=include_done,
            as_of=as_of,
            office=office,
            live=live,
        )
        if str(path).lower().endswith(".docx"):  # the extension chooses Word or PDF
            out = write_monthly_docx(data, path)
        else:
            out = render_monthly(data, path, progress=progress, is_cancelled=is_cancelled)
    return WrittenReport(path=out, data=data)
