"""Plain data produced by the importer: the plan as parsed, before anything touches the database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

NodeKind = Literal["chapter", "section", "task", "column", "item", "goal", "measure"]
Role = Literal["lead", "co"]
Attribute = Literal["binding", "expected"]


@dataclass
class ParsedUnit:
    name: str  # canonical name (alias table applied)
    role: Role
    raw: str = ""  # as printed in the document


@dataclass
class ParsedIndicator:
    name: str
    target: str  # as stated, operator kept: "≥80", "1000", "100%"
    field: str = ""  # 领域, carried down to continuation rows
    unit: str = ""  # unit of measure: 项, 个, 家, %
    operator: str = ""  # "≥", "≤", ">", "<", "=" or "" when not stated
    target_value: float | None = None
    year: int | None = None
    attribute: Attribute | None = None
    baseline: str = ""
    from_prose: bool = False  # found in running text, not in a table
    span: tuple[int, int] | None = None  # offsets in ParsedPlan.text


@dataclass
class ParsedNode:
    kind: NodeKind
    label: str  # as printed: "一、", "（三）", "3.", "专栏2"
    title: str
    text: str  # the node's own full text, ordinary characters (NFKC applied to parse, stored readable)
    units: list[ParsedUnit] = field(default_factory=list)
    deadline: dt.date | None = None  # suggested from phrases such as 2025年底前
    recurrence: str = ""  # "每年", "长期", "持续" — a suggestion the user may change
    goal_year: int | None = None  # for goals: 到2025年 → 2025
    span: tuple[int, int] | None = None  # offsets of the node's own text in ParsedPlan.text
    needs_review: bool = False  # placed without a heading, or guessed
    children: list[ParsedNode] = field(default_factory=list)
    # A body task a 任务分工表 repeats: the table's rows that assign it (they carry its units and count as its
    # work; the task itself is not counted again).
    assigned_in: list[ParsedNode] = field(default_factory=list, repr=False, compare=False)


@dataclass
class Finding:
    """Something the user should look at in the import review."""

    code: str  # "numbering_gap", "duplicate_removed", "orphan_text", "unknown_unit", "order_restored", ...
    message: str  # Chinese, shown as it is
    line: int | None = None  # 1-based line in the extracted text
    excerpt: str = ""


@dataclass
class ParsedPlan:
    title: str
    text: str  # the repaired full text that spans refer to
    nodes: list[ParsedNode] = field(default_factory=list)  # roots, in document order
    indicators: list[ParsedIndicator] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    issuer: str = ""
    doc_number: str = ""
    issued_on: dt.date | None = None
    source_name: str = ""
    source_sha256: str = ""
    source_format: str = ""  # "txt", "docx", "pdf", "html", "xlsx", "ofd"
    encoding: str = ""
    metadata: dict[str, str] = field(default_factory=dict)  # 抄送, 印发日期, 公开方式 ...
    bundle: list[str] = field(default_factory=list)  # the titles of the plans a bundled file holds, or none
    part: int = 1  # which of them this is (from 1)

    def walk(self) -> list[ParsedNode]:
        """All nodes in document order (pre-order)."""
        out: list[ParsedNode] = []
        stack = list(reversed(self.nodes))
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(reversed(node.children))
        return out

    def count(self, kind: NodeKind) -> int:
        return sum(1 for n in self.walk() if n.kind == kind)
