"""OFD electronic documents (电子公文): text put back in reading order, paragraphs rejoined, tables as rows."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from ofd_writer import PageBreak, Paragraph, Rule, Table, ofd_bytes, package, page_xml
from sqlalchemy import func, select
from test_tables_text import owners, tasks_of

from desktop.errors import ImportRefused
from desktop.importers.load import load_plan
from desktop.importers.plan_parser import parse_plan
from desktop.importers.readers import read_document
from desktop.models import Plan
from desktop.services.plans.plan_import import import_file
from desktop.storage import Database

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "importers"
# A two-page 批复 as issued by an OFD office suite (iOFD), with a red-header rule, a signature and seal and a
# 版记. From the test resources of the OFD R&W project (Apache-2.0):
# https://github.com/ofdrw/ofdrw/blob/7459e35082170061efa6b399a6518dbc219f08ac/ofdrw-converter/src/test/resources/n.ofd
REAL_OFD = FIXTURES / "ofdrw_reply.ofd"

TASK_ROWS = [
    ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
    ["一、提升政务服务效能"],
    [
        "1",
        "推行帮办代办服务，在各级政务服务中心设立帮办代办窗口",
        "市政务服务数据管理局",
        "各区政府\n市委编办",
        "2024年12月底前",
    ],
    ["2", "建立政务服务好差评制度", "市政务服务数据管理局", "", "2024年6月"],
    ["二、优化法治环境"],
    ["3", "规范涉企行政执法", "市司法局", "市市场监管局、市生态环境局、市发展和改革委员会", "2025年底前"],
]


def _task_plan(table: Table) -> list[Paragraph | Table]:
    return [
        Paragraph("某市优化营商环境三年行动方案", indent=0, center=True, size=7.7),
        Paragraph("为持续优化营商环境，制定本方案。"),
        Paragraph("一、重点任务"),
        table,
        Paragraph("二、保障措施"),
        Paragraph("各单位要加强组织领导，确保各项任务落到实处。"),
    ]


def _as_text(rows: list[list[str]]) -> str:
    """The same plan typed as text, the table tab-separated (a group row spanning it as in a Word table)."""
    lines = ["某市优化营商环境三年行动方案", "为持续优化营商环境，制定本方案。", "一、重点任务"]
    for row in rows:
        lines.append("\t" + row[0] if len(row) == 1 else "\t".join(c.replace("\n", "、") for c in row))
    lines += ["二、保障措施", "各单位要加强组织领导，确保各项任务落到实处。"]
    return "\n".join(lines) + "\n"


def _tasks(plan) -> list[tuple]:
    return [(t.label, t.title, owners(t), t.deadline) for t in tasks_of(plan)]


def test_a_real_official_document_reads_in_order_with_its_paragraphs_whole() -> None:
    extracted = read_document(REAL_OFD)
    assert extracted.source_format == "ofd"
    lines = extracted.text.split("\n")
    assert lines[:5] == [
        "测试符路桥区卫生局文件",
        "路卫发〔2011〕76号",
        "关于同意张阿三同志辞职的批复",
        "区中医院：",
        "你院《关于给张阿三同志辞职的请示》（路中医发〔2011〕10号）收悉。",
    ]
    # a paragraph of five printed lines is one line again; the page number below it is gone
    assert lines[5].startswith("张阿三，男，1978年2月出生") and lines[5].endswith("系区中医院职工。")
    assert "2011年3月1日该同志向医院递交辞职报告" in lines[6] and lines[6].endswith("同意张阿三同志辞职。")
    assert not any("— 1 —" in line or "— 2 —" in line for line in lines)
    plan = load_plan(REAL_OFD)
    assert (plan.doc_number, plan.issued_on) == ("路卫发〔2011〕76号", dt.date(2011, 3, 10))


@pytest.mark.parametrize("borders", [True, False], ids=["borders", "no-borders"])
def test_a_task_table_reaches_the_task_reader_as_rows(borders: bool) -> None:
    table = Table(TASK_ROWS, widths=[14, 56, 30, 34, 22], borders=borders)
    plan = load_plan("营商环境.ofd", data=ofd_bytes(_task_plan(table)))
    assert _tasks(plan) == _tasks(parse_plan(_as_text(TASK_ROWS)))
    chapter = plan.nodes[0]
    assert [(g.label, g.title) for g in chapter.children] == [
        ("一、", "提升政务服务效能"),
        ("二、", "优化法治环境"),
    ]
    first, _second, third = tasks_of(plan)
    # cell text wrapped over three lines is one title; a unit name the cell's width cut is one name
    assert first.title == "推行帮办代办服务，在各级政务服务中心设立帮办代办窗口"
    assert owners(first) == [("市政务服务数据管理局", "lead"), ("各区政府", "co"), ("市委编办", "co")]
    assert [u.raw for u in third.units][-1] == "市发展和改革委员会"
    assert [(n.kind, n.title) for n in plan.nodes[1:]] == [("chapter", "保障措施")]


def test_a_table_without_borders_on_a_page_with_other_lines() -> None:
    """The rule under a document number and the one above the 版记 are not the borders of the table's rows."""
    table = Table(TASK_ROWS, widths=[14, 56, 30, 34, 22], borders=False)
    blocks = [Paragraph("某府办发〔2024〕3号", indent=0, center=True), Rule(), *_task_plan(table)]
    blocks += [Rule(), Paragraph("某市人民政府办公室 2024年3月1日印发", indent=1)]
    plan = load_plan("营商环境.ofd", data=ofd_bytes(blocks))
    assert _tasks(plan) == _tasks(parse_plan(_as_text(TASK_ROWS)))
    assert plan.doc_number == "某府办发〔2024〕3号"


