"""Mid-term and annual evaluation (中期评估, 年度评估): indicator verdicts and forecasts, task shares, the report data."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import clock, rulebook
from ...errors import NotFound, PlanDeskError
from ...models import Indicator, IndicatorValue
from ...reports.evaluation_model import (
    ACHIEVED,
    ACHIEVED_EARLY,
    AHEAD,
    BEHIND,
    MAY_REACH,
    MISSED,
    ON_TRACK,
    REPORT_KINDS,
    WILL_MISS,
    WILL_REACH,
    EvaluationReportData,
    IndicatorEvaluation,
    TaskEvaluation,
    chart_ranges,
    nice_ticks,
    number,
    planned_path,
)
from ...reports.evaluation_text import detail_row, indicator_row, is_red, share_row
from ...storage import Database
from ..core.validation import check_number, check_year, is_sane_number
from .figures import IndicatorInput, evaluate_indicator, plan_base_year, year_of
from .tasks import (
    as_of_day,
    evaluate_tasks,
    load_plan,
    midpoint,
    period_of,
    plan_indicators,
    plan_period,
)

log = logging.getLogger(__name__)

VERDICT_ORDER = (ACHIEVED_EARLY, ACHIEVED, AHEAD, ON_TRACK, BEHIND, MISSED)
OUTLOOK_ORDER = (WILL_REACH, MAY_REACH, WILL_MISS)


@dataclass(frozen=True)
class IndicatorWarning:
    """An early warning: a binding (约束性) indicator whose forecast misses its target."""

    indicator_id: int
    name: str
    reason: str


def _inputs(s: Session, inds: list[Indicator], start: dt.date) -> list[IndicatorInput]:
    """The indicators as the evaluation reads them; ``start``: the plan period's first day (its base year is
    the year before, for indicators without a recorded base)."""
    values: dict[int, list[tuple[int, dt.date, float, str]]] = {}
    if inds:
        for v in s.scalars(
            select(IndicatorValue)
            .where(IndicatorValue.indicator_id.in_([i.id for i in inds]))
            .order_by(IndicatorValue.measured_on, IndicatorValue.id)
        ):
            if is_sane_number(v.value):  # a value stored before figures were checked is left out, not printed
                values.setdefault(v.indicator_id, []).append((v.id, v.measured_on, v.value, v.source))
            else:
                log.warning("indicator value %s is not a finite figure and is left out: %r", v.id, v.value)
    return [
        IndicatorInput(
            i.id,
            i.name,
            i.target_text,
            i.operator,
            i.target_value if is_sane_number(i.target_value) else None,
            i.target_year,
            field=i.field,
            unit=i.unit_of_measure,
            attribute=i.attribute,
            base_year=i.base_year,
            base_value=i.base_value if is_sane_number(i.base_value) else None,
            stage_targets=[
                st for st in i.stage_targets or [] if isinstance(st, dict) and is_sane_number(st.get("value"))
            ],
            values=values.get(i.id, []),
            plan_base_year=plan_base_year(start),
        )
        for i in inds
    ]


def evaluate_indicators(db: Database, *, plan_id: int, as_of: str | dt.date) -> list[IndicatorEvaluation]:
    """Every indicator of a plan judged on ``as_of`` from the values recorded up to that day."""
    day = as_of_day(as_of)
    with db.read() as s:
        plan = load_plan(s, plan_id)
        inds = plan_indicators(s, plan_id)
        start, _end = period_of(s, plan, inds)
        inputs = _inputs(s, inds, start)
    return [evaluate_indicator(i, day) for i in inputs]


def warning_text(ev: IndicatorEvaluation) -> str:
    st = ev.stage
    if st is None:
        return ""
    if ev.verdict == MISSED:
        return f"约束性指标未实现：{st.year}年目标 {st.target_text}，最新值 {number(ev.latest.value if ev.latest else None)}"
    band = f"（95%区间 {number(st.low)}～{number(st.high)}）" if st.low is not None else ""
    return f"约束性指标预计难以实现：预计{st.year}年达到 {number(st.forecast)}{band}，目标 {st.target_text}"


def indicator_warnings(
    db: Database, *, plan_id: int, as_of: str | dt.date | None = None
) -> list[IndicatorWarning]:
    """Early warnings for binding indicators whose forecast at the target year misses the target."""
    evs = evaluate_indicators(db, plan_id=plan_id, as_of=as_of or clock.today())
    return [IndicatorWarning(e.indicator_id, e.name, warning_text(e)) for e in evs if e.warning]


@dataclass(frozen=True)
class IndicatorBase:
    indicator_id: int
    name: str
    base_year: int | None
    base_value: float | None
    stage_targets: list[dict[str, Any]]


def get_indicator_base(db: Database, *, indicator_id: int) -> IndicatorBase:
    """An indicator's recorded base and further target years, for the form that edits them."""
    with db.read() as s:
        ind = s.get(Indicator, indicator_id)
        if ind is None:
            raise NotFound(f"找不到编号为 {indicator_id} 的指标。", field="indicator_id")
        stages = [dict(st) for st in ind.stage_targets or [] if isinstance(st, dict)]
        return IndicatorBase(ind.id, ind.name, ind.base_year, ind.base_value, stages)


