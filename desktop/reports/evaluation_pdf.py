"""The evaluation report (中期评估报告 / 年度评估报告) as an A4 PDF, rendered from EvaluationReportData alone."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable, HRFlowable

from ..fileio import atomic_path
from .cjk_text import CJKText
from .evaluation_chart import indicator_chart
from .evaluation_model import EvaluationReportData, IndicatorEvaluation, ShareRow
from .evaluation_text import (
    METHOD_NOTE,
    TASK_HEADS,
    base_text,
    detail_row,
    forecast_text,
    indicator_heads,
    indicator_row,
    is_red,
    point_rows,
    share_row,
)
from .fonts import register_report_font
from .pdf_common import (
    GRID,
    HEADER_FILL,
    OVERDUE_FILL,
    RED,
    ChartFlowable,
    IsCancelled,
    Progress,
    binary_streams,
    checker,
    cn_date,
    numbered_canvas,
    styles,
    text,
)

WIDTH = A4[0] - 40 * mm


def _cell(value: object, align: str = "left", red: bool = False) -> CJKText:
    return CJKText(
        "" if value is None else str(value),
        register_report_font(),
        size=8.5,
        leading=11.5,
        color=RED if red else colors.black,
        align=align,
    )


def _table(rows: list[list[Any]], widths: list[float], red_rows: list[int] | None = None) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), register_report_font()),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
    ]
    style += [("BACKGROUND", (0, r), (-1, r), OVERDUE_FILL) for r in red_rows or []]
    table.setStyle(TableStyle(style))
    return table


def _rows(heads: list[str], body: list[list[str]], red: list[bool], centre_from: int = 1) -> list[list[Any]]:
    out: list[list[Any]] = [[_cell(h, "center") for h in heads]]
    for cells, r in zip(body, red, strict=True):
        out.append([_cell(c, "left" if i < centre_from else "center", r) for i, c in enumerate(cells)])
    return out


def _title(data: EvaluationReportData, st: dict[str, Any]) -> list[Flowable]:
    return [
        Paragraph(text(data.title), st["title"]),
        Paragraph(text(data.office), st["subtitle"]),
        Paragraph(
            text(
                f"评估截止日期：{cn_date(data.as_of)}　规划期：{cn_date(data.period_start)}至{cn_date(data.period_end)}"
            ),
            st["subtitle"],
        ),
        HRFlowable(width="100%", thickness=0.8, color=GRID, spaceBefore=4, spaceAfter=6),
    ]


def _paragraphs(lines: list[str], st: dict[str, Any], numbered: bool = False) -> list[Flowable]:
    return [
        Paragraph(text(f"{i}. {line}" if numbered else line), st["body"])
        for i, line in enumerate(lines, start=1)
    ]


def _indicators(data: EvaluationReportData, st: dict[str, Any], font: str) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(40 * mm), Paragraph("二、主要指标", st["h1"])]
    evs = data.indicators
    if not evs:
        return out + [Paragraph("本方案未列明量化指标。", st["body"])]
    out.append(Paragraph(text(f"{len(evs)} 项主要指标的评估结果如下。"), st["body"]))
    red = [is_red(e) for e in evs]
    body = [indicator_row(i, e) for i, e in enumerate(evs, start=1)]
    widths = [7, 40, 9, 12, 17, 19, 21, 24, 21]
    out.append(
        _table(
            _rows(indicator_heads(), body, red, centre_from=2),
            [w * mm for w in widths],
            [i for i, r in enumerate(red, start=1) if r],
        )
    )
    out.append(
        Paragraph(
            text(
                "注：基期标 * 的未录入基期，取基期年份内的录入值，括号内为其统计日期；“缺…年基期值”的该年无录入值，不以其他日期的值代替；"
                "预计为目标年的趋势推算值，括号内为 95% 预测区间；约束性指标预警和滞后指标以红色标示。"
            ),
            st["note"],
        )
    )
    out += [Spacer(1, 4), Paragraph("指标测算明细", st["h2"])]
    heads = ["序号", "指标", "完成目标进度", "序时进度", "尚需年均", "趋势年均", "说明"]
    details = [detail_row(i, e) for i, e in enumerate(evs, start=1)]
    out.append(
        _table(_rows(heads, details, red, centre_from=2), [w * mm for w in (8, 46, 18, 16, 20, 20, 52)])
    )
    out += _charts(evs, st, font)
    return out


def _charts(evs: list[IndicatorEvaluation], st: dict[str, Any], font: str) -> list[Flowable]:
    charted = [e for e in evs if e.points]
    if not charted:
        return []
    out: list[Flowable] = [CondPageBreak(60 * mm), Paragraph("指标走势图", st["h2"])]
    half = WIDTH / 2 - 2
    cells = [ChartFlowable(indicator_chart(e, font, half, 140), font) for e in charted]
    rows = [cells[i : i + 2] + [""] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)]
    grid = Table(rows, colWidths=[WIDTH / 2, WIDTH / 2], hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    out.append(grid)
    out.append(
        Paragraph(
            text(
                "图例：实线和实心点为录入值，空心点为基期值；红色虚线为目标；灰线为序时路径；蓝色虚线为趋势推算，浅蓝色带为 95% 预测区间。"
            ),
            st["note"],
        )
    )
    return out


def _shares(title: str, rows: list[ShareRow], total: ShareRow | None) -> tuple[list[list[str]], list[bool]]:
    body = [share_row(r) for r in rows] + ([share_row(total)] if total else [])
    return body, [False] * len(body)


def _tasks(data: EvaluationReportData, st: dict[str, Any]) -> list[Flowable]:
    t = data.tasks
    out: list[Flowable] = [CondPageBreak(40 * mm), Paragraph("三、重点任务", st["h1"])]
    out.append(Paragraph(text(t.judgement), st["body"]))
    if not t.overall.total:
        return out
    widths = [w * mm for w in (62, 16, 20, 22, 20, 14, 16)]
    body, red = _shares("章节", t.by_chapter, t.overall)
    out += [Paragraph("按章节", st["h2"]), _table(_rows(["章节", *TASK_HEADS], body, red), widths)]
    body, red = _shares("单位", t.by_unit, None)
    out += [
        Paragraph("按责任单位（单位承担的全部分工）", st["h2"]),
        _table(_rows(["责任单位", *TASK_HEADS], body, red), widths),
    ]
    if t.behind:
        out.append(Paragraph("滞后任务", st["h2"]))
        rows = [[f"{b.label}{b.title}", b.units, b.reason] for b in t.behind]
        out.append(
            _table(
                _rows(["任务", "牵头单位", "情况"], rows, [True] * len(rows), centre_from=3),
                [w * mm for w in (70, 40, 60)],
            )
        )
    out.append(
        Paragraph(
            text(
                "注：任务状态与完成%以牵头单位的分工为准（多个牵头单位取最不利者；未标牵头的取全部单位），按单位则计单位承担的每项分工；"
                "已完成指完成 100%，滞后指已逾期或落后序时进度超过预警设置；评估日期早于今天时按当日及以前报送的进展计算，之后报送的不计。"
            ),
            st["note"],
        )
    )
    return out


def _appendix(data: EvaluationReportData, st: dict[str, Any]) -> list[Flowable]:
    rows = [r for e in data.indicators for r in point_rows(e)]
    if not rows:
        return []
    return [
        CondPageBreak(40 * mm),
        Paragraph("附：指标数据明细", st["h1"]),
        _table(
            _rows(["指标", "日期", "数值", "来源", "记录号"], rows, [False] * len(rows)),
            [w * mm for w in (66, 24, 22, 40, 18)],
        ),
        Paragraph(text(METHOD_NOTE), st["note"]),
    ]


def story(data: EvaluationReportData) -> list[Flowable]:
    font = register_report_font()
    st = styles(font)
    out = _title(data, st)
    out += [Paragraph("一、总体评价", st["h1"]), *_paragraphs(data.overall, st)]
    out += _indicators(data, st, font)
    out += _tasks(data, st)
    out += [
        CondPageBreak(30 * mm),
        Paragraph("四、存在问题", st["h1"]),
        *_paragraphs(data.problems, st, True),
    ]
    out += [Paragraph("五、下一步建议", st["h1"]), *_paragraphs(data.suggestions, st, True)]
    out += _appendix(data, st)
    return out


def render_evaluation_pdf(
    data: EvaluationReportData,
    path: str | os.PathLike[str],
    *,
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> Path:
    """Write the report; the same data always gives the same bytes."""
    step = checker(progress, is_cancelled)
    step(10, "正在准备评估报告…")
    font = register_report_font()
    flowables = story(data)
    target = Path(path)
    step(60, "正在生成 PDF…")
    with atomic_path(target) as tmp:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=A4,
            leftMargin=20 * mm,
            rightMargin=20 * mm,
            topMargin=20 * mm,
            bottomMargin=18 * mm,
            title=data.title,
            author=data.office or "PlanDesk",
            creator="PlanDesk 规划督办台",
            invariant=1,
            lang="zh-CN",
            initialFontName=font,
        )
        with binary_streams():
            doc.build(flowables, canvasmaker=numbered_canvas(data.plan_title, data.issued_on, font))
    step(100, "完成")
    return target


__all__ = ["base_text", "forecast_text", "render_evaluation_pdf", "story"]
