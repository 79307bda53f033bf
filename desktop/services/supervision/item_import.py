"""Importing an Excel list of 督办事项: a column mapping to preview, then every cell checked before anything is written."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from sqlalchemy import select

from ...errors import PlanDeskError
from ...fileio import ZipTooLarge, inflated_size
from ...models import Unit
from ...storage import Database
from ..core.units import check_unit_name, find_unit
from ..core.validation import check_xml_text, parse_date
from ..core.workbook_text import bad_character_cell
from ..core.workdays import parse_rule
from .items import ItemDraft, register_items, source_code

# Field → (Chinese name, header words that name it, required).
FIELDS: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "title": ("事项名称", ("事项名称", "督办事项", "事项", "标题", "议定事项", "批示事项"), True),
    "source": ("来源", ("来源", "事项来源", "类别", "类型"), True),
    "received_on": ("交办日期", ("交办日期", "收文日期", "收到日期", "登记日期"), True),
    "unit": ("责任单位", ("牵头单位", "责任单位", "承办单位", "主办单位"), True),
    "cooperating": ("配合单位", ("配合单位", "协办单位"), False),
    "rule": ("办理时限", ("办理时限", "时限", "期限"), False),
    "text": ("内容", ("批示内容", "事项内容", "内容", "具体内容"), False),
    "leader": ("批示人", ("批示人", "批示领导"), False),
    "instructed_on": ("批示日期", ("批示日期",), False),
    "doc_ref": ("原件文号", ("原件文号", "文号"), False),
    "meeting_name": ("会议名称", ("会议名称", "会议"), False),
    "meeting_session": ("期次", ("期次", "会议期次"), False),
    "proposal_number": ("编号", ("建议提案编号", "提案编号", "建议编号", "编号"), False),
    "sender": ("来信人", ("来信人",), False),
    "contact_person": ("联系人", ("联系人",), False),
}
_SPLIT = re.compile(r"[、，,；;\s]+")


@dataclass(frozen=True)
class CellError:
    cell: str  # Sheet1!C5
    column: str  # the field's Chinese name
    message: str

    def __str__(self) -> str:
        return f"{self.cell}（{self.column}）：{self.message}"


@dataclass(frozen=True)
class ItemsPreview:
    sheet: str
    headers: dict[str, str]  # column letter → header text
    mapping: dict[str, str]  # field → column letter
    drafts: list[ItemDraft]
    errors: list[CellError]
    unknown_units: list[str] = field(default_factory=list)
    header_row: int = 1

    @property
    def ok(self) -> bool:
        return not self.errors


def guess_mapping(headers: Mapping[str, str]) -> dict[str, str]:
    """Field → column for the headers PlanDesk recognises (exact words first, then contained words)."""
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for exact in (True, False):
        for name, (_, words, _) in FIELDS.items():
            if name in mapping:
                continue
            for letter, header in headers.items():
                h = re.sub(r"\s+", "", header)
                if letter in taken or not h:
                    continue
                if (h in words) if exact else any(w in h for w in words):
                    mapping[name] = letter
                    taken.add(letter)
                    break
    return mapping


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _date(value: Any) -> dt.date | None:
    """A date cell: an Excel date or text such as 2026-05-01 or 2026年5月1日, within 1900–2100 either way
    (the cell error names the column)."""
    return parse_date(value if isinstance(value, dt.date) else _text(value), field="date")


def _header_row(rows: list[tuple[Any, ...]]) -> int:
    """The first of the top rows naming at least two known fields (title rows above it are skipped)."""
    for i, row in enumerate(rows[:10]):
        headers = {get_column_letter(j + 1): _text(v) for j, v in enumerate(row)}
        if len(guess_mapping(headers)) >= 2:
            return i
    return 0


_BAD_XML = (
    "含有 Excel 文件不允许的控制字符（XML 无法容纳的 U+0000–U+001F 控制字符），文件可能已损坏或被改动，未导入任何事项；"
    "请删除该处的异常字符，或在 Excel 中打开后另存，再导入"
)


# A 督办事项 list is a few hundred rows; these bounds keep a hostile or mistaken file from holding memory and
# the write lock for minutes (a sheet of 400 000 shared strings took 1.2 GB).
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_INFLATED_BYTES = 60 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 60


def _check_size(p: Path) -> None:
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise PlanDeskError(f"无法读取文件 {p.name}：{exc.strerror or exc}", location=p.name) from None
    if size > MAX_FILE_BYTES:
        raise PlanDeskError(
            f"{p.name} 过大（{size / 1024 / 1024:.1f} MB，上限 {MAX_FILE_BYTES // 1024 // 1024} MB），"
            "不像是一份督办事项清单，未导入。请拆分后分别导入。",
            location=p.name,
        )
    try:
        inflated_size(p, limit=MAX_INFLATED_BYTES)
    except ZipTooLarge:
        raise PlanDeskError(
            f"{p.name} 解压后过大（超过 {MAX_INFLATED_BYTES // 1024 // 1024} MB），为安全起见未导入。",
            location=p.name,
        ) from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        pass  # not a zip: load_workbook says so below


def _read_rows(p: Path) -> tuple[str, list[tuple[Any, ...]]]:
    """The first sheet's name and rows; PlanDeskError for a file that is no workbook, holds a character XML
    cannot (expat refuses it while the rows are read: the message names the cell) or is beyond the bounds."""
    _check_size(p)
    try:
        wb = load_workbook(p, read_only=True, data_only=True)
        try:
            ws = wb.worksheets[0]
            rows: list[tuple[Any, ...]] = []
            for row in ws.iter_rows(values_only=True, max_col=MAX_COLUMNS):
                rows.append(tuple(row))
                if len(rows) > MAX_ROWS + 20:  # a title and header rows above the items
                    raise PlanDeskError(
                        f"{p.name} 的行数超过 {MAX_ROWS} 行，不像是一份督办事项清单，未导入。请拆分后分别导入。",
                        location=p.name,
                    )
            while rows and not any(v not in (None, "") for v in rows[-1]):
                rows.pop()  # formatting left on empty rows below the list
            return ws.title, rows
        finally:
            wb.close()
    except PlanDeskError:
        raise
    except ParseError:
        cell = bad_character_cell(p)
        where = f"的 {cell} 单元格" if cell else ""
        raise PlanDeskError(f"{p.name} {where}{_BAD_XML}。", location=cell or p.name) from None
    except Exception as exc:  # openpyxl raises many types for a file that is not a workbook
        raise PlanDeskError(f"无法读取 Excel 文件 {p.name}：{exc}", location=p.name) from None


def preview_items_workbook(
    db: Database, *, path: str | Path, mapping: Mapping[str, str] | None = None, create_units: bool = False
) -> ItemsPreview:
    """Read the first sheet: the mapping (guessed unless given), the items and every faulty cell, nothing written."""
    p = Path(path)
    sheet, rows = _read_rows(p)
    top = _header_row(rows)
    headers = {
        get_column_letter(j + 1): _text(v) for j, v in enumerate(rows[top] if rows else ()) if _text(v)
    }
    used = dict(mapping) if mapping is not None else guess_mapping(headers)
    errors: list[CellError] = []
    for name, letter in used.items():
        if name not in FIELDS:
            raise PlanDeskError(f"未知字段“{name}”，可选：{'、'.join(FIELDS)}。", field="mapping")
        if letter not in headers:
            errors.append(CellError(f"{sheet}!{letter}{top + 1}", FIELDS[name][0], "该列没有表头或为空。"))
    for name, (label, _, required) in FIELDS.items():
        if required and name not in used:
            errors.append(CellError(f"{sheet}!{top + 1}", label, "找不到该列，请在列对应中指定。"))
    if errors:
        return ItemsPreview(sheet, headers, used, [], errors, [], top + 1)
    drafts: list[ItemDraft] = []
    unknown: set[str] = set()
    with db.read() as s:
        known = set(s.scalars(select(Unit.name)))
        for i, row in enumerate(rows[top + 1 :], start=top + 2):
            values = {
                name: row[_index(letter)] if _index(letter) < len(row) else None
                for name, letter in used.items()
            }
            if all(_text(v) == "" for v in values.values()):
                continue
            draft, cell_errors = _draft(sheet, i, used, values)
            errors.extend(cell_errors)
            if draft is None:
                continue
            for name, unit in [("unit", draft.unit), *(("cooperating", u) for u in draft.cooperating)]:
                if unit in known or find_unit(s, unit) is not None:
                    continue
                unknown.add(unit)
                if not create_units:
                    errors.append(
                        CellError(f"{sheet}!{used[name]}{i}", FIELDS[name][0], f"未知单位“{unit}”。")
                    )
            drafts.append(draft)
    if not drafts and not errors:
        errors.append(CellError(f"{sheet}!A{top + 2}", "事项", "表中没有任何事项。"))
    return ItemsPreview(sheet, headers, used, drafts, errors, sorted(unknown), top + 1)


def _index(letter: str) -> int:
    n = 0
    for ch in letter:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _cell(name: str, label: str, raw: Any, text: str) -> Any:
    """One cell's value for the field ``name``; PlanDeskError saying what is wrong with it."""
    # A control character (from an _x0001_ escape in the file) would stop every later Excel or Word export
    # of the item: the cell is refused, not silently changed.
    check_xml_text(text, field=name, label=label)
    if name in ("received_on", "instructed_on"):
        return _date(raw) if text else None
    if name == "source":
        return source_code(text)
    if name == "rule":
        return parse_rule(text).text if text else ""
    if name == "cooperating":
        units = tuple(u for u in _SPLIT.split(text) if u)
        for unit in units:
            check_unit_name(unit, field=name, label=label)
        return units
    if name == "unit":
        check_unit_name(text, field=name, label=label)
    return text