@pytest.mark.parametrize("repeat_header", [True, False], ids=["header-repeated", "header-once"])
@pytest.mark.parametrize("borders", [True, False], ids=["borders", "no-borders"])
def test_a_table_running_over_pages_stays_one_table(borders: bool, repeat_header: bool) -> None:
    rows = [TASK_ROWS[0]]
    for k in range(1, 31):
        rows.append(
            [
                str(k),
                f"第{k}项重点任务，推进有关工作落地见效" + ("并持续巩固提升" if k % 3 == 0 else ""),
                "市发展改革委",
                "市财政局\n市统计局" if k % 2 else "",
                f"2025年{k % 12 + 1}月",
            ]
        )
    table = Table(rows, widths=[14, 56, 30, 34, 22], borders=borders, repeat_header=repeat_header)
    data = ofd_bytes(_task_plan(table))
    assert read_document("分工.ofd", data).text.count("\t第") == 30  # one line per row, on three pages
    plan = load_plan("分工.ofd", data=data)
    assert _tasks(plan) == _tasks(parse_plan(_as_text(rows)))
    assert len(tasks_of(plan)) == 30


def test_wrapped_lines_rejoin_across_a_page_but_paragraphs_stay_apart() -> None:
    long = "坚持问题导向，" * 40  # some ten printed lines
    blocks = [Paragraph("第一段。" * 3) for _ in range(18)] + [
        Paragraph(long),
        Paragraph("最后一段，不缩进。", indent=0),
        PageBreak(),
        Paragraph("下一页第一段也不缩进，但上一页的最后一行很短。", indent=0),
    ]
    text = read_document("段落.ofd", ofd_bytes(blocks)).text
    lines = text.split("\n")
    assert lines[:18] == ["第一段。第一段。第一段。"] * 18
    assert lines[18] == long  # begun on page 1, ended on page 2, with the page number between
    # after a short line: a paragraph of its own although not indented, on the same page or the next
    assert lines[19:] == ["最后一段，不缩进。", "下一页第一段也不缩进，但上一页的最后一行很短。"]


def test_characters_drawn_one_by_one_read_as_words() -> None:
    blocks = [Paragraph("一、总体要求"), Paragraph("到 2025 年，完成 12 项改革任务。Web 应用上线。")]
    text = read_document("逐字.ofd", ofd_bytes(blocks, glyph_objects=True)).text
    assert text == "一、总体要求\n到 2025 年，完成 12 项改革任务。Web 应用上线。"


