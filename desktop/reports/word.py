"""Word (.docx) beside PDF: the monthly report, the brief and the notices as documents an office can edit."""

from __future__ import annotations

import datetime as dt
import os
from copy import deepcopy
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .. import rulebook
from ..fileio import atomic_path
from ..status import ATTRIBUTE_NAMES, ROLE_NAMES, STATUS_NAMES
from .pdf_common import cn_date, cn_month
from .report_model import UNASSIGNED_NAME, UNIT_FIELDS, UNIT_HEADERS, MonthlyReportData, UnitNotice

BODY_FONT, TITLE_FONT, HEI_FONT, KAI_FONT = "仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312"
RED_HEX = RGBColor(0xC0, 0x00, 0x00)
# The styles a user finds in Word's style list: (name, font, size in pt, bold, centred).
STYLES = [
    ("标题", TITLE_FONT, 22, False, True),
    ("副标题", BODY_FONT, 14, False, True),
    ("正文", BODY_FONT, 16, False, False),
    ("一级标题", HEI_FONT, 16, False, False),
    ("二级标题", KAI_FONT, 16, False, False),
    ("表格文字", BODY_FONT, 10.5, False, False),
    ("注释", BODY_FONT, 12, False, False),
]


def _fonts(run_or_style: Any, font: str) -> None:
    """Set the font for Latin and East Asian text alike (Word keeps them apart)."""
    run_or_style.font.name = font
    rpr = run_or_style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(key), font)


def new_document() -> Any:
    """An A4 document with GB/T 9704 margins and PlanDesk's paragraph styles."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    for name, font, size, bold, centred in STYLES:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        _fonts(style, font)
        style.font.size = Pt(size)
        style.font.bold = bold
        fmt = style.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing = Pt(28.9) if size >= 14 else Pt(size * 1.3)
        if centred:
            fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if name == "正文":
            fmt.first_line_indent = Pt(2 * size)
    return doc


class _Blocks:
    """Paragraphs and table rows written straight as WordprocessingML, as python-docx would write them.

    python-docx looks a paragraph's style up among all the document's styles and finds its insertion point
    child by child, for every paragraph and every table cell: seconds for a report of a few thousand
    paragraphs. Here each style's id is looked up once, paragraphs go in before the section properties, and a
    table's rows are copies of one prepared row with their texts filled in; the XML is the same.
    """

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.body = doc.element.body
        self._style_ids: dict[str, str | None] = {}

    def style_id(self, name: str) -> str | None:
        if name not in self._style_ids:
            self._style_ids[name] = self.doc.part.get_style_id(self.doc.styles[name], WD_STYLE_TYPE.PARAGRAPH)
        return self._style_ids[name]

    def _p(self, style: str, with_run: bool, text: str) -> Any:
        """A ``w:p`` of the style with (when ``with_run``) one run holding ``text``."""
        p = OxmlElement("w:p")
        ppr = SubElement(p, _W_PPR)
        style_id = self.style_id(style)
        if style_id is not None:
            SubElement(ppr, _W_PSTYLE).set(_W_VAL, style_id)
        if with_run:
            _run_text(SubElement(p, _W_R), text)
        return p

    def paragraph(self, text: str, style: str) -> None:
        """``doc.add_paragraph(text, style=style)``."""
        p = self._p(style, bool(text), text)
        sect = self.body.find(_W_SECTPR)
        if sect is not None and sect.getparent() is self.body:
            sect.addprevious(p)
        else:
            self.body.append(p)

    def table(self, header: list[str], rows: list[list[Any]]) -> Any:
        """A Table Grid table, centred, with the bold header row repeated on each page."""
        doc = self.doc
        table = doc.add_table(rows=1, cols=len(header))
        table.style = doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
            cell.paragraphs[0].style = doc.styles["表格文字"]
            cell.paragraphs[0].runs[0].bold = True
        if rows:
            # The prepared row: python-docx's new row (each cell's width and an empty paragraph), each cell's
            # paragraph then replaced by one in the table style with one run, as ``cell.text = …`` leaves it.
            prepared = table.add_row()._tr
            tbl = prepared.getparent()
            tbl.remove(prepared)
            for tc in prepared.iterchildren(_W_TC):
                for old in tc.findall(_W_P):
                    tc.remove(old)
                tc.append(self._p("表格文字", True, ""))
            for values in rows:
                tr = deepcopy(prepared)
                for r, value in zip(list(tr.iter(_W_R)), values, strict=True):
                    _run_text(r, "" if value is None else str(value))
                tbl.append(tr)
        # The header repeats on each page.
        trpr = table.rows[0]._tr.get_or_add_trPr()
        head = OxmlElement("w:tblHeader")
        head.set(qn("w:val"), "true")
        trpr.append(head)
        return table


_W_PPR, _W_PSTYLE, _W_VAL = qn("w:pPr"), qn("w:pStyle"), qn("w:val")
_W_R, _W_T, _W_P, _W_TC, _W_SECTPR = qn("w:r"), qn("w:t"), qn("w:p"), qn("w:tc"), qn("w:sectPr")
_XML_SPACE = qn("xml:space")


def SubElement(parent: Any, tag: str) -> Any:  # noqa: N802 (lxml's name for the same thing)
    child = parent.makeelement(tag)
    parent.append(child)
    return child


def _run_text(r: Any, text: str) -> None:
    """Fill an empty ``w:r`` as python-docx's ``run.text = text`` does."""
    if "\t" in text or "\n" in text or "\r" in text:
        r.text = text  # tabs and line breaks become their own elements: python-docx's own way
        return
    if text:
        t = SubElement(r, _W_T)
        t.text = text
        if len(text.strip()) < len(text):
            t.set(_XML_SPACE, "preserve")