def _draft(
    sheet: str, row: int, used: Mapping[str, str], values: Mapping[str, Any]
) -> tuple[ItemDraft | None, list[CellError]]:
    errors: list[CellError] = []
    clean: dict[str, Any] = {}

    def fail(name: str, message: str) -> None:
        errors.append(CellError(f"{sheet}!{used[name]}{row}", FIELDS[name][0], message))

    for name, raw in values.items():
        label, _, required = FIELDS[name]
        text = _text(raw)
        if required and not text:
            fail(name, "不能为空。")
            continue
        try:
            clean[name] = _cell(name, label, raw, text)
        except PlanDeskError as exc:
            fail(name, exc.message)
    if errors:
        return None, errors
    draft = ItemDraft(**clean)
    if draft.source == "instruction" and not draft.leader:
        errors.append(
            CellError(f"{sheet}!{used.get('leader', 'A')}{row}", "批示人", "领导批示件须填写批示人。")
        )
    if draft.source == "meeting" and not draft.meeting_name:
        errors.append(
            CellError(
                f"{sheet}!{used.get('meeting_name', 'A')}{row}", "会议名称", "会议议定事项须填写会议名称。"
            )
        )
    if draft.source == "proposal" and not draft.proposal_number:
        errors.append(
            CellError(f"{sheet}!{used.get('proposal_number', 'A')}{row}", "编号", "建议提案须填写编号。")
        )
    if draft.instructed_on and draft.instructed_on > draft.received_on:
        errors.append(
            CellError(f"{sheet}!{used['instructed_on']}{row}", "批示日期", "批示日期晚于交办日期。")
        )
    return (None, errors) if errors else (draft, [])


def import_items_workbook(
    db: Database, *, path: str | Path, mapping: Mapping[str, str] | None = None, create_units: bool = False
) -> list[int]:
    """Import the list wholly or not at all: any faulty cell refuses the file, naming every such cell."""
    preview = preview_items_workbook(db, path=path, mapping=mapping, create_units=create_units)
    if preview.errors:
        shown = "；".join(str(e).rstrip("。") for e in preview.errors[:20])
        more = f"；另有 {len(preview.errors) - 20} 处" if len(preview.errors) > 20 else ""
        raise PlanDeskError(
            f"{Path(path).name} 有 {len(preview.errors)} 处错误，未导入任何事项：{shown}{more}。",
            location=str(preview.errors[0].cell),
        )
    return register_items(db, drafts=preview.drafts, create_units=create_units)
