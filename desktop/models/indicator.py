"""Plan indicators (指标) and their measured values."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, HasUid, Versioned

ATTRIBUTES = ("binding", "expected")  # 约束性, 预期性


class Indicator(HasUid, Versioned, Base):
    __tablename__ = "indicator"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    node_id: Mapped[int | None] = mapped_column(ForeignKey("plan_node.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    field: Mapped[str] = mapped_column(String(100), default="")
    name: Mapped[str] = mapped_column(Text)
    unit_of_measure: Mapped[str] = mapped_column(String(20), default="")
    target_text: Mapped[str] = mapped_column(String(100), default="")  # as printed, operator kept: ≥80
    operator: Mapped[str] = mapped_column(String(2), default="")
    target_value: Mapped[float | None] = mapped_column(Float)
    target_year: Mapped[int | None] = mapped_column(Integer)
    attribute: Mapped[str | None] = mapped_column(String(10))
    baseline: Mapped[str] = mapped_column(String(100), default="")
    # The base (基期) as numbers, for the evaluation; the printed base stays in ``baseline``.
    base_year: Mapped[int | None] = mapped_column(Integer)
    base_value: Mapped[float | None] = mapped_column(Float)
    # Targets of further years beside target_year: [{"year": 2030, "value": 90.0, "text": "≥90"}].
    stage_targets: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    from_prose: Mapped[bool] = mapped_column(Boolean, default=False)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)

    values: Mapped[list[IndicatorValue]] = relationship(
        back_populates="indicator",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="IndicatorValue.measured_on",
    )


class IndicatorValue(HasUid, Versioned, Base):
    __tablename__ = "indicator_value"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"), index=True)
    measured_on: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    entered_by: Mapped[str] = mapped_column(String(100), default="")

    indicator: Mapped[Indicator] = relationship(back_populates="values")
