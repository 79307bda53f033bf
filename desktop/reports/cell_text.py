"""User text in spreadsheet cells stays text: nothing a unit or the office typed becomes a formula."""

from __future__ import annotations

from typing import Any

# What Excel, WPS and LibreOffice read as the start of a formula when a cell is typed or pasted (and what
# CSV injection relies on): such text is stored as a string cell with the quote prefix (Excel's ').
FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r")


def formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_LEAD)


def put(ws: Any, row: int, column: int, value: object) -> Any:
    """Set one openpyxl cell; strings are always string cells (openpyxl makes '=…' a formula otherwise)."""
    cell = ws.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if formula_like(value):
            cell.quotePrefix = True
    return cell


def append(ws: Any, values: list[object]) -> int:
    """ws.append for user data: every string stays a string cell. Returns the row written."""
    row = ws.max_row + 1 if ws.max_row > 1 or ws.cell(1, 1).value is not None else 1
    for column, value in enumerate(values, start=1):
        if value is not None:
            put(ws, row, column, value)
    return row
