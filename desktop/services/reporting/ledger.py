"""The work ledger (工作台账) as a use case: read the assignments, hand plain rows to the writer."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import clock, rulebook
from ...models import Assignment, ExtensionRequest, Plan, PlanNode, ProgressEntry, Unit
from ...reports.ledger import write_ledger
from ...reports.pdf_common import IsCancelled, Progress, checker
from ...status import ROLE_NAMES, STATUS_NAMES
from ...storage import Database
from ..core.as_of import report_counts, states_on
from ..core.gc_pause import collector_paused
from ..core.statistics import document_units, unassigned_work
from ..supervision import echoes
from ..supervision.workflow import state_name
from .report_data import path_labels


def _latest_progress(
    s: Session, plan_ids: list[int], as_of: dt.date
) -> dict[int, tuple[str, str, str, str, str]]:
    """The newest report of each assignment by the as-of day: its text prefixed with the period, problems,
    next steps; then its period and text as entered."""
    # Newest = latest period, then the last entered; one index probe per assignment along
    # (assignment_id, period, id), instead of ranking every entry of the plans.
    newest = (
        select(ProgressEntry.id)
        .where(ProgressEntry.assignment_id == Assignment.id, report_counts(as_of))
        .order_by(ProgressEntry.period.desc(), ProgressEntry.id.desc())
        .limit(1)
        .correlate(Assignment)
        .scalar_subquery()
    )
    rows = s.connection().execute(
        select(
            ProgressEntry.assignment_id,
            ProgressEntry.period,
            ProgressEntry.text,
            ProgressEntry.problems,
            ProgressEntry.next_steps,
        )
        .select_from(Assignment)
        .join(PlanNode, PlanNode.id == Assignment.node_id)
        .join(ProgressEntry, ProgressEntry.id == newest)
        .where(PlanNode.plan_id.in_(plan_ids))
    )
    return {
        aid: (f"［{period}］{txt}", problems or "", steps or "", period, txt or "")
        for aid, period, txt, problems, steps in rows
    }


def _echoes(
    s: Session, rows: Sequence[Any], latest: dict[int, tuple[str, str, str, str, str]], as_of: dt.date
) -> dict[int, str]:
    """雷同 marks of the newest reports: the assignment's report before it, other units' of the same month."""
    reports = [
        echoes.Report(row[0], row[0], row[1], row[9], latest[row[0]][3], latest[row[0]][4])
        for row in rows
        if row[0] in latest
    ]
    before = echoes.reports_before(s, {r.assignment_id: r.period for r in reports}, as_of)
    return echoes.mark(reports, before)


def _pending_extensions(s: Session, plan_ids: list[int]) -> dict[int, dt.date]:
    rows = s.execute(
        select(ExtensionRequest.assignment_id, ExtensionRequest.requested_deadline)
        .join(Assignment, Assignment.id == ExtensionRequest.assignment_id)
        .join(PlanNode, PlanNode.id == Assignment.node_id)
        .where(PlanNode.plan_id.in_(plan_ids), ExtensionRequest.decision == "pending")
    )
    return dict(rows.tuples().all())


def _extension(original: dt.date | None, deadline: dt.date | None, pending: dt.date | None) -> str:
    parts = []
    if original is not None and deadline != original:
        parts.append(f"已延期（原{original.isoformat()}）")
    if pending is not None:
        parts.append(f"申请延至{pending.isoformat()}")
    return "；".join(parts)


def _contact(person: str, phone: str) -> str:
    return "\n".join(p for p in (person, phone) if p)


def ledger_rows(db: Database, *, plan_id: int | None, as_of: dt.date | None = None) -> Iterator[list[Any]]:
    """Ledger rows in document order: each assignment, and each 未分工 task with the document's units."""
    as_of = as_of or clock.today()
    with db.read() as s:
        q = select(Plan.id, Plan.title).order_by(Plan.id)
        if plan_id is not None:
            q = q.where(Plan.id == plan_id)
        plans: dict[int, str] = {pid: title for pid, title in s.execute(q).tuples()}
        if not plans:
            return
        paths, order = path_labels(s, list(plans))
        rank = {node_id: i for i, node_id in enumerate(order)}
        latest = _latest_progress(s, list(plans), as_of)
        pending = _pending_extensions(s, list(plans))
        rows = (
            s.connection()
            .execute(
                select(
                    Assignment.id,
                    Assignment.node_id,
                    Assignment.role,
                    Assignment.contact_person,
                    Assignment.contact_phone,
                    Assignment.original_deadline,
                    Assignment.deadline,
                    Assignment.status,
                    Assignment.percent,
                    Unit.name,
                    PlanNode.plan_id,
                    PlanNode.title,
                    Assignment.workflow_state,
                )
                .join(Unit, Unit.id == Assignment.unit_id)
                .join(PlanNode, PlanNode.id == Assignment.node_id)
                .where(
                    PlanNode.plan_id.in_(list(plans)),
                    Assignment.archived.is_(False),
                    PlanNode.archived.is_(False),
                )
            )
            .all()
        )
        unassigned = [
            (node_id, pid, title, units)
            for pid in plans
            for node_id, _, title, units in unassigned_work(s, [pid])
        ]
        states = states_on(s, [row[0] for row in rows], as_of)  # each assignment as it stood on the day
        echo = _echoes(s, rows, latest, as_of)
    items: list[tuple[tuple[int, bool, int], list[Any]]] = []
    assigned_then = {row[1] for row in rows if states[row[0]].exists}
    later = {(row[1], row[10], row[11]) for row in rows if row[1] not in assigned_then}
    if later:
        with db.read() as s:
            named = document_units(s, [node_id for node_id, _, _ in later])
        for node_id, pid, title in later:  # its units were all assigned after the day: 未分工 then
            unassigned.append((node_id, pid, title, named.get(node_id, [])))
    for aid, node_id, _role, person, phone, _o, _d, _st, _p, unit, pid, title, _ws in rows:
        then = states[aid]
        if not then.exists:
            continue
        role, original, deadline = then.role, then.original_deadline, then.deadline
        status, percent, state = then.status, then.percent, then.workflow_state
        eff = rulebook.supervised_status(status, state, deadline, as_of)
        progress, problems, steps = latest.get(aid, ("", "", ""))[:3]
        if aid in echo:
            progress += f"（{echo[aid]}）"  # 材料空转: the office sees it beside the text
        late = (as_of - deadline).days if eff == "overdue" and deadline else None
        items.append(
            (
                (rank.get(node_id, 1 << 30), role != "lead", aid),
                [
                    plans[pid],
                    paths.get(node_id, "").replace("/", ""),
                    title,
                    unit,
                    ROLE_NAMES.get(role, role),
                    _contact(person, phone),
                    deadline,
                    _extension(original, deadline, pending.get(aid)),
                    state_name(state),
                    STATUS_NAMES.get(eff, eff),
                    percent,
                    late,
                    progress,
                    problems,
                    steps,
                ],
            )
        )
    for node_id, pid, title, units in unassigned:
        doc = "、".join(units) or "（文件未列明）"
        items.append(
            (
                (rank.get(node_id, 1 << 30), False, 0),
                [
                    plans[pid],
                    paths.get(node_id, "").replace("/", ""),
                    title,
                    doc,
                    "",
                    "",
                    None,
                    "",
                    "",
                    "未分工",
                ]
                + [None, None, "", "", ""],
            )
        )
    items.sort(key=lambda it: it[0])
    for number, (_, row) in enumerate(items, start=1):
        yield [row[0], number, *row[1:]] if plan_id is None else [number, *row[1:]]


def export_ledger(
    db: Database,
    *,
    plan_id: int | None,
    path: str | os.PathLike[str],
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
    as_of: dt.date | None = None,
) -> Path:
    """Write the ledger workbook: one row per assignment and per 未分工 task, in document order."""
    step = checker(progress, is_cancelled)
    step(1, "正在读取分工记录…")
    as_of = as_of or clock.today()
    title = ""
    if plan_id is not None:
        with db.read() as s:
            title = s.scalar(select(Plan.title).where(Plan.id == plan_id)) or ""
    with collector_paused():
        return write_ledger(
            ledger_rows(db, plan_id=plan_id, as_of=as_of),
            path,
            step,
            plan_title=title,
            made_on=clock.today(),
            as_of=as_of,
            every_plan=plan_id is None,
        )
