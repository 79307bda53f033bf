"""The exchange commands as offices script them: import --revise, workbook export/import, package export/import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.cli import main
from desktop.exchange.workbook_format import DATA_SHEET
from desktop.services.core.tree import children, get_plan
from desktop.services.plans.plan_import import import_plan
from desktop.services.supervision.assignments import create_assignment, list_progress
from desktop.storage import Database

from factories import small_plan


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def assigned(db: Database) -> int:
    plan_id = import_plan(db, parsed=small_plan(), backup=False).plan_id
    chapter = children(db, node_id=get_plan(db, plan_id=plan_id).root_id)[0]  # type: ignore[arg-type]
    t1 = children(db, node_id=children(db, node_id=chapter.id)[0].id)[0]
    return create_assignment(db, node_id=t1.id, unit="区市场监管局").id


def test_import_revise_dry_run_then_apply(
    db_url: str, db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "plan.txt"
    doc.write_text(
        "某区计量工作实施方案\n\n一、重点任务\n\n1. 加强计量科技创新。（责任单位：区市场监管局）\n\n"
        "2. 完善计量标准体系。（责任单位：区发展改革委）\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--db", db_url, "import", str(doc), "--json")
    plan_id = json.loads(out)["plan_id"]
    doc.write_text(
        "某区计量工作实施方案\n\n一、重点任务\n\n1. 加强计量科技创新。（责任单位：区市场监管局）\n\n"
        "2. 推进能源计量数据中心建设，服务园区节能降碳。（责任单位：区发展改革委）\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--db", db_url, "import", str(doc), "--revise", str(plan_id), "--dry-run")
    assert (
        code == 0
        and "新增：任务 2.推进能源计量数据中心建设" in out
        and "删除：任务 2.完善计量标准体系" in out
    )
    assert "试运行" in out and get_plan(db, plan_id=plan_id).revision == 1
    code, out, _ = run(capsys, "--db", db_url, "import", str(doc), "--revise", str(plan_id), "--json")
    data = json.loads(out)
    assert data["applied"] and data["revision"] == 2 and data["diff"]["counts"]["added"] == 1
    assert get_plan(db, plan_id=plan_id).revision == 2


def test_workbook_commands_export_and_import(
    db_url: str, assigned: int, tmp_path: Path, capsys: pytest.CaptureFixture[str], db: Database
) -> None:
    out_file = tmp_path / "unit.xlsx"
    code, out, _ = run(
        capsys,
        "--db",
        db_url,
        "workbook",
        "export",
        "--plan",
        "1",
        "--unit",
        "区市场监管局",
        "-o",
        str(out_file),
        "--period",
        "2024-09",
    )
    assert code == 0 and out_file.exists()
    wb = load_workbook(out_file)
    ws = wb[DATA_SHEET]
    header = {c.value: c.column for c in ws[3]}
    ws.cell(row=4, column=header["本月进展"], value="完成招标")
    ws.cell(row=4, column=header["完成百分比"], value=35)
    wb.save(out_file)
    code, out, _ = run(capsys, "--db", db_url, "workbook", "import", str(out_file), "--dry-run")
    assert code == 0 and "新增 完成招标（35%）" in out and list_progress(db, assignment_id=assigned) == []
    code, out, _ = run(capsys, "--db", db_url, "workbook", "import", str(out_file), "--json")
    assert code == 0 and json.loads(out)["result"]["files"][0]["added"] == 1
    assert [p.text for p in list_progress(db, assignment_id=assigned)] == ["完成招标"]
    ws.cell(row=4, column=header["完成百分比"], value=300)
    wb.save(out_file)
    code, _out, err = run(capsys, "--db", db_url, "workbook", "import", str(out_file))
    assert code == 1 and "未导入" in err


def test_package_commands_round_trip(
    db_url: str, assigned: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pkg = tmp_path / "plan.pdpkg"
    code, out, _ = run(capsys, "--db", db_url, "package", "export", "--plan", "1", "-o", str(pkg))
    assert code == 0 and pkg.exists()
    other = str(tmp_path / "other.sqlite3")
    code, out, _ = run(capsys, "--db", other, "package", "import", str(pkg), "--dry-run", "--json")
    assert code == 0 and json.loads(out)["preview"]["counts"]["assignments"]["add"] == 1
    # a first package from an office is refused until its fingerprint is confirmed with the sender
    code, out, err = run(capsys, "--db", other, "package", "import", str(pkg))
    fp = json.loads(run(capsys, "--db", other, "package", "import", str(pkg), "--dry-run", "--json")[1])[
        "preview"
    ]["fingerprint"]
    assert code == 1 and "尚未确认此办公室的签名密钥" in err and f"--trust {fp}" in err
    code, out, _ = run(capsys, "--db", other, "package", "import", str(pkg), "--trust", fp.lower())
    assert code == 0 and "已导入" in out
    code, out, _ = run(capsys, "--db", other, "package", "import", str(pkg))  # known from now on
    assert code == 0 and "已导入" in out
    pkg.write_bytes(pkg.read_bytes()[:200])
    code, _out, err = run(capsys, "--db", other, "package", "import", str(pkg))
    assert code == 1 and "已损坏或不完整" in err
