"""督查通报: drafted from the month's model — 总体情况 with the change since last month, indicators behind,
lagging key tasks, problems, the office's requirements — numbered 第N期 per year."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ... import rulebook
from ...errors import PlanDeskError
from ...models import Plan, WorkflowStep
from ...reports.bulletin_model import Bulletin
from ...reports.pdf_common import cn_date, cn_month
from ...reports.report_model import MonthlyReportData
from ...storage import Database
from ..core.gc_pause import collector_paused
from ..core.settings import get_setting, set_setting
from .report_data import gather_monthly, month_bounds

SETTING = "bulletin"  # {"masthead": "督查通报", "issuer": "…"}
ISSUES = "bulletin.issues"  # {"2026": {"<plan id>:2026-03": 1, …}}
REQUIREMENTS = "bulletin.requirements"  # {"<plan id>": "…"}
MASTHEADS = ("督查通报", "工作进展通报")
DEFAULT_REQUIREMENTS = (
    "各责任单位要对照任务分工，倒排工期、挂图作战，逾期任务须在下月底前办结或书面说明原因并提出延期申请；"
    "按时报送每月工作进展，确保数据真实准确。"
)
LAGGING = 10  # key tasks listed in 三


def previous_month(month: str) -> str:
    first = month_bounds(month)[0] - dt.timedelta(days=1)
    return f"{first:%Y-%m}"


def requirements(db: Database, plan_id: int) -> str:
    stored = get_setting(db, REQUIREMENTS, {}) or {}
    return str(stored.get(str(plan_id), DEFAULT_REQUIREMENTS))


def set_requirements(db: Database, *, plan_id: int, text: str) -> None:
    """五、下一步工作要求: the office's text, remembered for the plan's next bulletins."""
    text = text.strip()
    if not text:
        raise PlanDeskError("下一步工作要求不能为空。", field="requirements")
    stored = dict(get_setting(db, REQUIREMENTS, {}) or {})
    stored[str(plan_id)] = text
    set_setting(db, REQUIREMENTS, stored)


def _issue_number(db: Database, plan_id: int, month: str, year: int, take: bool) -> int:
    """第N期: the month's number if it was issued, else the year's next (taken only when ``take``)."""
    issues = dict(get_setting(db, ISSUES, {}) or {})
    of_year = dict(issues.get(str(year), {}))
    key = f"{plan_id}:{month}"
    if key in of_year:
        return int(of_year[key])
    number = max((int(v) for v in of_year.values()), default=0) + 1
    if take:
        of_year[key] = number
        issues[str(year)] = of_year
        set_setting(db, ISSUES, issues)
    return number


def _change(now: MonthlyReportData, before: MonthlyReportData) -> tuple[int, int]:
    """(新增办结, 新增逾期): tasks done now and not before; assignments overdue now and not before."""
    done_before = {t.node_id for t in before.tasks if t.status == "done"}
    late_before = {a.id for _, a in before.overdue_lines()}
    newly_done = sum(1 for t in now.tasks if t.status == "done" and t.node_id not in done_before)
    newly_late = sum(1 for _, a in now.overdue_lines() if a.id not in late_before)
    return newly_done, newly_late


def _returns(db: Database, ids: list[int], month: str, as_of: dt.date) -> int:
    """退回 in the month up to the as-of day (a return recorded later is not known on it)."""
    first, last = month_bounds(month)
    last = min(last, as_of)
    if not ids:
        return 0
    with db.read() as s:
        rows = s.scalars(
            select(WorkflowStep.at).where(WorkflowStep.assignment_id.in_(ids), WorkflowStep.step == "return")
        )
        return sum(1 for at in rows if first <= at.date() <= last)


def draft_bulletin(
    db: Database, *, plan_id: int, month: str, as_of: dt.date | None = None, issue: bool = False
) -> Bulletin:
    """The bulletin for one plan and month; ``issue`` takes its 第N期 number (a reprint keeps it)."""
    with collector_paused():  # two months' report data: many small objects, collected once at the end
        return _draft(db, plan_id=plan_id, month=month, as_of=as_of, issue=issue)


def _draft(db: Database, *, plan_id: int, month: str, as_of: dt.date | None, issue: bool) -> Bulletin:
    data = gather_monthly(db, plan_id=plan_id, month=month, as_of=as_of, live=True)
    before = gather_monthly(db, plan_id=plan_id, month=previous_month(month))
    settings: dict[str, Any] = get_setting(db, SETTING, {}) or {}
    masthead = str(settings.get("masthead", MASTHEADS[0]))
    if masthead not in MASTHEADS:
        raise PlanDeskError(f"通报名称应为“{'”或“'.join(MASTHEADS)}”，现为“{masthead}”。", field=SETTING)
    with db.read() as s:
        office = s.scalar(select(Plan.issuer).where(Plan.id == plan_id)) or ""
    issuer = str(settings.get("issuer") or office)
    issued_on = data.issued_on
    number = _issue_number(db, plan_id, data.month, issued_on.year, issue)
    sm = data.summary
    newly_done, newly_late = _change(data, before)
    lines = [a for t in data.tasks for a in t.assignments]
    facts: dict[str, int | float] = {
        "tasks": sm.tasks,
        "assignments": sm.assignments,
        "done": sm.by_status.get("done", 0),
        "in_progress": sm.by_status.get("in_progress", 0),
        "overdue": sm.overdue,
        "overdue_assignments": sm.overdue_assignments,
        "unassigned": sm.unassigned,
        "share_on_track": sm.share_on_track,
        "newly_done": newly_done,
        "newly_late": newly_late,
        "not_reported": sm.not_reported,
        "returned": _returns(db, [a.id for a in lines], data.month, data.as_of),
        "extended": sum(1 for a in lines if a.extended),
    }
    b = Bulletin(
        masthead,
        number,
        issued_on.year,
        issuer,
        issued_on,
        f"关于{data.plan_title}{cn_month(data.month)}推进情况的通报",
        data,
        requirements=requirements(db, plan_id),
        facts=facts,
    )
    f = facts
    b.overall = (
        f"截至{cn_date(data.as_of)}，纳入督办的任务共{f['tasks']}项（分工{f['assignments']}条），"
        f"已完成{f['done']}项，正在推进{f['in_progress']}项，已逾期{f['overdue']}项"
        f"（逾期分工{f['overdue_assignments']}条），尚未分工{f['unassigned']}项，按期推进率{f['share_on_track']:.1f}%。"
        f"与上月相比，新增办结{f['newly_done']}项，新增逾期{f['newly_late']}条。"
    )
    states = [rulebook.indicator_state(i.percent_of_target, i.expected_percent) for i in data.indicators]
    behind = [i for i, state in zip(data.indicators, states, strict=True) if state == "behind"]
    unreported = [i for i, state in zip(data.indicators, states, strict=True) if state == "unreported"]
    for i, ind in enumerate(behind, start=1):
        assert ind.latest_value is not None and ind.percent_of_target is not None  # behind needs a value
        b.indicators.append(
            f"{i}．{ind.name}：目标{ind.target_text}，最新值{ind.latest_value:g}，完成目标的"
            f"{ind.percent_of_target:.1f}%，低于序时进度{ind.expected_percent:.0f}%。"
        )
    # “均达到序时进度” only of indicators that have a value: the rest are said to be unreported, never on track.
    if not data.indicators:
        b.indicators.append("本方案未列主要指标。")
    elif unreported:
        names = "、".join(i.name for i in unreported[:5]) + ("等" if len(unreported) > 5 else "")
        reported = len(data.indicators) - len(unreported)
        b.indicators.append(
            f"{len(data.indicators)}项主要指标中，{len(unreported)}项截至{cn_date(data.as_of)}尚未填报数值"
            f"（{names}），无法判断进度；"
            + (
                f"已填报的{reported}项中{len(behind)}项低于序时进度。"
                if reported
                else "请各责任单位尽快报送指标数据。"
            )
        )
    facts["indicators_behind"] = len(behind)
    facts["indicators_unreported"] = len(unreported)
    late = sorted(data.overdue_lines(), key=lambda ta: (-ta[1].days_late(data.as_of), ta[1].id))[:LAGGING]
    for i, (t, a) in enumerate(late, start=1):
        b.lagging.append(
            f"{i}．{t.path_label}{t.title}（{a.unit}），截止日期{cn_date(a.deadline)}，已逾期{a.days_late(data.as_of)}天。"
        )
    most = rulebook.most(((u.unit, u.overdue) for u in data.units), 3)
    if most:
        # Every unit tied with the third is named: equal figures are never picked among at random.
        b.problems.append("逾期任务较多的单位：" + "、".join(f"{unit}{n}条" for unit, n in most) + "。")
    missing = sorted({a.unit for a in lines if a.missing_report})
    b.problems.append(
        f"本月应报未报送的分工{f['not_reported']}条" + (f"，涉及{'、'.join(missing)}。" if missing else "。")
    )
    b.problems.append(f"本月审核退回{f['returned']}次，经批准延期的分工{f['extended']}条。")
    return b


def write_bulletin(
    db: Database,
    *,
    plan_id: int,
    month: str,
    path: str | os.PathLike[str],
    as_of: dt.date | None = None,
    issue: bool = False,
    requirements_text: str | None = None,
) -> tuple[Path, Bulletin]:
    """The 督查通报 written to ``path`` (.docx gives Word, else PDF), for the window and the command line alike.

    ``requirements_text`` is the office's 五、下一步工作要求 as edited before printing: remembered for the plan's
    next bulletins. ``issue`` takes the 第N期 number (a draft takes none, and a reprint keeps its number)."""
    from ...reports.bulletin import render_bulletin
    from ...reports.word import write_bulletin_docx

    if requirements_text is not None and requirements_text.strip() != requirements(db, plan_id):
        set_requirements(db, plan_id=plan_id, text=requirements_text)
    b = draft_bulletin(db, plan_id=plan_id, month=month, as_of=as_of, issue=issue)
    if str(path).lower().endswith(".docx"):
        return write_bulletin_docx(b, path), b
    return render_bulletin(b, path), b
