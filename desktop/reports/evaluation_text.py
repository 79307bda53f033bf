"""The evaluation report's cell texts, shared by the PDF, the .docx and the window so they all read alike."""

from __future__ import annotations

from .evaluation_model import BEHIND, MISSED, IndicatorEvaluation, ShareRow, exact, number

ATTRIBUTES = {"binding": "约束性", "expected": "预期性"}
TASK_HEADS = ["任务数", "已完成", "序时推进", "滞后", "暂缓", "平均完成"]
METHOD_NOTE = (
    "测算方法：以基期值和录入值按年份作最小二乘直线拟合（年均增速类目标对数值拟合，即按不变增速推算），"
    "外推到目标年得到预计值；三个及以上数据点时给出 95% 预测区间（t 分布），两个数据点只作直线推算，"
    "一个数据点不判断趋势。结论以最新值完成从基期到目标的进度与序时进度（按基期年至目标年均匀推进，年均目标按不变增速）"
    "比较：相差 5 个百分点以内为基本符合，超过为快于预期，落后为滞后；已达到目标的为提前实现。"
    "累计、年均变化率目标按基期值折算为目标年的水平值；下降类、逆向指标以不高于目标为达到。"
    "基期为录入的基期值；未录入的取基期年（规划期开始的前一年）内的录入值（有 12 月 31 日的取该值，否则取该年最晚的），"
    "该年没有录入值的为基期缺失，不以其他日期的值代替。"
    "约束性指标预计值达不到目标的给予预警。"
)


def indicator_heads() -> list[str]:
    return ["序号", "指标", "单位", "属性", "基期", "目标", "最新", "预计", "结论"]


def base_text(e: IndicatorEvaluation) -> str:
    """The base as a cell prints it (one line): 2023年 10; 2023年 70*（2023-12-31） for a recorded value taken
    as the base, with its date; 缺2025年基期值 when no value of the base year was found."""
    if e.base_value is None or e.base_year is None:
        return f"缺{e.missing_base_year}年基期值" if e.missing_base_year is not None else "—"
    out = f"{e.base_year}年 {exact(e.base_value)}"
    if e.base_assumed:
        out += "*" + (f"（{e.base_measured_on.isoformat()}）" if e.base_measured_on else "")
    return out


def target_cell(e: IndicatorEvaluation) -> str:
    st = e.stage
    if st is None:
        return e.target_text or "—"
    out = f"{st.target_text}（{st.year}年）"
    if e.kind != "level" and st.target_level is not None:
        out += f"\n折合 {number(st.target_level)}"
    return out


def latest_text(e: IndicatorEvaluation) -> str:
    if e.latest is None:
        return "未录入"
    day = e.latest.measured_on.isoformat() if e.latest.measured_on else ""
    return f"{exact(e.latest.value)}\n（{day}）"


def forecast_text(e: IndicatorEvaluation) -> str:
    st = e.stage
    if st is None or st.forecast is None:
        return "—"
    out = f"{st.year}年 {number(st.forecast)}"
    if st.low is not None and st.high is not None:
        out += f"\n（{number(st.low)}～{number(st.high)}）"
    return out


def conclusion_text(e: IndicatorEvaluation) -> str:
    outlook = e.stage.outlook if e.stage else ""
    out = e.verdict + (f"\n{outlook}" if outlook and outlook != e.verdict else "")
    return out + ("\n预警" if e.warning else "")


def is_red(e: IndicatorEvaluation) -> bool:
    return e.warning or e.verdict in (BEHIND, MISSED)


def indicator_row(i: int, e: IndicatorEvaluation) -> list[str]:
    return [
        str(i),
        e.name,
        e.unit or "—",
        ATTRIBUTES.get(e.attribute or "", "—"),
        base_text(e),
        target_cell(e),
        latest_text(e),
        forecast_text(e),
        conclusion_text(e),
    ]


def _per_year(value: float | None, rate: bool) -> str:
    if value is None:
        return "—"
    sign = "+" if value > 0 else ""
    return f"{sign}{number(value)}{'%' if rate else ''}"


def detail_row(i: int, e: IndicatorEvaluation) -> list[str]:
    st = e.stage
    # The progress figures have their own columns; the reason is told only when there are none.
    reason = e.reason if e.progress_share is None and e.verdict not in ("提前实现", "已实现") else ""
    base_note = e.base_note if e.base_note not in reason else ""
    notes = [n for n in (base_note, reason, e.trend_note) if n]
    for other in e.other_stages:
        notes.append(f"{other.year}年目标 {other.target_text}：{other.outlook}")
    return [
        str(i),
        e.name,
        f"{number(e.progress_share, 1)}%" if e.progress_share is not None else "—",
        f"{number(e.expected_share, 1)}%" if e.expected_share is not None else "—",
        _per_year(st.needed_per_year if st else None, e.per_year_is_rate),
        _per_year(e.observed_per_year, e.per_year_is_rate),
        "；".join(notes),
    ]


def share_row(r: ShareRow) -> list[str]:
    def part(n: int) -> str:
        return f"{n}（{number(r.share(n), 1)}%）"

    return [
        r.name,
        str(r.total),
        part(r.done),
        part(r.on_schedule),
        part(r.behind),
        str(r.suspended),
        f"{number(r.mean_percent, 1)}%",
    ]


def point_rows(e: IndicatorEvaluation) -> list[list[str]]:
    """Every value the evaluation of an indicator used, with the row it comes from."""
    rows = []
    for p in e.points:
        if p.value_id is None:
            rows.append([e.name, f"{int(p.x)}年（基期）", exact(p.value), p.source or "基期", "—"])
        else:
            day = p.measured_on.isoformat() if p.measured_on else ""
            rows.append([e.name, day, exact(p.value), p.source, f"#{p.value_id}"])
    return rows
