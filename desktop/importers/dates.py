"""Dates in plan text: deadlines (2025年底前), recurrence (每年), issue dates (2024年4月28日)."""

from __future__ import annotations

import calendar
import contextlib
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
# …前 followed by a few characters and 的 describes something (2000年底前建成的老旧小区): no deadline.
_YEAR_END = re.compile(
    r"(\d{4})\s*年\s*(?:年底|底|末|年末)(?:前|以前|之前)?(?!(?:前|以前|之前)?(?:建成|建设|竣工|修建|投用|投产|登记|注册|认定|批准|取得)的)"
)
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


# 2024年1月—12月: a span of months ends at its last month
_MONTH_SPAN = re.compile(
    r"(\d{4})\s*年\s*\d{1,2}\s*月\s*[—–\-－~～至到]\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月"
)


def find_deadline(text: str) -> dt.date | None:
    """The deadline ``text`` names under a label (完成时限：…), else its first deadline phrase, as a date (the
    end of the month or year it names)."""
    labelled = _labelled_deadline(text)
    if labelled:
        return labelled
    candidates: list[tuple[int, dt.date]] = []
    for m in _MONTH_SPAN.finditer(text):
        date = _month_end(int(m.group(2) or m.group(1)), int(m.group(3)))
        if date:
            candidates.append((m.start(), date))
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


def _labelled_deadline(text: str) -> dt.date | None:
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
    return None


def find_recurrence(text: str) -> str:
    for phrase, value in _RECURRENCE:
        # 超长期特别国债 or 中长期规划 name a kind of bond or plan, not a rhythm of work
        if re.search(f"(?<![超中短较]){phrase}", text):
            return value
    return ""


# Deadlines an annual plan writes without the year: 6月底前, 三季度末前, 上半年, 年内, 全年.
_MONTH_ONLY = re.compile(r"(?<![\d年])(\d{1,2})\s*月(?:(?:底|末)(?:前|以前|之前)?|前|以前|之前)(?!后)")
_DAY_ONLY = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:前|以前|之前)(?!后)")
_QUARTER = re.compile(r"第?([一二三四1-4])季度(?:末)?(?:前|以前|之前|完成|底)")
_HALF = re.compile(r"上半年(?:前|内|完成|底)")
# not 三年内, 明年底前, or the 年底前 of 2025年底前
_YEAR_WHOLE = re.compile(
    r"(?<![\d一二两三四五六七八九十明次今几数])(?:年内|年底前|年底完成)|当年完成|全年完成"
    r"|(?:完成时限|完成时间|时间节点|时限)\s*[:：]\s*全年"
)


def find_deadline_in_year(text: str, year: int) -> dt.date | None:
    """The first year-less deadline phrase in ``text``, read in ``year`` (the plan's own year)."""
    if not _valid_year(year):
        return None
    candidates: list[tuple[int, dt.date]] = []
    for m in _MONTH_ONLY.finditer(text):
        date = _month_end(year, int(m.group(1)))
        if date:
            candidates.append((m.start(), date))
    for m in _DAY_ONLY.finditer(text):
        with contextlib.suppress(ValueError):  # 2月30日
            candidates.append((m.start(), dt.date(year, int(m.group(1)), int(m.group(2)))))
    for m in _QUARTER.finditer(text):
        quarter = "一二三四".find(m.group(1)) + 1 or int(m.group(1))
        candidates.append((m.start(), _month_end(year, quarter * 3) or dt.date(year, 12, 31)))
    for m in _HALF.finditer(text):
        candidates.append((m.start(), dt.date(year, 6, 30)))
    for m in _YEAR_WHOLE.finditer(text):
        candidates.append((m.start(), dt.date(year, 12, 31)))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


def goal_year(text: str) -> int | None:
    """Year of a goal statement opening with 到2025年 / 展望到2035年."""
    m = re.match(r"^\s*(?:展望)?(?:到|至)\s*(\d{4})\s*年", text)
    return int(m.group(1)) if m and _valid_year(int(m.group(1))) else None


_CN_DATE = re.compile(
    r"([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日"
)
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}


def _cn_small(text: str) -> int:
    """一 … 三十一 as a number."""
    if "十" not in text:
        return _CN_DIGIT.get(text, 0)
    tens, _, ones = text.partition("十")
    return (_CN_DIGIT.get(tens, 0) if tens else 1) * 10 + (_CN_DIGIT.get(ones, 0) if ones else 0)


def _digits(text: str) -> str:
    """二〇二四年四月十日 written 2024年4月10日, as older documents date themselves."""
    return _CN_DATE.sub(
        lambda m: (
            f"{''.join(str(_CN_DIGIT[c]) for c in m.group(1))}年{_cn_small(m.group(2))}月{_cn_small(m.group(3))}日"
        ),
        text,
    )


def parse_date(text: str) -> dt.date | None:
    """A full date written 2024年4月28日, 二〇二四年四月二十八日 or 2022-12-30, or None."""
    text = _digits(text)
    for pattern in (_DATE, _ISO_DATE):
        m = pattern.search(text)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


def is_date_line(line: str) -> bool:
    line = _digits(line)
    return bool(re.fullmatch(r"\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*", line))
