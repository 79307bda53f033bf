"""The fast workbook reader reads dates and times exactly as openpyxl does, in both Excel calendars."""

from __future__ import annotations

import datetime as dt
import warnings
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from desktop.exchange.workbook_format import DATA_SHEET, _PlainBook, _read, read_with_openpyxl

HEADERS = ["行键", "任务", "本月进展", "完成百分比", "状态", "存在问题", "下步计划"]


@pytest.mark.parametrize("mac", [False, True])
def test_serial_dates_and_times_read_as_openpyxl_reads_them(tmp_path: Path, mac: bool) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = DATA_SHEET
    if mac:
        wb.epoch = CALENDAR_MAC_1904
    ws.append(HEADERS)
    values = [dt.date(2024, 6, 1), dt.datetime(2024, 6, 1, 13, 30), dt.time(12, 30), dt.timedelta(hours=30)]
    formats = ["yyyy-mm-dd", "yyyy-mm-dd hh:mm", "hh:mm", "[h]:mm:ss"]
    for i, (value, fmt) in enumerate(zip(values, formats, strict=True)):
        ws.append([f"k{i}", "任务", value, value, None, None, None])
        for cell in ws[ws.max_row][2:4]:
            cell.number_format = fmt
    # Serials at the edges of the calendars, and one no date can have (an error value for both readers).
    ws.append(["k8", "任务", 0, 59, 60, 61, 5e9])
    for cell in ws[ws.max_row][2:]:
        cell.number_format = "yyyy-mm-dd"
    path = tmp_path / "dates.xlsx"
    wb.save(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about the serial outside any date
        with zipfile.ZipFile(path) as archive:
            book = _PlainBook(archive)
            plain = _read(book)
            plain_cells = [tuple(c.value for c in row) for row in book[DATA_SHEET].iter_rows()]
        assert plain == read_with_openpyxl(path)
        streamed = load_workbook(path, read_only=True, data_only=True)
        sheet = streamed[DATA_SHEET]
        sheet.reset_dimensions()
        assert plain_cells == [tuple(c.value for c in row) for row in sheet.iter_rows()]
        streamed.close()
    assert plain_cells[1][2] == dt.datetime(2024, 6, 1)
    assert plain_cells[-1][-1] == "#VALUE!"
