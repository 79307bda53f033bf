"""任务分工表 after a body of tasks: the table repeats the body's tasks to say who leads, who cooperates and by
when. Both stay as the document prints them — the body's task with its text, the table's row with its units
and deadline — and each body task is linked to the row(s) that assign it, so the work is counted once: the
rows are the work items, the linked body task shows where it is assigned and is not counted again. A row that
matches no task and a body task no row assigns are listed in the review; a table that is the plan's only list
of tasks, or a list of its own (most rows match nothing in the body), stays as it is.

Matching, most certain first:
1. in order: the rows and the body's tasks are aligned as two sequences (a weighted longest common
   subsequence), a pair scoring by title (same title, one title inside the other — a short title against the
   whole sentence —, shared wording), by the row's content copied from the body, and by numbering that agrees
   (（一）1 or 1.1 against the task 1. of section （一）);
2. a row left over goes to its best task when the match is strong wherever it is (rows in another order than
   the body), or fair and in its place between its neighbours' tasks (a task split over several rows);
3. a task left over goes to the row that names it among its neighbours (one row for several tasks).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

from desktop.importers.numbering import cn_to_int
from desktop.importers.parsed import Finding
from desktop.importers.responsibility import RawUnit
from desktop.importers.table_tasks import TableTask, TaskTable
from desktop.importers.tree_builder import Draft, walk_drafts
from desktop.importers.units import canonical_unit

_STRONG = 0.8  # a match wherever the row stands: the same title, one inside the other, the content copied
_FAIR = 0.55  # a match in its place among the rows around it
_BY_NUMBER = 0.35  # enough when the row's numbering names the task's (（一）1 ↔ （一） › 1.)
_PATH_BONUS = 0.2
_NUMBER_BONUS = 0.05
# Rows × body nodes compared one by one; beyond this only identical titles are matched (a table of thousands
# of rows against a plan of thousands of tasks must not keep the user waiting).
_MAX_PAIRS = 200_000
_CANDIDATE_KINDS = ("chapter", "section", "task", "item")
_LEADING_LABEL = re.compile(
    r"^(?:[（(][一二三四五六七八九十百\d]{1,4}[)）]|[一二三四五六七八九十百]{1,4}[、.]|"
    r"\d{1,3}(?:\.\d{1,3})*(?:[.、]|\s+)|第[一二三四五六七八九十百]{1,4}[章节条])\s*"
)
_NUMBER_TOKEN = re.compile(r"\d{1,3}|[一二三四五六七八九十百]{1,4}")


def _norm(text: str) -> str:
    """Text for comparing: NFKC, the leading labels (（一）1.) dropped, no spaces, punctuation or symbols."""
    text = unicodedata.normalize("NFKC", text).strip()
    for _ in range(3):
        m = _LEADING_LABEL.match(text)
        if not m or m.end() == len(text):
            break
        text = text[m.end() :]
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch)[0] not in "PSZC")


def _bigrams(text: str) -> frozenset[str]:
    if len(text) < 2:
        return frozenset([text]) if text else frozenset()
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


@dataclass
class _Side:
    """One row or one body node, as the matching sees it."""

    title: str
    text: str
    grams: frozenset[str]
    numbers: tuple[int, ...]
    text_grams: frozenset[str] = field(default_factory=frozenset)
    head: frozenset[str] = field(default_factory=frozenset)  # the title's first clause (a row: its task name)


_CLAUSE_END = re.compile(r"[，。；：,;:！？]")


def _row_side(task: TableTask) -> _Side:
    title = _norm(task.draft.node.title)
    content = _norm(task.content)
    head = _norm(_CLAUSE_END.split(task.draft.node.title.strip(), maxsplit=1)[0])
    return _Side(title, content, _bigrams(title), _row_numbers(task), _bigrams(content), _bigrams(head))


def _node_side(draft: Draft) -> _Side:
    title = _norm(draft.node.title)
    text = _norm("".join(line.text for line in draft.lines))
    return _Side(title, text, _bigrams(title), _path(draft), _bigrams(text))


def _row_numbers(task: TableTask) -> tuple[int, ...]:
    """The numbers of a row's serial (1 / （一）1 / 1.2 / 一、1), after its group row's number if it has one."""
    serial = unicodedata.normalize("NFKC", task.serial or task.draft.node.label)
    numbers = [n for n in (_number(t) for t in _NUMBER_TOKEN.findall(serial)) if n]
    if task.group is not None and task.group.number and len(numbers) == 1:
        numbers.insert(0, task.group.number)
    return tuple(numbers)


def _number(token: str) -> int | None:
    return int(token) if token.isdigit() else cn_to_int(token)


def _path(draft: Draft) -> tuple[int, ...]:
    numbers: list[int] = []
    node: Draft | None = draft
    while node is not None:
        if node.number:
            numbers.append(node.number)
        node = node.parent
    return tuple(reversed(numbers))


class _Scorer:
    """Similarity of a row and a body node, the shared wording weighted by how rare it is among the nodes."""

    def __init__(self, nodes: list[_Side]) -> None:
        df: dict[str, int] = {}
        for node in nodes:
            for g in node.text_grams | node.grams:
                df[g] = df.get(g, 0) + 1
        total = len(nodes) + 1
        self.weight = {g: math.log(total / n) + 0.1 for g, n in df.items()}
        self.unseen = math.log(2 * total) + 0.1  # wording no node has is the rarest of all
        self._totals: dict[frozenset[str], float] = {}

    def cover(self, part: frozenset[str], whole: frozenset[str]) -> float:
        """How much of ``part``'s wording ``whole`` has, rare words counting more."""
        total = self._totals.get(part)
        if total is None:
            total = self._totals[part] = sum(self.weight.get(g, self.unseen) for g in part)
        common = part & whole
        if total <= 0 or not common:
            return 0.0
        return sum(self.weight.get(g, self.unseen) for g in common) / total

    def similarity(self, row: _Side, node: _Side) -> float:
        best = 0.0
        if row.title and node.title:
            if row.title == node.title:
                return 1.0
            short, long_ = (
                (row.title, node.title) if len(row.title) <= len(node.title) else (node.title, row.title)
            )
            if len(short) >= 4 and short in long_:
                best = 0.9
            best = max(best, _dice(row.grams, node.grams))
        if best >= _STRONG:
            return best
        if len(row.title) >= 6 and row.title in node.text:
            return max(best, 0.85)  # the row's title is a phrase of the task's text
        if len(row.text) >= 10 and node.text_grams:
            # the row's content copied from the body: 0.9 when all of it is there, nothing below a third
            cover = self.cover(row.text_grams, node.text_grams)
            best = max(best, 0.9 * max(0.0, (cover - 0.3) / 0.7))
        return best

    @staticmethod
    def number_bonus(row: _Side, node: _Side) -> tuple[float, bool]:
        """A bonus when the row's numbering names the node's; True when it names its whole path."""
        n = len(row.numbers)
        if not n or len(node.numbers) < n or node.numbers[-n:] != row.numbers:
            return 0.0, False
        return (_PATH_BONUS, True) if n >= 2 else (_NUMBER_BONUS, False)