def _save(doc: Any, path: str | os.PathLike[str]) -> Path:
    target = Path(path)
    with atomic_path(target) as tmp:
        doc.save(str(tmp))
    return target


def _progress(blocks: _Blocks, data: MonthlyReportData) -> None:
    """Each task's reports this month, the units that did not report, then the 未分工 tasks."""
    for t in data.listed_tasks():
        if not t.assignments:
            continue
        deadline = t.deadline.isoformat() if t.deadline else "未定"
        blocks.paragraph(
            f"{t.path_label} {t.title}（{'、'.join(dict.fromkeys(t.lead_units))}；截止 {deadline}；"
            f"{STATUS_NAMES.get(t.status, t.status)}；完成 {t.percent}%）",
            style="二级标题",
        )
        reports = [p for a in t.assignments for p in a.progress]
        for p in reports:
            text = f"【{p.unit}】{p.text}"
            if p.problems:
                text += f"存在问题：{p.problems}"
            if p.next_steps:
                text += f"下步计划：{p.next_steps}"
            blocks.paragraph(text, "正文")
        if t.missing_units:
            blocks.paragraph(f"未报送：{'、'.join(t.missing_units)}", "正文")
        elif not reports:
            blocks.paragraph("本月未报送进展。", "正文")
    unassigned = data.unassigned_tasks()
    if unassigned:
        blocks.paragraph(
            f"以下 {len(unassigned)} 项任务尚{UNASSIGNED_NAME}，请明确责任单位和完成时限：", "正文"
        )
        blocks.table(
            ["序号", "编号", "任务", "文件列明的责任单位"],
            [[i, t.path_label, t.title, "、".join(t.doc_units) or "—"] for i, t in enumerate(unassigned, 1)],
        )


