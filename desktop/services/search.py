"""Chinese substring search over node titles, node texts and progress entries."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import Select, func, or_, select, text
from sqlalchemy.orm import Session

from ..models import Assignment, PlanNode, ProgressEntry
from ..storage import Database
from ..storage.search_grams import (
    FTS_TABLE,
    TRIGRAM_TABLE,
    fold,
    match_expression,
    searchable,
    trigram_expression,
)

Source = Literal["title", "text", "progress"]
SNIPPET_CHARS = 80
_SPACE = re.compile(r"\s")
ENTRY_ROWID = 1 << 40  # search index row ids: a node's id, or this plus a progress entry's id


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


def make_snippet(text: str, query: str) -> tuple[str, list[tuple[int, int]]]:
    """Up to SNIPPET_CHARS characters of ``text`` around the first match, with every match's offsets in it."""
    text = text or ""
    needle = fold(query)
    first = text.find(needle)  # most texts need no folding; folding all of a long text is the slow part
    direct = first >= 0
    if not direct:
        first = fold(text).find(needle)
    if first < 0:
        return _SPACE.sub(" ", text[:SNIPPET_CHARS]), []
    start = max(0, min(first - (SNIPPET_CHARS - len(needle)) // 3, len(text) - SNIPPET_CHARS))
    snippet = _SPACE.sub(" ", text[start : start + SNIPPET_CHARS])
    part = snippet if direct else fold(snippet)
    spans, pos = [], part.find(needle)
    while pos >= 0:
        spans.append((pos, pos + len(needle)))
        pos = part.find(needle, pos + len(needle))
    return snippet, spans


def _like(query: str) -> str:
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _node_stmt(pattern: str, plan_id: int | None) -> Select[tuple[int, int, str, str]]:
    stmt = select(PlanNode.id, PlanNode.plan_id, PlanNode.title, PlanNode.text).where(
        PlanNode.parent_id.is_not(None),
        or_(PlanNode.title.like(pattern, escape="\\"), PlanNode.text.like(pattern, escape="\\")),
    )
    return stmt.where(PlanNode.plan_id == plan_id) if plan_id is not None else stmt


def _progress_stmt(pattern: str, plan_id: int | None) -> Select[tuple[int, int, int, str]]:
    stmt = (
        select(ProgressEntry.id, Assignment.node_id, PlanNode.plan_id, ProgressEntry.text)
        .join(Assignment, Assignment.id == ProgressEntry.assignment_id)
        .join(PlanNode, PlanNode.id == Assignment.node_id)
        .where(ProgressEntry.text.like(pattern, escape="\\"))
    )
    return stmt.where(PlanNode.plan_id == plan_id) if plan_id is not None else stmt


def _scan(s: Session, query: str, plan_id: int | None, limit: int) -> SearchResult:
    """The plain LIKE scan: right on every database, used where no search index applies."""
    pattern = _like(query)
    node_stmt, progress_stmt = _node_stmt(pattern, plan_id), _progress_stmt(pattern, plan_id)
    total = (s.scalar(select(func.count()).select_from(node_stmt.subquery())) or 0) + (
        s.scalar(select(func.count()).select_from(progress_stmt.subquery())) or 0
    )
    hits: list[SearchHit] = []
    for node_id, plan, title, body in s.execute(node_stmt.order_by(PlanNode.id).limit(limit)):
        hits.append(node_hit(node_id, plan, title, body, query))
    if len(hits) < limit:
        rows = s.execute(progress_stmt.order_by(ProgressEntry.id.desc()).limit(limit - len(hits)))
        hits.extend(
            progress_hit(entry_id, node_id, plan, body, query) for entry_id, node_id, plan, body in rows
        )
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


def _index_kind(s: Session) -> str:
    """Which search index this database has: "fts5" (SQLite), "gin" (PostgreSQL) or "" (scan)."""
    if s.bind.dialect.name == "sqlite":  # type: ignore[union-attr]
        names = set(
            s.scalars(
                text("SELECT name FROM sqlite_master WHERE name IN (:a, :b)"),
                {"a": FTS_TABLE, "b": TRIGRAM_TABLE},
            )
        )
        return ("fts5" if FTS_TABLE in names else "") + ("+tri" if TRIGRAM_TABLE in names else "")
    if s.bind.dialect.name == "postgresql":  # type: ignore[union-attr]
        found = s.execute(
            text("SELECT 1 FROM pg_indexes WHERE indexname = 'ix_progress_entry_search'")
        ).first()
        return "gin" if found else ""
    return ""


def _fetch_nodes(s: Session, ids: list[int], query: str) -> list[SearchHit]:
    rows = {
        r[0]: r
        for r in s.execute(
            select(PlanNode.id, PlanNode.plan_id, PlanNode.title, PlanNode.text).where(PlanNode.id.in_(ids))
        ).tuples()
    }
    return [node_hit(*rows[i], query) for i in ids if i in rows]


def _fetch_entries(s: Session, ids: list[int], query: str) -> list[SearchHit]:
    rows = {
        r[0]: r
        for r in s.execute(
            select(ProgressEntry.id, Assignment.node_id, PlanNode.plan_id, ProgressEntry.text)
            .join(Assignment, Assignment.id == ProgressEntry.assignment_id)
            .join(PlanNode, PlanNode.id == Assignment.node_id)
            .where(ProgressEntry.id.in_(ids))
        ).tuples()
    }
    return [progress_hit(*rows[i], query) for i in ids if i in rows]


def _fts_search(
    s: Session, query: str, expr: str, plan_id: int | None, limit: int, table: str = FTS_TABLE
) -> SearchResult:
    """Nodes (rowid below ENTRY_ROWID) and entries (above) are two row-id ranges FTS5 can count separately."""
    match = f"SELECT rowid FROM {table} WHERE {table} MATCH :e"
    params = {"e": expr, "b": ENTRY_ROWID, "p": plan_id, "n": limit}
    if plan_id is None:
        total = s.execute(text(f"SELECT count(*) FROM {table} WHERE {table} MATCH :e"), params).scalar()
        node_ids = list(s.scalars(text(f"{match} AND rowid < :b ORDER BY rowid LIMIT :n"), params))
        entry_rows = list(s.scalars(text(f"{match} AND rowid >= :b ORDER BY rowid DESC LIMIT :n"), params))
    else:
        nodes_sql = f"SELECT id FROM plan_node WHERE plan_id = :p AND id IN ({match} AND rowid < :b)"
        entries_sql = (
            f"SELECT e.id + :b FROM progress_entry e JOIN assignment a ON a.id = e.assignment_id "
            f"JOIN plan_node n ON n.id = a.node_id WHERE n.plan_id = :p "
            f"AND e.id + :b IN ({match} AND rowid >= :b)"
        )
        total = s.execute(
            text(f"SELECT (SELECT count(*) FROM ({nodes_sql})) + (SELECT count(*) FROM ({entries_sql}))"),
            params,
        ).scalar()
        node_ids = list(s.scalars(text(f"{nodes_sql} ORDER BY id LIMIT :n"), params))
        entry_rows = list(s.scalars(text(f"{entries_sql} ORDER BY e.id DESC LIMIT :n"), params))
    hits = _fetch_nodes(s, node_ids[:limit], query)
    hits += _fetch_entries(s, [r - ENTRY_ROWID for r in entry_rows[: limit - len(hits)]], query)
    return SearchResult(int(total or 0), hits)


def _fts_verified(s: Session, query: str, plan_id: int | None, limit: int) -> SearchResult | None:
    """Queries with punctuation or spaces: the index narrows by the searchable runs, Python checks the rest."""
    runs = [r for r in re.split(r"\W+|_", query) if r and all(searchable(c) for c in r)]
    if not runs:
        return None
    expr = " AND ".join(e for e in (match_expression(r) for r in runs) if e)
    rowids = list(
        s.scalars(
            text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :e ORDER BY rowid"), {"e": expr}
        )
    )
    needle = fold(query)
    hits: list[SearchHit] = []
    node_ids = [r for r in rowids if r < ENTRY_ROWID]
    entry_ids = [r - ENTRY_ROWID for r in reversed(rowids) if r >= ENTRY_ROWID]
    candidates = _fetch_nodes(s, node_ids, needle) + _fetch_entries(s, entry_ids, needle)
    for hit in candidates:
        if hit.spans and (plan_id is None or hit.plan_id == plan_id):
            hits.append(hit)
    return SearchResult(len(hits), hits[:limit])


def _gin_search(s: Session, query: str, plan_id: int | None, limit: int) -> SearchResult | None:
    """PostgreSQL: the GIN index narrows by the query's characters or pairs, LIKE confirms the substring."""
    grams = [query] if len(query) == 1 else [query[i : i + 2] for i in range(len(query) - 1)]
    grams = [g for g in grams if not any(c.isspace() for c in g)]
    if not grams:
        return None
    pattern = _like(query)
    params = {"g": grams, "q": pattern, "p": plan_id, "n": limit}
    in_plan = " AND n.plan_id = :p" if plan_id is not None else ""
    # The arrays hold every character and pair exactly, so only longer queries need LIKE to confirm.
    node_like = (
        " AND (lower(normalize(n.title, NFKC)) LIKE :q ESCAPE '\\' "
        "OR lower(normalize(n.text, NFKC)) LIKE :q ESCAPE '\\')"
        if len(query) > 2
        else ""
    )
    entry_like = " AND lower(normalize(e.text, NFKC)) LIKE :q ESCAPE '\\'" if len(query) > 2 else ""
    nodes_sql = (
        "FROM plan_node n WHERE n.parent_id IS NOT NULL AND pd_grams(n.title || E'\\n' || n.text) "
        f"@> CAST(:g AS text[]){node_like}{in_plan}"
    )
    entries_sql = (
        "FROM progress_entry e JOIN assignment a ON a.id = e.assignment_id JOIN plan_node n "
        f"ON n.id = a.node_id WHERE pd_grams(e.text) @> CAST(:g AS text[]){entry_like}{in_plan}"
    )
    # Every entry belongs to a node (foreign keys): counting across all plans needs no joins.
    count_entries = (
        entries_sql
        if plan_id is not None
        else f"FROM progress_entry e WHERE pd_grams(e.text) @> CAST(:g AS text[]){entry_like}"
    )
    total = s.execute(
        text(f"SELECT (SELECT count(*) {nodes_sql}) + (SELECT count(*) {count_entries})"), params
    ).scalar()
    hits = [
        node_hit(*r, query)  # type: ignore[call-arg]  # raw-SQL rows carry no column types
        for r in s.execute(
            text(f"SELECT n.id, n.plan_id, n.title, n.text {nodes_sql} ORDER BY n.id LIMIT :n"), params
        )
    ]
    if len(hits) < limit:
        params["n"] = limit - len(hits)
        hits += [
            progress_hit(*r, query)  # type: ignore[call-arg]  # raw-SQL rows carry no column types
            for r in s.execute(
                text(f"SELECT e.id, n.id, n.plan_id, e.text {entries_sql} ORDER BY e.id DESC LIMIT :n"),
                params,
            )
        ]
    return SearchResult(int(total or 0), hits)


def search(db: Database, *, query: str, plan_id: int | None = None, limit: int = 200) -> SearchResult:
    """Nodes and progress entries whose text contains ``query``; ``total`` counts all of them.

    Node hits come first (in document order of creation), then progress entries, newest first.
    """
    q = normalize_query(query)
    if not q:
        return SearchResult(0, [])
    limit = max(limit, 0)
    folded = fold(q)
    with db.read() as s:
        kind = _index_kind(s)
        result: SearchResult | None = None
        tri = trigram_expression(folded) if kind.endswith("+tri") else None
        if tri:  # one trigram list per three characters: much shorter than a phrase of common bigrams
            result = _fts_search(s, q, tri, plan_id, limit, TRIGRAM_TABLE)
        elif kind.startswith("fts5"):
            expr = match_expression(folded)
            result = (
                _fts_search(s, q, expr, plan_id, limit) if expr else _fts_verified(s, folded, plan_id, limit)
            )
        elif kind == "gin":
            result = _gin_search(s, folded, plan_id, limit)
        return result if result is not None else _scan(s, q, plan_id, limit)
