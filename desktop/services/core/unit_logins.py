"""Unit logins on PostgreSQL: a role per unit that row-level security lets write only that unit's work.

Row security holds a login only if nothing lets it pass the policies: a superuser, a role with BYPASSRLS, the
owner of the database or of PlanDesk's tables (the office's own role) and a member of the office's group all do.
So a unit login is a role PlanDesk made for it (a member of plandesk_unit and of nothing else), never a role that
already served another purpose: those are refused with the reason, and nothing is changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ...errors import PlanDeskError
from ...models import Unit, UnitLogin
from ...storage import Database
from .units import resolve_unit

GROUP = "plandesk_unit"  # created by migration 0008; holds what unit logins may do
OFFICE_GROUP = "plandesk_office"  # created by migration 0012; row security's name for the office
ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
# Names PostgreSQL keeps for itself (CREATE ROLE refuses them).
RESERVED = {"public", "none", "current_user", "session_user", "current_role", "all"}
UNCHANGED = "未作任何改动。"

# What of a role would let it past row security, or make it more than a unit's login (one row, or none).
ROLE_FACTS = text(
    """
    SELECT r.rolsuper AS superuser,
           r.rolbypassrls AS bypassrls,
           r.rolname = session_user OR r.rolname = current_user AS connected,
           EXISTS (SELECT 1 FROM pg_database d
                   WHERE d.datname = current_database() AND pg_has_role(r.oid, d.datdba, 'MEMBER')) AS owns_database,
           EXISTS (SELECT 1 FROM pg_class c
                   WHERE c.relnamespace = (SELECT relnamespace FROM pg_class WHERE oid = CAST(:login_table AS regclass))
                     AND pg_has_role(r.oid, c.relowner, 'MEMBER')) AS owns_tables,
           pg_has_role(r.oid, :office, 'MEMBER') AS office,
           pg_has_role(r.oid, :unit_group, 'MEMBER') AS unit,
           r.rolcreaterole OR r.rolcreatedb OR r.rolreplication AS powers,
           (SELECT string_agg(g.rolname, '、' ORDER BY g.rolname) FROM pg_auth_members m
              JOIN pg_roles g ON g.oid = m.roleid
             WHERE m.member = r.oid AND g.rolname <> :unit_group) AS other_groups
      FROM pg_roles r
     WHERE r.rolname = :role
    """
)


@dataclass(frozen=True)
class UnitLoginInfo:
    role: str
    unit_id: int
    unit_name: str
    created: bool = False  # the role was made now
    password_set: bool = False
    previous_unit: str | None = None  # the unit the login spoke for until now, when it moved to another


def _refuse(message: str) -> PlanDeskError:
    return PlanDeskError(message + UNCHANGED, field="role")


def _check_name(role: str) -> None:
    if not ROLE_NAME.match(role):
        raise _refuse(
            f"账号名“{role}”无效：只能用小写字母、数字和下划线，以字母或下划线开头，最多 63 个字符。"
        )
    if role in RESERVED:
        raise _refuse(f"账号名“{role}”是 PostgreSQL 的保留字，不能用作账号名。")
    if role in (GROUP, OFFICE_GROUP):
        raise _refuse(f"“{role}”是 PlanDesk 的账号组，不是登录账号，不能作为单位账号。")


def _check_password(password: str | None) -> None:
    if password is None:
        return
    if not password:
        raise _refuse("密码不能为空：请用 --password 给出密码，或不写 --password（保留原密码）。")
    if "\x00" in password:
        raise _refuse("密码不能包含空字符。")


def _check_existing(s: Session, role: str) -> bool:
    """Whether the role exists; raises with the reason when it exists but must not become a unit's login."""
    facts = (
        s.execute(
            ROLE_FACTS,
            {
                "role": role,
                "office": OFFICE_GROUP,
                "unit_group": GROUP,
                "login_table": UnitLogin.__tablename__,
            },
        )
        .mappings()
        .first()
    )
    if facts is None:
        if role.startswith("pg_"):
            raise _refuse(f"以 pg_ 开头的账号名“{role}”由 PostgreSQL 保留给系统角色，请换一个账号名。")
        return False
    who = f"账号“{role}”"
    if facts["superuser"]:
        raise _refuse(f"{who}是超级用户，不受行级安全限制，不能作为单位账号。")
    if facts["bypassrls"]:
        raise _refuse(f"{who}有 BYPASSRLS 属性（绕过行级安全），不能作为单位账号。")
    if facts["connected"]:
        raise _refuse(f"{who}是本次连接数据库所用的账号（办公室账号），不能作为单位账号。")
    if facts["owns_database"] or facts["owns_tables"]:
        raise _refuse(
            f"{who}是数据库或 PlanDesk 数据表的所有者（办公室账号），不受行级安全限制，不能作为单位账号。"
        )
    if facts["office"]:
        raise _refuse(f"{who}属于办公室账号组 {OFFICE_GROUP}，不能同时作为单位账号。")
    if role.startswith("pg_"):
        raise _refuse(f"{who}是 PostgreSQL 的系统角色，不是 PlanDesk 建立的单位账号，不能使用。")
    if not facts["unit"]:
        raise _refuse(
            f"{who}已存在，但不是 PlanDesk 建立的单位账号；为免改变另有用途的账号的权限，"
            "PlanDesk 不会把它改作单位账号。请换一个新的账号名。"
        )
    if facts["powers"]:
        raise _refuse(
            f"{who}有建立角色、建立数据库或复制的权限（CREATEROLE、CREATEDB、REPLICATION），不能作为单位账号。"
        )
    if facts["other_groups"]:
        raise _refuse(
            f"{who}还属于其他角色（{facts['other_groups']}），可能因此有超出本单位的权限，不能作为单位账号。"
        )
    return True


