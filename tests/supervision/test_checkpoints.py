"""节点目标: quarterly checkpoints of a long task, met or missed by what the lead unit reported by each date."""

from __future__ import annotations

import pytest
from supervision_setup import load_small_plan

from desktop.cli import main
from desktop.errors import PlanDeskError
from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.services.supervision.checkpoints import (
    add_checkpoints,
    add_quarterly_checkpoints,
    list_checkpoints,
    missed_checkpoints,
)
from desktop.storage import Database


@pytest.fixture
def task(db: Database) -> dict[str, int]:
    ids = load_small_plan(db)
    ids["a"] = create_assignment(
        db, node_id=ids["1."], unit="区市场监管局", start_date="2026-01-01", deadline="2026-12-31"
    ).id
    create_assignment(db, node_id=ids["1."], unit="区科委", role="配合", deadline="2026-12-31")
    add_progress(
        db, assignment_id=ids["a"], period="2026-03", text="启动", percent=30, reported_on="2026-03-20"
    )
    add_progress(
        db, assignment_id=ids["a"], period="2026-06", text="推进", percent=40, reported_on="2026-06-22"
    )
    return ids


def test_quarterly_checkpoints_are_met_missed_or_ahead(db: Database, task: dict[str, int]) -> None:
    add_quarterly_checkpoints(db, node_id=task["1."], year=2026)
    rows = list_checkpoints(db, node_id=task["1."], as_of="2026-07-15")
    assert [(c.due.isoformat(), c.expected_percent, c.actual_percent, c.state_name) for c in rows] == [
        ("2026-03-31", 25, 30, "已达成"),
        ("2026-06-30", 50, 40, "未达成"),
        ("2026-09-30", 75, 40, "未到期"),
        ("2026-12-31", 100, 40, "未到期"),
    ]
    assert rows[0].title == "2026年第一季度末" and rows[0].unit == "区市场监管局"
    missed = missed_checkpoints(db, plan_id=task["plan"], as_of="2026-07-15")
    assert [(m.node, m.checkpoint.due.isoformat()) for m in missed] == [("1.加强计量科技创新", "2026-06-30")]
    # A report after the date does not make up a missed checkpoint.
    add_progress(
        db, assignment_id=task["a"], period="2026-07", text="加快", percent=60, reported_on="2026-07-20"
    )
    assert list_checkpoints(db, node_id=task["1."], as_of="2026-07-25")[1].state_name == "未达成"


@pytest.mark.parametrize(
    ("targets", "message"),
    [
        ([("2026-06-30", 50, ""), ("2026-09-30", 40, "")], "节点目标应随时间递增"),
        ([("2027-03-31", 50, "")], "晚于任务截止日期 2026-12-31"),
        ([("2026-06-30", 120, "")], "0 到 100"),
        ([("2026-06-31", 50, "")], "节点日期“2026-06-31”无效"),
    ],
)
def test_faulty_checkpoints_are_refused_whole(
    db: Database, task: dict[str, int], targets: list[tuple[str, int, str]], message: str
) -> None:
    with pytest.raises(PlanDeskError, match=message):
        add_checkpoints(db, node_id=task["1."], targets=targets)
    assert list_checkpoints(db, node_id=task["1."]) == []


def test_checkpoint_commands(db_url: str, task: dict[str, int], capsys: pytest.CaptureFixture[str]) -> None:
    node = str(task["1."])
    assert (
        main(
            ["--db", db_url, "checkpoint", "quarterly", node, "--year", "2026", "--percents", "20,50,80,100"]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--db", db_url, "checkpoint", "list", node, "--as-of", "2026-07-01"]) == 0
    out = capsys.readouterr().out
    assert "2026-03-31\t预期 20%\t实际 30%\t已达成" in out and "2026-06-30\t预期 50%\t实际 40%\t未达成" in out
    argv = ["--db", db_url, "checkpoint", "missed", "--plan", str(task["plan"]), "--as-of", "2026-07-01"]
    assert main(argv) == 0
    assert "1.加强计量科技创新\t区市场监管局\t2026-06-30\t预期 50%\t实际 40%" in capsys.readouterr().out
    assert main(["--db", db_url, "checkpoint", "add", node, "--due", "2026-06-30", "--percent", "60"]) == 1
    assert "2026-06-30 已有节点目标" in capsys.readouterr().err
