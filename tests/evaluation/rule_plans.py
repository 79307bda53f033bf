"""Hand-made plans for the evaluation's rule tests, and reading a written report back as a user reads it."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from pypdf import PdfReader
from sqlalchemy import select

from desktop.importers.parsed import ParsedIndicator, ParsedNode, ParsedPlan, ParsedUnit
from desktop.models import PlanNode
from desktop.services.plans.plan_import import import_plan
from desktop.storage import Database


def task_plan(
    units: Sequence[Sequence[tuple[str, str]]],
    *,
    issued_on: dt.date,
    indicators: Sequence[ParsedIndicator] = (),
    title: str = "某区计量发展实施方案",
) -> ParsedPlan:
    """One chapter of tasks 1., 2., … each listing its units as (name, "lead" | "co")."""
    tasks = [
        ParsedNode(
            "task",
            f"{i}.",
            f"重点任务{i}",
            f"重点任务{i}。",
            units=[ParsedUnit(name, "lead" if role == "lead" else "co") for name, role in listed],
        )
        for i, listed in enumerate(units, start=1)
    ]
    chapter = ParsedNode("chapter", "一、", "重点任务", "重点任务", children=tasks)
    return ParsedPlan(
        title=title,
        text="…",
        nodes=[chapter],
        indicators=list(indicators),
        issuer="某区人民政府",
        doc_number="某政发〔2024〕9号",
        issued_on=issued_on,
        source_name=f"{title}.txt",
        source_sha256=hashlib.sha256(title.encode()).hexdigest(),
        source_format="txt",
    )


def import_tasks(db: Database, parsed: ParsedPlan) -> tuple[int, dict[str, int]]:
    """The plan's id and its tasks' node ids by label."""
    plan_id = import_plan(db, parsed=parsed, backup=False).plan_id
    with db.read() as s:
        nodes = {
            n.label: n.id
            for n in s.scalars(select(PlanNode).where(PlanNode.plan_id == plan_id, PlanNode.kind == "task"))
        }
    return plan_id, nodes


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def docx_paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def docx_tables(path: Path) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in table.rows] for table in Document(str(path)).tables]


def table_after(path: Path, heading: str) -> list[list[str]]:
    """The rows of the table printed right after the paragraph ``heading`` in a .docx."""
    doc = Document(str(path))
    body = doc.element.body
    seen = False
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p" and "".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")) == heading:
            seen = True
        elif tag == "tbl" and seen:
            table = next(t for t in doc.tables if t._tbl is child)
            return [[c.text for c in row.cells] for row in table.rows]
    raise AssertionError(f"no table after {heading}")


def pdf_text(path: Path) -> str:
    return flat("".join(page.extract_text() for page in PdfReader(path).pages))
