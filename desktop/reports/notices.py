"""Reminder notices (催办单) laid out as official documents after GB/T 9704."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph, Spacer
from reportlab.platypus.flowables import Flowable, HRFlowable, KeepTogether

from ..errors import PlanDeskError
from .fonts import register_report_font
from .pdf_common import (
    RED,
    IsCancelled,
    Progress,
    atomic_path,
    binary_streams,
    checker,
    cjk_line_rules,
    cn_date,
    fixed_timestamp,
    text,
)
from .report_model import UnitNotice

# GB/T 9704-2012: A4, top margin 37 mm, left 28 mm, text block 156 mm × 225 mm, 22 lines of 28 characters.
TOP, LEFT, BLOCK_W, BLOCK_H = 37 * mm, 28 * mm, 156 * mm, 225 * mm
LINE = BLOCK_H / 22
# 3号 is 16 pt; 15.75 pt lets exactly 28 characters fill the 156 mm line.
BODY_PT = 15.75
TITLE_PT = 22  # 2号


def notice_styles(font: str) -> dict[str, ParagraphStyle]:
    cjk_line_rules()
    body = ParagraphStyle(
        "nbody",
        fontName=font,
        fontSize=BODY_PT,
        leading=LINE,
        wordWrap="CJK",
        firstLineIndent=2 * BODY_PT,
        alignment=TA_JUSTIFY,
    )
    return {
        "body": body,
        "addressee": ParagraphStyle("naddr", parent=body, firstLineIndent=0),
        "item": ParagraphStyle("nitem", parent=body),
        "title": ParagraphStyle(
            "ntitle",
            parent=body,
            fontSize=TITLE_PT,
            leading=LINE * 1.25,
            firstLineIndent=0,
            alignment=TA_CENTER,
        ),
        "number": ParagraphStyle("nnum", parent=body, firstLineIndent=0, alignment=TA_CENTER),
        # Signature and date: the date ends four characters from the right edge.
        "sign": ParagraphStyle(
            "nsign", parent=body, firstLineIndent=0, alignment=TA_RIGHT, rightIndent=4 * BODY_PT
        ),
    }


class RedHeader(Flowable):
    """The red issuing-office name (发文机关标志), as large as fits the line."""

    def __init__(self, office: str, font: str) -> None:
        super().__init__()
        self.office, self.font = office, font
        self.size = min(36.0, 0.98 * BLOCK_W / max(stringWidth(office, font, 1), 1))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return BLOCK_W, self.size * 1.5

    def draw(self) -> None:
        self.canv.setFillColor(RED)
        self.canv.setFont(self.font, self.size)
        self.canv.drawCentredString(BLOCK_W / 2, self.size * 0.35, self.office)


class NoticeStart(Flowable):
    """Marks the first page of a notice, so each notice's pages are numbered from 1."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._notice_start = self.canv.getPageNumber()  # type: ignore[attr-defined]


def doc_number(prefix: str, year: int, n: int) -> str:
    return f"{prefix}〔{year}〕{n}号"


def notice_flowables(
    notice: UnitNotice, number: str, office: str, st: dict[str, ParagraphStyle], font: str
) -> list[Flowable]:
    overdue = notice.overdue_count
    soon = len(notice.items) - overdue
    what = "、".join(
        w for w in (f"{overdue}项已逾期" if overdue else "", f"{soon}项即将到期" if soon else "") if w
    )
    out: list[Flowable] = [
        NoticeStart(),
        RedHeader(office, font),
        Spacer(1, LINE * 0.3),
        Paragraph(text(number), st["number"]),
        HRFlowable(width=BLOCK_W, thickness=1.5, color=RED, spaceBefore=2, spaceAfter=LINE * 0.6),
        Paragraph("关于督促办理逾期及临期工作任务的通知", st["title"]),
        Spacer(1, LINE * 0.5),
        Paragraph(f"{text(notice.unit)}：", st["addressee"]),
        Paragraph(
            f"根据{text(notice.plan_title)}工作分工，截至{cn_date(notice.as_of)}，"
            f"你单位承担的任务中有{what}，具体如下：",
            st["body"],
        ),
    ]
    for i, item in enumerate(notice.items, start=1):
        state = (
            f"<font color='#C00000'>已逾期{item.days}天</font>"
            if item.overdue
            else ("今日到期" if item.days == 0 else f"距截止还有{item.days}天")
        )
        role = "牵头" if item.role == "lead" else "配合"
        # No bracket right before punctuation: reportlab hangs one closing mark at a line end, not two.
        out.append(
            Paragraph(
                f"{i}．{text(item.path_label)}{text(item.title)}，你单位{role}，截止日期"
                f"{cn_date(item.deadline)}，{state}，当前完成{item.percent}%。",
                st["item"],
            )
        )
    out.append(
        Paragraph(
            f"请你单位高度重视，抓紧推进，并于{cn_date(notice.report_by)}前将办理进展及佐证材料报送"
            f"{text(office)}。确有困难需延期的，请书面说明理由并提出延期申请。",
            st["body"],
        )
    )
    out.append(Paragraph("特此通知。", st["body"]))
    out.append(
        KeepTogether(
            [
                Spacer(1, LINE),
                Paragraph(text(office), st["sign"]),
                Paragraph(cn_date(notice.as_of), st["sign"]),
            ]
        )
    )
    return out


