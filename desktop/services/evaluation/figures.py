"""The arithmetic of indicator evaluation: target forms, the fitted trend, the forecast and the verdict.

Conventions (the report's 说明 repeats them):

- Time is counted in years; a value measured on 31 December Y stands at Y, one measured on 30 June Y at about
  Y - 0.5; the base year B and a target year T stand for their year ends.
- The base of year B is the one recorded for the indicator (设置基期); without one, a value measured in B itself
  (the 31 December one if there is one, else the latest of B), B being the year before the plan period begins.
  A value of another date never stands in for it: the report names the value it took and its date, or says
  that the base of B is missing.
- A level target (≥80, 达到50, 5以内, 100左右, 累计培育6000家 as a running total) is the level the values must reach.
  A rate target (累计下降13.5%, 年均增长7%) is turned into a level from the base value: base × (1 ± p) for 累计,
  base × (1 ± p)^(T − B) for 年均; the values are the levels of the quantity itself.
- Decrease-type (逆向) indicators — ≤ / 以内 / 以下 / 不超过 / 控制在, or a rate of 下降 / 降低 / 减少 — must come down
  to the target; 左右 accepts a value within 5 % of the change from base to target.
- The trend is ordinary least squares on (year, value) over the recorded values and the base; for a 年均 target on
  (year, ln value), i.e. a constant growth rate. With three or more points the forecast carries a 95 % prediction
  interval (Student's t, n − 2 degrees of freedom); two points give a line without an interval; one point gives
  no trend.
- The verdict compares the share of the way from base to target that the latest value has covered with the share
  due by then on the planned path (straight, or geometric for 年均): within ±5 points is 基本符合, more is 快于预期,
  less is 滞后; a value that already meets the target is 提前实现 (已实现 once the target year has ended).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from dataclasses import field as _field
from typing import Any

from ...reports.evaluation_model import (
    ACHIEVED,
    ACHIEVED_EARLY,
    AHEAD,
    BEHIND,
    MAY_REACH,
    MISSED,
    NO_DATA,
    NO_FORECAST,
    ON_TRACK,
    REACHED,
    UNKNOWN,
    WILL_MISS,
    WILL_REACH,
    IndicatorEvaluation,
    Point,
    StageOutcome,
    Trend,
    number,
)
from ..core.validation import is_sane_number

SCHEDULE_BAND = 5.0  # percentage points either side of the planned share that count as 基本符合
APPROX_BAND = 0.05  # 左右: within 5 % of the change from base to target

_DOWN_WORDS = re.compile(r"以内|以下|不超过|不高于|控制在|逆向")
_RATE_VERB = re.compile(r"(增长|增加|下降|降低|减少)(?![到至])")
_DECREASE_VERB = re.compile(r"下降|降低|减少")
_STAGE = re.compile(r"(\d{4})\s*年\s*[:：]?\s*(≥|≤|>|<|=)?\s*(\d+(?:\.\d+)?)")
# Student's t, two-sided 95 %, by degrees of freedom.
_T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145]
_T975 += [2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048]
_T975 += [2.045, 2.042]


@dataclass(frozen=True)
class TargetForm:
    kind: str  # level | total_rate | annual_rate
    direction: str  # up | down
    approx: bool


@dataclass
class IndicatorInput:
    """What the evaluation reads of one indicator: its row and its values, as plain data."""

    indicator_id: int
    name: str
    target_text: str
    operator: str
    target_value: float | None
    target_year: int | None
    field: str = ""
    unit: str = ""
    attribute: str | None = None
    base_year: int | None = None
    base_value: float | None = None
    stage_targets: list[dict[str, Any]] = _field(default_factory=list)
    values: list[tuple[int, dt.date, float, str]] = _field(
        default_factory=list
    )  # (row id, date, value, source)
    plan_base_year: int | None = None  # the year before the plan period: the base year when none is recorded


def t_quantile(df: int) -> float:
    """The 97.5 % quantile of Student's t (a two-sided 95 % interval)."""
    if df < 1:
        raise ValueError("degrees of freedom must be positive")
    if df <= len(_T975):
        return _T975[df - 1]
    return 2.0 if df <= 60 else 1.98 if df <= 120 else 1.96


def target_form(name: str, target_text: str, operator: str, unit: str = "") -> TargetForm:
    """How a target is written: a level or a rate (累计 / 年均), rising or falling, exact or 左右."""
    text = f"{name}{target_text}"
    percent = unit in ("%", "％") or target_text.rstrip().endswith(("%", "％")) or "%" in name or "％" in name
    verb = _RATE_VERB.search(text)
    kind = "level"
    if verb and percent:
        kind = "annual_rate" if "年均" in text else "total_rate"
    if kind != "level":
        direction = "down" if _DECREASE_VERB.search(verb.group(1) if verb else "") else "up"
    else:
        down = operator in ("≤", "<") or bool(_DOWN_WORDS.search(target_text)) or "逆向" in name
        direction = "down" if down else "up"
    return TargetForm(kind, direction, "左右" in target_text)


