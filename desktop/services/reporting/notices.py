"""Reminder notices: previewed first, then issued — numbered, rendered and recorded as 催办 in one transaction."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import PlanDeskError
from ...models import Assignment, Plan, PlanNode, Reminder, Unit
from ...reports.notices import NoticeSettings, RenderedNotice, doc_number, render_notices
from ...reports.pdf_common import IsCancelled, Progress
from ...reports.report_model import NoticeItem, UnitNotice
from ...storage import Database
from ..core.settings import get_setting
from ..supervision.warnings import reporting_status
from .report_data import _plan_ids, gather_notices, path_labels

SETTING = "notices"  # {"prefix": "督办", "contact_person": …, "contact_phone": …, "cc": …, "printer": …}


def notice_settings(db: Database) -> NoticeSettings:
    """The office's notice settings (Setting ``notices``): 机关代字, contact, 抄送, 印发机关."""
    stored = get_setting(db, SETTING, {}) or {}
    if not isinstance(stored, dict):
        raise PlanDeskError('设置 notices 应为键值表，例如 {"prefix": "督办"}。', field=SETTING)
    known = {
        k: str(v) for k, v in stored.items() if k in NoticeSettings.__dataclass_fields__ and v is not None
    }
    settings = NoticeSettings(**known)
    if not settings.prefix.strip():
        raise PlanDeskError("设置 notices 中的机关代字（prefix）不能为空。", field=SETTING)
    return settings


def _next_number(s: Session, year: int, prefix: str) -> int:
    pattern = re.compile(re.escape(f"{prefix}〔{year}〕") + r"(\d+)号")
    numbers = [
        int(m.group(1))
        for d in s.scalars(select(Reminder.doc_number).where(Reminder.channel == "notice"))
        if (m := pattern.fullmatch(d or ""))
    ]
    return max(numbers, default=0) + 1


def _issued_today(s: Session, notice: UnitNotice, day: dt.date, prefix: str) -> str | None:
    """The number of a notice already issued on ``day`` for exactly these assignments, if there is one."""
    ids = sorted(i.assignment_id for i in notice.items)
    same_day = (
        Reminder.channel == "notice",
        # A range on the stored (naive UTC) timestamp: the same SQL on SQLite and PostgreSQL.
        Reminder.sent_at >= dt.datetime.combine(day, dt.time()),
        Reminder.sent_at < dt.datetime.combine(day + dt.timedelta(days=1), dt.time()),
        Reminder.doc_number.like(f"{prefix}〔%"),
    )
    candidates = set(s.scalars(select(Reminder.doc_number).where(*same_day, Reminder.assignment_id.in_(ids))))
    for number in sorted(candidates):
        listed = sorted(
            set(s.scalars(select(Reminder.assignment_id).where(*same_day, Reminder.doc_number == number)))
        )
        if listed == ids:
            return number
    return None


