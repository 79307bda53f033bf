"""The same plan as .docx, text PDF, OFD, GB18030, UTF-16 or web page gives the same tree as the text."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest
from importer_checks import tree_signature
from ofd_writer import blocks_from_text, ofd_bytes

from desktop.importers.load import load_plan
from desktop.importers.readers import read_document

ROOT = Path(__file__).resolve().parents[2]
SEEDS = {
    "xian": ROOT / "resources/plans/xian_jiliang_2024.txt",
    "beijing": ROOT / "resources/plans/beijing_jiliang_2022.txt",
}
FIXTURES = ROOT / "tests/data/importers"


def _structure(plan) -> list[tuple]:
    # Column items are paragraphs; a PDF line that ends exactly at the margin can merge two of them.
    return [sig for sig in tree_signature(plan) if sig[0] != "item"]


@pytest.mark.parametrize("seed", ["xian", "beijing"])
def test_docx_gives_the_same_tree(seed: str) -> None:
    text = load_plan(SEEDS[seed])
    docx = load_plan(next(FIXTURES.glob(f"{seed}_*.docx")))
    assert docx.source_format == "docx"
    assert tree_signature(docx) == tree_signature(text)
    assert [(i.name, i.target, i.attribute) for i in docx.indicators] == [
        (i.name, i.target, i.attribute) for i in text.indicators
    ]


@pytest.mark.parametrize("seed", ["xian", "beijing"])
def test_text_pdf_gives_the_same_tree(seed: str) -> None:
    text = load_plan(SEEDS[seed])
    pdf = load_plan(next(FIXTURES.glob(f"{seed}_*.pdf")))
    assert pdf.source_format == "pdf"
    assert _structure(pdf) == _structure(text)
    assert (pdf.title, pdf.doc_number, pdf.issued_on) == (text.title, text.doc_number, text.issued_on)
    assert [(i.field, i.name, i.target, i.attribute) for i in pdf.indicators] == [
        (i.field, i.name, i.target, i.attribute) for i in text.indicators
    ]


@pytest.mark.parametrize(
    "layout",
    [{}, {"glyph_objects": True}, {"compress": False, "page_numbers": False}],
    ids=["one-object-a-line", "one-object-a-character", "plain-advances"],
)
def test_an_ofd_of_the_plan_gives_the_same_tree(layout: dict[str, bool]) -> None:
    """The seed set as an official document (22 lines of 28 characters a page, first lines indented, the
    indicator table drawn with borders): its headings, units and indicators are the text's."""
    text = load_plan(SEEDS["xian"])
    ofd = load_plan(
        "xian_jiliang_2024.ofd", data=ofd_bytes(blocks_from_text(SEEDS["xian"].read_text("utf-8")), **layout)
    )
    assert ofd.source_format == "ofd"
    assert tree_signature(ofd) == tree_signature(text)
    assert [n.text for n in ofd.walk()] == [n.text for n in text.walk()]
    assert (ofd.title, ofd.doc_number, ofd.issued_on) == (text.title, text.doc_number, text.issued_on)
    assert [(i.field, i.name, i.target, i.attribute) for i in ofd.indicators] == [
        (i.field, i.name, i.target, i.attribute) for i in text.indicators
    ]


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-16", "utf-16-le", "utf-8-sig", "utf-32"])
def test_other_encodings_parse_identically(tmp_path: Path, encoding: str) -> None:
    source = SEEDS["xian"].read_text(encoding="utf-8")
    path = tmp_path / "plan.txt"
    path.write_bytes(source.encode(encoding))
    plan = load_plan(path)
    assert tree_signature(plan) == tree_signature(load_plan(SEEDS["xian"]))
    assert plan.text == load_plan(SEEDS["xian"]).text


def test_utf16_big_endian_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(codecs.BOM_UTF16_BE + SEEDS["beijing"].read_text(encoding="utf-8").encode("utf-16-be"))
    assert tree_signature(load_plan(path)) == tree_signature(load_plan(SEEDS["beijing"]))


def test_detected_by_content_not_extension(tmp_path: Path) -> None:
    wrong = tmp_path / "plan.txt"
    wrong.write_bytes(next(FIXTURES.glob("xian_*.docx")).read_bytes())
    assert read_document(wrong).source_format == "docx"
    page = tmp_path / "page.dat"
    page.write_text(
        "<html><body><div class='nav'>首页 | 政策</div><p>一、总体要求</p><script>x=1</script>"
        "<p>正文内容。</p></body></html>",
        encoding="utf-8",
    )
    extracted = read_document(page)
    assert extracted.source_format == "html"
    assert "x=1" not in extracted.text and "首页" not in extracted.text and "一、总体要求\n" in extracted.text


def test_ofd_and_xlsx_are_told_apart_from_word_by_their_parts(tmp_path: Path) -> None:
    import openpyxl

    ofd = tmp_path / "plan.docx"
    ofd.write_bytes(ofd_bytes(blocks_from_text(SEEDS["xian"].read_text("utf-8"))))
    assert read_document(ofd).source_format == "ofd"
    workbook = openpyxl.Workbook()
    workbook.active.append(["序号", "重点任务", "牵头单位", "完成时限"])
    workbook.active.append([1, "推行一网通办", "市政务服务数据管理局", "2024年底前"])
    xlsx = tmp_path / "任务分解表.zip"
    workbook.save(str(xlsx))
    extracted = read_document(xlsx)
    assert extracted.source_format == "xlsx"
    assert extracted.text.split("\n")[1:] == [
        "序号\t重点任务\t牵头单位\t完成时限",
        "1\t推行一网通办\t市政务服务数据管理局\t2024年底前",
    ]