def year_of(day: dt.date) -> float:
    """The year a value stands for: 31 December Y is Y, 1 January Y is just after Y - 1."""
    length = 366 if day.year % 4 == 0 and (day.year % 100 != 0 or day.year % 400 == 0) else 365
    return day.year - 1 + day.timetuple().tm_yday / length


def fit(points: list[tuple[float, float]], *, logarithmic: bool = False) -> Trend | None:
    """Least squares line through (x, y), or through (x, ln y); None when no line can be drawn."""
    if logarithmic:
        if any(y <= 0 for _, y in points):
            return None
        points = [(x, math.log(y)) for x, y in points]
    n = len(points)
    if n < 2:
        return None
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    if sxx <= 1e-12:
        return None
    slope = sum((x - mx) * (y - my) for x, y in points) / sxx
    intercept = my - slope * mx
    sd = None
    if n >= 3:
        rss = sum((y - intercept - slope * x) ** 2 for x, y in points)
        sd = math.sqrt(rss / (n - 2))
    return Trend(n, slope, intercept, logarithmic, sd)


def predict(
    trend: Trend, points: list[tuple[float, float]], x0: float
) -> tuple[float, float | None, float | None]:
    """Forecast at x0 with its 95 % prediction interval (None without residual degrees of freedom)."""
    y0 = trend.intercept + trend.slope * x0
    low = high = None
    if trend.residual_sd is not None:
        xs = [x for x, _ in points]
        mx = sum(xs) / len(xs)
        sxx = sum((x - mx) ** 2 for x in xs)
        half = (
            t_quantile(trend.points - 2)
            * trend.residual_sd
            * math.sqrt(1 + 1 / trend.points + (x0 - mx) ** 2 / sxx)
        )
        low, high = y0 - half, y0 + half
    if trend.logarithmic:
        y0 = math.exp(y0)
        low = math.exp(low) if low is not None else None
        high = math.exp(high) if high is not None else None
    return y0, low, high


def target_level(
    form: TargetForm, value: float | None, year: int, base_year: int | None, base: float | None
) -> float | None:
    """The level the values must reach by ``year``; a rate needs the base value."""
    if value is None:
        return None
    if form.kind == "level":
        return value
    if base is None or base_year is None:
        return None
    sign = -1.0 if form.direction == "down" else 1.0
    if form.kind == "total_rate":
        return base * (1 + sign * value / 100)
    return base * (1 + sign * value / 100) ** (year - base_year)


def meets(form: TargetForm, value: float, level: float, base: float | None) -> bool:
    """Whether a value meets the target level (左右 within its band)."""
    slack = 0.0
    if form.approx:
        slack = (
            APPROX_BAND * abs(level - base)
            if base is not None and base != level
            else APPROX_BAND * abs(level)
        )
    if form.direction == "down":
        return value <= level + slack + 1e-9
    return value >= level - slack - 1e-9


def _stages(ind: IndicatorInput) -> list[tuple[int, float, str]]:
    """(year, value, text) of every target year: those written in the target (2025年≥80；2030年≥90), the
    indicator's own target year, and the further stages recorded for it; by year."""
    found: dict[int, tuple[float, str]] = {}
    for m in _STAGE.finditer(ind.target_text):
        value = float(m.group(3))
        if is_sane_number(value):  # 2030年达到 followed by 400 digits is no target
            found.setdefault(int(m.group(1)), (value, f"{m.group(2) or ''}{m.group(3)}"))
    if ind.target_year is not None and is_sane_number(ind.target_value):
        assert ind.target_value is not None
        found.setdefault(ind.target_year, (ind.target_value, ind.target_text))
    for st in ind.stage_targets:
        try:
            value = float(st["value"])
            if is_sane_number(value):
                found.setdefault(int(st["year"]), (value, str(st.get("text") or st["value"])))
        except (KeyError, TypeError, ValueError, OverflowError):
            continue
    return [(y, v, t) for y, (v, t) in sorted(found.items())]


def plan_base_year(period_start: dt.date) -> int:
    """The base year of a plan whose period begins on ``period_start``: the year before (a 2026–2030 plan is
    measured from 2025)."""
    return period_start.year - 1


# RULEBOOK: the base (基期) of year Y is a value of year Y — the one recorded as the base, or a value measured
# in Y (on 31 December of Y when there is one, else the latest in Y). A value of any other date is never taken
# as the base silently: the evaluation prints which value it took and when it was measured, or that the base
# of Y is missing. (rulebook.py has no rule for indicator bases; this is the evaluation's own until it does.)
def is_base_of(measured_on: dt.date | None, year: int) -> bool:
    """Whether a value measured on ``measured_on`` can be the base of ``year``."""
    return measured_on is not None and measured_on.year == year


