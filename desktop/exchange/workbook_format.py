"""The unit feedback workbook (进展反馈表): layout, writing, and reading it back after WPS or LibreOffice."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from ..fileio import atomic_path, inflated_size
from ..reports.cell_text import put
from ..reports.xlsx_writer import LINE_HEIGHT, MAX_ROW_HEIGHT, row_lines

FORMAT = "plandesk-workbook"
# A unit's feedback workbook holds hundreds of rows; nothing real inflates to this.
MAX_INFLATED = 100 * 1024 * 1024
VERSION = 1
DATA_SHEET = "进展反馈"
INFO_SHEET = "说明"
META_SHEET = "_plandesk"
KEY_HEADER = "行键"
STATUS_CHOICES = ("未开始", "进行中", "已完成", "暂缓")
# Read-only columns, then the ones the unit fills in.
FIXED_HEADERS = ("序号", "条目编号", "任务", "责任角色", "截止日期", "当前状态", "当前完成%", "上次进展")
FILL_HEADERS = ("本月进展", "完成百分比", "状态", "存在问题", "下步计划")
SHOWN_HEADERS = ("任务",)  # read back to check each row still carries its own key
HEADER_ROW = 3
META_KEYS = (
    "format",
    "version",
    "workbook_uid",
    "unit_uid",
    "unit_name",
    "plan_uid",
    "plan_title",
    "database_id",
    "period",
    "integrity",
)


@dataclass
class WorkbookRow:
    key: str  # assignment uid
    label: str
    title: str
    role: str
    deadline: dt.date | None
    status: str
    percent: int
    last_progress: str


@dataclass
class WorkbookMeta:
    workbook_uid: str
    unit_uid: str
    unit_name: str
    plan_uid: str
    plan_title: str
    database_id: str
    period: str
    integrity: str = ""
    keys: list[str] = field(default_factory=list)


@dataclass
class RawCell:
    value: Any
    ref: str  # "进展反馈!K7"
    percent_format: bool = False


@dataclass
class RawRow:
    number: int  # the sheet row
    key: str
    key_ref: str
    cells: dict[str, RawCell]  # fill-in header -> cell


@dataclass
class RawWorkbook:
    meta: dict[str, str]
    keys: list[str]
    rows: list[RawRow]
    missing_headers: list[str]
    sheet: str


def integrity_code(secret: str, workbook_uid: str, unit_uid: str, keys: list[str]) -> str:
    """HMAC-SHA256 that ties a workbook to the unit, its rows and the database that issued it."""
    message = "\n".join([workbook_uid, unit_uid, *sorted(keys)]).encode("utf-8")
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


INSTRUCTIONS = (
    "填写说明",
    "1. 本表由 PlanDesk 规划督办台导出，只列出本单位承担的任务。",
    "2. 请在“进展反馈”表中逐行填写：本月进展、完成百分比（0–100 的整数）、状态（未开始/进行中/已完成/暂缓）、"
    "存在问题、下步计划。没有进展的任务可以留空。",
    "3. 灰色列为任务信息，请勿修改；不要增删行、不要复制其他单位表格中的行，否则整份表格将被退回。",
    "4. 可以用 WPS 或 LibreOffice 编辑，保存为 .xlsx 格式后交回。",
)


def write_workbook(path: Path, meta: WorkbookMeta, rows: list[WorkbookRow]) -> None:
    """Write the workbook atomically (a temp file in the same folder, then replace)."""
    wb = Workbook()
    info = wb.active
    assert info is not None  # a new workbook starts with one worksheet
    info.title = INFO_SHEET
    for i, line in enumerate(INSTRUCTIONS, start=1):
        info.cell(row=i, column=1, value=line).font = Font(bold=i == 1, size=14 if i == 1 else 11)
    put(info, len(INSTRUCTIONS) + 2, 1, f"单位：{meta.unit_name}")
    put(info, len(INSTRUCTIONS) + 3, 1, f"方案：{meta.plan_title}")
    put(info, len(INSTRUCTIONS) + 4, 1, f"报告期：{meta.period}")
    info.column_dimensions["A"].width = 110
    _write_data(wb.create_sheet(DATA_SHEET), meta, rows)
    _write_meta(wb, meta)
    wb.active = 1
    with atomic_path(path) as tmp:
        wb.save(tmp)


WIDTHS = {"A": 34, "B": 6, "C": 14, "D": 40, "E": 8, "F": 12, "G": 10, "H": 10, "I": 30}


def _write_data(ws: Any, meta: WorkbookMeta, rows: list[WorkbookRow]) -> None:
    headers = (KEY_HEADER, *FIXED_HEADERS, *FILL_HEADERS)
    put(ws, 1, 2, f"{meta.unit_name} {meta.period} 任务进展反馈表").font = Font(bold=True, size=14)
    put(ws, 2, 2, f"方案：{meta.plan_title}")
    grey = PatternFill("solid", fgColor="EEEEEE")
    fill = PatternFill("solid", fgColor="FFF8DC")
    for col, header in enumerate(headers, start=1):
        cell = ws.cell(row=HEADER_ROW, column=col, value=header)
        cell.font = Font(bold=True)
        cell.fill = fill if header in FILL_HEADERS else grey
    first_fill = len(headers) - len(FILL_HEADERS) + 1
    for i, r in enumerate(rows):
        row = HEADER_ROW + 1 + i
        values = (r.key, i + 1, r.label, r.title, r.role, r.deadline, r.status, r.percent, r.last_progress)
        for col, value in enumerate(values, start=1):
            # User text stays text: a report that reads "=1+1" or "=HYPERLINK(…)" is never a formula.
            cell = put(ws, row, col, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
        # Rows as tall as their wrapped text (the key column is hidden).
        lines = row_lines(list(values[1:]), [WIDTHS[get_column_letter(c)] for c in range(2, 10)])
        if lines > 1:
            ws.row_dimensions[row].height = min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 2)
        for col in range(first_fill, len(headers) + 1):
            cell = ws.cell(row=row, column=col)
            cell.protection = Protection(locked=False)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    last = HEADER_ROW + max(len(rows), 1)
    pct_col = get_column_letter(first_fill + 1)
    status_col = get_column_letter(first_fill + 2)
    percent = DataValidation(
        type="whole",
        operator="between",
        formula1="0",
        formula2="100",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="完成百分比",
        error="请填写 0 到 100 之间的整数",
    )
    status = DataValidation(
        type="list",
        formula1='"' + ",".join(STATUS_CHOICES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="状态",
        error="请从列表中选择状态",
    )
    percent.add(f"{pct_col}{HEADER_ROW + 1}:{pct_col}{last}")
    status.add(f"{status_col}{HEADER_ROW + 1}:{status_col}{last}")
    ws.add_data_validation(percent)
    ws.add_data_validation(status)
    for letter, width in WIDTHS.items():
        ws.column_dimensions[letter].width = width
    for col in range(first_fill, len(headers) + 1):
        ws.column_dimensions[get_column_letter(col)].width = 30 if col != first_fill + 1 else 12
    ws.column_dimensions["A"].hidden = True
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=3)
    ws.protection.sheet = True
    ws.protection.formatRows = False
    ws.protection.formatColumns = False


def _write_meta(wb: Any, meta: WorkbookMeta) -> None:
    ws = wb.create_sheet(META_SHEET)
    values = {
        "format": FORMAT,
        "version": str(VERSION),
        "workbook_uid": meta.workbook_uid,
        "unit_uid": meta.unit_uid,
        "unit_name": meta.unit_name,
        "plan_uid": meta.plan_uid,
        "plan_title": meta.plan_title,
        "database_id": meta.database_id,
        "period": meta.period,
        "integrity": meta.integrity,
    }
    for i, key in enumerate(META_KEYS, start=1):
        put(ws, i, 1, key)
        put(ws, i, 2, values[key])
    put(ws, 1, 4, "row_keys")
    for i, key in enumerate(meta.keys, start=2):
        put(ws, i, 4, key)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
    row = META_KEYS.index("integrity") + 1
    wb.defined_names["PLANDESK_INTEGRITY"] = DefinedName(
        "PLANDESK_INTEGRITY", attr_text=f"'{META_SHEET}'!$B${row}"
    )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_workbook(path: Path) -> RawWorkbook:
    """Cells as found: columns located by header text, metadata from the hidden sheet.

    Raises ValueError/OSError/zipfile errors for files that are not workbooks, ZipTooLarge for a file that
    inflates beyond any feedback workbook; the caller words them.
    """
    inflated_size(path, limit=MAX_INFLATED)
    try:
        with zipfile.ZipFile(path) as archive:
            return _read(_PlainBook(archive))
    except (_Unusual, KeyError, ValueError, IndexError, ET.ParseError, zipfile.BadZipFile):
        pass  # anything the plain reader does not know: openpyxl reads it (and words a broken file's errors)
    return read_with_openpyxl(path)


def read_with_openpyxl(path: Path) -> RawWorkbook:
    """The same reading through openpyxl, for workbooks the plain reader below leaves to it."""
    # Streaming (read-only) mode reads a sheet several times faster than building every cell object.
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in wb.worksheets:
            # Some writers store a wrong or missing sheet size; read what is really there instead.
            sheet.reset_dimensions()
        return _read(wb)
    finally:
        wb.close()


def _read(wb: Any) -> RawWorkbook:
    meta: dict[str, str] = {}
    keys: list[str] = []
    meta_ws = wb[META_SHEET] if META_SHEET in wb.sheetnames else None
    if meta_ws is not None:
        for row in meta_ws.iter_rows(min_row=1, max_col=4, values_only=True):
            if len(row) < 2:
                continue
            if row[0] and _text(row[0]) in META_KEYS:
                meta[_text(row[0])] = _text(row[1])
            if len(row) > 3 and row[3] and _text(row[3]) != "row_keys":
                keys.append(_text(row[3]))
    ws, header_row, columns = _find_data_sheet(wb)
    if ws is None:
        return RawWorkbook(meta, keys, [], [KEY_HEADER, *FILL_HEADERS], DATA_SHEET)
    missing = [h for h in (KEY_HEADER, *FILL_HEADERS) if h not in columns]
    rows: list[RawRow] = []
    key_col = columns.get(KEY_HEADER)
    letters = {h: get_column_letter(c) for h, c in columns.items()}
    # Rows come back as stored: missing rows as empty tuples, short rows without their trailing cells.
    for number, cells in enumerate(ws.iter_rows(min_row=header_row + 1), start=header_row + 1):
        if not cells:
            continue
        values = {h: cells[c - 1] if c - 1 < len(cells) else None for h, c in columns.items()}
        key_cell = values.get(KEY_HEADER)
        key = _text(key_cell.value) if key_cell is not None else ""
        fills = {h: values[h] for h in FILL_HEADERS if h in values}
        if not key and all(c is None or _text(c.value) == "" for c in fills.values()):
            continue
        # The task shown on the row travels with the fill-in cells, so a key moved to another row is seen.
        shown = {h: values[h] for h in SHOWN_HEADERS if h in values}
        rows.append(
            RawRow(
                number,
                key,
                f"{ws.title}!{get_column_letter(key_col or 1)}{number}",
                {h: _raw_cell(c, f"{ws.title}!{letters[h]}{number}") for h, c in {**shown, **fills}.items()},
            )
        )
    return RawWorkbook(meta, keys, rows, missing, ws.title)


def _raw_cell(cell: Any, ref: str) -> RawCell:
    if cell is None:
        return RawCell(None, ref)
    return RawCell(cell.value, ref, "%" in (cell.number_format or ""))


def _find_data_sheet(wb: Any) -> tuple[Any, int, dict[str, int]]:
    """The sheet and row whose headers include the row key and the fill-in columns."""
    order = [wb[DATA_SHEET]] if DATA_SHEET in wb.sheetnames else []
    order += [ws for ws in wb.worksheets if ws.title not in (DATA_SHEET, META_SHEET)]
    for ws in order:
        for number, cells in enumerate(ws.iter_rows(min_row=1, max_row=10), start=1):
            columns: dict[str, int] = {}
            for col, c in enumerate(cells, start=1):
                text = _text(c.value).replace(" ", "")
                for header in (KEY_HEADER, *FIXED_HEADERS, *FILL_HEADERS):
                    if text == header or (text.startswith(header) and header not in columns):
                        columns.setdefault(header, col)
            if KEY_HEADER in columns and "本月进展" in columns:
                return ws, number, columns
    return None, 0, {}


# -- plain reader --------------------------------------------------------------------------------------------
# openpyxl spends most of a small workbook's reading time building its style and cell objects; the feedback
# workbook needs the values and the number format of a few columns. This reader takes them straight from the
# sheet XML and gives up (raising _Unusual) on anything it does not handle, so openpyxl reads those files.

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


class _Unusual(Exception):
    """The workbook uses something the plain reader leaves to openpyxl."""


@dataclass(frozen=True)
class _PlainCell:
    value: Any = None
    number_format: str = "General"


_EMPTY = _PlainCell()


def _part(name: str, target: str) -> str:
    """A relationship target as a path inside the archive."""
    if target.startswith("/"):
        return target[1:]
    base = name.rsplit("/", 1)[0]
    parts: list[str] = []
    for piece in f"{base}/{target}".split("/"):
        if piece == "..":
            parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


def _text_of(element: ET.Element) -> str:
    """The text of a shared or inline string: plain <t> and the runs of rich text (phonetic hints left out)."""
    direct = element.find(f"{_NS}t")
    runs = [t.text or "" for r in element.findall(f"{_NS}r") for t in r.findall(f"{_NS}t")]
    return "".join([direct.text or ""] if direct is not None else []) + "".join(runs)


class _PlainBook:
    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        book = ET.fromstring(archive.read("xl/workbook.xml"))
        if book.tag != f"{_NS}workbook":
            raise _Unusual(book.tag)  # e.g. Strict Open XML
        properties = book.find(f"{_NS}workbookPr")
        flag = properties.get("date1904") if properties is not None else None
        # As openpyxl reads the flag: only "false", "f" and "0" (or nothing) mean the 1900 calendar.
        mac = flag is not None and flag not in ("false", "f", "0") and bool(flag)
        self.epoch = CALENDAR_MAC_1904 if mac else CALENDAR_WINDOWS_1900
        rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        targets = {
            r.get("Id"): (r.get("Type", ""), _part("xl/workbook.xml", r.get("Target", "")))
            for r in rels.iter(f"{_PKG_NS}Relationship")
        }
        self.strings: list[str] = []
        formats: dict[int, str] = dict(BUILTIN_FORMATS)
        self.styles: list[str] = []
        for kind, target in targets.values():
            if kind.endswith("/sharedStrings"):
                self.strings = [
                    _text_of(si).replace("x005F_", "")
                    for si in ET.fromstring(archive.read(target)).iter(f"{_NS}si")
                ]
            elif kind.endswith("/styles"):
                styles = ET.fromstring(archive.read(target))
                for fmt in styles.iter(f"{_NS}numFmt"):
                    formats[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode", "")
                xfs = styles.find(f"{_NS}cellXfs")
                self.styles = [
                    formats.get(int(xf.get("numFmtId", "0")), "General")
                    for xf in (xfs if xfs is not None else [])
                ]
        self.worksheets = [
            _PlainSheet(self, s.get("name", ""), targets[s.get(f"{_REL_NS}id")][1])
            for s in book.iter(f"{_NS}sheet")
        ]
        self.sheetnames = [ws.title for ws in self.worksheets]

    def __getitem__(self, name: str) -> _PlainSheet:
        return next(ws for ws in self.worksheets if ws.title == name)


class _PlainSheet:
    def __init__(self, book: _PlainBook, title: str, part: str) -> None:
        self.book, self.title, self.part = book, title, part

    def iter_rows(
        self,
        min_row: int = 1,
        max_row: int | None = None,
        max_col: int | None = None,
        values_only: bool = False,
    ) -> Iterator[tuple[Any, ...]]:
        """Rows from min_row on as openpyxl's streaming mode gives them: () for a missing row."""
        expected = min_row
        for number, cells in self._rows():
            if max_row is not None and number > max_row:
                return
            if number < min_row:
                continue
            while expected < number:
                yield () if max_col is None else (None if values_only else _EMPTY,) * max_col
                expected += 1
            width = max_col or max(cells, default=0)
            row = [cells.get(c, _EMPTY) for c in range(1, width + 1)]
            yield tuple(c.value for c in row) if values_only else tuple(row)
            expected = number + 1

    def _rows(self) -> Iterator[tuple[int, dict[int, _PlainCell]]]:
        number = 0
        with self.book.archive.open(self.part) as stream:
            for _event, element in ET.iterparse(stream, events=("end",)):
                if element.tag != f"{_NS}row":
                    continue
                number = int(element.get("r") or number + 1)
                cells: dict[int, _PlainCell] = {}
                col = 0
                for c in element.iter(f"{_NS}c"):
                    ref = c.get("r")
                    col = column_index_from_string(ref.rstrip("0123456789")) if ref else col + 1
                    cells[col] = self._cell(c)
                element.clear()
                yield number, cells

    def _cell(self, c: ET.Element) -> _PlainCell:
        kind = c.get("t", "n")
        style = self.book.styles[int(c.get("s", "0"))] if self.book.styles else "General"
        if kind == "inlineStr":
            inline = c.find(f"{_NS}is")
            return _PlainCell(_text_of(inline) if inline is not None else None, style)
        raw = c.findtext(f"{_NS}v") or None
        if raw is None:
            return _PlainCell(None, style)
        if kind == "s":
            return _PlainCell(self.book.strings[int(raw)], style)
        if kind in ("str", "e"):
            return _PlainCell(raw, style)
        if kind == "b":
            return _PlainCell(bool(int(raw)), style)
        if kind != "n":
            raise _Unusual(f"cell type {kind}")  # e.g. ISO 8601 dates ("d"): openpyxl's to convert
        number = float(raw) if any(ch in raw for ch in ".eE") else int(raw)
        if is_date_format(style):  # a serial date or time, converted as openpyxl converts it
            try:
                return _PlainCell(
                    from_excel(number, self.book.epoch, timedelta=is_timedelta_format(style)), style
                )
            except (OverflowError, ValueError):
                return _PlainCell("#VALUE!", style)  # outside the dates Excel can show: an error value
        return _PlainCell(number, style)
