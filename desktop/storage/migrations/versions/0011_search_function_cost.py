"""The planner learns what pd_grams() costs (PostgreSQL)

Revision ID: 0011
Revises: 0008
Create Date: 2026-12-01 22:20:00

pd_grams() builds the array of every character and pair of a text; evaluated on a row it takes about a
millisecond, yet the planner took it for a cheap function and filtered thousands of rows with it instead of
reading the GIN index built over it. Declaring its cost keeps every search on the index. SQLite: nothing.
"""
from __future__ import annotations

from alembic import op

revision = '0011'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER FUNCTION pd_grams(text) COST 100000")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER FUNCTION pd_grams(text) COST 100")
