"""法定工作日: the 2026 holiday notice, 调休 weekends, loaded notice files and years without a calendar."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import notice_2026 as notice
import pytest

from desktop.errors import PlanDeskError
from desktop.services.core.workdays import (
    WorkCalendar,
    calendar_coverage,
    compute_deadline,
    deadline_after,
    load_calendar,
    parse_rule,
    remaining_text,
    work_calendar,
)
from desktop.storage import Database

D = dt.date
CAL = WorkCalendar()


def test_every_day_of_2026_follows_the_holiday_notice() -> None:
    for day in notice.days(D(2026, 1, 1), D(2026, 12, 31)):
        assert CAL.is_workday(day) is notice.is_workday(day), day
    # 261 weekdays, 19 of them off, 6 weekend days worked.
    assert CAL.workdays_between(D(2025, 12, 31), D(2026, 12, 31)) == 248


def test_working_day_deadlines_across_the_spring_festival_and_national_day() -> None:
    # Thu 12 Feb + 5: Fri 13, Sat 14 (调休上班), then nine days off, Tue 24, Wed 25, Thu 26.
    assert compute_deadline(CAL, D(2026, 2, 12), "5个工作日").deadline == D(2026, 2, 26)
    # Mon 28 Sep + 5: 29, 30, the Golden Week off, Thu 8, Fri 9, Sat 10 Oct (调休上班).
    assert compute_deadline(CAL, D(2026, 9, 28), "5个工作日").deadline == D(2026, 10, 10)
    # The start day is not counted, even when it is a working day; a holiday start counts from the next working day.
    assert compute_deadline(CAL, D(2026, 2, 16), "1个工作日").deadline == D(2026, 2, 24)
    assert compute_deadline(CAL, D(2026, 3, 2), "30工作日").deadline == D(2026, 4, 14)
    assert compute_deadline(CAL, D(2026, 2, 12), "10天").deadline == D(2026, 2, 22)


def test_rules_are_read_or_refused_plainly() -> None:
    assert parse_rule("5个工作日").text == "5个工作日"
    assert parse_rule(" 30 工作日内").days == 30
    assert parse_rule("15日").unit == "day"
    for bad in ("五个工作日", "0个工作日", "5周", ""):
        with pytest.raises(PlanDeskError, match="无法识别"):
            parse_rule(bad)


def test_remaining_time_in_working_days() -> None:
    deadline = D(2026, 2, 26)
    assert remaining_text(CAL, D(2026, 2, 13), deadline, "workday") == "剩余4个工作日"
    assert remaining_text(CAL, D(2026, 2, 26), deadline, "workday") == "今日到期"
    assert remaining_text(CAL, D(2026, 3, 2), deadline, "workday") == "已逾期3个工作日"
    assert remaining_text(CAL, D(2026, 2, 13), deadline, "day") == "剩余13天"


def test_a_year_without_a_calendar_is_weekdays_only_and_says_so(db: Database) -> None:
    result = deadline_after(db, start="2026-12-28", rule="10个工作日")
    assert result.unknown_years == (2027,)
    assert "没有2027年的法定节假日安排" in result.note and "周一至周五" in result.note
    assert result.deadline == D(2027, 1, 11)  # 29, 30, 31 Dec, then Mon–Fri from 1 Jan
    assert remaining_text(work_calendar(db), D(2026, 12, 28), D(2027, 1, 11), "workday").endswith(
        "（按周一至周五估算）"
    )
    assert deadline_after(db, start="2026-02-12", rule="5个工作日").note == ""


def test_the_next_years_notice_is_loaded_from_a_csv_file(db: Database, tmp_path: Path) -> None:
    f = tmp_path / "2027.csv"
    f.write_text(
        "日期,类型,名称\n2027-01-01,休,元旦\n2027-01-04,休,元旦\n2027-01-09,班,元旦调休\n", encoding="utf-8"
    )
    loaded = load_calendar(db, path=f)
    assert [(y.year, y.holidays, y.workdays, y.replaced_library) for y in loaded] == [(2027, 2, 1, False)]
    cal = work_calendar(db)
    assert not cal.is_workday(D(2027, 1, 4)) and cal.is_workday(D(2027, 1, 9))
    result = deadline_after(db, start="2026-12-31", rule="2个工作日")
    assert result.deadline == D(2027, 1, 6) and result.note == ""  # Tue 5th is the first
    assert calendar_coverage(db).loaded_years == (2027,)


def test_a_loaded_year_replaces_the_librarys_and_json_is_read(db: Database, tmp_path: Path) -> None:
    f = tmp_path / "fix.json"
    f.write_text(json.dumps({"year": 2026, "holidays": ["2026-01-01"], "workdays": []}), encoding="utf-8")
    assert load_calendar(db, path=f)[0].replaced_library
    cal = work_calendar(db)
    assert cal.is_workday(D(2026, 1, 2)) and not cal.is_workday(D(2026, 1, 4))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2027-01-01,休\n2027-13-01,休\n", "第2行"),
        ("2027-01-01,放\n", "类型“放”无效"),
        ("2027-01-01,休\n2027-01-01,班\n", "同时列为放假和上班"),
        ("2027-01-09,班\n", "没有列出任何放假日期"),
    ],
)
def test_a_bad_notice_file_is_refused_with_the_line(
    db: Database, tmp_path: Path, text: str, message: str
) -> None:
    f = tmp_path / "bad.csv"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(PlanDeskError) as info:
        load_calendar(db, path=f)
    assert message in str(info.value)
    assert work_calendar(db).loaded == {}


def test_remaining_time_over_rest_days_after_or_before_the_deadline() -> None:
    # Due Friday 13 Feb; the Saturday after is 调休上班, so it is already one working day late.
    assert remaining_text(CAL, D(2026, 2, 14), D(2026, 2, 13), "workday") == "已逾期1个工作日"
    # Due Friday 30 Jan; the weekend after has no working day.
    assert (
        remaining_text(CAL, D(2026, 2, 1), D(2026, 1, 30), "workday")
        == "已过截止日期 2026-01-30（其后均为休息日）"
    )
    assert (
        remaining_text(CAL, D(2026, 2, 14), D(2026, 2, 15), "workday")
        == "剩余0个工作日（截止日 2026-02-15 为休息日）"
    )
