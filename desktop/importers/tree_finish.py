"""Finishing the drafted tree: order by numbering, kinds, units, deadlines, indicators, findings."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from desktop.importers.dates import find_deadline, find_deadline_in_year, find_recurrence
from desktop.importers.division_tables import merge_division_tables
from desktop.importers.indicators import TableLine, parse_table, period_end, prose_indicators
from desktop.importers.numbering import chinese_number, split_title
from desktop.importers.parsed import Finding, ParsedNode, ParsedPlan, ParsedUnit
from desktop.importers.table_tasks import take_task_tables
from desktop.importers.tree_builder import (
    GOAL_CONTEXT,
    MEASURE_TITLE,
    Draft,
    Line,
    TreeBuilder,
    heading_of,
    units_in_line,
    walk_drafts,
)
from desktop.importers.units import canonical_unit, is_known_unit


def finish(plan: ParsedPlan, builder: TreeBuilder, city: str | None) -> None:
    roots = builder.roots
    if builder.scrambled and builder.straight_sections:
        _regroup_sections(roots, builder.chapter_starts)
    if _sort_tree(roots, None):
        plan.findings.append(
            Finding("order_restored", "文档中的段落顺序被打乱，已按编号恢复章节顺序，请核对。")
        )
    tables = take_task_tables(roots)
    for draft in walk_drafts(roots):
        _split_unnumbered_tasks(draft, review=builder.scrambled)
    # a 任务分工表 repeating the body's tasks assigns them: linked, so the work is counted once
    division = merge_division_tables(roots, tables, city)
    _mark_measures(roots, inside=False)
    if _reads_joint_as_lead(roots, plan.text):
        for draft in walk_drafts(roots):
            draft.raw_units = [
                (replace(u, role="lead") if u.joint and not u.listed else u, line)
                for u, line in draft.raw_units
            ]
    plan.nodes = [_to_node(d, plan.text, city) for d in roots]
    _deadlines_in_plan_years(plan)
    _report_gaps(plan, roots, builder.straight_sections)
    plan.findings.extend(builder.findings)
    plan.findings.extend(division)
    _collect_indicators(plan, roots)
    _report_unknown_units(plan, roots, city)
    _report_notes_missing(plan, roots)
    _report_inferred_notes(plan, roots)


_YEAR_RANGE = re.compile(r"((?:19|20)\d{2})\s*年?\s*[—–\-－~～至到]\s*((?:19|20)\d{2})\s*年")
# 2024年全县安全生产工作要点; not 2030年前碳达峰 or 2035年远景目标
_ONE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?(?!\s*(?:前|以前|之前|远景|[—–\-－~～至到]))")


def _deadlines_in_plan_years(plan: ParsedPlan) -> None:
    """Deadlines read against the plan's years: a plan for one year (2024年…工作要点) writes 6月底前 without the
    year; a year long before the plan (重点改造2000年底前建成的老旧小区) describes, it sets no deadline."""
    title = plan.title or ""
    span = _YEAR_RANGE.search(title)
    years = {int(y) for y in _ONE_YEAR.findall(title)}
    single = years.pop() if not span and len(years) == 1 else None
    first = int(span.group(1)) if span else single
    starts = [y for y in (first, plan.issued_on.year if plan.issued_on else None) if y]
    floor = min(starts) - 1 if starts else None
    for node in plan.walk():
        if node.deadline and floor and node.deadline.year < floor:
            node.deadline = None
        if node.deadline is None and single and node.kind in ("task", "measure", "section", "item"):
            node.deadline = find_deadline_in_year(node.text, single)


def _reads_joint_as_lead(roots: list[Draft], text: str) -> bool:
    """A document that names leads with 牵头 and states no 'first listed leads' rule: 负责 means all lead."""
    if re.search(
        r"第一位|首位|列第一|排第一|排在第一|(?:排名|位列|名列|列在)第一(?=的|为|位|个|单位|部门)|第一个(?:单位|部门)?为",
        text,
    ):
        return False
    return any(u.role == "lead" and not u.joint for d in walk_drafts(roots) for u, _ in d.raw_units)


def _chapter_starts(evidence: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pick (chapter, first section) pairs that increase together, preferring the most repeated ones."""
    weights: dict[tuple[int, int], int] = {}
    for pair in evidence:
        weights[pair] = weights.get(pair, 0) + 1
    pairs = sorted(weights)
    best: list[tuple[int, list[tuple[int, int]]]] = []
    for i, pair in enumerate(pairs):
        score, chain = weights[pair], [pair]
        for j in range(i):
            prev = pairs[j]
            if prev[0] < pair[0] and prev[1] < pair[1] and best[j][0] + weights[pair] > score:
                score, chain = best[j][0] + weights[pair], [*best[j][1], pair]
        best.append((score, chain))
    return max(best, key=lambda b: b[0])[1] if best else []


