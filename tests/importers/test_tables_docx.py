"""Word tables are read as tables: rows, cells, merged cells; a flattened table in Word reads like the text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from test_tables_text import TASK_TABLE, owners, tasks_of

from desktop.importers.load import load_plan
from desktop.importers.plan_parser import parse_plan


def _fill(cell, text: str) -> None:
    paragraphs = text.split("\n")
    cell.paragraphs[0].text = paragraphs[0]
    for extra in paragraphs[1:]:
        cell.add_paragraph(extra)


def _merge_down(table, top: int, bottom: int, col: int) -> None:
    text = table.cell(top, col).text
    merged = table.cell(top, col).merge(table.cell(bottom, col))
    for p in merged.paragraphs[1:]:
        p._element.getparent().remove(p._element)
    merged.paragraphs[0].text = text


def _task_table_docx(path: Path) -> None:
    document = docx.Document()
    for line in (
        "某市优化营商环境三年行动方案（2023—2025年）",
        "一、总体要求",
        "坚持问题导向，持续优化营商环境。",
    ):
        document.add_paragraph(line)
    document.add_paragraph("附件")
    rows = [
        ["重点任务分工表", "", "", "", "", ""],
        ["序号", "任务名称", "主要内容", "牵头单位", "配合单位", "完成时限"],
        ["1", "提升政务服务效能", "推行帮办代办服务。", "各区政府", "市政务服务数据管理局", "2024年12月"],
        [
            "1",
            "提升政务服务效能",
            "建立好差评制度。",
            "市政务服务数据管理局",
            "市委编办\n各区政府",
            "2024年12月",
        ],
        ["2", "优化纳税服务", "拓展非接触式办税。", "市税务局\n市财政局", "/", "2025年底前"],
    ]
    table = document.add_table(rows=len(rows), cols=6)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                _fill(table.cell(r, c), text)
    table.cell(0, 0).merge(table.cell(0, 5))  # the title row spans the table
    for col in (0, 1, 5):
        _merge_down(table, 2, 3, col)  # serial, name and deadline span the task's two sub-rows
    document.save(str(path))


def test_a_word_task_table_gives_tasks_with_units_and_deadlines(tmp_path: Path) -> None:
    path = tmp_path / "分工表.docx"
    _task_table_docx(path)
    plan = load_plan(path)
    tasks = tasks_of(plan)
    assert [(t.label, t.title) for t in tasks] == [("1", "提升政务服务效能"), ("2", "优化纳税服务")]
    assert owners(tasks[0]) == [
        ("各区政府", "lead"),
        ("市政务服务数据管理局", "lead"),
        ("市委编办", "co"),
    ]
    # two units in one cell, one per paragraph
    assert owners(tasks[1]) == [("市税务局", "lead"), ("市财政局", "lead")]
    assert [t.deadline for t in tasks] == [dt.date(2024, 12, 31), dt.date(2025, 12, 31)]
    assert "推行帮办代办服务" in tasks[0].text and "建立好差评制度" in tasks[0].text
    appendix = plan.nodes[-1]
    assert appendix.label == "附件" and [c.label for c in appendix.children] == ["1", "2"]


def test_a_word_indicator_table_in_a_column(tmp_path: Path) -> None:
    document = docx.Document()
    for line in ("某市生态环境保护规划（2021—2025年）", "一、发展目标", "到2025年，生态环境持续改善。"):
        document.add_paragraph(line)
    document.add_paragraph("专栏1 主要指标")
    rows = [
        ["领域", "指标", "2020年", "2025年", "属性"],
        ["生态", "森林覆盖率（%）", "45", "≥46", "约束性"],
        ["", "新增湿地面积", "10", "50平方公里", "预期性"],
    ]
    table = document.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                _fill(table.cell(r, c), text)
    _merge_down(table, 1, 2, 0)  # the field is one merged cell for its rows
    path = tmp_path / "指标.docx"
    document.save(str(path))
    plan = load_plan(path)
    assert [
        (i.field, i.name, i.target, i.unit, i.baseline, i.year, i.attribute) for i in plan.indicators
    ] == [
        ("生态", "森林覆盖率（%）", "≥46", "%", "45", 2025, "binding"),
        ("生态", "新增湿地面积", "50平方公里", "平方公里", "10", 2025, "expected"),
    ]


def test_a_table_flattened_into_word_paragraphs_reads_like_the_text(tmp_path: Path) -> None:
    document = docx.Document()
    for line in TASK_TABLE.strip("\n").split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "flattened.docx"
    document.save(str(path))
    from_word = load_plan(path)
    from_text = parse_plan(TASK_TABLE)
    assert [(t.label, t.title, owners(t), t.deadline) for t in tasks_of(from_word)] == [
        (t.label, t.title, owners(t), t.deadline) for t in tasks_of(from_text)
    ]
    assert len(tasks_of(from_word)) == 3


def test_a_row_spanning_a_word_task_table_groups_the_rows_below(tmp_path: Path) -> None:
    document = docx.Document()
    for line in ("某市优化营商环境三年行动方案（2023—2025年）", "一、总体要求", "坚持问题导向。"):
        document.add_paragraph(line)
    rows = [
        ["序号", "重点任务", "责任单位", "完成时限"],
        ["（一）优化政务服务", "", "", ""],
        ["1", "推行一网通办", "市政务服务数据管理局", "2024年底前"],
        ["（二）优化法治环境", "", "", ""],
        ["2", "规范涉企执法", "市司法局、市市场监管局", "2024年6月底前"],
    ]
    table = document.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                _fill(table.cell(r, c), text)
    for r in (1, 3):
        table.cell(r, 0).merge(table.cell(r, 3))
    path = tmp_path / "groups.docx"
    document.save(str(path))
    plan = load_plan(path)
    chapter = plan.nodes[0]
    groups = [c for c in chapter.children if c.kind == "section"]
    assert [(g.label, g.title) for g in groups] == [("（一）", "优化政务服务"), ("（二）", "优化法治环境")]
    assert [[t.title for t in g.children] for g in groups] == [["推行一网通办"], ["规范涉企执法"]]
    assert owners(groups[1].children[0]) == [("市司法局", "lead"), ("市市场监管局", "co")]
    assert groups[1].children[0].deadline == dt.date(2024, 6, 30)