def monthly_document(data: MonthlyReportData) -> Any:
    """The monthly report (or the brief) with the same sections and figures as the PDF."""
    from .monthly import CN_NUMBERS, summary_text

    doc = new_document()
    blocks = _Blocks(doc)
    doc.core_properties.title = f"{data.plan_title} {cn_month(data.month)}月度进展报告"
    doc.core_properties.author = data.office or "PlanDesk"
    blocks.paragraph(data.plan_title, "标题")
    blocks.paragraph("月度进展报告" + ("（领导简报）" if data.brief else ""), "标题")
    meta = [f"报告月份：{cn_month(data.month)}", f"统计截至：{cn_date(data.as_of)}"]
    if data.unit:
        meta.insert(0, f"责任单位：{data.unit}")
    blocks.paragraph("　　".join(meta), "副标题")
    issuer = f"报送单位：{data.office}　　" if data.office else ""
    blocks.paragraph(f"{issuer}印发日期：{cn_date(data.issued_on)}", "副标题")
    if data.frozen:
        blocks.paragraph("（本月已结账，数据为结账时的数据）", "副标题")
    numbers = iter(CN_NUMBERS)

    def heading(text: str) -> None:
        blocks.paragraph(f"{next(numbers)}、{text}", "一级标题")

    sm = data.summary
    heading("总体情况")
    blocks.paragraph(summary_text(data), "正文")
    order = ("done", "in_progress", "not_started", "overdue", "suspended")
    blocks.table(
        ["任务总数", *(STATUS_NAMES[s] for s in order), UNASSIGNED_NAME, "按期推进率", "本月完成"],
        [
            [
                sm.tasks,
                *(sm.by_status.get(s, 0) for s in order),
                sm.unassigned,
                f"{sm.share_on_track:.1f}%",
                sm.completed_this_month,
            ]
        ],
    )
    heading("逾期及临期任务")
    lines = [(t, a, True) for t, a in data.overdue_lines()] + [
        (t, a, False) for t, a in data.due_soon_lines()
    ]
    if not lines:
        blocks.paragraph(f"本期无逾期任务，{data.due_days}日内无到期未完成任务。", "正文")
    else:
        blocks.paragraph(
            f"已逾期分工 {sm.overdue_assignments} 条，{data.due_days}日内到期 {sm.due_soon_assignments} 条，"
            "请相关单位抓紧办理。",
            style="正文",
        )
        blocks.table(
            ["序号", "编号", "任务", "责任单位", "截止日期", "状态", "逾期天数"],
            [
                [
                    i,
                    t.path_label,
                    t.title,
                    f"{a.unit}（{ROLE_NAMES.get(a.role, a.role)}）",
                    a.deadline.isoformat() if a.deadline else "—",
                    STATUS_NAMES.get(a.status, a.status),
                    f"{a.days_late(data.as_of)} 天" if late else "—",
                ]
                for i, (t, a, late) in enumerate(lines, start=1)
            ],
        )
    if data.brief:  # one page for a leader, as the PDF brief: the full report carries the rules
        return doc
    heading("各单位推进情况")
    fields = UNIT_FIELDS
    rows: list[list[Any]] = [
        [i, u.unit, *(getattr(u, f) for f in fields)] for i, u in enumerate(data.units, 1)
    ]
    if rows:
        rows.append(["", "合计", *(sum(getattr(u, f) for u in data.units) for f in fields)])
        blocks.table(
            list(UNIT_HEADERS),
            rows,
        )
    heading("本月工作进展")
    _progress(blocks, data)
    heading("主要指标完成情况")
    if data.indicators:
        blocks.table(
            ["序号", "指标", "目标值", "最新值", "完成目标", "应达进度", "属性"],
            [
                [
                    i,
                    ind.name,
                    ind.target_text,
                    "未报送" if ind.latest_value is None else f"{ind.latest_value:g}",
                    "—" if ind.percent_of_target is None else f"{ind.percent_of_target:.1f}%",
                    f"{ind.expected_percent:.0f}%",
                    ATTRIBUTE_NAMES.get(ind.attribute or "", "—"),
                ]
                for i, ind in enumerate(data.indicators, 1)
            ],
        )
    else:
        blocks.paragraph("本方案未列明量化指标。", "正文")
    if data.scores:
        heading("单位综合评分排名")
        blocks.table(
            ["名次", "单位", "分工数", "按时反馈率", "完成率", "逾期", "退回", "得分"],
            [
                [
                    sc.rank,
                    sc.unit,
                    sc.assignments,
                    f"{100 * sc.feedback_on_time_rate:.0f}%",
                    f"{100 * sc.completion_rate:.0f}%",
                    sc.overdue,
                    sc.returned,
                    f"{sc.score:.1f}",
                ]
                for sc in sorted(data.scores, key=lambda x: x.rank)
            ],
        )
        if data.score_method:
            blocks.paragraph(data.score_method, "注释")
    _rule_notes(blocks, data)
    return doc


def _rule_notes(blocks: _Blocks, data: MonthlyReportData) -> None:
    """统计口径: the rules the figures follow, in the rulebook's words (as the PDF prints them)."""
    blocks.paragraph("统计口径说明", "二级标题")
    for i, note in enumerate(rulebook.rule_notes(due_days=data.due_days), start=1):
        blocks.paragraph(f"{i}．{note}", "注释")


def write_monthly_docx(data: MonthlyReportData, path: str | os.PathLike[str]) -> Path:
    return _save(monthly_document(data), path)


def _rule(paragraph: Any, colour: str = "C00000", size: int = 12) -> None:
    """A full-width line under a paragraph (the red rule of the masthead, the 版记 rules)."""
    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", str(size)), ("w:space", "1"), ("w:color", colour)):
        bottom.set(qn(key), value)
    border.append(bottom)
    ppr.append(border)


