"""Office histories for the oracle: generated with hypothesis, written day by day through PlanDesk's services,
and printed (monthly report, 报送台账, 总览; with ``print_every_output`` also the Word report, the brief, a unit's
report, the 工作台账, the 考核 export, the 预警 and the 督查通报) as of a day on later days."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st
from oracle_rules import (
    DAY,
    INDICATORS,
    Action,
    Close,
    Deadline,
    Edit,
    History,
    Made,
    Measured,
    Report,
    Review,
    month_last,
    month_of,
    previous_month,
    report_due,
)

from desktop.clock import fixed_today
from desktop.errors import PlanDeskError
from desktop.reports.bulletin import render_bulletin
from desktop.services.core.tree import children, get_plan
from desktop.services.evaluation.assessment import gather_evaluation, render_report
from desktop.services.plans.indicators import list_indicators, set_indicator_value
from desktop.services.plans.plan_import import import_plan
from desktop.services.reporting.bulletin import draft_bulletin
from desktop.services.reporting.dashboard import dashboard_data
from desktop.services.reporting.ledger import export_ledger
from desktop.services.reporting.monthly import write_monthly_report
from desktop.services.reporting.notices import issue_notices
from desktop.services.supervision.assignments import (
    add_progress,
    change_deadline,
    create_assignment,
    update_assignment,
)
from desktop.services.supervision.points import export_point_ranking, point_ranking
from desktop.services.supervision.report_register import export_reporting_ledger, reporting_ledger
from desktop.services.supervision.scoring import export_scores, unit_scores
from desktop.services.supervision.warnings import compute_warnings
from desktop.services.supervision.workflow import close, review
from desktop.storage import Database, open_database

from factories import small_plan

TITLE = "某区贯彻落实计量发展规划实施方案"  # factories.small_plan's
TASKS = ["1.", "2.", "3."]  # its tasks (3. has no unit in the document)
UNITS = ["区市场监管局", "区发展改革委", "区科委"]  # units the plan already knows
STATUSES = ["not_started", "in_progress", "done", "suspended"]


@dataclass
class Scenario:
    """A history, the month reported and its as-of day, and the two days it is printed on."""

    period: str
    as_of: dt.date
    history: History

    @property
    def printed(self) -> tuple[dt.date, dt.date]:
        return self.as_of + 7 * DAY, self.as_of + 20 * DAY

    @property
    def ledger_months(self) -> tuple[str, str]:
        first = dt.date(int(self.period[:4]), int(self.period[5:]), 1)
        # To the month after, within the years chinese_calendar knows (to 2026).
        return month_of(first - 40 * DAY), min(month_of(month_last(self.period) + DAY), "2026-12")

    def describe(self) -> str:
        lines = [
            f"month {self.period}, as of {self.as_of}, printed on {self.printed[0]} and {self.printed[1]}"
        ]
        for a in self.history.actions:
            if isinstance(a, Made):
                lines.append(
                    f"  {a.day} create #{a.key}: task {a.task} {a.unit} {a.role} start={a.start} "
                    f"deadline={a.deadline} status={a.status} percent={a.percent}"
                )
            elif isinstance(a, Report):
                lines.append(
                    f"  {a.day} report #{a.key}: period {a.period} reported_on={a.reported_on} percent={a.percent}"
                )
            elif isinstance(a, Edit):
                lines.append(f"  {a.day} edit #{a.key}: status={a.status}")
            elif isinstance(a, Review):
                lines.append(f"  {a.day} review #{a.key}: {'accept' if a.accept else 'return'}")
            elif isinstance(a, Close):
                lines.append(f"  {a.day} {'strike' if a.struck_off else 'close'} #{a.key}")
            elif isinstance(a, Measured):
                lines.append(
                    f"  {a.day} indicator {a.indicator}: value {a.value:g} measured_on={a.measured_on}"
                )
            else:
                lines.append(f"  {a.day} deadline #{a.key}: {a.kind} to {a.deadline}")
        return "\n".join(lines)


def _days(draw: st.DrawFn, lo: dt.date, hi: dt.date) -> dt.date:
    return draw(st.dates(min_value=lo, max_value=max(lo, hi)))


def _near(draw: st.DrawFn, day: dt.date, before: int, after: int) -> dt.date:
    return day + draw(st.integers(-before, after)) * DAY


@st.composite
def scenarios(
    draw: st.DrawFn,
    *,
    future_dated: bool = False,
    quiet_between: bool = False,
    workflow: bool = False,
    indicators: bool = False,
) -> Scenario:
    """A few assignments on the small plan's tasks, with reports and hand edits around the as-of day.

    Days crowd where the rules turn: assignments made before and after the as-of day, with and without a 交办
    date; deadlines just before it and within the 临期 days after it; reports for the month and the month
    before, dated before and after the 25th and the as-of day, and typed in on the day or weeks later.
    ``future_dated``: reports may be typed in before the day they are dated (otherwise on it or later).
    ``quiet_between``: what is recorded between the two printing days is all dated after the as-of day.
    ``workflow``: also 退回, 办结/销号 and deadline changes (更正, 延期), each recorded on its own day — on the
    as-of day or the day after, about the month's due day and the end of the month before, or any day.
    ``indicators``: also values of the plan's indicators, some with a measured day (before or after the as-of
    day, typed in then or later) and some without (measured on the day they are typed in), some short of the
    target and some reaching it; often none at all for one indicator or both.
    """
    year = draw(st.sampled_from([2025, 2026]))
    month = draw(st.integers(1, 12))
    period = f"{year:04d}-{month:02d}"
    first = dt.date(year, month, 1)
    as_of = first + draw(st.integers(4, (month_last(period) - first).days + 12)) * DAY
    last_print = as_of + 20 * DAY
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(TASKS), st.sampled_from(UNITS)), min_size=1, max_size=5, unique=True
        )
    )
    actions: list[tuple[dt.date, int, Action]] = []
    seq = 0
    for key, (task, unit) in enumerate(pairs):
        recorded = draw(
            st.one_of(
                st.dates(first - 62 * DAY, as_of),
                st.dates(first - 10 * DAY, as_of),
                st.dates(as_of, last_print),
            )
        )
        start = draw(st.one_of(st.none(), st.none(), st.dates(recorded - 40 * DAY, recorded + 30 * DAY)))
        deadline = draw(
            st.one_of(
                st.none(),
                st.dates(as_of - 40 * DAY, as_of + 40 * DAY),
                st.dates(as_of - 3 * DAY, as_of + 9 * DAY),  # about the as-of day and its 临期 days
            )
        )
        if start is not None and deadline is not None and deadline < start:
            deadline = start
        made = Made(
            key,
            task,
            unit,
            draw(st.sampled_from(["lead", "lead", "co"])),
            recorded,
            start,
            deadline,
            draw(st.sampled_from(["not_started", "not_started", "in_progress", "suspended", "done"])),
            draw(st.sampled_from([0, 0, 20])),
        )
        actions.append((recorded, seq, made))
        seq += 1
        for _ in range(draw(st.integers(0, 3))):
            if draw(st.integers(0, 3)) == 0:
                day = _days(draw, recorded, last_print)
                actions.append((day, seq, Edit(key, draw(st.sampled_from(STATUSES)), day)))
            else:
                report_period = draw(
                    st.sampled_from([period, period, month_of(first - DAY), month_of(last_print)])
                )
                end = month_last(report_period)
                on = draw(
                    st.one_of(
                        st.dates(end.replace(day=1), end),  # in the month
                        st.dates(end.replace(day=20), end + 12 * DAY),  # about the due day
                        st.just(as_of),
                        st.dates(as_of - 40 * DAY, last_print),
                    )
                )
                if future_dated:
                    typed = _days(draw, recorded, last_print)
                else:
                    lag = draw(st.sampled_from([0, 0, 0, 1, 5, 10, 20, 30]))
                    typed = max(on, recorded) + lag * DAY
                if typed > last_print:
                    continue
                percent = draw(st.sampled_from([None, 0, 30, 60, 100, 100]))
                actions.append((typed, seq, Report(key, report_period, percent, on, typed)))
            seq += 1
        if workflow:
            for step in _workflow_steps(draw, made, period, as_of, last_print):
                actions.append((step.day, seq, step))
                seq += 1
    if indicators:
        for n, target in enumerate((50.0, 90.0)):
            for _ in range(draw(st.sampled_from([0, 0, 1, 2]))):
                measured = draw(st.one_of(st.none(), st.dates(as_of - 60 * DAY, as_of + 10 * DAY)))
                typed = draw(st.dates(measured or first - 30 * DAY, last_print))
                value = draw(st.sampled_from([0.5 * target, target - 1, target, target + 5]))
                actions.append((typed, seq, Measured(n, value, measured, typed)))
                seq += 1
    actions.sort(key=lambda t: (t[0], t[1]))  # in the order the office records them
    history = History([a for _, _, a in actions])
    if quiet_between:
        history = _quiet_between(history, as_of)
    return Scenario(period, as_of, workable(history) if workflow else history)


def _workflow_steps(
    draw: st.DrawFn, made: Made, period: str, as_of: dt.date, last_print: dt.date
) -> list[Action]:
    """退回, 办结/销号 and deadline changes of one assignment, most by the as-of day; a 退回 or a 办结 often comes
    after a report of its own (``workable`` drops what the office could not have done)."""
    turns = [
        as_of,
        as_of + DAY,
        report_due(period) - DAY,
        report_due(period),
        month_last(previous_month(period)),
        month_last(previous_month(period)) + DAY,
    ]
    options = [st.dates(made.day, last_print)]
    if made.day <= as_of:
        options += [st.dates(made.day, as_of)] * 2
    if any(made.day <= d <= last_print for d in turns):
        options.append(st.sampled_from([d for d in turns if made.day <= d <= last_print]))
    steps: list[Action] = []
    for _ in range(draw(st.integers(0, 3))):
        what = draw(
            st.sampled_from(["close", "close", "strike", "return", "correction", "extension", "extension"])
        )
        on = draw(st.one_of(options))
        if what in ("close", "strike", "return") and draw(st.booleans()):
            sent = draw(st.dates(made.day, on))
            percent = draw(st.sampled_from([None, 60, 100]))
            steps.append(
                Report(made.key, draw(st.sampled_from([month_of(sent), period])), percent, sent, sent)
            )
        if what in ("close", "strike"):
            steps.append(Close(made.key, what == "strike", on))
        elif what == "return":
            steps.append(Review(made.key, False, on))
        else:
            if what == "extension":
                day = (made.deadline or as_of) + draw(st.integers(1, 25)) * DAY
            else:
                day = draw(
                    st.one_of(
                        st.dates(as_of - 3 * DAY, as_of + 9 * DAY),
                        st.dates(as_of - 30 * DAY, as_of + 30 * DAY),
                    )
                )
            if made.start is not None:
                day = max(day, made.start)
            steps.append(Deadline(made.key, day, what, on))
    return steps


def workable(h: History) -> History:
    """The history without what the office could not have done, as PlanDesk's workflow would refuse it: a 退回
    only of a report not yet reviewed; 办结/销号 once reported (the report accepted on the same day first, if it
    was not); no report after 办结/销号; a 延期 only of a deadline already set, to a later day, before closing."""
    state: dict[int, str] = {}
    deadline: dict[int, dt.date | None] = {}
    out: list[Action] = []
    for a in h.actions:
        if isinstance(a, Made):
            state[a.key], deadline[a.key] = "assigned", a.deadline
        elif isinstance(a, Report):
            if a.reported_on > a.day:
                pass  # refused as dated ahead: it changes nothing
            elif state[a.key] == "closed":
                continue
            else:
                state[a.key] = "reported"
        elif isinstance(a, Review):
            if state[a.key] != "reported":
                continue
            state[a.key] = "accepted" if a.accept else "returned"
        elif isinstance(a, Close):
            if state[a.key] == "reported":
                out.append(Review(a.key, True, a.day))
                state[a.key] = "accepted"
            if state[a.key] != "accepted":
                continue
            state[a.key] = "closed"
        elif isinstance(a, Deadline):
            current = deadline[a.key]
            if a.kind == "extension" and (
                state[a.key] == "closed" or current is None or a.deadline is None or a.deadline <= current
            ):
                continue
            deadline[a.key] = a.deadline
        out.append(a)
    return History(out)


def _quiet_between(h: History, as_of: dt.date) -> History:
    """Drop what is recorded between the two printing days but dated by the as-of day (an assignment that
    exists by then, a report dated by then), with whatever belongs to a dropped assignment."""
    first_print = as_of + 7 * DAY
    dropped: set[int] = set()
    kept: list[Action] = []
    for a in h.actions:
        if a.key in dropped:
            continue
        if a.day > first_print:
            if isinstance(a, Made) and (a.start or a.day) <= as_of:
                dropped.add(a.key)
                continue
            if isinstance(a, Report) and a.reported_on <= as_of:
                continue
        kept.append(a)
    return History(kept)


# -- writing and printing through PlanDesk ----------------------------------------------------------------------


@dataclass
class Office:
    db: Database
    folder: Path
    plan_id: int
    nodes: dict[str, int]  # task label → node id
    ids: dict[int, int]  # history key → assignment id
    indicators: list[int]  # the plan's indicator ids, in the plan's order
    written: int = 0  # actions written so far


@contextmanager
def office(template: Path, plan_day: dt.date) -> Iterator[Office]:
    """A fresh database (a copy of the migrated template) holding the small plan, imported on ``plan_day``."""
    folder = Path(tempfile.mkdtemp(prefix="plandesk-oracle-"))
    shutil.copyfile(template, folder / "office.sqlite3")
    db = open_database(str(folder / "office.sqlite3"), operator="神谕")
    try:
        with fixed_today(plan_day):
            plan_id = import_plan(db, parsed=small_plan()).plan_id
        info = get_plan(db, plan_id=plan_id)
        assert info.root_id is not None
        nodes: dict[str, int] = {}
        stack = [info.root_id]
        while stack:
            for row in children(db, node_id=stack.pop()):
                if row.kind == "task":
                    nodes[row.label] = row.id
                stack.append(row.id)
        assert sorted(nodes) == TASKS
        indicators = [i.id for i in list_indicators(db, plan_id=plan_id)]
        assert [i.name for i in list_indicators(db, plan_id=plan_id)] == [n for n, _, _ in INDICATORS]
        yield Office(db, folder, plan_id, nodes, {}, indicators)
    finally:
        db.close()
        shutil.rmtree(folder, ignore_errors=True)


def write_until(o: Office, h: History, last: dt.date) -> None:
    """Record the history's actions up to ``last``, each on its own day."""
    while o.written < len(h.actions) and h.actions[o.written].day <= last:
        a = h.actions[o.written]
        with fixed_today(a.day):
            if isinstance(a, Made):
                o.ids[a.key] = create_assignment(
                    o.db,
                    node_id=o.nodes[a.task],
                    unit=a.unit,
                    role=a.role,
                    start_date=a.start,
                    deadline=a.deadline,
                    status=a.status,
                    percent=a.percent,
                ).id
            elif isinstance(a, Report) and a.reported_on > a.day:
                # A report dated ahead of the day it is typed in is refused, and nothing is written.
                try:
                    add_progress(
                        o.db,
                        assignment_id=o.ids[a.key],
                        period=a.period,
                        text=f"第{o.written}条进展情况",
                        percent=a.percent,
                        reported_on=a.reported_on,
                    )
                except PlanDeskError as exc:
                    assert exc.field == "reported_on", exc
                else:
                    raise AssertionError(f"a report dated {a.reported_on} was taken on {a.day}")
            elif isinstance(a, Report):
                add_progress(
                    o.db,
                    assignment_id=o.ids[a.key],
                    period=a.period,
                    text=f"第{o.written}条进展情况",
                    percent=a.percent,
                    reported_on=a.reported_on,
                )
            elif isinstance(a, Edit):
                update_assignment(o.db, assignment_id=o.ids[a.key], status=a.status)
            elif isinstance(a, Review):
                reason = "" if a.accept else "材料不全，请补充后重报"
                review(o.db, assignment_id=o.ids[a.key], accept=a.accept, reason=reason, at=a.day)
            elif isinstance(a, Close):
                close(o.db, assignment_id=o.ids[a.key], struck_off=a.struck_off, note="已完成", at=a.day)
            elif isinstance(a, Measured):
                set_indicator_value(
                    o.db, indicator_id=o.indicators[a.indicator], value=a.value, measured_on=a.measured_on
                )
            else:
                reason = "经批准延期" if a.kind == "extension" else ""
                change_deadline(
                    o.db, assignment_id=o.ids[a.key], deadline=a.deadline, kind=a.kind, reason=reason
                )
        o.written += 1


