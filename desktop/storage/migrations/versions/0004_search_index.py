"""Search index for Chinese substring search over node titles/texts and progress entries

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 10:00:00

SQLite: a contentless FTS5 table of overlapping bigrams (see desktop/storage/search_grams.py) with a
one-character prefix index, kept in step by triggers that call pd_grams() (registered on every PlanDesk
connection). Row ids: plan_node.id for a node (title and text), progress_entry.id + 2**40 for an entry.
PostgreSQL: GIN indexes over an IMMUTABLE pd_grams() array of unigrams and bigrams, maintained by the server.
A later batch migration that rebuilds plan_node or progress_entry on SQLite drops these triggers and must
create them again (and rebuild the index).
"""
from __future__ import annotations

from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

FTS = "search_fts"
SQLITE_UP = [
    f"CREATE VIRTUAL TABLE {FTS} USING fts5(grams, content='', columnsize=0, prefix='1', "
    "tokenize='unicode61 remove_diacritics 0')",
    f"CREATE TRIGGER search_node_insert AFTER INSERT ON plan_node WHEN new.parent_id IS NOT NULL BEGIN "
    f"INSERT INTO {FTS}(rowid, grams) VALUES (new.id, pd_grams(new.title, new.text)); END",
    f"CREATE TRIGGER search_node_delete AFTER DELETE ON plan_node WHEN old.parent_id IS NOT NULL BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, grams) VALUES ('delete', old.id, pd_grams(old.title, old.text)); END",
    f"CREATE TRIGGER search_node_update AFTER UPDATE OF title, text, parent_id ON plan_node BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, grams) SELECT 'delete', old.id, pd_grams(old.title, old.text) "
    f"WHERE old.parent_id IS NOT NULL; "
    f"INSERT INTO {FTS}(rowid, grams) SELECT new.id, pd_grams(new.title, new.text) "
    f"WHERE new.parent_id IS NOT NULL; END",
    f"CREATE TRIGGER search_entry_insert AFTER INSERT ON progress_entry BEGIN "
    f"INSERT INTO {FTS}(rowid, grams) VALUES (new.id + 1099511627776, pd_grams(new.text)); END",
    f"CREATE TRIGGER search_entry_delete AFTER DELETE ON progress_entry BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, grams) VALUES ('delete', old.id + 1099511627776, pd_grams(old.text)); END",
    f"CREATE TRIGGER search_entry_update AFTER UPDATE OF text ON progress_entry BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, grams) VALUES ('delete', old.id + 1099511627776, pd_grams(old.text)); "
    f"INSERT INTO {FTS}(rowid, grams) VALUES (new.id + 1099511627776, pd_grams(new.text)); END",
    # Existing rows get indexed now.
    f"INSERT INTO {FTS}(rowid, grams) SELECT id, pd_grams(title, text) FROM plan_node "
    f"WHERE parent_id IS NOT NULL",
    f"INSERT INTO {FTS}(rowid, grams) SELECT id + 1099511627776, pd_grams(text) FROM progress_entry",
    f"INSERT INTO {FTS}({FTS}) VALUES ('optimize')",
]
SQLITE_DOWN = [f"DROP TRIGGER IF EXISTS {t}" for t in (
    "search_node_insert", "search_node_delete", "search_node_update", "search_entry_insert",
    "search_entry_delete", "search_entry_update")] + [f"DROP TABLE IF EXISTS {FTS}"]

# Every character and every pair of neighbouring characters of the lower-cased text, as a set.
PG_FUNCTION = """
CREATE OR REPLACE FUNCTION pd_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
    SELECT substr(lower(t), i, n) AS g FROM generate_series(1, char_length(t)) AS i, (VALUES (1), (2)) AS v(n)
  ) AS grams WHERE g !~ '\\s'
$$
"""
PG_UP = [
    PG_FUNCTION,
    "CREATE INDEX ix_plan_node_search ON plan_node USING gin (pd_grams(title || E'\\n' || text))",
    "CREATE INDEX ix_progress_entry_search ON progress_entry USING gin (pd_grams(text))",
]
PG_DOWN = ["DROP INDEX IF EXISTS ix_progress_entry_search", "DROP INDEX IF EXISTS ix_plan_node_search",
           "DROP FUNCTION IF EXISTS pd_grams(text)"]


def _fts5_available() -> bool:
    conn = op.get_bind()
    options = [row[0] for row in conn.exec_driver_sql("PRAGMA compile_options")]
    return "ENABLE_FTS5" in options


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        if not _fts5_available():  # PlanDesk then searches by scanning, which is slower but right
            return
        for statement in SQLITE_UP:
            op.execute(statement)
    elif dialect == "postgresql":
        for statement in PG_UP:
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_DOWN if dialect == "sqlite" else PG_DOWN if dialect == "postgresql" else []:
        op.execute(statement)
