"""Feedback workbooks go out to units and come back filled, from openpyxl and from LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from desktop.exchange.workbook_format import DATA_SHEET, META_SHEET
from desktop.models import ProgressEntry, WorkbookExport
from desktop.services.exchange.workbooks import apply_workbooks, export_workbooks, read_workbooks
from desktop.services.plans.plan_import import import_plan
from desktop.services.supervision.assignments import create_assignment, get_assignment, list_progress
from desktop.storage import Database

from factories import small_plan

HEAD = 3  # header row of the data sheet


@pytest.fixture
def plan(db: Database) -> dict[str, int]:
    """A plan with two assignments for 区市场监管局 and one for 区科委."""
    plan_id = import_plan(db, parsed=small_plan(), backup=False).plan_id
    from desktop.services.core.tree import children, get_plan

    root = get_plan(db, plan_id=plan_id).root_id
    chapter = children(db, node_id=root)[0]  # type: ignore[arg-type]
    sec1 = children(db, node_id=chapter.id)[0]
    t1, t2 = children(db, node_id=sec1.id)
    return {
        "plan": plan_id,
        "a1": create_assignment(db, node_id=t1.id, unit="区市场监管局", deadline="2025-12-31").id,
        "a2": create_assignment(db, node_id=t2.id, unit="区市场监管局").id,
        "b1": create_assignment(db, node_id=t1.id, unit="区科委", role="co").id,
    }


def columns(ws) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {c.value: c.column for c in ws[HEAD] if c.value}


def fill(path: Path, values: dict[int, dict[str, object]], out: Path | None = None) -> Path:
    """Type values into data rows (1-based row index below the header), like a unit would."""
    wb = load_workbook(path)
    ws = wb[DATA_SHEET]
    cols = columns(ws)
    for index, cells in values.items():
        for header, value in cells.items():
            ws.cell(row=HEAD + index, column=cols[header], value=value)
    out = out or path
    wb.save(out)
    return out


def test_export_writes_locked_workbook_with_validations(
    db: Database, plan: dict[str, int], tmp_path: Path
) -> None:
    files = export_workbooks(db, plan_id=plan["plan"], all_units=True, out=tmp_path / "out", period="2024-06")
    assert sorted(p.name for p in files) == [
        "区市场监管局_2024-06_进展反馈表.xlsx",
        "区科委_2024-06_进展反馈表.xlsx",
    ]
    wb = load_workbook(next(p for p in files if "监管" in p.name))
    assert wb.sheetnames[0] == "说明" and wb[META_SHEET].sheet_state == "hidden"
    ws = wb[DATA_SHEET]
    cols = columns(ws)
    assert ws.column_dimensions["A"].hidden and ws.protection.sheet
    assert [ws.cell(row=HEAD + i, column=cols["任务"]).value for i in (1, 2)] == [
        "加强计量科技创新",
        "完善计量标准体系",
    ]
    assert ws.cell(row=HEAD + 1, column=cols["完成百分比"]).protection.locked is False
    assert ws.cell(row=HEAD + 1, column=cols["任务"]).protection.locked is True
    kinds = sorted(dv.type for dv in ws.data_validations.dataValidation)
    assert kinds == ["list", "whole"]
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(WorkbookExport)) == 2


def test_filled_workbook_imports_once_and_updates_assignment(
    db: Database, plan: dict[str, int], tmp_path: Path
) -> None:
    [path] = export_workbooks(
        db, plan_id=plan["plan"], unit="区市场监管局", out=tmp_path / "a.xlsx", period="2024-06"
    )
    fill(
        path,
        {
            1: {"本月进展": "碳计量中心完成选址", "完成百分比": 40, "存在问题": "资金未到位"},
            2: {"本月进展": "标准体系已印发", "状态": "已完成"},
        },
    )
    preview = read_workbooks(db, paths=[path])
    [f] = preview.files
    assert not f.blocked and [e.action for e in f.entries] == ["add", "add"]
    assert list_progress(db, assignment_id=plan["a1"]) == []  # preview writes nothing
    result = apply_workbooks(db, paths=[path])
    assert result.files[0].applied and result.files[0].added == 2
    a1 = get_assignment(db, assignment_id=plan["a1"])
    assert (a1.percent, a1.status) == (40, "in_progress")
    a2 = get_assignment(db, assignment_id=plan["a2"])
    assert (a2.percent, a2.status) == (100, "done")
    [entry] = list_progress(db, assignment_id=plan["a1"])
    assert (entry.text, entry.percent, entry.period) == ("碳计量中心完成选址", 40, "2024-06")
    again = apply_workbooks(db, paths=[path])
    assert again.files[0].applied and (again.files[0].added, again.files[0].unchanged) == (0, 2)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ProgressEntry)) == 2


def test_row_copied_from_another_unit_refuses_whole_file(
    db: Database, plan: dict[str, int], tmp_path: Path
) -> None:
    [a] = export_workbooks(db, plan_id=plan["plan"], unit="区市场监管局", out=tmp_path / "a.xlsx")
    [b] = export_workbooks(db, plan_id=plan["plan"], unit="区科委", out=tmp_path / "b.xlsx")
    b_key = load_workbook(b)[DATA_SHEET].cell(row=HEAD + 1, column=1).value
    wb = load_workbook(a)
    ws = wb[DATA_SHEET]
    ws.cell(row=HEAD + 3, column=1, value=b_key)  # the unit pasted 区科委's row below its own
    cols = columns(ws)
    ws.cell(row=HEAD + 3, column=cols["本月进展"], value="代报区科委进展")
    ws.cell(row=HEAD + 1, column=cols["本月进展"], value="本单位进展")
    wb.save(a)
    [f] = read_workbooks(db, paths=[a]).files
    assert f.blocked
    assert any(
        "属于其他单位（区科委）" in p.message and p.location == f"{DATA_SHEET}!A{HEAD + 3}"
        for p in f.problems
    )
    result = apply_workbooks(db, paths=[a])
    assert not result.files[0].applied
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ProgressEntry)) == 0


def test_tampered_integrity_code_bad_values_and_foreign_database_are_refused(
    db: Database, plan: dict[str, int], tmp_path: Path
) -> None:
    [path] = export_workbooks(db, plan_id=plan["plan"], unit="区市场监管局", out=tmp_path / "a.xlsx")
    tampered = tmp_path / "tampered.xlsx"
    wb = load_workbook(path)
    wb[META_SHEET]["B10"] = "0" * 64
    wb.save(tampered)
    [f] = read_workbooks(db, paths=[tampered]).files
    assert f.blocked and "校验码不符" in f.problems[0].message

    bad = fill(
        path,
        {1: {"本月进展": "进展", "完成百分比": 120}, 2: {"本月进展": "进展", "状态": "快完成了"}},
        tmp_path / "bad.xlsx",
    )
    [f] = read_workbooks(db, paths=[bad]).files
    cols = columns(load_workbook(bad)[DATA_SHEET])
    pct = load_workbook(bad)[DATA_SHEET].cell(row=HEAD + 1, column=cols["完成百分比"]).coordinate
    assert f"{DATA_SHEET}!{pct}：完成百分比应为 0–100 的整数，收到“120”" in [str(p) for p in f.problems]
    assert any("状态“快完成了”无效" in p.message for p in f.problems)
    assert not apply_workbooks(db, paths=[bad]).files[0].applied

    with db.write() as s:
        s.execute(WorkbookExport.__table__.delete())
    [f] = read_workbooks(db, paths=[path]).files
    assert "编号未知" in f.problems[0].message


def soffice_roundtrip(src: Path, tmp_path: Path) -> Path:
    """Let LibreOffice open and rewrite the workbook, as a unit saving it in LibreOffice Calc would."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is required for the round-trip test"
    outdir = tmp_path / "lo"
    outdir.mkdir()
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(outdir),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = outdir / src.name
    assert out.exists()
    return out


