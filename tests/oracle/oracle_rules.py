"""A second, deliberately simple implementation of PlanDesk's clock and rulebook: the oracle.

It shares no code with PlanDesk: it reads only the history it is given (what was recorded on which day) and
the rules as stated in words, and says what every output should print as of a day, printed on a later day.
Only the standard library and ``chinese_calendar`` (for the due day of the monthly report) are used.

The rules:
- An assignment exists from its start date (交办日期) if given, else from the day it was recorded.
  A report as of day D counts only assignments that exist by D (and were recorded by the day it is printed).
- As of D, an assignment's status and percent are what was recorded by the end of D; a progress report counts
  for D when it is dated (reported_on) on or before D, even if typed in later; its percent moves the
  assignment: 100 → done (unless suspended), 0 < p < 100 turns not_started into in_progress, and the
  percent becomes p. A hand status edit sets the status (done means 100 %). A report dated after D never
  counts. Reports typed in after D but dated by D move the assignment after what was recorded by D, in the
  order of their dates.
- 办结/销号 recorded by D: the work counts as done (100 %), whatever status is edited in later. A deadline change
  recorded by D: a 更正 replaces the deadline and the original deadline, a 延期 moves the deadline in force and
  keeps the original. Either recorded after D does not count as of D.
- Effective status on D: done/suspended as stored; unfinished work whose deadline in force is before D is
  overdue.
- A task's status is its lead units' (the worst of several, in the order overdue, in_progress, not_started,
  suspended, done); with no lead, over all its units. A task with no existing assignment is 未分工.
- 报送台账: the report for month M is due on the 25th of M, moved to the next working day. A unit's cell for
  M: among its assignments that owe a report (existing by the end of M and by the ledger's day, not
  suspended, not closed by the due day unless it reported for M), the first report for M dated by the ledger's
  day decides: ≤ due 按时, > due 迟报; none: 未报 after the due day, else 未到期; no owing assignment: —.
The monthly report's other figures, as its words define them: 按期推进 = assigned tasks not overdue (率: of the
assigned tasks); 逾期分工 = overdue assignments (and their units); 本月完成 = done tasks one of whose done
assignments reported 100 % for the month; 临期 = unfinished assignments due within 7 days of D, D included;
本月应报未报送 = open (unfinished or overdue) assignments that existed by the month's end and sent no report for
the month dated by D; a task's 完成% is its deciding assignments' lowest, its 截止 their earliest deadline not
yet done (else the latest); the ranking's 分工数, 完成率 and 逾期 count a unit's existing assignments.
A unit's own report, the brief, the Word report, the 考核 score, the 工作台账, the 预警 and the 督查通报: see
``monthly_figures``, ``scores``, ``work_ledger``, ``warning_sets`` and ``bulletin_figures``; the 催办 notices, the
计分办法 ranking, the 通报's 主要指标 and the evaluation's judgement: ``notice_lists``, ``point_ranking``,
``indicator_figures`` and ``evaluation_verdict``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction

import chinese_calendar

DAY = dt.timedelta(days=1)
WORST_FIRST = ("overdue", "in_progress", "not_started", "suspended", "done")
UNFINISHED = ("not_started", "in_progress")
CN_STATUS = {
    "not_started": "未开始",
    "in_progress": "进行中",
    "done": "已完成",
    "overdue": "已逾期",
    "suspended": "暂缓",
}
DUE_DAYS = 7  # 临期: the office's default horizon


# -- the history -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Made:
    """An assignment recorded on ``day``."""

    key: int
    task: str  # the task's label, "1." …
    unit: str
    role: str  # lead | co
    day: dt.date
    start: dt.date | None
    deadline: dt.date | None
    status: str
    percent: int


@dataclass(frozen=True)
class Report:
    """A progress report typed in on ``day``, dated ``reported_on``."""

    key: int
    period: str
    percent: int | None
    reported_on: dt.date
    day: dt.date


@dataclass(frozen=True)
class Edit:
    """A hand edit of an assignment's status, recorded on ``day``."""

    key: int
    status: str
    day: dt.date


@dataclass(frozen=True)
class Review:
    """审核 recorded on ``day``: the report accepted (审核通过), or returned to the unit (退回)."""

    key: int
    accept: bool
    day: dt.date


@dataclass(frozen=True)
class Close:
    """办结 (or 销号, ``struck_off``) recorded on ``day``: from that day the work counts as done."""

    key: int
    struck_off: bool
    day: dt.date


@dataclass(frozen=True)
class Deadline:
    """A deadline change recorded on ``day``: a 更正 (``correction``: the deadline and the original both become
    ``deadline``) or an approved 延期 (``extension``: the deadline in force moves, the original stays)."""

    key: int
    deadline: dt.date | None
    kind: str  # correction | extension
    day: dt.date


Action = Made | Report | Edit | Review | Close | Deadline