def _regroup_sections(roots: list[Draft], evidence: list[tuple[int, int]]) -> None:
    """Straight-through numbering: a section belongs to the chapter whose first section precedes it."""
    chapters = {d.number: d for d in roots if d.node.kind == "chapter" and d.number}
    starts = [(sec, chapters[ch]) for ch, sec in _chapter_starts(evidence) if ch in chapters]
    if not starts:
        return
    for ch in list(chapters.values()):
        for sec in [c for c in ch.children if c.node.kind == "section" and c.number]:
            home = next((c for s, c in reversed(starts) if s <= (sec.number or 0)), starts[0][1])
            if home is not ch:
                ch.children.remove(sec)
                home.children.append(sec)
                sec.parent = home


def _sort_tree(drafts: list[Draft], parent: Draft | None) -> bool:
    """Sort numbered siblings by number; unnumbered nodes travel with the numbered node before them."""
    changed = False
    groups: list[list[Draft]] = []
    for d in drafts:
        if d.number is None and groups:
            groups[-1].append(d)
        else:
            groups.append([d])
    lead_unnumbered = groups[0] if groups and groups[0][0].number is None else []
    numbered = [g for g in groups if g[0].number is not None]
    if _needs_sort(numbered):
        # Sort each kind among the positions that kind occupies, so tasks and columns keep interleaving.
        result = list(numbered)
        for kind in {_series(g[0]) for g in numbered}:
            slots = [i for i, g in enumerate(numbered) if _series(g[0]) == kind]
            ordered_kind = sorted(
                (numbered[i] for i in slots), key=lambda g: (g[0].number or 0, g[0].first_line)
            )
            for slot, group in zip(slots, ordered_kind, strict=True):
                result[slot] = group
        changed = result != numbered
        numbered = result
    drafts[:] = list(lead_unnumbered) + [d for g in numbered for d in g]
    for d in drafts:
        changed = _sort_tree(d.children, d) or changed
    return changed


def _series(draft: Draft) -> tuple[str, bool]:
    """Siblings numbered in one series: same kind and same label form (（1）（2） and 1. 2. are two series)."""
    return draft.node.kind, draft.node.label.startswith(("（", "("))


def _needs_sort(groups: list[list[Draft]]) -> bool:
    """Only numbering of one kind that goes backwards is a scrambled order."""
    last: dict[tuple[str, bool], int] = {}
    for g in groups:
        kind = _series(g[0])
        if kind[0] == "column":
            continue
        n = g[0].number or 0
        if n < last.get(kind, 0):
            return True
        last[kind] = n
    return False


