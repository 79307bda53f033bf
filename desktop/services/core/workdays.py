"""法定工作日: deadlines counted in China's statutory working days, with each year's 调休 days."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import chinese_calendar  # type: ignore[import-untyped]
from chinese_calendar import constants as _cc
from sqlalchemy.orm import Session

from ...errors import PlanDeskError
from ...models import Setting
from ...storage import Database
from .settings import get_setting
from .validation import MAX_YEAR, parse_date

log = logging.getLogger(__name__)

# Years an office loaded from a holiday notice file: {"2027": {"holidays": [...], "workdays": [...]}}.
CALENDAR_SETTING = "calendar.years"

_LIBRARY_HOLIDAYS: frozenset[dt.date] = frozenset(_cc.holidays)
_LIBRARY_WORKDAYS: frozenset[dt.date] = frozenset(_cc.workdays)
LIBRARY_YEARS: frozenset[int] = frozenset(
    range(min(d.year for d in _LIBRARY_HOLIDAYS), max(d.year for d in _LIBRARY_HOLIDAYS) + 1)
)
LIBRARY_NAME = f"chinesecalendar {getattr(chinese_calendar, '__version__', '')}".strip()

_RULE = re.compile(r"^\s*(\d{1,4})\s*个?\s*(工作日|自然日|天|日)\s*(内)?\s*$")
UNIT_NAMES = {"workday": "个工作日", "day": "天"}


@dataclass(frozen=True)
class DeadlineRule:
    """A period such as 5个工作日 (``workday``) or 30天 (``day``)."""

    days: int
    unit: str  # workday | day

    @property
    def text(self) -> str:
        return f"{self.days}{UNIT_NAMES[self.unit]}"


def parse_rule(value: str | DeadlineRule, *, field: str = "rule") -> DeadlineRule:
    """Read "5个工作日", "30工作日", "10天", "15日" (calendar days); refuses anything else."""
    if isinstance(value, DeadlineRule):
        return value
    m = _RULE.match(value or "")
    if not m or int(m.group(1)) == 0:
        raise PlanDeskError(
            f"期限“{value}”无法识别，应写作“5个工作日”或“30天”这样的正整数加单位。", field=field
        )
    return DeadlineRule(int(m.group(1)), "workday" if m.group(2) == "工作日" else "day")


@dataclass(frozen=True)
class CalendarYear:
    """One year of a holiday notice: the days off (including the weekend days of a 调休) and the 调休 workdays."""

    year: int
    holidays: frozenset[dt.date]
    workdays: frozenset[dt.date]
    source: str = ""


@dataclass(frozen=True)
class WorkCalendar:
    """The library's calendar with the years an office loaded laid over it (a loaded year replaces the library's)."""

    loaded: Mapping[int, CalendarYear] = field(default_factory=dict)

    def knows(self, year: int) -> bool:
        return year in self.loaded or year in LIBRARY_YEARS

    def source_of(self, year: int) -> str:
        if year in self.loaded:
            return self.loaded[year].source or "导入的放假安排"
        if year in LIBRARY_YEARS:
            return LIBRARY_NAME
        return ""

    def is_workday(self, day: dt.date) -> bool:
        """A statutory working day; in a year without a calendar, Monday to Friday."""
        year = self.loaded.get(day.year)
        if year is not None:
            if day in year.workdays:
                return True
            return day not in year.holidays and day.weekday() < 5
        if day.year in LIBRARY_YEARS:
            if day in _LIBRARY_WORKDAYS:
                return True
            return day not in _LIBRARY_HOLIDAYS and day.weekday() < 5
        return day.weekday() < 5

    def add_workdays(self, start: dt.date, days: int) -> dt.date:
        """The ``days``-th working day after ``start`` (the start day itself is not counted)."""
        if days < 0:
            raise PlanDeskError("工作日数不能为负数。", field="days")
        day, left = start, days
        while left > 0:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                left -= 1
        return day

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end``; negative when ``end`` is earlier."""
        if end < start:
            return -self.workdays_between(end, start)
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_workday(day)
        return count

    def unknown_years(self, start: dt.date, end: dt.date) -> list[int]:
        low, high = sorted((start, end))
        return [y for y in range(low.year, high.year + 1) if not self.knows(y)]


