"""Checking user input; every failure is a PlanDeskError naming the field at fault."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ...errors import PlanDeskError
from .status import ROLE_CODES, STATUS_CODES

_PERIOD = re.compile(r"^(\d{4})-(\d{1,2})$")


def parse_date(value: str | dt.date | None, *, field: str, label: str = "日期") -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    text = value.strip().replace("/", "-").replace(".", "-")
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日?", text)
    if m:
        text = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    try:
        parts = [int(p) for p in text.split("-")]
        if len(parts) != 3:
            raise ValueError
        return dt.date(*parts)
    except ValueError:
        raise PlanDeskError(
            f"{label}“{value}”无效，请使用 YYYY-MM-DD 格式的真实日期。", field=field
        ) from None


def parse_period(value: str, *, field: str = "period") -> str:
    m = _PERIOD.match((value or "").strip())
    if not m or not 1 <= int(m.group(2)) <= 12 or not 1900 < int(m.group(1)) < 2200:
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
    if "\x00" in text:
        raise PlanDeskError(f"{label}含有无效字符。", field=field)
    return text


def period_end(period: str) -> dt.date:
    year, month = (int(p) for p in period.split("-"))
    return dt.date(year, month, calendar.monthrange(year, month)[1])
