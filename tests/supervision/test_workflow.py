"""An assignment walks through 交办 → 签收 → 反馈 → 退回 → 反馈 → 通过 → 办结, with an approved extension."""

from __future__ import annotations

import datetime as dt

import pytest
from supervision_setup import load_small_plan

from desktop.errors import PlanDeskError
from desktop.services.supervision.assignments import add_progress, create_assignment, get_assignment
from desktop.services.supervision.workflow import (
    acknowledge,
    allowed_steps,
    close,
    deadline_history,
    decide_extension,
    extensions,
    record_reminder,
    reminders,
    request_extension,
    review,
    workflow_history,
)
from desktop.storage import Database, open_database


@pytest.fixture
def assignment(db: Database) -> int:
    ids = load_small_plan(db)
    return create_assignment(
        db, node_id=ids["1."], unit="区市场监管局", start_date="2025-01-01", deadline="2025-06-30"
    ).id


def test_full_hand_off_records_every_step(db_url: str, assignment: int) -> None:
    today = dt.date.today()
    office = open_database(db_url, operator="督查科王科长")
    try:
        acknowledge(office, assignment_id=assignment, actor="区市场监管局李四")
        add_progress(
            office,
            assignment_id=assignment,
            period="2025-05",
            text="已完成选址",
            percent=40,
            actor="区市场监管局李四",
        )
        with pytest.raises(PlanDeskError, match="退回理由"):
            review(office, assignment_id=assignment, accept=False, reason="  ")
        review(office, assignment_id=assignment, accept=False, reason="缺少佐证材料")
        assert get_assignment(office, assignment_id=assignment).workflow_state == "returned"
        ext = request_extension(
            office,
            assignment_id=assignment,
            new_deadline="2025-09-30",
            reason="设备到货延迟",
            actor="区市场监管局李四",
        )
        decide_extension(office, request_id=ext.id, approve=True, note="同意")
        add_progress(
            office,
            assignment_id=assignment,
            period="2025-06",
            text="补充照片",
            percent=80,
            actor="区市场监管局李四",
        )
        review(office, assignment_id=assignment, accept=True)
        close(office, assignment_id=assignment, note="任务完成")
        steps = workflow_history(office, assignment_id=assignment)
    finally:
        office.close()
    assert [(s.step_name, s.from_state, s.to_state) for s in steps] == [
        ("交办", "", "assigned"),
        ("签收", "assigned", "acknowledged"),
        ("反馈", "acknowledged", "reported"),
        ("退回", "reported", "returned"),
        ("延期申请", "returned", "returned"),
        ("同意延期", "returned", "returned"),
        ("反馈", "returned", "reported"),
        ("审核通过", "reported", "accepted"),
        ("办结", "accepted", "closed"),
    ]
    assert [s.actor for s in steps] == [
        "测试员",
        "区市场监管局李四",
        "区市场监管局李四",
        "督查科王科长",
        "区市场监管局李四",
        "督查科王科长",
        "区市场监管局李四",
        "督查科王科长",
        "督查科王科长",
    ]
    assert steps[3].note == "缺少佐证材料"
    assert all(
        s.at.date() in (today, today - dt.timedelta(days=1), today + dt.timedelta(days=1))
        for s in steps
        if s.step not in ("report",)
    )
    assert [s.at.date() for s in steps if s.step == "report"] == [today, today]
    with open_database(db_url) as again:
        done = get_assignment(again, assignment_id=assignment)
    assert (done.workflow_state, done.status, done.percent) == ("closed", "done", 100)
    assert done.deadline == dt.date(2025, 9, 30) and done.original_deadline == dt.date(2025, 6, 30)


def test_invalid_transitions_name_both_states(db: Database, assignment: int) -> None:
    with pytest.raises(PlanDeskError, match="当前状态为“已交办”，不能进行“审核通过”"):
        review(db, assignment_id=assignment, accept=True)
    with pytest.raises(PlanDeskError, match="不能进行“办结”"):
        close(db, assignment_id=assignment)
    acknowledge(db, assignment_id=assignment)
    with pytest.raises(PlanDeskError, match="当前状态为“已签收”，不能进行“签收”"):
        acknowledge(db, assignment_id=assignment)
    assert get_assignment(db, assignment_id=assignment).workflow_state == "acknowledged"
    assert allowed_steps("reported") == ["report", "accept", "return"]
    assert allowed_steps("closed") == []


