"""Audit trail append-only: triggers refuse UPDATE and DELETE on audit_entry

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:00:00

Only clearing batch_id stays possible, because deleting an import batch sets it to NULL (ON DELETE SET NULL).
A later batch migration that rebuilds audit_entry on SQLite drops these triggers and must create them again.
"""
from __future__ import annotations

from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

MESSAGE = "操作记录只能追加，不能修改或删除"
SQLITE_COLUMNS = "id, at, operator, os_user, action, table_name, row_id, plan_id, node_id, field, old_value, " \
                 "new_value, cause"
SQLITE_UP = [
    f"CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OF {SQLITE_COLUMNS} ON audit_entry "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    "CREATE TRIGGER audit_entry_no_rebatch BEFORE UPDATE OF batch_id ON audit_entry WHEN NEW.batch_id IS NOT NULL "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    f"CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
]
SQLITE_DOWN = ["DROP TRIGGER IF EXISTS audit_entry_no_update", "DROP TRIGGER IF EXISTS audit_entry_no_rebatch",
               "DROP TRIGGER IF EXISTS audit_entry_no_delete"]
POSTGRES_UP = [
    f"""CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.batch_id IS NULL
       AND (to_jsonb(NEW) - 'batch_id') = (to_jsonb(OLD) - 'batch_id') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
END
$$""",
    "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry "
    "FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()",
    "CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()",
]
POSTGRES_DOWN = ["DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry",
                 "DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry",
                 "DROP FUNCTION IF EXISTS audit_entry_append_only()"]


def _statements(up: bool) -> list[str]:
    name = op.get_bind().dialect.name
    if name == "sqlite":
        return SQLITE_UP if up else SQLITE_DOWN
    if name == "postgresql":
        return POSTGRES_UP if up else POSTGRES_DOWN
    return []


def upgrade() -> None:
    for statement in _statements(True):
        op.execute(statement)


def downgrade() -> None:
    for statement in _statements(False):
        op.execute(statement)