def _page_number(canv: Canvas, doc: BaseDocTemplate) -> None:
    """GB/T 9704 page number: '— n —' under the text block, numbered within each notice."""
    n = canv.getPageNumber() - getattr(canv, "_notice_start", 1) + 1
    canv.saveState()
    canv.setFont(doc.report_font, 14)  # type: ignore[attr-defined]
    canv.drawCentredString(A4[0] / 2, A4[1] - TOP - BLOCK_H - 14 * mm, f"— {n} —")
    canv.restoreState()


def _build(path: Path, parts: list[list[Flowable]], day: dt.date, font: str, title: str) -> None:
    frame = Frame(
        LEFT,
        A4[1] - TOP - BLOCK_H,
        BLOCK_W,
        BLOCK_H,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="text",
    )
    with atomic_path(path) as tmp:
        doc = BaseDocTemplate(
            str(tmp),
            pagesize=A4,
            title=title,
            author="PlanDesk",
            creator="PlanDesk 规划督办台",
            invariant=1,
            lang="zh-CN",
            initialFontName=font,
            pageTemplates=[PageTemplate("gbt9704", [frame], onPageEnd=_page_number)],
        )
        doc.report_font = font  # type: ignore[attr-defined]
        story: list[Flowable] = []
        for i, part in enumerate(parts):
            if i:
                story.append(PageBreak())
            story += part

        def canvasmaker(*args: object, **kwargs: object) -> Canvas:
            canv = Canvas(*args, **kwargs)  # type: ignore[arg-type]
            canv._doc._timeStamp = fixed_timestamp(day)  # type: ignore[attr-defined]  # private, not in the stubs
            return canv

        with binary_streams():
            doc.build(story, canvasmaker=canvasmaker)


@dataclass(frozen=True)
class RenderedNotice:
    unit: str
    doc_number: str
    path: Path
    assignment_ids: list[int]


def safe_file_name(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("._") or "单位"


def render_notices(
    notices: list[UnitNotice],
    path: str | os.PathLike[str],
    *,
    one_file: bool = True,
    doc_number_start: int = 1,
    year: int | None = None,
    office: str = "",
    prefix: str = "督办",
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
    written: list[Path] | None = None,
) -> list[RenderedNotice]:
    """All notices in one PDF (``path`` a file) or one PDF per unit (``path`` a folder).

    ``written`` collects each file as soon as it exists, so a caller can remove them if a later step fails.
    """
    written = [] if written is None else written
    if not notices:
        raise PlanDeskError("没有需要催办的单位：所选范围内没有逾期或即将到期的任务。", field="as_of")
    step = checker(progress, is_cancelled)
    font = register_report_font()
    st = notice_styles(font)
    year = year or notices[0].as_of.year
    numbered = [(n, doc_number(prefix, year, doc_number_start + i)) for i, n in enumerate(notices)]
    target = Path(path)
    out: list[RenderedNotice] = []
    if one_file:
        parts = []
        for i, (n, number) in enumerate(numbered):
            step(5 + 85 * i // len(numbered), f"正在排版：{n.unit}")
            parts.append(notice_flowables(n, number, office or n.office, st, font))
            out.append(RenderedNotice(n.unit, number, target, [it.assignment_id for it in n.items]))
        _build(target, parts, notices[0].as_of, font, f"催办通知（{len(notices)}个单位）")
        written.append(target)
    else:
        target.mkdir(parents=True, exist_ok=True)
        for i, (n, number) in enumerate(numbered):
            step(5 + 90 * i // len(numbered), f"正在生成：{n.unit}")
            file = target / f"催办通知_{safe_file_name(number)}_{safe_file_name(n.unit)}.pdf"
            _build(
                file,
                [notice_flowables(n, number, office or n.office, st, font)],
                n.as_of,
                font,
                f"催办通知 {n.unit}",
            )
            written.append(file)
            out.append(RenderedNotice(n.unit, number, file, [it.assignment_id for it in n.items]))
    step(100, f"已生成 {len(out)} 份催办通知")
    return out
