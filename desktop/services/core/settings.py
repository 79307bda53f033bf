"""Domain preferences stored in the database (shared by everyone who uses it)."""

from __future__ import annotations

from typing import Any

from ...models import Setting
from ...storage import Database


def get_setting(db: Database, key: str, default: Any = None) -> Any:
    with db.read() as s:
        row = s.get(Setting, key)
        return default if row is None else row.value


def set_setting(db: Database, key: str, value: Any) -> None:
    with db.write(cause="修改设置") as s:
        row = s.get(Setting, key)
        if row is None:
            s.add(Setting(key=key, value=value))
        else:
            row.value = value
