"""Reminder notices (催办通知, 催报通知) laid out as official documents after GB/T 9704-2012."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate
from reportlab.platypus.flowables import DocIf, Flowable, KeepTogether

from .. import clock
from ..errors import PlanDeskError
from ..fileio import atomic_path
from . import rl_state
from .cjk_text import CJKText
from .official_fonts import OfficialFonts, official_fonts
from .pdf_common import (
    RED,
    IsCancelled,
    Progress,
    binary_streams,
    checker,
    cn_date,
    cn_month,
    fixed_timestamp,
)
from .report_model import UnitNotice

# GB/T 9704-2012: A4, top margin 37 mm, left 28 mm, text block 156 mm × 225 mm, 22 lines of 28 characters.
TOP, LEFT, BLOCK_W, BLOCK_H = 37 * mm, 28 * mm, 156 * mm, 225 * mm
BLOCK_TOP = A4[1] - TOP  # y of the text block's upper edge
BLOCK_BOTTOM = BLOCK_TOP - BLOCK_H
LINE = BLOCK_H / 22
BODY_PT = 15.75  # 3号 (16 pt) narrowed so that exactly 28 characters fill the 156 mm line
TITLE_PT = 22  # 2号
PAGE_PT = 14  # 4号
MARK_GAP = 35 * mm  # 发文机关标志: its upper edge 35 mm below the text block's
RULE_GAP = 4 * mm  # the red rule 4 mm under the 发文字号
PAGE_GAP = 7 * mm  # page numbers: their upper edge 7 mm below the text block
ASCENT = 0.88  # share of the em box above the baseline for CJK faces
BLACK = colors.black
PREVIEW_MARK = "预览稿：尚未编号印发，不作催办记录"


@dataclass(frozen=True)
class NoticeSettings:
    """What an office sets once (setting ``notices``): 机关代字, its own name, contact, 抄送 and 印发机关."""

    prefix: str = "督办"
    office: str = ""  # 发文机关 (the masthead and the 署名): the office's own name; default the plan's issuer
    contact_person: str = ""
    contact_phone: str = ""
    cc: str = ""  # 抄送
    printer: str = ""  # 印发机关 (default: the issuing office)


@dataclass(frozen=True)
class Geometry:
    """Where the masthead's parts stand on the page (points from the bottom), for the layout and the tests."""

    mark_top: float
    mark_size: float
    mark_baseline: float
    number_baseline: float
    rule_y: float
    title_top: float


def geometry(office: str, font: str) -> Geometry:
    mark_size = min(42.0, 0.98 * BLOCK_W / max(stringWidth(office, font, 1), 1))
    mark_top = BLOCK_TOP - MARK_GAP
    mark_baseline = mark_top - ASCENT * mark_size
    mark_bottom = mark_baseline - (1 - ASCENT) * mark_size
    number_top = mark_bottom - 2 * LINE  # two blank lines under the mark
    number_baseline = number_top - ASCENT * BODY_PT
    rule_y = number_baseline - (1 - ASCENT) * BODY_PT - RULE_GAP
    return Geometry(mark_top, mark_size, mark_baseline, number_baseline, rule_y, rule_y - 2 * LINE)


class Masthead(Flowable):
    """版头: the red 发文机关标志, the 发文字号 two lines below it and the red rule 4 mm under that."""

    def __init__(self, office: str, number: str, fonts: OfficialFonts) -> None:
        super().__init__()
        self.office, self.number, self.fonts = office, number, fonts
        self.geo = geometry(office, fonts.title)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = (
            BLOCK_W,
            BLOCK_TOP - self.geo.title_top,
        )  # the title: two lines under the rule
        return self.width, self.height

    def draw(self) -> None:
        g, c = self.geo, self.canv
        y0 = BLOCK_TOP - self.height  # the flowable's origin on the page
        c.saveState()
        c.setFillColor(RED)
        c.setFont(self.fonts.title, g.mark_size)
        c.drawCentredString(BLOCK_W / 2, g.mark_baseline - y0, self.office)
        c.setFillColor(BLACK)
        c.setFont(self.fonts.body, BODY_PT)
        c.drawCentredString(BLOCK_W / 2, g.number_baseline - y0, self.number)
        c.setStrokeColor(RED)
        c.setLineWidth(0.35 * mm)
        c.line(0, g.rule_y - y0, BLOCK_W, g.rule_y - y0)
        c.restoreState()


