"""An Excel 任务分解表 imports as a plan: the same tree as the same table in a Word document."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import openpyxl
import pytest
from importer_checks import tree_signature
from sqlalchemy import select
from test_tables_text import owners, tasks_of

from desktop.errors import ImportRefused
from desktop.importers import xlsx_plan_reader
from desktop.importers.load import load_plan
from desktop.importers.readers import read_document
from desktop.models import Plan
from desktop.services.plans.plan_import import import_file
from desktop.storage import Database

TITLE = "某市2024年优化营商环境重点任务分解表"
# Two header rows (责任单位 over 牵头单位 | 配合单位), group rows spanning the table, a category column and a
# lead unit merged down over two tasks, a task over two rows (its serial, name and deadline merged).
TABLE = [
    ["序号", "类别", "重点任务", "责任单位", "", "完成时限"],
    ["", "", "", "牵头单位", "配合单位", ""],
    ["一、提升政务服务效能", "", "", "", "", ""],
    ["1", "政务服务", "推行帮办代办服务", "市政务服务数据管理局", "各区政府\n市委编办", "2024年12月底前"],
    ["2", "", "建立好差评制度", "", "市委编办", "2024年6月"],
    ["二、优化法治环境", "", "", "", "", ""],
    ["3", "法治环境", "规范涉企行政执法", "市司法局", "市市场监管局、市生态环境局", "2025年底前"],
    ["", "", "推行柔性执法", "", "市城管局", ""],
]
# (first row, first column, last row, last column) of each merged cell, counted in TABLE from 0
MERGES = [
    (0, 0, 1, 0),
    (0, 1, 1, 1),
    (0, 2, 1, 2),
    (0, 3, 0, 4),
    (0, 5, 1, 5),
    (2, 0, 2, 5),
    (5, 0, 5, 5),
    (3, 1, 4, 1),
    (3, 3, 4, 3),
    (6, 0, 7, 0),
    (6, 1, 7, 1),
    (6, 3, 7, 3),
    (6, 5, 7, 5),
]


def _workbook_bytes(workbook: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _put_table(sheet, table: list[list], top: int, merges: list[tuple[int, int, int, int]]) -> None:
    """``table`` from row ``top`` (1-based), its merged cells merged."""
    for r, row in enumerate(table):
        for c, value in enumerate(row):
            if value not in ("", None):
                sheet.cell(top + r, c + 1, value)
    for r1, c1, r2, c2 in merges:
        sheet.merge_cells(start_row=top + r1, start_column=c1 + 1, end_row=top + r2, end_column=c2 + 1)


def _xlsx(title: str | None = TITLE) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "任务分解"
    top = 1
    if title:
        sheet.cell(1, 1, title)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
        top = 2
    _put_table(sheet, TABLE, top, MERGES)
    return _workbook_bytes(workbook)


def _docx() -> bytes:
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=len(TABLE), cols=6)
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            paragraphs = text.split("\n") if text else []
            cell = table.cell(r, c)
            for k, paragraph in enumerate(paragraphs):
                (cell.paragraphs[0] if k == 0 else cell.add_paragraph()).text = paragraph
    for r1, c1, r2, c2 in MERGES:
        merged = table.cell(r1, c1).merge(table.cell(r2, c2))
        for extra in merged.paragraphs[1:]:
            if not extra.text:
                extra._element.getparent().remove(extra._element)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _tasks(plan) -> list[tuple]:
    return [(t.label, t.title, owners(t), t.deadline) for t in tasks_of(plan)]


def test_a_task_breakdown_workbook_gives_the_tree_of_the_same_word_table() -> None:
    word = load_plan("分解表.docx", data=_docx())
    excel = load_plan("分解表.xlsx", data=_xlsx())
    assert (word.source_format, excel.source_format) == ("docx", "xlsx")
    assert tree_signature(excel) == tree_signature(word)
    assert _tasks(excel) == _tasks(word)
    assert excel.title == TITLE
    groups = excel.nodes[0].children
    assert [(g.label, g.title) for g in groups] == [("一、", "提升政务服务效能"), ("二、", "优化法治环境")]
    first, second, third = tasks_of(excel)
    # the lead unit merged over tasks 1 and 2 leads both; the task over two rows has the units of both
    assert owners(first) == [("市政务服务数据管理局", "lead"), ("各区政府", "co"), ("市委编办", "co")]
    assert owners(second) == [("市政务服务数据管理局", "lead"), ("市委编办", "co")]
    assert owners(third)[0] == ("市司法局", "lead") and ("市城管局", "co") in owners(third)
    assert [t.deadline for t in (first, second, third)] == [
        dt.date(2024, 12, 31),
        dt.date(2024, 6, 30),
        dt.date(2025, 12, 31),
    ]


def test_the_two_header_rows_become_one_and_merged_cells_repeat_down() -> None:
    lines = read_document("分解表.xlsx", _xlsx()).text.split("\n")
    assert lines[:3] == [
        TITLE,
        "序号\t类别\t重点任务\t牵头单位\t配合单位\t完成时限",
        "\t一、提升政务服务效能",
    ]
    assert lines[4] == "2\t政务服务\t建立好差评制度\t市政务服务数据管理局\t市委编办\t2024年6月"


def test_without_a_title_row_the_file_name_is_the_title() -> None:
    plan = load_plan("营商环境任务分解表.xlsx", data=_xlsx(title=None))
    assert plan.title == "营商环境任务分解表"
    assert len(tasks_of(plan)) == 3


def test_every_sheet_with_a_task_table_is_read_in_order() -> None:
    workbook = openpyxl.Workbook()
    notes = workbook.active
    notes.title = "填表说明"
    notes.append(["请各单位于每月5日前报送进展。"])
    first = workbook.create_sheet("政务服务")
    first.append(["某市2024年数字政府建设重点任务分解表"])
    first.merge_cells("A1:E1")
    first.append(["序号", "工作任务", "牵头单位", "配合单位", "完成时限"])
    # an Excel date and a number typed as a number
    first.append([1, "推行一网通办", "市政务服务数据管理局", "市财政局", dt.datetime(2024, 9, 30)])
    first.append(["注：完成时限为最迟时间。"])
    second = workbook.create_sheet("数据共享")
    second.append(["序号", "具体措施", "责任单位", "完成时限"])
    second.append([2, "建设数据共享平台", "市数据局、市发展改革委", "2025年底前"])
    plan = load_plan("数字政府.xlsx", data=_workbook_bytes(workbook))
    assert plan.title == "某市2024年数字政府建设重点任务分解表"
    assert _tasks(plan) == [
        ("1", "推行一网通办", [("市政务服务数据管理局", "lead"), ("市财政局", "co")], dt.date(2024, 9, 30)),
        ("2", "建设数据共享平台", [("市数据局", "lead"), ("市发展改革委", "co")], dt.date(2025, 12, 31)),
    ]
    assert "请各单位" not in plan.text  # the sheet without a table is not part of the plan
    assert "注：完成时限为最迟时间。" in plan.text  # a note below the table is text, not a task


def test_a_workbook_without_a_task_table_is_refused_saying_what_was_looked_for() -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append(["姓名", "电话", "邮箱"])
    workbook.active.append(["张三", "12345678", "a@example.com"])
    with pytest.raises(ImportRefused) as info:
        load_plan("通讯录.xlsx", data=_workbook_bytes(workbook))
    message = info.value.message
    assert "通讯录.xlsx" in message and "任务分解表" in message
    assert all(word in message for word in ("序号", "重点任务", "牵头单位", "配合单位", "完成时限"))


def test_a_sheet_too_long_to_be_a_task_table_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_plan_reader, "MAX_ROWS", 5)
    with pytest.raises(ImportRefused) as info:
        load_plan("分解表.xlsx", data=_xlsx())
    assert "分解表.xlsx" in info.value.message and "任务分解" in info.value.message
    assert "过大" in info.value.message


def test_a_damaged_workbook_is_refused_naming_the_file() -> None:
    data = _xlsx()
    with pytest.raises(ImportRefused) as info:
        load_plan("分解表.xlsx", data=data[: len(data) // 2])
    assert "分解表.xlsx" in info.value.message and "损坏" in info.value.message


def test_an_imported_workbook_is_stored_as_an_excel_plan(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "分解表.xlsx"
    path.write_bytes(_xlsx())
    import_file(db, path=path, backup=False)
    with db.read() as s:
        plan = s.scalars(select(Plan)).one()
        assert (plan.title, plan.source_format) == (TITLE, "xlsx")
