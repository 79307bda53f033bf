"""The hand-off workflow: 交办 → 签收 → 反馈 → 审核（通过/退回）→ 办结/销号, each step dated and signed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ...errors import NotFound, PlanDeskError
from ...models import (
    Assignment,
    AuditEntry,
    ExtensionRequest,
    MonthSnapshot,
    Reminder,
    WorkflowStep,
    utcnow,
)
from ...storage import Database
from ..core.status import moved_status
from ..core.validation import check_text, parse_date

STATE_NAMES = {
    "assigned": "已交办",
    "acknowledged": "已签收",
    "reported": "已反馈",
    "accepted": "审核通过",
    "returned": "已退回",
    "closed": "已办结",
    "struck_off": "已销号",
}
# step code → (Chinese name, states it may start from, state it leads to); None keeps the state.
STEPS: dict[str, tuple[str, tuple[str, ...], str | None]] = {
    "acknowledge": ("签收", ("assigned",), "acknowledged"),
    "report": ("反馈", ("assigned", "acknowledged", "returned", "reported", "accepted"), "reported"),
    "accept": ("审核通过", ("reported",), "accepted"),
    "return": ("退回", ("reported",), "returned"),
    "close": ("办结", ("accepted",), "closed"),
    "strike": ("销号", ("accepted",), "struck_off"),
    "extension_request": ("延期申请", ("assigned", "acknowledged", "reported", "accepted", "returned"), None),
    "extension_approve": ("同意延期", ("assigned", "acknowledged", "reported", "accepted", "returned"), None),
    "extension_refuse": (
        "不同意延期",
        ("assigned", "acknowledged", "reported", "accepted", "returned"),
        None,
    ),
}
STEP_NAMES = {code: spec[0] for code, spec in STEPS.items()} | {"assign": "交办"}
FINAL_STATES = ("closed", "struck_off")
# What the office can do next from each state (buttons in the workflow panel, CLI help).
USER_STEPS = ("acknowledge", "report", "accept", "return", "close", "strike")


@dataclass(frozen=True)
class StepInfo:
    id: int | None  # None for the 交办 step, which is the assignment's creation
    assignment_id: int
    step: str
    step_name: str
    from_state: str
    to_state: str
    at: dt.datetime
    actor: str
    note: str


def state_name(state: str) -> str:
    return STATE_NAMES.get(state, state)


def allowed_steps(state: str) -> list[str]:
    """The user steps possible from ``state``, in workflow order."""
    return [code for code in USER_STEPS if state in STEPS[code][1]]


def load_assignment(s: Session, assignment_id: int) -> Assignment:
    a = s.get(Assignment, assignment_id)
    if a is None:
        raise NotFound(f"找不到编号为 {assignment_id} 的分工记录。", field="assignment_id")
    if a.archived:
        raise PlanDeskError(f"分工记录 {assignment_id} 已归档，只能查看，不能办理。", field="assignment_id")
    return a


def step_time(at: dt.datetime | dt.date | str | None) -> dt.datetime:
    """When a step happened: now, or the date an office enters for a hand-off done on paper."""
    if at is None:
        return utcnow()
    if isinstance(at, dt.datetime):
        return at
    day = parse_date(at, field="at", label="办理日期")
    assert day is not None
    return dt.datetime.combine(day, dt.time(0, 0))


def apply_step(
    s: Session,
    a: Assignment,
    step: str,
    *,
    actor: str,
    note: str = "",
    at: dt.datetime | dt.date | str | None = None,
) -> WorkflowStep:
    """Check the transition, move the assignment and record the step (in the caller's transaction)."""
    name, sources, target = STEPS[step]
    current = a.workflow_state or "assigned"
    if current not in sources:
        raise PlanDeskError(
            f"分工记录 {a.id} 当前状态为“{state_name(current)}”，不能进行“{name}”。" + _hint(current),
            field="workflow_state",
        )
    row = WorkflowStep(
        assignment_id=a.id,
        step=step,
        from_state=current,
        to_state=target or current,
        at=step_time(at),
        actor=actor,
        note=note,
    )
    if target is not None:
        a.workflow_state = target
    s.add(row)
    return row


def _hint(state: str) -> str:
    steps = allowed_steps(state)
    if not steps:
        return "该事项已结束，不能再办理。"
    return "可进行：" + "、".join(STEPS[c][0] for c in steps) + "。"


def _step_info(row: WorkflowStep) -> StepInfo:
    return StepInfo(
        row.id,
        row.assignment_id,
        row.step,
        STEP_NAMES.get(row.step, row.step),
        row.from_state,
        row.to_state,
        row.at,
        row.actor,
        row.note,
    )


def _actor(db: Database, actor: str | None) -> str:
    return check_text(actor if actor is not None else db.operator, field="actor", label="办理人", max_len=100)


def _do(
    db: Database,
    assignment_id: int,
    step: str,
    *,
    actor: str | None,
    note: str,
    at: dt.datetime | dt.date | str | None,
    cause: str,
) -> StepInfo:
    who = _actor(db, actor)
    note = check_text(note, field="note", label="说明", max_len=4000)
    with db.write(cause=cause) as s:
        a = load_assignment(s, assignment_id)
        row = apply_step(s, a, step, actor=who, note=note, at=at)
        if step in ("close", "strike"):
            a.status = "done"
            a.percent = 100
        s.flush()
        return _step_info(row)


def acknowledge(
    db: Database,
    *,
    assignment_id: int,
    actor: str | None = None,
    note: str = "",
    at: dt.datetime | dt.date | str | None = None,
) -> StepInfo:
    """签收: the unit confirms it has received the task."""
    return _do(db, assignment_id, "acknowledge", actor=actor, note=note, at=at, cause="督办：签收")


def review(
    db: Database,
    *,
    assignment_id: int,
    accept: bool,
    reason: str = "",
    actor: str | None = None,
    at: dt.datetime | dt.date | str | None = None,
) -> StepInfo:
    """审核: the office accepts the report or returns it; a return needs a reason the unit will see."""
    if not accept and not (reason or "").strip():
        raise PlanDeskError("退回时必须填写退回理由。", field="reason")
    return _do(
        db,
        assignment_id,
        "accept" if accept else "return",
        actor=actor,
        note=reason,
        at=at,
        cause="督办：审核通过" if accept else "督办：退回",
    )


def close(
    db: Database,
    *,
    assignment_id: int,
    struck_off: bool = False,
    note: str = "",
    actor: str | None = None,
    at: dt.datetime | dt.date | str | None = None,
) -> StepInfo:
    """办结 (or 销号): ends the hand-off and marks the work done."""
    return _do(
        db,
        assignment_id,
        "strike" if struck_off else "close",
        actor=actor,
        note=note,
        at=at,
        cause="督办：销号" if struck_off else "督办：办结",
    )


def withdraw_step(
    db: Database, *, step_id: int, status: str | None = None, percent: int | None = None
) -> StepInfo:
    """Take back an assignment's latest step (撤销): the step is removed and the assignment returns to the state
    it left; an 办结 or 销号 also gives back the ``status`` and ``percent`` it had (the caller saved them). Only
    the latest step can be taken back, and only while the assignment still stands where that step put it."""
    with db.write(cause="撤销督办步骤") as s:
        row = s.get(WorkflowStep, step_id)
        if row is None:
            raise NotFound(f"找不到编号为 {step_id} 的办理步骤，可能已被撤销。", field="step_id")
        latest = s.scalar(
            select(WorkflowStep.id)
            .where(WorkflowStep.assignment_id == row.assignment_id)
            .order_by(WorkflowStep.at.desc(), WorkflowStep.id.desc())
            .limit(1)
        )
        if latest != row.id:
            raise PlanDeskError("只能撤销该分工最近的一个办理步骤：之后已有其他步骤。", field="step_id")
        a = load_assignment(s, row.assignment_id)
        if (a.workflow_state or "assigned") != row.to_state:
            raise PlanDeskError(
                f"分工记录 {a.id} 已不在“{state_name(row.to_state)}”状态，不能撤销这一步。", field="step_id"
            )
        info = _step_info(row)
        a.workflow_state = row.from_state
        if row.step in ("close", "strike") and status is not None:
            a.status = status
            if percent is not None:
                a.percent = percent
        s.delete(row)
        return info


def closed_periods(s: Session, plan_id: int) -> set[str]:
    return set(s.scalars(select(MonthSnapshot.period).where(MonthSnapshot.plan_id == plan_id)))


def note_report(
    s: Session,
    a: Assignment,
    *,
    percent: int | None,
    actor: str,
    note: str,
    status: str | None = None,
    at: dt.datetime | dt.date | str | None = None,
) -> None:
    """What any progress report does to its assignment, whichever way it arrived (form, CLI, workbook).

    A reported percent moves the status forward, an explicit status wins, and the hand-off moves to 反馈;
    a closed (办结/销号) assignment takes no more reports.
    """
    apply_step(s, a, "report", actor=actor, note=note, at=at)
    a.status, moved = moved_status(a.status, percent, status)
    if moved is not None:
        a.percent = moved


MONTH_CLOSE_LOCK = 0x504C_4D43  # PostgreSQL advisory lock class: "PLMC"


def hold_months(s: Session, plan_id: int, *, exclusive: bool = False) -> None:
    """Writers to a plan's months share this hold; closing a month takes it alone (see close_month).

    SQLite already runs one writer at a time (BEGIN IMMEDIATE); PostgreSQL gets a transaction-level
    advisory lock, so a month cannot be frozen while an entry for it is being saved, nor the other way round.
    """
    if s.get_bind().dialect.name != "postgresql":
        return
    fn = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
    s.execute(text(f"SELECT {fn}(:c, :p)"), {"c": MONTH_CLOSE_LOCK, "p": plan_id})


def check_period_open(s: Session, plan_id: int, period: str) -> None:
    hold_months(s, plan_id)
    if period in closed_periods(s, plan_id):
        raise PlanDeskError(f"{period} 月已关账，不能再登记该月进展。", field="period")


def workflow_history(db: Database, *, assignment_id: int) -> list[StepInfo]:
    """Every step, oldest first, starting with 交办 (when and by whom the assignment was made)."""
    with db.read() as s:
        a = s.get(Assignment, assignment_id)
        if a is None:
            raise NotFound(f"找不到编号为 {assignment_id} 的分工记录。", field="assignment_id")
        # Who made the assignment is in the audit trail (indexed by table and row).
        creator = (
            s.scalar(
                select(AuditEntry.operator)
                .where(
                    AuditEntry.table_name == "assignment",
                    AuditEntry.row_id == a.id,
                    AuditEntry.action == "insert",
                )
                .order_by(AuditEntry.id)
                .limit(1)
            )
            or ""
        )
        steps = [StepInfo(None, a.id, "assign", "交办", "", "assigned", a.created_at, creator, "")]
        rows = s.scalars(
            select(WorkflowStep).where(WorkflowStep.assignment_id == assignment_id).order_by(WorkflowStep.id)
        )
        return steps + [_step_info(r) for r in rows]


# ---- 延期申请 and 催办 -------------------------------------------------------------------------

DECISION_NAMES = {"pending": "待审批", "approved": "已同意", "refused": "不同意"}


@dataclass(frozen=True)
class ExtensionInfo:
    id: int
    assignment_id: int
    old_deadline: dt.date | None
    requested_deadline: dt.date
    reason: str
    requested_by: str
    requested_at: dt.datetime
    decision: str  # pending | approved | refused
    decided_by: str
    decided_at: dt.datetime | None
    decision_note: str


@dataclass(frozen=True)
class DeadlineChange:
    """One line of an assignment's deadline history: the original, then each approved extension."""

    deadline: dt.date | None
    kind: str  # original | extension | current
    since: dt.datetime | None
    request_id: int | None
    note: str


@dataclass(frozen=True)
class ReminderInfo:
    id: int
    assignment_id: int
    sent_at: dt.datetime
    channel: str
    doc_number: str
    file_name: str
    sent_by: str


def _extension_info(r: ExtensionRequest) -> ExtensionInfo:
    return ExtensionInfo(
        r.id,
        r.assignment_id,
        r.old_deadline,
        r.requested_deadline,
        r.reason,
        r.requested_by,
        r.requested_at,
        r.decision,
        r.decided_by,
        r.decided_at,
        r.decision_note,
    )


def _check_no_pending(s: Session, a: Assignment) -> None:
    pending = s.scalar(
        select(ExtensionRequest.id).where(
            ExtensionRequest.assignment_id == a.id, ExtensionRequest.decision == "pending"
        )
    )
    if pending is not None:
        raise PlanDeskError(
            f"分工记录 {a.id} 已有待审批的延期申请（编号 {pending}），请先审批。", field="assignment_id"
        )


def _decision_text(req: ExtensionRequest, note: str) -> str:
    return f"延期至 {req.requested_deadline.isoformat()}" + (f"：{note}" if note else "")


def _approve(s: Session, a: Assignment, req: ExtensionRequest, *, actor: str, note: str) -> None:
    """What an approved extension does, however it was approved (a decided 延期申请 or the office's own 延期):
    the original deadline stays on record, the deadline moves, and the step is signed."""
    if a.original_deadline is None:
        a.original_deadline = a.deadline
    a.deadline = req.requested_deadline
    apply_step(s, a, "extension_approve", actor=actor, note=_decision_text(req, note))


def request_extension(
    db: Database, *, assignment_id: int, new_deadline: str | dt.date, reason: str, actor: str | None = None
) -> ExtensionInfo:
    """延期申请: the unit asks for a later deadline; nothing changes until the office approves."""
    day = parse_date(new_deadline, field="new_deadline", label="申请的截止日期")
    if day is None:
        raise PlanDeskError("请填写申请延期到的日期。", field="new_deadline")
    reason = check_text(reason, field="reason", label="延期理由", max_len=4000, required=True)
    who = _actor(db, actor)
    with db.write(cause="督办：延期申请") as s:
        a = load_assignment(s, assignment_id)
        if a.deadline is not None and day <= a.deadline:
            raise PlanDeskError(
                f"申请的截止日期 {day.isoformat()} 不晚于现有截止日期 {a.deadline.isoformat()}。",
                field="new_deadline",
            )
        _check_no_pending(s, a)
        req = ExtensionRequest(
            assignment_id=a.id,
            old_deadline=a.deadline,
            requested_deadline=day,
            reason=reason,
            requested_by=who,
            requested_at=utcnow(),
            decision="pending",
        )
        s.add(req)
        apply_step(s, a, "extension_request", actor=who, note=f"申请延期至 {day.isoformat()}：{reason}")
        s.flush()
        return _extension_info(req)


def decide_extension(
    db: Database, *, request_id: int, approve: bool, note: str = "", actor: str | None = None
) -> ExtensionInfo:
    """Approve (the deadline moves; the original stays recorded) or refuse (nothing moves)."""
    note = check_text(note, field="note", label="审批意见", max_len=4000)
    who = _actor(db, actor)
    with db.write(cause="督办：延期审批") as s:
        req = s.get(ExtensionRequest, request_id)
        if req is None:
            raise NotFound(f"找不到编号为 {request_id} 的延期申请。", field="request_id")
        if req.decision != "pending":
            raise PlanDeskError(
                f"延期申请 {request_id} 已审批（{DECISION_NAMES[req.decision]}），不能重复审批。",
                field="request_id",
            )
        a = load_assignment(s, req.assignment_id)
        req.decision = "approved" if approve else "refused"
        req.decided_by = who
        req.decided_at = utcnow()
        req.decision_note = note
        if approve:
            _approve(s, a, req, actor=who, note=note)
        else:
            apply_step(s, a, "extension_refuse", actor=who, note=_decision_text(req, note))
        s.flush()
        return _extension_info(req)


def extensions(db: Database, *, assignment_id: int) -> list[ExtensionInfo]:
    with db.read() as s:
        rows = s.scalars(
            select(ExtensionRequest)
            .where(ExtensionRequest.assignment_id == assignment_id)
            .order_by(ExtensionRequest.id)
        )
        return [_extension_info(r) for r in rows]


def deadline_history(db: Database, *, assignment_id: int) -> list[DeadlineChange]:
    """The original deadline, then every approved change, then any later direct edit as ``current``."""
    with db.read() as s:
        a = s.get(Assignment, assignment_id)
        if a is None:
            raise NotFound(f"找不到编号为 {assignment_id} 的分工记录。", field="assignment_id")
        approved = s.scalars(
            select(ExtensionRequest)
            .where(ExtensionRequest.assignment_id == assignment_id, ExtensionRequest.decision == "approved")
            .order_by(ExtensionRequest.id)
        ).all()
        original = (
            a.original_deadline
            if a.original_deadline is not None
            else (approved[0].old_deadline if approved else a.deadline)
        )
        out = [DeadlineChange(original, "original", a.created_at, None, "")]
        for r in approved:
            out.append(DeadlineChange(r.requested_deadline, "extension", r.decided_at, r.id, r.reason))
        if a.deadline != out[-1].deadline:
            out.append(DeadlineChange(a.deadline, "current", a.updated_at, None, "直接修改"))
        return out


def grant_extension(
    s: Session, a: Assignment, new_deadline: dt.date | None, *, reason: str, actor: str
) -> None:
    """延期 decided by the office itself (in the caller's transaction): recorded as an approved 延期申请 with its
    reason, exactly as ``decide_extension`` approves one, so reports count it and the original stays on record.

    Only a later date is an extension; an earlier one (or the same) is refused before anything is written.
    """
    if new_deadline is None:
        raise PlanDeskError("请填写延期到的日期。", field="deadline")
    if a.deadline is None:
        raise PlanDeskError(
            "该分工还没有截止日期，无从延期；要填写截止日期，请选择“更正”。", field="deadline_kind"
        )
    if new_deadline == a.deadline:
        raise PlanDeskError(
            f"新的截止日期与现有截止日期（{a.deadline.isoformat()}）相同，无需延期。", field="deadline"
        )
    if new_deadline < a.deadline:
        raise PlanDeskError(
            f"延期后的截止日期 {new_deadline.isoformat()} 早于现有截止日期 {a.deadline.isoformat()}，"
            "不能作为延期：延期只能推迟。如果原截止日期录入有误，请选择“更正”。",
            field="deadline",
        )
    reason = check_text(reason, field="reason", label="延期理由", max_len=4000, required=True)
    _check_no_pending(s, a)
    req = ExtensionRequest(
        assignment_id=a.id,
        old_deadline=a.deadline,
        requested_deadline=new_deadline,
        reason=reason,
        requested_by=actor,
        requested_at=utcnow(),
        decision="approved",
        decided_by=actor,
        decided_at=utcnow(),
        decision_note="办公室直接延期",
    )
    s.add(req)
    _approve(s, a, req, actor=actor, note=reason)


def withdraw_extension(s: Session, a: Assignment, *, restored_deadline: dt.date | None) -> None:
    """Undo of ``grant_extension`` (in the caller's transaction): its request and its step are deleted.

    Only while it is still the assignment's latest extension record and latest step, so nothing that came
    after it (a new 延期申请, a decision, a hand-off step) is left pointing at a deadline that is gone.
    """
    req = s.scalar(
        select(ExtensionRequest)
        .where(ExtensionRequest.assignment_id == a.id)
        .order_by(ExtensionRequest.id.desc())
        .limit(1)
    )
    step = s.scalar(
        select(WorkflowStep)
        .where(WorkflowStep.assignment_id == a.id)
        .order_by(WorkflowStep.id.desc())
        .limit(1)
    )
    if (
        req is None
        or step is None
        or req.decision != "approved"
        or req.requested_deadline != a.deadline
        or req.old_deadline != restored_deadline
        or step.step != "extension_approve"
    ):
        raise PlanDeskError(
            f"分工记录 {a.id} 在这次延期之后又有延期申请或办理记录，不能撤销这次延期。", field="deadline"
        )
    s.delete(step)
    s.delete(req)


def record_reminder(
    db: Database,
    *,
    assignment_id: int,
    channel: str = "notice",
    doc_number: str = "",
    file_name: str = "",
    actor: str | None = None,
) -> ReminderInfo:
    """催办: note that a reminder notice (or workbook/package) went out for an assignment."""
    if channel not in ("notice", "workbook", "package"):
        raise PlanDeskError(f"催办方式“{channel}”无效，可选：notice、workbook、package。", field="channel")
    who = _actor(db, actor)
    with db.write(cause="督办：催办") as s:
        a = load_assignment(s, assignment_id)
        row = Reminder(
            assignment_id=a.id,
            sent_at=utcnow(),
            channel=channel,
            doc_number=doc_number[:60],
            file_name=file_name[:300],
            sent_by=who,
        )
        s.add(row)
        s.flush()
        return ReminderInfo(
            row.id, row.assignment_id, row.sent_at, row.channel, row.doc_number, row.file_name, row.sent_by
        )


def reminders(db: Database, *, assignment_id: int) -> list[ReminderInfo]:
    """The reminders sent for an assignment, oldest first."""
    with db.read() as s:
        rows = s.scalars(
            select(Reminder)
            .where(Reminder.assignment_id == assignment_id)
            .order_by(Reminder.sent_at, Reminder.id)
        )
        return [
            ReminderInfo(r.id, r.assignment_id, r.sent_at, r.channel, r.doc_number, r.file_name, r.sent_by)
            for r in rows
        ]
