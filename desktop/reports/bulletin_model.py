"""The 督查通报 as plain data: drafted paragraphs whose every figure comes from the monthly model."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .report_model import MonthlyReportData


@dataclass
class Bulletin:
    masthead: str  # 督查通报 | 工作进展通报
    issue: int  # 第N期, numbered per year
    year: int
    issuer: str
    issued_on: dt.date
    title: str
    data: MonthlyReportData  # the month's model: the attachments are its tables
    overall: str = ""  # 一、总体情况
    indicators: list[str] = field(default_factory=list)  # 二、主要指标 behind 序时 or target
    lagging: list[str] = field(default_factory=list)  # 三、重点任务 lagging, with unit and days
    problems: list[str] = field(default_factory=list)  # 四、存在问题
    requirements: str = ""  # 五、下一步工作要求 (the office's text, remembered per plan)
    facts: dict[str, int | float] = field(default_factory=dict)  # every figure the drafted text states
