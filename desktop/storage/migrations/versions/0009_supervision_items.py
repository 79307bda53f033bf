"""督办事项 register, checkpoints (节点目标) and 督查单 escalation

Revision ID: 0009
Revises: 0010
Create Date: 2026-12-01 21:45:00

New tables only: supervision_item keyed by plan_node (the item is a node of its year's 督办事项 collection),
checkpoint keyed by plan_node, escalation keyed by assignment. Existing rows are untouched.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('supervision_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('node_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('rule_days', sa.Integer(), nullable=False),
    sa.Column('rule_unit', sa.String(length=8), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('leader', sa.String(length=100), nullable=False),
    sa.Column('instructed_on', sa.Date(), nullable=True),
    sa.Column('doc_ref', sa.String(length=100), nullable=False),
    sa.Column('meeting_name', sa.String(length=200), nullable=False),
    sa.Column('meeting_session', sa.String(length=50), nullable=False),
    sa.Column('proposal_number', sa.String(length=50), nullable=False),
    sa.Column('sender', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['node_id'], ['plan_node.id'], name=op.f('fk_supervision_item_node_id_plan_node'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_item')),
    sa.UniqueConstraint('node_id', name=op.f('uq_supervision_item_node_id'))
    )
    op.create_table('checkpoint',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('node_id', sa.Integer(), nullable=False),
    sa.Column('due', sa.Date(), nullable=False),
    sa.Column('expected_percent', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['node_id'], ['plan_node.id'], name=op.f('fk_checkpoint_node_id_plan_node'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkpoint'))
    )
    with op.batch_alter_table('checkpoint', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checkpoint_node_id'), ['node_id'], unique=False)
    op.create_table('escalation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('rule', sa.String(length=40), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignment.id'], name=op.f('fk_escalation_assignment_id_assignment'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_escalation'))
    )
    with op.batch_alter_table('escalation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_escalation_assignment_id'), ['assignment_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('escalation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_escalation_assignment_id'))
    op.drop_table('escalation')
    with op.batch_alter_table('checkpoint', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checkpoint_node_id'))
    op.drop_table('checkpoint')
    op.drop_table('supervision_item')