@pytest.mark.slow
def test_workbook_rewritten_by_libreoffice_imports(
    db: Database, plan: dict[str, int], tmp_path: Path
) -> None:
    [path] = export_workbooks(
        db, plan_id=plan["plan"], unit="区市场监管局", out=tmp_path / "unit.xlsx", period="2024-07"
    )
    filled = fill(
        path,
        {
            1: {"本月进展": "完成方案编制", "完成百分比": "60", "状态": "进行中"},
            2: {"本月进展": "已征求意见", "完成百分比": 30.0, "下步计划": "报区政府审定"},
        },
        tmp_path / "filled.xlsx",
    )
    back = soffice_roundtrip(filled, tmp_path)
    [f] = read_workbooks(db, paths=[back]).files
    assert not f.blocked, [str(p) for p in f.problems]
    assert [(e.text, e.percent) for e in f.entries] == [("完成方案编制", 60), ("已征求意见", 30)]
    assert apply_workbooks(db, paths=[back]).files[0].added == 2
    assert get_assignment(db, assignment_id=plan["a1"]).percent == 60
    assert [p.next_steps for p in list_progress(db, assignment_id=plan["a2"])] == ["报区政府审定"]


def test_file_that_is_not_a_workbook_is_named_as_a_problem(db: Database, tmp_path: Path) -> None:
    bogus = tmp_path / "进展.xlsx"
    bogus.write_bytes(b"not a spreadsheet")
    [f] = read_workbooks(db, paths=[bogus]).files
    assert (
        f.blocked
        and f.problems[0].location == "进展.xlsx"
        and "不是有效的 Excel 工作簿" in f.problems[0].message
    )
    assert not apply_workbooks(db, paths=[bogus]).files[0].applied


