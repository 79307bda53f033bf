"""Tables flattened one cell per paragraph: recognise the header, rebuild the rows as tab-separated lines."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from desktop.importers.numbering import match_heading
from desktop.importers.responsibility import split_outside_brackets

log = logging.getLogger(__name__)

_OPT_PAREN = r"(?:[（(][^（）()]{0,10}[）)])?"
# Column roles by the wording of their header cell; the first pattern that matches the whole cell wins.
_ROLE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("serial", r"序号|编号|序"),
    ("group", r"领域|类别|分类|类型|方面|板块|维度|一级指标|指标类别|指标类型|重点领域|任务类别|专项"),
    ("attribute", r"属性|指标属性|性质|指标性质"),
    (
        "lead",
        r"牵头单位|牵头部门|责任单位|责任部门|主责单位|主责部门|负责单位|负责部门|责任主体|"
        r"承办单位|主办单位|实施主体|实施单位|牵头|牵头责任单位|牵头责任部门|牵头单位及责任人",
    ),
    ("co", r"配合单位|配合部门|协办单位|协办部门|参与单位|参与部门|协同单位|协同部门|配合|配合责任单位"),
    (
        "deadline",
        r"完成时限|完成时间|时间节点|时限|时间安排|进度安排|完成期限|时间进度|进度要求|推进时限|"
        r"计划完成时间|完成时限要求|时间要求",
    ),
    ("unit", r"单位|计量单位|指标单位"),
    ("baseline", r"基准值|基期值|现状值|基期|现状|基准|\d{4}年?(?:现状|基期|基准)值?"),
    (
        "target",
        r"目标值|预期值|目标|评价标准|指标值|规划目标|预期目标|\d{4}年?(?:目标值?|预期值?)?|"
        r"“?十[一二三四五六七八九]五”?(?:末|期末)?(?:目标值?|预期值?)|规划期末(?:目标值?)?|期末值",
    ),
    (
        "name",
        r"指标|指标名称|二级指标|三级指标|具体指标|主要指标|指标项|指标内容|监测指标|评价指标|考核指标|"
        r"任务|任务名称|工作任务|重点任务|主要任务|"
        r"工作事项|事项|项目|项目名称|任务事项|工作项目|改革事项|目标任务|重点工作|工作名称",
    ),
    (
        "content",
        r"重点内容|主要内容|工作内容|具体内容|任务内容|工作措施|具体措施|主要措施|工作举措|具体举措|"
        r"任务措施|政策措施|具体任务|工作要求|任务要求|实施内容|建设内容|主要工作|具体工作|工作任务及措施|"
        r"主要举措|重点举措|具体工作措施|工作目标及措施|任务分解|项目内容|项目及内容|建设内容及规模|"
        r"实事项目|民生实事|工作任务及目标|任务及目标|目标任务及措施",
    ),
    (
        "other",
        r"备注|说明|指标含义|含义|指标说明|数据来源|来源|考核方式|评价方式|.{0,10}处室|.{0,10}科室|"
        r"责任人|联系人|完成标志|成果形式|预期成果|工作目标|主要目标|工作标准|指标解释|计算方法|"
        r"牵头领导|责任领导|分管领导|联系领导|责任领导及责任人",
    ),
)
_ROLE_RES = tuple((role, re.compile(rf"(?:{pattern}){_OPT_PAREN}")) for role, pattern in _ROLE_PATTERNS)
_TASK_ROLES = frozenset({"lead", "co", "deadline"})
_INDICATOR_ROLES = frozenset({"target", "attribute", "baseline"})
_YEAR_CELL = re.compile(r"(\d{4})年?")
_UNIT_SUFFIX = re.compile(
    r"(?:政府|委员会|委|局|办|厅|部|院|会|中心|公司|集团|处|办公室|街道|镇|乡|党委|党组|管委会|法院|检察院|"
    r"银行|单位|部门|机构|领导小组|工作组|支队|大队|总队|海关|署|研究所|派出所|工作站|图书馆|博物馆|党校|学院|"
    r"大学|电视台|报社|合作社|^.{1,6}[区县市])"
    r"(?:等(?:有关|相关)?(?:部门|单位)?)?$"
)
_SERIAL = re.compile(r"^(?:\d{1,3}[.．、]?|[（(]\d{1,3}[）)])$")
_NUMBERED = re.compile(r"^(\d{1,3})\s*[.．、](?!\d)")
_EMPTY = re.compile(r"^[/／—\-－―–无]+$")
_DATE_LIKE = re.compile(
    r"\d{4}\s*年|\d{1,2}\s*月|年底|年末|季度|长期|持续|每年|每月|常态|前$|以前|上半年|下半年"
)
_ATTR = re.compile(r"^(约束性|预期性)$")
_STOP = re.compile(r"^(?:附件\s*\d*\s*[:：]?.{0,40}|附表\s*\d*.{0,40}|专栏\s*\d+.*)$")
_PAGE_MARK = re.compile(r"^(?:[-—–－]\d{1,4}[-—–－]|第\d{1,4}页(?:[/，,]?共\d{1,4}页)?|\d{1,4}/\d{1,4})$")
_VERTICAL = re.compile(r"^[\u3400-\u9fff]$")

_BIG = 20.0


def squeeze(text: str) -> str:
    """The text without any whitespace, for matching."""
    return "".join(text.split())


def header_role(cell: str) -> str | None:
    """The role of a header cell (serial, name, content, lead, co, deadline, target, …) or None."""
    c = squeeze(cell)
    if not c or len(c) > 14:
        return None
    for role, pattern in _ROLE_RES:
        if pattern.fullmatch(c):
            return role
    return None


def header_roles(cells: list[str]) -> list[str] | None:
    """Roles of a table's header cells, or None when the cells do not read as a task or indicator header."""
    roles = [header_role(c) for c in cells]
    known = [r for r in roles if r is not None]
    kinds = set(known)
    two = len(known) == 2 and kinds & {"name", "content"} and "lead" in kinds  # 重点任务 | 责任单位
    if (len(known) < 3 and not two) or len(known) < len([c for c in cells if c.strip()]) - 1:
        return None
    if not kinds & {"name", "content"} or not kinds & (_TASK_ROLES | _INDICATOR_ROLES):
        return None
    out: list[str] = []
    seen: set[str] = set()
    for r in roles:
        r = r or "other"
        if r == "lead" and "lead" in seen and "co" not in seen:
            r = "co"  # 牵头单位 | 责任单位: the second list works with the lead
        # A second name or content column is only more text; several target columns are kept.
        if r in seen and r in ("name", "content", "serial", "lead", "co", "deadline", "attribute", "unit"):
            r = "other"
        seen.add(r)
        out.append(r)
    return out