def parse_stage_targets(text: str) -> list[dict[str, Any]]:
    """Further target years written as 2030:90；2035:≥95 (colon or 年, separated by ；, ; or 、)."""
    out: list[dict[str, Any]] = []
    for piece in (p.strip() for p in re.split(r"[；;、，,\n]+", text)):
        if not piece:
            continue
        m = re.fullmatch(r"(\d{4})\s*(?:年|:|：)\s*(≥|≤|>|<)?\s*(\d+(?:\.\d+)?)\s*%?", piece)
        if m is None:
            raise PlanDeskError(f"阶段目标“{piece}”应写成 年份:目标值，例如 2030:90。", field="stage_targets")
        out.append(_stage(m.group(1), m.group(3), f"{m.group(2) or ''}{m.group(3)}"))
    return out


def _stage(year: Any, value: Any, text: str) -> dict[str, Any]:
    """One further target year, its year within 1900–2100 and its value finite and bounded."""
    try:
        y = int(year)
    except (TypeError, ValueError):
        raise PlanDeskError(f"阶段目标的年份“{year}”不是年份。", field="stage_targets") from None
    check_year(y, field="stage_targets", label="阶段目标年份")
    number = check_number(value, field="stage_targets", label=f"{y}年阶段目标值")
    return {"year": y, "value": number, "text": text}


def set_indicator_base(
    db: Database,
    *,
    indicator_id: int,
    base_year: int | None,
    base_value: float | str | None,
    stage_targets: list[dict[str, Any]] | None = None,
) -> None:
    """Record an indicator's base year and value (基期), and optionally the targets of further years."""
    value = check_number(base_value, field="base_value", label="基期值", optional=True)
    if base_year is not None and not 1949 <= base_year <= 2100:
        raise PlanDeskError(f"基期年份 {base_year} 不合理。", field="base_year")
    if (value is None) != (base_year is None):
        raise PlanDeskError("基期年份和基期值要一起填写。", field="base_year")
    stages: list[dict[str, Any]] | None = None
    if stage_targets is not None:
        stages = []
        for st in stage_targets:
            if not isinstance(st, dict) or "year" not in st or "value" not in st:
                raise PlanDeskError(f"阶段目标“{st}”应有年份和数值。", field="stage_targets")
            stages.append(_stage(st["year"], st["value"], str(st.get("text", ""))))
    with db.write(cause="设置指标基期") as s:
        ind = s.get(Indicator, indicator_id)
        if ind is None:
            raise NotFound(f"找不到编号为 {indicator_id} 的指标。", field="indicator_id")
        ind.base_year, ind.base_value = base_year, value
        if stages is not None:
            ind.stage_targets = stages


# -- the report --------------------------------------------------------------------------------------------


def _overall(indicators: list[IndicatorEvaluation], tasks: TaskEvaluation, as_of: dt.date) -> list[str]:
    verdicts = Counter(e.verdict for e in indicators)
    outlooks = Counter(e.stage.outlook for e in indicators if e.stage)
    parts = [f"{v} {verdicts[v]} 项" for v in VERDICT_ORDER if verdicts[v]]
    other = len(indicators) - sum(verdicts[v] for v in VERDICT_ORDER)
    if other:
        parts.append(f"暂无数据或无法判断 {other} 项")
    out = [
        f"截至{as_of.year}年{as_of.month}月{as_of.day}日，纳入评估的 {len(indicators)} 项主要指标中，"
        + ("，".join(parts) if parts else "均无数据")
        + "。"
    ]
    if any(outlooks[o] for o in OUTLOOK_ORDER):
        out.append(
            "按已有数据的趋势推算，到目标年"
            + "，".join(f"{o} {outlooks[o]} 项" for o in OUTLOOK_ORDER if outlooks[o])
            + "。"
        )
    warned = [e.name for e in indicators if e.warning]
    if warned:
        out.append(f"约束性指标预警 {len(warned)} 项：{'、'.join(warned)}。")
    ov = tasks.overall
    out.append(
        f"重点任务 {ov.total} 项，已完成 {ov.done} 项（{number(ov.share(ov.done), 1)}%），序时推进 {ov.on_schedule} 项"
        f"（{number(ov.share(ov.on_schedule), 1)}%），滞后 {ov.behind} 项（{number(ov.share(ov.behind), 1)}%）"
        + (f"，暂缓 {ov.suspended} 项" if ov.suspended else "")
        + f"。{tasks.judgement}"
    )
    return out


