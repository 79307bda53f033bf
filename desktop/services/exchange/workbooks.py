"""Unit feedback workbooks: export one per unit, preview and apply what units filled in."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import re
import secrets
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from openpyxl.utils.exceptions import InvalidFileException
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from ... import clock
from ...errors import NotFound, PlanDeskError
from ...exchange.workbook_format import (
    FILL_HEADERS,
    FORMAT,
    RawRow,
    RawWorkbook,
    WorkbookMeta,
    WorkbookRow,
    integrity_code,
    read_workbook,
    write_workbook,
)
from ...fileio import ZipTooLarge
from ...models import (
    Assignment,
    ImportBatch,
    Plan,
    PlanNode,
    ProgressEntry,
    Unit,
    WorkbookExport,
    WorkflowStep,
)
from ...storage import Database
from ..core.backups import backup_before
from ..core.gc_pause import collector_paused
from ..core.status import ROLE_NAMES, STATUS_CODES, STATUS_NAMES, effective_status
from ..core.units import resolve_unit
from ..core.validation import parse_period, xml_invalid_char
from ..core.workbook_text import bad_character_cell
from ..plans.plan_import import reserve_ids
from ..supervision import echoes
from ..supervision.workflow import FINAL_STATES, closed_periods, hold_months, note_report, state_name
from .keystore import SECRET_KEY, database_identity, office_secret


@dataclass(frozen=True)
class Problem:
    location: str  # "进展反馈!K7" or the file name
    message: str
    blocking: bool = True

    def __str__(self) -> str:
        return f"{self.location}：{self.message}"


@dataclass(frozen=True)
class EntryPreview:
    row: int
    assignment_id: int
    assignment_uid: str
    task: str
    period: str
    text: str
    percent: int | None
    status: str | None  # code, or None when left empty
    problems: str
    next_steps: str
    source_ref: str
    action: str  # add | update | same


@dataclass
class FilePreview:
    path: str
    workbook_uid: str = ""
    unit: str = ""
    period: str = ""
    entries: list[EntryPreview] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def blocked(self) -> bool:
        return any(p.blocking for p in self.problems)

    @property
    def changes(self) -> int:
        return sum(1 for e in self.entries if e.action != "same")


@dataclass
class WorkbookPreview:
    files: list[FilePreview]

    @property
    def blocked(self) -> bool:
        return any(f.blocked for f in self.files)


@dataclass(frozen=True)
class FileResult:
    path: str
    applied: bool
    added: int
    updated: int
    unchanged: int
    problems: list[Problem]
    batch_id: int | None = None


@dataclass
class WorkbookResult:
    files: list[FileResult]

    @property
    def refused(self) -> list[FileResult]:
        return [f for f in self.files if not f.applied]


def _safe_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("_")[:60] or "单位"


def _label_path(node: PlanNode, nodes: dict[int, PlanNode]) -> str:
    parts = []
    current: PlanNode | None = node
    while current is not None and current.kind != "root":
        parts.append(current.label or current.title[:8])
        current = nodes.get(current.parent_id or -1)
    return "".join(reversed(parts))


def export_workbooks(
    db: Database,
    *,
    plan_id: int,
    unit: str | None = None,
    all_units: bool = False,
    out: str | os.PathLike[str],
    period: str | None = None,
) -> list[Path]:
    """One feedback workbook per unit (a file for one unit, a folder for all units)."""
    period = parse_period(period or clock.today().strftime("%Y-%m"))
    if bool(unit) == bool(all_units):
        raise PlanDeskError("请指定一个单位，或选择全部单位。", field="unit")
    target = Path(out)
    today = clock.today()
    staged: list[
        tuple[Path, Path]
    ] = []  # (written beside, final): files appear only once the export is recorded
    try:
        _export(db, plan_id, unit, all_units, target, period, today, staged)
        for tmp, final in staged:
            os.replace(tmp, final)
    finally:
        for tmp, _final in staged:
            tmp.unlink(missing_ok=True)
    return [final for _tmp, final in staged]


def _export(
    db: Database,
    plan_id: int,
    unit: str | None,
    all_units: bool,
    target: Path,
    period: str,
    today: dt.date,
    staged: list[tuple[Path, Path]],
) -> None:
    with db.write(cause="导出进展反馈表") as s:
        plan = s.get(Plan, plan_id)
        if plan is None:
            raise NotFound(f"找不到编号为 {plan_id} 的方案。", field="plan_id")
        nodes = {n.id: n for n in s.scalars(select(PlanNode).where(PlanNode.plan_id == plan_id))}
        query = (
            select(Assignment)
            .join(PlanNode)
            .where(PlanNode.plan_id == plan_id, PlanNode.archived.is_(False), Assignment.archived.is_(False))
        )
        if unit:
            query = query.where(Assignment.unit_id == resolve_unit(s, unit).id)
        by_unit: dict[int, list[Assignment]] = {}
        closed = 0
        for a in s.scalars(query):
            if _closed(a):  # nothing left to report on: 已完成, 已办结 or 已销号 work gets no row to fill
                closed += 1
                continue
            by_unit.setdefault(a.unit_id, []).append(a)
        if not by_unit:
            if closed:
                raise PlanDeskError(
                    f"{unit or '各单位'}在该方案中的 {closed} 项分工都已完成或办结，没有需要填报的任务，未导出反馈表。",
                    field="unit",
                )
            raise PlanDeskError(f"{unit or '各单位'}在该方案中没有分工任务，未导出反馈表。", field="unit")
        secret = office_secret(s, SECRET_KEY, create=True) or ""
        db_id = database_identity(s, create=True) or ""
        if all_units:
            target.mkdir(parents=True, exist_ok=True)
        for unit_id, assignments in sorted(by_unit.items()):
            u = s.get(Unit, unit_id)
            assert u is not None
            order = {n.id: _order_key(n, nodes) for n in nodes.values()}
            assignments.sort(key=lambda a: (order[a.node_id], a.id))
            rows = []
            for a in assignments:
                node = nodes[a.node_id]
                last = s.scalar(
                    select(ProgressEntry.text)
                    .where(ProgressEntry.assignment_id == a.id)
                    .order_by(ProgressEntry.period.desc(), ProgressEntry.id.desc())
                    .limit(1)
                )
                rows.append(
                    WorkbookRow(
                        a.uid,
                        _label_path(node, nodes),
                        node.title,
                        ROLE_NAMES.get(a.role, a.role),
                        a.deadline,
                        STATUS_NAMES[effective_status(a.status, a.deadline, today)],
                        a.percent,
                        last or "",
                    )
                )
            export = WorkbookExport(
                uid=secrets.token_hex(16), plan_id=plan.id, unit_id=u.id, period=period, row_count=len(rows)
            )
            keys = [r.key for r in rows]
            meta = WorkbookMeta(
                export.uid,
                u.uid,
                u.name,
                plan.uid,
                plan.title,
                db_id,
                period,
                integrity_code(secret, export.uid, u.uid, keys),
                keys,
            )
            path = target / f"{_safe_name(u.name)}_{period}_进展反馈表.xlsx" if all_units else target
            export.file_name = path.name
            s.add(export)
            pending = path.with_name(f".{path.name}.pending")
            write_workbook(pending, meta, rows)
            staged.append((pending, path))


def _closed(a: Assignment) -> bool:
    """Work a unit no longer reports on: done, or 办结/销号 in the workflow."""
    return a.status == "done" or a.workflow_state in FINAL_STATES


def _first_filled(row: RawRow) -> str:
    """The cell a refusal points at: the first one the unit filled in, else the row's key."""
    for header in FILL_HEADERS:
        cell = row.cells.get(header)
        if cell is not None and cell.value is not None and str(cell.value).strip():
            return cell.ref
    return row.key_ref