def test_a_failed_export_leaves_no_workbook_behind(
    db: Database, plan: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.services.exchange.workbooks as workbooks

    calls = []
    real = workbooks.write_workbook

    def second_fails(path, meta, rows):  # the disk fills up on the second unit's file
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(path))
        real(path, meta, rows)

    monkeypatch.setattr(workbooks, "write_workbook", second_fails)
    out = tmp_path / "out"
    with pytest.raises(OSError):
        export_workbooks(db, plan_id=plan["plan"], all_units=True, out=out, period="2024-06")
    assert list(out.iterdir()) == [], "no file that the database does not know about"
    with db.read() as s:
        assert s.scalars(select(WorkbookExport)).all() == []


def test_rows_for_a_closed_month_or_a_closed_task_are_named_and_refused(
    db: Database, plan: dict[str, int], tmp_path: Path
) -> None:
    from desktop.services.reporting.snapshots import close_month
    from desktop.services.supervision.assignments import add_progress
    from desktop.services.supervision.workflow import close, review

    add_progress(db, assignment_id=plan["a2"], period="2024-05", text="已完成", percent=100)
    review(db, assignment_id=plan["a2"], accept=True)
    close(db, assignment_id=plan["a2"])
    [path] = export_workbooks(
        db, plan_id=plan["plan"], unit="区市场监管局", out=tmp_path / "a.xlsx", period="2024-06"
    )
    fill(path, {1: {"本月进展": "补报六月进展", "完成百分比": 50}})
    close_month(db, plan_id=plan["plan"], period="2024-06")
    [f] = read_workbooks(db, paths=[path]).files
    assert f.blocked
    assert any("2024-06 月已关账" in p.message and p.location.startswith(DATA_SHEET) for p in f.problems)
    with db.read() as s:
        before = s.scalar(select(func.count()).select_from(ProgressEntry))
    assert not apply_workbooks(db, paths=[path]).files[0].applied
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ProgressEntry)) == before


def _export_one(db: Database, plan: dict[str, int], tmp_path: Path) -> Path:
    out = tmp_path / "监管局.xlsx"
    export_workbooks(db, plan_id=plan["plan"], unit="区市场监管局", out=out, period="2024-06")
    return out


def test_a_ticked_checkbox_is_not_one_percent(db: Database, plan: dict[str, int], tmp_path: Path) -> None:
    path = fill(_export_one(db, plan, tmp_path), {1: {"本月进展": "已完成调研", "完成百分比": True}})
    preview = read_workbooks(db, paths=[path])
    assert preview.blocked
    assert [(p.location, p.message) for p in preview.files[0].problems] == [
        ("进展反馈!K4", "完成百分比应为 0–100 的整数，收到逻辑值“TRUE”")
    ]
    assert apply_workbooks(db, paths=[path]).refused and list_progress(db, assignment_id=plan["a1"]) == []


def test_an_excel_error_value_is_refused_not_stored_as_progress(
    db: Database, plan: dict[str, int], tmp_path: Path
) -> None:
    path = _export_one(db, plan, tmp_path)
    wb = load_workbook(path)
    ws = wb[DATA_SHEET]
    cols = columns(ws)
    # A date beyond what Excel can show (or a failed formula) comes back as an error cell.
    cell = ws.cell(row=HEAD + 1, column=cols["本月进展"])
    cell.value, cell.data_type = "#VALUE!", "e"
    wb.save(path)
    problems = read_workbooks(db, paths=[path]).files[0].problems
    assert [(p.location, p.message) for p in problems] == [
        ("进展反馈!J4", "单元格是 Excel 错误值“#VALUE!”（公式出错或日期超出范围），请填写实际内容")
    ]
    assert apply_workbooks(db, paths=[path]).refused and list_progress(db, assignment_id=plan["a1"]) == []


