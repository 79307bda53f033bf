"""Trigram search index for queries of three or more characters (SQLite)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 11:00:00

A phrase of overlapping bigrams must walk the long position lists of common pairs such as 计量; one trigram
list is far shorter. This contentless FTS5 trigram table holds the folded text (pd_fold(), registered on every
PlanDesk connection) under the same row ids as search_fts: plan_node.id, progress_entry.id + 2**40.
PostgreSQL keeps its GIN indexes; pd_grams() there now folds like PlanDesk does (NFKC, then lower case), so
full-width and half-width forms find each other, and the indexes are rebuilt. A later batch migration that rebuilds plan_node or progress_entry on
SQLite drops these triggers and must create them again (and rebuild the index).
"""
from __future__ import annotations

from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

TRI = "search_tri"
ENTRY = "1099511627776"
SQLITE_UP = [
    f"CREATE VIRTUAL TABLE {TRI} USING fts5(body, content='', columnsize=0, tokenize='trigram')",
    f"CREATE TRIGGER search_tri_node_insert AFTER INSERT ON plan_node WHEN new.parent_id IS NOT NULL BEGIN "
    f"INSERT INTO {TRI}(rowid, body) VALUES (new.id, pd_fold(new.title, new.text)); END",
    f"CREATE TRIGGER search_tri_node_delete AFTER DELETE ON plan_node WHEN old.parent_id IS NOT NULL BEGIN "
    f"INSERT INTO {TRI}({TRI}, rowid, body) VALUES ('delete', old.id, pd_fold(old.title, old.text)); END",
    f"CREATE TRIGGER search_tri_node_update AFTER UPDATE OF title, text, parent_id ON plan_node BEGIN "
    f"INSERT INTO {TRI}({TRI}, rowid, body) SELECT 'delete', old.id, pd_fold(old.title, old.text) "
    f"WHERE old.parent_id IS NOT NULL; "
    f"INSERT INTO {TRI}(rowid, body) SELECT new.id, pd_fold(new.title, new.text) WHERE new.parent_id IS NOT NULL; END",
    f"CREATE TRIGGER search_tri_entry_insert AFTER INSERT ON progress_entry BEGIN "
    f"INSERT INTO {TRI}(rowid, body) VALUES (new.id + {ENTRY}, pd_fold(new.text)); END",
    f"CREATE TRIGGER search_tri_entry_delete AFTER DELETE ON progress_entry BEGIN "
    f"INSERT INTO {TRI}({TRI}, rowid, body) VALUES ('delete', old.id + {ENTRY}, pd_fold(old.text)); END",
    f"CREATE TRIGGER search_tri_entry_update AFTER UPDATE OF text ON progress_entry BEGIN "
    f"INSERT INTO {TRI}({TRI}, rowid, body) VALUES ('delete', old.id + {ENTRY}, pd_fold(old.text)); "
    f"INSERT INTO {TRI}(rowid, body) VALUES (new.id + {ENTRY}, pd_fold(new.text)); END",
    # Existing rows get indexed now.
    f"INSERT INTO {TRI}(rowid, body) SELECT id, pd_fold(title, text) FROM plan_node WHERE parent_id IS NOT NULL",
    f"INSERT INTO {TRI}(rowid, body) SELECT id + {ENTRY}, pd_fold(text) FROM progress_entry",
    f"INSERT INTO {TRI}({TRI}) VALUES ('optimize')",
]
SQLITE_DOWN = [f"DROP TRIGGER IF EXISTS search_tri_{t}" for t in (
    "node_insert", "node_delete", "node_update", "entry_insert", "entry_delete", "entry_update")] + \
    [f"DROP TABLE IF EXISTS {TRI}"]


PG_FUNCTION = """
CREATE OR REPLACE FUNCTION pd_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
    SELECT substr(f, i, n) AS g FROM (SELECT lower(normalize(t, NFKC)) AS f) AS folded,
      generate_series(1, char_length(f)) AS i, (VALUES (1), (2)) AS v(n)
  ) AS grams WHERE g !~ '\\s'
$$
"""
PG_UP = [PG_FUNCTION, "REINDEX INDEX ix_plan_node_search", "REINDEX INDEX ix_progress_entry_search"]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for statement in PG_UP:
            op.execute(statement)
    if bind.dialect.name != "sqlite":
        return
    has_fts = bind.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'search_fts'").first()
    if has_fts:  # built only where 0004 found FTS5
        for statement in SQLITE_UP:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_DOWN:
            op.execute(statement)
