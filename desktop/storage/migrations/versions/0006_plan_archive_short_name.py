"""Plans can be archived (归档) and carry a short name

Revision ID: 0006
Revises: 0009
Create Date: 2026-12-01 22:00:00

An archived plan is finished work kept for the record: hidden from the daily view, not deleted. The short
name (简称) is what an office calls a plan in lists and notices when the full title is too long.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('plan', sa.Column('short_name', sa.String(length=100), nullable=False, server_default=''))
    op.add_column('plan', sa.Column('archived', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35+): rebuilding plan, which most tables reference, is not needed.
    op.drop_column('plan', 'archived')
    op.drop_column('plan', 'short_name')
