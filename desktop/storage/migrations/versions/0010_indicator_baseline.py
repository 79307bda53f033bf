"""Indicator base year, base value and further target years for the evaluation

Revision ID: 0010
Revises: 0005
Create Date: 2026-12-01 21:40:00

The mid-term and annual evaluation measures progress from the base (基期) to the target. The importer keeps the
base column as printed text; these nullable columns hold the base as numbers, and ``stage_targets`` holds the
targets of further years ([{"year": 2030, "value": 90.0, "text": "≥90"}]) beside the indicator's own target.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.add_column(sa.Column("base_year", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("base_value", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("stage_targets", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.drop_column("stage_targets")
        batch_op.drop_column("base_value")
        batch_op.drop_column("base_year")