@dataclass
class _Match:
    rows: dict[int, list[int]] = field(default_factory=dict)  # node index → row indexes
    nodes: dict[int, list[int]] = field(default_factory=dict)  # row index → node indexes
    strength: dict[tuple[int, int], float] = field(default_factory=dict)  # (row, node) → similarity

    def add(self, r: int, c: int, sim: float) -> None:
        if (r, c) in self.strength:
            return
        self.rows.setdefault(c, []).append(r)
        self.nodes.setdefault(r, []).append(c)
        self.strength[(r, c)] = sim

    def nodes_of(self, r: int) -> list[int]:
        return sorted(self.nodes.get(r, []))


def merge_division_tables(roots: list[Draft], tables: list[TaskTable], city: str | None) -> list[Finding]:
    """Link the body's tasks to the rows of task tables that repeat them; return what to review."""
    findings: list[Finding] = []
    from_tables = {id(t.draft) for table in tables for t in table.tasks}
    from_tables |= {id(g) for table in tables for g in table.groups}
    for table in tables:
        if not table.tasks:
            continue
        nodes = [d for d in walk_drafts(roots) if _is_candidate(d, from_tables, table.home)]
        if not nodes:
            continue
        match = _match(table.tasks, nodes)
        if 2 * len(match.nodes) < len(table.tasks):
            # Most rows are not the body's tasks: a list of its own (重点项目表), which may share a subject or
            # two with the body; it stays as it is.
            continue
        findings += _apply(table, nodes, match, city)
    return findings


def _is_candidate(draft: Draft, from_tables: set[int], home: Draft) -> bool:
    node = draft.node
    if id(draft) in from_tables or draft is home or node.kind not in _CANDIDATE_KINDS:
        return False
    if node.label.startswith("附件"):
        return False
    if node.kind == "chapter":  # a chapter is a task only when nothing below it is
        return not any(c.node.kind in ("section", "task") for c in draft.children)
    return True


