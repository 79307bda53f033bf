"""Reminder notices: previewed first, then issued — numbered, rendered and recorded as 催办 in one transaction.

A notice is issued on the program's today (``clock.today()``): that day is its 成文日期 and the year of its
文号, while the day the statistics were taken (``as_of``) is stated in its body. 催办 and 催报 notices of one
机关代字 and year share one number series.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ... import clock
from ...errors import PlanDeskError
from ...models import Assignment, AuditEntry, Plan, PlanNode, Reminder, Unit
from ...reports.notices import NoticeSettings, RenderedNotice, doc_number, render_notices
from ...reports.pdf_common import IsCancelled, Progress, cn_date
from ...reports.report_model import NoticeItem, UnitNotice
from ...storage import Database
from ..core.settings import get_setting, set_setting
from ..core.validation import check_text
from ..core.workdays import work_calendar
from ..supervision.warnings import reporting_status
from .report_data import gather_notices, path_labels, plan_scope

SETTING = "notices"  # {"prefix": "督办", "contact_person": …, "contact_phone": …, "cc": …, "printer": …}
REPLY_WORKDAYS = 5  # the default reply-by day: this many 法定工作日 after the day of issue
# The write's cause, which the audit trail keeps with each Reminder row: it tells a 催报's records from a
# 催办's, so that printing one kind again the same day never takes the other's number.
CAUSES = {"reminder": "印发催办通知", "missing": "印发催报通知"}
NUMBERING_LOCK = 0x504C_4E4F  # PostgreSQL advisory lock key: one issuer at a time takes notice numbers


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


# What each setting is called, for messages and the window, and how long it may be.
NOTICE_FIELDS = {
    "office": ("发文机关", 40),
    "prefix": ("机关代字", 10),
    "contact_person": ("联系人", 20),
    "contact_phone": ("联系电话", 30),
    "cc": ("抄送", 300),
    "printer": ("印发机关", 40),
}


def set_notice_settings(db: Database, **values: str) -> NoticeSettings:
    """Store the office's notice settings (首选项 → 本单位公文, ``plandesk office set``): every field checked and
    saved together. Fields not given keep their value."""
    current = notice_settings(db)
    merged = {k: getattr(current, k) for k in NOTICE_FIELDS}
    for key, value in values.items():
        if key not in NOTICE_FIELDS:
            raise PlanDeskError(f"未知的公文设置“{key}”。", field=key)
        label, limit = NOTICE_FIELDS[key]
        merged[key] = check_text(value, field=key, label=label, max_len=limit).strip()
    if not merged["prefix"]:
        raise PlanDeskError("机关代字不能为空（例如“督办”），通知的文号由它编成。", field="prefix")
    if re.search(r"[\s〔〕\[\]【】()（）]", merged["prefix"]):
        raise PlanDeskError("机关代字不能含空格或括号：文号写作“机关代字〔年份〕序号号”。", field="prefix")
    set_setting(db, SETTING, merged)
    return NoticeSettings(**merged)


def reply_by(db: Database, report_by: dt.date | None, issued_on: dt.date) -> dt.date:
    """The day a unit is asked to reply by: ``report_by`` if given, else ``REPLY_WORKDAYS`` working days after
    the day of issue. A day on or before the day of issue would be due before the unit has read the notice."""
    default = work_calendar(db).add_workdays(issued_on, REPLY_WORKDAYS)
    if report_by is None:
        return default
    _check_reply_by(report_by, issued_on, default)
    return report_by


def _check_reply_by(report_by: dt.date, issued_on: dt.date, default: dt.date | None = None) -> None:
    if report_by > issued_on:
        return
    fallback = f"，即{cn_date(default)}" if default else ""
    raise PlanDeskError(
        f"报送日期{cn_date(report_by)}不晚于印发日期{cn_date(issued_on)}，单位收到通知时即已到期。"
        f"请把报送日期改为印发日期之后，或不填（默认为印发后{REPLY_WORKDAYS}个工作日{fallback}）。",
        field="report_by",
    )


def _lock_numbering(s: Session) -> None:
    """Queue issuers before the numbers are read. On SQLite the write transaction (BEGIN IMMEDIATE) already
    admits one writer at a time; on PostgreSQL two transactions could both read the same last number, so they
    wait for one transaction-scoped lock (released at commit or rollback)."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": NUMBERING_LOCK})


def _numbers_taken(s: Session, year: int, prefix: str) -> set[int]:
    """The numbers of ``prefix``〔``year``〕 already given: by notices of either kind, or typed into a reminder
    recorded by hand, whatever its channel."""
    series = f"{prefix}〔{year}〕"
    pattern = re.compile(re.escape(series) + r"(\d+)号")
    return {
        int(m.group(1))
        for d in s.scalars(
            select(Reminder.doc_number).where(Reminder.doc_number.startswith(series, autoescape=True))
        )
        if (m := pattern.fullmatch(d or ""))
    }


def _next_number(s: Session, year: int, prefix: str) -> int:
    return max(_numbers_taken(s, year, prefix), default=0) + 1


