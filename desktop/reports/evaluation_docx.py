"""The evaluation report as a Word document (.docx), for offices that edit it further before issuing."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from ..fileio import atomic_path
from .evaluation_model import EvaluationReportData
from .evaluation_text import (
    METHOD_NOTE,
    TASK_HEADS,
    detail_row,
    indicator_heads,
    indicator_row,
    is_red,
    point_rows,
    share_row,
)

FONT = "宋体"
HEADING_FONT = "黑体"
RED = RGBColor(0xC0, 0x00, 0x00)


def _cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _font(run: Any, name: str, size: float, *, bold: bool = False, red: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)
    if red:
        run.font.color.rgb = RED


def _para(
    doc: Any, text: str, *, size: float = 12, font: str = FONT, bold: bool = False, center: bool = False
) -> Any:
    p = doc.add_paragraph()
    _font(p.add_run(text), font, size, bold=bold)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def _table(doc: Any, heads: list[str], rows: list[list[str]], red: list[bool] | None = None) -> Any:
    table = doc.add_table(rows=1, cols=len(heads))
    table.style = "Table Grid"
    for cell, head in zip(table.rows[0].cells, heads, strict=True):
        cell.text = ""
        _font(cell.paragraphs[0].add_run(head), FONT, 9, bold=True)
    for i, row in enumerate(rows):
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = ""
            _font(cell.paragraphs[0].add_run(value), FONT, 9, red=bool(red and red[i]))
    return table


def build_document(data: EvaluationReportData) -> Any:
    """The report as a python-docx Document, section by section like the PDF."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    doc.core_properties.title = data.title
    doc.core_properties.author = data.office or "PlanDesk"
    _para(doc, data.title, size=18, font=HEADING_FONT, bold=True, center=True)
    _para(doc, data.office, size=12, center=True)
    _para(
        doc,
        f"评估截止日期：{_cn_date(data.as_of)}　规划期：{_cn_date(data.period_start)}至{_cn_date(data.period_end)}",
        size=11,
        center=True,
    )
    _para(doc, "一、总体评价", size=14, font=HEADING_FONT, bold=True)
    for line in data.overall:
        _para(doc, line)
    _para(doc, "二、主要指标", size=14, font=HEADING_FONT, bold=True)
    if data.indicators:
        red = [is_red(e) for e in data.indicators]
        _table(doc, indicator_heads(), [indicator_row(i, e) for i, e in enumerate(data.indicators, 1)], red)
        _para(doc, "指标测算明细", size=12, font=HEADING_FONT)
        heads = ["序号", "指标", "完成目标进度", "序时进度", "尚需年均", "趋势年均", "说明"]
        _table(doc, heads, [detail_row(i, e) for i, e in enumerate(data.indicators, 1)], red)
    else:
        _para(doc, "本方案未列明量化指标。")
    t = data.tasks
    _para(doc, "三、重点任务", size=14, font=HEADING_FONT, bold=True)
    _para(doc, t.judgement)
    if t.overall.total:
        _para(doc, "按章节", size=12, font=HEADING_FONT)
        _table(doc, ["章节", *TASK_HEADS], [share_row(r) for r in [*t.by_chapter, t.overall]])
        _para(doc, "按责任单位", size=12, font=HEADING_FONT)
        _table(doc, ["责任单位", *TASK_HEADS], [share_row(r) for r in t.by_unit])
        if t.behind:
            _para(doc, "滞后任务", size=12, font=HEADING_FONT)
            rows = [[f"{b.label}{b.title}", b.units, b.reason] for b in t.behind]
            _table(doc, ["任务", "牵头单位", "情况"], rows, [True] * len(rows))
    _para(doc, "四、存在问题", size=14, font=HEADING_FONT, bold=True)
    for i, line in enumerate(data.problems, 1):
        _para(doc, f"{i}. {line}")
    _para(doc, "五、下一步建议", size=14, font=HEADING_FONT, bold=True)
    for i, line in enumerate(data.suggestions, 1):
        _para(doc, f"{i}. {line}")
    rows = [r for e in data.indicators for r in point_rows(e)]
    if rows:
        _para(doc, "附：指标数据明细", size=14, font=HEADING_FONT, bold=True)
        _table(doc, ["指标", "日期", "数值", "来源", "记录号"], rows)
        _para(doc, METHOD_NOTE, size=9)
    return doc


def render_evaluation_docx(data: EvaluationReportData, path: str | os.PathLike[str]) -> Path:
    """Write the .docx atomically."""
    target = Path(path)
    doc = build_document(data)
    with atomic_path(target) as tmp:
        doc.save(str(tmp))
    return target