class Imprint(Flowable):
    """版记 at the foot of the last page: 抄送, then 印发机关 and 印发日期, between full-width rules."""

    def __init__(self, cc: str, printer: str, printed_on: dt.date, fonts: OfficialFonts) -> None:
        super().__init__()
        self.cc, self.printer, self.printed_on, self.fonts = cc, printer, printed_on, fonts
        self.need = (2 if cc else 1) * LINE

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # Takes what is left of the page, so that it is drawn at the bottom of the text block.
        self.height = max(self.need, avail_height - 0.5)
        return BLOCK_W, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setFillColor(BLACK)
        c.setStrokeColor(BLACK)
        size = PAGE_PT
        indent = size  # one character in from each side
        lines = ([f"抄送：{self.cc}。"] if self.cc else []) + [""]
        top = self.need
        c.setLineWidth(0.35 * mm)
        c.line(0, top, BLOCK_W, top)
        c.line(0, 0, BLOCK_W, 0)
        c.setFont(self.fonts.body, size)
        y = top
        for i, line in enumerate(lines):
            base = y - LINE / 2 - size * 0.35
            if line:
                c.drawString(indent, base, line)
            else:
                c.drawString(indent, base, self.printer)
                c.drawRightString(BLOCK_W - indent, base, f"{cn_date(self.printed_on)}印发")
            y -= LINE
            if i < len(lines) - 1:
                c.setLineWidth(0.25 * mm)
                c.line(0, y, BLOCK_W, y)
        c.restoreState()


class BlankPage(Flowable):
    """Marks a page left blank between two notices of a batch: it carries no page number."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._blank_page = self.canv.getPageNumber()  # type: ignore[attr-defined]


class NoticeStart(Flowable):
    """Marks the first page of a notice, so each notice's pages are numbered from 1."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._notice_start = self.canv.getPageNumber()  # type: ignore[attr-defined]


def doc_number(prefix: str, year: int, n: int) -> str:
    return f"{prefix}〔{year}〕{n}号"


def preview_number(prefix: str, year: int) -> str:
    """What a preview shows where the 文号 goes: a number is taken only when the notice is issued, so a
    preview must not show one that someone could cite as if it were reserved."""
    return f"{prefix}〔{year}〕X号（预览，未编号）"


def _para(
    value: str, font: str, *, size: float = BODY_PT, indent: bool = True, align: str = "left"
) -> CJKText:
    return CJKText(value, font, size=size, leading=LINE, first_indent=2 * size if indent else 0, align=align)


def notice_title(notice: UnitNotice) -> str:
    if notice.kind == "missing":
        return f"关于报送{cn_month(notice.period)}工作进展的催报通知"
    return "关于督促办理逾期及临期工作任务的通知"


def _reminder_body(notice: UnitNotice, office: str, issued_on: dt.date) -> list[tuple[str, str]]:
    overdue = notice.overdue_count
    soon = len(notice.items) - overdue
    parts = (f"{overdue}项已逾期" if overdue else "", f"{soon}项即将到期" if soon else "")
    what = "、".join(w for w in parts if w)
    out = [
        (
            "正文",
            f"根据{notice.plan_title}工作分工，统计截至{cn_date(notice.as_of)}，你单位承担的任务中有{what}。"
            "现将有关情况通知如下。",
        ),
        ("一级标题", "一、需要督促办理的任务"),
    ]
    for i, item in enumerate(notice.items, start=1):
        if item.overdue:
            state = f"已逾期{item.days}天"
        elif item.days:
            state = f"距截止还有{item.days}天"
        else:
            # The days count from the cut-off: "今日" only when the notice goes out that same day.
            state = "今日到期" if notice.as_of == issued_on else "于统计截止日到期"
        role = "牵头" if item.role == "lead" else "配合"
        out.append(
            (
                "正文",
                f"{i}．{item.path_label}{item.title}。你单位{role}，截止日期{cn_date(item.deadline)}，"
                f"{state}，当前完成{item.percent}%。",
            )
        )
    out += [
        ("一级标题", "二、工作要求"),
        (
            "正文",
            f"请你单位高度重视，抓紧推进，并于{cn_date(notice.report_by)}前将办理进展及佐证材料报送{office}。"
            "确有困难需延期的，请书面说明理由并提出延期申请。",
        ),
    ]
    return out


