"""The work ledger (工作台账): one Excel row per assignment, written in openpyxl's streaming mode."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Assignment, Plan, PlanNode, ProgressEntry, Responsibility, Unit
from ..services.report_data import path_labels
from ..services.status import STATUS_NAMES, effective_status
from ..storage import Database
from .pdf_common import IsCancelled, Progress, atomic_path, checker

COLUMNS = [("方案", 30), ("编号路径", 14), ("任务", 48), ("牵头单位", 24), ("配合单位", 30), ("责任单位", 24),
           ("联系人", 10), ("电话", 15), ("开始日期", 12), ("截止日期", 12), ("状态", 8), ("完成百分比", 11),
           ("最新进展", 60)]
DATE_COLUMNS = (8, 9)
CHUNK = 5000


def _doc_units(s: Session, plan_ids: list[int]) -> dict[int, tuple[list[str], list[str]]]:
    """Lead and co-operating units of each node, as the document names them (in printed order)."""
    out: dict[int, tuple[list[str], list[str]]] = {}
    for node_id, role, name in s.execute(
            select(Responsibility.node_id, Responsibility.role, Unit.name).join(Unit, Unit.id == Responsibility.unit_id)
            .join(PlanNode, PlanNode.id == Responsibility.node_id).where(PlanNode.plan_id.in_(plan_ids))
            .order_by(Responsibility.node_id, Responsibility.position)):
        leads, cos = out.setdefault(node_id, ([], []))
        (leads if role == "lead" else cos).append(name)
    return out


def _latest_progress(s: Session, assignment_ids: list[int]) -> dict[int, str]:
    """The newest progress text of each assignment, prefixed with its period."""
    latest: dict[int, str] = {}
    q = (select(ProgressEntry.assignment_id, ProgressEntry.period, ProgressEntry.text)
         .where(ProgressEntry.assignment_id.in_(assignment_ids))
         .order_by(ProgressEntry.assignment_id, ProgressEntry.period, ProgressEntry.id))
    for assignment_id, period, txt in s.execute(q):
        latest[assignment_id] = f"［{period}］{txt}"
    return latest


def ledger_rows(db: Database, *, plan_id: int | None, as_of: dt.date | None = None) -> Iterator[list[Any]]:
    """Ledger rows in document order; assignment units fill in where the document named none."""
    as_of = as_of or dt.date.today()
    with db.read() as s:
        q = select(Plan.id, Plan.title).order_by(Plan.id)
        if plan_id is not None:
            q = q.where(Plan.id == plan_id)
        plans = dict(s.execute(q).all())
        if not plans:
            return
        paths, order = path_labels(s, list(plans))
        rank = {node_id: i for i, node_id in enumerate(order)}
        doc_units = _doc_units(s, list(plans))
        rows = s.execute(
            select(Assignment.id, Assignment.node_id, Assignment.role, Assignment.contact_person,
                   Assignment.contact_phone, Assignment.start_date, Assignment.deadline, Assignment.status,
                   Assignment.percent, Unit.name, PlanNode.plan_id, PlanNode.title)
            .join(Unit, Unit.id == Assignment.unit_id).join(PlanNode, PlanNode.id == Assignment.node_id)
            .where(PlanNode.plan_id.in_(list(plans)), Assignment.archived.is_(False))).all()
        rows.sort(key=lambda r: (rank.get(r.node_id, 1 << 30), r.role != "lead", r.id))
        per_node: dict[int, tuple[list[str], list[str]]] = {}
        for r in rows:
            leads, cos = per_node.setdefault(r.node_id, ([], []))
            (leads if r.role == "lead" else cos).append(r.name)
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start:start + CHUNK]
            latest = _latest_progress(s, [r.id for r in chunk])
            for r in chunk:
                leads, cos = doc_units.get(r.node_id) or per_node[r.node_id]
                status = effective_status(r.status, r.deadline, as_of)
                yield [plans[r.plan_id], paths.get(r.node_id, ""), r.title, "、".join(leads), "、".join(cos), r.name,
                       r.contact_person, r.contact_phone, r.start_date, r.deadline, STATUS_NAMES.get(status, status),
                       r.percent, latest.get(r.id, "")]


def export_ledger(db: Database, *, plan_id: int | None, path: str | os.PathLike[str], progress: Progress = None,
                  is_cancelled: IsCancelled = None, as_of: dt.date | None = None) -> Path:
    """Write the ledger workbook: frozen header, filter, real date cells, percent as a number."""
    step = checker(progress, is_cancelled)
    step(1, "正在读取分工记录…")
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("工作台账")
    ws.freeze_panes = "A2"
    for i, (_, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DCE3EE")
    centre = Alignment(horizontal="center", vertical="center")
    header = []
    for name, _ in COLUMNS:
        cell = WriteOnlyCell(ws, value=name)
        cell.font, cell.fill, cell.alignment = bold, fill, centre
        header.append(cell)
    ws.append(header)
    # One date cell per column, reused: styling a fresh cell per row costs more than the rest of the row.
    date_cells = {i: WriteOnlyCell(ws) for i in DATE_COLUMNS}
    for cell in date_cells.values():
        cell.number_format = "yyyy-mm-dd"
    count = 0
    for row in ledger_rows(db, plan_id=plan_id, as_of=as_of):
        for i in DATE_COLUMNS:
            if row[i] is not None:
                date_cells[i].value = row[i]
                row[i] = date_cells[i]
        ws.append(row)
        count += 1
        if count % 10000 == 0:
            step(min(90, 5 + count // 2000), f"已写入 {count} 行…")
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{count + 1}"
    step(92, "正在保存工作簿…")
    target = Path(path)
    with atomic_path(target) as tmp:
        wb.save(tmp)
    step(100, f"已导出 {count} 行")
    return target