def _match(tasks: list[TableTask], nodes: list[Draft]) -> _Match:
    rows = [_row_side(t) for t in tasks]
    sides = [_node_side(d) for d in nodes]
    if len(rows) * len(sides) > _MAX_PAIRS:
        return _match_titles(rows, sides)
    scorer = _Scorer(sides)
    sim = [[scorer.similarity(r, n) for n in sides] for r in rows]
    weight = [[0.0] * len(sides) for _ in rows]
    for i, r in enumerate(rows):
        for j, n in enumerate(sides):
            bonus, whole_path = scorer.number_bonus(r, n)
            if sim[i][j] >= _FAIR or (whole_path and sim[i][j] >= _BY_NUMBER):
                weight[i][j] = sim[i][j] + bonus
    match = _align(weight, sim)
    _place_leftover_rows(match, sim, weight, nodes)
    _place_leftover_nodes(match, rows, sides, nodes)
    _pair_by_place(match, scorer, rows, sides, nodes)
    return match


def _match_titles(rows: list[_Side], sides: list[_Side]) -> _Match:
    """Only identical titles, each body node once, first come first served."""
    free: dict[str, list[int]] = {}
    for j, n in enumerate(sides):
        if n.title:
            free.setdefault(n.title, []).append(j)
    match = _Match()
    for i, r in enumerate(rows):
        if free.get(r.title):
            match.add(i, free[r.title].pop(0), 1.0)
    return match


def _align(weight: list[list[float]], sim: list[list[float]]) -> _Match:
    """The heaviest set of (row, node) pairs in the same order on both sides, each row and node once."""
    n_rows, n_nodes = len(weight), len(weight[0])
    best = [[0.0] * (n_nodes + 1) for _ in range(n_rows + 1)]
    for i in range(1, n_rows + 1):
        above, here, w = best[i - 1], best[i], weight[i - 1]
        for j in range(1, n_nodes + 1):
            pair = above[j - 1] + w[j - 1] if w[j - 1] > 0 else 0.0
            here[j] = max(above[j], here[j - 1], pair)
    match = _Match()
    i, j = n_rows, n_nodes
    while i > 0 and j > 0:
        if best[i][j] == best[i - 1][j]:
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            match.add(i - 1, j - 1, sim[i - 1][j - 1])
            i, j = i - 1, j - 1
    return match


def _window(match: _Match, r: int, n_rows: int, n_nodes: int) -> tuple[int, int]:
    """The body nodes between the tasks of the matched rows before and after row ``r``."""
    low, high = 0, n_nodes - 1
    for before in range(r - 1, -1, -1):
        got = match.nodes_of(before)
        if got:
            low = max(got)
            break
    for after in range(r + 1, n_rows):
        got = match.nodes_of(after)
        if got:
            high = min(got)
            break
    return low, high


def _place_leftover_rows(
    match: _Match, sim: list[list[float]], weight: list[list[float]], nodes: list[Draft]
) -> None:
    n_rows, n_nodes = len(sim), len(nodes)
    for r in range(n_rows):
        if match.nodes_of(r):
            continue
        c = max(range(n_nodes), key=lambda j: (weight[r][j], sim[r][j]))
        if weight[r][c] <= 0:
            continue
        low, high = _window(match, r, n_rows, n_nodes)
        if sim[r][c] >= _STRONG or low <= c <= high:
            match.add(r, c, sim[r][c])


def _place_leftover_nodes(match: _Match, rows: list[_Side], sides: list[_Side], nodes: list[Draft]) -> None:
    """A row naming several tasks (推行一网通办；压减审批时间) is the row of each of them."""
    n_rows, n_nodes = len(rows), len(nodes)
    for r in range(n_rows):
        mine = match.nodes_of(r)
        if not mine:
            continue
        low, high = _window(match, r, n_rows, n_nodes)
        parents = {id(nodes[c].parent) for c in mine}
        for c in range(low, high + 1):
            side = sides[c]
            if c in match.rows or id(nodes[c].parent) not in parents or len(side.title) < 4:
                continue
            named = side.title in rows[r].title or (
                len(side.grams & rows[r].grams) >= 0.8 * len(side.grams) and len(side.grams) >= 3
            )
            if named:
                match.add(r, c, _STRONG)


def _pair_by_place(
    match: _Match, scorer: _Scorer, rows: list[_Side], sides: list[_Side], nodes: list[Draft]
) -> None:
    """One row left between two matched rows and one task left between their tasks: the table words the
    task its own way (城市算力中心建设 for 布局算力基础设施). Paired when something agrees — some of the
    row's rarer wording in the task's text, or the whole number path —, as an uncertain match the review
    shows."""
    n_rows, n_nodes = len(rows), len(nodes)
    free_rows = [r for r in range(n_rows) if not match.nodes_of(r)]
    for r in free_rows:
        if not (0 < r < n_rows - 1 and match.nodes_of(r - 1) and match.nodes_of(r + 1)):
            continue  # not alone between two matched rows
        low, high = _window(match, r, n_rows, n_nodes)
        free = [
            c
            for c in range(low + 1, high)
            if c not in match.rows and _is_leaf_task(nodes[c]) and not _has_owners_above(nodes[c])
        ]
        if len(free) != 1:
            continue
        c = free[0]
        _bonus, whole_path = scorer.number_bonus(rows[r], sides[c])
        if whole_path or scorer.cover(rows[r].head, sides[c].text_grams) >= 0.3:
            match.add(r, c, min(scorer.similarity(rows[r], sides[c]), _FAIR))


