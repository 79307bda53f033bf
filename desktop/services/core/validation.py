"""Checking user input; every failure is a PlanDeskError naming the field at fault."""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal

from ...errors import PlanDeskError
from .status import ROLE_CODES, STATUS_CODES

_PERIOD = re.compile(r"^(\d{4})-(\d{1,2})$")

# Dates a user or a file gives: anything outside these years is a typo or an attack (9999-12-31 overflows
# the deadline arithmetic, 0001-01-01 is what an empty Excel date cell can turn into).
MIN_YEAR = 1900
MAX_YEAR = 2100
# Indicator values, bases and targets: a trillion is far above any figure a district or city plan measures,
# and far below where sums, shares and forecasts lose precision or overflow (1e308 * 10 is inf).
MAX_NUMBER = 1e12
NUMBER_BOUND_TEXT = "1e12（一万亿）"
# Characters XML 1.0 cannot hold (C0 controls other than tab, line feed and carriage return; lone surrogates;
# U+FFFE/U+FFFF): Excel, Word and PDF writers refuse them, so a text that carries one can never be printed.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= 30 else text[:30] + "…"


def is_sane_number(value: object) -> bool:
    """Whether ``value`` is a real number as check_number accepts it (finite, |x| ≤ MAX_NUMBER)."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return False
    try:
        number = float(value)
    except OverflowError:
        return False
    return math.isfinite(number) and abs(number) <= MAX_NUMBER


def check_number(
    value: object,
    *,
    field: str,
    label: str,
    optional: bool = False,
    location: str | None = None,
) -> float | None:
    """A figure a user or a file gives (indicator value, base, target, stage target) as a float.

    Text may carry a trailing % and full-width digits. NaN, infinities and anything beyond ±MAX_NUMBER are
    refused, naming ``label`` (and ``location``, the place in a file). Empty is None when ``optional``.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        if optional:
            return None
        raise PlanDeskError(f"请填写{label}。", field=field, location=location)
    if isinstance(value, bool):  # True is 1 to Python, a tick box to the user
        raise PlanDeskError(f"{label}应为数字，收到逻辑值“{value}”。", field=field, location=location)
    try:
        if isinstance(value, int | float | Decimal):
            number = float(value)
        else:
            text = unicodedata.normalize("NFKC", str(value)).strip().rstrip("%").strip()
            number = float(text)
    except OverflowError:  # an int or Decimal too large for a float
        number = math.inf
    except (TypeError, ValueError):
        raise PlanDeskError(f"{label}“{_shown(value)}”不是数字。", field=field, location=location) from None
    if not math.isfinite(number):
        raise PlanDeskError(
            f"{label}“{_shown(value)}”不是有效数值（不接受 NaN、无穷大或超出范围的数），"
            f"绝对值不能超过 {NUMBER_BOUND_TEXT}。",
            field=field,
            location=location,
        )
    if abs(number) > MAX_NUMBER:
        raise PlanDeskError(
            f"{label}“{_shown(value)}”超出允许范围：绝对值不能超过 {NUMBER_BOUND_TEXT}。",
            field=field,
            location=location,
        )
    return number


def check_year(
    value: int, *, field: str, label: str = "年份", location: str | None = None, low: int = MIN_YEAR
) -> int:
    """A year a user or a file gives, within ``low``–MAX_YEAR (the same years parse_date accepts)."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= MAX_YEAR:
        raise PlanDeskError(
            f"{label}“{_shown(value)}”超出合理范围，应在 {low}–{MAX_YEAR} 年之间。",
            field=field,
            location=location,
        )
    return value


def parse_date(
    value: str | dt.date | None, *, field: str, label: str = "日期", location: str | None = None
) -> dt.date | None:
    """A date a user or a file gives (2026-05-01, 2026/5/1, 2026.5.1, 2026年5月1日, or a date object).

    Every date must lie in MIN_YEAR–MAX_YEAR; a date and time counts as its day. Empty is None.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        day = value
    else:
        text = str(value).strip().replace("/", "-").replace(".", "-")
        m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日?", text)
        if m:
            text = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
        try:
            parts = [int(p) for p in text.split("-")]
            if len(parts) != 3:
                raise ValueError
            day = dt.date(*parts)
        except ValueError:
            raise PlanDeskError(
                f"{label}“{_shown(value)}”无效，请使用 YYYY-MM-DD 格式的真实日期。",
                field=field,
                location=location,
            ) from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise PlanDeskError(
            f"{label}“{day.isoformat()}”超出合理范围，应在 {MIN_YEAR}–{MAX_YEAR} 年之间。",
            field=field,
            location=location,
        )
    return day


def xml_invalid_char(text: str) -> str | None:
    """The first character of ``text`` no Excel, Word or PDF file can hold, or None."""
    m = _XML_INVALID.search(text)
    return m.group() if m else None


def check_xml_text(value: str, *, field: str, label: str, location: str | None = None) -> str:
    """Refuse text carrying a control character XML cannot hold (rather than strip it: the text is an official
    record, and a character dropped without a word would change it unseen; the user removes it at the source)."""
    bad = xml_invalid_char(value)
    if bad is not None:
        raise PlanDeskError(
            f"{label}含有无法保存的控制字符（U+{ord(bad):04X}），请删除后重试。",
            field=field,
            location=location,
        )
    return value


def parse_period(value: str, *, field: str = "period") -> str:
    m = _PERIOD.match((value or "").strip())
    if not m or not 1 <= int(m.group(2)) <= 12 or not MIN_YEAR <= int(m.group(1)) <= MAX_YEAR:
        raise PlanDeskError(f"报告期“{value}”无效，应为 YYYY-MM，例如 2026-11。", field=field)
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"


def check_percent(value: int | str | None, *, field: str = "percent") -> int | None:
    if value is None or value == "":
        return None
    try:
        number = float(str(value).strip().rstrip("%"))
    except ValueError:
        raise PlanDeskError(f"完成百分比“{value}”不是数字。", field=field) from None
    if not 0 <= number <= 100 or number != int(number):
        raise PlanDeskError(f"完成百分比应为 0 到 100 之间的整数，收到“{value}”。", field=field)
    return int(number)


def check_status(value: str, *, field: str = "status") -> str:
    code = STATUS_CODES.get(value, value)
    if code == "overdue":
        raise PlanDeskError("“已逾期”由截止日期自动判断，不能手工设置。", field=field)
    if code not in ("not_started", "in_progress", "done", "suspended"):
        raise PlanDeskError(f"状态“{value}”无效，可选：未开始、进行中、已完成、暂缓。", field=field)
    return code


def check_role(value: str, *, field: str = "role") -> str:
    code = ROLE_CODES.get(value)
    if code is None:
        raise PlanDeskError(f"角色“{value}”无效，应为 lead（牵头）或 co（配合）。", field=field)
    return code


def check_text(value: str | None, *, field: str, label: str, max_len: int, required: bool = False) -> str:
    text = (value or "").strip()
    if required and not text:
        raise PlanDeskError(f"{label}不能为空。", field=field)
    if len(text) > max_len:
        raise PlanDeskError(f"{label}过长（{len(text)} 字，最多 {max_len} 字）。", field=field)
    return check_xml_text(text, field=field, label=label)


def period_end(period: str) -> dt.date:
    year, month = (int(p) for p in period.split("-"))
    return dt.date(year, month, calendar.monthrange(year, month)[1])
