"""The work ledger (工作台账) as a use case: read the assignments, hand plain rows to the writer."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Assignment, Plan, PlanNode, ProgressEntry, Responsibility, Unit
from ..reports.ledger import write_ledger
from ..reports.pdf_common import IsCancelled, Progress, checker
from ..storage import Database
from .report_data import path_labels
from .status import STATUS_NAMES, effective_status


def _doc_units(s: Session, plan_ids: list[int]) -> dict[int, tuple[list[str], list[str]]]:
    """Lead and co-operating units of each node, as the document names them (in printed order)."""
    out: dict[int, tuple[list[str], list[str]]] = {}
    for node_id, role, name in s.execute(
        select(Responsibility.node_id, Responsibility.role, Unit.name)
        .join(Unit, Unit.id == Responsibility.unit_id)
        .join(PlanNode, PlanNode.id == Responsibility.node_id)
        .where(PlanNode.plan_id.in_(plan_ids))
        .order_by(Responsibility.node_id, Responsibility.position)
    ):
        leads, cos = out.setdefault(node_id, ([], []))
        (leads if role == "lead" else cos).append(name)
    return out


def _latest_progress(s: Session, plan_ids: list[int]) -> dict[int, str]:
    """The newest progress text of each assignment, prefixed with its period (one windowed query)."""
    ranked = (
        select(
            ProgressEntry.assignment_id,
            ProgressEntry.period,
            ProgressEntry.text,
            func.row_number()
            .over(
                partition_by=ProgressEntry.assignment_id,
                order_by=(ProgressEntry.period.desc(), ProgressEntry.id.desc()),
            )
            .label("rn"),
        )
        .join(Assignment, Assignment.id == ProgressEntry.assignment_id)
        .join(PlanNode, PlanNode.id == Assignment.node_id)
        .where(PlanNode.plan_id.in_(plan_ids))
        .subquery()
    )
    rows = s.connection().execute(
        select(ranked.c.assignment_id, ranked.c.period, ranked.c.text).where(ranked.c.rn == 1)
    )
    return {aid: f"［{period}］{txt}" for aid, period, txt in rows}


def ledger_rows(db: Database, *, plan_id: int | None, as_of: dt.date | None = None) -> Iterator[list[Any]]:
    """Ledger rows in document order; assignment units fill in where the document named none."""
    as_of = as_of or dt.date.today()
    with db.read() as s:
        q = select(Plan.id, Plan.title).order_by(Plan.id)
        if plan_id is not None:
            q = q.where(Plan.id == plan_id)
        plans = dict(s.execute(q).tuples().all())
        if not plans:
            return
        paths, order = path_labels(s, list(plans))
        rank = {node_id: i for i, node_id in enumerate(order)}
        doc_units = _doc_units(s, list(plans))
        latest = _latest_progress(s, list(plans))
        rows = (
            s.connection()
            .execute(
                select(
                    Assignment.id,
                    Assignment.node_id,
                    Assignment.role,
                    Assignment.contact_person,
                    Assignment.contact_phone,
                    Assignment.start_date,
                    Assignment.deadline,
                    Assignment.status,
                    Assignment.percent,
                    Unit.name,
                    PlanNode.plan_id,
                    PlanNode.title,
                )
                .join(Unit, Unit.id == Assignment.unit_id)
                .join(PlanNode, PlanNode.id == Assignment.node_id)
                .where(PlanNode.plan_id.in_(list(plans)), Assignment.archived.is_(False))
            )
            .all()
        )
    rows = sorted(rows, key=lambda r: (rank.get(r[1], 1 << 30), r[2] != "lead", r[0]))
    per_node: dict[int, tuple[list[str], list[str]]] = {}
    for r in rows:
        leads, cos = per_node.setdefault(r[1], ([], []))
        (leads if r[2] == "lead" else cos).append(r[9])
    joined = {
        node_id: ("、".join(leads), "、".join(cos))
        for node_id, (leads, cos) in {**per_node, **doc_units}.items()
    }
    for aid, node_id, _role, person, phone, start, deadline, status, percent, unit, pid, title in rows:
        lead, co = joined[node_id]
        eff = effective_status(status, deadline, as_of)
        yield [
            plans[pid],
            paths.get(node_id, ""),
            title,
            lead,
            co,
            unit,
            person,
            phone,
            start,
            deadline,
            STATUS_NAMES.get(eff, eff),
            percent,
            latest.get(aid, ""),
        ]


def export_ledger(
    db: Database,
    *,
    plan_id: int | None,
    path: str | os.PathLike[str],
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
    as_of: dt.date | None = None,
) -> Path:
    """Write the ledger workbook: one row per assignment, in document order."""
    step = checker(progress, is_cancelled)
    step(1, "正在读取分工记录…")
    return write_ledger(ledger_rows(db, plan_id=plan_id, as_of=as_of), path, step)
