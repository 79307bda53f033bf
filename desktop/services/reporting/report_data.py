"""Plain data behind the monthly status report: gathered live or read back from a closed month."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ... import clock, rulebook
from ...errors import NotFound
from ...models import (
    Assignment,
    Indicator,
    IndicatorValue,
    MonthSnapshot,
    Plan,
    PlanNode,
    ProgressEntry,
    Unit,
)
from ...reports.report_model import (  # noqa: F401 - the report data is part of this module's interface
    AT_RISK_DAYS,
    DUE_DAYS,
    OPEN,
    UNASSIGNED,
    UNFINISHED,
    AssignmentLine,
    IndicatorLine,
    MonthlyReportData,
    NoticeItem,
    ProgressLine,
    ScoreLine,
    Summary,
    Tally,
    TaskLine,
    UnitLine,
    UnitNotice,
    count_units,
    is_at_risk,
    sorted_units,
    summarize,
    unit_table,
)
from ...storage import Database
from ..core.as_of import AssignmentState, report_counts, states_on
from ..core.statistics import document_units, unassigned_work
from ..core.units import resolve_unit
from ..core.validation import parse_period
from ..supervision import scoring
from ..supervision.warnings import due_soon_days

# -- gathering ---------------------------------------------------------------------------------------------


def month_bounds(month: str) -> tuple[dt.date, dt.date]:
    year, mon = int(month[:4]), int(month[5:7])
    return dt.date(year, mon, 1), dt.date(year, mon, calendar.monthrange(year, mon)[1])


def default_as_of(month: str, today: dt.date | None = None) -> dt.date:
    """The last day of the month, or today while the month is still running."""
    today = today or clock.today()
    first, last = month_bounds(month)
    return today if first <= today <= last else last


def path_labels(s: Session, plan_ids: list[int]) -> tuple[dict[int, str], list[int]]:
    """Each node's printed numbering path ('二、/（一）/3.') and all nodes in document order."""
    # Core rows: the ORM's per-row bookkeeping is most of the cost for a province's 100 000 nodes.
    rows = (
        s.connection()
        .execute(
            select(PlanNode.id, PlanNode.parent_id, PlanNode.label, PlanNode.position).where(
                PlanNode.plan_id.in_(plan_ids)
            )
        )
        .all()
    )
    kids: dict[int | None, list[tuple[int, int]]] = {}
    label = {}
    for node_id, parent_id, lab, pos in rows:
        kids.setdefault(parent_id, []).append((pos, node_id))
        label[node_id] = lab or ""
    paths: dict[int, str] = {}
    order: list[int] = []
    stack = [(nid, "") for _, nid in sorted(kids.get(None, []), reverse=True)]
    while stack:
        node_id, prefix = stack.pop()
        own = label[node_id]
        path = f"{prefix}/{own}" if prefix and own else (own or prefix)
        paths[node_id] = path
        order.append(node_id)
        stack.extend((nid, path) for _, nid in sorted(kids.get(node_id, []), reverse=True))
    return paths, order


def plan_scope(s: Session, plan_id: int | None) -> tuple[list[int], str]:
    """The plans a report covers (one, or all when ``plan_id`` is None) and the title it prints."""
    if plan_id is None:
        plans = s.execute(select(Plan.id, Plan.title).order_by(Plan.id)).all()
        return [p[0] for p in plans], "全部方案"
    plan = s.get(Plan, plan_id)
    if plan is None:
        raise NotFound(f"找不到编号为 {plan_id} 的方案。", field="plan_id")
    return [plan.id], plan.title


