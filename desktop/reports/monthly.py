"""The monthly status report (月度进展报告) as an A4 PDF, rendered from MonthlyReportData alone."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable, HRFlowable
from reportlab.rl_config import listWrapOnFakeWidth

from .. import rulebook
from ..status import ATTRIBUTE_NAMES, ROLE_NAMES, STATUS_NAMES
from . import rl_state
from .cjk_text import CJKText, Run
from .fonts import register_report_font
from .pdf_common import (
    GRID,
    HEADER_FILL,
    OVERDUE_FILL,
    RED,
    RISK_FILL,
    ChartFlowable,
    IsCancelled,
    Progress,
    atomic_path,
    binary_streams,
    checker,
    cn_date,
    cn_month,
    numbered_canvas,
    styles,
    text,
)
from .report_model import (
    UNASSIGNED_NAME,
    UNIT_FIELDS,
    UNIT_HEADERS,
    AssignmentLine,
    MonthlyReportData,
    TaskLine,
)

WIDTH = A4[0] - 40 * mm
STATUS_ORDER = ("done", "in_progress", "not_started", "overdue", "suspended")
STATUS_COLORS = {
    "done": "#2E7D32",
    "in_progress": "#1F5FA8",
    "not_started": "#8C8C8C",
    "overdue": "#C00000",
    "suspended": "#B7950B",
}
CN_NUMBERS = "一二三四五六七八九十"
GREY = colors.HexColor("#404040")


TOP, BOTTOM, LEFT, RIGHT = 2.5, 2.5, 3, 3  # every cell's padding


def _row_heights(rows: list[list[CJKText]], widths: list[float]) -> list[float]:
    """Each row's height as reportlab's Table works it out for cells of one CJKText and the padding above.

    reportlab works the heights out again each time it lays a table out and for what is left after each page
    break; given here once, the same figures, summed the same way, give the same pages.
    """
    out: list[float] = []
    for row in rows:
        h: float = 0
        for cell, w in zip(row, widths, strict=True):
            t = cell.wrap(w - LEFT - RIGHT, 0)[1]  # Table._listCellGeom: the text's height, no space around
            t += BOTTOM + TOP
            if t > h:
                h = t
        out.append(h)
    return out


def _table(rows: list[list[Any]], widths: list[float], extra: list[tuple[Any, ...]] | None = None) -> Table:
    plain = all(cmd[0] == "BACKGROUND" for cmd in extra or []) and all(
        type(c) is CJKText and not c.spaceBefore and not c.spaceAfter for row in rows for c in row
    )
    heights = _row_heights(rows, widths) if plain else None
    table = Table(rows, colWidths=widths, rowHeights=heights, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                (
                    "FONTNAME",
                    (0, 0),
                    (-1, -1),
                    register_report_font(),
                ),  # else Table selects an unembedded Helvetica
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), TOP),
                ("BOTTOMPADDING", (0, 0), (-1, -1), BOTTOM),
                ("LEFTPADDING", (0, 0), (-1, -1), LEFT),
                ("RIGHTPADDING", (0, 0), (-1, -1), RIGHT),
                *(extra or []),
            ]
        )
    )
    return table


def _cell(value: object, align: str = "left", red: bool = False, size: float = 9) -> CJKText:
    """A table cell; plain wrapped text (not a Paragraph) keeps thousand-row tables fast."""
    return CJKText(
        "" if value is None else str(value),
        register_report_font(),
        size=size,
        leading=size * 1.35,
        color=RED if red else colors.black,
        align=align,
    )


def _heads(st: dict[str, Any], names: list[str]) -> list[CJKText]:
    return [_cell(n, "center") for n in names]


def status_chart(data: MonthlyReportData, font: str) -> Drawing:
    """Bars of tasks by status, each in its status colour, the count above each bar."""
    counts = [data.summary.by_status.get(s, 0) for s in STATUS_ORDER]
    drawing = Drawing(WIDTH, 150)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 34, WIDTH - 80, 100  # type: ignore[assignment]  # stubs say int; points are floats
    chart.data = [counts]
    chart.categoryAxis.categoryNames = [STATUS_NAMES[s] for s in STATUS_ORDER]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 9
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    top = max(counts + [1])
    step = max(1, -(-top // 5))
    chart.valueAxis.valueMax = step * 5 + (step if top == step * 5 else 0)
    chart.valueAxis.valueStep = step
    chart.barWidth = 18
    chart.groupSpacing = 20
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 6
    for i, s in enumerate(STATUS_ORDER):
        chart.bars[(0, i)].fillColor = colors.HexColor(STATUS_COLORS[s])
        chart.bars[(0, i)].strokeColor = None
    drawing.add(chart)
    drawing.add(
        String(WIDTH / 2, 4, "图 1  任务状态分布（项）", fontName=font, fontSize=9, textAnchor="middle")
    )
    return drawing


def _title_block(data: MonthlyReportData, st: dict[str, Any]) -> list[Flowable]:
    out: list[Flowable] = [
        Spacer(1, 6 * mm),
        Paragraph(text(data.plan_title), st["title"]),
        Paragraph("月度进展报告" + ("（领导简报）" if data.brief else ""), st["title"]),
    ]
    lines = [f"报告月份：{cn_month(data.month)}", f"统计截至：{cn_date(data.as_of)}"]
    if data.unit:
        lines.insert(0, f"责任单位：{text(data.unit)}")
    out.append(Paragraph("　　".join(lines), st["subtitle"]))
    issuer = f"报送单位：{text(data.office)}　　" if data.office else ""
    out.append(Paragraph(f"{issuer}印发日期：{cn_date(data.issued_on)}", st["subtitle"]))
    if data.frozen:
        out.append(Paragraph("（本月已结账，数据为结账时的数据）", st["subtitle"]))
    out += [Spacer(1, 3 * mm), HRFlowable(width="100%", thickness=1.2, color=RED, spaceAfter=4 * mm)]
    return out


def summary_text(data: MonthlyReportData) -> str:
    """总体情况 in words; every figure is a field of the summary, so the tables below agree with it."""
    sm = data.summary
    by = sm.by_status
    text_ = (
        f"截至{cn_date(data.as_of)}，纳入督办的任务共 {sm.tasks} 项（分工 {sm.assignments} 条），"
        f"其中已完成 {by.get('done', 0)} 项、进行中 {by.get('in_progress', 0)} 项、"
        f"未开始 {by.get('not_started', 0)} 项、已逾期 {by.get('overdue', 0)} 项、暂缓 {by.get('suspended', 0)} 项"
    )
    if sm.unassigned:
        text_ += f"、{UNASSIGNED_NAME} {sm.unassigned} 项"
    text_ += (
        f"。按期推进 {sm.on_time} 项，逾期 {sm.overdue} 项，按期推进率 {sm.share_on_track:.1f}%；"
        f"逾期分工 {sm.overdue_assignments} 条，涉及 {sm.overdue_units} 个单位；"
        f"本月完成 {sm.completed_this_month} 项；{data.due_days}日内到期尚未完成的分工 {sm.due_soon_assignments} 条；"
        f"本月应报未报送的分工 {sm.not_reported} 条。"
    )
    return text_


def _summary(data: MonthlyReportData, st: dict[str, Any], font: str, number: str) -> list[Flowable]:
    sm = data.summary
    by = sm.by_status
    rows = [
        _heads(
            st,
            ["任务总数", *(STATUS_NAMES[s] for s in STATUS_ORDER), UNASSIGNED_NAME, "按期推进率", "本月完成"],
        ),
        [
            _cell(v, "center")
            for v in [
                sm.tasks,
                *(by.get(s, 0) for s in STATUS_ORDER),
                sm.unassigned,
                f"{sm.share_on_track:.1f}%",
                sm.completed_this_month,
            ]
        ],
    ]
    rows[1][4] = _cell(by.get("overdue", 0), "center", True)
    return [
        Paragraph(f"{number}、总体情况", st["h1"]),
        Paragraph(text(summary_text(data)), st["body"]),
        Spacer(1, 2 * mm),
        _table(rows, [WIDTH / 9] * 9),
        Spacer(1, 2 * mm),
        ChartFlowable(status_chart(data, font), font),
    ]


BRIEF_LIST = 200  # assignments a leaders' brief lists at most
CHUNK = 100  # rows per table in long lists


def _who(a: AssignmentLine) -> str:
    return f"{a.unit}（{ROLE_NAMES.get(a.role, a.role)}）"


def _attention(data: MonthlyReportData, st: dict[str, Any], number: str) -> list[Flowable]:
    """Overdue and due-soon work, one row per assignment: the unit that is late and its own deadline."""
    late_rows = data.overdue_lines()
    soon_rows = data.due_soon_lines()
    lines = [(t, a, True) for t, a in late_rows] + [(t, a, False) for t, a in soon_rows]
    out: list[Flowable] = [Paragraph(f"{number}、逾期及临期任务", st["h1"])]
    if not lines:
        out.append(Paragraph(f"本期无逾期任务，{data.due_days}日内无到期未完成任务。", st["body"]))
        return out
    out.append(
        Paragraph(
            f"已逾期分工 <font color='#C00000'>{len(late_rows)}</font> 条（红色），"
            f"{data.due_days}日内到期 {len(soon_rows)} 条（黄色底纹），请相关单位抓紧办理。",
            st["body"],
        )
    )
    if data.brief and len(lines) > BRIEF_LIST:
        # A leaders' brief stays short: the longest overdue first; the full list is in the ledger.
        lines.sort(key=lambda r: (not r[2], r[1].deadline or data.as_of))
        out.append(
            Paragraph(
                f"以下列出逾期最久的 {BRIEF_LIST} 条，其余 {len(lines) - BRIEF_LIST} 条见工作台账"
                "或各方案的月度报告。",
                st["body"],
            )
        )
        lines = lines[:BRIEF_LIST]
    heads = _heads(st, ["序号", "编号", "任务", "责任单位", "截止日期", "状态", "逾期天数"])
    rows: list[list[Any]] = [heads]
    extra: list[tuple[Any, ...]] = []
    widths = [9 * mm, 22 * mm, 52 * mm, 41 * mm, 20 * mm, 13 * mm, 13 * mm]
    for i, (t, a, late) in enumerate(lines, start=1):
        days = a.days_late(data.as_of)
        rows.append(
            [
                _cell(i, "center", late),
                _cell(t.path_label, red=late),
                _cell(t.title, red=late),
                _cell(_who(a), red=late),
                _cell(a.deadline.isoformat() if a.deadline else "—", "center", late),
                _cell(STATUS_NAMES.get(a.status, a.status), "center", late),
                _cell(f"{days} 天" if late else "—", "center", late),
            ]
        )
        extra.append(
            (
                "BACKGROUND",
                (0, i % CHUNK or CHUNK),
                (-1, i % CHUNK or CHUNK),
                OVERDUE_FILL if late else RISK_FILL,
            )
        )
        if i % CHUNK == 0 or i == len(lines):
            # Tables of at most CHUNK rows: reportlab lays out one long table in time that grows with its square.
            out.append(_table(rows, widths, extra))
            rows, extra = [heads], []
    return out


def _units(data: MonthlyReportData, st: dict[str, Any], number: str) -> list[Flowable]:
    rows: list[list[Any]] = [_heads(st, list(UNIT_HEADERS))]
    extra: list[tuple[Any, ...]] = []
    for i, u in enumerate(data.units, start=1):
        rows.append(
            [
                _cell(i, "center"),
                _cell(u.unit),
                *(_cell(v, "center") for v in (u.tasks, u.lead, u.co, u.done, u.in_progress, u.not_started)),
                _cell(u.overdue, "center", bool(u.overdue)),
                _cell(u.suspended, "center"),
                _cell(u.not_reported, "center", bool(u.not_reported)),
            ]
        )
        if u.overdue:
            extra.append(("BACKGROUND", (8, i), (8, i), OVERDUE_FILL))
    if data.units:
        total = [sum(getattr(u, f) for u in data.units) for f in UNIT_FIELDS]
        rows.append([_cell(""), _cell("合计"), *(_cell(v, "center") for v in total)])
    out: list[Flowable] = [Paragraph(f"{number}、各单位推进情况", st["h1"])]
    if data.units:
        out.append(
            Paragraph("按分工统计，牵头和配合单位各计一条；合计与总体情况中的分工数一致。", st["note"])
        )
        out.append(_table(rows, [10 * mm, 52 * mm] + [12 * mm] * 9, extra))
    else:
        out.append(Paragraph("暂无分工。", st["body"]))
    return out


def _task_block(t: TaskLine, data: MonthlyReportData, font: str) -> list[Flowable]:
    late = t.status == "overdue"
    colour = RED if late else colors.black
    grey = GREY
    deadline = t.deadline.isoformat() if t.deadline else "未定"
    who = "牵头：" + "、".join(dict.fromkeys(t.lead_units))
    if t.co_units and t.lead_units != [a.unit for a in t.assignments]:
        who += "；配合：" + "、".join(dict.fromkeys(t.co_units))
    head = CJKText(
        [
            Run(f"{t.path_label} {t.title}", 11.5, colour),
            Run(f"　［{who}｜截止 {deadline}｜", 9, grey),
            Run(STATUS_NAMES.get(t.status, t.status), 9, colour),
            Run(f"｜完成 {t.percent}%］", 9, grey),
        ],
        font,
        leading=17,
        space_before=5,
        space_after=1,
    )
    out: list[Flowable] = [head]
    reports = [p for a in t.assignments for p in a.progress]
    if not reports and not t.missing_units:
        out.append(CJKText("本月未报送进展。", font, size=9.5, leading=14, left_indent=12, color=grey))
    for p in reports:
        pct = f"（完成 {p.percent}%）" if p.percent is not None else ""
        line = f"【{p.unit}】{p.text}{pct}"
        if p.problems:
            line += f"\n存在问题：{p.problems}"
        if p.next_steps:
            line += f"\n下步计划：{p.next_steps}"
        out.append(CJKText(line, font, size=9.5, leading=14, left_indent=12))
    if t.missing_units:
        out.append(
            CJKText(
                f"未报送：{'、'.join(t.missing_units)}", font, size=9.5, leading=14, left_indent=12, color=RED
            )
        )
    return out


class _KeepText(KeepTogether):
    """KeepTogether for plain text flowables, sized without the copy of the frame KeepTogether makes per wrap.

    The copy collects content that flowables generate while wrapping; plain text generates none, so the sizes
    are those of reportlab's own list wrapping, the page breaks the same, at a fraction of the cost.
    """

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803 (reportlab's names)
        content: list[Flowable] = self._content  # type: ignore[attr-defined]  # reportlab's, not in the stubs
        if not all(isinstance(f, CJKText) for f in content):
            return super().wrap(aW, aH)
        dims: list[tuple[float, float]] = []
        width: float = 0
        height: float = 0
        space: float = 0
        at_top = True
        for f in content:
            w, h = f.wrapOn(self.canv, aW, 0xFFFFFFF)
            dims.append((w, h))
            if h <= rl_state.FUZZ:
                continue
            width = max(width, min(w, aW) if listWrapOnFakeWidth else w)
            height += h
            if at_top:
                at_top = False
            else:
                height += max(f.getSpaceBefore() - space, 0)
            space = f.getSpaceAfter()
            height += space
        self._H = height - space
        self._H0 = dims and dims[0][1] or 0
        self._wrapInfo = aW, aH
        return width, 0xFFFFFF  # force a split, as KeepTogether does


def _unassigned(data: MonthlyReportData, st: dict[str, Any]) -> list[Flowable]:
    tasks = data.unassigned_tasks()
    if not tasks:
        return []
    rows: list[list[Any]] = [_heads(st, ["序号", "编号", "任务", "文件列明的责任单位"])]
    for i, t in enumerate(tasks, start=1):
        rows.append(
            [_cell(i, "center"), _cell(t.path_label), _cell(t.title), _cell("、".join(t.doc_units) or "—")]
        )
    return [
        Paragraph(f"以下 {len(tasks)} 项任务尚{UNASSIGNED_NAME}，请明确责任单位和完成时限：", st["body"]),
        _table(rows, [10 * mm, 24 * mm, 76 * mm, 60 * mm]),
    ]


def _progress(
    data: MonthlyReportData, st: dict[str, Any], font: str, number: str, step: Any
) -> list[Flowable]:
    tasks = [t for t in data.listed_tasks() if t.assignments]
    out: list[Flowable] = [CondPageBreak(40 * mm), Paragraph(f"{number}、本月工作进展", st["h1"])]
    if not data.include_done:
        out.append(Paragraph("（已完成的任务未列出）", st["note"]))
    if not tasks:
        out.append(Paragraph("暂无任务。", st["body"]))
    for i, t in enumerate(tasks):
        if i % 200 == 0:
            step(20 + 50 * i // max(len(tasks), 1), f"正在排版任务进展（{i}/{len(tasks)}）…")
        block = _task_block(t, data, font)
        out.append(_KeepText(block[:2]))
        out.extend(block[2:])
    out += _unassigned(data, st)
    return out


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:g}" if abs(value) < 1e15 else f"{value:.3e}"


def _indicators(data: MonthlyReportData, st: dict[str, Any], number: str) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(40 * mm), Paragraph(f"{number}、主要指标完成情况", st["h1"])]
    if not data.indicators:
        out.append(Paragraph("本方案未列明量化指标。", st["body"]))
        return out
    rows: list[list[Any]] = [_heads(st, ["序号", "指标", "目标值", "最新值", "完成目标", "应达进度", "属性"])]
    extra: list[tuple[Any, ...]] = []
    for i, ind in enumerate(data.indicators, start=1):
        binding_behind = ind.attribute == "binding" and (ind.behind or ind.latest_value is None)
        target = ind.target_text or _number(ind.target_value)
        if ind.target_year:
            target += f"（{ind.target_year}年）"
        latest = (
            f"{_number(ind.latest_value)}\n（{ind.latest_on.isoformat()}）" if ind.latest_on else "未报送"
        )
        pct = f"{ind.percent_of_target:.1f}%" if ind.percent_of_target is not None else "—"
        red = binding_behind
        rows.append(
            [
                _cell(i, "center", red),
                _cell(ind.name, red=red),
                _cell(target, "center", red),
                _cell(latest, "center", red),
                _cell(pct, "center", red),
                _cell(f"{ind.expected_percent:.0f}%", "center", red),
                _cell(ATTRIBUTE_NAMES.get(ind.attribute or "", "—"), "center", red),
            ]
        )
        if binding_behind:
            extra.append(("BACKGROUND", (0, i), (-1, i), OVERDUE_FILL))
    out.append(_table(rows, [10 * mm, 58 * mm, 24 * mm, 22 * mm, 20 * mm, 20 * mm, 16 * mm], extra))
    out.append(
        Paragraph(
            "注：应达进度按方案印发年份至目标年份线性推算；约束性指标低于应达进度或未报送数据的以红色标示。",
            st["note"],
        )
    )
    return out


def _scores(data: MonthlyReportData, st: dict[str, Any], number: str) -> list[Flowable]:
    rows: list[list[Any]] = [
        _heads(st, ["名次", "单位", "分工数", "按时反馈率", "完成率", "逾期", "退回", "得分"])
    ]
    for sc in sorted(data.scores, key=lambda x: x.rank):
        rows.append(
            [
                _cell(sc.rank, "center"),
                _cell(sc.unit),
                *(
                    _cell(v, "center")
                    for v in (
                        str(sc.assignments),
                        f"{100 * sc.feedback_on_time_rate:.0f}%",
                        f"{100 * sc.completion_rate:.0f}%",
                        str(sc.overdue),
                        str(sc.returned),
                        f"{sc.score:.1f}",
                    )
                ),
            ]
        )
    out: list[Flowable] = [
        CondPageBreak(40 * mm),
        Paragraph(f"{number}、单位综合评分排名", st["h1"]),
        _table(rows, [12 * mm, 58 * mm, 16 * mm, 20 * mm, 18 * mm, 14 * mm, 14 * mm, 18 * mm]),
    ]
    if data.score_method:
        out.append(Paragraph(text(data.score_method), st["note"]))
    return out


def _rules(data: MonthlyReportData, st: dict[str, Any]) -> list[Flowable]:
    """统计口径: the rules the figures follow, in the rulebook's own words."""
    out: list[Flowable] = [CondPageBreak(30 * mm), Paragraph("统计口径说明", st["h2"])]
    for i, note in enumerate(rulebook.rule_notes(due_days=data.due_days), start=1):
        out.append(Paragraph(f"{i}．{text(note)}", st["note"]))
    return out