@dataclass
class Printed:
    monthly_pdf: Path
    ledger_xlsx: Path
    dashboard: object


def print_outputs(o: Office, sc: Scenario, day: dt.date) -> Printed:
    """On ``day``: the monthly report (PDF), the 报送台账 (.xlsx) and the 总览, all as of the scenario's day."""
    pdf = o.folder / f"monthly-{day}.pdf"
    xlsx = o.folder / f"ledger-{day}.xlsx"
    first, last = sc.ledger_months
    with fixed_today(day):
        write_monthly_report(o.db, plan_id=o.plan_id, month=sc.period, path=pdf, as_of=sc.as_of)
        ledger = reporting_ledger(o.db, first=first, last=last, plan_id=o.plan_id, as_of=sc.as_of)
        export_reporting_ledger(ledger, xlsx)
        dash = dashboard_data(o.db, plan_id=o.plan_id, as_of=sc.as_of)
    return Printed(pdf, xlsx, dash)


@dataclass
class EveryOutput:
    """The outputs ``print_outputs`` leaves out, printed on one day as of the scenario's day."""

    monthly_docx: Path
    brief_pdf: Path
    brief_docx: Path
    unit: str
    unit_pdf: Path
    unit_docx: Path
    work_ledger_xlsx: Path
    scores_xlsx: Path
    warnings: list[object]
    bulletin_pdf: Path


