"""督查单 escalation: levels recorded per assignment, raised by hand or by rules when lateness repeats."""

from __future__ import annotations

import pytest
from supervision_setup import load_small_plan

from desktop.cli import main
from desktop.errors import PlanDeskError
from desktop.services.core.settings import set_setting
from desktop.services.supervision import workflow
from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.services.supervision.escalation import (
    apply_escalation_rules,
    current_level,
    escalate,
    escalation_history,
    propose_escalations,
)
from desktop.storage import Database


@pytest.fixture
def late(db: Database) -> dict[str, int]:
    ids = load_small_plan(db)
    # Due Tuesday 30 Sep 2026; reports due on the 25th of each month.
    ids["overdue"] = create_assignment(
        db, node_id=ids["1."], unit="区市场监管局", start_date="2026-06-01", deadline="2026-09-30"
    ).id
    ids["silent"] = create_assignment(
        db, node_id=ids["2."], unit="区发展改革委", start_date="2026-06-01", deadline="2026-12-31"
    ).id
    for period, day in [("2026-06", "2026-06-20"), ("2026-07", "2026-07-20"), ("2026-08", "2026-08-20")]:
        add_progress(db, assignment_id=ids["overdue"], period=period, text="推进中", reported_on=day)
    add_progress(db, assignment_id=ids["silent"], period="2026-06", text="推进中", reported_on="2026-06-30")
    return ids


def test_levels_rise_by_hand_and_never_go_down(db: Database, late: dict[str, int]) -> None:
    a = late["silent"]
    assert current_level(db, assignment_id=a) is None
    assert escalate(db, assignment_id=a, reason="6月迟报", at="2026-07-01").level_name == "提示"
    assert escalate(db, assignment_id=a, reason="7月未报", at="2026-07-28").level_name == "催办"
    assert (
        escalate(db, assignment_id=a, level="催办", reason="再次催办", at="2026-08-03").level_name == "催办"
    )
    with pytest.raises(PlanDeskError, match="已到“催办”，不能降为“提示”"):
        escalate(db, assignment_id=a, level="提示", reason="x")
    with pytest.raises(PlanDeskError, match="督查级别“警告”无效"):
        escalate(db, assignment_id=a, level="警告", reason="x")
    assert (
        escalate(db, assignment_id=a, level="约谈", reason="屡催不报", at="2026-09-01").level_name == "约谈"
    )
    history = escalation_history(db, assignment_id=a)
    assert [(h.level_name, h.at.date().isoformat(), h.actor) for h in history] == [
        ("提示", "2026-07-01", "测试员"),
        ("催办", "2026-07-28", "测试员"),
        ("催办", "2026-08-03", "测试员"),
        ("约谈", "2026-09-01", "测试员"),
    ]


def test_rules_escalate_overdue_work_and_repeated_lateness(db: Database, late: dict[str, int]) -> None:
    # 9 Oct 2026: the overdue task is 2 working days late (Golden Week off, then 8 and 9 Oct); the silent unit reported
    # June late (30th) and nothing for July, August or September: four bad months.
    proposals = {p.assignment_id: p for p in propose_escalations(db, as_of="2026-10-09")}
    overdue, silent = proposals[late["overdue"]], proposals[late["silent"]]
    assert (overdue.level_name, overdue.rule) == ("提示", "overdue")
    assert overdue.reason == "已逾期2个工作日（截止日期 2026-09-30）"
    assert (silent.level_name, silent.rule) == ("约谈", "repeated")
    assert silent.reason.startswith("近12个月第4次迟报或未报：2026-06迟报、2026-07未报")
    issued = apply_escalation_rules(db, as_of="2026-10-09")
    assert sorted(i.level_name for i in issued) == ["提示", "约谈"]
    assert apply_escalation_rules(db, as_of="2026-10-09") == []  # nothing new the same day
    # Ten working days later the overdue task is raised again: 督办 from 10 working days.
    again = apply_escalation_rules(db, as_of="2026-10-23")
    assert [(i.assignment_id, i.level_name) for i in again] == [(late["overdue"], "督办")]
    assert [h.level_name for h in escalation_history(db, assignment_id=late["overdue"])] == ["提示", "督办"]


def test_the_rules_are_configurable_and_checked(db: Database, late: dict[str, int]) -> None:
    set_setting(db, "escalation.rules", {"repeated_months": {"约谈": 6, "督办": 5, "催办": 4, "提示": 3}})
    silent = {p.assignment_id: p for p in propose_escalations(db, as_of="2026-10-09")}[late["silent"]]
    assert silent.level_name == "催办"
    set_setting(db, "escalation.rules", {"overdue_workdays": {"提示": 10, "催办": 5}})
    with pytest.raises(PlanDeskError, match="逐级递增"):
        propose_escalations(db, as_of="2026-10-09")


def test_closed_work_takes_no_more_escalation(db: Database, late: dict[str, int]) -> None:
    a = late["overdue"]
    workflow.review(db, assignment_id=a, accept=True)
    workflow.close(db, assignment_id=a)
    assert all(p.assignment_id != a for p in propose_escalations(db, as_of="2026-10-09"))
    with pytest.raises(PlanDeskError, match="已办结或销号"):
        escalate(db, assignment_id=a, reason="x")


def test_escalation_commands(db_url: str, late: dict[str, int], capsys: pytest.CaptureFixture[str]) -> None:
    a = str(late["silent"])
    assert main(["--db", db_url, "escalation", "check", "--as-of", "2026-10-09", "--apply"]) == 0
    out = capsys.readouterr().out
    assert f"{a}\t区发展改革委\t2.完善计量标准体系\t无 → 约谈" in out and "已发督查单 2 份" in out
    assert main(["--db", db_url, "escalation", "history", a]) == 0
    out = capsys.readouterr().out
    assert out.startswith("当前级别：约谈（共 1 次）") and "按规则" in out
    assert main(["--db", db_url, "escalation", "issue", a, "--level", "提示", "--reason", "x"]) == 1
    assert "不能降为“提示”" in capsys.readouterr().err


def test_the_thresholds_are_changed_from_the_command_line(
    db_url: str, late: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db_url, "escalation", "rules", "--overdue", "督办=8", "--repeated", "约谈=6"]) == 0
    out = capsys.readouterr().out
    assert "逾期：提示 ≥1个工作日，催办 ≥5个工作日，督办 ≥8个工作日，约谈 ≥20个工作日" in out
    assert "约谈 ≥6次" in out
    assert main(["--db", db_url, "escalation", "rules", "--overdue", "督办=30"]) == 1
    assert "逐级递增" in capsys.readouterr().err
    assert main(["--db", db_url, "escalation", "rules"]) == 0
    assert "督办 ≥8个工作日" in capsys.readouterr().out


def test_an_assignment_with_a_supervision_notice_is_kept_for_the_record(db: Database) -> None:
    from desktop.services.supervision.assignments import delete_assignment

    ids = load_small_plan(db)
    a = create_assignment(db, node_id=ids["3."], unit="区科委", deadline="2026-03-31").id
    escalate(db, assignment_id=a, reason="逾期", at="2026-04-01")
    with pytest.raises(PlanDeskError, match="需留存备查，不能删除"):
        delete_assignment(db, assignment_id=a)
    assert len(escalation_history(db, assignment_id=a)) == 1
