"""节点目标: dated checkpoints of a long task with the percent expected by each, and which were met or missed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import clock
from ...errors import NotFound, PlanDeskError
from ...models import Assignment, Checkpoint, PlanNode, ProgressEntry, Unit
from ...storage import Database
from ..core.validation import check_percent, check_text, parse_date

STATE_NAMES = {"met": "已达成", "missed": "未达成", "upcoming": "未到期"}
QUARTER_ENDS = ((3, 31), (6, 30), (9, 30), (12, 31))


@dataclass(frozen=True)
class CheckpointInfo:
    id: int
    node_id: int
    due: dt.date
    expected_percent: int
    title: str
    state: str  # met | missed | upcoming
    state_name: str
    actual_percent: int | None  # the lead unit's percent reported by the due day
    unit: str  # the lead unit


def _node(s: Session, node_id: int) -> PlanNode:
    node = s.get(PlanNode, node_id)
    if node is None:
        raise NotFound(f"找不到编号为 {node_id} 的条目。", field="node_id")
    if node.archived:
        raise PlanDeskError("该条目已归档，只能查看，不能设置节点目标。", field="node_id")
    if node.kind == "root":
        raise PlanDeskError("请为具体任务设置节点目标。", field="node_id")
    return node


def _check_order(existing: Sequence[tuple[dt.date, int]], due: dt.date, percent: int) -> None:
    """Later checkpoints may not expect less than earlier ones; one date holds one checkpoint."""
    for day, pct in existing:
        if day == due:
            raise PlanDeskError(f"{due.isoformat()} 已有节点目标。", field="due")
        if (day < due and pct > percent) or (day > due and pct < percent):
            raise PlanDeskError(
                f"节点目标应随时间递增：{day.isoformat()} 为 {pct}%，{due.isoformat()} 不能为 {percent}%。",
                field="expected_percent",
            )


def add_checkpoints(
    db: Database, *, node_id: int, targets: Sequence[tuple[str | dt.date, int | str, str]]
) -> list[int]:
    """Add checkpoints (due, expected percent, title) to a task in one transaction; returns their ids."""
    clean: list[tuple[dt.date, int, str]] = []
    for due, percent, title in targets:
        day = parse_date(due, field="due", label="节点日期")
        pct = check_percent(percent, field="expected_percent")
        if day is None or pct is None:
            raise PlanDeskError("节点目标须有日期和预期完成百分比。", field="due")
        clean.append((day, pct, check_text(title, field="title", label="节点内容", max_len=2000)))
    with db.write(cause="设置节点目标") as s:
        node = _node(s, node_id)
        existing = [
            (c.due, c.expected_percent)
            for c in s.scalars(select(Checkpoint).where(Checkpoint.node_id == node.id))
        ]
        deadlines = [
            d
            for d in s.scalars(select(Assignment.deadline).where(Assignment.node_id == node.id))
            if d is not None
        ]
        rows = []
        for day, pct, title in clean:
            _check_order(existing, day, pct)
            if deadlines and day > max(deadlines):
                raise PlanDeskError(
                    f"节点日期 {day.isoformat()} 晚于任务截止日期 {max(deadlines).isoformat()}。", field="due"
                )
            existing.append((day, pct))
            row = Checkpoint(node_id=node.id, due=day, expected_percent=pct, title=title)
            s.add(row)
            rows.append(row)
        s.flush()
        return [r.id for r in rows]


def add_quarterly_checkpoints(
    db: Database, *, node_id: int, year: int, percents: Sequence[int] = (25, 50, 75, 100)
) -> list[int]:
    """One checkpoint at the end of each quarter of ``year`` (31 Mar, 30 Jun, 30 Sep, 31 Dec)."""
    if len(percents) != 4:
        raise PlanDeskError("季度节点目标需要四个百分比，例如 25,50,75,100。", field="percents")
    targets = [
        (dt.date(year, m, d), p, f"{year}年第{'一二三四'[i]}季度末")
        for i, ((m, d), p) in enumerate(zip(QUARTER_ENDS, percents, strict=True))
    ]
    return add_checkpoints(db, node_id=node_id, targets=targets)


def remove_checkpoint(db: Database, *, checkpoint_id: int) -> None:
    with db.write(cause="删除节点目标") as s:
        row = s.get(Checkpoint, checkpoint_id)
        if row is None:
            raise NotFound(f"找不到编号为 {checkpoint_id} 的节点目标。", field="checkpoint_id")
        _node(s, row.node_id)
        s.delete(row)


def _lead(s: Session, node_id: int) -> tuple[Assignment, str] | None:
    row = s.execute(
        select(Assignment, Unit.name)
        .join(Unit, Unit.id == Assignment.unit_id)
        .where(Assignment.node_id == node_id, Assignment.archived.is_(False))
        .order_by(Assignment.role != "lead", Assignment.id)
        .limit(1)
    ).first()
    return (row[0], row[1]) if row is not None else None


def _reported_percent(s: Session, assignment_id: int, by: dt.date) -> int | None:
    values = [
        p
        for p, on in s.execute(
            select(ProgressEntry.percent, ProgressEntry.reported_on).where(
                ProgressEntry.assignment_id == assignment_id
            )
        )
        if p is not None and on is not None and on <= by
    ]
    return max(values) if values else None


def _infos(s: Session, node_id: int, as_of: dt.date) -> list[CheckpointInfo]:
    lead = _lead(s, node_id)
    out = []
    for c in s.scalars(select(Checkpoint).where(Checkpoint.node_id == node_id).order_by(Checkpoint.due)):
        actual = _reported_percent(s, lead[0].id, min(c.due, as_of)) if lead else None
        if c.due >= as_of and (actual or 0) < c.expected_percent:
            state = "upcoming"
        else:
            state = "met" if (actual or 0) >= c.expected_percent else "missed"
        out.append(
            CheckpointInfo(
                c.id,
                c.node_id,
                c.due,
                c.expected_percent,
                c.title,
                state,
                STATE_NAMES[state],
                actual,
                lead[1] if lead else "",
            )
        )
    return out


def list_checkpoints(
    db: Database, *, node_id: int, as_of: str | dt.date | None = None
) -> list[CheckpointInfo]:
    """A task's checkpoints by date, each met, missed or still ahead, judged by what the lead unit reported by then."""
    day = parse_date(as_of, field="as_of", label="统计日期") or clock.today()
    with db.read() as s:
        if s.get(PlanNode, node_id) is None:
            raise NotFound(f"找不到编号为 {node_id} 的条目。", field="node_id")
        return _infos(s, node_id, day)


@dataclass(frozen=True)
class MissedCheckpoint:
    node_id: int
    node: str
    checkpoint: CheckpointInfo


def missed_checkpoints(
    db: Database, *, plan_id: int, as_of: str | dt.date | None = None
) -> list[MissedCheckpoint]:
    """The checkpoints of a plan that passed without their percent reached (a yellow warning each)."""
    day = parse_date(as_of, field="as_of", label="统计日期") or clock.today()
    with db.read() as s:
        nodes = s.execute(
            select(PlanNode.id, PlanNode.label, PlanNode.title)
            .join(Checkpoint, Checkpoint.node_id == PlanNode.id)
            .where(PlanNode.plan_id == plan_id, PlanNode.archived.is_(False))
            .distinct()
            .order_by(PlanNode.id)
        ).all()
        out = []
        for node_id, label, title in nodes:
            for c in _infos(s, node_id, day):
                if c.state == "missed":
                    out.append(MissedCheckpoint(node_id, f"{label}{title}", c))
        return out
