"""The audit trail: one row per changed field, written by the storage layer, never edited."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class AuditEntry(Base):
    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_table_row", "table_name", "row_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    operator: Mapped[str] = mapped_column(String(100), default="")
    os_user: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(8))  # insert, update, delete
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int | None] = mapped_column(Integer)
    # Denormalised so a node's history and a plan's history need no joins to rows that may be gone.
    plan_id: Mapped[int | None] = mapped_column(Integer, index=True)
    node_id: Mapped[int | None] = mapped_column(Integer, index=True)
    field: Mapped[str] = mapped_column(String(40), default="")
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    cause: Mapped[str] = mapped_column(String(300), default="")  # "手工编辑", "导入：xxx.docx", ...
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id", ondelete="SET NULL"))
