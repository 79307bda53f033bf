"""Word's list numbering formats, as Word writes them."""

from __future__ import annotations

import pytest

from desktop.importers.docx_numbering import format_number
from desktop.importers.numbering import chinese_number


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (99, "九十九"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
        (999, "九百九十九"),
    ],
)
def test_chinese_counting(n: int, expected: str) -> None:
    assert chinese_number(n) == expected


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (3, "decimal", "3"),
        (3, "chineseCountingThousand", "三"),
        (2, "ideographTraditional", "乙"),
        (4, "decimalEnclosedCircleChinese", "④"),
        (7, "decimalZero", "07"),
        (12, "decimalFullWidth", "１２"),
        (28, "lowerLetter", "bb"),
        (14, "upperRoman", "XIV"),
    ],
)
def test_formats(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected


def _numbered_document(paragraphs: list[tuple[str, str]]) -> bytes:
    """A .docx with one decimal list definition used by list instances 201 (continues) and 202 (restarts)."""
    import io

    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    d = docx.Document()
    numbering = d.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="200"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    )
    numbering.find(qn("w:num")).addprevious(abstract)
    for num_id, restart in (("201", False), ("202", True)):
        override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="200"/>{override}</w:num>'
            )
        )
    for num_id, text in paragraphs:
        p = d.add_paragraph(text)
        if num_id:
            p._p.get_or_add_pPr().append(
                parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
            )
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_a_list_continues_across_paragraphs_and_restarts_where_word_restarts_it() -> None:
    from desktop.importers.docx_reader import read_docx

    data = _numbered_document(
        [
            ("", "一、甲"),
            ("201", "任务甲"),
            ("201", "任务乙"),
            ("", "说明"),
            ("201", "任务丙"),
            ("", "二、乙"),
            ("202", "任务丁"),
        ]
    )
    assert read_docx(data, "x.docx").splitlines() == [
        "一、甲",
        "1.任务甲",
        "2.任务乙",
        "说明",
        "3.任务丙",
        "二、乙",
        "1.任务丁",
    ]


def test_a_serial_column_numbered_by_word_keeps_its_numbers() -> None:
    import io

    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from desktop.importers.docx_reader import read_docx

    base = _numbered_document([])
    d = docx.Document(io.BytesIO(base))
    table = d.add_table(rows=1, cols=3)
    for cell, title in zip(table.rows[0].cells, ["序号", "重点任务", "牵头单位"], strict=True):
        cell.text = title
    for task, unit in (("建设数据中心", "市数据局"), ("推进千兆光网", "市通信管理办")):
        serial, title, lead = table.add_row().cells
        serial.paragraphs[0]._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="201"/></w:numPr>')
        )
        title.text, lead.text = task, unit
    out = io.BytesIO()
    d.save(out)
    assert read_docx(out.getvalue(), "x.docx").splitlines()[-2:] == [
        "1\t建设数据中心\t市数据局",
        "2\t推进千兆光网\t市通信管理办",
    ]
