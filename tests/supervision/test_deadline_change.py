"""A changed deadline is a 更正 (entered wrong: not an extension) or a 延期 (an approved extension), never a guess."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from supervision_setup import load_small_plan

from desktop.cli import main
from desktop.errors import PlanDeskError
from desktop.models import ExtensionRequest, WorkflowStep
from desktop.services.supervision import assignments as asg
from desktop.services.supervision import workflow as wf
from desktop.storage import Database, open_database

JUNE, SEPTEMBER = dt.date(2025, 6, 30), dt.date(2025, 9, 30)


@pytest.fixture
def assignment(db: Database) -> int:
    ids = load_small_plan(db)
    return asg.create_assignment(
        db, node_id=ids["1."], unit="区市场监管局", start_date="2025-01-01", deadline=JUNE
    ).id


def _counted_as_extended(info: asg.AssignmentInfo) -> bool:
    """The reports' rule (monthly report 经批准延期, ledger 已延期)."""
    return info.original_deadline is not None and info.deadline != info.original_deadline


def _records(db: Database) -> tuple[int, int]:
    with db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(ExtensionRequest)) or 0,
            s.scalar(select(func.count()).select_from(WorkflowStep)) or 0,
        )


def test_a_correction_replaces_both_deadlines_and_is_no_extension(db: Database, assignment: int) -> None:
    before = asg.get_assignment(db, assignment_id=assignment)
    info = asg.change_deadline(
        db,
        assignment_id=assignment,
        deadline="2025-09-30",
        kind="correction",
        expected_version=before.version,
    )
    assert info.deadline == info.original_deadline == SEPTEMBER
    assert not _counted_as_extended(info)
    assert info.version == before.version + 1
    assert wf.extensions(db, assignment_id=assignment) == []
    assert [h.kind for h in wf.deadline_history(db, assignment_id=assignment)] == ["original"]
    # An earlier date is a correction too.
    info = asg.change_deadline(db, assignment_id=assignment, deadline="2025-03-31", kind="更正")
    assert info.deadline == info.original_deadline == dt.date(2025, 3, 31)
    assert wf.extensions(db, assignment_id=assignment) == [] and _records(db) == (0, 0)


def test_an_extension_keeps_the_original_and_is_recorded_as_an_approved_one(
    db: Database, assignment: int
) -> None:
    info = asg.change_deadline(
        db, assignment_id=assignment, deadline=SEPTEMBER, kind="extension", reason="设备到货延迟"
    )
    assert (info.deadline, info.original_deadline) == (SEPTEMBER, JUNE)
    assert _counted_as_extended(info)
    [ext] = wf.extensions(db, assignment_id=assignment)
    assert (ext.decision, ext.old_deadline, ext.requested_deadline, ext.reason, ext.decided_by) == (
        "approved",
        JUNE,
        SEPTEMBER,
        "设备到货延迟",
        "测试员",
    )
    steps = wf.workflow_history(db, assignment_id=assignment)
    assert [s.step for s in steps] == ["assign", "extension_approve"]
    assert [(h.kind, h.deadline) for h in wf.deadline_history(db, assignment_id=assignment)] == [
        ("original", JUNE),
        ("extension", SEPTEMBER),
    ]


@pytest.mark.parametrize(
    "deadline, reason, words",
    [
        ("2025-05-31", "工期压缩", "早于现有截止日期"),
        ("2025-06-30", "工期压缩", "与现有截止日期"),
        (None, "工期压缩", "延期到的日期"),
        ("2025-09-30", "  ", "延期理由"),
    ],
)
def test_a_refused_extension_writes_nothing(
    db: Database, assignment: int, deadline: str | None, reason: str, words: str
) -> None:
    before = asg.get_assignment(db, assignment_id=assignment)
    with pytest.raises(PlanDeskError, match=words) as refused:
        asg.change_deadline(db, assignment_id=assignment, deadline=deadline, kind="extension", reason=reason)
    if "早于" in words:
        assert "更正" in str(refused.value), "the message says what to choose instead"
    assert asg.get_assignment(db, assignment_id=assignment) == before
    assert _records(db) == (0, 0)


def test_an_extension_waits_for_a_pending_request_to_be_decided(db: Database, assignment: int) -> None:
    pending = wf.request_extension(db, assignment_id=assignment, new_deadline="2025-08-31", reason="设备未到")
    before, records = asg.get_assignment(db, assignment_id=assignment), _records(db)
    with pytest.raises(PlanDeskError, match="待审批"):
        asg.change_deadline(db, assignment_id=assignment, deadline=SEPTEMBER, kind="extension", reason="x")
    assert asg.get_assignment(db, assignment_id=assignment) == before and _records(db) == records
    wf.decide_extension(db, request_id=pending.id, approve=True)
    info = asg.change_deadline(
        db, assignment_id=assignment, deadline=SEPTEMBER, kind="extension", reason="再延"
    )
    assert (info.deadline, info.original_deadline) == (SEPTEMBER, JUNE)
    assert [(e.decision, e.requested_deadline) for e in wf.extensions(db, assignment_id=assignment)] == [
        ("approved", dt.date(2025, 8, 31)),
        ("approved", SEPTEMBER),
    ]


