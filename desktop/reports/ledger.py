"""The work ledger (工作台账) workbook: one row per assignment and per 未分工 task, printable on A4 landscape."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .. import clock
from ..fileio import atomic_path
from .pdf_common import cn_date
from .xlsx_writer import SheetLayout, write_sheet

# (header, width in character cells); widths add up to what A4 landscape prints at a readable scale.
COLUMNS = [
    ("序号", 5),
    ("编号", 11),
    ("任务", 29),
    ("责任单位", 17),
    ("角色", 5),
    ("联系人", 13),
    ("截止日期", 10.5),
    ("延期", 11),
    ("办理状态", 7.5),
    ("状态", 7),
    ("完成%", 6),
    ("逾期天数", 6),
    ("最新进展", 38),
    ("存在问题", 20),
    ("下步计划", 20),
]
PLAN_COLUMN = ("方案", 18)  # first column when the ledger covers every plan


def write_ledger(
    rows: Iterable[list[Any]],
    path: str | os.PathLike[str],
    step: Callable[[int, str], None],
    *,
    plan_title: str = "",
    made_on: dt.date | None = None,
    as_of: dt.date | None = None,
    every_plan: bool = False,
) -> Path:
    """Write ledger rows: title rows (方案, 统计截至, 制表日期), a header repeated on each printed page, wrapped
    text, real date cells, frozen panes and a filter; A4 landscape fitted to the page width."""
    target = Path(path)
    columns = [PLAN_COLUMN, *COLUMNS] if every_plan else COLUMNS
    made_on = made_on or clock.today()
    as_of = as_of or made_on
    layout = SheetLayout(
        title=f"{plan_title}工作台账" if plan_title else "工作台账",
        subtitle=f"方案：{plan_title or '全部方案'}　　统计截至：{cn_date(as_of)}　　制表日期：{cn_date(made_on)}",
    )
    with atomic_path(target) as tmp:
        count = write_sheet(
            tmp,
            "工作台账",
            [c[0] for c in columns],
            [c[1] for c in columns],
            rows,
            on_row=lambda n: step(min(95, 5 + n // 2000), f"已写入 {n} 行…"),
            layout=layout,
        )
    step(100, f"已导出 {count} 行")
    return target