def _missing_body(notice: UnitNotice, office: str) -> list[tuple[str, str]]:
    month = cn_month(notice.period)
    out = [
        (
            "正文",
            f"按照{notice.plan_title}工作进展月报制度，各责任单位应按时报送每月工作进展。"
            f"统计截至{cn_date(notice.as_of)}，你单位尚未报送{month}以下{len(notice.items)}项任务的工作进展：",
        )
    ]
    for i, item in enumerate(notice.items, start=1):
        role = "牵头" if item.role == "lead" else "配合"
        out.append(("正文", f"{i}．{item.path_label}{item.title}（你单位{role}）。"))
    out.append(
        (
            "正文",
            f"请于{cn_date(notice.report_by)}前补报{month}工作进展、存在问题和下步计划，报送{office}。"
            "逾期未报的，将在考核中予以扣分。",
        )
    )
    return out


def notice_paragraphs(
    notice: UnitNotice, office: str, issued_on: dt.date | None = None
) -> tuple[str, list[tuple[str, str]]]:
    """The title and the body paragraphs (style, text) of a notice issued on ``issued_on`` (default: today):
    the PDF and the Word file share them."""
    issued_on = issued_on or clock.today()
    if notice.kind == "missing":
        body = _missing_body(notice, office)
    else:
        body = _reminder_body(notice, office, issued_on)
    return notice_title(notice), [*body, ("正文", "特此通知。")]


def contact_line(settings: NoticeSettings) -> str:
    parts = (
        f"联系人：{settings.contact_person}" if settings.contact_person else "",
        f"联系电话：{settings.contact_phone}" if settings.contact_phone else "",
    )
    return "，".join(p for p in parts if p)


