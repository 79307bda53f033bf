"""The rulebook: every rule an output's figures follow, defined once, with the words the reports print for it.

Every output (the monthly report and the brief, the 督查通报, notices, the ledger, the 报送台账, scores and
points, the evaluation, the 总览 and the 预警) decides through these functions, so one unit is never ranked by
two rules and a figure never means two things. ``rule_notes`` writes the rules in words from the same values.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Protocol, TypeVar

from .status import effective_status, worst

_T = TypeVar("_T")

__all__ = [
    "CLOSED_WORKFLOW",
    "UNFINISHED",
    "UNASSIGNED",
    "WorkCalendar",
    "begins_on",
    "exists_on",
    "owes_month",
    "supervised_status",
    "is_overdue",
    "is_due_soon",
    "deciding",
    "task_status",
    "task_percent",
    "task_deadline",
    "DueRule",
    "reported_on_time",
    "shared_ranks",
    "most",
    "indicator_state",
    "progress_verdict",
    "ECHO_RATIO",
    "echo_text",
    "echoes",
    "rule_notes",
]


class WorkCalendar(Protocol):
    """The office's work calendar (法定工作日): services.core.workdays.WorkCalendar."""

    def is_workday(self, day: dt.date) -> bool: ...


# 办结 and 销号 end supervision whatever the stored status says.
CLOSED_WORKFLOW = ("closed", "struck_off")
UNFINISHED = ("not_started", "in_progress")
UNASSIGNED = "unassigned"


# -- which assignments exist ---------------------------------------------------------------------------------


def begins_on(start_date: dt.date | None, recorded: dt.date) -> dt.date:
    """An assignment exists from its 交办 date as entered (its start date), or else from the day it was recorded."""
    return start_date if start_date is not None else recorded


def exists_on(start_date: dt.date | None, recorded: dt.date, day: dt.date) -> bool:
    return begins_on(start_date, recorded) <= day


def owes_month(begins: dt.date, month_end: dt.date, day: dt.date) -> bool:
    """Whether an assignment can owe a report for the month ending ``month_end``, counted on ``day``: it existed
    by the month's end and by the day counted. (Open work owes it; finished, closed or paused work does not —
    each output checks that against the state it reads.) A report from work that owes nothing counts for
    nobody."""
    return begins <= month_end and begins <= day


# -- status on a day ---------------------------------------------------------------------------------------


def supervised_status(
    status: str, workflow_state: str | None, deadline: dt.date | None, as_of: dt.date
) -> str:
    """The one status every count uses: closed or struck-off work is done; unfinished work whose deadline in
    force (the original one unless an extension was approved) lies before the as-of day is overdue."""
    if workflow_state in CLOSED_WORKFLOW:
        return "done"
    return effective_status(status, deadline, as_of)


def is_overdue(status: str, workflow_state: str | None, deadline: dt.date | None, as_of: dt.date) -> bool:
    return supervised_status(status, workflow_state, deadline, as_of) == "overdue"


def is_due_soon(
    status: str, workflow_state: str | None, deadline: dt.date | None, as_of: dt.date, days: int
) -> bool:
    """临期: unfinished work whose deadline lies from the as-of day to ``days`` days after it, both ends included
    (``days`` is the one setting warnings.rules["due_days"] that the 总览, 预警, reports and notices read)."""
    if deadline is None or supervised_status(status, workflow_state, deadline, as_of) not in UNFINISHED:
        return False
    return 0 <= (deadline - as_of).days <= days


# -- a task from its assignments -----------------------------------------------------------------------------


def deciding(roles: Sequence[str]) -> list[int]:
    """Which of a task's assignments decide its status and completion: the leading units' (牵头), or every
    unit's when none is marked as leading."""
    leads = [i for i, role in enumerate(roles) if role == "lead"]
    return leads or list(range(len(roles)))


def task_status(roles: Sequence[str], statuses: Sequence[str]) -> str:
    """The lead decides: a task is as its leading unit's assignment stands (the worst of several leads);
    a cooperating unit's own overdue work is counted against that unit, not against the task."""
    if not roles:
        return UNASSIGNED
    return worst([statuses[i] for i in deciding(roles)])


def task_percent(roles: Sequence[str], percents: Sequence[int]) -> int:
    """A task's 完成%: its leading unit's (the lowest of several leads), never an average over cooperators."""
    if not roles:
        return 0
    return min(percents[i] for i in deciding(roles))


def task_deadline(
    roles: Sequence[str], statuses: Sequence[str], deadlines: Sequence[dt.date | None]
) -> dt.date | None:
    """The deadline a task header shows: the earliest deadline among the deciding assignments still open,
    else the latest of theirs (a finished task shows when it was due)."""
    idx = deciding(roles)
    open_dates = [deadlines[i] for i in idx if statuses[i] != "done" and deadlines[i] is not None]
    if open_dates:
        return min(d for d in open_dates if d is not None)
    dates = [deadlines[i] for i in idx if deadlines[i] is not None]
    return max(d for d in dates if d is not None) if dates else None