@dataclass(frozen=True)
class Deadline:
    start: dt.date
    rule: DeadlineRule
    deadline: dt.date
    # Years on the way that no calendar covers: counted Monday to Friday only, so the date is provisional.
    unknown_years: tuple[int, ...]

    @property
    def note(self) -> str:
        return calendar_note(self.unknown_years)


def calendar_note(years: Iterable[int]) -> str:
    years = sorted(set(years))
    if not years:
        return ""
    names = "、".join(f"{y}年" for y in years)
    return (
        f"注意：没有{names}的法定节假日安排，这段时间只按周一至周五计算工作日，结果仅供参考；"
        "国务院办公厅发布该年放假通知后，请用“导入放假安排”补充。"
    )


def _years(stored: Any) -> list[CalendarYear]:
    years: list[CalendarYear] = []
    for key, value in (stored or {}).items():
        try:
            years.append(
                CalendarYear(
                    int(key),
                    frozenset(dt.date.fromisoformat(d) for d in value.get("holidays", [])),
                    frozenset(dt.date.fromisoformat(d) for d in value.get("workdays", [])),
                    str(value.get("source", "")),
                )
            )
        except (AttributeError, TypeError, ValueError):
            log.warning("setting %s: year %s is malformed and ignored", CALENDAR_SETTING, key)
    return years


def work_calendar(db: Database) -> WorkCalendar:
    """The calendar the database uses: the library plus the years the office loaded."""
    return WorkCalendar({y.year: y for y in _years(get_setting(db, CALENDAR_SETTING, {}))})


def work_calendar_years(s: Session) -> list[CalendarYear]:
    """The loaded years, read in the caller's session."""
    row = s.get(Setting, CALENDAR_SETTING)
    return _years(row.value if row is not None else {})


def compute_deadline(
    calendar: WorkCalendar, start: dt.date, rule: str | DeadlineRule, *, field: str = "rule"
) -> Deadline:
    """The deadline ``rule`` after ``start``: N working days, or N calendar days."""
    r = parse_rule(rule, field=field)
    if r.unit == "workday":
        end = calendar.add_workdays(start, r.days)
    else:
        end = start + dt.timedelta(days=r.days)
    unknown = tuple(calendar.unknown_years(start, end)) if r.unit == "workday" else ()
    return Deadline(start, r, end, unknown)


def deadline_after(db: Database, *, start: str | dt.date, rule: str) -> Deadline:
    """Use case: the deadline ``rule`` (e.g. 5个工作日) after ``start``, with a note if a year is not covered."""
    day = parse_date(start, field="start", label="起算日期")
    if day is None:
        raise PlanDeskError("请填写起算日期。", field="start")
    return compute_deadline(work_calendar(db), day, rule)


def remaining_text(calendar: WorkCalendar, as_of: dt.date, deadline: dt.date | None, unit: str) -> str:
    """剩余3个工作日 / 今日到期 / 已逾期2个工作日 — in working days where the rule is in working days."""
    if deadline is None:
        return "未定期限"
    if deadline == as_of:
        return "今日到期"
    word = "个工作日" if unit == "workday" else "天"
    if unit == "workday":
        n = abs(calendar.workdays_between(as_of, deadline))
    else:
        n = abs((deadline - as_of).days)
    if deadline > as_of:
        text = f"剩余{n}{word}" if n else f"剩余0{word}（截止日 {deadline.isoformat()} 为休息日）"
    elif n:
        text = f"已逾期{n}{word}"
    else:
        text = f"已过截止日期 {deadline.isoformat()}（其后均为休息日）"
    if unit == "workday" and calendar.unknown_years(as_of, deadline):
        text += "（按周一至周五估算）"
    return text


# ---- loading a holiday notice -----------------------------------------------------------------

_KINDS = {"休": "holiday", "假": "holiday", "holiday": "holiday", "班": "workday", "workday": "workday"}


def _day(value: Any, where: str) -> dt.date:
    text = str(value).strip()
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise PlanDeskError(f"日期“{text}”无效，应为 YYYY-MM-DD。", location=where) from None
    parse_date(day, field="date", label="日期", location=where)  # within 1900–2100, like every date
    return day


def parse_calendar_file(path: str | Path) -> list[CalendarYear]:
    """Read a holiday notice file (JSON or CSV, format in docs/holiday_calendar.md) without touching a database."""
    p = Path(path)
    raw = p.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    if p.suffix.lower() == ".json":
        return _parse_json(text, p.name)
    return _parse_csv(text, p.name)