def is_task_header(roles: list[str]) -> bool:
    return bool(set(roles) & _TASK_ROLES)


def is_unit_list(text: str) -> bool:
    """A cell naming organisations: 各区政府、市卫生健康委 / 市发展改革委."""
    c = squeeze(text).rstrip("。；;")
    if not c or len(c) > 120 or "。" in c:
        return False
    tokens = [
        re.sub(r"(?:牵头|配合|参与|负责|协助|协办)$", "", t)
        for t in split_outside_brackets(c, "、，,；;")
        if t
    ]
    return bool(tokens) and all(2 <= len(t) <= 25 and _UNIT_SUFFIX.search(t) for t in tokens)


@dataclass
class _Feat:
    text: str
    length: int
    serial: bool
    empty: bool
    units: bool
    date: bool
    attr: bool
    numeric: bool


def _feat(text: str) -> _Feat:
    c = squeeze(text)
    return _Feat(
        text=text,
        length=len(c),
        serial=bool(_SERIAL.match(c)),
        empty=bool(_EMPTY.match(c)),
        units=is_unit_list(c),
        date=bool(_DATE_LIKE.search(c)) and len(c) <= 30,
        attr=bool(_ATTR.match(c)),
        numeric=bool(re.search(r"\d|[%％≥≤<>＜＞]", c)) and len(c) <= 40,
    )


