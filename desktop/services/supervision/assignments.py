"""Assigning nodes to units (who does what by when) and recording their progress."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ... import clock
from ...errors import ConflictError, NotFound, PlanDeskError
from ...models import (
    Assignment,
    Escalation,
    ExtensionRequest,
    PlanNode,
    ProgressEntry,
    Reminder,
    Unit,
    WorkflowStep,
    utcnow,
)
from ...storage import Database
from ..core.records import AssignmentInfo, ProgressInfo
from ..core.status import moved_status
from ..core.tree import assignment_info, progress_info
from ..core.units import resolve_unit
from ..core.validation import check_percent, check_role, check_status, check_text, parse_date, parse_period
from .workflow import check_period_open, grant_extension, note_report, withdraw_extension

# The fields of an assignment a user may change (the window's undo, the CLI's edit and the service read this).
EDITABLE = (
    "unit",
    "role",
    "contact_person",
    "contact_phone",
    "start_date",
    "deadline",
    "status",
    "percent",
    "remarks",
)
# A deadline already set moves in one of two ways, and the user says which (the Chinese names are taken too):
# 更正 — it was entered wrong: deadline and original deadline both change, never counted as an extension;
# 延期 — an approved extension: the original stays on record and reports count it as extended.
DEADLINE_KINDS = {"correction": "更正", "extension": "延期"}
_WHICH_KIND = (
    "请说明是“更正”（原截止日期录入有误：原定截止日期一并改正，不算延期）"
    "还是“延期”（经批准推迟：保留原定截止日期，计为延期，须写明理由）。"
)


def check_deadline_kind(value: str | None, *, field: str = "kind") -> str:
    """``correction`` or ``extension`` from either code or its Chinese name (更正 / 延期)."""
    text = (value or "").strip()
    for code, name in DEADLINE_KINDS.items():
        if text in (code, name):
            return code
    raise PlanDeskError("修改截止日期时，" + _WHICH_KIND, field=field)


def _assignment(s: Session, assignment_id: int, *, lock: bool = False) -> Assignment:
    # lock: on a server, concurrent writers queue on the row (SELECT … FOR UPDATE) instead of failing
    # the version check; SQLite's BEGIN IMMEDIATE already serialises writers.
    a = s.get(Assignment, assignment_id, with_for_update=lock or None)
    if a is None:
        raise NotFound(f"找不到编号为 {assignment_id} 的分工记录。", field="assignment_id")
    return a


def _check_version(row: Any, expected: int | None, what: str) -> None:
    if expected is not None and row.version != expected:
        raise ConflictError(
            f"该{what}已被他人修改（当前版本 {row.version}，您编辑的是版本 {expected}）。"
            "请刷新后重新编辑，您的修改未保存。",
            field="version",
        )


def _writable_node(s: Session, node_id: int) -> PlanNode:
    node = s.get(PlanNode, node_id)
    if node is None:
        raise NotFound(f"找不到编号为 {node_id} 的条目。", field="node_id")
    if node.archived:
        raise PlanDeskError("该条目已在方案修订中删除并归档，只能查看，不能修改。", field="node_id")
    if node.kind == "root":
        raise PlanDeskError("不能直接分配整个方案，请选择具体条目。", field="node_id")
    return node


def _apply(
    s: Session,
    a: Assignment,
    values: dict[str, Any],
    actor: str = "",
    *,
    deadline_kind: str | None = None,
    deadline_reason: str = "",
) -> None:
    """Validate and set editable fields; raises before anything is changed if any value is bad.

    A deadline the assignment already has moves only with ``deadline_kind`` (see ``_move_deadline``).
    """
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if key not in EDITABLE:
            raise PlanDeskError(f"字段“{key}”不能修改。", field=key)
        if key == "unit":
            clean["unit_id"] = resolve_unit(s, value).id
        elif key == "role":
            clean["role"] = check_role(value)
        elif key in ("start_date", "deadline"):
            clean[key] = parse_date(value, field=key, label="开始日期" if key == "start_date" else "截止日期")
        elif key == "status":
            clean["status"] = check_status(value)
        elif key == "percent":
            clean["percent"] = check_percent(value) or 0
        elif key == "remarks":
            clean[key] = check_text(value, field=key, label="备注", max_len=4000)
        else:
            clean[key] = check_text(
                value, field=key, label="联系人" if key == "contact_person" else "联系电话", max_len=100
            )
    start = clean.get("start_date", a.start_date)
    deadline = clean.get("deadline", a.deadline)
    if start and deadline and deadline < start:
        raise PlanDeskError("截止日期早于开始日期。", field="deadline")
    if "status" in clean or "percent" in clean:
        status, percent = moved_status(a.status, clean.get("percent"), clean.get("status"))
        clean["status"] = status
        if percent is not None:
            clean["percent"] = percent
    if _moves_set_deadline(a, clean):
        if deadline_kind is None:
            old, new = _day_text(a.deadline), _day_text(clean["deadline"])
            raise PlanDeskError(f"截止日期由 {old} 改为 {new}：" + _WHICH_KIND, field="deadline_kind")
        # Before the other fields, so its look-ups do not flush them as an UPDATE of their own.
        day = clean.pop("deadline")
        _move_deadline(s, a, day, deadline_kind, reason=deadline_reason, actor=actor, start=start)
    for key, value in clean.items():
        setattr(a, key, value)


def _day_text(day: dt.date | None) -> str:
    return day.isoformat() if day else "（空）"


def _moves_set_deadline(a: Assignment, clean: dict[str, Any]) -> bool:
    """Whether ``clean`` moves a deadline the assignment already has (a 更正 or a 延期, see ``_move_deadline``).

    A deadline equal to the current one is no change; one given to an assignment without a deadline (a new one,
    an import's, or one never given a date) is its original deadline and is set in ``clean`` as such.
    """
    if "deadline" not in clean:
        return False
    if clean["deadline"] == a.deadline:
        del clean["deadline"]
        return False
    if a.deadline is None:
        clean["original_deadline"] = clean["deadline"]
        return False
    return True


def _move_deadline(
    s: Session,
    a: Assignment,
    day: dt.date | None,
    kind: str,
    *,
    reason: str,
    actor: str,
    start: dt.date | None = None,
) -> None:
    """The one way a deadline moves (in the caller's transaction): 更正 replaces the deadline and the original
    deadline; 延期 is recorded as an approved extension with its reason, as an approved 延期申请 is.

    ``start``: the start date it must not precede, when the same edit changes that too.
    """
    start = start if start is not None else a.start_date
    if day is not None and start is not None and day < start:
        raise PlanDeskError("截止日期早于开始日期。", field="deadline")
    if kind == "extension":
        grant_extension(s, a, day, reason=reason, actor=actor)
    else:
        a.deadline = day
        a.original_deadline = day


def create_assignment(
    db: Database,
    *,
    node_id: int,
    unit: str,
    role: str = "lead",
    contact_person: str = "",
    contact_phone: str = "",
    start_date: str | dt.date | None = None,
    deadline: str | dt.date | None = None,
    status: str = "not_started",
    percent: int | str | None = 0,
    remarks: str = "",
) -> AssignmentInfo:
    """Give a node to a unit. Returns the new assignment."""
    with db.write() as s:
        _writable_node(s, node_id)
        a = Assignment(
            node_id=node_id, status="not_started", percent=0, role="lead", workflow_state="assigned"
        )
        values = {
            "unit": unit,
            "role": role,
            "contact_person": contact_person,
            "contact_phone": contact_phone,
            "start_date": start_date,
            "deadline": deadline,
            "status": status,
            "percent": percent,
            "remarks": remarks,
        }
        _apply(s, a, values)
        duplicate = s.scalar(
            select(Assignment.id).where(
                Assignment.node_id == node_id, Assignment.unit_id == a.unit_id, Assignment.archived.is_(False)
            )
        )
        if duplicate is not None:
            raise PlanDeskError("该单位已分配此条目，请直接修改已有的分工记录。", field="unit")
        s.add(a)
        s.flush()
        return assignment_info(a, s.get(Unit, a.unit_id).name, clock.today())  # type: ignore[union-attr]


def update_assignment(
    db: Database,
    *,
    assignment_id: int,
    expected_version: int | None = None,
    deadline_kind: str | None = None,
    deadline_reason: str = "",
    **changes: Any,
) -> AssignmentInfo:
    """Change fields of an assignment; ``expected_version`` guards against overwriting another's edit.

    Moving a deadline the assignment already has needs ``deadline_kind`` (correction|extension, 更正|延期; an
    extension also ``deadline_reason``) and then goes the way ``change_deadline`` does, in this one transaction;
    without it the change is refused (field ``deadline_kind``), never taken as an extension. A deadline given
    to an assignment without one is its original deadline.
    """
    kind = None if deadline_kind is None else check_deadline_kind(deadline_kind, field="deadline_kind")
    with db.write() as s:
        a = _assignment(s, assignment_id, lock=True)
        _check_version(a, expected_version, "分工记录")
        _writable_node(s, a.node_id)
        _apply(s, a, changes, actor=db.operator, deadline_kind=kind, deadline_reason=deadline_reason)
        s.flush()
        return assignment_info(a, s.get(Unit, a.unit_id).name, clock.today())  # type: ignore[union-attr]


def change_deadline(
    db: Database,
    *,
    assignment_id: int,
    deadline: str | dt.date | None,
    kind: str,
    reason: str = "",
    expected_version: int | None = None,
) -> AssignmentInfo:
    """Move an assignment's deadline as a 更正 or a 延期, which the user chose (``kind``).

    ``correction`` (更正): the deadline was entered wrong; the deadline and the original deadline both become
    ``deadline`` (earlier or later), so reports never count it as an extension. ``extension`` (延期): only to a
    later date and with a ``reason``; the original deadline stays and an approved extension is recorded, as
    ``workflow.decide_extension`` records one. One transaction; a refusal writes nothing.
    """
    kind = check_deadline_kind(kind)
    day = parse_date(deadline, field="deadline", label="截止日期")
    with db.write(cause="督办：延期" if kind == "extension" else "更正截止日期") as s:
        a = _assignment(s, assignment_id, lock=True)
        _check_version(a, expected_version, "分工记录")
        _writable_node(s, a.node_id)
        _move_deadline(s, a, day, kind, reason=reason, actor=db.operator)
        s.flush()
        return assignment_info(a, s.get(Unit, a.unit_id).name, clock.today())  # type: ignore[union-attr]


def revert_deadline_change(
    db: Database,
    *,
    assignment_id: int,
    kind: str,
    deadline: str | dt.date | None,
    original_deadline: str | dt.date | None,
    expected_version: int | None = None,
) -> AssignmentInfo:
    """Undo of ``change_deadline``: both deadlines back as they were before it, and the extension a 延期
    recorded withdrawn (refused if anything was recorded against the assignment after it)."""
    kind = check_deadline_kind(kind)
    day = parse_date(deadline, field="deadline", label="截止日期")
    original = parse_date(original_deadline, field="original_deadline", label="原定截止日期")
    with db.write(cause="撤销截止日期修改") as s:
        a = _assignment(s, assignment_id, lock=True)
        _check_version(a, expected_version, "分工记录")
        _writable_node(s, a.node_id)
        if kind == "extension":
            withdraw_extension(s, a, restored_deadline=day)
        a.deadline, a.original_deadline = day, original
        s.flush()
        return assignment_info(a, s.get(Unit, a.unit_id).name, clock.today())  # type: ignore[union-attr]


def history_count(s: Session, assignment_id: int) -> int:
    """Progress, hand-off steps, extension requests, reminders and 督查单 recorded against an assignment."""
    total = 0
    for model in (ProgressEntry, WorkflowStep, ExtensionRequest, Reminder, Escalation):
        total += (
            s.scalar(select(func.count()).select_from(model).where(model.assignment_id == assignment_id)) or 0
        )
    return total


def delete_assignment(db: Database, *, assignment_id: int, expected_version: int | None = None) -> None:
    """Delete an assignment made by mistake; one that already carries records is kept for the audit."""
    with db.write(cause="删除分工") as s:
        a = _assignment(s, assignment_id)
        _check_version(a, expected_version, "分工记录")
        if history_count(s, a.id):
            raise PlanDeskError(
                "该分工已有进展、办理或催办记录，需留存备查，不能删除。"
                "如不再需要，请将状态改为“暂缓”或办理“销号”。",
                field="assignment_id",
            )
        s.delete(a)


def restore_assignment(db: Database, *, info: AssignmentInfo) -> AssignmentInfo:
    """Bring back a deleted assignment exactly as it was (same identity, deadlines and hand-off state)."""
    with db.write(cause="恢复分工") as s:
        _writable_node(s, info.node_id)
        if s.scalar(select(Assignment.id).where(Assignment.uid == info.uid)) is not None:
            raise PlanDeskError("该分工记录仍然存在，无需恢复。", field="assignment_id")
        unit = s.get(Unit, info.unit_id) or resolve_unit(s, info.unit_name)
        a = Assignment(
            uid=info.uid,
            node_id=info.node_id,
            unit_id=unit.id,
            role=info.role,
            contact_person=info.contact_person,
            contact_phone=info.contact_phone,
            start_date=info.start_date,
            deadline=info.deadline,
            original_deadline=info.original_deadline,
            status=info.status,
            percent=info.percent,
            remarks=info.remarks,
            workflow_state=info.workflow_state,
            archived=info.archived,
        )
        s.add(a)
        s.flush()
        return assignment_info(a, unit.name, clock.today())


def get_assignment(db: Database, *, assignment_id: int) -> AssignmentInfo:
    with db.read() as s:
        a = _assignment(s, assignment_id)
        return assignment_info(a, s.get(Unit, a.unit_id).name, clock.today())  # type: ignore[union-attr]


def add_progress(
    db: Database,
    *,
    assignment_id: int,
    period: str,
    text: str,
    percent: int | str | None = None,
    problems: str = "",
    next_steps: str = "",
    reported_on: str | dt.date | None = None,
    source: str = "manual",
    actor: str | None = None,
) -> ProgressInfo:
    """Record a progress report: the assignment moves forward and its hand-off moves to 反馈."""
    period = parse_period(period)
    text = check_text(text, field="text", label="进展情况", max_len=20000, required=True)
    pct = check_percent(percent)
    problems = check_text(problems, field="problems", label="存在问题", max_len=20000)
    next_steps = check_text(next_steps, field="next_steps", label="下步计划", max_len=20000)
    reported = parse_date(reported_on, field="reported_on", label="报送日期") or clock.today()
    if reported > clock.today():
        # A report cannot be dated ahead: reports as of an earlier day would count what was typed in early.
        raise PlanDeskError(
            f"报送日期 {reported.isoformat()} 晚于今天（{clock.today().isoformat()}），不能登记尚未报送的进展。",
            field="reported_on",
        )
    who = check_text(db.operator if actor is None else actor, field="actor", label="办理人", max_len=100)
    with db.write(cause="登记进展") as s:
        entry, a = record_progress(
            s,
            assignment_id,
            period=period,
            reported_on=reported,
            text=text,
            percent=pct,
            problems=problems,
            next_steps=next_steps,
            actor=who,
            source=source,
            note=f"{period} 进展" + (f"，完成 {pct}%" if pct is not None else ""),
            at=dt.datetime.combine(reported, utcnow().time()) if reported_on else None,
        )
        s.flush()
        return progress_info(entry, a.node_id, s.get(Unit, a.unit_id).name)  # type: ignore[union-attr]


def record_progress(
    s: Session,
    assignment_id: int,
    *,
    period: str,
    reported_on: dt.date,
    text: str,
    percent: int | None,
    problems: str,
    next_steps: str,
    actor: str,
    source: str,
    note: str,
    source_ref: str | None = None,
    at: dt.datetime | None = None,
) -> tuple[ProgressEntry, Assignment]:
    """One progress report, checked values, inside the caller's transaction: the assignment locked, its task
    live and its month open; the report moves the assignment and its hand-off (反馈)."""
    a = _assignment(s, assignment_id, lock=True)
    node = _writable_node(s, a.node_id)
    check_period_open(s, node.plan_id, period)
    entry = ProgressEntry(
        assignment_id=a.id,
        period=period,
        reported_on=reported_on,
        text=text,
        percent=percent,
        problems=problems,
        next_steps=next_steps,
        entered_by=actor,
        source=source,
        source_ref=source_ref,
    )
    s.add(entry)
    note_report(s, a, percent=percent, actor=actor, note=note, at=at)
    return entry, a


def delete_progress(db: Database, *, entry_id: int, expected_version: int | None = None) -> None:
    """Withdraw a progress entry; if it was the last report, its 反馈 step is withdrawn with it."""
    with db.write(cause="撤回进展") as s:
        entry = s.get(ProgressEntry, entry_id)
        if entry is None:
            raise NotFound(f"找不到编号为 {entry_id} 的进展记录。", field="entry_id")
        _check_version(entry, expected_version, "进展记录")
        a = _assignment(s, entry.assignment_id)
        check_period_open(s, _writable_node(s, a.node_id).plan_id, entry.period)
        newest = s.scalar(
            select(ProgressEntry.id)
            .where(ProgressEntry.assignment_id == a.id)
            .order_by(ProgressEntry.entered_at.desc(), ProgressEntry.id.desc())
            .limit(1)
        )
        last_step = s.scalar(
            select(WorkflowStep)
            .where(WorkflowStep.assignment_id == a.id)
            .order_by(WorkflowStep.at.desc(), WorkflowStep.id.desc())
            .limit(1)
        )
        if newest == entry.id and last_step is not None and last_step.step == "report":
            a.workflow_state = last_step.from_state
            s.delete(last_step)
        s.delete(entry)


def list_progress(db: Database, *, assignment_id: int) -> list[ProgressInfo]:
    with db.read() as s:
        a = _assignment(s, assignment_id)
        name = s.get(Unit, a.unit_id).name  # type: ignore[union-attr]
        entries = s.scalars(
            select(ProgressEntry)
            .where(ProgressEntry.assignment_id == assignment_id)
            .order_by(ProgressEntry.period.desc(), ProgressEntry.id.desc())
        )
        return [progress_info(p, a.node_id, name) for p in entries]