def test_the_kind_must_be_one_of_the_two(db: Database, assignment: int) -> None:
    before = asg.get_assignment(db, assignment_id=assignment)
    with pytest.raises(PlanDeskError, match="更正.*延期"):
        asg.change_deadline(db, assignment_id=assignment, deadline=SEPTEMBER, kind="")
    with pytest.raises(PlanDeskError, match="已被他人修改"):
        asg.change_deadline(
            db, assignment_id=assignment, deadline=SEPTEMBER, kind="correction", expected_version=99
        )
    assert asg.get_assignment(db, assignment_id=assignment) == before


def test_a_bare_deadline_change_is_refused_and_asks_which(db: Database, assignment: int) -> None:
    before = asg.get_assignment(db, assignment_id=assignment)
    for later_or_earlier in ("2025-09-30", "2025-05-31", None):
        with pytest.raises(PlanDeskError, match="更正.*延期") as refused:
            asg.update_assignment(db, assignment_id=assignment, deadline=later_or_earlier, remarks="x")
        assert refused.value.field == "deadline_kind"
    assert asg.get_assignment(db, assignment_id=assignment) == before and _records(db) == (0, 0)
    # The same deadline again is no change; other fields still save.
    same = asg.update_assignment(db, assignment_id=assignment, deadline="2025-06-30", remarks="备注")
    assert (same.deadline, same.original_deadline, same.remarks) == (JUNE, JUNE, "备注")
    # Routed: one call, one transaction, the same rules.
    moved = asg.update_assignment(
        db,
        assignment_id=assignment,
        deadline=SEPTEMBER,
        deadline_kind="延期",
        deadline_reason="资金到位晚",
        percent=30,
    )
    assert (moved.deadline, moved.original_deadline, moved.percent) == (SEPTEMBER, JUNE, 30)
    assert moved.version == same.version + 1
    assert [e.reason for e in wf.extensions(db, assignment_id=assignment)] == ["资金到位晚"]


def test_a_deadline_given_at_creation_or_to_an_assignment_without_one_is_the_original(db: Database) -> None:
    ids = load_small_plan(db)
    made = asg.create_assignment(db, node_id=ids["2."], unit="区科委", deadline="2026-03-31")
    assert made.deadline == made.original_deadline == dt.date(2026, 3, 31)
    bare = asg.create_assignment(db, node_id=ids["3."], unit="区科委")
    first = asg.update_assignment(db, assignment_id=bare.id, deadline="2026-06-30")
    assert first.deadline == first.original_deadline == dt.date(2026, 6, 30)
    # Once it has one, moving it asks which kind of change it is.
    with pytest.raises(PlanDeskError, match="更正.*延期"):
        asg.update_assignment(db, assignment_id=bare.id, deadline="2026-09-30")
    assert _records(db) == (0, 0)


def test_undo_puts_both_deadlines_back_and_withdraws_the_extension(db: Database, assignment: int) -> None:
    before = asg.get_assignment(db, assignment_id=assignment)
    after = asg.change_deadline(db, assignment_id=assignment, deadline=SEPTEMBER, kind="延期", reason="停工")
    back = asg.revert_deadline_change(
        db,
        assignment_id=assignment,
        kind="extension",
        deadline=before.deadline,
        original_deadline=before.original_deadline,
        expected_version=after.version,
    )
    assert (back.deadline, back.original_deadline) == (JUNE, JUNE)
    assert wf.extensions(db, assignment_id=assignment) == [] and _records(db) == (0, 0)
    fixed = asg.change_deadline(db, assignment_id=assignment, deadline="2025-05-31", kind="correction")
    back = asg.revert_deadline_change(
        db,
        assignment_id=assignment,
        kind="correction",
        deadline=JUNE,
        original_deadline=JUNE,
        expected_version=fixed.version,
    )
    assert (back.deadline, back.original_deadline) == (JUNE, JUNE)


def test_the_cli_asks_which_kind_a_deadline_change_is(
    db_url: str, assignment: int, capsys: pytest.CaptureFixture[str]
) -> None:
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--db", db_url, "--operator", "王科长", *argv])
        out, err = capsys.readouterr()
        return code, out, err

    a = str(assignment)
    code, _, err = run("edit", a, "--deadline", "2025-09-30")
    assert code == 1 and "--as 更正" in err and "--as 延期" in err
    code, _, err = run("edit", a, "--deadline", "2025-05-31", "--as", "延期", "--reason", "提前")
    assert code == 1 and "早于现有截止日期" in err
    code, out, _ = run("edit", a, "--deadline", "2025-05-31", "--as", "更正")
    assert code == 0 and "2025-05-31" in out
    code, out, _ = run("edit", a, "--deadline", "2025-08-31", "--as", "延期", "--reason", "设备未到")
    assert code == 0 and "2025-08-31" in out
    with open_database(db_url) as db:
        info = asg.get_assignment(db, assignment_id=assignment)
        [ext] = wf.extensions(db, assignment_id=assignment)
    assert (info.deadline, info.original_deadline) == (dt.date(2025, 8, 31), dt.date(2025, 5, 31))
    assert (ext.reason, ext.decided_by) == ("设备未到", "王科长")
    code, _, err = run("edit", a, "--remarks", "x", "--as", "更正")
    assert code == 1 and "--deadline" in err
