"""Responsible bodies, their aliases, and who the document makes responsible for a node."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, HasUid, Timestamped, Versioned

if TYPE_CHECKING:
    from .plan import PlanNode

UNIT_KINDS = ("bureau", "district_government", "company", "institution", "collective", "other")
ROLES = ("lead", "co")


class Unit(HasUid, Versioned, Base):
    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)  # canonical
    kind: Mapped[str] = mapped_column(String(24), default="bureau")
    aliases: Mapped[list[UnitAlias]] = relationship(
        back_populates="unit", cascade="all, delete-orphan", passive_deletes=True
    )


class UnitAlias(Timestamped, Base):
    __tablename__ = "unit_alias"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(200), unique=True)
    unit: Mapped[Unit] = relationship(back_populates="aliases")


class Responsibility(Timestamped, Base):
    """node × unit as the document states it; ``position`` keeps the printed order (lead first)."""

    __tablename__ = "responsibility"
    __table_args__ = (UniqueConstraint("node_id", "unit_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    node_id: Mapped[int] = mapped_column(ForeignKey("plan_node.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    role: Mapped[str] = mapped_column(String(8))
    position: Mapped[int] = mapped_column(Integer, default=0)
    raw_name: Mapped[str] = mapped_column(String(200), default="")

    node: Mapped[PlanNode] = relationship(back_populates="responsibilities")
    unit: Mapped[Unit] = relationship()


class UnitLogin(Base):
    """A PostgreSQL login that belongs to a unit: row security lets it write only that unit's work."""

    __tablename__ = "unit_login"

    role_name: Mapped[str] = mapped_column(String(63), primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