def _assignment_query(plan_ids: list[int] | None, month: str, as_of: dt.date) -> Select[Any]:
    """Plain columns of every live assignment (ORM rows cost several times more to build).

    Two indexed probes per row say whether the unit reported for the month by the as-of day and whether it
    reported 100 %; a report dated after the as-of day does not count.
    """
    in_month = (
        ProgressEntry.assignment_id == Assignment.id,
        ProgressEntry.period == month,
        report_counts(as_of),
    )
    reported = select(ProgressEntry.id).where(*in_month).exists()
    finished = select(ProgressEntry.id).where(*in_month, ProgressEntry.percent == 100).exists()
    q = (
        select(
            Assignment.id,
            Assignment.node_id,
            Assignment.contact_person,
            Assignment.contact_phone,
            Unit.name,
            PlanNode.plan_id,
            PlanNode.title,
            reported,
            finished,
        )
        .join(Unit, Unit.id == Assignment.unit_id)
        .join(PlanNode, PlanNode.id == Assignment.node_id)
        .where(Assignment.archived.is_(False), PlanNode.archived.is_(False))
    )
    return q if plan_ids is None else q.where(PlanNode.plan_id.in_(plan_ids))


def _line(row: Any, as_of: dt.date, month_end: dt.date, then: AssignmentState) -> AssignmentLine:
    """One row of the model: a unit's own assignment as it stood on ``as_of`` (``then``), its own deadline and
    its status that day."""
    # The assignment's own fields come from ``then``; the row adds contact, unit and this month's reports.
    a_id, _node, person, phone, unit, _plan, _title, reported, finished = row
    deadline, original = then.deadline, then.original_deadline
    eff = rulebook.supervised_status(then.status, then.workflow_state, deadline, as_of)
    extended = original is not None and deadline != original
    line = AssignmentLine(a_id, unit, then.role, deadline, eff, then.percent, person, phone, extended)
    line.reported = bool(reported)
    begins = rulebook.begins_on(then.start_date, then.recorded)
    line.owes_report = eff in OPEN and rulebook.owes_month(begins, month_end, as_of)
    line.completed_this_month = bool(finished) and eff == "done"
    return line


def _tasks(
    s: Session, plan_ids: list[int], month: str, as_of: dt.date, *, every_plan: bool = False
) -> list[TaskLine]:
    paths, order = path_labels(s, plan_ids)
    scope = None if every_plan else plan_ids
    month_end = month_bounds(month)[1]
    rows = (
        s.connection()
        .execute(_assignment_query(scope, month, as_of).order_by(Assignment.role.desc(), Assignment.id))
        .all()
    )
    states = states_on(s, [row[0] for row in rows], as_of)
    tasks: dict[int, TaskLine] = {}
    lines: dict[int, AssignmentLine] = {}
    line: AssignmentLine | None
    later: dict[int, tuple[int, str]] = {}  # tasks whose units were all assigned after the as-of day
    for row in rows:
        then = states[row[0]]
        node_id, plan_id, title = row[1], row[5], row[6]
        if not then.exists:
            later[node_id] = (plan_id, title)
            continue
        line = _line(row, as_of, month_end, then)
        lines[line.id] = line
        tasks.setdefault(
            node_id, TaskLine(node_id, plan_id, paths.get(node_id, "").replace("/", ""), title)
        ).assignments.append(line)
    waiting = [node_id for node_id in later if node_id not in tasks]
    named = document_units(s, waiting)
    for node_id in waiting:  # 未分工 on the day, as the rulebook counts it, with the document's units
        plan_id, title = later[node_id]
        tasks[node_id] = TaskLine(
            node_id, plan_id, paths.get(node_id, "").replace("/", ""), title, [], named.get(node_id, [])
        )
    for node_id, plan_id, title, doc_units in unassigned_work(s, scope):
        tasks[node_id] = TaskLine(
            node_id, plan_id, paths.get(node_id, "").replace("/", ""), title, [], doc_units
        )
    if lines:
        q = (
            select(
                ProgressEntry.assignment_id,
                ProgressEntry.period,
                ProgressEntry.text,
                ProgressEntry.percent,
                ProgressEntry.problems,
                ProgressEntry.next_steps,
                ProgressEntry.reported_on,
            )
            .join(Assignment, Assignment.id == ProgressEntry.assignment_id)
            .where(ProgressEntry.period == month, report_counts(as_of))
            .order_by(ProgressEntry.reported_on, ProgressEntry.id)
        )
        if not every_plan:
            q = q.join(PlanNode, PlanNode.id == Assignment.node_id).where(PlanNode.plan_id.in_(plan_ids))
        for assignment_id, period, text, percent, problems, next_steps, reported_on in s.connection().execute(
            q
        ):
            owner = lines.get(assignment_id)
            if owner is None:
                continue
            owner.progress.append(
                ProgressLine(owner.unit, period, text, percent, problems, next_steps, reported_on)
            )
    rank = {node_id: i for i, node_id in enumerate(order)}
    return sorted(tasks.values(), key=lambda t: rank.get(t.node_id, 1 << 30))


