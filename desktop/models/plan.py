"""Plans, their revisions and the plan tree."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, HasUid, Timestamped, Versioned, utcnow

if TYPE_CHECKING:
    from .unit import Responsibility
    from .work import Assignment

PLAN_LEVELS = ("national", "province", "city", "district")
# "root" is the one invisible node a plan's chapters hang from; the others are what documents print.
NODE_KINDS = ("root", "chapter", "section", "task", "column", "item", "goal", "measure")
NODE_ORIGINS = ("document", "office")


class Plan(HasUid, Versioned, Base):
    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    issuer: Mapped[str] = mapped_column(String(200), default="")
    doc_number: Mapped[str] = mapped_column(String(100), default="")
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    level: Mapped[str] = mapped_column(String(16), default="city")
    parent_plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="SET NULL"))
    source_name: Mapped[str] = mapped_column(String(500), default="")
    source_sha256: Mapped[str] = mapped_column(String(64), default="")
    source_format: Mapped[str] = mapped_column(String(8), default="")
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    short_name: Mapped[str] = mapped_column(String(100), default="", server_default="")
    # 归档: finished work kept for the record, hidden from the daily view.
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Covering-notice details, 抄送 lines, anything the document states that has no column.
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    nodes: Mapped[list[PlanNode]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", passive_deletes=True
    )
    parent_plan: Mapped[Plan | None] = relationship(remote_side=[id])


class PlanRevision(Timestamped, Base):
    """The source text of each imported revision, so older wording stays retrievable."""

    __tablename__ = "plan_revision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    source_name: Mapped[str] = mapped_column(String(500), default="")
    source_sha256: Mapped[str] = mapped_column(String(64), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    # The tree as it stood in this revision: [{uid, parent_uid, kind, label, title, text, units}].
    tree: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id", ondelete="SET NULL"))


class PlanNode(HasUid, Versioned, Base):
    __tablename__ = "plan_node"
    __table_args__ = (Index("ix_plan_node_parent_position", "parent_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("plan_node.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)  # order among siblings, 0-based
    kind: Mapped[str] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(String(40), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(16), default="document")
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    deadline_hint: Mapped[dt.date | None] = mapped_column(Date)
    recurrence: Mapped[str] = mapped_column(String(20), default="")
    goal_year: Mapped[int | None] = mapped_column(Integer)
    # Removed by a later revision but still carrying assignments or progress: kept read-only.
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    archived_in_revision: Mapped[int | None] = mapped_column(Integer)

    plan: Mapped[Plan] = relationship(back_populates="nodes")
    parent: Mapped[PlanNode | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[PlanNode]] = relationship(
        back_populates="parent", order_by="PlanNode.position", passive_deletes=True
    )
    responsibilities: Mapped[list[Responsibility]] = relationship(
        back_populates="node",
        order_by="Responsibility.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="node", cascade="all, delete-orphan", passive_deletes=True
    )


class NodeLink(Timestamped, Base):
    """A local task carries out a clause of the plan above (district task → city task)."""

    __tablename__ = "node_link"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    node_id: Mapped[int] = mapped_column(ForeignKey("plan_node.id", ondelete="CASCADE"), index=True)
    target_node_id: Mapped[int] = mapped_column(ForeignKey("plan_node.id", ondelete="CASCADE"), index=True)
    note: Mapped[str] = mapped_column(Text, default="")