@dataclass(frozen=True)
class _Base:
    year: int | None = None
    value: float | None = None
    taken: Point | None = None  # the recorded value taken as the base when none was recorded
    missing: int | None = None  # the base year wanted when no value of it was found


def _points(ind: IndicatorInput, as_of: dt.date, assume_base: bool) -> tuple[list[Point], _Base]:
    """The values up to as_of, with the recorded base put in front; the base year and value.

    A recorded base is a point of its own unless a value was measured on 31 December of its year (the same
    year-end figure). Without one, a level target is measured from a value of the plan's base year; a rate
    target is measured from the plan's own base, so it is never taken from the values; nor is one value its
    own base.
    """
    values = sorted((v for v in ind.values if v[1] <= as_of), key=lambda v: (v[1], v[0]))
    points = [Point(year_of(d), val, d, vid, src) for vid, d, val, src in values]
    base_year, base = ind.base_year, ind.base_value
    if base is not None and base_year is not None:
        if not any(p.measured_on == dt.date(base_year, 12, 31) for p in points):
            points.insert(0, Point(float(base_year), base, None, None, "基期"))
        return points, _Base(base_year, base)
    wanted = ind.plan_base_year
    if len(points) < 2 or not assume_base or wanted is None:
        return points, _Base()
    of_year = [p for p in points if is_base_of(p.measured_on, wanted)]
    if not of_year:
        return points, _Base(missing=wanted)
    taken = of_year[-1]  # the latest of the year: its 31 December value when there is one
    return points, _Base(wanted, taken.value, taken)


def _outlook(
    form: TargetForm, stage: StageOutcome, base: float | None, trend: Trend | None, latest: Point | None
) -> str:
    level = stage.target_level
    if level is None or stage.forecast is None:
        reached = latest is not None and level is not None and meets(form, latest.value, level, base)
        return REACHED if reached else NO_FORECAST
    if not meets(form, stage.forecast, level, base):
        return WILL_MISS
    worse = stage.high if form.direction == "down" else stage.low
    if worse is not None and not meets(form, worse, level, base):
        return MAY_REACH
    return WILL_REACH


def _stage(
    form: TargetForm,
    ind: IndicatorInput,
    year: int,
    value: float,
    text: str,
    base_year: int | None,
    base: float | None,
    trend: Trend | None,
    pts: list[tuple[float, float]],
    latest: Point | None,
) -> StageOutcome:
    level = target_level(form, value, year, base_year, base)
    stage = StageOutcome(year, text, level)
    if trend is not None and latest is not None and latest.x < year:
        y0, low, high = predict(trend, pts, float(year))
        if _percent_share(form, ind, stage):
            y0 = _clamp(y0)
            low, high = (_clamp(v) if v is not None else None for v in (low, high))
        stage.forecast, stage.low, stage.high = y0, low, high
    if (
        level is not None
        and latest is not None
        and latest.x < year
        and not meets(form, latest.value, level, base)
    ):
        left = year - latest.x
        if form.kind == "annual_rate" and latest.value > 0 and level > 0:
            stage.needed_per_year = 100 * ((level / latest.value) ** (1 / left) - 1)
        else:
            stage.needed_per_year = (level - latest.value) / left
    stage.outlook = _outlook(form, stage, base, trend, latest)
    return stage


def _percent_share(form: TargetForm, ind: IndicatorInput, stage: StageOutcome) -> bool:
    """A share in percent (覆盖率 ≥80%) cannot leave 0–100; rates of change can."""
    return form.kind == "level" and ind.unit in ("%", "％") and (stage.target_level or 0) <= 100


def _path(
    trend: Trend, pts: list[tuple[float, float]], x0: float, x1: float, clamp: bool, steps: int = 12
) -> list[tuple[float, float, float | None, float | None]]:
    out = []
    for i in range(steps + 1):
        x = x0 + (x1 - x0) * i / steps
        y, low, high = predict(trend, pts, x)
        if clamp:
            y, low, high = (
                _clamp(y),
                _clamp(low) if low is not None else None,
                _clamp(high) if high is not None else None,
            )
        out.append((x, y, low, high))
    return out


def _clamp(v: float) -> float:
    return max(0.0, min(100.0, v))