def print_every_output(o: Office, sc: Scenario, day: dt.date, unit: str) -> EveryOutput:
    """On ``day``, as of the scenario's day: the monthly report as Word, the brief (PDF and Word), ``unit``'s own
    report (PDF and Word), the 工作台账, the 考核 ranking exported, the 预警 and the 督查通报 (PDF)."""
    f = o.folder
    out = EveryOutput(
        f / f"monthly-{day}.docx",
        f / f"brief-{day}.pdf",
        f / f"brief-{day}.docx",
        unit,
        f / f"unit-{day}.pdf",
        f / f"unit-{day}.docx",
        f / f"work-ledger-{day}.xlsx",
        f / f"scores-{day}.xlsx",
        [],
        f / f"bulletin-{day}.pdf",
    )
    common = {"plan_id": o.plan_id, "month": sc.period, "as_of": sc.as_of}
    with fixed_today(day):
        write_monthly_report(o.db, path=out.monthly_docx, **common)
        write_monthly_report(o.db, path=out.brief_pdf, brief=True, **common)
        write_monthly_report(o.db, path=out.brief_docx, brief=True, **common)
        write_monthly_report(o.db, path=out.unit_pdf, unit=unit, **common)
        write_monthly_report(o.db, path=out.unit_docx, unit=unit, **common)
        export_ledger(o.db, plan_id=o.plan_id, path=out.work_ledger_xlsx, as_of=sc.as_of)
        ranking = unit_scores(o.db, plan_id=o.plan_id, period=sc.period, as_of=sc.as_of)
        export_scores(ranking, out.scores_xlsx, period=sc.period, as_of=sc.as_of)
        out.warnings = list(compute_warnings(o.db, plan_id=o.plan_id, as_of=sc.as_of))
        render_bulletin(
            draft_bulletin(o.db, plan_id=o.plan_id, month=sc.period, as_of=sc.as_of), out.bulletin_pdf
        )
    return out


