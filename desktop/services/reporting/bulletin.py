"""督查通报: drafted from the month's model — 总体情况 with the change since last month, indicators behind,
lagging key tasks, problems, the office's requirements — numbered 第N期 per year."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sqlalchemy import select

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


def _returns(db: Database, ids: list[int], month: str) -> int:
    first, last = month_bounds(month)
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
        "returned": _returns(db, [a.id for a in lines], data.month),
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
    behind = [i for i in data.indicators if i.behind]
    for i, ind in enumerate(behind, start=1):
        b.indicators.append(
            f"{i}．{ind.name}：目标{ind.target_text}，最新值{ind.latest_value:g}，完成目标的"
            f"{ind.percent_of_target:.1f}%，低于序时进度{ind.expected_percent:.0f}%。"
        )
    facts["indicators_behind"] = len(behind)
    late = sorted(data.overdue_lines(), key=lambda ta: (-ta[1].days_late(data.as_of), ta[1].id))[:LAGGING]
    for i, (t, a) in enumerate(late, start=1):
        b.lagging.append(
            f"{i}．{t.path_label}{t.title}（{a.unit}），截止日期{cn_date(a.deadline)}，已逾期{a.days_late(data.as_of)}天。"
        )
    counts = Counter({u.unit: u.overdue for u in data.units if u.overdue})
    if counts:
        worst = "、".join(f"{unit}{n}条" for unit, n in counts.most_common(3))
        b.problems.append(f"逾期任务较多的单位：{worst}。")
    missing = sorted({a.unit for a in lines if a.missing_report})
    b.problems.append(
        f"本月应报未报送的分工{f['not_reported']}条" + (f"，涉及{'、'.join(missing)}。" if missing else "。")
    )
    b.problems.append(f"本月审核退回{f['returned']}次，经批准延期的分工{f['extended']}条。")
    return b