def _split_unnumbered_tasks(draft: Draft, review: bool = False) -> None:
    """Several paragraphs under one heading, each closed by its own responsibility note, are unnumbered
    tasks of that heading: one node per note, never one node with the union of the lists."""
    if draft.node.kind not in ("chapter", "section", "task", "measure") or draft.node.label.startswith(
        "附件"
    ):
        return
    if draft.node.kind in ("chapter", "section") and any(c.number for c in draft.children):
        return
    heading_units = bool(units_in_line(draft.lines[0].text)) if draft.lines else False
    body = draft.lines[1:]
    ends = [i for i, line in enumerate(body) if units_in_line(line.text)]
    # role lines one after another (牵头单位：A / 配合单位：B / 完成时限：…) are one note: it ends at the last
    only_units = {i for i in ends if _is_units_line(body[i])}
    ends = [i for i in ends if not (i in only_units and i + 1 in only_units)]
    if len(ends) < (1 if heading_units else 2):
        return
    start = 0
    tasks: list[Draft] = []
    for end in ends:
        chunk = body[start : end + 1]
        start = end + 1
        text_lines = [line for line in chunk if not _is_units_line(line) and not heading_of(line.text)]
        if not text_lines:
            continue
        first = text_lines[0].text
        title = first.rstrip("。") if len(text_lines) > 1 and len(first) <= 40 else split_title(first)[0]
        # In scrambled text a paragraph may have lost its own heading: the user checks where it belongs.
        node = ParsedNode(kind="task", label="", title=title, text="", needs_review=review)
        task = Draft(node, draft.level + 1, None, chunk, first_line=chunk[0].number, parent=draft)
        task.raw_units = [u for u in draft.raw_units if chunk[0].number <= u[1] <= chunk[-1].number]
        tasks.append(task)
    kept = set(id(line) for t in tasks for line in t.lines)
    draft.lines = draft.lines[:1] + [line for line in body if id(line) not in kept]
    draft.raw_units = [u for u in draft.raw_units if all(u not in t.raw_units for t in tasks)]
    draft.children = tasks + draft.children


def _is_units_line(line: Line) -> bool:
    found = units_in_line(line.text)
    return bool(found) and sum(f.end - f.start for f in found) >= len(line.text.strip()) - 1


def _mark_measures(drafts: list[Draft], inside: bool) -> None:
    for d in drafts:
        here = inside or (d.node.kind in ("chapter", "section") and bool(MEASURE_TITLE.search(d.node.title)))
        if inside and d.node.kind in ("section", "task"):
            d.node.kind = "measure"
        _mark_measures(d.children, here)


def _to_node(draft: Draft, text: str, city: str | None) -> ParsedNode:
    node = draft.node
    lines = [line for line in draft.lines if line.text.strip()]
    node.text = "\n".join(line.text for line in lines)
    if lines:
        first = lines[0]
        end = first.end
        for line in lines[1:]:
            if text[end : line.start].strip():
                break
            end = line.end
        node.span = (first.start, end)
    seen: set[str] = set()
    lead_line: int | None = None
    for raw, line_no in draft.raw_units:
        name = canonical_unit(raw.raw, city)
        if not name or name in seen:
            continue
        seen.add(name)
        role = raw.role
        # One list names the lead; a second list on the same node only adds co-operating units.
        if role == "lead":
            lead_line = line_no if lead_line is None else lead_line
            role = "lead" if line_no == lead_line else "co"
        node.units.append(ParsedUnit(name=name, role=role, raw=raw.raw))  # type: ignore[arg-type]
    if node.units and not any(u.role == "lead" for u in node.units):
        node.units[0].role = "lead"
    if node.kind in ("task", "measure", "section", "item"):
        node.deadline = node.deadline or find_deadline(node.text)
        node.recurrence = node.recurrence or find_recurrence(node.text)
    node.children = [_to_node(c, text, city) for c in draft.children]
    return node


def _report_gaps(plan: ParsedPlan, roots: list[Draft], straight: bool) -> None:
    chapters = [d for d in roots if d.node.kind == "chapter"]
    _gap(plan, [d.number for d in chapters if d.number], "章", lambda n: f"{chinese_number(n)}、")
    if straight:
        numbers = [
            c.number
            for ch in chapters
            for c in ch.children
            if c.node.kind in ("section", "measure") and c.number
        ]
        _gap(plan, numbers, "节", lambda n: f"（{chinese_number(n)}）")
    else:
        for ch in chapters:
            numbers = [c.number for c in ch.children if c.node.kind in ("section", "measure") and c.number]
            _gap(
                plan,
                numbers,
                "节",
                lambda n: f"（{chinese_number(n)}）",
                where=f"“{ch.node.label}{ch.node.title}”中",
            )