def _order_key(node: PlanNode, nodes: dict[int, PlanNode]) -> tuple[int, ...]:
    chain = []
    current: PlanNode | None = node
    while current is not None:
        chain.append(current.position)
        current = nodes.get(current.parent_id or -1)
    return tuple(reversed(chain))


# What Excel shows for a formula that failed or a date it cannot represent: never content.
EXCEL_ERRORS = (
    "#VALUE!",
    "#REF!",
    "#DIV/0!",
    "#N/A",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "#GETTING_DATA",
    "#SPILL!",
)


def _excel_error(cell: Any) -> str | None:
    value = cell.value
    if isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS:
        return value.strip()
    return None


def _percent(cell: Any, problems: list[Problem]) -> int | None:
    value = cell.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):  # TRUE/FALSE is a checkbox, not 1 % or 0 %
        problems.append(
            Problem(cell.ref, f"完成百分比应为 0–100 的整数，收到逻辑值“{'TRUE' if value else 'FALSE'}”")
        )
        return None
    try:
        if isinstance(value, int | float):
            number = float(value) * (100 if cell.percent_format and value <= 1 else 1)
        else:
            number = float(str(value).strip().rstrip("%％"))
    except ValueError:
        problems.append(Problem(cell.ref, f"完成百分比应为 0–100 的整数，收到“{value}”"))
        return None
    if not 0 <= number <= 100 or abs(number - round(number)) > 1e-6:
        problems.append(Problem(cell.ref, f"完成百分比应为 0–100 的整数，收到“{value}”"))
        return None
    return int(round(number))


