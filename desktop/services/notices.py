"""Issuing reminder notices (催办单): numbered, rendered and recorded as 催办 in one transaction."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import PlanDeskError
from ..models import Reminder
from ..reports.notices import RenderedNotice, render_notices
from ..reports.pdf_common import IsCancelled, Progress
from ..storage import Database
from .report_data import gather_notices
from .warnings import reporting_status


def _next_number(s: Session, year: int, prefix: str) -> int:
    pattern = re.compile(re.escape(f"{prefix}〔{year}〕") + r"(\d+)号")
    numbers = [
        int(m.group(1))
        for d in s.scalars(select(Reminder.doc_number).where(Reminder.channel == "notice"))
        if (m := pattern.fullmatch(d or ""))
    ]
    return max(numbers, default=0) + 1


def issue_notices(
    db: Database,
    *,
    plan_id: int,
    as_of: dt.date,
    path: str | os.PathLike[str],
    one_file: bool = True,
    due_within_days: int = 7,
    units: list[str] | None = None,
    report_by: dt.date | None = None,
    office: str = "",
    doc_number_start: int | None = None,
    prefix: str = "督办",
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> list[RenderedNotice]:
    """Gather, render and record reminder notices: one Reminder row per assignment listed, in one transaction."""
    notices = gather_notices(
        db,
        plan_id=plan_id,
        as_of=as_of,
        due_within_days=due_within_days,
        units=units,
        report_by=report_by,
        office=office,
    )
    written: list[Path] = []
    try:
        with db.write(cause="印发催办通知") as s:
            # Numbered under the write lock, so two offices issuing at once never share a number.
            start = doc_number_start or _next_number(s, as_of.year, prefix)
            rendered = render_notices(
                notices,
                path,
                one_file=one_file,
                doc_number_start=start,
                year=as_of.year,
                office=office,
                prefix=prefix,
                progress=progress,
                is_cancelled=is_cancelled,
                written=written,
            )
            for r in rendered:
                for assignment_id in r.assignment_ids:
                    s.add(
                        Reminder(
                            assignment_id=assignment_id,
                            channel="notice",
                            doc_number=r.doc_number,
                            file_name=r.path.name,
                            sent_by=db.operator,
                        )
                    )
    except BaseException:
        for file in written:  # nothing was recorded, so no notice file may claim to have been issued
            file.unlink(missing_ok=True)
        raise
    return rendered


def issue_missing_report_notices(
    db: Database,
    *,
    plan_id: int,
    period: str,
    path: str | os.PathLike[str],
    as_of: dt.date | None = None,
    progress: Any = None,
    is_cancelled: Any = None,
) -> list[Any]:
    """催报: print reminder notices to the units that have not reported for ``period``; records the reminders."""
    missing = [
        u.unit for u in reporting_status(db, plan_id=plan_id, period=period) if u.missing_assignment_ids
    ]
    if not missing:
        raise PlanDeskError(f"{period} 各单位均已报送，无需催报。", field="period")
    # Every unfinished task of those units goes on the notice, not just those close to their deadline.
    return list(
        issue_notices(
            db,
            plan_id=plan_id,
            as_of=as_of or dt.date.today(),
            path=path,
            units=missing,
            due_within_days=100 * 365,
            progress=progress,
            is_cancelled=is_cancelled,
        )
    )
