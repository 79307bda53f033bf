"""The supervision commands offices script: workflow, extension, warnings, score, month close, coverage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from supervision_setup import load_small_plan

from desktop.cli import main
from desktop.services.supervision.assignments import create_assignment
from desktop.storage import open_database


@pytest.fixture
def setup(db_url: str) -> dict[str, int]:
    with open_database(db_url, operator="测试员") as db:
        ids = load_small_plan(db)
        ids["a1"] = create_assignment(
            db, node_id=ids["1."], unit="区市场监管局", start_date="2025-01-01", deadline="2025-06-30"
        ).id
    return ids


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_workflow_and_extension_commands(
    db_url: str, setup: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    a = str(setup["a1"])
    code, out, _ = run(
        capsys, "--db", db_url, "--operator", "王科长", "workflow", a, "acknowledge", "--actor", "李四"
    )
    assert code == 0 and "签收\t已交办 → 已签收\t李四" in out
    code, _, err = run(capsys, "--db", db_url, "workflow", a, "return", "--reason", "缺材料")
    assert code == 1 and "当前状态为“已签收”，不能进行“退回”" in err
    code, out, _ = run(
        capsys,
        "--db",
        db_url,
        "workflow",
        a,
        "report",
        "--period",
        "2025-05",
        "--text",
        "推进中",
        "--percent",
        "40",
    )
    assert code == 0 and "反馈\t已签收 → 已反馈" in out
    assert run(capsys, "--db", db_url, "workflow", a, "return", "--reason", "缺材料")[0] == 0
    code, out, _ = run(
        capsys, "--db", db_url, "extension", "request", a, "--deadline", "2025-08-31", "--reason", "设备未到"
    )
    assert code == 0
    code, out, _ = run(capsys, "--db", db_url, "extension", "decide", out.strip(), "--approve")
    assert code == 0 and "已同意" in out
    code, out, _ = run(capsys, "--db", db_url, "extension", "list", a)
    assert "截止日期：原定 2025-06-30 → 延期后 2025-08-31" in out
    code, out, _ = run(capsys, "--db", db_url, "workflow", a, "history", "--json")
    assert [s["step"] for s in json.loads(out)] == [
        "assign",
        "acknowledge",
        "report",
        "return",
        "extension_request",
        "extension_approve",
    ]


def test_warnings_score_month_and_coverage_commands(
    db_url: str, setup: dict[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = str(setup["plan"])
    code, out, _ = run(capsys, "--db", db_url, "warnings", "--plan", plan, "--as-of", "2025-07-01", "--json")
    rows = json.loads(out)
    assert code == 0 and {(r["colour"], r["rule"]) for r in rows} == {
        ("red", "overdue"),
        ("orange", "no_feedback"),
    }
    assert rows[0]["node"] == "1.加强计量科技创新" and rows[0]["unit"] == "区市场监管局"
    code, out, _ = run(capsys, "--db", db_url, "warnings", "--plan", plan, "--as-of", "2025-07-01")
    assert out.splitlines()[0].startswith("红色\t1.加强计量科技创新\t区市场监管局\t逾期\t已逾期 1 天")
    xlsx = tmp_path / "score.xlsx"
    code, out, _ = run(
        capsys, "--db", db_url, "score", "--plan", plan, "--period", "2025-06", "--xlsx", str(xlsx), "--json"
    )
    assert code == 0 and json.loads(out)[0]["unit"] == "区市场监管局" and xlsx.is_file()
    code, out, _ = run(capsys, "--db", db_url, "month", "close", "--plan", plan, "--period", "2025-06")
    assert code == 0 and "2025-06 已关账" in out and "不可撤销" in out
    code, _, err = run(capsys, "--db", db_url, "month", "close", "--plan", plan, "--period", "2025-06")
    assert code == 1 and "已关账" in err
    code, out, _ = run(capsys, "--db", db_url, "month", "trend", "--plan", plan, "--json")
    assert json.loads(out)[0]["period"] == "2025-06"
    code, out, _ = run(capsys, "--db", db_url, "reporting", "--plan", plan, "--period", "2025-07")
    assert "区市场监管局\t0/1\t未报送 1 项" in out
    code, out, _ = run(capsys, "--db", db_url, "coverage", "--plan", plan)
    assert "尚未设置上级方案" in out and "3.推进能源计量" in out