@dataclass
class History:
    """What the office recorded, in the order it was recorded (each action on its ``day``)."""

    actions: list[Action] = field(default_factory=list)

    def made(self, printed: dt.date) -> list[Made]:
        return [a for a in self.actions if isinstance(a, Made) and a.day <= printed]

    def reports(self, key: int, printed: dt.date) -> list[Report]:
        return [a for a in self.actions if isinstance(a, Report) and a.key == key and a.day <= printed]


# -- one assignment on a day ------------------------------------------------------------------------------------


def begins(m: Made) -> dt.date:
    return m.start if m.start is not None else m.day


def exists(m: Made, day: dt.date, printed: dt.date) -> bool:
    return m.day <= printed and begins(m) <= day


def _after_report(status: str, percent: int, reported: int | None) -> tuple[str, int]:
    if reported is None:
        return status, percent
    if reported == 100 and status != "suspended":
        return "done", 100
    if 0 < reported < 100 and status == "not_started":
        return "in_progress", reported
    return status, reported


def stored_on(h: History, m: Made, day: dt.date, printed: dt.date) -> tuple[str, int]:
    """(status, percent) of ``m`` at the end of ``day``, as known on ``printed``."""
    status = m.status
    percent = 100 if m.status == "done" else m.percent
    for a in h.actions:
        if a.key != m.key or a.day > day or isinstance(a, Made | Review | Deadline):
            continue
        if isinstance(a, Close):  # 办结/销号 marks the work done (and it takes no report after)
            status, percent = "done", 100
        elif isinstance(a, Edit):
            status = a.status
            if status == "done":
                percent = 100
        elif a.reported_on <= day:
            status, percent = _after_report(status, percent, a.percent)
    typed_later = [
        (a.reported_on, i, a)
        for i, a in enumerate(h.actions)
        if isinstance(a, Report) and a.key == m.key and day < a.day <= printed and a.reported_on <= day
    ]
    for _, _, a in sorted(typed_later, key=lambda t: (t[0], t[1])):
        status, percent = _after_report(status, percent, a.percent)
    return status, percent


def effective(status: str, deadline: dt.date | None, day: dt.date) -> str:
    if status in ("done", "suspended"):
        return status
    if deadline is not None and deadline < day:
        return "overdue"
    return status


def worst(statuses: list[str]) -> str:
    return min(statuses, key=WORST_FIRST.index)


def month_last(period: str) -> dt.date:
    year, month = int(period[:4]), int(period[5:])
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def month_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


@dataclass
class Line:
    """One existing assignment as of the day."""

    made: Made
    status: str  # effective
    percent: int
    reported: bool  # reported for the report's month (dated by the day)
    finished_in_month: bool  # a report for the month said 100 %
    missing: bool = False  # owed the month's report and sent none (未报送)
    in_force: dt.date | None = None  # the deadline in force on the day (lines_on sets it)
    original: dt.date | None = None  # the original deadline on the day (an approved 延期 keeps it)
    closed: Close | None = None  # 办结/销号 recorded by the day
    first_report: dt.date | None = None  # the earliest date of a report for the month dated by the day

    @property
    def unit(self) -> str:
        return self.made.unit

    @property
    def role(self) -> str:
        return self.made.role

    @property
    def deadline(self) -> dt.date | None:
        """The deadline in force on the day: the one entered, moved by each 更正 or 延期 recorded by then."""
        return self.in_force

    @property
    def extended(self) -> bool:
        """An approved 延期 moved the deadline in force away from the original (a later 更正 replaces both)."""
        return self.original is not None and self.in_force != self.original

    def owes_month(self, period: str) -> bool:
        """Open work that existed by the month's end owed the month's report (未报送 when none came)."""
        return self.status in (*UNFINISHED, "overdue") and begins(self.made) <= month_last(period)

    def due_soon(self, day: dt.date, days: int = DUE_DAYS) -> bool:
        return (
            self.status in UNFINISHED
            and self.deadline is not None
            and 0 <= (self.deadline - day).days <= days
        )


def closed_on(h: History, m: Made, day: dt.date) -> Close | None:
    """The 办结/销号 of ``m`` recorded by ``day``, if any."""
    return next((a for a in h.actions if isinstance(a, Close) and a.key == m.key and a.day <= day), None)