def _password_literal(s: Session, role: str, password: str) -> str:
    """The PASSWORD clause's literal: a SCRAM verifier made here, so the password itself never reaches the server."""
    raw: Any = s.connection().connection.dbapi_connection
    pgconn = getattr(
        raw, "pgconn", None
    )  # psycopg 3; another driver sends the password for the server to hash
    secret = password
    if pgconn is not None:
        secret = bytes(pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256")).decode()
    return "'" + secret.replace("'", "''") + "'"


def _join_group(s: Session, role: str) -> None:
    # PostgreSQL 16 and later: the login takes the group's rights but cannot SET ROLE to it.
    version = int(s.scalar(text("SELECT current_setting('server_version_num')")) or 0)
    s.execute(text(f'GRANT {GROUP} TO "{role}"' + (" WITH SET FALSE" if version >= 160000 else "")))


def grant_unit_login(db: Database, *, unit: str, role: str, password: str | None = None) -> UnitLoginInfo:
    """Make ``role`` a PostgreSQL login for ``unit`` (created when missing); needs an office role with CREATEROLE.

    Refuses a role row security would not hold or that already serves another purpose; ``password`` is set
    (created or not); a login that spoke for another unit moves, and the result says from which.
    """
    if db.engine.dialect.name != "postgresql":
        raise PlanDeskError(
            "单位账号只适用于 PostgreSQL 服务器数据库；本地 SQLite 数据库文件没有登录账号。", field="role"
        )
    _check_name(role)
    _check_password(password)
    with db.write(cause=f"设置单位账号：{role}") as s:
        u = resolve_unit(s, unit)
        exists = _check_existing(s, role)
        if not s.scalar(text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")):
            raise _refuse(
                "本次连接数据库所用的账号没有建立和管理账号的权限（CREATEROLE），请由服务器管理员操作。"
            )
        if not exists:
            s.execute(
                text(
                    f'CREATE ROLE "{role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT'
                )
            )
        if password is not None:
            # Not text(): a colon in the literal would be read as a bind parameter.
            s.connection().exec_driver_sql(
                f'ALTER ROLE "{role}" PASSWORD {_password_literal(s, role, password)}'
            )
        _join_group(s, role)
        row = s.get(UnitLogin, role)
        previous: str | None = None
        if row is None:
            s.add(UnitLogin(role_name=role, unit_id=u.id))
        elif row.unit_id != u.id:
            before = s.get(Unit, row.unit_id)
            previous = before.name if before is not None else f"单位 {row.unit_id}"
            row.unit_id = u.id
        return UnitLoginInfo(role, u.id, u.name, not exists, password is not None, previous)


def unit_logins(db: Database) -> list[UnitLoginInfo]:
    with db.read() as s:
        rows = s.execute(
            select(UnitLogin.role_name, Unit.id, Unit.name).join(Unit).order_by(UnitLogin.role_name)
        ).all()
    return [UnitLoginInfo(r, i, n) for r, i, n in rows]