def _parse_json(text: str, name: str) -> list[CalendarYear]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanDeskError(
            f"{name} 不是有效的 JSON：{exc.msg}", location=f"{name} 第{exc.lineno}行"
        ) from None
    items = data if isinstance(data, list) else [data]
    years: list[CalendarYear] = []
    for i, item in enumerate(items, 1):
        where = f"{name} 第{i}个年份"
        if not isinstance(item, dict) or not isinstance(item.get("year"), int):
            raise PlanDeskError(
                '每个年份应写作 {"year": 2027, "holidays": [...], "workdays": [...]}。', location=where
            )
        holidays = [_day(d, where) for d in item.get("holidays", [])]
        workdays = [_day(d, where) for d in item.get("workdays", [])]
        years.append(_checked_year(item["year"], holidays, workdays, where, name))
    return years


def _parse_csv(text: str, name: str) -> list[CalendarYear]:
    by_year: dict[int, tuple[list[dt.date], list[dt.date]]] = {}
    for number, row in enumerate(csv.reader(io.StringIO(text)), 1):
        if not row or not "".join(row).strip() or row[0].strip().startswith("#"):
            continue
        if number == 1 and row[0].strip() in ("日期", "date"):
            continue
        where = f"{name} 第{number}行"
        if len(row) < 2:
            raise PlanDeskError("每行应为：日期,类型（休 或 班）[,名称]。", location=where)
        day = _day(row[0], where)
        kind = _KINDS.get(row[1].strip())
        if kind is None:
            raise PlanDeskError(
                f"类型“{row[1].strip()}”无效，应为“休”（放假）或“班”（调休上班）。", location=where
            )
        holidays, workdays = by_year.setdefault(day.year, ([], []))
        (holidays if kind == "holiday" else workdays).append(day)
    if not by_year:
        raise PlanDeskError(f"{name} 中没有任何日期。", location=name)
    return [_checked_year(y, h, w, f"{name}（{y}年）", name) for y, (h, w) in sorted(by_year.items())]


def _checked_year(
    year: int, holidays: list[dt.date], workdays: list[dt.date], where: str, source: str
) -> CalendarYear:
    if not 1990 <= year <= MAX_YEAR:
        raise PlanDeskError(f"年份 {year} 无效。", location=where)
    for d in [*holidays, *workdays]:
        if d.year != year:
            raise PlanDeskError(f"日期 {d.isoformat()} 不属于 {year} 年。", location=where)
    both = sorted(set(holidays) & set(workdays))
    if both:
        raise PlanDeskError(f"{both[0].isoformat()} 同时列为放假和上班。", location=where)
    if not holidays:
        raise PlanDeskError(f"{year} 年没有列出任何放假日期。", location=where)
    return CalendarYear(year, frozenset(holidays), frozenset(workdays), source)


@dataclass(frozen=True)
class LoadedYear:
    year: int
    holidays: int
    workdays: int
    replaced_library: bool


def store_years(s: Session, years: list[CalendarYear]) -> list[LoadedYear]:
    """Keep the years of a holiday notice in the caller's transaction, replacing those years entirely."""
    row = s.get(Setting, CALENDAR_SETTING)
    stored = dict(row.value or {}) if row is not None else {}
    for y in years:
        stored[str(y.year)] = {
            "holidays": sorted(d.isoformat() for d in y.holidays),
            "workdays": sorted(d.isoformat() for d in y.workdays),
            "source": y.source,
        }
    if row is None:
        s.add(Setting(key=CALENDAR_SETTING, value=stored))
    else:
        row.value = stored
    return [LoadedYear(y.year, len(y.holidays), len(y.workdays), y.year in LIBRARY_YEARS) for y in years]


def load_calendar(db: Database, *, path: str | Path) -> list[LoadedYear]:
    """导入放假安排: keep the years of a holiday notice file in the database (deadlines already set stay)."""
    years = parse_calendar_file(path)
    with db.write(cause="导入放假安排") as s:
        return store_years(s, years)


@dataclass(frozen=True)
class CalendarCoverage:
    library: str
    library_years: tuple[int, int]
    loaded_years: tuple[int, ...]


def calendar_coverage(db: Database) -> CalendarCoverage:
    cal = work_calendar(db)
    return CalendarCoverage(LIBRARY_NAME, (min(LIBRARY_YEARS), max(LIBRARY_YEARS)), tuple(sorted(cal.loaded)))