def deadlines_on(h: History, m: Made, day: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """(deadline in force, original deadline) of ``m`` at the end of ``day``: a 更正 recorded by then replaces
    both, a 延期 moves the deadline in force only; a change recorded after ``day`` does not count yet."""
    deadline = original = m.deadline
    for a in h.actions:
        if isinstance(a, Deadline) and a.key == m.key and a.day <= day:
            if a.kind == "correction":
                deadline = original = a.deadline
            else:
                original = deadline if original is None else original
                deadline = a.deadline
    return deadline, original


def lines_on(h: History, period: str, day: dt.date, printed: dt.date) -> list[Line]:
    out = []
    for m in h.made(printed):
        if not exists(m, day, printed):
            continue
        status, percent = stored_on(h, m, day, printed)
        closed = closed_on(h, m, day)
        if closed is not None:
            status = "done"  # 办结 and 销号 count as done, whatever status was edited in after
        deadline, original = deadlines_on(h, m, day)
        month_reports = [r for r in h.reports(m.key, printed) if r.period == period and r.reported_on <= day]
        line = Line(
            m,
            effective(status, deadline, day),
            percent,
            bool(month_reports),
            any(r.percent == 100 for r in month_reports),
            in_force=deadline,
            original=original,
            closed=closed,
            first_report=min((r.reported_on for r in month_reports), default=None),
        )
        line.missing = line.owes_month(period) and not line.reported
        out.append(line)
    return out


# -- tasks -----------------------------------------------------------------------------------------------------


def deciding(lines: list[Line]) -> list[Line]:
    return [x for x in lines if x.role == "lead"] or lines


def task_status(lines: list[Line]) -> str:
    return worst([x.status for x in deciding(lines)]) if lines else "unassigned"


def task_percent(lines: list[Line]) -> int:
    return min(x.percent for x in deciding(lines))


def task_deadline(lines: list[Line]) -> dt.date | None:
    """The earliest deadline among the deciding assignments not yet done, else the latest of theirs."""
    deciders = deciding(lines)
    open_ = [x.deadline for x in deciders if x.status != "done" and x.deadline is not None]
    if open_:
        return min(open_)
    every = [x.deadline for x in deciders if x.deadline is not None]
    return max(every) if every else None


# -- the monthly report ----------------------------------------------------------------------------------------

# The units the plan's document names for each task (factories.small_plan's): a 未分工 task is listed with them.
DOC_UNITS = {"1.": ["区市场监管局", "区科委"], "2.": ["区发展改革委"], "3.": []}


def monthly_figures(
    h: History, tasks: list[str], period: str, day: dt.date, printed: dt.date, unit: str | None = None
) -> dict[str, object]:
    """Every figure the monthly report prints, in the shape the PDF reader gives them.

    ``unit``: a unit's own report — its own assignments only, the tasks it has one on and the 未分工 tasks whose
    document names it: each task as the unit's own assignment stands (status, 完成%, deadline, 未报送), the
    task's lead units named from all its assignments (the unit itself when none leads) and the unit itself as
    配合 when it cooperates; the ranking is every unit's.
    """
    every = lines_on(h, period, day, printed)
    lines = every if unit is None else [x for x in every if x.unit == unit]
    if unit is not None:
        tasks = [
            t
            for t in tasks
            if any(x.made.task == t for x in lines)
            or (unit in DOC_UNITS[t] and not any(x.made.task == t for x in every))
        ]
    by_task = {t: [x for x in lines if x.made.task == t] for t in tasks}
    statuses = {t: task_status(ls) for t, ls in by_task.items()}
    counts = Counter(statuses.values())
    assigned = len(tasks) - counts["unassigned"]
    on_track = assigned - counts["overdue"]
    late = [x for x in lines if x.status == "overdue"]
    soon = [x for x in lines if x.due_soon(day)]
    summary = {
        "as_of": day,
        "tasks": len(tasks),
        "assignments": len(lines),
        **{s: counts[s] for s in WORST_FIRST},
        "unassigned": counts["unassigned"],
        "on_track": on_track,
        "overdue_tasks": counts["overdue"],
        "share": f"{round(100 * on_track / assigned, 1):.1f}" if assigned else "0.0",
        "overdue_lines": len(late),
        "overdue_units": len({x.unit for x in late}),
        "done_in_month": sum(
            1
            for t, ls in by_task.items()
            if statuses[t] == "done" and any(x.finished_in_month and x.status == "done" for x in ls)
        ),
        "due_days": DUE_DAYS,
        "due_soon_lines": len(soon),
        "not_reported": sum(x.missing for x in lines),
    }
    units: dict[str, list[int]] = {}
    for x in lines:
        row = units.setdefault(x.unit, [0] * 9)
        row[0] += 1
        row[1 if x.role == "lead" else 2] += 1
        row[3 + ("done", "in_progress", "not_started", "overdue", "suspended").index(x.status)] += 1
        row[8] += x.missing
    unit_rows = sorted(units.items(), key=lambda kv: (-kv[1][6], -kv[1][0], kv[0]))
    attention = sorted(
        [
            (x.unit, x.role, _iso(x.deadline), "已逾期", f"{(day - x.deadline).days} 天")
            for x in late
            if x.deadline
        ]
        + [(x.unit, x.role, _iso(x.deadline), CN_STATUS[x.status], "—") for x in soon]
    )
    progress = {}
    for t, ls in by_task.items():
        if not ls:
            continue
        named = [x for x in every if x.made.task == t]  # the task's leads, in a unit's report too
        leads = [x.unit for x in named if x.role == "lead"]
        cos = [x.unit for x in ls if x.role != "lead"]  # a unit's report names itself only
        progress[t] = {
            "leads": sorted(set(leads or [x.unit for x in ls])),
            "cos": sorted(set(cos)) if leads else [],
            "deadline": _iso(task_deadline(ls)) if task_deadline(ls) else "未定",
            "status": CN_STATUS[statuses[t]],
            "percent": task_percent(ls),
            "missing": sorted({x.unit for x in ls if x.missing}),
        }
    scores = {}
    for name, ls in _group(every).items():
        done = sum(x.status == "done" for x in ls)
        scores[name] = (len(ls), f"{100 * done / len(ls):.0f}%", sum(x.status == "overdue" for x in ls))
    return {
        "summary": summary,
        "units": [(u, tuple(r)) for u, r in unit_rows],
        "unit_total": tuple(sum(r[i] for _, r in unit_rows) for i in range(9)) if unit_rows else None,
        "attention": attention,
        "attention_counts": (len(late), len(soon)),
        "progress": progress,
        "unassigned_listed": counts["unassigned"],
        "scores": scores,
    }


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"


def _group(lines: list[Line]) -> dict[str, list[Line]]:
    out: dict[str, list[Line]] = {}
    for x in lines:
        out.setdefault(x.unit, []).append(x)
    return out


# -- the 总览 ---------------------------------------------------------------------------------------------------


def dashboard_figures(h: History, tasks: list[str], day: dt.date, printed: dt.date) -> dict[str, object]:
    lines = lines_on(h, month_of(day), day, printed)
    by_task = {t: [x for x in lines if x.made.task == t] for t in tasks}
    statuses = Counter(task_status(ls) for ls in by_task.values())
    late = [x for x in lines if x.status == "overdue"]
    lead_late = Counter(x.unit for x in late if x.role == "lead")
    any_late = Counter(x.unit for x in late)
    soon = [x for x in lines if x.due_soon(day)]
    return {
        "tasks": len(tasks),
        "by_status": dict(statuses),
        "overdue": statuses["overdue"],
        "done": statuses["done"],
        "due_soon_tasks": len({x.made.task for x in soon}),
        "overdue_by_lead_unit": dict(lead_late),
        "overdue_by_unit": sorted(any_late.items(), key=lambda kv: (-kv[1], kv[0])),
        "due_soon": sorted(
            (x.made.key, (x.deadline - day).days, x.status, x.percent) for x in soon if x.deadline is not None
        ),
    }


# -- the 报送台账 -----------------------------------------------------------------------------------------------


def report_due(period: str) -> dt.date:
    """The 25th of the month, moved to the next working day (chinese_calendar's)."""
    day = dt.date(int(period[:4]), int(period[5:]), 25)
    while not chinese_calendar.is_workday(day):
        day += DAY
    return day


def owes_ledger_month(h: History, m: Made, period: str, day: dt.date, printed: dt.date) -> bool:
    """The 报送台账's rule: ``m`` owes ``period`` once it exists (by the month's end and by ``day``) until it is
    closed (办结/销号) before the month's due day — by it, the due day included, as a report is on time by it —
    but the report it closed with, for the month, still counts; a paused one (暂缓) owes nothing. A close
    recorded after ``day`` is not known on it."""
    closed = closed_on(h, m, day)
    if closed is not None:
        reported = any(r.period == period and r.reported_on <= day for r in h.reports(m.key, printed))
        in_time = closed.day > report_due(period) or reported
        return in_time and begins(m) <= min(month_last(period), day)
    return begins(m) <= min(month_last(period), day) and stored_on(h, m, day, printed)[0] != "suspended"


def ledger_cell(h: History, unit: str, period: str, day: dt.date, printed: dt.date) -> str:
    owing = [m for m in h.made(printed) if m.unit == unit and owes_ledger_month(h, m, period, day, printed)]
    if not owing:
        return "—"
    dates = [
        r.reported_on
        for m in owing
        for r in h.reports(m.key, printed)
        if r.period == period and r.reported_on <= day
    ]
    due = report_due(period)
    if dates:
        first = min(dates)
        return f"{'按时' if first <= due else '迟报'} {first:%m-%d}"
    return "未报" if day > due else "未到期"


def ledger_figures(
    h: History, units: list[str], periods: list[str], day: dt.date, printed: dt.date
) -> dict[str, dict[str, object]]:
    """unit → {period: cell text, "counts": (按时, 迟报, 未报)} for every unit with a cell that is not —."""
    out: dict[str, dict[str, object]] = {}
    for unit in units:
        cells = {p: ledger_cell(h, unit, p, day, printed) for p in periods}
        if all(c == "—" for c in cells.values()):
            continue
        states = [c.split()[0] for c in cells.values()]
        out[unit] = {**cells, "counts": (states.count("按时"), states.count("迟报"), states.count("未报"))}
    return out


# -- the 考核 score -----------------------------------------------------------------------------------------------

WEIGHTS = {"feedback": 50, "completion": 50, "overdue": 5, "returned": 2}  # the office's default weights


def returns_in_month(h: History, keys: set[int], period: str, day: dt.date) -> int:
    """退回 recorded in the month, by the day counted, on the given assignments."""
    first = month_last(period).replace(day=1)
    last = min(month_last(period), day)
    return sum(
        1
        for a in h.actions
        if isinstance(a, Review) and not a.accept and a.key in keys and first <= a.day <= last
    )


def competition_ranks(keys: list[object]) -> list[int]:
    """Ranks of figures sorted best first: equal figures share a rank, and the next rank skips (1, 2, 2, 4)."""
    return [keys.index(k) + 1 for k in keys]


@dataclass(frozen=True)
class Score:
    rank: int
    assignments: int
    feedback: Fraction  # 按时反馈率
    completion: Fraction  # 办结率
    overdue: int
    returned: int
    score: float  # one decimal, never below 0
    silent: bool  # owed the month's report and sent none


def scores(h: History, period: str, day: dt.date, printed: dt.date) -> dict[str, Score]:
    """The 考核 ranking for ``period`` counted on ``day``, for every unit with an existing assignment.

    分工数: its existing assignments; 按时反馈率: of those that owe the month's report (open work that existed by
    the month's end), the share whose first report for the month (dated by the day) is dated by the 报送台账's
    due day (1 when none owes); 办结率: the share done (办结/销号 count as done); 逾期: overdue on the day;
    退回: returns recorded in the month by the day. score = 50 × 按时反馈率 + 50 × 办结率 − 5 × 逾期 − 2 × 退回,
    never below 0. Best first; a unit that owed a report and sent none ranks after every unit that did; equal
    scores share a rank.
    """
    due = report_due(period)
    rows: dict[str, tuple[int, Fraction, Fraction, int, int, float, bool]] = {}
    for unit, ls in _group(lines_on(h, period, day, printed)).items():
        owing = [x for x in ls if x.owes_month(period)]
        sent = [x for x in owing if x.first_report is not None]
        on_time = [x for x in sent if x.first_report is not None and x.first_report <= due]
        feedback = Fraction(len(on_time), len(owing)) if owing else Fraction(1)
        completion = Fraction(sum(x.status == "done" for x in ls), len(ls))
        overdue = sum(x.status == "overdue" for x in ls)
        returned = returns_in_month(h, {x.made.key for x in ls}, period, day)
        raw = (
            WEIGHTS["feedback"] * feedback
            + WEIGHTS["completion"] * completion
            - WEIGHTS["overdue"] * overdue
            - WEIGHTS["returned"] * returned
        )
        score = round(float(max(raw, Fraction(0))), 1)
        rows[unit] = (len(ls), feedback, completion, overdue, returned, score, bool(owing) and not sent)
    order = sorted(rows, key=lambda u: (rows[u][6], -rows[u][5], u))
    ranks = competition_ranks([(rows[u][6], rows[u][5]) for u in order])
    return {u: Score(rank, *rows[u]) for u, rank in zip(order, ranks, strict=True)}


def score_sheet(h: History, period: str, day: dt.date, printed: dt.date) -> dict[str, tuple[object, ...]]:
    """unit → (名次, 分工任务数, 按时反馈率, 办结率, 逾期数, 退回次数, 得分) as the .xlsx export stores them."""
    return {
        u: (
            s.rank,
            s.assignments,
            round(float(s.feedback), 4),
            round(float(s.completion), 4),
            s.overdue,
            s.returned,
            s.score,
        )
        for u, s in scores(h, period, day, printed).items()
    }


def score_table(h: History, period: str, day: dt.date, printed: dt.date) -> dict[str, tuple[object, ...]]:
    """unit → the monthly report's 单位综合评分排名 row (名次, 分工数, 按时反馈率, 完成率, 逾期, 退回, 得分) as printed."""
    return {
        u: (
            s.rank,
            s.assignments,
            f"{100 * float(s.feedback):.0f}%",
            f"{100 * float(s.completion):.0f}%",
            s.overdue,
            s.returned,
            f"{s.score:.1f}",
        )
        for u, s in scores(h, period, day, printed).items()
    }


# -- the 工作台账 -------------------------------------------------------------------------------------------------

ROLE_CN = {"lead": "牵头", "co": "配合"}


def work_ledger(h: History, tasks: list[str], day: dt.date, printed: dt.date) -> list[tuple[object, ...]]:
    """The 工作台账 as of ``day``, sorted: a row (task, unit, 角色, 截止日期, 延期, 办理状态, 状态, 完成%, 逾期天数) for
    each existing assignment — the deadline in force, 已延期（原…） while an approved 延期 keeps the original,
    已办结/已销号 once closed (办理状态 otherwise left unchecked: "open"), the days overdue counted to ``day`` —
    and (task, the document's units, "", None, "", "", 未分工, None, None) for each task with none."""
    lines = lines_on(h, month_of(day), day, printed)
    rows: list[tuple[object, ...]] = []
    for x in lines:
        closed = "open" if x.closed is None else ("已销号" if x.closed.struck_off else "已办结")
        rows.append(
            (
                x.made.task,
                x.unit,
                ROLE_CN[x.role],
                x.deadline,
                f"已延期（原{x.original.isoformat()}）" if x.extended and x.original else "",
                closed,
                CN_STATUS[x.status],
                x.percent,
                (day - x.deadline).days if x.status == "overdue" and x.deadline else None,
            )
        )
    for t in tasks:
        if not any(x.made.task == t for x in lines):
            rows.append(
                (t, "、".join(DOC_UNITS[t]) or "（文件未列明）", "", None, "", "", "未分工", None, None)
            )
    return sorted(rows, key=repr)


# -- the 预警 -----------------------------------------------------------------------------------------------------


def warning_sets(h: History, day: dt.date, printed: dt.date) -> dict[str, list[tuple[object, ...]]]:
    """The 预警 on ``day`` for open work (existing, not done, not suspended, not closed): red — overdue (key, unit,
    deadline, days late); yellow 临近截止 — due from the day to the 临期 days after it (key, days left, percent);
    orange — nothing reported for the day's month, dated by the day (key)."""
    lines = [x for x in lines_on(h, month_of(day), day, printed) if x.status in (*UNFINISHED, "overdue")]
    return {
        "red": sorted(
            (x.made.key, x.unit, x.deadline, (day - x.deadline).days)
            for x in lines
            if x.status == "overdue" and x.deadline
        ),
        "due_soon": sorted(
            (x.made.key, (x.deadline - day).days, x.percent) for x in lines if x.due_soon(day) and x.deadline
        ),
        "no_feedback": sorted((x.made.key,) for x in lines if not x.reported),
    }


# -- the 督查通报 -------------------------------------------------------------------------------------------------


def previous_month(period: str) -> str:
    return month_of(month_last(period).replace(day=1) - DAY)


def most(counts: dict[str, int], n: int = 3) -> list[tuple[str, int]]:
    """The units with the most (never none): the first ``n``, and every unit tied with the n-th."""
    ranked = sorted(((u, c) for u, c in counts.items() if c > 0), key=lambda uc: (-uc[1], uc[0]))
    if len(ranked) <= n:
        return ranked
    return [(u, c) for u, c in ranked if c >= ranked[n - 1][1]]


def bulletin_figures(
    h: History, tasks: list[str], period: str, day: dt.date, printed: dt.date
) -> dict[str, object]:
    """What the 督查通报 for ``period`` as of ``day`` states: 总体情况's figures, with 新增办结 (tasks done on the day
    and not at the end of the month before) and 新增逾期 (assignments overdue on the day and not at the end of the
    month before); 三's overdue assignments (unit, deadline, days late); 四's units with the most overdue
    assignments, those that owed the month's report and sent none, the returns recorded in the month by the day
    and the assignments whose deadline an approved 延期 moved."""
    lines = lines_on(h, period, day, printed)
    status = {t: task_status([x for x in lines if x.made.task == t]) for t in tasks}
    counts = Counter(status.values())
    assigned = len(tasks) - counts["unassigned"]
    on_track = assigned - counts["overdue"]
    before_day = month_last(previous_month(period))
    before = lines_on(h, previous_month(period), before_day, printed)
    done_before = {t for t in tasks if task_status([x for x in before if x.made.task == t]) == "done"}
    late_before = {x.made.key for x in before if x.status == "overdue"}
    late = [x for x in lines if x.status == "overdue"]
    return {
        "overall": {
            "as_of": day,
            "tasks": len(tasks),
            "assignments": len(lines),
            "done": counts["done"],
            "in_progress": counts["in_progress"],
            "overdue": counts["overdue"],
            "overdue_assignments": len(late),
            "unassigned": counts["unassigned"],
            "share": f"{round(100 * on_track / assigned, 1):.1f}" if assigned else "0.0",
            "newly_done": sum(1 for t in tasks if status[t] == "done" and t not in done_before),
            "newly_late": sum(1 for x in late if x.made.key not in late_before),
        },
        "lagging": sorted((x.unit, x.deadline, (day - x.deadline).days) for x in late if x.deadline),
        "most_overdue": most(Counter(x.unit for x in late)),
        "not_reported": sum(x.missing for x in lines),
        "not_reported_units": sorted({x.unit for x in lines if x.missing}),
        "returned": returns_in_month(h, {x.made.key for x in lines}, period, day),
        "extended": sum(x.extended for x in lines),
    }


# -- 催办通知 -----------------------------------------------------------------------------------------------------


def notice_lists(h: History, day: dt.date, printed: dt.date) -> dict[str, list[tuple[object, ...]]]:
    """The 催办 notices as of ``day``, issued (previewed) on ``printed``: every unit with open work (existing on the
    day, neither done, closed nor paused) whose deadline in force has passed or falls within the 临期 days from the
    day gets one notice, listing each such assignment as (task, 角色, deadline, state, N, 完成%): 已逾期 N days
    (counted to the day), or due in N days (距截止还有N天; N = 0 is 于统计截止日到期 when issued on a later day).
    Units with nothing overdue or due soon get none."""
    out: dict[str, list[tuple[object, ...]]] = {}
    for x in lines_on(h, month_of(day), day, printed):
        if x.deadline is None:
            continue
        left = (x.deadline - day).days
        if x.status == "overdue":
            item: tuple[object, ...] = (x.made.task, ROLE_CN[x.role], x.deadline, "已逾期", -left, x.percent)
        elif x.due_soon(day):
            item = (x.made.task, ROLE_CN[x.role], x.deadline, "临期", left, x.percent)
        else:
            continue
        out.setdefault(x.unit, []).append(item)
    return {u: sorted(items, key=repr) for u, items in out.items()}


# -- 计分办法 (points) ---------------------------------------------------------------------------------------------

POINTS = {"按时反馈": 1, "迟报": 0, "未报": -1, "逾期": -1, "被退回": -2, "按期办结": 2, "逾期办结": 0}


def months_between(first: str, last: str) -> list[str]:
    out = [first]
    while out[-1] != last:
        out.append(month_of(month_last(out[-1]) + DAY))
    return out


@dataclass(frozen=True)
class UnitPoints:
    rank: int
    points: int
    counts: tuple[int, ...]  # per event, in POINTS' order
    silent: bool  # owed a report in the months and sent none


def point_ranking(
    h: History, units: list[str], first: str, last: str, day: dt.date, printed: dt.date
) -> dict[str, UnitPoints]:
    """The 计分办法 ranking for the months ``first``…``last`` counted on ``day``, for every unit with an assignment
    existing on the day.

    Events: each of the unit's 报送台账 cells (``ledger_cell``) of the months, 按时 → 按时反馈 +1, 迟报 0, 未报 −1
    (未到期 and — nothing); each of its assignments overdue on the day 逾期 −1; each 退回 of its assignments recorded
    from the first month's first day to the last month's end (by the day) 被退回 −2; each 办结/销号 recorded in
    the same span 按期办结 +2 when on or before the deadline in force on the day (or with none), else 逾期办结 0.
    Best first; a unit that owed a report in the months (a cell that is not —) and sent none (no 按时 or 迟报
    cell) ranks after every unit that sent one; equal points share a rank.
    """
    lines = lines_on(h, month_of(day), day, printed)
    keys = {x.made.key: x for x in lines}
    start = month_last(first).replace(day=1)
    end = min(month_last(last), day)
    periods = months_between(first, last)
    names = list(POINTS)
    rows: dict[str, list[int]] = {u: [0] * len(names) for u in units if any(x.unit == u for x in lines)}
    silent: dict[str, bool] = {}
    for unit, counts in rows.items():
        cells = [ledger_cell(h, unit, p, day, printed).split()[0] for p in periods]
        counts[names.index("按时反馈")] = cells.count("按时")
        counts[names.index("迟报")] = cells.count("迟报")
        counts[names.index("未报")] = cells.count("未报")
        silent[unit] = any(c != "—" for c in cells) and not any(c in ("按时", "迟报") for c in cells)
    for x in lines:
        if x.status == "overdue":
            rows[x.unit][names.index("逾期")] += 1
    for a in h.actions:
        if a.key not in keys or not start <= a.day <= end:
            continue
        x = keys[a.key]
        if isinstance(a, Review) and not a.accept:
            rows[x.unit][names.index("被退回")] += 1
        elif isinstance(a, Close):
            on_time = x.deadline is None or a.day <= x.deadline
            rows[x.unit][names.index("按期办结" if on_time else "逾期办结")] += 1
    totals = {u: sum(POINTS[n] * c for n, c in zip(names, counts, strict=True)) for u, counts in rows.items()}
    order = sorted(rows, key=lambda u: (silent[u], -totals[u], u))
    ranks = competition_ranks([(silent[u], totals[u]) for u in order])
    return {
        u: UnitPoints(rank, totals[u], tuple(rows[u]), silent[u])
        for u, rank in zip(order, ranks, strict=True)
    }


# -- the 督查通报's 主要指标 --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Measured:
    """A value of the plan's ``indicator`` (its position) typed in on ``day``, measured on ``measured_on`` (None:
    entered without a date, so measured on the day it is typed in)."""

    indicator: int
    value: float
    measured_on: dt.date | None
    day: dt.date

    @property
    def key(self) -> int:
        return -1 - self.indicator  # no assignment's key: a value changes no assignment


# factories.small_plan's indicators: (name, target value, target year); the plan was issued in 2024.
INDICATORS = [("社会公用计量标准（项）", 50.0, 2025), ("覆盖率", 90.0, 2025)]
PLAN_YEAR = 2024


def indicator_figures(h: History, day: dt.date, printed: dt.date) -> dict[str, object]:
    """What the 督查通报's 二、主要指标 says as of ``day``: an indicator's value is the latest measured by the day
    (typed in by the printing day; a value without a date is measured on the day it was typed in; of two
    measured on one day the one typed in later). Without one it is 未填报 — never on track. With one, it is
    behind when value ÷ target (as a percent, one decimal) is under the share due: 100 % from the target year
    on, else the share of the days from the plan's year to the target year's end. The 通报 says how many of
    how many are 未填报 (and, when some have a value, how many of those are behind), names each behind one,
    and says 均达到序时进度 only when every indicator has a value and none is behind."""
    latest: dict[int, tuple[dt.date, int, float]] = {}
    for i, a in enumerate(h.actions):
        if isinstance(a, Measured) and a.day <= printed:
            on = a.measured_on or a.day
            if on <= day and (a.indicator not in latest or (on, i) >= latest[a.indicator][:2]):
                latest[a.indicator] = (on, i, a.value)
    behind: list[str] = []
    for n, (name, target, year) in enumerate(INDICATORS):
        if n not in latest:
            continue
        if day.year >= year:
            due = 100.0
        else:
            span = (dt.date(year, 12, 31) - dt.date(PLAN_YEAR, 1, 1)).days
            due = round(100 * (day - dt.date(PLAN_YEAR, 1, 1)).days / span, 1)
        if round(100 * latest[n][2] / target, 1) < due:
            behind.append(name)
    unreported = len(INDICATORS) - len(latest)
    return {
        "unreported": unreported,
        "of": len(INDICATORS) if unreported else None,
        "behind": sorted(behind),
        "behind_of_reported": len(behind) if unreported and latest else None,
        "all_on_track": not unreported and not behind,
    }


# -- the evaluation's 时间过半、任务过半 ------------------------------------------------------------------------------

# The small plan's period: from its issue date to the end of its indicators' first target year.
PLAN_START, PLAN_END = dt.date(2024, 3, 1), dt.date(2025, 12, 31)


def evaluation_verdict(h: History, tasks: list[str], day: dt.date, printed: dt.date) -> str:
    """The evaluation's judgement on ``day``. 时间进度: the share of the plan period elapsed by the day (one decimal,
    within 0–100). 任务完成: the mean 完成% of the tasks with an assignment existing on the day, a done task
    counting 100 and a paused (暂缓) one not at all; a task is as its lead units stand (``task_status``,
    ``task_percent``). Both are stated; “时间过半、任务过半” is said only when both shares are at least half and
    the work is not behind the time; else whether the work is behind the time, and by how many points. With no
    assigned task, or every one paused, no judgement is made."""
    span = (PLAN_END - PLAN_START).days
    time_share = round(100 * max(0, min(span, (day - PLAN_START).days)) / span, 1)
    lines = lines_on(h, month_of(day), day, printed)
    by_task = {t: [x for x in lines if x.made.task == t] for t in tasks}
    assigned = {t: ls for t, ls in by_task.items() if ls}
    if not assigned:
        return "尚未分解任务，无法判断任务进度。"
    statuses = {t: task_status(ls) for t, ls in assigned.items()}
    counted = [t for t in assigned if statuses[t] != "suspended"]
    if not counted:
        return f"重点任务均已暂缓（{len(assigned)}项），无法判断任务进度。"
    percents = [100 if statuses[t] == "done" else task_percent(assigned[t]) for t in counted]
    work = round(sum(percents) / len(percents), 1)
    said = f"时间进度{time_share:.1f}%，任务完成{work:.1f}%，"
    if time_share >= 50 and work >= 50 and work >= time_share:
        said += "实现“时间过半、任务过半”"
    elif work >= time_share:
        said += "任务进度不落后于时间进度"
    else:
        said += f"任务进度落后于时间进度{time_share - work:.1f}个百分点"
    done = sum(statuses[t] == "done" for t in assigned)
    return f"{said}（任务完成为各项任务完成%的平均，暂缓的不计；已完成{done}/{len(assigned)}项）。"