def _status(cell: Any, problems: list[Problem]) -> str | None:
    text = "" if cell.value is None else str(cell.value).strip()
    if not text:
        return None
    code = STATUS_CODES.get(text, text)
    if code not in ("not_started", "in_progress", "done", "suspended"):
        problems.append(Problem(cell.ref, f"状态“{text}”无效，可选：未开始、进行中、已完成、暂缓"))
        return None
    return code


def _cell_text(row: RawRow, header: str) -> str:
    cell = row.cells.get(header)
    if cell is None or cell.value is None:
        return ""
    value = cell.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _fingerprint(*values: Any) -> str:
    return hashlib.sha1(json.dumps(values, ensure_ascii=False).encode("utf-8")).hexdigest()


def _read_file(path: Path) -> tuple[FilePreview, RawWorkbook | None]:
    """The workbook's cells, read without the database (so no transaction waits on the parsing)."""
    preview = FilePreview(str(path))
    try:
        return preview, read_workbook(path)
    except FileNotFoundError:
        preview.problems.append(Problem(path.name, "找不到文件"))
    except PermissionError:
        preview.problems.append(Problem(path.name, "没有读取该文件的权限（文件可能正被 Excel 打开并锁定）"))
    except ZipTooLarge:
        preview.problems.append(
            Problem(path.name, "解压后过大（超过 100 MB），不像进展反馈表，为安全起见拒绝读取")
        )
    except ParseError:  # a control character no XML holds (&#1;): the reader stops there; name the cell
        preview.problems.append(
            Problem(
                bad_character_cell(path) or path.name,
                "含有 Excel 文件不允许的控制字符（XML 无法容纳的 U+0000–U+001F 控制字符），文件可能已损坏或被改动，"
                "无法读取；请删除该处的异常字符，或在 Excel 中打开后另存，再导入",
            )
        )
    except (zipfile.BadZipFile, InvalidFileException, OSError, ValueError, KeyError, EOFError, RuntimeError):
        # The library's own (English) reason helps nobody in an office; say what the file is not.
        preview.problems.append(
            Problem(path.name, "不是有效的 Excel 工作簿（.xlsx），或文件已损坏，无法读取")
        )
    return preview, None


def _check_file(s: Session, path: Path) -> tuple[FilePreview, _FileFacts | None]:
    """Everything wrong with a returned workbook, and the entries it would add (reads only)."""
    preview, raw = _read_file(path)
    return _check_parsed(s, path, preview, raw)


def _check_parsed(
    s: Session, path: Path, preview: FilePreview, raw: RawWorkbook | None
) -> tuple[FilePreview, _FileFacts | None]:
    if raw is None:
        return preview, None
    export = _check_origin(s, raw, path, preview)
    if export is None:
        return preview, None
    unit = s.get(Unit, export.unit_id)
    assert unit is not None
    preview.workbook_uid, preview.unit, preview.period = export.uid, unit.name, export.period
    listed = set(raw.keys)
    seen: dict[str, int] = {}
    facts = _FileFacts.load(s, export, [row.key for row in raw.rows if row.key])
    for row in raw.rows:
        _check_row(s, row, export, unit, listed, seen, preview, facts)
    return preview, facts


