"""Unit logins and row-level security on PostgreSQL

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-01 22:10:00

unit_login maps a PostgreSQL role to the unit it speaks for. On PostgreSQL, row-level security then lets such a
role read everything but write only its own unit's progress entries, workflow steps and assignments (the status
and percent a report moves); every other role (the office) is unrestricted, and the tables' owner bypasses the
policies as PostgreSQL does. Unit roles are members of the group role plandesk_unit, which holds the grants.
On SQLite only the table is created: a file has no logins.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0006'
branch_labels = None
depends_on = None

GROUP = "plandesk_unit"
OWN_ASSIGNMENT = "assignment_id IN (SELECT id FROM assignment WHERE unit_id = pd_login_unit())"
GUARDED = {
    "progress_entry": OWN_ASSIGNMENT,
    "workflow_step": OWN_ASSIGNMENT,
    "assignment": "unit_id = pd_login_unit()",
}
PG_UP = [
    f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{GROUP}') "
    f"THEN CREATE ROLE {GROUP} NOLOGIN; END IF; END $$",
    # NULL for the office: a role that is not a unit login.
    "CREATE OR REPLACE FUNCTION pd_login_unit() RETURNS integer LANGUAGE sql STABLE AS "
    "$$ SELECT unit_id FROM unit_login WHERE role_name = current_user $$",
    f"GRANT USAGE ON SCHEMA public TO {GROUP}",
    f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {GROUP}",
    f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {GROUP}",
    f"GRANT INSERT, UPDATE ON progress_entry, workflow_step TO {GROUP}",
    f"GRANT UPDATE ON assignment TO {GROUP}",
    f"GRANT INSERT ON audit_entry TO {GROUP}",
    # Tables and sequences later migrations add are readable too.
    f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {GROUP}",
    f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {GROUP}",
]
for table, own in GUARDED.items():
    PG_UP += [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY pd_read ON {table} FOR SELECT USING (true)",
        f"CREATE POLICY pd_office ON {table} USING (pd_login_unit() IS NULL) WITH CHECK (pd_login_unit() IS NULL)",
        f"CREATE POLICY pd_own_unit ON {table} USING ({own}) WITH CHECK ({own})",
    ]
PG_DOWN = [
    statement
    for table in GUARDED
    for statement in (
        f"DROP POLICY IF EXISTS pd_read ON {table}",
        f"DROP POLICY IF EXISTS pd_office ON {table}",
        f"DROP POLICY IF EXISTS pd_own_unit ON {table}",
        f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY",
    )
] + ["DROP FUNCTION IF EXISTS pd_login_unit()"]


def upgrade() -> None:
    op.create_table('unit_login',
    sa.Column('role_name', sa.String(length=63), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_unit_login_unit_id_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('role_name', name=op.f('pk_unit_login'))
    )
    with op.batch_alter_table('unit_login', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_login_unit_id'), ['unit_id'], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        for statement in PG_UP:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in PG_DOWN:
            op.execute(statement)
    with op.batch_alter_table('unit_login', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_login_unit_id'))
    op.drop_table('unit_login')