def _brief(
    s: Session,
    plan_ids: list[int],
    month: str,
    as_of: dt.date,
    unit: str | None,
    every_plan: bool,
    due_days: int,
) -> tuple[Summary, list[UnitLine], list[TaskLine]]:
    """Summary, unit table and the overdue or due-soon tasks, streamed task by task without progress texts.

    Gives what restricted(unit=…, brief=True) of the full data would show, without holding every task at once.
    """
    paths, order = path_labels(s, plan_ids)
    rank = {node_id: i for i, node_id in enumerate(order)}
    del order
    scope = None if every_plan else plan_ids
    month_end = month_bounds(month)[1]
    q = _assignment_query(scope, month, as_of)
    if unit:
        q = q.where(Unit.name == unit)
    q = q.order_by(Assignment.node_id, Assignment.role.desc(), Assignment.id).execution_options(
        yield_per=5000
    )
    # Each assignment as it stood on the day (today's rows as they are, a past day's rebuilt).
    rows: Any = s.connection().execute(q).all()
    states = states_on(s, [row[0] for row in rows], as_of)
    tally = Tally(as_of, due_days)
    units: dict[str, UnitLine] = {}
    attention: list[TaskLine] = []

    def close(task: TaskLine) -> None:
        tally.add(task)
        count_units(units, task)
        # Every overdue assignment is listed, a cooperating unit's too (the task may stand as its lead does).
        if any(a.status == "overdue" for a in task.assignments) or is_at_risk(task, as_of, due_days):
            attention.append(task)

    task: TaskLine | None = None
    later: dict[int, tuple[int, str]] = {}  # tasks whose units were all assigned after the as-of day
    seen: set[int] = set()
    for row in rows:
        then = states[row[0]]
        node_id = row[1]
        if not then.exists:
            later[node_id] = (row[5], row[6])
            continue
        seen.add(node_id)
        if task is None or task.node_id != node_id:
            if task is not None:
                close(task)
            task = TaskLine(node_id, row[5], paths.get(node_id, "").replace("/", ""), row[6])
        task.assignments.append(_line(row, as_of, month_end, then))
    if task is not None:
        close(task)
    pending = [node_id for node_id in later if node_id not in seen]
    named = document_units(s, pending)
    for node_id in pending:  # 未分工 on the day, with the document's units
        plan_id, title = later[node_id]
        doc = named.get(node_id, [])
        if unit and unit not in doc:
            continue
        waiting = TaskLine(node_id, plan_id, paths.get(node_id, "").replace("/", ""), title, [], doc)
        tally.add(waiting)
        attention.append(waiting)
    for node_id, plan_id, title, doc_units in unassigned_work(s, scope, unit):
        unassigned = TaskLine(node_id, plan_id, paths.get(node_id, "").replace("/", ""), title, [], doc_units)
        tally.add(unassigned)
        attention.append(unassigned)
    attention.sort(key=lambda t: rank.get(t.node_id, 1 << 30))
    return tally.summary(), sorted_units(units), attention


