"""Chinese substring search over node titles, node texts and progress entries."""

from __future__ import annotations

import re
import sqlite3
import time
import unicodedata
import weakref
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from sqlalchemy import Select, func, or_, select, text
from sqlalchemy.orm import Session

from ...models import Assignment, PlanNode, ProgressEntry
from ...storage import Database
from ...storage.search_grams import (
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
# Searches across all plans count nodes and entries exactly up to this many each; beyond it counting every
# hit of a common word would cost more than the search, so the total is estimated and marked as such.
EXACT_UP_TO = 1000


@dataclass(frozen=True)
class SearchHit:
    """One matching node field or progress entry; its snippet is cut when first read, since a search
    returns many more hits than anyone looks at."""

    node_id: int
    plan_id: int
    source: Source
    text: str = field(repr=False)  # the title, node text or entry text holding the match
    needle: str = field(repr=False)  # the folded query
    entry_id: int | None = None  # the progress entry, for progress hits

    @cached_property
    def _cut(self) -> tuple[str, list[tuple[int, int]]]:
        return make_snippet(self.text, self.needle, needle=self.needle)

    @property
    def snippet(self) -> str:
        """Up to SNIPPET_CHARS characters of the text around the first match."""
        return self._cut[0]

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Every match's offsets within ``snippet``."""
        return self._cut[1]


@dataclass(frozen=True)
class SearchResult:
    total: int  # every matching node and progress entry, not only the hits returned
    hits: list[SearchHit]
    exact: bool = True  # False: ``total`` is an estimate (shown as 约 N), given above EXACT_UP_TO hits


def normalize_query(query: str) -> str:
    """What users type is compared in NFKC form (full-width digits and letters become plain ones)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", query or "")).strip()


def _spaces(text: str) -> str:
    return text if text.isprintable() else _SPACE.sub(" ", text)  # printable: no whitespace but " "


def make_snippet(text: str, query: str, *, needle: str | None = None) -> tuple[str, list[tuple[int, int]]]:
    """Up to SNIPPET_CHARS characters of ``text`` around the first match, with every match's offsets in it."""
    text = text or ""
    if needle is None:
        needle = fold(query)
    first = text.find(needle)  # most texts need no folding; folding all of a long text is the slow part
    direct = first >= 0
    if not direct:
        first = fold(text).find(needle)
    if first < 0:
        return _spaces(text[:SNIPPET_CHARS]), []
    start = max(0, min(first - (SNIPPET_CHARS - len(needle)) // 3, len(text) - SNIPPET_CHARS))
    snippet = _spaces(text[start : start + SNIPPET_CHARS])
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


def node_hit(
    node_id: int, plan_id: int, title: str, text: str, query: str, *, needle: str | None = None
) -> SearchHit:
    """A node's title hit when its title holds the query, else its text hit."""
    needle = fold(query) if needle is None else needle
    title = title or ""
    if needle in title or needle in fold(title):
        return SearchHit(node_id, plan_id, "title", title, needle)
    return SearchHit(node_id, plan_id, "text", text or "", needle)


def progress_hit(
    entry_id: int, node_id: int, plan_id: int, text: str, query: str, *, needle: str | None = None
) -> SearchHit:
    needle = fold(query) if needle is None else needle
    return SearchHit(node_id, plan_id, "progress", text or "", needle, entry_id)


def _driver(s: Session) -> sqlite3.Connection:
    """The session's own SQLite connection: a search is a handful of tiny statements, each worth skipping
    the ORM's per-statement work for (same transaction, same snapshot)."""
    conn = s.connection().connection.driver_connection
    assert isinstance(conn, sqlite3.Connection)
    return conn


# What each engine's database holds, asked once per engine: on a server every question is a round trip.
_KINDS: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()
# The server's gram statistics change only with ANALYZE: read again after this many seconds.
STATS_SECONDS = 300.0
_STATS: weakref.WeakKeyDictionary[Any, tuple[float, list[Any]]] = weakref.WeakKeyDictionary()


def _index_kind(s: Session) -> str:
    """Which search index this database has: "fts5" (SQLite), "gin" (PostgreSQL) or "" (scan)."""
    engine = s.get_bind()
    known = _KINDS.get(engine)
    if known is None:
        known = _KINDS[engine] = _ask_index_kind(s)
    return known


def _ask_index_kind(s: Session) -> str:
    if s.bind.dialect.name == "sqlite":  # type: ignore[union-attr]
        names = {
            r[0]
            for r in _driver(s).execute(
                "SELECT name FROM sqlite_master WHERE name IN (?, ?)", (FTS_TABLE, TRIGRAM_TABLE)
            )
        }
        return ("fts5" if FTS_TABLE in names else "") + ("+tri" if TRIGRAM_TABLE in names else "")
    if s.bind.dialect.name == "postgresql":  # type: ignore[union-attr]
        found = s.execute(text("SELECT to_regclass('ix_progress_entry_search')")).scalar()
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


_NODE_PAGE = (
    "SELECT n.id, n.plan_id, n.title, n.text FROM ({match} AND rowid < ? ORDER BY rowid LIMIT ?) AS m "
    "JOIN plan_node n ON n.id = m.rowid ORDER BY n.id"
)
_ENTRY_PAGE = (
    "SELECT e.id, a.node_id, n.plan_id, e.text FROM ({match} AND rowid >= ? ORDER BY rowid DESC LIMIT ?) AS m "
    "JOIN progress_entry e ON e.id = m.rowid - ? JOIN assignment a ON a.id = e.assignment_id "
    "JOIN plan_node n ON n.id = a.node_id ORDER BY e.id DESC"
)


def estimate(found: int, reached: int, first: int, last: int) -> int:
    """Hits in the id range first..last from the first ``found`` of them, which end at id ``reached``."""
    covered = max(1, abs(reached - first) + 1)
    return max(found, round(found * (abs(last - first) + 1) / covered))


def _fts_range_count(conn: sqlite3.Connection, table: str, expr: str, nodes: bool) -> tuple[int, bool]:
    """Hits among nodes or entries: exact up to EXACT_UP_TO, else extrapolated from where the first ones end.

    Both ranges are walked in row-id order, the direction FTS5 reads fastest.
    """
    name = "plan_node" if nodes else "progress_entry"  # min and max apart: each one is a key lookup
    first, last = conn.execute(
        f"SELECT (SELECT min(id) FROM {name}), (SELECT max(id) FROM {name})"
    ).fetchone()
    found, reached = conn.execute(
        f"SELECT count(*), max(rowid) FROM (SELECT rowid FROM {table} WHERE {table} MATCH ? "
        f"AND rowid {'<' if nodes else '>='} ? ORDER BY rowid LIMIT ?)",
        (expr, ENTRY_ROWID, EXACT_UP_TO),
    ).fetchone()
    if found < EXACT_UP_TO or first is None:
        return found, True
    return estimate(found, reached - (0 if nodes else ENTRY_ROWID), first, last), False


def _fts_search(
    s: Session, query: str, expr: str, plan_id: int | None, limit: int, table: str = FTS_TABLE
) -> SearchResult:
    """Nodes (rowid below ENTRY_ROWID) and entries (above) are two row-id ranges FTS5 can walk separately."""
    if plan_id is not None:
        return _fts_search_in_plan(s, query, expr, plan_id, limit, table)
    conn = _driver(s)
    match = f"SELECT rowid FROM {table} WHERE {table} MATCH ?"
    # Each page query stops at its page, and a page that is not full holds every hit of its range: a rare
    # word walks the index once; only where a page overflows are the hits counted (or estimated).
    nodes = conn.execute(_NODE_PAGE.format(match=match), (expr, ENTRY_ROWID, limit)).fetchall()
    entries: list[Any] = []
    room = limit - len(nodes)
    if room > 0:
        entries = conn.execute(
            _ENTRY_PAGE.format(match=match), (expr, ENTRY_ROWID, room, ENTRY_ROWID)
        ).fetchall()
    node_total, nodes_exact = (
        (len(nodes), True) if room > 0 else _fts_range_count(conn, table, expr, nodes=True)
    )
    entry_total, entries_exact = (
        (len(entries), True) if 0 <= len(entries) < room else _fts_range_count(conn, table, expr, nodes=False)
    )
    needle = fold(query)
    hits = [node_hit(i, p, title, body, query, needle=needle) for i, p, title, body in nodes]
    hits += [progress_hit(e, i, p, body, query, needle=needle) for e, i, p, body in entries]
    return SearchResult(node_total + entry_total, hits, nodes_exact and entries_exact)


def _fts_search_in_plan(
    s: Session, query: str, expr: str, plan_id: int, limit: int, table: str
) -> SearchResult:
    match = f"SELECT rowid FROM {table} WHERE {table} MATCH :e"
    params = {"e": expr, "b": ENTRY_ROWID, "p": plan_id, "n": limit}
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


# Walking rows in id order and checking each with LIKE costs about this many times what gathering one hit
# from the GIN index and its row does (measured on PostgreSQL 15): the walk pays off only for common words.
WALK_COST = 13
# A count that stops at EXACT_UP_TO visits only that many rows from the index, but still reads the whole
# list of hits in the index, which costs about 1/40 of a walked row a hit (province scale, PostgreSQL 15:
# 1 112 rows walked for 1 000 nodes holding 计量 in 3.8 ms; the index's 99 000 hits in 7–17 ms).
COUNT_WALK_COST = 40
_PG_INDEX = {"n": "ix_plan_node_search", "e": "ix_progress_entry_search"}
_PG_GRAMS = {"n": "pd_grams(n.title || E'\\n' || n.text)", "e": "pd_grams(e.text)"}
_PG_LIKE = {
    "n": "(lower(normalize(n.title, NFKC)) LIKE :q ESCAPE '\\' OR lower(normalize(n.text, NFKC)) LIKE :q ESCAPE '\\')",
    "e": "lower(normalize(e.text, NFKC)) LIKE :q ESCAPE '\\'",
}
# The same test, cheaper where many rows match: most of them hold the query as typed, and normalize() is the
# costly part, so it runs only for the rest.
_PG_LIKE_FAST = {
    "n": "(lower(n.title) LIKE :q ESCAPE '\\' OR lower(n.text) LIKE :q ESCAPE '\\' OR " + _PG_LIKE["n"][1:],
    "e": "(lower(e.text) LIKE :q ESCAPE '\\' OR " + _PG_LIKE["e"] + ")",
}
_PG_FROM = {
    "n": "FROM plan_node n WHERE n.parent_id IS NOT NULL",
    "e": "FROM progress_entry e JOIN assignment a ON a.id = e.assignment_id JOIN plan_node n ON n.id = a.node_id "
    "WHERE true",
}


def _pg_plan(s: Session, *, ordered: bool) -> None:
    """Steer the next statements: walk the primary key in order (LIKE's selectivity is a blind guess), or
    leave the plan to the server, which keeps to the GIN index since it knows what pd_grams() costs
    (migration 0011). No JIT or parallel workers for statements this short. Ends with the read transaction."""
    if s.info.get("search_plan") == ordered:
        return
    s.info["search_plan"] = ordered
    s.execute(
        text(
            "SELECT set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true), "
            "set_config('enable_seqscan', :w, true), set_config('enable_bitmapscan', :w, true)"
        ),
        {"w": "off" if ordered else "on"},
    )


def _pg_walks(s: Session, grams: list[str]) -> dict[str, tuple[float, float]]:
    """Per range (nodes "n", entries "e"): the server's estimate of the share of rows holding every gram, and
    how many rows the range has."""
    walks = {"n": (0.0, 0.0), "e": (0.0, 0.0)}
    engine = s.get_bind()
    cached = _STATS.get(engine)
    if cached is None or time.monotonic() - cached[0] > STATS_SECONDS:
        rows = s.execute(
            text(
                "SELECT s.tablename, s.most_common_elems::text::text[], s.most_common_elem_freqs, c.reltuples "
                "FROM pg_stats s JOIN pg_class c ON c.relname = s.tablename "
                "WHERE s.schemaname = current_schema() AND s.tablename IN (:n, :e)"
            ),
            _PG_INDEX,
        ).all()
        cached = _STATS[engine] = (time.monotonic(), list(rows))
    for table, elems, freqs, count in cached[1]:
        common = dict(zip(elems or [], freqs or [], strict=False))
        share = min(float(common.get(g, 0.0)) for g in grams)
        walks["n" if table == _PG_INDEX["n"] else "e"] = (share, float(count or 0))
    return walks


def stats_total(stats: tuple[float, float]) -> int | None:
    """A word's hits in a range as the server's statistics tell them (its share of the sampled rows times the
    rows), when that is at least five times EXACT_UP_TO: counting the first thousand hits would then only
    confirm that the total is an estimate, and it costs more than the page."""
    share, rows = stats
    total = round(share * rows)
    return total if total >= 5 * EXACT_UP_TO else None


def _walk_pays(stats: tuple[float, float], wanted: int, cost: float) -> bool:
    """Is walking the rows in id order cheaper than the GIN index for ``wanted`` hits? A walk reads about
    wanted/share rows; the index gathers all share × rows hits."""
    share, rows = stats
    return share > 0 and max(wanted, 1) / share * cost < share * rows


def _pg_range(
    s: Session,
    kind: str,
    grams: list[str],
    pattern: str,
    confirm: bool,
    stats: tuple[float, float],
    limit: int,
) -> tuple[list[Any], int, bool]:
    """One range (nodes or entries) across all plans: its page of rows, its total and whether that is exact."""
    common = _walk_pays(stats, limit, WALK_COST)
    key = "n.id" if kind == "n" else "e.id"
    where = _PG_LIKE_FAST[kind] if common else _PG_GRAMS[kind] + " @> CAST(:g AS text[])"
    if confirm and not common:
        where += " AND " + _PG_LIKE_FAST[kind]
    columns = "n.id, n.plan_id, n.title, n.text" if kind == "n" else "e.id, n.id, n.plan_id, e.text"
    order = "" if kind == "n" else " DESC"
    params = {"g": grams, "q": pattern, "n": limit, "cap": EXACT_UP_TO}
    _pg_plan(s, ordered=common)
    if common:
        sql = f"SELECT {columns} {_PG_FROM[kind]} AND {where} ORDER BY {key}{order} LIMIT :n"
    else:
        # The page's ids from the index first, sorted by "id + 0" so that the planner cannot walk the
        # primary key instead (it did, and ran pd_grams() on every row it passed: 3 s for 碳 at province
        # scale), then only those rows are read and joined.
        table, alias, keep = (
            ("plan_node", "n", "n.parent_id IS NOT NULL") if kind == "n" else ("progress_entry", "e", "true")
        )
        joins = (
            ""
            if kind == "n"
            else " JOIN assignment a ON a.id = e.assignment_id JOIN plan_node n ON n.id = a.node_id"
        )
        sql = (
            f"WITH m AS MATERIALIZED (SELECT {alias}.id FROM {table} {alias} WHERE {keep} AND {where} "
            f"ORDER BY {alias}.id + 0{order} LIMIT :n) "
            f"SELECT {columns} FROM m JOIN {table} {alias} ON {alias}.id = m.id{joins} ORDER BY {key}{order}"
        )
    page = list(s.execute(text(sql), params))
    if len(page) < limit:
        return page, len(page), True
    common_total = stats_total(stats)
    if common_total is not None:  # far above what is counted exactly: the server's statistics say how far
        return page, max(common_total, len(page)), False
    # Counting up to EXACT_UP_TO hits chooses its way apart from the page. The GIN index yields hits in the
    # table's physical order (close to id order); a walk follows the ids. Entries are counted without
    # joins: every entry belongs to a node (foreign keys).
    walk = _walk_pays(stats, EXACT_UP_TO, COUNT_WALK_COST)
    source = _PG_FROM[kind] if kind == "n" else "FROM progress_entry e WHERE true"
    where = (
        _PG_LIKE_FAST[kind] + f" ORDER BY {key}"
        if walk
        else _PG_GRAMS[kind] + " @> CAST(:g AS text[])" + (" AND " + _PG_LIKE_FAST[kind] if confirm else "")
    )
    _pg_plan(s, ordered=walk)
    table = "plan_node" if kind == "n" else "progress_entry"
    found, reached, first, last = s.execute(
        text(
            f"SELECT count(*), max(id), (SELECT min(id) FROM {table}), (SELECT max(id) FROM {table}) "
            f"FROM (SELECT {key} AS id {source} AND {where} LIMIT :cap) m"
        ),
        params,
    ).one()
    if found < EXACT_UP_TO:
        return page, int(found), True
    return page, estimate(int(found), int(reached), int(first), int(last)), False


def _gin_search(s: Session, query: str, plan_id: int | None, limit: int) -> SearchResult | None:
    """PostgreSQL: the GIN index narrows by the query's characters or pairs, LIKE confirms the substring."""
    grams = [query] if len(query) == 1 else [query[i : i + 2] for i in range(len(query) - 1)]
    grams = [g for g in grams if not any(c.isspace() for c in g)]
    if not grams:
        return None
    if plan_id is not None:
        _pg_plan(s, ordered=False)  # no JIT
        return _gin_search_in_plan(s, query, grams, plan_id, limit)
    pattern, confirm = _like(query), len(query) > 2
    # The arrays hold every character and pair exactly, so for 1–2 characters LIKE on the folded text
    # is the same test; longer queries are not walked in order, as their pairs overstate how common they are.
    walks = _pg_walks(s, grams) if not confirm else {"n": (0.0, 0.0), "e": (0.0, 0.0)}
    nodes, node_total, nodes_exact = _pg_range(s, "n", grams, pattern, confirm, walks["n"], limit)
    entries: list[Any] = []
    entry_total, entries_exact = 0, True
    room = limit - len(nodes)
    entries, entry_total, entries_exact = _pg_range(s, "e", grams, pattern, confirm, walks["e"], max(room, 0))
    needle = query
    hits = [node_hit(i, p, title, body, query, needle=needle) for i, p, title, body in nodes]
    hits += [progress_hit(e, i, p, body, query, needle=needle) for e, i, p, body in entries]
    return SearchResult(node_total + entry_total, hits, nodes_exact and entries_exact)


def _gin_search_in_plan(s: Session, query: str, grams: list[str], plan_id: int, limit: int) -> SearchResult:
    """One plan, counted exactly. The GIN index gathers the hits of all plans first (a materialized step,
    so no plan can filter rows with pd_grams() instead); joins keep the plan's, LIKE confirms 3+ characters."""
    params: dict[str, Any] = {"g": grams, "q": _like(query), "p": plan_id, "n": limit}
    confirm = len(query) > 2
    node_like = " AND " + _PG_LIKE_FAST["n"] if confirm else ""
    entry_like = " AND " + _PG_LIKE_FAST["e"] if confirm else ""
    nodes = list(
        s.execute(
            text(
                f"WITH m AS MATERIALIZED (SELECT n.id FROM plan_node n WHERE {_PG_GRAMS['n']} @> CAST(:g AS text[])) "
                "SELECT n.id, n.plan_id, n.title, n.text, count(*) OVER () FROM m JOIN plan_node n ON n.id = m.id "
                f"WHERE n.plan_id = :p AND n.parent_id IS NOT NULL{node_like} ORDER BY n.id LIMIT greatest(:n, 1)"
            ),
            params,
        )
    )
    nodes_shown = nodes[:limit]  # at least one row is read, to learn the count
    room = limit - len(nodes_shown)
    params["n"] = room
    entries = list(
        s.execute(
            text(
                f"WITH m AS MATERIALIZED (SELECT e.id FROM progress_entry e WHERE {_PG_GRAMS['e']} @> CAST(:g AS text[])) "
                "SELECT e.id, n.id, n.plan_id, e.text, count(*) OVER () FROM m JOIN progress_entry e ON e.id = m.id "
                "JOIN assignment a ON a.id = e.assignment_id JOIN plan_node n ON n.id = a.node_id "
                f"WHERE n.plan_id = :p{entry_like} ORDER BY e.id DESC LIMIT greatest(:n, 1)"
            ),
            params,
        )
    )
    total = (nodes[0][4] if nodes else 0) + (entries[0][4] if entries else 0)
    hits = [node_hit(i, p, title, body, query, needle=query) for i, p, title, body, _ in nodes_shown]
    hits += [progress_hit(e, i, p, body, query, needle=query) for e, i, p, body, _ in entries[:room]]
    return SearchResult(int(total), hits)


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