@dataclass
class _FileFacts:
    """What the rows of one workbook refer to, loaded with a few queries for the whole file."""

    assignments: dict[str, Assignment]  # by uid
    nodes: dict[int, PlanNode]
    entries: dict[int, ProgressEntry]  # the entry an earlier import of this workbook made, by assignment id
    closed: dict[int, set[str]] = field(default_factory=dict)  # closed months by plan id

    @classmethod
    def load(cls, s: Session, export: WorkbookExport, keys: list[str]) -> _FileFacts:
        assignments: dict[str, Assignment] = {}
        for chunk in _chunks(sorted(set(keys))):
            assignments.update(
                (a.uid, a) for a in s.scalars(select(Assignment).where(Assignment.uid.in_(chunk)))
            )
        ids = sorted(a.id for a in assignments.values())
        nodes: dict[int, PlanNode] = {}
        for chunk in _chunks(sorted({a.node_id for a in assignments.values()})):
            nodes.update((n.id, n) for n in s.scalars(select(PlanNode).where(PlanNode.id.in_(chunk))))
        entries: dict[int, ProgressEntry] = {}
        for chunk in _chunks(ids):
            for e in s.scalars(
                select(ProgressEntry)
                .where(
                    ProgressEntry.assignment_id.in_(chunk),
                    ProgressEntry.source == "workbook",
                    ProgressEntry.source_ref.like(f"{export.uid}:%"),
                )
                .order_by(ProgressEntry.id)
            ):
                entries.setdefault(e.assignment_id, e)
        return cls(assignments, nodes, entries)

    def closed_periods(self, s: Session, plan_id: int) -> set[str]:
        if plan_id not in self.closed:
            hold_months(s, plan_id)  # a month being closed right now is waited for, then seen as closed
            self.closed[plan_id] = closed_periods(s, plan_id)
        return self.closed[plan_id]


def _chunks(values: list[Any], size: int = 500) -> list[list[Any]]:
    """Lists short enough for an IN (...) on any database."""
    return [values[i : i + size] for i in range(0, len(values), size)]


def _check_origin(s: Session, raw: RawWorkbook, path: Path, preview: FilePreview) -> WorkbookExport | None:
    meta = raw.meta
    where = path.name
    if meta.get("format") != FORMAT:
        preview.problems.append(
            Problem(where, "不是 PlanDesk 导出的进展反馈表（缺少标识信息），无法确认来源")
        )
        return None
    if raw.missing_headers:
        preview.problems.append(
            Problem(f"{raw.sheet}", "找不到以下列：" + "、".join(raw.missing_headers) + "。请不要修改表头")
        )
        return None
    own_id = database_identity(s, create=False)
    if own_id is None or meta.get("database_id") != own_id:
        preview.problems.append(Problem(where, "该反馈表由另一个 PlanDesk 数据库导出，不能导入本数据库"))
        return None
    export = s.scalar(select(WorkbookExport).where(WorkbookExport.uid == meta.get("workbook_uid", "")))
    if export is None:
        preview.problems.append(Problem(where, "本数据库没有导出过这份反馈表（编号未知），拒绝导入"))
        return None
    unit = s.get(Unit, export.unit_id)
    secret = office_secret(s, SECRET_KEY, create=False) or ""
    expected = integrity_code(secret, export.uid, unit.uid if unit else "", raw.keys)
    if (
        unit is None
        or meta.get("unit_uid") != unit.uid
        or not hmac.compare_digest(expected, meta.get("integrity", ""))
    ):
        preview.problems.append(
            Problem(
                where, "校验码不符：表格的单位或行键被改动过，整份表格不予导入。请使用原始导出的表格重新填写"
            )
        )
        return None
    return export


def _cells_not_content(row: RawRow, node: PlanNode | None) -> list[Problem]:
    """A key that moved to another task's row, and Excel error values where content should be."""
    shown = row.cells.get("任务")
    if node is not None and shown is not None and _cell_text(row, "任务") != node.title.strip():
        return [
            Problem(
                shown.ref,
                f"本行的行键属于任务“{node.title[:30]}”，与本行所列任务“{_cell_text(row, '任务')[:30]}”不符"
                "（行键可能被交换或复制），本行不能导入",
            )
        ]
    problems = []
    for header in FILL_HEADERS:
        cell = row.cells.get(header)
        error = _excel_error(cell) if cell is not None else None
        if cell is not None and error is not None:
            problems.append(
                Problem(cell.ref, f"单元格是 Excel 错误值“{error}”（公式出错或日期超出范围），请填写实际内容")
            )
    return problems


def _unsavable(row: RawRow, texts: dict[str, str]) -> list[Problem]:
    """Text cells holding a control character no Excel or Word file can hold (kept, it would stop every later
    export of the progress): refused, naming the cell."""
    out = []
    for header, value in texts.items():
        bad = xml_invalid_char(value)
        if bad is not None:
            out.append(
                Problem(
                    row.cells[header].ref, f"{header}含有无法保存的控制字符（U+{ord(bad):04X}），请删除后重试"
                )
            )
    return out