def _issued_today(s: Session, notice: UnitNotice, day: dt.date, prefix: str) -> str | None:
    """The number of a notice of the same kind already issued on ``day`` for exactly these assignments."""
    ids = sorted(i.assignment_id for i in notice.items)
    same_day = (
        Reminder.channel == "notice",
        # The office's day as a range on the stored (naive UTC) timestamp: the same SQL on SQLite and PostgreSQL.
        Reminder.sent_at >= clock.end_of_day_utc(day - dt.timedelta(days=1)),
        Reminder.sent_at < clock.end_of_day_utc(day),
        Reminder.doc_number.like(f"{prefix}〔%"),
    )
    same_kind = select(AuditEntry.row_id).where(
        AuditEntry.table_name == Reminder.__tablename__,
        AuditEntry.action == "insert",
        AuditEntry.cause == CAUSES[notice.kind],
    )
    candidates = set(
        s.scalars(
            select(Reminder.doc_number).where(
                *same_day, Reminder.assignment_id.in_(ids), Reminder.id.in_(same_kind)
            )
        )
    )
    for number in sorted(candidates):
        listed = sorted(
            set(s.scalars(select(Reminder.assignment_id).where(*same_day, Reminder.doc_number == number)))
        )
        if listed == ids:
            return number
    return None


def _given_numbers(s: Session, year: int, prefix: str, start: int, count: int) -> list[str]:
    """The numbers from an explicit first number on: refused if any of them was given before."""
    if start < 1:
        raise PlanDeskError(f"起始文号应为正整数，不能是{start}。", field="doc_number_start")
    taken = _numbers_taken(s, year, prefix)
    clash = sorted(n for n in range(start, start + count) if n in taken)
    if clash:
        raise PlanDeskError(
            f"文号{doc_number(prefix, year, clash[0])}已经印发过，同一文号不能再用。"
            f"请把起始文号改为{max(taken) + 1}或更大，或不指定起始文号（接续本年已发文号）。",
            field="doc_number_start",
        )
    return [doc_number(prefix, year, start + i) for i in range(count)]


def preview_notices(
    db: Database,
    *,
    notices: list[UnitNotice],
    path: str | os.PathLike[str],
    one_file: bool = True,
    office: str = "",
    prefix: str | None = None,
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> list[RenderedNotice]:
    """The notices as they would be issued today, marked 预览稿: nothing is numbered or recorded, and the
    文号 shows as not yet given."""
    office = office or notice_settings(db).office  # the office's own name, set once (首选项)
    settings = notice_settings(db)
    issued_on = clock.today()
    for n in notices:
        _check_reply_by(n.report_by, issued_on)
    return render_notices(
        notices,
        path,
        one_file=one_file,
        year=issued_on.year,
        office=office,
        prefix=prefix or settings.prefix,
        settings=settings,
        preview=True,
        issued_on=issued_on,
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

    The notices are issued today: dated today and numbered in this year's series, which 催办 and 催报 share.
    Printing the same notice again on the same day (same kind, same unit, same tasks) keeps its number and
    records nothing; any other notice takes the next number, and an explicit ``doc_number_start`` must not
    give a number again.
    """
    office = office or notice_settings(db).office  # the office's own name, set once (首选项)
    if not notices:
        raise PlanDeskError("没有需要催办的单位：所选范围内没有逾期或即将到期的任务。", field="as_of")
    settings = notice_settings(db)
    prefix = prefix or settings.prefix
    issued_on = clock.today()
    year = issued_on.year
    for n in notices:
        _check_reply_by(n.report_by, issued_on)
    written: list[Path] = []
    try:
        with db.write(cause=CAUSES[notices[0].kind]) as s:
            # Numbered under the write lock, so two offices issuing at once never share a number.
            _lock_numbering(s)
            if doc_number_start:
                numbers = _given_numbers(s, year, prefix, doc_number_start, len(notices))
                fresh = [True] * len(notices)
            else:
                following = _next_number(s, year, prefix)
                numbers, fresh = [], []
                for n in notices:
                    again = _issued_today(s, n, issued_on, prefix)
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
                issued_on=issued_on,
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
    """催办: gather the overdue and due-soon work per unit as of ``as_of`` (the statistics cut-off), then
    preview it or issue it today; the units reply by ``report_by`` (default: some working days from today)."""
    office = office or notice_settings(db).office  # the office's own name, set once (首选项)
    notices = gather_notices(
        db,
        plan_id=plan_id,
        as_of=as_of,
        due_within_days=due_within_days,
        units=units,
        report_by=reply_by(db, report_by, clock.today()),
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
            prefix=prefix,
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
    """催报: one notice per unit that owes reports for ``period``, listing the tasks it has not reported on as of
    ``as_of`` (default: today); the units reply by ``report_by`` (default: some working days from today)."""
    today = clock.today()
    as_of = as_of or today
    report_by = reply_by(db, report_by, today)
    missing = {
        aid: u.unit
        for u in reporting_status(db, plan_id=plan_id, period=period)
        for aid in u.missing_assignment_ids
    }
    if not missing:
        raise PlanDeskError(f"{period} 各单位均已报送，无需催报。", field="period")
    with db.read() as s:
        plan_ids, title = plan_scope(s, plan_id)
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
    report_by: dt.date | None = None,
    preview: bool = False,
    progress: Any = None,
    is_cancelled: Any = None,
) -> list[RenderedNotice]:
    """催报: the units that have not reported for ``period`` get a notice naming that month; issuing records it."""
    notices = gather_missing_report_notices(
        db, plan_id=plan_id, period=period, as_of=as_of, report_by=report_by
    )
    if preview:
        return preview_notices(db, notices=notices, path=path, progress=progress, is_cancelled=is_cancelled)
    return issue_prepared(db, notices=notices, path=path, progress=progress, is_cancelled=is_cancelled)
