"""Verdicts and forecasts of indicators, checked against figures worked out by hand."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from desktop.reports.evaluation_model import (
    ACHIEVED,
    ACHIEVED_EARLY,
    AHEAD,
    BEHIND,
    MAY_REACH,
    NO_DATA,
    NO_FORECAST,
    ON_TRACK,
    REACHED,
    UNKNOWN,
    WILL_MISS,
    WILL_REACH,
)
from desktop.services.evaluation.figures import IndicatorInput, evaluate_indicator, target_form, year_of


def yearly(*pairs: tuple[int, float]) -> list[tuple[int, dt.date, float, str]]:
    return [(i + 1, dt.date(y, 12, 31), v, "统计公报") for i, (y, v) in enumerate(pairs)]


def ind(name: str, target: str, value: float, year: int = 2025, **kw: object) -> IndicatorInput:
    op = target[0] if target[:1] in "≥≤" else ""
    return IndicatorInput(1, name, target, op, value, year, **kw)  # type: ignore[arg-type]


AS_OF = dt.date(2024, 1, 15)


@pytest.mark.parametrize(
    ("name", "target", "unit", "expected"),
    [
        ("强检项目覆盖率（%）", "≥80", "%", ("level", "up", False)),
        ("PM2.5平均浓度", "≤35", "微克/立方米", ("level", "down", False)),
        ("万元GDP用水量", "40以内", "立方米", ("level", "down", False)),
        ("研发投入强度", "3以上", "%", ("level", "up", False)),
        ("累计培育诚信计量单位（家）", "6000", "家", ("level", "up", False)),
        ("单位地区生产总值能耗下降（%）", "13.5[累计]", "%", ("total_rate", "down", False)),
        ("地区生产总值年均增长（%）", "6左右", "%", ("annual_rate", "up", True)),
        ("覆盖率提高到", "90%", "%", ("level", "up", False)),
    ],
)
def test_target_forms(name: str, target: str, unit: str, expected: tuple[str, str, bool]) -> None:
    op = target[0] if target[:1] in "≥≤" else ""
    form = target_form(name, target, op, unit)
    assert (form.kind, form.direction, form.approx) == expected


def test_year_end_values_stand_at_their_year() -> None:
    assert year_of(dt.date(2023, 12, 31)) == 2023.0
    assert year_of(dt.date(2024, 7, 1)) == pytest.approx(2023 + 183 / 366)


def test_running_total_on_schedule_but_forecast_short_warns_when_binding() -> None:
    # 累计: base 1000 (2020), then 2000, 3100, 3900; target 6000 in 2025.
    # Least squares: x̄ 2021.5, ȳ 2500, Sxy 4900, Sxx 5 → slope 980; at 2025: 2500 + 980·3.5 = 5930.
    # Residuals −30, −10, 110, −70 → RSS 18000, s = √9000; half width 4.303·s·√(1 + 1/4 + 3.5²/5).
    ev = evaluate_indicator(
        ind(
            "累计培育诚信计量单位（家）",
            "6000",
            6000,
            unit="家",
            attribute="binding",
            base_year=2020,
            base_value=1000,
            values=yearly((2021, 2000), (2022, 3100), (2023, 3900)),
        ),
        AS_OF,
    )
    assert ev.trend is not None and ev.trend.slope == pytest.approx(980)
    assert ev.observed_per_year == pytest.approx(980)
    half = 4.303 * math.sqrt(9000) * math.sqrt(3.7)
    st = ev.stage
    assert st is not None and st.year == 2025
    assert st.forecast == pytest.approx(5930)
    assert st.low == pytest.approx(5930 - half) and st.high == pytest.approx(5930 + half)
    assert st.needed_per_year == pytest.approx(1050)  # (6000 − 3900) / 2 years
    assert ev.progress_share == 58.0 and ev.expected_share == 60.0
    assert ev.verdict == ON_TRACK
    assert st.outlook == WILL_MISS and ev.warning


def test_annual_growth_rate_uses_a_geometric_path() -> None:
    # 年均增长 7% from 100 in 2020: the 2025 level is 100·1.07⁵ = 140.255; values grow 10 % a year.
    ev = evaluate_indicator(
        ind(
            "研发经费投入年均增长（%）",
            "7",
            7,
            unit="%",
            base_year=2020,
            base_value=100,
            values=yearly((2021, 110), (2022, 121), (2023, 133.1)),
        ),
        AS_OF,
    )
    assert ev.kind == "annual_rate" and ev.per_year_is_rate
    st = ev.stage
    assert st is not None and st.target_level == pytest.approx(140.255173)
    assert ev.observed_per_year == pytest.approx(10.0)
    assert st.forecast == pytest.approx(161.051)  # 133.1 · 1.1²
    assert st.needed_per_year == pytest.approx(100 * (math.sqrt(140.255173 / 133.1) - 1))  # 2.65 % a year
    # Planned level at 2023 is 100·1.07³ = 122.504: share 22.504/40.255 = 55.9 %; covered 33.1/40.255 = 82.2 %.
    assert ev.expected_share == 55.9 and ev.progress_share == 82.2
    assert ev.verdict == AHEAD and st.outlook == WILL_REACH
    assert not ev.warning


def test_annual_decrease_rate() -> None:
    # 年均下降 3 % from 100 in 2020: the 2025 level is 100·0.97⁵ = 85.873; values fall 4 % a year.
    ev = evaluate_indicator(
        ind(
            "万元地区生产总值用水量年均下降（%）",
            "3",
            3,
            unit="%",
            attribute="binding",
            base_year=2020,
            base_value=100,
            values=yearly((2021, 96), (2022, 92.16), (2023, 88.4736)),
        ),
        AS_OF,
    )
    st = ev.stage
    assert (ev.kind, ev.direction) == ("annual_rate", "down")
    assert st is not None and st.target_level == pytest.approx(100 * 0.97**5)
    assert ev.observed_per_year == pytest.approx(-4.0)
    assert st.forecast == pytest.approx(100 * 0.96**5)  # 81.537, below the 85.873 allowed
    assert st.needed_per_year == pytest.approx(100 * ((0.97**5 / 0.884736) ** 0.5 - 1))  # −1.48 % a year
    # Planned level at 2023 is 100·0.97³ = 91.267: 8.733 of the 14.127 to shed (61.8 %); shed 11.526 (81.6 %).
    assert ev.expected_share == 61.8 and ev.progress_share == 81.6
    assert ev.verdict == AHEAD and st.outlook == WILL_REACH and not ev.warning


def test_cumulative_decrease_lags() -> None:
    # 能耗下降 13.5 % (累计) from 0.50 in 2020: the 2025 level is 0.4325; values fall 0.01 a year.
    ev = evaluate_indicator(
        ind(
            "单位地区生产总值能耗下降（%）",
            "13.5",
            13.5,
            unit="%",
            attribute="binding",
            base_year=2020,
            base_value=0.50,
            values=yearly((2021, 0.49), (2022, 0.48), (2023, 0.47)),
        ),
        AS_OF,
    )
    st = ev.stage
    assert ev.direction == "down" and st is not None and st.target_level == pytest.approx(0.4325)
    assert ev.progress_share == 44.4 and ev.expected_share == 60.0  # 0.03 / 0.0675 of the way
    assert ev.verdict == BEHIND
    assert st.forecast == pytest.approx(0.45) and st.outlook == WILL_MISS and ev.warning
    assert st.needed_per_year == pytest.approx(-0.01875)


def test_reverse_indicator_with_a_missing_year() -> None:
    # ≤35 from 45 in 2020; 2021 was not reported: points (2020, 45), (2022, 40), (2023, 38).
    # x̄ 2021⅔, ȳ 41, Sxy −11, Sxx 14/3 → slope −33/14; at 2025: 41 − (33/14)(10/3) = 33.1429.
    ev = evaluate_indicator(
        ind(
            "PM2.5平均浓度",
            "≤35",
            35,
            unit="微克/立方米",
            attribute="binding",
            base_year=2020,
            base_value=45,
            values=yearly((2022, 40), (2023, 38)),
        ),
        AS_OF,
    )
    assert [p.x for p in ev.points] == [2020, 2022, 2023]
    assert ev.trend is not None and ev.trend.slope == pytest.approx(-33 / 14)
    st = ev.stage
    assert st is not None and st.forecast == pytest.approx(41 - 110 / 14)
    rss = sum(r * r for r in (1 / 14, -3 / 14, 2 / 14))
    half = 12.706 * math.sqrt(rss) * math.sqrt(1 + 1 / 3 + (10 / 3) ** 2 / (14 / 3))
    assert st.high == pytest.approx(41 - 110 / 14 + half)
    # The point forecast meets ≤35 but the interval's upper end does not: 有望实现, no warning.
    assert st.outlook == MAY_REACH and not ev.warning
    assert ev.progress_share == 70.0 and ev.expected_share == 60.0 and ev.verdict == AHEAD


def test_single_value_gives_no_trend() -> None:
    reached = evaluate_indicator(
        ind("计量大数据应用中心（个）", "1", 1, unit="个", values=yearly((2024, 1))), dt.date(2025, 2, 28)
    )
    assert reached.trend is None and reached.trend_note == "只有一个数据值，无法判断趋势"
    assert reached.verdict == ACHIEVED_EARLY
    assert reached.stage is not None and reached.stage.forecast is None and reached.stage.outlook == REACHED

    short = evaluate_indicator(
        ind("国家产业计量测试中心（个）", "3", 3, unit="个", attribute="binding", values=yearly((2024, 1))),
        dt.date(2025, 2, 28),
    )
    assert short.verdict == UNKNOWN and "只有一个数据值" in short.reason
    assert short.stage is not None and short.stage.outlook == NO_FORECAST and not short.warning


def test_two_points_give_a_line_without_an_interval() -> None:
    ev = evaluate_indicator(
        ind("标准物质数量（项）", "100", 100, base_year=2023, base_value=40, values=yearly((2024, 70))),
        dt.date(2025, 2, 28),
    )
    st = ev.stage
    assert ev.trend is not None and ev.trend.residual_sd is None and "无预测区间" in ev.trend_note
    assert st is not None and st.forecast == pytest.approx(100) and st.low is None
    assert st.outlook == WILL_REACH
    assert ev.progress_share == 50.0 and ev.expected_share == 50.0 and ev.verdict == ON_TRACK


def test_approximate_target_and_missing_data() -> None:
    # 80左右 from 70: within 5 % of the 10-point change (0.5) counts as reached.
    near = evaluate_indicator(
        ind(
            "常住人口城镇化率（%）", "80左右", 80, base_year=2020, base_value=70, values=yearly((2023, 79.6))
        ),
        AS_OF,
    )
    assert near.approx and near.verdict == ACHIEVED_EARLY
    empty = evaluate_indicator(ind("型式评价能力（项）", "5", 5), AS_OF)
    assert empty.verdict == NO_DATA and empty.latest is None


def test_rate_target_needs_a_base() -> None:
    ev = evaluate_indicator(
        ind("单位GDP二氧化碳排放下降（%）", "18", 18, unit="%", values=yearly((2022, 0.9), (2023, 0.88))),
        AS_OF,
    )
    assert ev.verdict == UNKNOWN and "基期值" in ev.reason


def test_several_target_years_judge_the_next_one() -> None:
    # Values recorded up to the day are used; the verdict is about the first target year not yet ended.
    def at(day: dt.date):  # type: ignore[no-untyped-def]
        return evaluate_indicator(
            ind(
                "覆盖率（%）",
                "2025年≥80；2030年≥90",
                90,
                2030,
                unit="%",
                base_year=2020,
                base_value=60,
                values=yearly((2021, 66), (2022, 70), (2023, 74), (2024, 78), (2025, 81)),
            ),
            day,
        )

    early = at(dt.date(2024, 6, 30))
    assert early.stage is not None and early.stage.year == 2025 and early.stage.target_level == 80
    assert early.stage.target_text == "≥80"
    assert [(s.year, s.target_text) for s in early.other_stages] == [(2030, "≥90")]
    assert early.latest is not None and early.latest.value == 74  # the 2024 value is not yet recorded
    late = at(dt.date(2026, 3, 1))
    assert late.stage is not None and late.stage.year == 2030 and late.verdict in (ON_TRACK, AHEAD)
    done = at(dt.date(2025, 12, 31))
    assert done.stage is not None and done.stage.year == 2025 and done.verdict == ACHIEVED