@dataclass
class Supervision:
    """The 催办 notices (a preview: nothing numbered or recorded; None when no unit gets one), the 计分办法 ranking
    exported, the 督查通报 and the evaluation report, printed on one day as of the scenario's day."""

    notices_pdf: Path | None
    points_xlsx: Path
    bulletin_pdf: Path
    evaluation_pdf: Path


def print_supervision(o: Office, sc: Scenario, day: dt.date) -> Supervision:
    """On ``day``, as of the scenario's day: the 催办 notices previewed, the points of the ledger's months, the
    督查通报 and the evaluation report (PDF)."""
    f = o.folder
    out = Supervision(
        f / f"notices-{day}.pdf",
        f / f"points-{day}.xlsx",
        f / f"bulletin-{day}.pdf",
        f / f"evaluation-{day}.pdf",
    )
    first, last = sc.ledger_months
    with fixed_today(day):
        try:
            issue_notices(o.db, plan_id=o.plan_id, as_of=sc.as_of, path=out.notices_pdf, preview=True)
        except PlanDeskError as exc:
            assert exc.field == "as_of", exc  # no unit has overdue or due-soon work
            out.notices_pdf = None
        ranking = point_ranking(o.db, first=first, last=last, plan_id=o.plan_id, as_of=sc.as_of)
        export_point_ranking(ranking, out.points_xlsx)
        render_bulletin(
            draft_bulletin(o.db, plan_id=o.plan_id, month=sc.period, as_of=sc.as_of), out.bulletin_pdf
        )
        render_report(
            gather_evaluation(o.db, plan_id=o.plan_id, as_of=sc.as_of, kind="annual"), out.evaluation_pdf
        )
    return out
