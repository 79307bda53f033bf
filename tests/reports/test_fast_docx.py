"""Word paragraphs and tables written as XML by PlanDesk are the ones python-docx's own calls write."""

from __future__ import annotations

from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from desktop.reports.word import _Blocks, new_document

TEXTS = ["进展正常", "", " 前后有空格 ", "第一行\n第二行", "制表\t符", "末尾换行\r", "<&>“引号”"]


def _python_docx(doc: Any, header: list[str], rows: list[list[Any]]) -> None:
    """The table and paragraphs as the reports made them before, call by call."""
    for text in TEXTS:
        doc.add_paragraph(text, style="正文")
    table = doc.add_table(rows=1, cols=len(header))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        cell.paragraphs[0].style = doc.styles["表格文字"]
        cell.paragraphs[0].runs[0].bold = True
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = "" if value is None else str(value)
            cell.paragraphs[0].style = doc.styles["表格文字"]
    trpr = table.rows[0]._tr.get_or_add_trPr()
    head = OxmlElement("w:tblHeader")
    head.set(qn("w:val"), "true")
    trpr.append(head)
    doc.add_paragraph("表后", style="一级标题")


def _ours(doc: Any, header: list[str], rows: list[list[Any]]) -> None:
    blocks = _Blocks(doc)
    for text in TEXTS:
        blocks.paragraph(text, "正文")
    blocks.table(header, rows)
    blocks.paragraph("表后", "一级标题")


def _xml(build: Any, header: list[str], rows: list[list[Any]]) -> bytes:
    doc = new_document()
    build(doc, header, rows)
    return bytes(etree.tostring(doc.element))


def test_blocks_write_what_python_docx_writes() -> None:
    header = ["序号", "任务", "责任单位"]
    rows: list[list[Any]] = [[i, text, None if i % 2 else 3.5] for i, text in enumerate(TEXTS, 1)]
    assert _xml(_ours, header, rows) == _xml(_python_docx, header, rows)


def test_a_table_without_rows_is_its_header() -> None:
    assert _xml(_ours, ["甲", "乙"], []) == _xml(_python_docx, ["甲", "乙"], [])