def write_notices_docx(
    notices: list[UnitNotice],
    numbers: list[str],
    path: str | os.PathLike[str],
    *,
    office: str = "",
    cc: str = "",
    printer: str = "",
    contact: str = "",
    printed_on: dt.date | None = None,
    paragraphs: Any = None,
) -> Path:
    """The notices as one editable document, one notice per section; ``paragraphs(notice, office)`` gives
    the body text (the PDF renderer's own wording)."""
    from docx.enum.section import WD_SECTION

    doc = new_document()
    for i, (notice, number) in enumerate(zip(notices, numbers, strict=True)):
        if i:
            doc.add_section(WD_SECTION.NEW_PAGE)
        issuer = office or notice.office
        for _ in range(3):
            doc.add_paragraph("", style="正文").paragraph_format.first_line_indent = Pt(0)
        mark = doc.add_paragraph(style="标题")
        run = mark.add_run(issuer)
        run.font.size, run.font.color.rgb = Pt(36), RED_HEX
        doc.add_paragraph("", style="副标题")
        doc.add_paragraph("", style="副标题")
        num = doc.add_paragraph(number, style="副标题")
        num.runs[0].font.size = Pt(16)
        _rule(num)
        doc.add_paragraph("", style="副标题")
        title, body = paragraphs(notice, issuer) if paragraphs else ("", [])
        doc.add_paragraph(title, style="标题")
        doc.add_paragraph("", style="正文")
        doc.add_paragraph(f"{notice.unit}：", style="正文").paragraph_format.first_line_indent = Pt(0)
        for style, text in body:
            doc.add_paragraph(text, style=style)
        doc.add_paragraph("", style="正文")
        sign = doc.add_paragraph(issuer, style="正文")
        sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        date = doc.add_paragraph(cn_date(notice.as_of) + "　" * 4, style="正文")
        date.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if contact:
            doc.add_paragraph(f"（{contact}）", style="正文")
        doc.add_paragraph("", style="正文")
        if cc:
            line = doc.add_paragraph(f"抄送：{cc}。", style="注释")
            _rule(line, "000000", 4)
        imprint = doc.add_paragraph(
            f"{printer or issuer}　　　　{cn_date(printed_on or notice.as_of)}印发", style="注释"
        )
        _rule(imprint, "000000", 8)
    return _save(doc, path)


def write_bulletin_docx(b: Any, path: str | os.PathLike[str]) -> Path:
    """The 督查通报 (a reports.bulletin_model.Bulletin) as an editable document with the same text."""
    doc = new_document()
    blocks = _Blocks(doc)
    mark = doc.add_paragraph(style="标题")
    run = mark.add_run(b.masthead)
    run.font.size, run.font.color.rgb = Pt(40), RED_HEX
    doc.add_paragraph(f"第{b.issue}期", style="副标题")
    line = doc.add_paragraph(f"{b.issuer}　　　　　　　　{cn_date(b.issued_on)}", style="副标题")
    _rule(line)
    blocks.paragraph(b.title, "标题")
    sections = [
        ("一、总体情况", [b.overall], ""),
        ("二、主要指标", b.indicators, "主要指标均达到序时进度或目标要求。"),
        ("三、重点任务推进滞后情况", b.lagging, "本期无逾期任务。"),
        ("四、存在问题", b.problems, "暂无。"),
        ("五、下一步工作要求", [b.requirements], ""),
    ]
    for heading, paragraphs, empty in sections:
        blocks.paragraph(heading, "一级标题")
        for text in paragraphs or [empty]:
            blocks.paragraph(text, "正文")
    blocks.paragraph("附件：1．各单位推进情况　2．逾期及临期任务清单", "正文")
    data = b.data
    fields = UNIT_FIELDS
    blocks.paragraph("附件1　各单位推进情况", "一级标题")
    blocks.table(
        list(UNIT_HEADERS),
        [[i, u.unit, *(getattr(u, f) for f in fields)] for i, u in enumerate(data.units, 1)],
    )
    blocks.paragraph("附件2　逾期及临期任务清单", "一级标题")
    lines = [(t, a, True) for t, a in data.overdue_lines()] + [
        (t, a, False) for t, a in data.due_soon_lines()
    ]
    blocks.table(
        ["序号", "编号", "任务", "责任单位", "截止日期", "逾期天数"],
        [
            [
                i,
                t.path_label,
                t.title,
                f"{a.unit}（{ROLE_NAMES.get(a.role, a.role)}）",
                a.deadline.isoformat() if a.deadline else "—",
                f"{a.days_late(data.as_of)} 天" if late else "—",
            ]
            for i, (t, a, late) in enumerate(lines, start=1)
        ],
    )
    return _save(doc, path)