def expected_share(target_year: int | None, start_year: int | None, as_of: dt.date) -> float:
    """Percent of the target due by as_of on a straight line from the plan's year to the target year."""
    if not target_year or not start_year or target_year <= start_year or as_of.year >= target_year:
        return 100.0
    elapsed = (as_of - dt.date(start_year, 1, 1)).days
    span = (dt.date(target_year, 12, 31) - dt.date(start_year, 1, 1)).days
    return round(max(0.0, min(100.0, 100.0 * elapsed / span)), 1)


def _indicators(s: Session, plan_ids: list[int], as_of: dt.date) -> list[IndicatorLine]:
    inds = s.execute(
        select(Indicator, Plan.issued_on)
        .join(Plan, Plan.id == Indicator.plan_id)
        .where(Indicator.plan_id.in_(plan_ids), Indicator.archived.is_(False))
        .order_by(Indicator.plan_id, Indicator.position, Indicator.id)
    ).all()
    latest: dict[int, IndicatorValue] = {}
    v: IndicatorValue | None
    for v in s.scalars(
        select(IndicatorValue)
        .join(Indicator)
        .where(Indicator.plan_id.in_(plan_ids), IndicatorValue.measured_on <= as_of)
        .order_by(IndicatorValue.measured_on, IndicatorValue.id)
    ):
        latest[v.indicator_id] = v
    out = []
    for ind, issued_on in inds:
        v = latest.get(ind.id)
        pct = None
        if v is not None and ind.target_value:
            if ind.operator in ("≤", "<"):
                pct = 100.0 * ind.target_value / v.value if v.value else 100.0
            else:
                pct = 100.0 * v.value / ind.target_value
            pct = round(pct, 1)
        start = issued_on.year if issued_on else None
        expected = expected_share(ind.target_year, start, as_of)
        behind = pct is not None and pct < expected
        out.append(
            IndicatorLine(
                ind.name,
                ind.field,
                ind.unit_of_measure,
                ind.target_text,
                ind.target_value,
                ind.target_year,
                ind.attribute,
                v.value if v else None,
                v.measured_on if v else None,
                pct,
                expected,
                behind,
            )
        )
    return out


def _scores(db: Database, plan_id: int | None, month: str, as_of: dt.date) -> tuple[list[ScoreLine], str]:
    """Unit ranking from the scoring service by the office's method (as the 考核 tab), on the report's day."""
    ranked = scoring.ranking(db, plan_id=plan_id, period=month, as_of=as_of)
    rows = ranked.scores
    lines = [
        ScoreLine(
            r.unit,
            r.assignments,
            r.feedback_on_time_rate,
            r.completion_rate,
            r.overdue,
            r.returned,
            r.score,
            r.rank,
        )
        for r in rows
    ]
    return lines, ranked.method_text


def report_unit(db: Database, unit: str | None) -> str | None:
    """The canonical name of the unit a report is asked for (aliases accepted); unknown names are refused."""
    if not unit or not unit.strip():
        return None
    with db.read() as s:
        return resolve_unit(s, unit.strip()).name


def _snapshot(db: Database, plan_id: int, month: str) -> MonthlyReportData | None:
    with db.read() as s:
        data = s.scalar(
            select(MonthSnapshot.data).where(MonthSnapshot.plan_id == plan_id, MonthSnapshot.period == month)
        )
    if not data:
        return None
    frozen = MonthlyReportData.from_dict(data)
    frozen.frozen = True
    return frozen


