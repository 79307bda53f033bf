"""Domain preferences that belong to the database (warning rules, score weights, office name)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Versioned

# Settings whose value is a secret (the package signing key, the workbook secret): the trail of changes records
# that they changed, never their value.
SECRET_SETTINGS = ("exchange.signing_key", "exchange.secret")
REDACTED = "（保密，不记入）"


class Setting(Versioned, Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
