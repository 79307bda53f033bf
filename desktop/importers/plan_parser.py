"""Structure recognition: repaired plan text → ParsedPlan (chapters, sections, tasks, units, indicators)."""

from __future__ import annotations

import re

from desktop.importers import tree_finish
from desktop.importers.numbering import Heading, HeadingLevels
from desktop.importers.parsed import Finding, ParsedPlan
from desktop.importers.plan_metadata import read_head
from desktop.importers.repair import RepairResult, repair_text
from desktop.importers.responsibility import unread_notes
from desktop.importers.text_tables import header_roles, is_task_header
from desktop.importers.tree_builder import Line, TreeBuilder, heading_of
from desktop.importers.units import city_of


def parse_plan(text: str, *, source_name: str = "") -> ParsedPlan:
    """Parse plan text (raw or already repaired) into a ParsedPlan; repair is applied first."""
    return parse_repaired(repair_text(text), source_name=source_name)


# 附件1 / 附件：…分解表 — an appendix after the plan; its content (tables) is not plan structure.
_APPENDIX = re.compile(r"^附件\s*(\d{1,2})?\s*[:：]?\s*([^。；]{0,60}?)\s*$")


_LISTED = re.compile(
    r"^\d{1,2}[.．、][^。；]{2,60}(?:表|清单|目录|体系|名单|名录|方案)(?:[（(][^）)]{1,12}[）)])?$"
)


def _next_title(lines: list[Line], i: int) -> str:
    for line in lines[i + 1 : i + 3]:
        text = line.text.strip()
        if text:
            return text if len(text) <= 60 and "\t" not in text and not heading_of(text) else ""
    return ""


def split_lines(text: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        out.append(Line(raw, pos, pos + len(raw), number))
        pos += len(raw) + 1
    return out


def _text_start(lines: list[Line], headings: list[Heading | None]) -> tuple[int, int]:
    """Where the plan's text begins (its first chapter or section, else its first task, else the header of the
    task table it consists of), and that table's header line or -1."""
    kinds = [h.kind if h else "" for h in headings]
    for wanted in (("chapter", "section"), ("task",)):
        found = next((i for i, kind in enumerate(kinds) if kind in wanted), -1)
        if found >= 0:
            return found, -1
    table = _task_table_start(lines)
    return table, table


def _task_table_start(lines: list[Line]) -> int:
    """The header line of a task table in a document without headings, or -1."""
    for i, line in enumerate(lines):
        if "\t" in line.text:
            roles = header_roles(line.text.split("\t"))
            if roles is not None and is_task_header(roles):
                return i
    return -1


def _straight_sections(headings: list[Heading | None]) -> bool:
    """True when sections are numbered straight through the chapters (（十四） under 五、)."""
    first_after_chapter: list[int] = []
    expecting = False
    for h in headings:
        if h is None:
            continue
        if h.kind == "chapter":
            expecting = True
        elif h.kind == "section" and expecting:
            first_after_chapter.append(h.number)
            expecting = False
    return any(n > 1 for n in first_after_chapter[1:])


def parse_repaired(repaired: RepairResult, *, source_name: str = "") -> ParsedPlan:
    text = repaired.text
    lines = split_lines(text)
    # each line's heading, read once, at the level its form has in this document
    found = [heading_of(line.text) for line in lines]
    levels = HeadingLevels.of([h.form for h in found if h is not None])
    headings = [levels.apply(h) for h in found]
    first_heading, table_start = _text_start(lines, headings)
    head = read_head([line.text for line in lines], first_heading)
    city = city_of(head.issuer) or city_of(head.title)
    builder = TreeBuilder(_straight_sections(headings), scrambled=repaired.duplicates_removed > 0)
    listing = False
    for i, line in enumerate(lines):
        if not line.text.strip() or i in head.skip_lines:
            continue
        appendix = _APPENDIX.match(line.text) if first_heading >= 0 and i > first_heading else None
        if appendix and re.match(r"^\d{1,2}[.．、]", appendix.group(2) or ""):
            # "附件：1.…表" lists the appendices at the end of the plan's text; the items stay text.
            listing = True
            builder.body(line)
            continue
        if listing and _LISTED.match(line.text):
            builder.body(line)
            continue
        listing = False
        if appendix:
            builder.appendix(line, appendix.group(1) or "", appendix.group(2) or _next_title(lines, i))
            continue
        if builder.in_appendix:
            builder.body(line)
            continue
        if i == table_start:
            builder.table_root(line, head.title)
            continue
        h = headings[i]
        if h is not None and (i >= first_heading or h.kind == "column"):
            builder.heading(line, h)
        elif i >= first_heading >= 0:
            builder.body(line)
    metadata = {**head.metadata, **repaired.metadata}
    if builder.preamble or first_heading > 0:
        preamble = [
            line.text for line in lines[: max(first_heading, 0)] if line.number - 1 not in head.skip_lines
        ]
        if preamble:
            metadata.setdefault("前言", "\n".join(p for p in preamble if p)[:2000])
    plan = ParsedPlan(
        title=head.title or (lines[0].text[:80] if lines else ""),
        text=text,
        issuer=head.issuer,
        doc_number=head.doc_number,
        issued_on=head.issued_on,
        source_name=source_name,
        metadata=metadata,
        findings=list(repaired.findings),
    )
    tree_finish.finish(plan, builder, city)
    for line in lines:
        for note in unread_notes(line.text):
            plan.findings.append(
                Finding(
                    "unread_note",
                    f"第{line.number}行的责任分工“{note[:40]}”未能识别出责任单位，请核对后手工指定。",
                    line=line.number,
                    excerpt=note[:80],
                )
            )
    return plan
