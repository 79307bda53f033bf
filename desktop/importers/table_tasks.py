"""Task tables (任务分工表): each row a task with its lead and cooperating units and its deadline."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from desktop.importers.dates import find_deadline, find_recurrence
from desktop.importers.numbering import match_heading, split_title
from desktop.importers.parsed import ParsedNode
from desktop.importers.responsibility import RawUnit, parse_responsibility, split_outside_brackets
from desktop.importers.text_tables import header_roles, is_task_header, squeeze
from desktop.importers.tree_builder import Draft, Line, walk_drafts

_APPENDIX = re.compile(r"^附件\s*(\d*)\s*[:：]?\s*(.{0,60})$")
_EMPTY_CELL = re.compile(r"^[/／—\-－―–无]*$")
_MONTH = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月")
_YEAR = re.compile(r"(\d{4})\s*年")
_ROLE_WORDS = re.compile(r"牵头|配合|参与|负责|协助|协办")
_NUMBERED_NAME = re.compile(r"^(\d{1,3})\s*[.．、](?!\d)")


@dataclass
class _Row:
    cells: list[str]
    line: Line


@dataclass
class _Task:
    serial: str
    name: str
    rows: list[_Row] = field(default_factory=list)


@dataclass
class TableTask:
    """A task made of a task table's row (with its sub-rows), and what matching it to the plan's body needs."""

    draft: Draft
    serial: str  # as printed: 1 / 1. / （一）1 / 1.2
    content: str  # the content cells, joined
    group: Draft | None = None  # the group row (一、…) it stands under, if any
    # the lines saying who and by when (牵头单位：… / 完成时限：…)
    notes: list[Line] = field(default_factory=list)


@dataclass
class TaskTable:
    """The tasks one task table gave, under the node they hang from (and the group rows between)."""

    home: Draft
    tasks: list[TableTask] = field(default_factory=list)
    groups: list[Draft] = field(default_factory=list)


def cell_deadline(text: str) -> dt.date | None:
    """The date a 完成时限 cell names: 2025年底前, 2024年6月, 2025年 → the end of that month or year."""
    found = find_deadline(text)
    if found:
        return found
    m = _MONTH.search(text)
    if m and 1 <= int(m.group(2)) <= 12 and 1949 <= int(m.group(1)) <= 2100:
        year, month = int(m.group(1)), int(m.group(2))
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    years = [int(y) for y in _YEAR.findall(text) if 1949 <= int(y) <= 2100]
    return dt.date(max(years), 12, 31) if years else None


def split_units(cell: str) -> list[str]:
    """Unit names in a table cell: separated by 、，; or line breaks; '/' and '无' are an empty cell."""
    out: list[str] = []
    for token in split_outside_brackets(cell, "、，,；; \t\n\u3000"):  # 各县（市、区）人民政府 is one
        token = re.sub(r"等(?:有关|相关)?(?:部门|单位)?$", "", token.strip("。.:： "))
        if token and not _EMPTY_CELL.fullmatch(token):
            out.append(token)
    return out


def take_task_tables(roots: list[Draft]) -> list[TaskTable]:
    """Replace the rows of task tables among the drafts' lines by task drafts; appendix tables get a root.
    Returns the tables read, in document order."""
    tables: list[TaskTable] = []
    for draft in walk_drafts(roots):
        _take_from(draft, roots, tables)
    return tables


def _take_from(draft: Draft, roots: list[Draft], tables: list[TaskTable]) -> None:
    i = 0
    while i < len(draft.lines):
        line = draft.lines[i]
        cells = line.text.split("\t")
        roles = header_roles(cells) if "\t" in line.text else None
        if roles is None:
            i += 1
            continue
        end = i + 1
        while end < len(draft.lines) and ("\t" in draft.lines[end].text or not draft.lines[end].text.strip()):
            row = draft.lines[end].text.split("\t")
            # Another table's header ends this one; the same header repeated at a page break does not.
            if (
                len(row) > 1
                and header_roles(row)
                and [squeeze(c) for c in row] != [squeeze(c) for c in cells]
            ):
                break
            end += 1
        # inside an appendix's own node its table is its own, whatever 附件 lines precede it
        appendix = None if draft.node.label.startswith("附件") else _appendix_before(draft, i)
        if appendix is not None:
            root = _appendix_root(draft, appendix, i, end)
            roots.append(root)
            if is_task_header(roles):
                h = i - appendix
                rows = root.lines[h + 1 :]
                del root.lines[h:]
                tables.append(_add_tasks(root, roles, cells, rows))
            i = appendix
            continue
        if is_task_header(roles):
            rows = draft.lines[i + 1 : end]
            taken = {line.number for line in rows}
            del draft.lines[i:end]
            draft.raw_units = [u for u in draft.raw_units if u[1] not in taken]
            tables.append(_add_tasks(draft, roles, cells, rows))
            continue  # the table's lines are gone: line i is the one after it
        i = end


def _appendix_before(draft: Draft, header: int) -> int | None:
    """Index of an 附件N line at most two lines before a table header (the table's title between)."""
    for back in (1, 2, 3):
        j = header - back
        if j < 1:  # the draft's own heading line stays
            return None
        text = draft.lines[j].text.strip()
        if "\t" in text:
            return None
        if _APPENDIX.match(text) and len(text) <= 60:
            return j
    return None


def _appendix_root(draft: Draft, start: int, header: int, end: int) -> Draft:
    moved = draft.lines[start:end]
    taken = {line.number for line in moved}
    del draft.lines[start:end]
    draft.raw_units = [u for u in draft.raw_units if u[1] not in taken]
    marker = moved[0].text.strip()
    m = _APPENDIX.match(marker)
    label = f"附件{m.group(1)}" if m else "附件"
    titles = [line.text.strip() for line in moved[1 : header - start] if line.text.strip()]
    title = (m.group(2).strip() if m and m.group(2).strip() else "") or (titles[0] if titles else "")
    node = ParsedNode(kind="chapter", label=label, title=title, text="")
    return Draft(node, 1, None, moved, first_line=moved[0].number)


def _add_tasks(parent: Draft, roles: list[str], header: list[str], rows: list[Line]) -> TaskTable:
    table = TaskTable(parent)
    width = len(roles)
    wanted: tuple[str, ...] = ("serial", "name", "content", "lead", "co", "deadline")
    col = {r: roles.index(r) for r in wanted if r in roles}
    keys = [squeeze(c) for c in header]
    all_lead = "lead" in col and "牵头" in keys[col["lead"]]
    tasks: list[_Task] = []
    home = parent
    for line in rows:
        raw = line.text.split("\t")
        if not line.text.strip() or [squeeze(c) for c in raw] == keys:
            continue  # the header repeated at a page break
        if len(raw) == 2 and not raw[0].strip():
            _flush(tasks, col, home, all_lead, table)
            home = _group(parent, raw[1].strip(), line)
            table.groups.append(home)
            continue
        cells = (raw + [""] * width)[:width]
        serial = cells[col["serial"]].strip() if "serial" in col else ""
        name = cells[col["name"]].strip() if "name" in col else ""
        current = tasks[-1] if tasks else None
        key = _row_key(cells, col)
        known = _row_key(current.rows[-1].cells, col) if current is not None and current.rows else ""
        if current is None or (key and key != known):
            current = _Task(serial, name)
            tasks.append(current)
        current.rows.append(_Row(cells, line))
    _flush(tasks, col, home, all_lead, table)
    return table


def _row_key(cells: list[str], col: dict[str, int]) -> str:
    """What tells a row's task apart: its 序号, else its task's name, else (a 项目内容 table) its content; a
    row whose cell is empty (merged from the row above) goes on the task above."""
    for role in ("serial", "name", "content"):
        if role in col:
            return cells[col[role]].strip()
    return ""


def _flush(tasks: list[_Task], col: dict[str, int], home: Draft, all_lead: bool, table: TaskTable) -> None:
    for task in tasks:
        draft, notes = _task_draft(task, col, home, all_lead)
        home.children.append(draft)
        content = "".join(_cells(task, col, "content"))
        group = home if home is not table.home else None
        table.tasks.append(TableTask(draft, task.serial, content, group, notes))
    tasks.clear()


def _cells(task: _Task, col: dict[str, int], role: str) -> list[str]:
    """The task's distinct non-empty cells of one column, over its sub-rows."""
    if role not in col:
        return []
    seen: list[str] = []
    for row in task.rows:
        value = row.cells[col[role]].strip()
        if value and value not in seen:
            seen.append(value)
    return seen


def _group(parent: Draft, text: str, line: Line) -> Draft:
    """A row spanning the table (一、优化政务服务) groups the task rows below it."""
    heading = match_heading(text)
    label, title = (heading.label, heading.rest.strip()) if heading else ("", text)
    node = ParsedNode(kind="section", label=label, title=title.rstrip("。"), text="")
    group = Draft(node, parent.level + 1, heading.number if heading else None, [line], first_line=line.number)
    group.lines = [Line(text, line.start, line.end, line.number)]
    group.parent = parent
    parent.children.append(group)
    return group


def _units(task: _Task, col: dict[str, int], all_lead: bool) -> list[RawUnit]:
    """Lead cells then cooperating cells of every sub-row, first seen first; a unit leading once leads.

    Every unit of a 牵头单位 cell leads; of a 责任单位 cell only the first, as in a written list;
    a cell that says who leads (市发展改革委牵头，市财政局配合) is read as it says."""
    units: list[RawUnit] = []
    leads: set[str] = set()
    for row in task.rows:
        for role in ("lead", "co"):
            for unit, leads_here in _cell_units(row.cells[col[role]], role, all_lead) if role in col else []:
                if leads_here:
                    leads.add(unit)
                if all(u.raw != unit for u in units):
                    units.append(RawUnit(unit, "co"))
    for u in units:
        u.role = "lead" if u.raw in leads else "co"
    return units


def _cell_units(cell: str, role: str, all_lead: bool) -> list[tuple[str, bool]]:
    if _ROLE_WORDS.search(cell):
        stated = parse_responsibility(cell)
        if stated:
            return [(u.raw, u.role == "lead" and role == "lead") for u in stated]
    names = split_units(cell)
    return [(name, role == "lead" and (all_lead or n == 0)) for n, name in enumerate(names)]


def _task_draft(task: _Task, col: dict[str, int], parent: Draft, all_lead: bool) -> tuple[Draft, list[Line]]:
    """The task's draft, and its lines that say who and by when."""
    contents = _cells(task, col, "content")
    name = task.name or (split_title(contents[0])[0] if contents else "")
    title = name.rstrip("。；;")
    serial = re.sub(r"[.．、]$", "", task.serial)
    numbered = _NUMBERED_NAME.match(title)
    if not serial and numbered:
        # No 序号 column: the task name carries the number (1.推行一网通办).
        serial, title = numbered.group(1), title[numbered.end() :].strip()
    node = ParsedNode(kind="task", label=serial, title=title, text="")
    first = task.rows[0].line
    lines = [Line(title, first.start, first.end, first.number)]
    for row in task.rows:
        text = row.cells[col["content"]].strip() if "content" in col else ""
        if text and all(text != existing.text for existing in lines):
            lines.append(Line(text, row.line.start, row.line.end, row.line.number))
    notes: list[Line] = []
    units = _units(task, col, all_lead)
    if units:
        names = "、".join(u.raw for u in units if u.role == "lead")
        others = "、".join(u.raw for u in units if u.role == "co")
        text = f"牵头单位：{names}" + (f"；配合单位：{others}" if others else "")
        notes.append(Line(text, task.rows[-1].line.start, task.rows[-1].line.end, task.rows[-1].line.number))
        lines.append(notes[-1])
    deadlines = _cells(task, col, "deadline")
    if deadlines:
        joined = "；".join(deadlines)
        # a task over several rows (one measure each) is done when its last measure is
        dates = [d for d in map(cell_deadline, deadlines) if d]
        node.deadline = max(dates) if dates else cell_deadline(joined)
        node.recurrence = find_recurrence(joined)
        notes.insert(0, Line(f"完成时限：{joined}", first.start, first.end, first.number))
        lines.insert(1, notes[0])
    number = int(serial) if serial.isdigit() else None
    draft = Draft(node, parent.level + 1 if parent.level < 3 else 3, number, lines, first_line=first.number)
    draft.parent = parent
    # One owner set for the whole task: every unit is recorded against the task's first row.
    draft.raw_units = [(u, first.number) for u in units]
    return draft, notes
