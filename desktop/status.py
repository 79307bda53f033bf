"""Status codes, their Chinese names, and the rules that derive a status (已逾期 is never stored)."""

from __future__ import annotations

import datetime as dt

STATUS_NAMES = {
    "not_started": "未开始",
    "in_progress": "进行中",
    "done": "已完成",
    "overdue": "已逾期",
    "suspended": "暂缓",
    "": "未分配",
}
STATUS_CODES = {v: k for k, v in STATUS_NAMES.items() if k}
ROLE_NAMES = {"lead": "牵头", "co": "配合"}
ROLE_CODES = {"lead": "lead", "co": "co", "牵头": "lead", "配合": "co", "cooperating": "co"}
LEVEL_NAMES = {"national": "国家", "province": "省级", "city": "市级", "district": "区县"}
KIND_NAMES = {
    "root": "方案",
    "chapter": "章",
    "section": "节",
    "task": "任务",
    "column": "专栏",
    "item": "条目",
    "goal": "目标",
    "measure": "保障措施",
}
ATTRIBUTE_NAMES = {"binding": "约束性", "expected": "预期性"}
# Worst first: a parent shows the worst status among what it contains.
SEVERITY = ["overdue", "in_progress", "not_started", "suspended", "done", ""]


def effective_status(status: str, deadline: dt.date | None, as_of: dt.date) -> str:
    """The status a user sees: unfinished work past its deadline is overdue."""
    if status in ("done", "suspended"):
        return status
    if deadline is not None and deadline < as_of:
        return "overdue"
    return status


def moved_status(current: str, percent: int | None, explicit: str | None) -> tuple[str, int | None]:
    """Status and percent after an edit or a report.

    An explicit status wins (已完成 always means 100 %); otherwise 100 % completes the work unless it is
    suspended (暂缓), and any progress starts work that had not started.
    """
    if explicit is not None:
        return explicit, 100 if explicit == "done" else percent
    if percent == 100 and current != "suspended":
        return "done", percent
    if percent is not None and 0 < percent < 100 and current == "not_started":
        return "in_progress", percent
    return current, percent


def worst(statuses: list[str]) -> str:
    present = [s for s in statuses if s]
    if not present:
        return ""
    return min(present, key=SEVERITY.index)
