"""Dates in plan text: deadlines (2025年底前), recurrence (每年), issue dates (2024年4月28日)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_MONTH_END = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:(?:底|末)(?:前|以前|之前)?|前|以前|之前)")
# 完成时限：2024年12月 — a date under a deadline label is the deadline even without 底前.
_LABELLED = re.compile(
    r"(?:完成时限|完成时间|完成期限|办结时限|时间节点|时限要求|时间要求|截止时间|时限)\s*[:：]\s*"
    r"(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?|(上半年|下半年|第?[一二三四]季度))?"
    r"(?:底|末|年底|年末)?(?:前|以前|之前)?(?:完成)?(?=$|[，,。；;）)\s、])"  # not 2023年起 / 2024年3月启动
)
_PART_END = {"上半年": (6, 30), "下半年": (12, 31), "一季度": (3, 31), "二季度": (6, 30), "三季度": (9, 30)}
_YEAR_END = re.compile(r"(\d{4})\s*年\s*(?:年底|底|末|年末)(?:前|以前|之前)?")
_BY_YEAR = re.compile(r"(?:到|至|于|在)\s*(\d{4})\s*年")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_RECURRENCE = (
    ("每季度", "每季度"),
    ("每半年", "每半年"),
    ("每月", "每月"),
    ("每年", "每年"),
    ("长期坚持", "长期"),
    ("长期", "长期"),
    ("持续推进", "持续"),
    ("常态化", "持续"),
)


def _valid_year(year: int) -> bool:
    return 1949 <= year <= 2100


def _month_end(year: int, month: int) -> dt.date | None:
    if not _valid_year(year) or not 1 <= month <= 12:
        return None
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def find_deadline(text: str) -> dt.date | None:
    """The deadline ``text`` names under a label (完成时限：…), else its first deadline phrase, as a date (the
    end of the month or year it names)."""
    for m in _LABELLED.finditer(text):
        year, month, day = (int(g) if g else None for g in m.groups()[:3])
        assert year is not None
        part = (m.group(4) or "").removeprefix("第")
        if part and _valid_year(year):
            month_day = _PART_END.get(part, (12, 31))
            return dt.date(year, *month_day)
        if month is None:
            if _valid_year(year):
                return dt.date(year, 12, 31)
        elif day is None:
            if date := _month_end(year, month):
                return date
        else:
            try:
                return dt.date(year, month, day) if _valid_year(year) else None
            except ValueError:
                pass
    candidates: list[tuple[int, dt.date]] = []
    for m in _MONTH_END.finditer(text):
        date = _month_end(int(m.group(1)), int(m.group(2)))
        if date:
            candidates.append((m.start(), date))
    for pattern in (_YEAR_END, _BY_YEAR):
        for m in pattern.finditer(text):
            year = int(m.group(1))
            if _valid_year(year):
                candidates.append((m.start(), dt.date(year, 12, 31)))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])[1]


def find_recurrence(text: str) -> str:
    for phrase, value in _RECURRENCE:
        if phrase in text:
            return value
    return ""


def goal_year(text: str) -> int | None:
    """Year of a goal statement opening with 到2025年 / 展望到2035年."""
    m = re.match(r"^\s*(?:展望)?(?:到|至)\s*(\d{4})\s*年", text)
    return int(m.group(1)) if m and _valid_year(int(m.group(1))) else None


def parse_date(text: str) -> dt.date | None:
    """A full date written 2024年4月28日 or 2022-12-30, or None."""
    for pattern in (_DATE, _ISO_DATE):
        m = pattern.search(text)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


def is_date_line(line: str) -> bool:
    return bool(re.fullmatch(r"\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*", line))