def test_coordinates_follow_the_standard_placement_rules() -> None:
    """TextCode positions are relative to the object's Boundary and transformed by its CTM; a TextCode
    without X and Y goes on where the previous one stopped; 'g 3 7' stands for three advances of 7; objects
    are read by position, not in the order they are written."""
    objects = (
        # a CTM scaling by 2 and moving down by 40: written first, placed on the second line at (45, 85)
        '<ofd:TextObject ID="3" Boundary="25 40 160 10" CTM="2 0 0 2 0 40" Font="1" Size="2.5">'
        '<ofd:TextCode X="10" Y="2.5" DeltaX="2.5 2.5">第二行</ofd:TextCode>'
        '<ofd:TextCode DeltaX="2.5">接着</ofd:TextCode></ofd:TextObject>'
        # the first line, its characters 7 apart
        '<ofd:TextObject ID="4" Boundary="30 60 150 10" Font="1" Size="5">'
        '<ofd:TextCode X="0" Y="5" DeltaX="g 3 7">第一行字</ofd:TextCode></ofd:TextObject>'
        # right after the last of them (at 30 + 3 × 7 + 5): the same line goes on
        '<ofd:TextObject ID="5" Boundary="57 60 20 10" Font="1" Size="5">'
        '<ofd:TextCode X="0" Y="5" DeltaX="5 5">（续）</ofd:TextCode></ofd:TextObject>'
        '<ofd:TextObject ID="6" Boundary="40 120 150 10" Font="1" Size="5">'
        '<ofd:TextCode X="0" Y="5">各单位要加强组织领导，确保各项任务落到实处。</ofd:TextCode></ofd:TextObject>'
    )
    text = read_document("坐标.ofd", package([page_xml(objects)])).text
    assert text.split("\n") == [
        "第一行字（续）",
        "第二行接着",
        "各单位要加强组织领导，确保各项任务落到实处。",
    ]


def _replace(data: bytes, name: str, content: bytes | None) -> bytes:
    """The package with one part replaced (or left out when ``content`` is None)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            if info.filename == name:
                if content is not None:
                    target.writestr(info.filename, content)
            else:
                target.writestr(info, source.read(info))
    return buffer.getvalue()


GOOD = ofd_bytes(_task_plan(Table(TASK_ROWS, widths=[14, 56, 30, 34, 22])))
PAGE = "Doc_0/Pages/Page_0/Content.xml"
ENTITIES = (
    b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">]>'
    b'<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="1">'
    b'<ofd:TextObject ID="2" Boundary="0 0 100 10" Size="5"><ofd:TextCode X="0" Y="5">&b;</ofd:TextCode>'
    b"</ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>"
)
BROKEN = {
    "truncated.ofd": (GOOD[: len(GOOD) // 2], "损坏"),
    "no_page.ofd": (_replace(GOOD, PAGE, None), "损坏"),
    "bad_xml.ofd": (_replace(GOOD, PAGE, b"<ofd:Page><ofd:Content>"), "损坏"),
    "no_document.ofd": (_replace(GOOD, "Doc_0/Document.xml", None), "损坏"),
    "entities.ofd": (_replace(GOOD, PAGE, ENTITIES), "DTD"),
    "scan.ofd": (
        package([page_xml('<ofd:ImageObject ID="5" Boundary="0 0 210 297" ResourceID="9"/>')]),
        "扫描件",
    ),
    "encrypted.ofd": (package([page_xml("")], extra={"Encryptions.xml": b"<Encryptions/>"}), "加密"),
    "bomb.ofd": (package([page_xml("")], extra={"Doc_0/Res/big.bin": bytes(60 * 1024 * 1024)}), "过大"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_ofd_is_refused_naming_the_file(name: str) -> None:
    data, words = BROKEN[name]
    with pytest.raises(ImportRefused) as info:
        load_plan(name, data=data)
    assert name in info.value.message and words in info.value.message
    assert info.value.location == name


def test_a_refused_ofd_leaves_nothing_in_the_database(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "坏文件.ofd"
    path.write_bytes(BROKEN["no_page.ofd"][0])
    with pytest.raises(ImportRefused, match="坏文件.ofd"):
        import_file(db, path=path, backup=False)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Plan)) == 0
    good = tmp_path / "营商环境.ofd"
    good.write_bytes(GOOD)
    import_file(db, path=good, backup=False)
    with db.read() as s:
        assert s.scalars(select(Plan.source_format)).all() == ["ofd"]
