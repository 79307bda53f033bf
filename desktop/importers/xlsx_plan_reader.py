"""Excel task breakdown tables (任务分解表, .xlsx) read as plans.

Each sheet whose rows include a task table's header gives its title rows as lines of text, then its header and
one tab-separated line per row, as a Word table is read: a cell merged down over several rows repeats its text
on every row it spans (a category or a unit applies to each task), a cell merged across is printed once
followed by empty cells, and a row holding only a group's name (一、…) stays a row of the table.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from desktop.errors import ImportRefused
from desktop.importers.numbering import match_heading
from desktop.importers.text_tables import header_role, header_roles, is_task_header, is_unit_list
from desktop.importers.zip_guard import check_unpacked_size

MAX_ROWS = 20_000  # rows of one sheet, empty ones included; a task table has a few hundred
MAX_CELLS = 300_000  # cells written in the whole workbook: what loading it in full must hold in memory
MAX_COLUMNS = 60
HEADER_SEARCH_ROWS = 30  # a header further down is not a task table's
LOOKED_FOR = "序号、重点任务（或工作任务、具体措施）、牵头单位（或责任单位）、配合单位、完成时限"
_NOTE = re.compile(r"^(?:注|备注|说明|填表说明)\s*\d*\s*[:：]")
_CJK_END = re.compile(r"[\u3400-\u9fff，。；：、）]$")


@dataclass
class _Sheet:
    title: str
    grid: list[list[str]]  # cell texts, merged cells already spread as a Word table prints them
    spans: set[tuple[int, int]]  # (row, column) of cells merged across two columns or more


def _check_zip(data: bytes, name: str) -> None:
    check_unpacked_size(data, name, f"Excel 文件“{name}”已损坏或不完整，无法读取。")


def cell_text(value: Any) -> str:
    """A cell as the plan's text: dates in Chinese, whole numbers without '.0', lines of unit names listed
    with 、, other lines run together."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        value = value.date()
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    parts = [p.strip() for p in str(value).replace("\t", " ").splitlines() if p.strip()]
    if len(parts) > 1 and all(is_unit_list(p) for p in parts):
        return "、".join(parts)
    return "".join(parts) if any(_CJK_END.search(p) for p in parts) else " ".join(parts)


def _grids(data: bytes, name: str) -> list[tuple[str, list[list[str]]]]:
    """Every sheet's cell texts, read in streaming (read-only) mode, which also bounds what the full load
    that follows has to hold: a sheet of too many rows, or a workbook of too many cells, is refused."""
    import openpyxl
    from openpyxl.cell.read_only import EmptyCell

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    out: list[tuple[str, list[list[str]]]] = []
    written = 0
    try:
        for sheet in workbook.worksheets:
            sheet.reset_dimensions()  # the size a writer records may be wrong: read the rows as they are
            grid: list[list[str]] = []
            for row in sheet.iter_rows():
                written += sum(1 for cell in row if not isinstance(cell, EmptyCell))
                if len(grid) >= MAX_ROWS or written > MAX_CELLS:
                    raise ImportRefused(
                        f"Excel 文件“{name}”的工作表“{sheet.title}”过大（超过 {MAX_ROWS} 行或 {MAX_CELLS} 个"
                        "单元格），不像是一张任务分解表，无法导入。",
                        location=f"{name}：{sheet.title}",
                    )
                grid.append([cell_text(cell.value) for cell in row[:MAX_COLUMNS]])
            out.append((sheet.title, grid))
    finally:
        workbook.close()
    return out


def _sheets(data: bytes, name: str) -> list[_Sheet]:
    import openpyxl

    grids = _grids(data, name)
    # Merged cells are only known to a fully loaded workbook, not to a read-only one.
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    out: list[_Sheet] = []
    for (title, grid), sheet in zip(grids, workbook.worksheets, strict=True):
        width = max((len(row) for row in grid), default=0)
        grid = [row + [""] * (width - len(row)) for row in grid]
        spans: set[tuple[int, int]] = set()
        for merged in sheet.merged_cells.ranges:
            top, left = merged.min_row - 1, merged.min_col - 1
            if top >= len(grid) or left >= width:
                continue
            text = grid[top][left]
            for r in range(top, min(merged.max_row, len(grid))):
                grid[r][left] = text
                if merged.max_col > merged.min_col:
                    spans.add((r, left))
        out.append(_Sheet(title, grid, spans))
    return out