def test_a_report_may_come_without_acknowledgement_and_strike_off_ends_it(
    db: Database, assignment: int
) -> None:
    add_progress(db, assignment_id=assignment, period="2025-03", text="启动", percent=10)
    review(db, assignment_id=assignment, accept=True)
    close(db, assignment_id=assignment, struck_off=True, note="并入其他任务")
    info = get_assignment(db, assignment_id=assignment)
    assert info.workflow_state == "struck_off" and info.status == "done"
    with pytest.raises(PlanDeskError, match="已销号.*已结束"):
        add_progress(db, assignment_id=assignment, period="2025-04", text="再报")


def test_refused_extension_keeps_the_deadline_and_history_shows_every_change(
    db: Database, assignment: int
) -> None:
    first = request_extension(db, assignment_id=assignment, new_deadline="2025-08-31", reason="资金未到位")
    with pytest.raises(PlanDeskError, match="待审批"):
        request_extension(db, assignment_id=assignment, new_deadline="2025-09-30", reason="再申请")
    decide_extension(db, request_id=first.id, approve=False, note="理由不充分")
    with pytest.raises(PlanDeskError, match="已审批"):
        decide_extension(db, request_id=first.id, approve=True)
    info = get_assignment(db, assignment_id=assignment)
    assert info.deadline == dt.date(2025, 6, 30)
    second = request_extension(db, assignment_id=assignment, new_deadline="2025-10-31", reason="资金到位晚")
    decide_extension(db, request_id=second.id, approve=True)
    history = deadline_history(db, assignment_id=assignment)
    assert [(h.kind, h.deadline) for h in history] == [
        ("original", dt.date(2025, 6, 30)),
        ("extension", dt.date(2025, 10, 31)),
    ]
    info = get_assignment(db, assignment_id=assignment)
    assert (info.deadline, info.original_deadline) == (dt.date(2025, 10, 31), dt.date(2025, 6, 30))
    with pytest.raises(PlanDeskError, match="不晚于现有截止日期"):
        request_extension(db, assignment_id=assignment, new_deadline="2025-10-31", reason="x")


def test_a_deadline_moved_by_the_office_is_kept_as_an_approved_change(db: Database, assignment: int) -> None:
    from desktop.services.supervision.assignments import update_assignment

    update_assignment(
        db,
        assignment_id=assignment,
        deadline="2025-09-30",
        deadline_kind="延期",
        deadline_reason="设备到货延迟",
    )
    info = get_assignment(db, assignment_id=assignment)
    assert (info.deadline, info.original_deadline) == (dt.date(2025, 9, 30), dt.date(2025, 6, 30))
    [change] = extensions(db, assignment_id=assignment)
    assert (change.decision, change.requested_by, change.reason) == (
        "approved",
        "测试员",
        "设备到货延迟",
    )
    history = deadline_history(db, assignment_id=assignment)
    assert [h.deadline for h in history] == [dt.date(2025, 6, 30), dt.date(2025, 9, 30)]
    assert workflow_history(db, assignment_id=assignment)[-1].step == "extension_approve"


def test_reminders_are_listed_in_order(db: Database, assignment: int) -> None:
    record_reminder(db, assignment_id=assignment, doc_number="督办〔2025〕3号", file_name="催办通知.pdf")
    record_reminder(db, assignment_id=assignment, channel="workbook")
    rows = reminders(db, assignment_id=assignment)
    assert [(r.channel, r.doc_number, r.sent_by) for r in rows] == [
        ("notice", "督办〔2025〕3号", "测试员"),
        ("workbook", "", "测试员"),
    ]
    with pytest.raises(PlanDeskError, match="催办方式"):
        record_reminder(db, assignment_id=assignment, channel="fax")


def test_progress_from_the_form_or_cli_counts_as_feedback(db: Database) -> None:
    from desktop.services.supervision.assignments import add_progress
    from desktop.services.supervision.workflow import workflow_history

    ids = load_small_plan(db)
    a = create_assignment(db, node_id=ids["1."], unit="区市场监管局", deadline="2030-12-31").id
    add_progress(db, assignment_id=a, period="2025-04", text="完成调研", percent=30)
    steps = workflow_history(db, assignment_id=a)
    assert [st.step for st in steps][-1] == "report" and steps[-1].to_state == "reported"