def gather_monthly(
    db: Database,
    *,
    plan_id: int | None,
    month: str,
    unit: str | None = None,
    include_done: bool = True,
    brief: bool = False,
    as_of: dt.date | None = None,
    office: str = "",
    live: bool = False,
) -> MonthlyReportData:
    """The monthly report's data; a closed month's frozen data unless ``live`` is asked for.

    ``unit`` may be any name or alias the unit is known by; a name PlanDesk does not know is refused.
    """
    month = parse_period(month)
    unit = report_unit(db, unit)
    if plan_id is not None and not live:
        frozen = _snapshot(db, plan_id, month)
        if frozen is not None:
            return frozen.restricted(unit=unit, include_done=include_done, brief=brief)
    as_of = as_of or default_as_of(month)
    due_days = due_soon_days(db)
    issued = max(as_of, clock.today())  # a past month's report is issued when it is printed
    with db.read() as s:
        plan_ids, title = plan_scope(s, plan_id)
        if not office and plan_id is not None:
            office = s.scalar(select(Plan.issuer).where(Plan.id == plan_id)) or ""
        if brief:
            # The brief shows the summary and the overdue and due-soon tasks only: no progress texts, indicators
            # or scores are gathered, and ``tasks`` holds just the tasks the brief lists.
            summary, units, attention = _brief(s, plan_ids, month, as_of, unit, plan_id is None, due_days)
            return MonthlyReportData(
                plan_id,
                title,
                office,
                month,
                as_of,
                issued,
                unit=unit or None,
                include_done=include_done,
                brief=True,
                summary=summary,
                units=units,
                tasks=attention,
                due_days=due_days,
            )
        tasks = _tasks(s, plan_ids, month, as_of, every_plan=plan_id is None)
        indicators = _indicators(s, plan_ids, as_of) if plan_ids else []
    scores, score_method = _scores(db, plan_id, month, as_of)
    full = MonthlyReportData(
        plan_id,
        title,
        office,
        month,
        as_of,
        issued,
        tasks=tasks,
        indicators=indicators,
        scores=scores,
        score_method=score_method,
        due_days=due_days,
    )
    return full.restricted(unit=unit, include_done=include_done, brief=brief)


def gather_notices(
    db: Database,
    *,
    plan_id: int,
    as_of: dt.date,
    due_within_days: int | None = None,
    units: list[str] | None = None,
    report_by: dt.date | None = None,
    office: str = "",
) -> list[UnitNotice]:
    """One notice per unit that has overdue work or work due within ``due_within_days`` (default: the 临期
    days of the warning rules, the same as the reports)."""
    if due_within_days is None:
        due_within_days = due_soon_days(db)
    report_by = report_by or as_of + dt.timedelta(days=7)
    with db.read() as s:
        plan_ids, title = plan_scope(s, plan_id)
        office = office or s.scalar(select(Plan.issuer).where(Plan.id == plan_id)) or ""
        paths, order = path_labels(s, plan_ids)
        rank = {node_id: i for i, node_id in enumerate(order)}
        rows = s.execute(
            select(Assignment, Unit.name, PlanNode.title)
            .join(Unit, Unit.id == Assignment.unit_id)
            .join(PlanNode, PlanNode.id == Assignment.node_id)
            .where(
                PlanNode.plan_id == plan_id,
                Assignment.archived.is_(False),
                PlanNode.archived.is_(False),
            )
        ).all()
        # Each assignment as it stood on the statistics day: a notice printed later speaks of that day, so work
        # assigned, finished, closed or given a new deadline after it is as it was then.
        states = states_on(s, [r[0].id for r in rows], as_of)
        notices: dict[str, UnitNotice] = {}
        for a, unit, node_title in sorted(rows, key=lambda r: (rank.get(r[0].node_id, 1 << 30), r[0].id)):
            if units and unit not in units:
                continue
            then = states[a.id]
            deadline = then.deadline
            if not then.exists or deadline is None:
                continue
            status = rulebook.supervised_status(then.status, then.workflow_state, deadline, as_of)
            if status not in OPEN:
                continue
            days = (deadline - as_of).days
            if days > due_within_days:
                continue
            notice = notices.setdefault(unit, UnitNotice(unit, plan_id, title, office, as_of, report_by))
            notice.items.append(
                NoticeItem(
                    a.id,
                    paths.get(a.node_id, "").replace("/", ""),
                    node_title,
                    then.role,
                    deadline,
                    days < 0,
                    abs(days),
                    then.percent,
                )
            )
    return sorted(notices.values(), key=lambda n: (-n.overdue_count, n.unit))