def test_two_rows_with_swapped_keys_are_refused_cell_exact(
    db: Database, plan: dict[str, int], tmp_path: Path
) -> None:
    path = _export_one(db, plan, tmp_path)
    wb = load_workbook(path)
    ws = wb[DATA_SHEET]
    first, second = ws.cell(row=HEAD + 1, column=1), ws.cell(row=HEAD + 2, column=1)
    first.value, second.value = second.value, first.value
    wb.save(path)
    fill(path, {1: {"本月进展": "科技创新的进展"}, 2: {"本月进展": "标准体系的进展"}})
    problems = read_workbooks(db, paths=[path]).files[0].problems
    assert [p.location for p in problems] == ["进展反馈!D4", "进展反馈!D5"]
    assert "属于任务“完善计量标准体系”，与本行所列任务“加强计量科技创新”不符" in problems[0].message
    assert apply_workbooks(db, paths=[path]).refused
    assert list_progress(db, assignment_id=plan["a1"]) == list_progress(db, assignment_id=plan["a2"]) == []


@pytest.mark.sqlite_file
def test_a_workbook_import_is_preceded_by_a_backup(
    db: Database, plan: dict[str, int], tmp_path: Path
) -> None:
    from desktop.services.core.backups import backups

    path = fill(_export_one(db, plan, tmp_path), {1: {"本月进展": "已完成调研", "完成百分比": 40}})
    assert not apply_workbooks(db, paths=[path]).refused
    assert [b.reason for b in backups(db)] == ["import"]


def _close_task(db: Database, assignment_id: int) -> None:
    from desktop.services.supervision.assignments import add_progress
    from desktop.services.supervision.workflow import close, review

    add_progress(db, assignment_id=assignment_id, period="2024-05", text="已完成", percent=100)
    review(db, assignment_id=assignment_id, accept=True)
    close(db, assignment_id=assignment_id)


def test_done_and_closed_work_gets_no_row_to_fill(db: Database, plan: dict[str, int], tmp_path: Path) -> None:
    from desktop.errors import PlanDeskError
    from desktop.services.supervision.assignments import update_assignment

    update_assignment(db, assignment_id=plan["a2"], status="done", percent=100)
    [path] = export_workbooks(
        db, plan_id=plan["plan"], unit="区市场监管局", out=tmp_path / "a.xlsx", period="2024-06"
    )
    ws = load_workbook(path)[DATA_SHEET]
    tasks = [ws.cell(row=r, column=columns(ws)["任务"]).value for r in range(HEAD + 1, ws.max_row + 1)]
    assert [t for t in tasks if t] == ["加强计量科技创新"]  # 完善计量标准体系 is done

    _close_task(db, plan["a1"])
    with pytest.raises(PlanDeskError, match="区市场监管局在该方案中的 2 项分工都已完成或办结"):
        export_workbooks(
            db, plan_id=plan["plan"], unit="区市场监管局", out=tmp_path / "b.xlsx", period="2024-06"
        )
    files = export_workbooks(db, plan_id=plan["plan"], all_units=True, out=tmp_path / "all", period="2024-06")
    assert [p.name for p in files] == ["区科委_2024-06_进展反馈表.xlsx"]


def test_a_row_for_work_closed_or_done_since_the_export_is_refused_at_the_filled_cell(
    db: Database, plan: dict[str, int], tmp_path: Path
) -> None:
    from desktop.services.supervision.assignments import update_assignment

    path = _export_one(db, plan, tmp_path)
    ws = load_workbook(path)[DATA_SHEET]
    cols = columns(ws)
    fill(path, {1: {"完成百分比": 80, "本月进展": "完成验收"}, 2: {"完成百分比": 60}})
    _close_task(db, plan["a1"])
    update_assignment(db, assignment_id=plan["a2"], status="done", percent=100)
    preview = read_workbooks(db, paths=[path])
    assert preview.blocked
    text_col = ws.cell(row=HEAD, column=cols["本月进展"]).column_letter
    pct_col = ws.cell(row=HEAD, column=cols["完成百分比"]).column_letter
    problems = [(p.location, p.message) for p in preview.files[0].problems]
    assert (f"{DATA_SHEET}!{text_col}{HEAD + 1}", "该任务已办结，不能再登记进展") in problems
    assert (f"{DATA_SHEET}!{pct_col}{HEAD + 2}", "该任务已完成，不能再登记进展") in problems
    assert apply_workbooks(db, paths=[path]).refused
    assert [e.text for e in list_progress(db, assignment_id=plan["a2"])] == []


def test_work_completed_by_the_workbook_itself_reimports_as_the_same(
    db: Database, plan: dict[str, int], tmp_path: Path
) -> None:
    path = fill(
        _export_one(db, plan, tmp_path), {2: {"本月进展": "全部完成", "完成百分比": 100, "状态": "已完成"}}
    )
    assert not apply_workbooks(db, paths=[path]).refused
    assert get_assignment(db, assignment_id=plan["a2"]).status == "done"
    again = read_workbooks(db, paths=[path])
    assert not again.blocked and [e.action for e in again.files[0].entries] == ["same"]