def _fit(f: _Feat, role: str) -> float:
    """Cost of a paragraph opening a cell of a column with ``role``."""
    if f.serial and role not in ("serial", "target", "baseline", "other", "unit"):
        return _BIG  # a bare number is a serial or a value, never a name or a unit list
    if role == "serial":
        return 0.0 if f.serial else _BIG
    if f.empty:
        return 0.0 if role not in ("name", "content") else 3.0
    if role == "name":
        if f.units:
            return 1.5
        return 0.0 if f.length <= 50 else 1.5
    if role == "content":
        if f.units:
            return 3.0
        return 0.0 if f.length >= 15 else 1.0
    if role in ("lead", "co"):
        return 0.0 if f.units else (3.0 if f.length <= 30 else 6.0)
    if role == "deadline":
        return 0.0 if f.date else 5.0
    if role == "attribute":
        return 0.0 if f.attr else 10.0
    if role == "unit":
        return 0.0 if f.length <= 6 else 5.0
    if role in ("target", "baseline"):
        return 0.2 if f.numeric else (0.5 if f.length <= 80 else 4.0)
    if role == "group":
        # A group name is a short phrase: no sentence, no numbering, no unit list.
        sentence = bool(re.search(r"[。；，：:]", f.text)) or bool(_NUMBERED.match(f.text))
        return 0.3 if f.length <= 15 and not f.units and not sentence else 4.0
    return 0.2 if f.length <= 20 else 1.0


def _cont(f: _Feat, role: str) -> float:
    """Cost of a paragraph continuing the cell above it (a cell split over paragraphs)."""
    if f.serial or f.attr:
        return _BIG
    if role == "lead":
        return 1.0 if f.units else 5.0
    if role == "co":
        return 0.8 if f.units else 5.0
    if role in ("content", "other"):
        return 1.0
    if role == "name":
        return 2.0 if f.length <= 30 else 4.0
    if role == "group":
        return 2.0
    return 6.0


def _skip(role: str) -> float:
    return {"group": 0.2, "other": 0.8, "serial": 1.0, "name": 1.5, "co": 1.0}.get(role, 1.2)


_NEW_ROW = 0.5


def _out_cost(f: _Feat) -> float:
    return 1.0 if f.length > 40 else 2.0


def _anchors(feats: list[_Feat], roles: list[str], restarts: set[int]) -> tuple[int, set[int]]:
    """The column whose cells number the rows (序号 1, 2, 3 … or names 1.… 2.…) and the paragraphs that do."""
    col = roles.index("serial") if "serial" in roles else (roles.index("name") if "name" in roles else -1)
    if col < 0:
        return -1, set()
    pattern = _SERIAL if roles[col] == "serial" else _NUMBERED
    found: set[int] = set()
    expected: int | None = None
    for i, f in enumerate(feats):
        m = pattern.match(squeeze(f.text))
        if not m:
            continue
        value = int(re.search(r"\d+", squeeze(f.text)).group(0))  # type: ignore[union-attr]
        # Numbering may start again after a group row.
        if (expected is None or i in restarts) and value <= 2 or value == expected:
            found.add(i)
            expected = value + 1
    if len(found) < 2:
        return (col, set()) if roles[col] == "serial" else (-1, set())
    return col, found


_INF = float("inf")


