"""Plain data behind the evaluation report (评估报告): indicator verdicts and forecasts, task shares."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from dataclasses import field as _field

# Verdicts on the progress so far, in the words evaluation reports use.
ACHIEVED_EARLY = "提前实现"
ACHIEVED = "已实现"
AHEAD = "快于预期"
ON_TRACK = "基本符合"
BEHIND = "滞后"
MISSED = "未实现"
UNKNOWN = "无法判断"
NO_DATA = "暂无数据"
# Outlooks for the target year.
WILL_REACH = "预计可实现"
MAY_REACH = "有望实现"
WILL_MISS = "预计难以实现"
NO_FORECAST = "无法预测"
REACHED = "已达到目标"

KIND_NAMES = {"level": "水平值", "total_rate": "累计变化率", "annual_rate": "年均变化率"}
REPORT_KINDS = {"midterm": "中期评估", "annual": "年度评估"}


@dataclass
class Point:
    """One value the evaluation used: a recorded value (with its row id) or the base (value_id None)."""

    x: float  # the year it stands for; a value of 31 December Y is Y, of 30 June Y about Y - 0.5
    value: float
    measured_on: dt.date | None
    value_id: int | None
    source: str = ""


@dataclass
class Trend:
    """Least squares on (x, value), or on (x, ln value) for annual-rate targets."""

    points: int
    slope: float
    intercept: float
    logarithmic: bool
    residual_sd: float | None  # None with two points: the line passes through both, no interval


@dataclass
class StageOutcome:
    """The evaluation against one target year."""

    year: int
    target_text: str
    target_level: float | None  # the level the values must reach (a rate target turned into a level)
    forecast: float | None = None
    low: float | None = None
    high: float | None = None
    outlook: str = NO_FORECAST
    needed_per_year: float | None = None  # change per year still needed from the latest value


@dataclass
class IndicatorEvaluation:
    indicator_id: int
    field: str
    name: str
    unit: str
    attribute: str | None  # binding | expected
    target_text: str
    kind: str  # level | total_rate | annual_rate
    direction: str  # up | down (逆向指标, 下降)
    approx: bool  # 左右
    base_year: int | None
    base_value: float | None
    base_assumed: bool  # no base recorded: a value measured in the base year stands in (base_measured_on)
    points: list[Point] = _field(default_factory=list)
    latest: Point | None = None
    stage: StageOutcome | None = None  # the target year the verdict is about
    other_stages: list[StageOutcome] = _field(default_factory=list)
    progress_share: float | None = None  # percent of the way from base to target covered by the latest value
    expected_share: float | None = None  # percent due by the latest value's time on the planned path
    verdict: str = NO_DATA
    reason: str = ""
    trend: Trend | None = None
    trend_note: str = ""
    observed_per_year: float | None = None  # the trend's change per year (percent per year when rate)
    per_year_is_rate: bool = False
    warning: bool = False  # binding, and the forecast misses the target
    # The fitted line from the latest value to the target year: (x, forecast, low, high), for the charts.
    path: list[tuple[float, float, float | None, float | None]] = _field(default_factory=list)
    base_measured_on: dt.date | None = None  # the date of the value taken as the base (base_assumed)
    missing_base_year: int | None = None  # no base recorded and no value of this base year: no base taken
    base_note: str = ""  # where the base came from, or which year's base is missing, in words


@dataclass
class ShareRow:
    """Tasks (or assignments, by unit) split into 已完成 / 序时推进 / 滞后 at a date."""

    name: str
    total: int = 0
    done: int = 0
    on_schedule: int = 0
    behind: int = 0
    suspended: int = 0
    percent_sum: float = 0.0

    @property
    def mean_percent(self) -> float:
        counted = self.total - self.suspended
        return round(self.percent_sum / counted, 1) if counted else 0.0

    def share(self, count: int) -> float:
        return round(100.0 * count / self.total, 1) if self.total else 0.0


@dataclass
class BehindTask:
    node_id: int
    label: str
    title: str
    units: str
    reason: str


@dataclass
class TaskEvaluation:
    as_of: dt.date
    time_share: float  # percent of the plan period elapsed
    overall: ShareRow
    by_chapter: list[ShareRow] = _field(default_factory=list)
    by_unit: list[ShareRow] = _field(default_factory=list)
    behind: list[BehindTask] = _field(default_factory=list)
    judgement: str = ""


@dataclass
class EvaluationReportData:
    plan_id: int
    plan_title: str
    office: str
    kind: str  # midterm | annual
    as_of: dt.date
    issued_on: dt.date
    period_start: dt.date
    period_end: dt.date
    indicators: list[IndicatorEvaluation]
    tasks: TaskEvaluation
    overall: list[str] = _field(default_factory=list)  # 一 总体评价, paragraph by paragraph
    problems: list[str] = _field(default_factory=list)  # 四 存在问题
    suggestions: list[str] = _field(default_factory=list)  # 五 下一步建议

    @property
    def title(self) -> str:
        if self.kind == "midterm":
            return f"{self.plan_title}中期评估报告"
        return f"{self.plan_title}{self.as_of.year}年度评估报告"


def number(value: float | None, digits: int | None = None) -> str:
    """A computed figure as reports print it: 2 decimals (4 below 1), no trailing zeros, empty when unknown."""
    if value is None:
        return ""
    if digits is None:
        digits = 2 if abs(value) >= 1 else 4
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
    return "0" if text in ("-0", "") else text


def exact(value: float | None) -> str:
    """A recorded value as it was entered (up to ten significant digits)."""
    return "" if value is None else f"{value:.10g}"


def chart_ranges(ev: IndicatorEvaluation) -> tuple[float, float, float, float]:
    """The (x0, x1, y0, y1) window of an indicator's chart: values, targets and the forecast band."""
    xs = [p.x for p in ev.points]
    ys = [p.value for p in ev.points]
    stages = [ev.stage] if ev.stage else []
    for st in stages:
        xs.append(float(st.year))
        if st.target_level is not None:
            ys.append(st.target_level)
    for _x, y, low, high in ev.path:
        ys += [v for v in (y, low, high) if v is not None]
    if not xs:
        return 0.0, 1.0, 0.0, 1.0
    x0, x1 = float(math.floor(min(xs))), float(math.ceil(max(xs)))
    if x1 - x0 < 2:
        x0, x1 = x1 - 2, x1
    if not ys:
        return x0, x1, 0.0, 1.0
    y0, y1 = min(ys), max(ys)
    if y1 - y0 < 1e-9:
        y0, y1 = y0 - max(1.0, abs(y0) * 0.1), y1 + max(1.0, abs(y1) * 0.1)
    pad = (y1 - y0) * 0.08
    y0, y1 = y0 - pad, y1 + pad
    if 0 <= y0 < (y1 - y0) * 0.5 and min(ys) >= 0:
        y0 = 0.0
    return x0, x1, y0, y1


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round tick values between low and high (1, 2 or 5 times a power of ten apart)."""
    span = high - low
    if span <= 0:
        return [low]
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(low / step) * step
    out = []
    v = first
    while v <= high + step * 1e-9:
        out.append(round(v, 10))
        v += step
    return out


def planned_path(ev: IndicatorEvaluation, steps: int = 12) -> list[tuple[float, float]]:
    """The path from base to target the verdict measures against (geometric for 年均 targets)."""
    st = ev.stage
    if st is None or st.target_level is None or ev.base_value is None or ev.base_year is None:
        return []
    b, level, x0, x1 = ev.base_value, st.target_level, float(ev.base_year), float(st.year)
    if x1 <= x0:
        return []
    out = []
    for i in range(steps + 1):
        f = i / steps
        if ev.kind == "annual_rate" and b > 0 and level > 0:
            y = b * (level / b) ** f
        else:
            y = b + (level - b) * f
        out.append((x0 + (x1 - x0) * f, y))
    return out