def preview_notices(
    db: Database,
    *,
    notices: list[UnitNotice],
    path: str | os.PathLike[str],
    one_file: bool = True,
    office: str = "",
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> list[RenderedNotice]:
    """The notices as they would be issued, marked 预览稿: nothing is numbered or recorded."""
    settings = notice_settings(db)
    year = notices[0].as_of.year if notices else dt.date.today().year
    with db.read() as s:
        start = _next_number(s, year, settings.prefix)
    return render_notices(
        notices,
        path,
        one_file=one_file,
        doc_number_start=start,
        year=year,
        office=office,
        settings=settings,
        preview=True,
        progress=progress,
        is_cancelled=is_cancelled,
    )


def issue_prepared(
    db: Database,
    *,
    notices: list[UnitNotice],
    path: str | os.PathLike[str],
    one_file: bool = True,
    office: str = "",
    doc_number_start: int | None = None,
    prefix: str | None = None,
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> list[RenderedNotice]:
    """Number, render and record notices in one transaction: one Reminder row per assignment listed.

    Printing the same notice again on the same day (same unit, same tasks) keeps its number and records nothing.
    """
    if not notices:
        raise PlanDeskError("没有需要催办的单位：所选范围内没有逾期或即将到期的任务。", field="as_of")
    settings = notice_settings(db)
    prefix = prefix or settings.prefix
    year = notices[0].as_of.year
    today = dt.datetime.now(dt.UTC).date()  # Reminder.sent_at is stored in UTC
    written: list[Path] = []
    try:
        with db.write(cause="印发催办通知") as s:
            # Numbered under the write lock, so two offices issuing at once never share a number.
            following = doc_number_start or _next_number(s, year, prefix)
            numbers: list[str] = []
            fresh: list[bool] = []
            for n in notices:
                again = None if doc_number_start else _issued_today(s, n, today, prefix)
                fresh.append(again is None)
                if again is None:
                    again = doc_number(prefix, year, following)
                    following += 1
                numbers.append(again)
            rendered = render_notices(
                notices,
                path,
                one_file=one_file,
                year=year,
                office=office,
                numbers=numbers,
                settings=settings,
                progress=progress,
                is_cancelled=is_cancelled,
                written=written,
            )
            for r, new in zip(rendered, fresh, strict=True):
                if not new:
                    continue
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


def issue_notices(
    db: Database,
    *,
    plan_id: int,
    as_of: dt.date,
    path: str | os.PathLike[str],
    one_file: bool = True,
    due_within_days: int | None = None,
    units: list[str] | None = None,
    report_by: dt.date | None = None,
    office: str = "",
    doc_number_start: int | None = None,
    prefix: str | None = None,
    preview: bool = False,
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> list[RenderedNotice]:
    """催办: gather the overdue and due-soon work per unit, then preview it or issue it."""
    notices = gather_notices(
        db,
        plan_id=plan_id,
        as_of=as_of,
        due_within_days=due_within_days,
        units=units,
        report_by=report_by,
        office=office,
    )
    if preview:
        if not notices:
            raise PlanDeskError("没有需要催办的单位：所选范围内没有逾期或即将到期的任务。", field="as_of")
        return preview_notices(
            db,
            notices=notices,
            path=path,
            one_file=one_file,
            office=office,
            progress=progress,
            is_cancelled=is_cancelled,
        )
    return issue_prepared(
        db,
        notices=notices,
        path=path,
        one_file=one_file,
        office=office,
        doc_number_start=doc_number_start,
        prefix=prefix,
        progress=progress,
        is_cancelled=is_cancelled,
    )


def gather_missing_report_notices(
    db: Database, *, plan_id: int, period: str, as_of: dt.date | None = None, report_by: dt.date | None = None
) -> list[UnitNotice]:
    """催报: one notice per unit that owes reports for ``period``, listing the tasks it has not reported on."""
    as_of = as_of or dt.date.today()
    report_by = report_by or as_of + dt.timedelta(days=3)
    missing = {
        aid: u.unit
        for u in reporting_status(db, plan_id=plan_id, period=period)
        for aid in u.missing_assignment_ids
    }
    if not missing:
        raise PlanDeskError(f"{period} 各单位均已报送，无需催报。", field="period")
    with db.read() as s:
        plan_ids, title = _plan_ids(s, plan_id)
        paths, order = path_labels(s, plan_ids)
        rank = {node_id: i for i, node_id in enumerate(order)}
        office = s.scalar(select(Plan.issuer).where(Plan.id == plan_id)) or ""
        rows = s.execute(
            select(
                Assignment.id,
                Assignment.node_id,
                Assignment.role,
                Assignment.deadline,
                Assignment.percent,
                PlanNode.title,
                Unit.name,
            )
            .join(PlanNode, PlanNode.id == Assignment.node_id)
            .join(Unit, Unit.id == Assignment.unit_id)
            .where(Assignment.id.in_(list(missing)))
        ).all()
    notices: dict[str, UnitNotice] = {}
    for aid, node_id, role, deadline, percent, node_title, unit in sorted(
        rows, key=lambda r: (rank.get(r[1], 1 << 30), r[0])
    ):
        notice = notices.setdefault(
            unit, UnitNotice(unit, plan_id, title, office, as_of, report_by, kind="missing", period=period)
        )
        days = (deadline - as_of).days if deadline else 0
        notice.items.append(
            NoticeItem(
                aid,
                paths.get(node_id, "").replace("/", ""),
                node_title,
                role,
                deadline or as_of,
                days < 0,
                abs(days),
                percent,
            )
        )
    return sorted(notices.values(), key=lambda n: (-len(n.items), n.unit))


def issue_missing_report_notices(
    db: Database,
    *,
    plan_id: int,
    period: str,
    path: str | os.PathLike[str],
    as_of: dt.date | None = None,
    preview: bool = False,
    progress: Any = None,
    is_cancelled: Any = None,
) -> list[RenderedNotice]:
    """催报: the units that have not reported for ``period`` get a notice naming that month; issuing records it."""
    notices = gather_missing_report_notices(db, plan_id=plan_id, period=period, as_of=as_of)
    if preview:
        return preview_notices(db, notices=notices, path=path, progress=progress, is_cancelled=is_cancelled)
    return issue_prepared(db, notices=notices, path=path, progress=progress, is_cancelled=is_cancelled)
