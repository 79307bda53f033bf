"""What the office decides and what comes back: assignments, progress entries and their evidence."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, HasUid, Timestamped, Versioned, utcnow

if TYPE_CHECKING:
    from .plan import PlanNode
    from .unit import Unit

# Stored statuses; "overdue" (已逾期) is never stored, it is derived from the deadline.
ASSIGNMENT_STATUSES = ("not_started", "in_progress", "done", "suspended")
# The hand-off workflow: 交办 → 签收 → 反馈 → 审核(通过/退回) → 办结 | 销号
WORKFLOW_STATES = ("assigned", "acknowledged", "reported", "accepted", "returned", "closed", "struck_off")


class Assignment(HasUid, Versioned, Base):
    __tablename__ = "assignment"
    __table_args__ = (Index("ix_assignment_unit_deadline", "unit_id", "deadline"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    node_id: Mapped[int] = mapped_column(ForeignKey("plan_node.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    role: Mapped[str] = mapped_column(String(8), default="lead")
    contact_person: Mapped[str] = mapped_column(String(100), default="")
    contact_phone: Mapped[str] = mapped_column(String(50), default="")
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    # The deadline first given; reports count against it unless an extension was approved.
    original_deadline: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="not_started")
    percent: Mapped[int] = mapped_column(Integer, default=0)
    remarks: Mapped[str] = mapped_column(Text, default="")
    workflow_state: Mapped[str] = mapped_column(String(16), default="assigned")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)

    node: Mapped[PlanNode] = relationship(back_populates="assignments")
    unit: Mapped[Unit] = relationship()
    progress: Mapped[list[ProgressEntry]] = relationship(
        back_populates="assignment",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ProgressEntry.period",
    )


class ProgressEntry(HasUid, Versioned, Base):
    __tablename__ = "progress_entry"
    __table_args__ = (Index("ix_progress_entry_assignment_period", "assignment_id", "period"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignment.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    reported_on: Mapped[dt.date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text, default="")
    percent: Mapped[int | None] = mapped_column(Integer)
    problems: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    entered_by: Mapped[str] = mapped_column(String(100), default="")
    entered_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    source: Mapped[str] = mapped_column(String(16), default="manual")  # manual, workbook, package, cli
    # What produced it (workbook row key + content hash, package entry): makes re-imports idempotent.
    source_ref: Mapped[str | None] = mapped_column(String(200), index=True)

    assignment: Mapped[Assignment] = relationship(back_populates="progress")
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", passive_deletes=True
    )


class Evidence(Timestamped, Base):
    """佐证材料: a file copied into PlanDesk's content-addressed store, attached to a progress entry."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("progress_entry.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    added_by: Mapped[str] = mapped_column(String(100), default="")

    entry: Mapped[ProgressEntry] = relationship(back_populates="evidence")