def _header_rows(grid: list[list[str]]) -> tuple[int, int] | None:
    """The first and last row of a task table's header: a row of column names, with the rows below it that
    name sub-columns (责任单位 over 牵头单位 | 配合单位)."""
    for r, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        roles = header_roles(row)
        if roles is None or not is_task_header(roles):
            continue
        last = r
        while last + 1 < len(grid) and _names_sub_columns(grid[last + 1], grid[last]):
            last += 1
        return r, last
    return None


def _names_sub_columns(row: list[str], above: list[str]) -> bool:
    filled = [(j, c) for j, c in enumerate(row) if c]
    new = [(j, c) for j, c in filled if j >= len(above) or c != above[j]]
    return bool(new) and all(header_role(c) is not None for _, c in new)


def _header_line(grid: list[list[str]], first: int, last: int) -> list[str]:
    """One header cell per column: the lowest name given to it."""
    width = max(len(r) for r in grid[first : last + 1])
    cells = [""] * width
    for row in grid[first : last + 1]:
        for j, text in enumerate(row):
            if text:
                cells[j] = text
    return cells


def _plain(row: list[str]) -> str:
    """A row outside the table as a line of text (a merged cell's text once)."""
    parts: list[str] = []
    for text in row:
        if text and (not parts or parts[-1] != text):
            parts.append(text)
    return " ".join(parts)


def _sheet_lines(sheet: _Sheet, first: int, last: int) -> list[str]:
    """The sheet's title rows as text, then its table's header and rows as tab-separated lines."""
    grid = sheet.grid
    header = _header_line(grid, first, last)
    used = [j for j, c in enumerate(header) if c]
    left, right = used[0], used[-1] + 1
    lines: list[str] = []
    for row in grid[:first]:
        text = _plain(row)
        if text and (not lines or lines[-1] != text):  # a title merged over two rows is printed once
            lines.append(text)
    lines.append("\t".join(header[left:right]))
    in_table = True
    for r in range(last + 1, len(grid)):
        cells = (grid[r] + [""] * right)[left:right]
        filled = [c for c in cells if c]
        if not filled:
            continue
        if not in_table or (len(filled) == 1 and _NOTE.match(filled[0])):
            in_table = False  # notes below the table, and whatever follows them
            lines.append(_plain(cells))
            continue
        if len(filled) == 1 and len(cells) > 1:
            heading = match_heading(filled[0])
            groups = heading is not None and heading.kind in ("chapter", "section")
            if groups or (r, left + cells.index(filled[0])) in sheet.spans:
                lines.append("\t" + filled[0])  # a row naming the group of rows below it
                continue
        lines.append("\t".join(cells))
    return lines


def read_xlsx_plan(data: bytes, name: str) -> str:
    """Text of an .xlsx task breakdown table; a workbook without one is refused, saying what was looked for."""
    _check_zip(data, name)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (data validation, conditional formats): not the user's
            # concern when only the cells' text is read.
            warnings.simplefilter("ignore")
            sheets = _sheets(data, name)
    except ImportRefused:
        raise
    except RecursionError as exc:
        raise ImportRefused(f"Excel 文件“{name}”结构嵌套过深，无法导入。", location=name) from exc
    except Exception as exc:  # openpyxl and its XML parser raise many types for damaged files
        raise ImportRefused(f"Excel 文件“{name}”已损坏或不完整，无法读取表格内容。", location=name) from exc
    lines: list[str] = []
    for sheet in sheets:
        found = _header_rows(sheet.grid)
        if found is None:
            continue
        sheet_lines = _sheet_lines(sheet, *found)
        if not lines and "\t" in sheet_lines[0]:
            # Without a title row the file's name is the plan's title, as the user named it.
            sheet_lines.insert(0, PurePath(name).stem)
        if lines:
            lines.append("")
        lines.extend(sheet_lines)
    if not lines:
        raise ImportRefused(
            f"Excel 文件“{name}”中没有找到任务分解表。PlanDesk 在每个工作表的前 {HEADER_SEARCH_ROWS} 行中"
            f"查找这样的表头行：{LOOKED_FOR}，至少要有任务列和责任单位或完成时限列。",
            location=name,
        )
    return "\n".join(lines)