# -- reporting on time ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DueRule:
    """The monthly report for month M is due on ``day`` of M (or of M+1 with ``next_month``), moved to the next
    working day when that day is a holiday or weekend and ``next_workday`` is set. One rule for the 报送台账,
    the points and the 考核 score."""

    day: int = 25
    next_month: bool = False
    next_workday: bool = True

    @property
    def text(self) -> str:
        when = "次月" if self.next_month else "每月"
        tail = "（遇节假日顺延至下一个工作日）" if self.next_workday else ""
        return f"{when}{self.day}日前报送当月进展{tail}"

    def due(self, period: str, calendar: WorkCalendar) -> dt.date:
        year, month = int(period[:4]), int(period[5:])
        if self.next_month:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        last = _month_last_day(year, month)
        day = dt.date(year, month, min(self.day, last))
        while self.next_workday and not calendar.is_workday(day):
            day += dt.timedelta(days=1)
        return day


def _month_last_day(year: int, month: int) -> int:
    nxt = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def reported_on_time(first_report: dt.date | None, due: dt.date) -> bool:
    """A unit reported a month on time when its first report for the month arrived on or before the due day."""
    return first_report is not None and first_report <= due


# -- rankings ------------------------------------------------------------------------------------------------


def shared_ranks(items: Sequence[_T], key: Callable[[_T], object]) -> list[int]:
    """Ranks of items already sorted best first: equal figures share a rank, the next rank skips (1, 2, 2, 4)."""
    ranks: list[int] = []
    for i, item in enumerate(items):
        if i and key(item) == key(items[i - 1]):
            ranks.append(ranks[-1])
        else:
            ranks.append(i + 1)
    return ranks


def most(counts: Iterable[tuple[str, int]], n: int = 3) -> list[tuple[str, int]]:
    """The units with the most of something, for a "…较多的单位" line: the top ``n`` by count, extended to every
    unit tied with the last of them (never an arbitrary pick among equals); units with none are left out."""
    ranked = sorted(((name, c) for name, c in counts if c > 0), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) <= n:
        return ranked
    cut = ranked[n - 1][1]
    return [(name, c) for name, c in ranked if c >= cut]


# -- indicators ----------------------------------------------------------------------------------------------


def indicator_state(percent_of_target: float | None, expected: float) -> str:
    """``unreported`` (未填报: no value by the as-of day, never counted as on track), ``behind`` (below where a
    straight line to the target year stands) or ``on_track``."""
    if percent_of_target is None:
        return "unreported"
    return "behind" if percent_of_target < expected else "on_track"


# -- evaluation ----------------------------------------------------------------------------------------------


def progress_verdict(time_share: float, work_share: float) -> str:
    """时间 and 任务 progress both stated; "过半" is said only of a share that is past half."""
    time_text = f"时间进度{time_share:.1f}%"
    work_text = f"任务完成{work_share:.1f}%"
    if time_share >= 50 and work_share >= 50 and work_share >= time_share:
        return f"{time_text}，{work_text}，实现“时间过半、任务过半”"
    if work_share >= time_share:
        return f"{time_text}，{work_text}，任务进度不落后于时间进度"
    return f"{time_text}，{work_text}，任务进度落后于时间进度{time_share - work_share:.1f}个百分点"


# -- 材料空转: a report that repeats another ---------------------------------------------------------------------

ECHO_RATIO = 0.9  # this similar or more: the same text, a word or two changed
ECHO_MIN_CHARS = 12  # shorter reports (推进中, 已完成) say little either way: never called copies
_ECHO_MAX_CHARS = 2000  # beyond this the first part decides (bounded time on a pasted essay)


def echo_text(text: str) -> str:
    """A report's words as compared: NFKC, without spaces, punctuation or symbols."""
    norm = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in norm if unicodedata.category(ch)[0] not in "PSZC")[:_ECHO_MAX_CHARS]


def echoes(a: str, b: str) -> bool:
    """Whether one report repeats the other (雷同): both long enough to say something, and at least
    ``ECHO_RATIO`` alike (matching characters over both lengths). Takes texts already passed through
    ``echo_text``."""
    if len(a) < ECHO_MIN_CHARS or len(b) < ECHO_MIN_CHARS:
        return False
    if a == b:
        return True
    shorter, longer = sorted((len(a), len(b)))
    if 2 * shorter / (shorter + longer) < ECHO_RATIO:
        return False  # the lengths alone rule it out
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() >= ECHO_RATIO and matcher.ratio() >= ECHO_RATIO


# -- the notes a report prints ---------------------------------------------------------------------------------


def rule_notes(*, due_days: int, due_rule: DueRule | None = None) -> list[str]:
    """The rules in words, as a report's 说明 prints them."""
    notes = [
        "逾期：截至统计日仍未完成、且已过截止日期（经批准延期的按延期后日期，更正的按更正后日期）的分工；办结、销号的不计。",
        f"临期：截止日期在统计日起 {due_days} 天内（含当天）的未完成分工。",
        "任务状态与完成%：以牵头单位的分工为准（多个牵头单位取最不利者；未标牵头的取全部单位）；配合单位的逾期计入该单位，不计入任务。",
        "分工自交办日期（未填写的自登记之日）起计入统计；统计日之后发生的变化和报送日期在统计日之后的进展不计入本期，统计日前报送、事后补录的进展照常计入。",
        "指标：统计日前无填报数值的为“未填报”，不计入达到序时进度。",
        "排名：数值相同者名次并列；“较多的单位”列出与第三名并列的全部单位。",
    ]
    if due_rule is not None:
        notes.append(f"按时报送：{due_rule.text}，以该月第一次报送的日期为准。")
    return notes