def _check_row(
    s: Session,
    row: RawRow,
    export: WorkbookExport,
    unit: Unit,
    listed: set[str],
    seen: dict[str, int],
    preview: FilePreview,
    facts: _FileFacts,
) -> None:
    problems: list[Problem] = []
    if not row.key:
        preview.problems.append(Problem(row.key_ref, "该行没有行键（可能是新增的行），不能导入；请勿增加行"))
        return
    if row.key in seen:
        preview.problems.append(Problem(row.key_ref, f"与第{seen[row.key]}行重复（行被复制），不能导入"))
        return
    seen[row.key] = row.number
    a = facts.assignments.get(row.key)
    if a is None:
        preview.problems.append(Problem(row.key_ref, "行键无法识别（未知的行），不能导入"))
        return
    if a.unit_id != unit.id:
        other = s.get(Unit, a.unit_id)
        preview.problems.append(
            Problem(
                row.key_ref,
                f"该行属于其他单位（{other.name if other else '未知'}），不能由{unit.name}的表格导入",
            )
        )
        return
    if row.key not in listed:
        preview.problems.append(Problem(row.key_ref, "行键被改动过，与导出时不一致，不能导入"))
        return
    node = facts.nodes.get(a.node_id)
    found = _cells_not_content(row, node)
    if found:
        preview.problems.extend(found)
        return
    text = _cell_text(row, "本月进展")
    pct = _percent(row.cells["完成百分比"], problems)
    status = _status(row.cells["状态"], problems)
    issues, steps = _cell_text(row, "存在问题"), _cell_text(row, "下步计划")
    if not any((text, pct is not None, status, issues, steps)) and not problems:
        return
    if not text:
        problems.append(Problem(row.cells["本月进展"].ref, "本月进展不能为空（本行已填写其他内容）"))
    problems += _unsavable(row, {"本月进展": text, "存在问题": issues, "下步计划": steps})
    if a.archived or (node is not None and node.archived):
        problems.append(Problem(row.key_ref, "该任务已在方案修订中删除并归档，不能再登记进展"))
    if a.workflow_state in FINAL_STATES:
        problems.append(Problem(_first_filled(row), f"该任务{state_name(a.workflow_state)}，不能再登记进展"))
    elif a.status == "done" and a.id not in facts.entries:  # done since the export, not by this workbook
        problems.append(Problem(_first_filled(row), "该任务已完成，不能再登记进展"))
    if node is not None and export.period in facts.closed_periods(s, node.plan_id):
        problems.append(Problem(row.key_ref, f"{export.period} 月已关账，不能再登记该月进展"))
    preview.problems.extend(problems)
    if problems:
        return
    ref = f"{export.uid}:{a.uid}:{_fingerprint(text, pct, status, issues, steps)}"
    earlier = facts.entries.get(a.id)
    existing = earlier.source_ref if earlier is not None else None
    action = "add" if existing is None else ("same" if existing == ref else "update")
    title = f"{node.label}{node.title}" if node else ""
    preview.entries.append(
        EntryPreview(
            row.number, a.id, a.uid, title, export.period, text, pct, status, issues, steps, ref, action
        )
    )


def read_workbooks(db: Database, *, paths: Sequence[str | os.PathLike[str]]) -> WorkbookPreview:
    """What each returned workbook would add, and every problem by sheet, row and column (nothing written)."""
    with db.read() as s:
        preview = WorkbookPreview([_check_file(s, Path(p))[0] for p in paths])
        _mark_echoes(s, preview)
        return preview


