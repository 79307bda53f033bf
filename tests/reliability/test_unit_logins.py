"""Unit logins on PostgreSQL: a unit's own role writes its own progress and nothing of another unit's."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from rel_helpers import PG_URL, cli, task_ids
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from desktop.errors import PlanDeskError
from desktop.models import ProgressEntry
from desktop.services.core.unit_logins import unit_logins
from desktop.services.supervision.assignments import add_progress, create_assignment, update_assignment
from desktop.storage import Database, open_database

ROLE = "pd_test_unit_jianguan"


def test_a_unit_login_writes_only_its_own_units_progress(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = task_ids(db)
    own = create_assignment(db, node_id=ids["1."], unit="区市场监管局")
    other = create_assignment(db, node_id=ids["2."], unit="区发展改革委")
    code, out, err = cli(capsys, "--db", db_url, "unit-login", "--unit", "区市场监管局", "--role", ROLE)
    if not PG_URL:  # a SQLite file has no logins, and says so
        assert code == 1 and "只适用于 PostgreSQL" in err
        return
    assert code == 0 and "只能登记该单位的进展" in out, err
    assert [(u.role, u.unit_name) for u in unit_logins(db)] == [(ROLE, "区市场监管局")]
    as_unit = make_url(db_url).set(username=ROLE, password=None).render_as_string(hide_password=False)
    with open_database(as_unit, operator="监管局联络员") as unit_db:
        entry = add_progress(unit_db, assignment_id=own.id, period="2025-03", text="本单位的进展", percent=40)
        assert entry.percent == 40
        # Locking another unit's assignment for the report finds no row the login may change.
        with pytest.raises(PlanDeskError, match="单位账号只能登记本单位的进展|找不到编号为"):
            add_progress(unit_db, assignment_id=other.id, period="2025-03", text="替别的单位填")
        with pytest.raises(PlanDeskError, match="单位账号只能登记本单位的进展"), unit_db.write() as s:
            s.add(ProgressEntry(assignment_id=other.id, period="2025-03", text="绕过界面直接写入"))
        with pytest.raises(PlanDeskError):
            update_assignment(unit_db, assignment_id=other.id, remarks="改别人的分工")
    with db.read() as s:
        rows = s.execute(
            select(ProgressEntry.assignment_id, func.count()).group_by(ProgressEntry.assignment_id)
        )
        assert dict(rows.all()) == {own.id: 1}
    # the office is not restricted
    add_progress(db, assignment_id=other.id, period="2025-03", text="办公室代为登记")


# ``unit-login`` refuses a role that row security would not hold, sets the password it is given, and says when a
# login moves to another unit. PostgreSQL only: roles are the server's.
STRANGER = "pd_test_unit_stranger"
BYPASSER = "pd_test_unit_bypasser"
OWNER = "pd_test_unit_owner"
OFFICE_MEMBER = "pd_test_unit_office_member"
MOVED = "pd_test_unit_moved"
TEST_ROLES = (STRANGER, BYPASSER, OWNER, OFFICE_MEMBER, MOVED)
on_postgres = pytest.mark.skipif(not PG_URL, reason="单位账号只存在于 PostgreSQL 服务器数据库")


def admin(db_url: str) -> psycopg.Connection:
    return psycopg.connect(
        make_url(db_url).set(drivername="postgresql").render_as_string(hide_password=False), autocommit=True
    )


def drop_test_roles(db_url: str) -> None:
    with admin(db_url) as conn:
        for role in TEST_ROLES:
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
                conn.execute(f'REASSIGN OWNED BY "{role}" TO CURRENT_USER')
                conn.execute(f'DROP OWNED BY "{role}"')
                conn.execute(f'DROP ROLE "{role}"')


@pytest.fixture
def roles(db: Database, db_url: str) -> Iterator[psycopg.Connection]:
    drop_test_roles(db_url)
    task_ids(db)  # the plan's units
    with admin(db_url) as conn:
        yield conn
    drop_test_roles(db_url)


def member_of_unit_group(conn: psycopg.Connection, role: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member "
        "WHERE g.rolname = 'plandesk_unit' AND r.rolname = %s",
        (role,),
    ).fetchone()
    return row is not None


@on_postgres
def test_unit_login_refuses_roles_that_row_security_does_not_hold(
    db: Database, db_url: str, roles: psycopg.Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    roles.execute(f"CREATE ROLE {STRANGER} LOGIN")
    roles.execute(f"CREATE ROLE {BYPASSER} LOGIN BYPASSRLS IN ROLE plandesk_unit")
    roles.execute(f"CREATE ROLE {OWNER} LOGIN IN ROLE plandesk_unit")
    roles.execute(f"ALTER TABLE progress_entry OWNER TO {OWNER}")  # the office's role owns PlanDesk's tables
    cases = {
        "postgres": "超级用户",
        make_url(db_url).username or "postgres": "超级用户",
        "pg_monitor": "不是 PlanDesk 建立的单位账号",
        STRANGER: "不是 PlanDesk 建立的单位账号",
        BYPASSER: "BYPASSRLS",
        OWNER: "办公室",
    }
    for role, reason in cases.items():
        code, out, err = cli(capsys, "--db", db_url, "unit-login", "--unit", "区市场监管局", "--role", role)
        assert code == 1 and reason in err and "未作任何改动" in err, (role, out, err)
    assert unit_logins(db) == []
    assert not member_of_unit_group(roles, STRANGER) and not member_of_unit_group(roles, "pg_monitor")
    assert roles.execute("SELECT rolsuper FROM pg_roles WHERE rolname = 'postgres'").fetchone() == (True,)


@on_postgres
def test_unit_login_refuses_a_member_of_the_office_group(
    db: Database, db_url: str, roles: psycopg.Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    roles.execute(f"CREATE ROLE {OFFICE_MEMBER} LOGIN IN ROLE plandesk_office")
    code, _out, err = cli(
        capsys, "--db", db_url, "unit-login", "--unit", "区市场监管局", "--role", OFFICE_MEMBER
    )
    assert code == 1 and "办公室" in err
    assert not member_of_unit_group(roles, OFFICE_MEMBER) and unit_logins(db) == []


@on_postgres
def test_unit_login_sets_the_password_and_says_when_a_login_moves(
    db: Database, db_url: str, roles: psycopg.Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    def stored() -> str | None:
        row = roles.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (MOVED,)).fetchone()
        assert row is not None
        return row[0]

    code, out, err = cli(
        capsys,
        "--db",
        db_url,
        "unit-login",
        "--unit",
        "区市场监管局",
        "--role",
        MOVED,
        "--password",
        "第一个密码",
    )
    assert code == 0 and "已设置密码" in out, err
    first = stored()
    assert first is not None and first.startswith("SCRAM-SHA-256$")
    assert roles.execute(
        "SELECT rolsuper, rolbypassrls, rolcreaterole FROM pg_roles WHERE rolname = %s", (MOVED,)
    ).fetchone() == (False, False, False)
    # Again for the same unit with a new password: the password changes, nothing else is said.
    code, out, err = cli(
        capsys,
        "--db",
        db_url,
        "unit-login",
        "--unit",
        "区市场监管局",
        "--role",
        MOVED,
        "--password",
        "第二个密码",
    )
    assert code == 0 and "已设置密码" in out and "原来代表" not in out, err
    second = stored()
    assert second is not None and second != first
    # To another unit, without a password: the move is said, the password stays.
    code, out, err = cli(capsys, "--db", db_url, "unit-login", "--unit", "区发展改革委", "--role", MOVED)
    assert (
        code == 0 and "原来代表区市场监管局" in out and "区发展改革委" in out and "已设置密码" not in out
    ), err
    assert stored() == second
    assert [(u.role, u.unit_name) for u in unit_logins(db)] == [(MOVED, "区发展改革委")]
    code, _out, err = cli(
        capsys, "--db", db_url, "unit-login", "--unit", "区市场监管局", "--role", MOVED, "--password", ""
    )
    assert code == 1 and "密码不能为空" in err