def draft_problems(indicators: list[IndicatorEvaluation], tasks: TaskEvaluation) -> list[str]:
    """四 存在问题 as the data shows them; the office edits the text before printing."""
    out = []
    for e in indicators:
        if e.verdict in (BEHIND, MISSED):
            out.append(f"{e.name}{e.verdict}：{e.reason}。")
        elif e.stage and e.stage.outlook == WILL_MISS:
            out.append(
                f"{e.name}按现有趋势{WILL_MISS}：预计{e.stage.year}年 {number(e.stage.forecast)}，目标 {e.stage.target_text}。"
            )
    # By the count of lagging assignments, every unit tied with the third named (rulebook.most).
    units = rulebook.most((r.name, r.behind) for r in tasks.by_unit)
    if units:
        out.append("任务滞后较多的单位：" + "、".join(f"{name}（{n} 项）" for name, n in units) + "。")
    if not out:
        out.append("评估期内未发现滞后指标和滞后任务。")
    return out


def draft_suggestions(indicators: list[IndicatorEvaluation], tasks: TaskEvaluation) -> list[str]:
    """五 下一步建议: a starting text the office rewrites."""
    out = []
    lagging = [
        e.name
        for e in indicators
        if e.verdict in (BEHIND, MISSED) or (e.stage and e.stage.outlook == WILL_MISS)
    ]
    if lagging:
        out.append(f"对{'、'.join(lagging)}等指标，逐项分析原因，明确年度目标和措施，加大推进力度。")
    if tasks.behind:
        out.append(f"对滞后的 {len(tasks.behind)} 项任务，督促牵头单位制定赶进度计划，按月报送进展。")
    missing = [e.name for e in indicators if e.latest is None]
    if missing:
        out.append(f"尽快补报 {len(missing)} 项指标的监测数据，完善指标统计。")
    no_base = [e for e in indicators if e.missing_base_year is not None]
    if no_base:
        years = "、".join(
            f"{y}年" for y in sorted({e.missing_base_year for e in no_base if e.missing_base_year})
        )
        out.append(f"补录{'、'.join(e.name for e in no_base)}的{years}基期值（设置基期），以便判断完成进度。")
    out.append("做好下一阶段评估的数据积累，确保规划目标任务按期完成。")
    return out


def gather_evaluation(
    db: Database,
    *,
    plan_id: int,
    as_of: str | dt.date | None = None,
    kind: str = "midterm",
    problems: list[str] | None = None,
    suggestions: list[str] | None = None,
    office: str = "",
    issued_on: dt.date | None = None,
) -> EvaluationReportData:
    """The evaluation report's data; a mid-term report without a date is made at the plan's midpoint."""
    if kind not in REPORT_KINDS:
        raise PlanDeskError(f"评估类型应为 midterm（中期）或 annual（年度），而不是“{kind}”。", field="kind")
    with db.read() as s:
        plan = load_plan(s, plan_id)
        inds = plan_indicators(s, plan_id)
        start, end = period_of(s, plan, inds)
        title, office = plan.title, office or plan.issuer
        inputs = _inputs(s, inds, start)
    if as_of is not None:
        day = as_of_day(as_of)
    elif kind == "midterm":
        day = midpoint(start, end)
    else:
        day = min(clock.today(), dt.date(clock.today().year - 1, 12, 31))
    indicators = [evaluate_indicator(i, day) for i in inputs]
    tasks = evaluate_tasks(db, plan_id=plan_id, as_of=day, period=(start, end))
    log.debug(
        "evaluation of plan %s on %s: %d indicators, %d tasks",
        plan_id,
        day,
        len(indicators),
        tasks.overall.total,
    )
    return EvaluationReportData(
        plan_id,
        title,
        office,
        kind,
        day,
        issued_on or max(day, clock.today()),
        start,
        end,
        indicators,
        tasks,
        _overall(indicators, tasks, day),
        [p for p in problems if p.strip()] if problems else draft_problems(indicators, tasks),
        [p for p in suggestions if p.strip()] if suggestions else draft_suggestions(indicators, tasks),
    )


def render_report(
    data: EvaluationReportData,
    path: str | os.PathLike[str],
    *,
    progress: Callable[[int, str], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write the evaluation report as PDF or Word (.docx), chosen by the file name."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".pdf", ".docx"):
        raise PlanDeskError(f"评估报告只能保存为 .pdf 或 .docx：{target.name}", field="path")
    # The renderers load reportlab and python-docx: only a report pays for them.
    if suffix == ".docx":
        from ...reports.evaluation_docx import render_evaluation_docx

        return render_evaluation_docx(data, target)
    from ...reports.evaluation_pdf import render_evaluation_pdf

    return render_evaluation_pdf(data, target, progress=progress, is_cancelled=is_cancelled)


__all__ = [
    "EvaluationReportData",
    "IndicatorEvaluation",
    "chart_ranges",
    "detail_row",
    "indicator_row",
    "is_red",
    "nice_ticks",
    "number",
    "planned_path",
    "render_report",
    "share_row",
    "IndicatorBase",
    "IndicatorWarning",
    "draft_problems",
    "draft_suggestions",
    "evaluate_indicators",
    "evaluate_tasks",
    "gather_evaluation",
    "get_indicator_base",
    "indicator_warnings",
    "midpoint",
    "parse_stage_targets",
    "plan_period",
    "set_indicator_base",
    "year_of",
]
