"""The work ledger (工作台账) workbook: one Excel row per assignment, streamed straight to .xlsx."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .pdf_common import atomic_path
from .xlsx_writer import write_sheet

COLUMNS = [
    ("方案", 30),
    ("编号路径", 14),
    ("任务", 48),
    ("牵头单位", 24),
    ("配合单位", 30),
    ("责任单位", 24),
    ("联系人", 10),
    ("电话", 15),
    ("开始日期", 12),
    ("截止日期", 12),
    ("状态", 8),
    ("完成百分比", 11),
    ("最新进展", 60),
]


def write_ledger(
    rows: Iterable[list[Any]], path: str | os.PathLike[str], step: Callable[[int, str], None]
) -> Path:
    """Write ledger rows to a workbook: frozen header, filter, real date cells, percent as a number."""
    target = Path(path)
    with atomic_path(target) as tmp:
        count = write_sheet(
            tmp,
            "工作台账",
            [c[0] for c in COLUMNS],
            [c[1] for c in COLUMNS],
            rows,
            on_row=lambda n: step(min(95, 5 + n // 2000), f"已写入 {n} 行…"),
        )
    step(100, f"已导出 {count} 行")
    return target