def _mark_echoes(s: Session, preview: WorkbookPreview) -> None:
    """A hint (never a refusal) on each report that repeats the unit's previous report, or another unit's
    report of the month on the same task — in these workbooks or already recorded (材料空转)."""
    rows = [(n, f, e) for n, f in enumerate(preview.files) for e in f.entries]
    if not rows:
        return
    aids = sorted({e.assignment_id for _, _, e in rows})
    in_workbooks = set(aids)
    info: dict[int, tuple[int, str]] = {}
    for chunk in _chunks(aids):
        for aid, node_id, unit in s.execute(
            select(Assignment.id, Assignment.node_id, Unit.name)
            .join(Unit, Unit.id == Assignment.unit_id)
            .where(Assignment.id.in_(chunk))
        ).tuples():
            info[aid] = (node_id, unit)
    reports: list[echoes.Report[tuple[int, int]]] = [
        echoes.Report((n, e.row), e.assignment_id, *info[e.assignment_id], e.period, e.text)
        for n, _f, e in rows
        if e.assignment_id in info
    ]
    # the month's reports already recorded on these tasks, by other assignments (other units)
    nodes = sorted({node for node, _ in info.values()})
    periods = sorted({e.period for _, _, e in rows})
    for chunk in _chunks(nodes):
        for eid, aid, node_id, unit, period, text in s.execute(
            select(
                ProgressEntry.id,
                Assignment.id,
                Assignment.node_id,
                Unit.name,
                ProgressEntry.period,
                ProgressEntry.text,
            )
            .join(Assignment, Assignment.id == ProgressEntry.assignment_id)
            .join(Unit, Unit.id == Assignment.unit_id)
            .where(Assignment.node_id.in_(chunk), ProgressEntry.period.in_(periods))
        ).tuples():
            if aid not in in_workbooks:  # the workbooks' own rows speak for their assignments
                reports.append(echoes.Report((-1, eid), aid, node_id, unit, period, text or ""))
    before = echoes.reports_before(s, {e.assignment_id: e.period for _, _, e in rows})
    for (n, row), words in echoes.mark(reports, before).items():
        if n >= 0:
            preview.files[n].problems.append(
                Problem(
                    f"第{row}行", f"本月进展{words}，请核实是否照抄了以往或其他单位的材料", blocking=False
                )
            )


def _apply_entry(s: Session, e: EntryPreview, operator: str, facts: _FileFacts) -> None:
    a = facts.assignments[e.assignment_uid]
    entry = facts.entries.get(a.id)
    if entry is None:
        entry = ProgressEntry(assignment_id=a.id, source="workbook", entered_by=operator)
        s.add(entry)
    entry.period, entry.text, entry.percent = e.period, e.text, e.percent
    entry.problems, entry.next_steps, entry.source_ref = e.problems, e.next_steps, e.source_ref
    entry.reported_on = clock.today()
    note_report(s, a, percent=e.percent, status=e.status, actor=operator, note=f"{e.period} 进展反馈表")


def apply_workbooks(db: Database, *, paths: Sequence[str | os.PathLike[str]]) -> WorkbookResult:
    """Apply each workbook wholly or not at all (one transaction per file)."""
    with collector_paused():
        return _apply_workbooks(db, paths)


def _apply_workbooks(db: Database, paths: Sequence[str | os.PathLike[str]]) -> WorkbookResult:
    results: list[FileResult] = []
    parsed = [(Path(p), *_read_file(Path(p))) for p in paths]
    if any(raw is not None for _path, _preview, raw in parsed):
        backup_before(db, "import")
    for path, first, raw in parsed:
        with db.write(cause=f"导入进展反馈表：{path.name}") as s:
            preview, facts = _check_parsed(s, path, first, raw)
            if preview.blocked or facts is None:
                results.append(FileResult(str(path), False, 0, 0, 0, preview.problems))
                continue
            todo = [e for e in preview.entries if e.action != "same"]
            batch_id = None
            if todo:
                batch = ImportBatch(
                    kind="workbook",
                    source_name=path.name,
                    source_sha256=_file_sha256(path),
                    operator=db.operator,
                    summary={
                        "workbook_uid": preview.workbook_uid,
                        "unit": preview.unit,
                        "entries": len(todo),
                    },
                )
                s.add(batch)
                s.flush()
                s.info["batch_id"] = batch_id = batch.id
                # Everything the file changes goes out in one flush when the transaction ends.
                with s.no_autoflush:
                    for e in todo:
                        _apply_entry(s, e, db.operator, facts)
                    _number_new_rows(s)
            results.append(
                FileResult(
                    str(path),
                    True,
                    sum(e.action == "add" for e in todo),
                    sum(e.action == "update" for e in todo),
                    sum(e.action == "same" for e in preview.entries),
                    preview.problems,
                    batch_id,
                )
            )
    return WorkbookResult(results)


def _number_new_rows(s: Session) -> None:
    """Give the new entries and steps their row ids up front, so each table's rows go in as one batch.

    Without a known id the ORM inserts row by row to read each id back. The ids are handed out in the order
    the rows were added, as the one-by-one inserts would have numbered them (see reserve_ids).
    """
    for model in (ProgressEntry, WorkflowStep):
        pending = sorted(
            (o for o in s.new if type(o) is model and o.id is None),
            key=lambda o: inspect(o).insert_order,
        )
        for row, number in zip(pending, reserve_ids(s, model, len(pending)) or [], strict=False):
            row.id = number


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