def evaluate_indicator(ind: IndicatorInput, as_of: dt.date) -> IndicatorEvaluation:
    """The verdict and forecast of one indicator on ``as_of`` (see the module's conventions)."""
    form = target_form(ind.name, ind.target_text, ind.operator, ind.unit)
    points, found = _points(ind, as_of, form.kind == "level")
    base_year, base = found.year, found.value
    recorded = [p for p in points if p.value_id is not None]
    latest = recorded[-1] if recorded else None
    ev = IndicatorEvaluation(
        ind.indicator_id,
        ind.field,
        ind.name,
        ind.unit,
        ind.attribute,
        ind.target_text,
        form.kind,
        form.direction,
        form.approx,
        base_year,
        base,
        found.taken is not None,
        points,
        latest,
    )
    if found.taken is not None and found.taken.measured_on is not None:
        ev.base_measured_on = found.taken.measured_on
        ev.base_note = (
            f"未录入基期，以{found.taken.measured_on.isoformat()}的录入值 {number(found.taken.value)}"
            f" 作{base_year}年基期"
        )
    elif found.missing is not None:
        first = recorded[0] if recorded else None
        ev.missing_base_year = found.missing
        ev.base_note = f"缺少{found.missing}年基期值（该年无录入值" + (
            f"；最早的录入值为{first.measured_on.isoformat()}的 {number(first.value)}，不作基期）"
            if first is not None and first.measured_on is not None
            else "）"
        )
    pts = [(p.x, p.value) for p in points]
    trend = fit(pts, logarithmic=form.kind == "annual_rate")
    ev.trend = trend
    ev.per_year_is_rate = form.kind == "annual_rate"
    if trend is None:
        ev.trend_note = (
            "只有一个数据值，无法判断趋势"
            if len(points) == 1
            else "暂无数据"
            if not points
            else "数据不足以拟合趋势"
        )
    else:
        ev.observed_per_year = 100 * (math.exp(trend.slope) - 1) if trend.logarithmic else trend.slope
        if trend.residual_sd is None:
            ev.trend_note = "仅两个数据点，趋势线无预测区间"
    stages = [_stage(form, ind, y, v, t, base_year, base, trend, pts, latest) for y, v, t in _stages(ind)]
    if not stages:
        ev.verdict, ev.reason = UNKNOWN, "目标值不是数字，无法评价"
        return ev
    now = year_of(as_of)
    current = next((s for s in stages if s.year > now - 1e-9), stages[-1])
    ev.stage = current
    ev.other_stages = [s for s in stages if s is not current]
    _verdict(ev, form, current, now)
    if trend is not None and latest is not None and latest.x < current.year:
        ev.path = _path(trend, pts, latest.x, float(current.year), _percent_share(form, ind, current))
    ev.warning = ind.attribute == "binding" and (current.outlook == WILL_MISS or ev.verdict == MISSED)
    return ev


def _verdict(ev: IndicatorEvaluation, form: TargetForm, stage: StageOutcome, now: float) -> None:
    latest, level, base = ev.latest, stage.target_level, ev.base_value
    if latest is None:
        ev.verdict, ev.reason = NO_DATA, "尚未录入监测值"
        return
    if level is None:
        ev.verdict, ev.reason = UNKNOWN, "变化率目标需要基期值，请录入基期年份和基期值"
        return
    ended = now >= stage.year - 1e-9
    if meets(form, latest.value, level, base):
        ev.verdict = ACHIEVED if ended else ACHIEVED_EARLY
        ev.reason = f"最新值 {number(latest.value)} 已达到目标 {number(level)}"
        ev.progress_share = 100.0
        return
    if ended:
        ev.verdict, ev.reason = (
            MISSED,
            f"目标年已过，最新值 {number(latest.value)} 未达到目标 {number(level)}",
        )
        return
    if ev.missing_base_year is not None:
        ev.verdict, ev.reason = UNKNOWN, f"{ev.base_note}，无法判断完成进度，请设置基期"
        return
    if base is None or ev.base_year is None or len(ev.points) < 2:
        ev.verdict, ev.reason = UNKNOWN, "只有一个数据值且无基期值，无法判断进度"
        return
    if level == base:
        ev.verdict, ev.reason = UNKNOWN, f"基期值 {number(base)} 与目标值相同，无法计算完成进度"
        return
    span = stage.year - ev.base_year
    elapsed = max(0.0, min(1.0, (latest.x - ev.base_year) / span)) if span > 0 else 1.0
    if form.kind == "annual_rate" and base > 0 and level > 0:
        planned = base * (level / base) ** elapsed
    else:
        planned = base + (level - base) * elapsed
    ev.progress_share = round(100 * (latest.value - base) / (level - base), 1)
    ev.expected_share = round(100 * (planned - base) / (level - base), 1)
    gap = ev.progress_share - ev.expected_share
    if gap > SCHEDULE_BAND:
        ev.verdict = AHEAD
    elif gap >= -SCHEDULE_BAND:
        ev.verdict = ON_TRACK
    else:
        ev.verdict = BEHIND
    ev.reason = f"完成目标进度 {number(ev.progress_share, 1)}%，序时进度 {number(ev.expected_share, 1)}%"
