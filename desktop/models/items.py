"""督办事项 beyond the plans, their checkpoints and the 督查单 escalation of late assignments."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Timestamped, Versioned, utcnow

# Where a 督办事项 comes from: 领导批示, 会议议定事项, 人大建议/政协提案, 来信.
ITEM_SOURCES = ("instruction", "meeting", "proposal", "letter")
# 督查单 levels, mildest first: 提示 → 催办 → 督办 → 约谈.
ESCALATION_LEVELS = ("notice", "urge", "supervise", "interview")


class SupervisionItem(Versioned, Base):
    """The source of a 督办事项; the item itself is a node of its year's 督办事项 collection (a Plan)."""

    __tablename__ = "supervision_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    node_id: Mapped[int] = mapped_column(ForeignKey("plan_node.id", ondelete="CASCADE"), unique=True)
    source: Mapped[str] = mapped_column(String(16))
    received_on: Mapped[dt.date] = mapped_column(Date)  # 交办日期: the day the period starts from
    rule_days: Mapped[int] = mapped_column(Integer)
    rule_unit: Mapped[str] = mapped_column(String(8), default="workday")  # workday | day
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    leader: Mapped[str] = mapped_column(String(100), default="")  # 批示人
    instructed_on: Mapped[dt.date | None] = mapped_column(Date)  # 批示日期
    doc_ref: Mapped[str] = mapped_column(String(100), default="")  # 原件文号
    meeting_name: Mapped[str] = mapped_column(String(200), default="")
    meeting_session: Mapped[str] = mapped_column(String(50), default="")  # 期次
    proposal_number: Mapped[str] = mapped_column(String(50), default="")  # 建议/提案编号
    sender: Mapped[str] = mapped_column(String(100), default="")  # 来信人


class Checkpoint(Timestamped, Base):
    """节点目标: a dated intermediate target of a long task, with the percent expected by then."""

    __tablename__ = "checkpoint"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    node_id: Mapped[int] = mapped_column(ForeignKey("plan_node.id", ondelete="CASCADE"), index=True)
    due: Mapped[dt.date] = mapped_column(Date)
    expected_percent: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text, default="")


class Escalation(Timestamped, Base):
    """One 督查单 issued for an assignment, never edited; the latest gives the assignment's level."""

    __tablename__ = "escalation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignment.id", ondelete="CASCADE"), index=True)
    level: Mapped[str] = mapped_column(String(16))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    reason: Mapped[str] = mapped_column(Text, default="")
    rule: Mapped[str] = mapped_column(String(40), default="manual")  # manual, or the rule that raised it
    actor: Mapped[str] = mapped_column(String(100), default="")
