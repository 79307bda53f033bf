"""Feedback workbooks read as stored by compact writers, several files at once, each wholly or not at all."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from desktop.exchange.workbook_format import DATA_SHEET
from desktop.models import AuditEntry, ProgressEntry
from desktop.services.core.tree import children, get_plan
from desktop.services.exchange.workbooks import apply_workbooks, export_workbooks, read_workbooks
from desktop.services.plans.plan_import import import_plan
from desktop.services.supervision.assignments import create_assignment, get_assignment
from desktop.storage import Database

from factories import small_plan

HEAD = 3


@pytest.fixture
def plan(db: Database) -> dict[str, int]:
    plan_id = import_plan(db, parsed=small_plan(), backup=False).plan_id
    root = get_plan(db, plan_id=plan_id).root_id
    sec1 = children(db, node_id=children(db, node_id=root)[0].id)[0]  # type: ignore[arg-type]
    t1, t2 = children(db, node_id=sec1.id)
    return {
        "plan": plan_id,
        "a1": create_assignment(db, node_id=t1.id, unit="区市场监管局").id,
        "a2": create_assignment(db, node_id=t2.id, unit="区市场监管局").id,
        "b1": create_assignment(db, node_id=t1.id, unit="区科委", role="co").id,
    }


def fill(path: Path, values: dict[int, dict[str, object]]) -> dict[str, str]:
    wb = load_workbook(path)
    ws = wb[DATA_SHEET]
    cols = {c.value: c.column for c in ws[HEAD] if c.value}
    for index, cells in values.items():
        for header, value in cells.items():
            ws.cell(row=HEAD + index, column=cols[header], value=value)
    wb.save(path)
    return {h: ws.cell(row=HEAD, column=c).column_letter for h, c in cols.items()}


def compact(path: Path) -> None:
    """Rewrite the sheets as some office programs store them: no empty cells, a wrong sheet size."""
    src = path.read_bytes()
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out, zipfile.ZipFile(path) as zin:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                text = data.decode("utf-8")
                text = re.sub(r'<c r="[A-Z]+\d+"( s="\d+")?/>', "", text)
                text = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1"/>', text)
                data = text.encode("utf-8")
            out.writestr(item, data)
    assert tmp.read_bytes() != src
    tmp.replace(path)


def test_compactly_stored_workbook_reads_every_row_and_names_empty_cells(
    db: Database, plan: dict[str, int], tmp_path: Path
) -> None:
    [path] = export_workbooks(
        db, plan_id=plan["plan"], unit="区市场监管局", out=tmp_path / "a.xlsx", period="2024-06"
    )
    letters = fill(path, {1: {"完成百分比": 50}, 2: {"本月进展": "标准体系已印发", "完成百分比": 1.0}})
    compact(path)
    [f] = read_workbooks(db, paths=[path]).files
    assert [str(p) for p in f.problems] == [
        f"{DATA_SHEET}!{letters['本月进展']}{HEAD + 1}：本月进展不能为空（本行已填写其他内容）"
    ]
    fill(path, {1: {"本月进展": "完成选址"}})
    compact(path)
    [f] = read_workbooks(db, paths=[path]).files
    assert not f.blocked and [(e.text, e.percent) for e in f.entries] == [
        ("完成选址", 50),
        ("标准体系已印发", 1),
    ]


def test_several_files_apply_each_wholly_or_not_at_all_and_again_change_nothing(
    db: Database, plan: dict[str, int], tmp_path: Path
) -> None:
    files = export_workbooks(db, plan_id=plan["plan"], all_units=True, out=tmp_path / "out", period="2024-06")
    market = next(p for p in files if "市场" in p.name)
    science = next(p for p in files if "科委" in p.name)
    fill(market, {1: {"本月进展": "完成选址", "完成百分比": 40}, 2: {"本月进展": "已印发", "状态": "已完成"}})
    fill(science, {1: {"本月进展": "配合调研", "完成百分比": 120}})
    result = apply_workbooks(db, paths=[market, science])
    assert [(f.applied, f.added) for f in result.files] == [(True, 2), (False, 0)]
    assert [p.message for p in result.files[1].problems] == ["完成百分比应为 0–100 的整数，收到“120”"]
    assert (
        get_assignment(db, assignment_id=plan["a1"]).percent,
        get_assignment(db, assignment_id=plan["a2"]).status,
    ) == (40, "done")
    with db.read() as s:
        audited = set(
            s.scalars(select(AuditEntry.table_name).where(AuditEntry.batch_id == result.files[0].batch_id))
        )
        assert {"progress_entry", "assignment", "workflow_step"} <= audited
    fill(market, {1: {"本月进展": "完成选址并开工", "完成百分比": 60}})
    again = apply_workbooks(db, paths=[market])
    assert [(f.added, f.updated, f.unchanged) for f in again.files] == [(0, 1, 1)]
    assert apply_workbooks(db, paths=[market]).files[0].unchanged == 2
    with db.read() as s:
        texts = sorted(s.scalars(select(ProgressEntry.text)))
        assert texts == ["完成选址并开工", "已印发"]
        assert s.scalar(select(func.count()).select_from(ProgressEntry)) == 2


def _plain_read(path: Path):  # type: ignore[no-untyped-def]
    from desktop.exchange.workbook_format import _PlainBook, _read

    with zipfile.ZipFile(path) as archive:
        return _read(_PlainBook(archive))


@pytest.mark.slow
def test_plain_reader_reads_what_openpyxl_reads_also_after_libreoffice(
    db: Database, plan: dict[str, int], tmp_path: Path
) -> None:
    from exchange.test_workbooks import soffice_roundtrip

    from desktop.exchange.workbook_format import read_with_openpyxl

    [path] = export_workbooks(
        db, plan_id=plan["plan"], unit="区市场监管局", out=tmp_path / "a.xlsx", period="2024-06"
    )
    fill(
        path,
        {
            1: {"本月进展": "完成选址\n（第一阶段）", "完成百分比": 0.4, "状态": "进行中"},
            2: {"本月进展": "标准体系已印发", "完成百分比": "100%", "存在问题": "无", "下步计划": 3},
        },
    )
    wb = load_workbook(path)
    ws = wb[DATA_SHEET]
    pct = next(c.column for c in ws[HEAD] if c.value == "完成百分比")
    ws.cell(row=HEAD + 1, column=pct).number_format = "0%"
    wb.save(path)
    compacted = tmp_path / "compact.xlsx"
    compacted.write_bytes(path.read_bytes())
    compact(compacted)
    for variant in (path, compacted, soffice_roundtrip(path, tmp_path)):
        plain = _plain_read(variant)
        assert plain == read_with_openpyxl(variant)
        assert [(r.cells["本月进展"].value, r.cells["完成百分比"].percent_format) for r in plain.rows] == [
            ("完成选址\n（第一阶段）", True),
            ("标准体系已印发", False),
        ]
    [f] = read_workbooks(db, paths=[path]).files
    assert [(e.percent, e.next_steps) for e in f.entries] == [(40, ""), (100, "3")]
