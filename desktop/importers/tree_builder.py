"""Builds the node tree from repaired lines: headings open nodes, other lines fill them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.importers.dates import goal_year
from desktop.importers.numbering import Heading, match_heading, split_title
from desktop.importers.parsed import Finding, ParsedNode
from desktop.importers.responsibility import (
    FoundList,
    RawUnit,
    find_closing_owners,
    find_prose_assignments,
    find_prose_owners,
    find_responsibility,
    find_trailing_labelled,
    parse_bare_line,
    parse_responsibility,
    unit_like_end,
)

MEASURE_TITLE = re.compile(r"保障措施|组织实施|保障机制|组织保障|实施保障|工作保障|组织领导|保障条件")
GOAL_CONTEXT = re.compile(r"目标|总体要求|总体思路|指导思想|发展愿景|主要指标")


@dataclass
class Line:
    text: str
    start: int
    end: int
    number: int  # 1-based line number in the repaired text


@dataclass
class Draft:
    """A node while the tree is being built: its lines, its number, where it was first seen."""

    node: ParsedNode
    level: int
    number: int | None = None
    lines: list[Line] = field(default_factory=list)
    raw_units: list[tuple[RawUnit, int]] = field(default_factory=list)  # with the line they came from
    parent: Draft | None = None
    children: list[Draft] = field(default_factory=list)
    closed: bool = False  # a responsibility list ended it; later text may be misplaced
    first_line: int = 0
    chapter_number: int | None = None


def walk_drafts(drafts: list[Draft]) -> list[Draft]:
    """The drafts and everything below them, in document order (pre-order)."""
    out: list[Draft] = []
    for d in drafts:
        out.append(d)
        out.extend(walk_drafts(d.children))
    return out


class TreeBuilder:
    """Feed lines in order; the builder merges repeated headings and keeps every line somewhere."""

    def __init__(self, straight_sections: bool, scrambled: bool) -> None:
        self.roots: list[Draft] = []
        self.findings: list[Finding] = []
        self.straight_sections = straight_sections
        self.scrambled = scrambled
        self.registry: dict[tuple[object, ...], Draft] = {}
        self.chapter: Draft | None = None
        self.section: Draft | None = None
        self.task: Draft | None = None
        self.subtask: Draft | None = None
        self.task_from_subtask = False  # the current task is a （1） with no 1. above it
        self.column: Draft | None = None
        self.last_section: Draft | None = None
        self.preamble: list[Line] = []
        # (chapter number, number of the section heading right after it): evidence of where chapters start.
        self.chapter_starts: list[tuple[int, int]] = []
        self._last_heading: Heading | None = None
        self.in_appendix = False
        self._appendix_title_pending = False

    # -- headings ---------------------------------------------------------------------------------
    def heading(self, line: Line, h: Heading) -> None:
        handler = {
            "chapter": self._chapter,
            "section": self._section,
            "task": self._task,
            "subtask": self._subtask,
            "column": self._column,
        }[h.kind]
        last = self._last_heading
        if h.kind == "section" and last is not None and last.kind == "chapter":
            self.chapter_starts.append((last.number, h.number))
        self._last_heading = h
        if h.kind == "task" and self.column is not None and not self.scrambled and self._in_column(h):
            self._column_item(line, h)
            return
        handler(line, h)

    def _in_column(self, h: Heading) -> bool:
        """Is a numbered line inside a 专栏 one of its items rather than the plan's next task?

        The plan's tasks never repeat a number under one heading and go on from the last one; the box's items
        count from 1 on their own."""
        assert self.column is not None
        parent = self._task_parent()
        tasks = [d.number or 0 for d in (parent.children if parent else self.roots) if d.node.kind == "task"]
        items = [d.number or 0 for d in self.column.children if d.node.kind == "item"]
        if h.number in tasks:
            return True
        expected = items[-1] + 1 if items else 1
        if h.number != expected:
            return False
        if h.number != max(tasks, default=0) + 1:
            return True
        if not items and len(self.column.lines) <= 1 and not self.column.children:
            return True  # right under the box's title: a box is never empty, so this is its first item
        # Either the box's next item or the plan's next task: an item names a project (县城商贸综合体改造项目,
        # 工业源治理工程：…), a task says what to do, most often with its note.
        return bool(_PROJECT_NAME.search(h.rest)) and not units_in_line(h.rest)

    def _column_item(self, line: Line, h: Heading) -> None:
        assert self.column is not None
        title, _ = split_title(_without_units(h.rest))
        node = ParsedNode(kind="item", label=h.label, title=title, text="")
        draft = Draft(node, 4, h.number, [line], first_line=line.number)
        self._take_units(draft, line)
        self._attach(self.column, draft)

    def _new(self, kind: str, line: Line, h: Heading, level: int) -> Draft:
        title, _rest = split_title(_without_units(h.rest))
        node = ParsedNode(kind=kind, label=h.label, title=title, text="")  # type: ignore[arg-type]
        draft = Draft(node, level, h.number, [line], first_line=line.number)
        self._take_units(draft, line)
        return draft

    def _attach(self, parent: Draft | None, child: Draft) -> None:
        child.parent = parent
        (parent.children if parent else self.roots).append(child)

    def _switch(self, draft: Draft, line: Line) -> None:
        """A heading seen again: later lines continue the node first opened with it."""
        draft.lines.append(line)
        self._take_units(draft, line)

    def _chapter(self, line: Line, h: Heading) -> None:
        key = ("chapter", h.number)
        self.column = self.task = self.subtask = self.section = None
        if key in self.registry:
            self.chapter = self.registry[key]
            self._switch(self.chapter, line)
            return
        draft = self._new("chapter", line, h, 1)
        draft.chapter_number = h.number
        self.registry[key] = draft
        self._attach(None, draft)
        self.chapter = draft

    def _section(self, line: Line, h: Heading) -> None:
        chapter_no = self.chapter.number if self.chapter else None
        key = ("section", h.number) if self.straight_sections else ("section", chapter_no, h.number)
        self.column = self.task = self.subtask = None
        if key in self.registry:
            self.section = self.registry[key]
            self._switch(self.section, line)
            return
        draft = self._new("section", line, h, 2)
        draft.chapter_number = chapter_no
        self.registry[key] = draft
        self._attach(self.chapter, draft)
        self.section = draft
        self.last_section = draft
        self._goal_in_heading(draft, line, h)

    def _goal_in_heading(self, draft: Draft, line: Line, h: Heading) -> None:
        """（四）试点目标。到2020年，… on one line: the sentence after the title is a goal."""
        _title, rest = split_title(h.rest)
        year = goal_year(rest) if rest else None
        if year and self._goal_context(draft):
            offset = line.text.find(rest)
            part = Line(rest, line.start + offset, line.end, line.number)
            draft.lines[-1] = Line(line.text[:offset], line.start, line.start + offset, line.number)
            self._goal(draft, part, year)

    def _task_parent(self) -> Draft | None:
        return self.section or self.chapter

    def _task(self, line: Line, h: Heading, *, from_subtask: bool = False) -> None:
        parent = self._task_parent()
        # a （1） standing as a task is numbered apart from the 1. tasks that may follow it
        key = ("task", id(parent), h.number, from_subtask)
        self.column = self.subtask = None
        self.task_from_subtask = from_subtask
        if key in self.registry:
            self.task = self.registry[key]
            self._switch(self.task, line)
            return
        draft = self._new("task", line, h, 3)
        self.registry[key] = draft
        self._attach(parent, draft)
        self.task = draft

    def _subtask(self, line: Line, h: Heading) -> None:
        if self.task is None or self.task_from_subtask:
            # （1）（2）… with no 1. above them are the tasks of their section or chapter, side by side
            self._task(line, h, from_subtask=True)
            return
        parent = self.task
        key = ("subtask", id(parent), h.number)
        self.column = None
        if key in self.registry:
            self.subtask = self.registry[key]
            self._switch(self.subtask, line)
            return
        draft = self._new("task", line, h, 4)
        self.registry[key] = draft
        self._attach(parent, draft)
        self.subtask = draft

    def _column(self, line: Line, h: Heading) -> None:
        parent = self._task_parent()
        key = ("column", h.number) if h.number else ("column", 0, line.number)
        if key in self.registry:
            self.column = self.registry[key]
            self._switch(self.column, line)
            return
        title = h.rest.split("\t")[0].strip()
        node = ParsedNode(
            kind="column", label=f"专栏{h.number}" if h.number else "专栏", title=title, text=""
        )
        draft = Draft(node, 3, h.number, [line], first_line=line.number)
        self.registry[key] = draft
        self._attach(parent, draft)
        self.column = draft

    def table_root(self, line: Line, title: str) -> None:
        """The node a plan that is one task table (its title, then the table) hangs its rows under."""
        node = ParsedNode(kind="chapter", label="", title=title or "任务清单", text="")
        draft = Draft(node, 1, None, [line], first_line=line.number)
        self._attach(None, draft)
        self.chapter, self.section, self.task, self.subtask, self.column = draft, None, None, None, None

    def appendix(self, line: Line, number: str, title: str) -> None:
        """附件N: a node of its own after the plan; the lines after it belong to it, not to the last measure."""
        seen = next(
            (
                d
                for d in self.roots
                if d.node.label == f"附件{number}"
                and d.node.title == title
                and not d.children
                and len(d.lines) <= 1
            ),
            None,
        )
        if seen is not None:  # 附件：…分工表 named it at the end of the text; here the appendix itself begins
            draft = seen
            draft.lines.append(line)
        else:
            node = ParsedNode(kind="chapter", label=f"附件{number}", title=title, text="")
            draft = Draft(node, 1, None, [line], first_line=line.number)
            self._attach(None, draft)
        self.chapter, self.section, self.task, self.subtask, self.column = draft, None, None, None, None
        self.in_appendix = True
        self._appendix_title_pending = bool(title) and not line.text.rstrip().endswith(title)

        # -- body lines -------------------------------------------------------------------------------

    def current(self) -> Draft | None:
        for draft in (self.subtask, self.task, self.section, self.chapter):
            if draft is not None:
                return draft
        return None

    def body(self, line: Line) -> None:
        if self.in_appendix and self.chapter is not None:
            # The appendix's content (its tables) is left to the table reading; its title line is consumed.
            if self._appendix_title_pending:
                self._appendix_title_pending = False
            self.chapter.lines.append(line)
            return
        if self.column is not None:
            self._column_line(line)
            return
        target = self.current()
        if target is None:
            self.preamble.append(line)
            return
        if self._note_for_the_above(target, line):
            return
        only_units = _only_responsibility(line.text)
        year = goal_year(line.text)
        if year and not only_units and self._goal_context(target):
            self._goal(target, line, year)
            return
        if self.scrambled and only_units and target.node.kind == "chapter" and self.last_section is not None:
            # Scrambled text: a list after a chapter heading belongs to the section it closed.
            target = self.last_section
            target.node.needs_review = True
        if only_units and not self.scrambled and target is self.subtask and self._closes_group(target):
            # （1）…（2）…（3）… then （责任单位：…） on a line of its own: the note is the task's, not (3)'s.
            target = target.parent
            assert target is not None
            self.subtask = None
        if target.closed and not only_units and self.scrambled:
            target.node.needs_review = True
            self.findings.append(
                Finding(
                    "orphan_text",
                    f"第{line.number}行的文字没有对应的标题，已暂时放在“{target.node.label}{target.node.title}”下，请核对。",
                    line=line.number,
                    excerpt=line.text[:60],
                )
            )
        target.lines.append(line)
        self._take_units(target, line)

    def _note_for_the_above(self, target: Draft, line: Line) -> bool:
        """以上任务由A牵头，B配合。 / 以上任务责任单位：A、B: the note of every task above it that has none, back
        to the last one with a note of its own."""
        m = _ABOVE.match(line.text.strip())
        if m is None or target.node.kind != "task" or target.parent is None:
            return False
        units = parse_responsibility(line.text.strip()[m.end() :].rstrip("。；"))
        if not units or not all(unit_like_end(u.raw) for u in units):
            return False
        group: list[Draft] = []
        for sibling in reversed(target.parent.children):
            if sibling.raw_units:
                break
            if sibling.node.kind == "task":
                group.append(sibling)
        if not group:
            return False
        for draft in group:
            draft.raw_units.extend((u, line.number) for u in units)
            draft.closed = True
        target.lines.append(line)
        return True

    @staticmethod
    def _closes_group(last: Draft) -> bool:
        """Is ``last`` the last of two or more sub-items of a task, none of which (nor the task) has a note?"""
        parent = last.parent
        if parent is None or parent.raw_units or parent.node.kind != "task":
            return False
        items = parent.children
        return len(items) >= 2 and items[-1] is last and not any(d.raw_units for d in items)

    def _goal_context(self, target: Draft) -> bool:
        if target.node.kind not in ("chapter", "section"):
            return False
        titles = target.node.title + (target.parent.node.title if target.parent else "")
        return bool(GOAL_CONTEXT.search(titles))

    def _goal(self, parent: Draft, line: Line, year: int) -> None:
        end = re.search(r"[。；]", line.text)
        title = line.text[: end.start()] if end else line.text
        title = title if len(title) <= 80 else title[:80] + "…"
        node = ParsedNode(kind="goal", label="", title=title, text="", goal_year=year)
        draft = Draft(node, 5, None, [line], first_line=line.number)
        self._attach(parent, draft)

    def _column_line(self, line: Line) -> None:
        column = self.column
        assert column is not None
        if "\t" in line.text or not line.text.strip():
            column.lines.append(line)
            return
        if _only_responsibility(line.text):
            column.lines.append(line)
            self._take_units(column, line)
            return
        title, _ = split_title(line.text)
        node = ParsedNode(kind="item", label="", title=title, text="")
        draft = Draft(node, 4, None, [line], first_line=line.number)
        self._take_units(draft, line)
        self._attach(column, draft)

    def _take_units(self, draft: Draft, line: Line) -> None:
        found = units_in_line(line.text)
        if found and any(u.inferred for f in found for u in f.units):
            # Owners read from a sentence are a task's only when nothing else names them: not on a chapter,
            # not beside a note of the task's own, and one sentence per task.
            if draft.node.kind not in ("task", "measure", "section", "item") or draft.raw_units:
                return
        elif found:
            draft.raw_units = [u for u in draft.raw_units if not u[0].inferred]
        if found:
            draft.raw_units.extend((u, line.number) for f in found for u in f.units)
            draft.closed = True


# 县城商贸综合体改造项目 / 工业源治理工程：… / 高精度监测预警产品：…
_PROJECT_NAME = re.compile(
    r"^[^。；，]{2,30}?(?:项目|工程|行动|中心|基地|园区|平台|专项)(?:[:：]|。?$)|^[^。；，：:]{2,20}[:：]"
)
# 以上任务由A牵头，B配合 / 以上任务责任单位：A、B — never 以上各项任务要明确责任人…
_ABOVE = re.compile(
    r"^以上(?:各项|几项|\d+项)?(?:任务|工作|措施|事项|项目|内容)?(?:均|统一)?"
    r"(?:由|(?=(?:责任单位|牵头单位|责任部门|牵头部门)\s*[:：]))"
)


def units_in_line(text: str) -> list[FoundList]:
    bare = parse_bare_line(text)
    if bare:
        return [FoundList(0, len(text), bare)]
    found = sorted(find_responsibility(text) + find_prose_owners(text), key=lambda f: f.start)
    return found or find_trailing_labelled(text) or find_closing_owners(text) or find_prose_assignments(text)


def _only_responsibility(text: str) -> bool:
    stripped = text.strip()
    found = units_in_line(stripped)
    return bool(found) and sum(f.end - f.start for f in found) >= len(stripped) - 1


def _without_units(text: str) -> str:
    for found in reversed(find_responsibility(text)):
        text = text[: found.start] + text[found.end :]
    return text.strip()


def heading_of(text: str) -> Heading | None:
    """Heading at the start of a line, ignoring table rows."""
    if "\t" in text:
        head = text.split("\t")[0]
        h = match_heading(head)
        return h if h and h.kind == "column" else None
    return match_heading(text)
