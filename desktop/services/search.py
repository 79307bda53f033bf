"""Chinese substring search over node titles, node texts and progress entries."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from ..models import Assignment, PlanNode, ProgressEntry
from ..storage import Database

Source = Literal["title", "text", "progress"]
SNIPPET_CHARS = 80


@dataclass(frozen=True)
class SearchHit:
    node_id: int
    plan_id: int
    source: Source
    snippet: str
    spans: list[tuple[int, int]] = field(default_factory=list)  # match offsets within ``snippet``
    entry_id: int | None = None  # the progress entry, for progress hits


@dataclass(frozen=True)
class SearchResult:
    total: int  # every matching node and progress entry, not only the hits returned
    hits: list[SearchHit]


def normalize_query(query: str) -> str:
    """What users type is compared in NFKC form (full-width digits and letters become plain ones)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", query or "")).strip()


def _fold_char(c: str) -> str:
    n = unicodedata.normalize("NFKC", c).lower()
    if len(n) != 1:
        return c
    return " " if n.isspace() else n


def fold(text: str) -> str:
    """NFKC and lower case character by character, so offsets in the result are offsets in ``text``."""
    if text.isascii():
        return re.sub(r"\s", " ", text.lower())
    return "".join(_fold_char(c) for c in text)


def make_snippet(text: str, query: str) -> tuple[str, list[tuple[int, int]]]:
    """Up to SNIPPET_CHARS characters of ``text`` around the first match, with every match's offsets in it."""
    flat = re.sub(r"\s", " ", text or "")
    folded, needle = fold(flat), fold(query)
    first = folded.find(needle)
    if first < 0:
        return flat[:SNIPPET_CHARS], []
    start = max(0, min(first - (SNIPPET_CHARS - len(needle)) // 3, len(flat) - SNIPPET_CHARS))
    snippet = flat[start:start + SNIPPET_CHARS]
    part = folded[start:start + SNIPPET_CHARS]
    spans, pos = [], part.find(needle)
    while pos >= 0 and pos + len(needle) <= len(snippet):
        spans.append((pos, pos + len(needle)))
        pos = part.find(needle, pos + len(needle))
    return snippet, spans


def _like(query: str) -> str:
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _node_stmt(pattern: str, plan_id: int | None) -> Select:
    stmt = select(PlanNode.id, PlanNode.plan_id, PlanNode.title, PlanNode.text).where(
        PlanNode.parent_id.is_not(None),
        or_(PlanNode.title.like(pattern, escape="\\"), PlanNode.text.like(pattern, escape="\\")))
    return stmt.where(PlanNode.plan_id == plan_id) if plan_id is not None else stmt


def _progress_stmt(pattern: str, plan_id: int | None) -> Select:
    stmt = (select(ProgressEntry.id, Assignment.node_id, PlanNode.plan_id, ProgressEntry.text)
            .join(Assignment, Assignment.id == ProgressEntry.assignment_id)
            .join(PlanNode, PlanNode.id == Assignment.node_id)
            .where(ProgressEntry.text.like(pattern, escape="\\")))
    return stmt.where(PlanNode.plan_id == plan_id) if plan_id is not None else stmt


def _scan(s: Session, query: str, plan_id: int | None, limit: int) -> SearchResult:
    """The plain LIKE scan: right on every database, used where no search index applies."""
    pattern = _like(query)
    node_stmt, progress_stmt = _node_stmt(pattern, plan_id), _progress_stmt(pattern, plan_id)
    total = (s.scalar(select(func.count()).select_from(node_stmt.subquery())) or 0) + \
        (s.scalar(select(func.count()).select_from(progress_stmt.subquery())) or 0)
    hits: list[SearchHit] = []
    for node_id, plan, title, text in s.execute(node_stmt.order_by(PlanNode.id).limit(limit)):
        hits.append(node_hit(node_id, plan, title, text, query))
    if len(hits) < limit:
        rows = s.execute(progress_stmt.order_by(ProgressEntry.id.desc()).limit(limit - len(hits)))
        hits.extend(progress_hit(entry_id, node_id, plan, text, query) for entry_id, node_id, plan, text in rows)
    return SearchResult(total, hits)


def node_hit(node_id: int, plan_id: int, title: str, text: str, query: str) -> SearchHit:
    snippet, spans = make_snippet(title, query)
    if spans:
        return SearchHit(node_id, plan_id, "title", snippet, spans)
    snippet, spans = make_snippet(text, query)
    return SearchHit(node_id, plan_id, "text", snippet, spans)


def progress_hit(entry_id: int, node_id: int, plan_id: int, text: str, query: str) -> SearchHit:
    snippet, spans = make_snippet(text, query)
    return SearchHit(node_id, plan_id, "progress", snippet, spans, entry_id)


def search(db: Database, *, query: str, plan_id: int | None = None, limit: int = 200) -> SearchResult:
    """Nodes and progress entries whose text contains ``query``; ``total`` counts all of them."""
    q = normalize_query(query)
    if not q:
        return SearchResult(0, [])
    with db.read() as s:
        return _scan(s, q, plan_id, max(limit, 0))