def notice_flowables(
    notice: UnitNotice,
    number: str,
    office: str,
    fonts: OfficialFonts,
    settings: NoticeSettings = NoticeSettings(),
    issued_on: dt.date | None = None,
) -> list[Flowable]:
    issued_on = issued_on or clock.today()
    title, paragraphs = notice_paragraphs(notice, office, issued_on)
    body = [_para(text, fonts.hei if style == "一级标题" else fonts.body) for style, text in paragraphs]
    contact = contact_line(settings)
    # 成文日期 is the day the notice is issued (the statistics cut-off is stated in the body); it ends four
    # characters from the right edge, and the office's name is centred over it.
    date = cn_date(issued_on)
    pad = max(0, 4 + (len(date) - len(office)) // 2)
    sign: list[Flowable] = [
        CJKText("", fonts.body, size=BODY_PT, leading=LINE),
        CJKText(office + "　" * pad, fonts.body, size=BODY_PT, leading=LINE, align="right"),
        CJKText(date + "　" * 4, fonts.body, size=BODY_PT, leading=LINE, align="right"),
    ]
    out: list[Flowable] = [
        NoticeStart(),
        Masthead(office, number, fonts),
        _para(title, fonts.title, size=TITLE_PT, indent=False, align="center"),
        CJKText("", fonts.body, size=BODY_PT, leading=LINE),
        _para(f"{notice.unit}：", fonts.body, indent=False),
        *body,
        KeepTogether(sign),
    ]
    if contact:
        out.append(_para(f"（{contact}）", fonts.body))
    out.append(Imprint(settings.cc, settings.printer or office, issued_on, fonts))
    return out


def _page_number(canv: Canvas, doc: BaseDocTemplate) -> None:
    """GB/T 9704 page numbers: '— n —' in 4号, 7 mm under the text block, odd pages right, even pages left,
    one character in from the edge; numbered within each notice."""
    if getattr(canv, "_blank_page", None) == canv.getPageNumber():
        return  # the blank back of a notice's last sheet
    n = canv.getPageNumber() - getattr(canv, "_notice_start", 1) + 1
    canv.saveState()
    canv.setFillColor(BLACK)
    canv.setFont(doc.report_font, PAGE_PT)  # type: ignore[attr-defined]
    y = BLOCK_BOTTOM - PAGE_GAP - 0.72 * PAGE_PT  # digits' upper edge at PAGE_GAP
    label = f"— {n} —"
    if n % 2:
        canv.drawRightString(LEFT + BLOCK_W - PAGE_PT, y, label)
    else:
        canv.drawString(LEFT + PAGE_PT, y, label)
    if getattr(doc, "preview", False):
        canv.setFillColor(colors.HexColor("#9A9A9A"))
        canv.setFont(doc.report_font, 10)  # type: ignore[attr-defined]
        canv.drawString(LEFT, BLOCK_TOP + 8 * mm, PREVIEW_MARK)
    canv.restoreState()


def _build(
    path: Path, parts: list[list[Flowable]], day: dt.date, fonts: OfficialFonts, title: str, preview: bool
) -> None:
    frame = Frame(
        LEFT,
        BLOCK_BOTTOM,
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
            initialFontName=fonts.body,
            pageTemplates=[PageTemplate("gbt9704", [frame], onPageEnd=_page_number)],
        )
        doc.report_font = fonts.body  # type: ignore[attr-defined]
        doc.preview = preview  # type: ignore[attr-defined]
        story: list[Flowable] = []
        for i, part in enumerate(parts):
            if i:
                # Every notice of a batch starts on an odd page, so a duplex printer never puts the end of one
                # notice and the start of the next on one sheet: after an odd page count, a blank page.
                story += [PageBreak(), DocIf("doc.page % 2 == 0", [BlankPage(), PageBreak()])]
            story += part

        def canvasmaker(*args: object, **kwargs: object) -> Canvas:
            canv = Canvas(*args, **kwargs)  # type: ignore[arg-type]
            rl_state.fix_timestamp(canv, fixed_timestamp(day))
            return canv

        with binary_streams():
            doc.build(story, canvasmaker=canvasmaker)


@dataclass(frozen=True)
class RenderedNotice:
    unit: str
    doc_number: str
    path: Path
    assignment_ids: list[int]
    font_note: str = ""  # what to install when the document typefaces were missing


def safe_file_name(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("._") or "单位"


def _word_notices(
    notices: list[UnitNotice],
    numbers: list[str],
    target: Path,
    *,
    office: str,
    settings: NoticeSettings,
    issued_on: dt.date,
    preview: bool,
) -> None:
    """The notices as one .docx, dated and marked as the PDF is."""
    from .word import write_notices_docx

    # The Word writer signs each notice with its ``as_of``: it is handed copies dated the day of issue, while
    # the body (统计截至…) is still written from the notices as gathered.
    dated = [replace(n, as_of=issued_on) for n in notices]
    gathered = {id(d): n for d, n in zip(dated, notices, strict=True)}

    def paragraphs(notice: UnitNotice, issuer: str) -> tuple[str, list[tuple[str, str]]]:
        return notice_paragraphs(gathered[id(notice)], issuer, issued_on)

    with atomic_path(target) as tmp:  # a preview never stands at ``target`` without its mark
        write_notices_docx(
            dated,
            numbers,
            tmp,
            office=office,
            cc=settings.cc,
            printer=settings.printer,
            contact=contact_line(settings),
            printed_on=issued_on,
            paragraphs=paragraphs,
        )
        if preview:
            _mark_word_preview(tmp)


def _mark_word_preview(path: Path) -> None:
    """Put the PDF preview's mark in the header of every section, so that each page of the draft says so."""
    from docx import Document
    from docx.shared import Pt, RGBColor

    doc = Document(str(path))
    for section in doc.sections:
        header = section.header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        paragraph.text = ""
        run = paragraph.add_run(PREVIEW_MARK)
        run.font.size, run.font.color.rgb = Pt(10), RGBColor(0x9A, 0x9A, 0x9A)
    doc.save(str(path))


def render_notices(
    notices: list[UnitNotice],
    path: str | os.PathLike[str],
    *,
    one_file: bool = True,
    doc_number_start: int = 1,
    year: int | None = None,
    office: str = "",
    prefix: str = "",
    numbers: list[str] | None = None,
    settings: NoticeSettings = NoticeSettings(),
    preview: bool = False,
    issued_on: dt.date | None = None,
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
    written: list[Path] | None = None,
) -> list[RenderedNotice]:
    """All notices in one PDF (``path`` a file, or one .docx) or one PDF per unit (``path`` a folder).

    The notices are dated ``issued_on`` (default: today), and numbered in that year's series: ``numbers`` gives
    each notice its document number (else they run from ``doc_number_start``). A ``preview`` is marked as such
    and shows no number at all. ``written`` collects each file as soon as it exists, so a caller can remove them.
    """
    written = [] if written is None else written
    if not notices:
        raise PlanDeskError("没有需要催办的单位：所选范围内没有逾期或即将到期的任务。", field="as_of")
    step = checker(progress, is_cancelled)
    fonts = official_fonts()
    issued_on = issued_on or clock.today()
    year = year or issued_on.year
    prefix = prefix or settings.prefix
    if preview:
        numbers = [preview_number(prefix, year)] * len(notices)
    numbers = numbers or [doc_number(prefix, year, doc_number_start + i) for i in range(len(notices))]
    numbered = list(zip(notices, numbers, strict=True))
    target = Path(path)
    out: list[RenderedNotice] = []
    kind = "催报通知" if notices[0].kind == "missing" else "催办通知"
    if one_file and target.suffix.lower() == ".docx":
        step(10, "正在生成 Word 文档…")
        _word_notices(
            notices, numbers, target, office=office, settings=settings, issued_on=issued_on, preview=preview
        )
        written.append(target)
        out = [
            RenderedNotice(n.unit, num, target, [it.assignment_id for it in n.items]) for n, num in numbered
        ]
        step(100, f"已生成 {len(out)} 份{kind}")
        return out
    if one_file:
        parts = []
        for i, (n, number) in enumerate(numbered):
            step(5 + 85 * i // len(numbered), f"正在排版：{n.unit}")
            parts.append(notice_flowables(n, number, office or n.office, fonts, settings, issued_on))
            out.append(
                RenderedNotice(n.unit, number, target, [it.assignment_id for it in n.items], fonts.note)
            )
        _build(target, parts, issued_on, fonts, f"{kind}（{len(notices)}个单位）", preview)
        written.append(target)
    else:
        target.mkdir(parents=True, exist_ok=True)
        for i, (n, number) in enumerate(numbered):
            step(5 + 90 * i // len(numbered), f"正在生成：{n.unit}")
            # A preview's file is named as one, not after a number it does not have.
            label = "预览稿" if preview else safe_file_name(number)
            file = target / f"{kind}_{label}_{safe_file_name(n.unit)}.pdf"
            _build(
                file,
                [notice_flowables(n, number, office or n.office, fonts, settings, issued_on)],
                issued_on,
                fonts,
                f"{kind} {n.unit}",
                preview,
            )
            written.append(file)
            out.append(RenderedNotice(n.unit, number, file, [it.assignment_id for it in n.items], fonts.note))
    step(100, f"已生成 {len(out)} 份{kind}")
    return out
