"""Declarative base, naming convention and the columns every PlanDesk row carries."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import DateTime, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from .. import clock

# Named constraints keep Alembic batch migrations on SQLite able to find and alter them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """Naive UTC timestamp; the same on SQLite and PostgreSQL (from the program's one clock)."""
    return clock.utcnow()


def new_uid() -> str:
    return uuid.uuid4().hex


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Timestamped:
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Versioned(Timestamped):
    """User-editable rows: ``version`` rises on every update so stale edits are detected."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # The ORM adds "AND version = :old" to every UPDATE and raises StaleDataError on a lost race.
        return {"version_id_col": cls.version}


class HasUid:
    """A stable identity that survives export to another office's database."""

    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