def _is_leaf_task(draft: Draft) -> bool:
    kind = draft.node.kind
    if kind not in ("task", "item", "section"):
        return False
    return not any(c.node.kind in ("section", "task", "item") for c in draft.children)


def _apply(table: TaskTable, nodes: list[Draft], match: _Match, city: str | None) -> list[Finding]:
    findings: list[Finding] = []
    for c in sorted(match.rows):
        node = nodes[c]
        rows = [table.tasks[r] for r in sorted(set(match.rows[c]))]
        findings += _link(node, rows, city)
        for r in sorted(set(match.rows[c])):
            if match.strength[(r, c)] < _STRONG:
                findings.append(_uncertain(table.tasks[r], node))
    matched = {r for rows in match.rows.values() for r in rows}
    for r, task in enumerate(table.tasks):
        if r not in matched:
            task.draft.node.needs_review = True
            findings.append(_unmatched(task, table.home))
    findings += _missing(nodes, match)
    return findings


def _link(node: Draft, rows: list[TableTask], city: str | None) -> list[Finding]:
    """The body's task is assigned in these rows: the rows carry its units and deadlines and count as its work."""
    node.node.assigned_in = [row.draft.node for row in rows]
    own = [u for u, _line in node.raw_units]
    if not own:
        return []
    theirs = _names([u for row in rows for u, _line in row.draft.raw_units], city)
    mine = _names(own, city)
    if not theirs or set(mine) == set(theirs):
        return []
    node.node.needs_review = True
    return [
        Finding(
            "division_mismatch",
            f"“{_label(node)}”正文注明的责任单位（{'、'.join(mine)}）与任务分工表（{'、'.join(theirs)}）不一致，"
            "分工按任务分工表计，请核对。",
            line=node.raw_units[0][1],
            excerpt="、".join(u.raw for u in own),
        )
    ]


def _names(units: list[RawUnit], city: str | None) -> list[str]:
    out: list[str] = []
    for u in units:
        name = canonical_unit(u.raw, city)
        if name and name not in out:
            out.append(name)
    return out


def _label(draft: Draft) -> str:
    return f"{draft.node.label}{draft.node.title}"[:40]


def _row_name(task: TableTask) -> str:
    serial = task.serial or task.draft.node.label
    where = f"第{serial}项" if serial else "一行"
    return f"{where}“{task.draft.node.title[:30]}”"


def _uncertain(task: TableTask, node: Draft) -> Finding:
    return Finding(
        "division_uncertain",
        f"任务分工表{_row_name(task)}与正文任务“{_label(node)}”的文字不完全一致，已按文字、编号和顺序将两者对应，"
        "这一任务的分工按该行计，请核对。",
        line=task.draft.first_line,
        excerpt=task.draft.node.title[:80],
    )


def _unmatched(task: TableTask, home: Draft) -> Finding:
    where = home.node.title or home.node.label or "任务分工表"
    text = "；".join(line.text for line in task.draft.lines[:3])
    return Finding(
        "division_unmatched",
        f"任务分工表{_row_name(task)}在正文中找不到对应的任务，作为“{where[:30]}”下的单独任务计，请核对。",
        line=task.draft.first_line,
        excerpt=text[:80],
    )


def _missing(nodes: list[Draft], match: _Match) -> list[Finding]:
    """Body tasks in the chapters the table repeats that it leaves out: they have no owners yet."""
    chapters = {id(_root(nodes[c])) for c in match.rows}
    out: list[Finding] = []
    for draft in nodes:
        if (
            id(_root(draft)) in chapters
            and draft.node.kind == "task"
            and not draft.node.assigned_in
            and not draft.raw_units
            and not any(c.node.kind == "task" for c in draft.children)
            and not _has_owners_above(draft)
        ):
            out.append(
                Finding(
                    "division_missing",
                    f"正文任务“{_label(draft)}”在任务分工表中没有对应的行，尚无责任单位，请核对。",
                    line=draft.first_line,
                    excerpt=_label(draft),
                )
            )
    return out


def _root(draft: Draft) -> Draft:
    while draft.parent is not None:
        draft = draft.parent
    return draft


def _has_owners_above(draft: Draft) -> bool:
    node = draft.parent
    while node is not None:
        if node.raw_units:
            return True
        node = node.parent
    return False