class _Aligner:
    """Least-cost assignment of paragraphs to (row, column): a column may be skipped (merged or empty cell),
    hold several paragraphs (a split cell, units one per line), and the table may end before the text does."""

    def __init__(self, feats: list[_Feat], roles: list[str], restarts: set[int]) -> None:
        self.feats, self.roles = feats, roles
        self.m = len(roles)
        self.restarts = restarts  # paragraphs right after a group row: a row starts there
        self.anchor_col, self.anchors = _anchors(feats, roles, restarts)
        self.before = [0.0] * (self.m + 1)
        # A row without a serial continues the task above (a sub-row): its serial and name cells are merged.
        self.before_sub = [0.0] * (self.m + 1)
        for j, role in enumerate(roles):
            self.before[j + 1] = self.before[j] + _skip(role)
            sub = 0.2 if role in ("serial", "name", "group") else _skip(role)
            self.before_sub[j + 1] = self.before_sub[j] + sub

    def fit(self, i: int, j: int) -> float:
        if self.anchors and (i in self.anchors) != (j == self.anchor_col):
            return _BIG
        return _fit(self.feats[i], self.roles[j])

    def after(self, j: int) -> float:
        return self.before[self.m] - self.before[j + 1]

    def move(self, i: int, j: int, k: int) -> tuple[float, str]:
        """Cost of paragraph ``i`` in column ``k`` when paragraph ``i - 1`` was in column ``j``."""
        options: list[tuple[float, str]] = []
        if i not in self.restarts:
            if k == j:
                options.append((_BIG if i in self.anchors else _cont(self.feats[i], self.roles[j]), "cont"))
            elif k > j:
                options.append((self.before[k] - self.before[j + 1] + self.fit(i, k), "next"))
        if k <= j or i in self.restarts:
            options.append((self.after(j) + _NEW_ROW + self._row_start(k) + self.fit(i, k), "row"))
        return min(options) if options else (_INF, "")

    def _row_start(self, k: int) -> float:
        if self.anchors and k != self.anchor_col and self.roles[self.anchor_col] == "serial":
            return self.before_sub[k] + (2.0 if self.roles[k] == "name" else 0.0)
        return self.before[k]

    def leave(self, i: int) -> float:
        return _BIG * 2 if i in self.anchors else _out_cost(self.feats[i])

    def run(self) -> tuple[list[dict[int, list[int]]], int]:
        n, m = len(self.feats), self.m
        cost = [[_INF] * (m + 1) for _ in range(n)]
        back: list[list[tuple[int, str]]] = [[(-1, "")] * (m + 1) for _ in range(n)]
        for j in range(m):
            cost[0][j], back[0][j] = self.before[j] + self.fit(0, j), (-1, "start")
        for i in range(1, n):
            for k in range(m):
                for j in range(m):
                    step, kind = self.move(i, j, k)
                    if cost[i - 1][j] + step < cost[i][k]:
                        cost[i][k], back[i][k] = cost[i - 1][j] + step, (j, kind)
            for j in range(m + 1):
                c = cost[i - 1][j] + (self.after(j) if j < m else 0.0) + self.leave(i)
                if c < cost[i][m]:
                    cost[i][m], back[i][m] = c, (j, "out")
        finals = [cost[n - 1][j] + self.after(j) for j in range(m)] + [cost[n - 1][m]]
        state = min(range(m + 1), key=lambda j: finals[j])
        assigned: list[tuple[int, str]] = [(-1, "")] * n
        for i in range(n - 1, -1, -1):
            assigned[i] = (state, back[i][state][1])
            state = back[i][state][0]
        return self._rows(assigned)

    def _rows(self, assigned: list[tuple[int, str]]) -> tuple[list[dict[int, list[int]]], int]:
        rows: list[dict[int, list[int]]] = []
        for i, (j, kind) in enumerate(assigned):
            if j == self.m:
                return rows, i
            if kind in ("start", "row"):
                rows.append({})
            rows[-1].setdefault(j, []).append(i)
        return rows, len(assigned)


def _join_cell(texts: list[str], role: str) -> str:
    parts = [t.strip() for t in texts if t.strip()]
    if len(parts) > 1 and role in ("lead", "co") and all(is_unit_list(p) for p in parts):
        return "、".join(parts)
    return "".join(parts)


# Columns whose cell, merged over several rows, is printed once. An empty 配合单位 cell prints nothing too,
# and is far commoner than a merged one: cooperating units are never carried down.
_CARRIED = frozenset({"group", "lead", "deadline", "unit", "attribute"})


def _header_at(lines: list[str], start: int) -> tuple[list[str], list[str], int] | None:
    """Header cells one per paragraph starting at ``start``: (cells, roles, index after the header)."""
    cells: list[str] = []
    i = start
    while i < len(lines):
        text = lines[i].strip()
        if not text:
            i += 1
            continue
        if "\t" in text:
            break
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        following = lines[j].strip() if j < len(lines) and "\t" not in lines[j] else ""
        joined = text + following
        # 完成 / 时限, 序 / 号: a header cell printed over two paragraphs.
        own, next_role = header_role(text), header_role(following)
        if (
            following
            and len(squeeze(text)) <= 4
            and header_role(joined)
            and (own is None or next_role is None)
        ):
            text, i = joined, j
        elif header_role(text) is None:
            break
        cells.append(text)
        i += 1
    if len(cells) < 2:
        return None
    cells = _drop_spanning_heads(cells)
    roles = header_roles(cells)
    return (cells, roles, i) if roles else None


def _drop_spanning_heads(cells: list[str]) -> list[str]:
    """A two-row header prints 目标值 over its years: keep the years only."""
    years = [i for i, c in enumerate(cells) if _YEAR_CELL.fullmatch(squeeze(c))]
    if len(years) < 2:
        return cells
    heads = {
        i for i, c in enumerate(cells[: years[0]]) if squeeze(c) in ("目标值", "预期值", "指标值", "目标")
    }
    return [c for i, c in enumerate(cells) if i not in heads]