def test_docx_table_rows_become_indicator_rows(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("某市计量发展实施方案")
    document.add_paragraph("一、总体要求")
    document.add_paragraph("专栏1 主要指标")
    rows = [
        ["领域", "指标", "2025年", "属性"],
        ["科学技术", "重点科研项目（项）", "20", "预期性"],
        ["", "社会公用计量标准覆盖率（%）", "≥80", "约束性"],
    ]
    table = document.add_table(rows=3, cols=4)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("二、重点任务")
    document.add_paragraph("1. 加强计量研究。开展研究。（责任单位：市市场监管局、市科技局）")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    plan = load_plan(path)
    assert [(i.field, i.unit, i.target_value, i.attribute) for i in plan.indicators] == [
        ("科学技术", "项", 20.0, "expected"),
        ("科学技术", "%", 80.0, "binding"),
    ]
    task = next(n for n in plan.walk() if n.kind == "task")
    assert [u.raw for u in task.units] == ["市市场监管局", "市科技局"]
    assert plan.nodes[1].title == "重点任务"


def test_quotes_set_in_another_font_stay_in_their_place_in_a_pdf() -> None:
    """A writer that draws curly quotes in a Latin font apart from the Chinese run: in drawing order they
    land at the line's start, which hid headings such as （一）; PlanDesk puts them back into their gaps."""
    docx = load_plan(FIXTURES / "quotes_latin_font.docx")
    pdf = load_plan(FIXTURES / "quotes_latin_font.pdf")
    assert pdf.title == docx.title == "某市“十五五”数字政府建设实施方案"
    assert tree_signature(pdf) == tree_signature(docx)
    chapter = pdf.nodes[0]
    assert [c.title for c in chapter.children] == ["推进“高效办成一件事”", "深化“跨省通办”"]
    assert "落实“一网通办”“一网统管”要求" in pdf.text
    table_tasks = pdf.nodes[1].children
    assert [t.title for t in table_tasks][1] == "推广“随申拍”式“市民随手拍”应用"
    assert [(t.deadline, [u.name for u in t.units]) for t in table_tasks] == [
        (dt.date(2026, 12, 31), ["市数据局"]),
        (dt.date(2027, 6, 30), ["市城管执法局"]),
    ]


def test_word_automatic_numbering_gives_the_headings() -> None:
    """Labels drawn by Word's list numbering (一、 （一） 1., chapters through their style) are read as typed."""
    plan = load_plan(FIXTURES / "auto_numbered.docx")
    assert [(c.label, c.title) for c in plan.nodes] == [
        ("一、", "提升政务服务"),
        ("二、", "优化市场环境"),
        ("三、", "保障措施"),
    ]
    first = plan.nodes[0]
    assert [s.label for s in first.children] == ["（一）", "（二）"]
    # tasks restart under every section, as Word counts them
    assert [[t.label for t in s.children] for s in first.children] == [["1.", "2."], ["1."]]
    tasks = [t for c in plan.nodes[:2] for s in c.children for t in s.children]
    assert [[(u.name, u.role) for u in t.units] for t in tasks][2] == [
        ("县政务服务中心", "lead"),
        ("各乡镇人民政府", "co"),
    ]
    assert [t.label for t in plan.nodes[1].children[0].children] == ["1.", "2.", "3."]


def test_only_a_few_characters_of_another_font_are_put_into_a_runs_gaps() -> None:
    from desktop.importers.pdf_tables import _embedded, _Word

    host = _Word(0.0, 100.0, 10.0, "推进 建设工作", "/WenQuanYi")
    quote = _Word(20.0, 100.0, 10.0, "“", "/DejaVuSerif")
    same_font = _Word(20.0, 100.0, 10.0, "市发改委", "/WenQuanYi")
    row, moved = _embedded([quote, host])
    assert moved and [w.text for w in row] == ["推进“建设工作"]
    host = _Word(0.0, 100.0, 10.0, "推进 建设工作", "/WenQuanYi")
    row, moved = _embedded([host, same_font])
    assert not moved and [w.text for w in row] == ["推进 建设工作", "市发改委"]


def test_the_document_number_a_site_prints_beside_the_article(tmp_path: Path) -> None:
    page = (
        "<html><body><table class='info'><tr><td>发文字号：</td><td>汾政办发〔2024〕21号</td>"
        "<td>成文日期：</td><td>2024年06月18日</td></tr></table><div class='article'>"
        "<p>某市农村人居环境整治提升行动实施方案</p><p>一、重点任务</p>"
        + "<p>（一）推进农村厕所革命。到2025年，农村卫生厕所普及率达到85%。（市农业农村局牵头，市卫生健康局配合）</p>"
        * 3
        + "</div></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert load_plan(path).doc_number == "汾政办发〔2024〕21号"