def _gap(
    plan: ParsedPlan, numbers: list[int], what: str, label: Callable[[int], str], where: str = ""
) -> None:
    if not numbers:
        return
    present = set(numbers)
    for n in range(1, max(numbers)):
        if n not in present and n >= min(min(numbers), 1):
            plan.findings.append(
                Finding(
                    "numbering_gap",
                    f"{where}缺少编号为{label(n)}的{what}标题：原文中没有这一标题，其内容可能丢失或并入了相邻部分。",
                    excerpt=label(n),
                )
            )


def _collect_indicators(plan: ParsedPlan, roots: list[Draft]) -> None:
    for d in walk_drafts(roots):
        rows = [
            TableLine(line.text.split("\t"), line.start, line.end) for line in d.lines if "\t" in line.text
        ]
        plan.indicators.extend(parse_table(rows, period_end(plan.title)))
    if plan.indicators:
        return
    years = sorted(d.node.goal_year for d in walk_drafts(roots) if d.node.goal_year)
    for d in walk_drafts(roots):
        context = d.node.kind in ("chapter", "section") and GOAL_CONTEXT.search(d.node.title)
        if d.node.kind == "goal" or context:
            year = d.node.goal_year or (years[0] if years else None)
            for line in d.lines:
                plan.indicators.extend(prose_indicators(line.text, line.start, year))


def _report_inferred_notes(plan: ParsedPlan, roots: list[Draft]) -> None:
    """Owners read from a sentence of the body, not from a note: right most of the time, but the user checks."""
    for d in walk_drafts(roots):
        inferred = [(u, line) for u, line in d.raw_units if u.inferred]
        if not inferred:
            continue
        lead = "、".join(u.raw for u, _ in inferred if u.role == "lead")
        others = "、".join(u.raw for u, _ in inferred if u.role != "lead")
        said = f"牵头：{lead}" + (f"；配合：{others}" if others else "")
        plan.findings.append(
            Finding(
                "note_inferred",
                f"“{d.node.label}{d.node.title[:24]}”没有责任分工注，责任单位是从正文句子读出的（{said}），请核对。",
                line=inferred[0][1],
                excerpt=f"{d.node.label}{d.node.title[:40]}",
            )
        )


def _report_notes_missing(plan: ParsedPlan, roots: list[Draft]) -> None:
    """A task without a note among siblings that mostly have one: the note may be printed in a form not read
    (or the task really has none) — one line in the review, so a miss is never silent."""
    for parent in walk_drafts(roots):
        tasks = [d for d in parent.children if d.node.kind in ("task", "measure") and not d.node.assigned_in]
        if len(tasks) < 3:
            continue
        noted = [d for d in tasks if d.raw_units]
        bare = [d for d in tasks if not d.raw_units and not any(c.raw_units for c in walk_drafts(d.children))]
        if not bare or 3 * len(noted) < 2 * len(tasks):
            continue
        where = f"{parent.node.label}{parent.node.title[:16]}"
        for d in bare:
            plan.findings.append(
                Finding(
                    "note_missing",
                    f"“{where}”下 {len(tasks)} 项任务中 {len(noted)} 项注明了责任单位，"
                    f"“{d.node.label}{d.node.title[:24]}”没有读到，请核对原文是否注明。",
                    line=d.first_line,
                    excerpt=f"{d.node.label}{d.node.title[:40]}",
                )
            )


def _report_unknown_units(plan: ParsedPlan, roots: list[Draft], city: str | None) -> None:
    reported: set[str] = set()
    for d in walk_drafts(roots):
        for raw, line in d.raw_units:
            name = canonical_unit(raw.raw, city)
            if name in reported or is_known_unit(raw.raw, city):
                continue
            reported.add(name)
            plan.findings.append(
                Finding(
                    "unknown_unit",
                    f"单位“{name}”不在单位名称表中，导入时将作为新单位添加。",
                    line=line,
                    excerpt=raw.raw,
                )
            )