def _body(lines: list[str], start: int, header: list[str]) -> tuple[list[int], list[int], int]:
    """Indexes of the table's paragraphs from ``start`` (repeated headers dropped), of its group rows
    (一、… spanning the table) and where to stop looking."""
    keys = [squeeze(c) for c in header]
    picked: list[int] = []
    groups: list[int] = []
    i = start
    while i < len(lines):
        text = lines[i].strip()
        if not text:
            i += 1
            continue
        if "\t" in text or _STOP.match(squeeze(text)):
            break
        if _PAGE_MARK.match(squeeze(text)):
            i += 1  # "- 3 -" or 第3页 between two pages of the table
            continue
        heading = match_heading(text)
        if heading is not None and heading.kind in ("chapter", "section") and len(text) <= 40:
            if not _serial_follows(lines, i + 1):
                break
            groups.append(i)  # a row spanning the table that names the group of the rows below it
            i += 1
            continue
        if squeeze(text) == keys[0] and _repeats_header(lines, i, keys):
            i = _skip_header(lines, i, len(keys))
            continue
        if _header_at(lines, i) is not None:
            break
        picked.append(i)
        i += 1
    return picked, groups, i


def _serial_follows(lines: list[str], i: int) -> bool:
    following = next((t.strip() for t in lines[i:] if t.strip()), "")
    return bool(_SERIAL.match(squeeze(following)))


def _repeats_header(lines: list[str], i: int, keys: list[str]) -> bool:
    got = [squeeze(t) for t in lines[i:] if t.strip()][: len(keys)]
    return got == keys


def _skip_header(lines: list[str], i: int, count: int) -> int:
    while count and i < len(lines):
        if lines[i].strip():
            count -= 1
        i += 1
    return i


def _vertical_runs(lines: list[str], picked: list[int]) -> list[tuple[str, list[int]]]:
    """Paragraphs of the table, runs of one character per line (vertical text) joined into one."""
    out: list[tuple[str, list[int]]] = []
    run: list[int] = []
    for idx in [*picked, -1]:
        if idx >= 0 and _VERTICAL.match(lines[idx].strip()):
            run.append(idx)
            continue
        if len(run) >= 2:
            out.append(("".join(lines[r].strip() for r in run), run))
        elif run:
            out.append((lines[run[0]].strip(), run))
        run = []
        if idx >= 0:
            out.append((lines[idx].strip(), [idx]))
    return out


def _rows_as_lines(
    paras: list[str], roles: list[str], restarts: set[int]
) -> tuple[list[tuple[int, str]], int]:
    """Tab-separated rows, each with the index of its first paragraph, and where the table ends."""
    feats = [_feat(p) for p in paras]
    rows, end = _Aligner(feats, roles, restarts).run()
    out: list[tuple[int, str]] = []
    previous: list[str] = [""] * len(roles)
    for row in rows:
        cells = [_join_cell([paras[i] for i in row.get(j, [])], roles[j]) for j in range(len(roles))]
        for j, role in enumerate(roles):
            if j not in row and role in _CARRIED:
                # A merged cell is printed once for the rows it spans.
                cells[j] = previous[j]
        previous = cells
        out.append((min(i for idxs in row.values() for i in idxs), "\t".join(cells)))
    return out, end


def rebuild_text_tables(lines: list[str]) -> list[str]:
    """Turn tables flattened one cell per paragraph into a header line and one tab-separated line per row."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        found = _header_at(lines, i) if "\t" not in lines[i] else None
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        cells, roles, after_header = found
        picked, groups, stop = _body(lines, after_header, cells)
        runs = _vertical_runs(lines, picked)
        firsts = [idxs[0] for _, idxs in runs]
        restarts = {
            next(n for n, f in enumerate(firsts) if f > g) for g in groups if firsts and firsts[-1] > g
        }
        rows, end = _rows_as_lines([text for text, _ in runs], roles, restarts) if runs else ([], 0)
        if not rows:
            out.append(lines[i])
            i += 1
            continue
        log.debug("table of %d columns, %d rows at line %d", len(roles), len(rows), i + 1)
        out.append("\t".join(squeeze(c) for c in cells))
        pending = list(groups)
        for first, row in rows:
            while pending and pending[0] < runs[first][1][0]:
                # A group row stays a row of the table, not a heading of the plan.
                out.append("\t" + lines[pending.pop(0)].strip())
            out.append(row)
        leftover = {idx for _, idxs in runs[end:] for idx in idxs}
        first_left = min(leftover) if leftover else stop
        out.extend(lines[first_left:stop])
        i = stop
    return out