def story(data: MonthlyReportData, step: Any) -> list[Flowable]:
    font = register_report_font()
    st = styles(font)
    parts: list[Any] = [lambda n: _summary(data, st, font, n), lambda n: _attention(data, st, n)]
    if not data.brief:
        parts += [
            lambda n: _units(data, st, n),
            lambda n: _progress(data, st, font, n, step),
            lambda n: _indicators(data, st, n),
        ]
        if data.scores:
            parts.append(lambda n: _scores(data, st, n))
    out = _title_block(data, st)
    for i, part in enumerate(parts):
        out += part(CN_NUMBERS[i])
    # The brief is one page for a leader: the full report carries the rules.
    return out if data.brief else out + _rules(data, st)


class _Doc(SimpleDocTemplate):
    """Reports layout progress and stops between flowables when the user cancels."""

    def __init__(self, filename: str, step: Any, total: int, **kw: Any) -> None:
        super().__init__(filename, **kw)
        self._step, self._total, self._done = step, max(total, 1), 0

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's name)
        self._done += 1
        if self._done % 100 == 0:
            self._step(75 + 22 * min(self._done, self._total) // self._total, f"正在排版第 {self.page} 页…")


def render_monthly(
    data: MonthlyReportData,
    path: str | os.PathLike[str],
    *,
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> Path:
    """Write the report; the same data always gives the same bytes (fixed dates, invariant PDF)."""
    step = checker(progress, is_cancelled)
    step(5, "正在准备报告内容…")
    font = register_report_font()
    flowables = story(data, step)
    target = Path(path)
    step(75, "正在生成 PDF…")
    with atomic_path(target) as tmp:
        doc = _Doc(
            str(tmp),
            step,
            len(flowables),
            pagesize=A4,
            leftMargin=20 * mm,
            rightMargin=20 * mm,
            topMargin=20 * mm,
            bottomMargin=18 * mm,
            title=f"{data.plan_title} {cn_month(data.month)}月度进展报告",
            author=data.office or "PlanDesk",
            creator="PlanDesk 规划督办台",
            invariant=1,
            lang="zh-CN",
            initialFontName=font,
        )
        with binary_streams():
            doc.build(flowables, canvasmaker=numbered_canvas(data.plan_title, data.issued_on, font))
        step(98, "正在保存…")
    step(100, "完成")
    return target
