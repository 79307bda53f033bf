"""Unit logins on PostgreSQL: a role per unit that row-level security lets write only that unit's work."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select, text

from ...errors import PlanDeskError
from ...models import UnitLogin
from ...storage import Database
from .units import resolve_unit

GROUP = "plandesk_unit"  # created by migration 0008; holds what unit logins may do
ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


@dataclass(frozen=True)
class UnitLoginInfo:
    role: str
    unit_id: int
    unit_name: str


def grant_unit_login(db: Database, *, unit: str, role: str, password: str | None = None) -> UnitLoginInfo:
    """Make ``role`` a PostgreSQL login for ``unit`` (created when missing); needs an office role with CREATEROLE."""
    if db.engine.dialect.name != "postgresql":
        raise PlanDeskError(
            "单位账号只适用于 PostgreSQL 服务器数据库；本地 SQLite 数据库文件没有登录账号。", field="role"
        )
    if not ROLE_NAME.match(role):
        raise PlanDeskError(
            f"账号名“{role}”无效：只能用小写字母、数字和下划线，以字母或下划线开头，最多 63 个字符。",
            field="role",
        )
    with db.write(cause=f"设置单位账号：{role}") as s:
        u = resolve_unit(s, unit)
        exists = s.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}) is not None
        if not exists:
            secret = "" if password is None else " PASSWORD '" + password.replace("'", "''") + "'"
            s.execute(text(f'CREATE ROLE "{role}" LOGIN{secret}'))
        s.execute(text(f'GRANT {GROUP} TO "{role}"'))
        row = s.get(UnitLogin, role)
        if row is None:
            s.add(UnitLogin(role_name=role, unit_id=u.id))
        else:
            row.unit_id = u.id
        return UnitLoginInfo(role, u.id, u.name)


def unit_logins(db: Database) -> list[UnitLoginInfo]:
    from ...models import Unit

    with db.read() as s:
        rows = s.execute(
            select(UnitLogin.role_name, Unit.id, Unit.name).join(Unit).order_by(UnitLogin.role_name)
        ).all()
    return [UnitLoginInfo(r, i, n) for r, i, n in rows]
