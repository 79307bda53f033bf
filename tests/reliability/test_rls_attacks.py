"""Attacks on row-level security by a unit's own PostgreSQL login, with hand-written SQL through psycopg.

Each test logs in as a unit (made by ``unit-login``) and tries what an attacker with the login's password could:
turn itself into the office, pose as another unit, read the office's secrets, lock the office out, or change
what only the office decides. The office (the test database's own login) then checks nothing changed.
PostgreSQL only: a SQLite file has no logins.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import errors
from rel_helpers import PG_URL, task_ids
from sqlalchemy import select
from sqlalchemy.engine import make_url

from desktop.models import Assignment, ProgressEntry, Setting
from desktop.services.core.settings import get_setting, set_setting
from desktop.services.core.unit_logins import grant_unit_login
from desktop.services.exchange.keystore import SECRET_KEY
from desktop.services.exchange.packages import SIGNING_KEY, export_package
from desktop.services.exchange.workbooks import export_workbooks
from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.services.supervision.workflow import acknowledge
from desktop.storage import Database, open_database

pytestmark = pytest.mark.skipif(not PG_URL, reason="单位账号只存在于 PostgreSQL 服务器数据库")

ROLE = "pd_test_rls_attacker"
OWN_UNIT = "区市场监管局"
OTHER_UNIT = "区发展改革委"
# Every mode stronger than ROW EXCLUSIVE: each blocks the office's writes or reads of the whole table.
STRONG_LOCKS = ("SHARE UPDATE EXCLUSIVE", "SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE")


def unit_conninfo(db_url: str, role: str) -> str:
    return (
        make_url(db_url)
        .set(drivername="postgresql", username=role, password=None)
        .render_as_string(hide_password=False)
    )


def admin_conninfo(db_url: str) -> str:
    return make_url(db_url).set(drivername="postgresql").render_as_string(hide_password=False)


def drop_role(conninfo: str, role: str) -> None:
    with psycopg.connect(conninfo, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
            conn.execute(f'REASSIGN OWNED BY "{role}" TO CURRENT_USER')
            conn.execute(f'DROP OWNED BY "{role}"')
            conn.execute(f'DROP ROLE "{role}"')


@dataclass
class Setup:
    db: Database
    db_url: str
    plan_id: int
    own: int  # assignment ids
    own_fresh: int  # the unit's, not yet acknowledged
    other: int
    own_unit: int  # unit ids
    other_unit: int

    @contextlib.contextmanager
    def attacker(self) -> Iterator[psycopg.Connection]:
        """The unit's login, as psql or a script would use it (each statement its own transaction)."""
        with psycopg.connect(unit_conninfo(self.db_url, ROLE), autocommit=True) as conn:
            conn.execute("SET lock_timeout = '5s'")
            yield conn

    @contextlib.contextmanager
    def admin(self) -> Iterator[psycopg.Connection]:
        with psycopg.connect(admin_conninfo(self.db_url), autocommit=True) as conn:
            yield conn

    def unit_url(self) -> str:
        """The same login for PlanDesk itself (SQLAlchemy's URL)."""
        return make_url(self.db_url).set(username=ROLE, password=None).render_as_string(hide_password=False)

    def entries(self, assignment_id: int) -> int:
        with self.db.read() as s:
            return len(
                s.scalars(select(ProgressEntry.id).where(ProgressEntry.assignment_id == assignment_id)).all()
            )

    def assignment(self, assignment_id: int) -> Any:
        """The assignment's columns as the office reads them now."""
        with self.db.read() as s:
            return s.execute(select(Assignment.__table__).where(Assignment.id == assignment_id)).one()


@pytest.fixture
def setup(db: Database, db_url: str) -> Iterator[Setup]:
    drop_role(admin_conninfo(db_url), ROLE)  # a login left by an earlier, interrupted run
    ids = task_ids(db)
    own = create_assignment(db, node_id=ids["1."], unit=OWN_UNIT, deadline="2025-06-30")
    other = create_assignment(db, node_id=ids["2."], unit=OTHER_UNIT, deadline="2025-06-30")
    fresh = create_assignment(db, node_id=ids["3."], unit=OWN_UNIT)
    grant_unit_login(db, unit=OWN_UNIT, role=ROLE)
    yield Setup(db, db_url, ids["plan"], own.id, fresh.id, other.id, own.unit_id, other.unit_id)
    drop_role(admin_conninfo(db_url), ROLE)


def insert_entry(conn: psycopg.Connection, assignment_id: int, text: str, entered_by: str = "联络员") -> None:
    """A progress entry written by hand, every column the table needs."""
    conn.execute(
        "INSERT INTO progress_entry (uid, assignment_id, period, text, percent, problems, next_steps, entered_by, "
        "entered_at, source, version, created_at, updated_at) VALUES (md5(random()::text), %s, '2025-03', %s, 10, "
        "'', '', %s, now(), 'manual', 1, now(), now())",
        (assignment_id, text, entered_by),
    )


def insert_step(conn: psycopg.Connection, assignment_id: int, step: str, to_state: str) -> None:
    conn.execute(
        "INSERT INTO workflow_step (assignment_id, step, from_state, to_state, at, actor, note, created_at, "
        "updated_at) VALUES (%s, %s, 'reported', %s, now(), '联络员', '', now(), now())",
        (assignment_id, step, to_state),
    )


def changed_rows(conn: psycopg.Connection, sql: str, params: tuple[object, ...]) -> int:
    """Rows an UPDATE changed; 0 when row security hides them, and a refusal counts as 0 too."""
    try:
        return conn.execute(sql, params).rowcount
    except errors.InsufficientPrivilege:
        return 0


# 1. SET ROLE: the login's identity must not change with the role it switches to.


def test_set_role_does_not_turn_a_unit_into_the_office(setup: Setup) -> None:
    with setup.attacker() as conn:
        with contextlib.suppress(errors.InsufficientPrivilege):  # PostgreSQL 16 refuses it outright
            conn.execute("SET ROLE plandesk_unit")
        with pytest.raises(errors.InsufficientPrivilege):
            insert_entry(conn, setup.other, "SET ROLE 之后替别的单位填")
        assert changed_rows(conn, "UPDATE assignment SET percent = 99 WHERE id = %s", (setup.other,)) == 0
        with pytest.raises(errors.InsufficientPrivilege):
            insert_step(conn, setup.other, "report", "reported")
        # Still the unit it is, whatever the current role: its own work goes on.
        assert conn.execute("SELECT pd_login_unit()").fetchone() == (setup.own_unit,)
        insert_entry(conn, setup.own, "本单位的进展")
        conn.execute("RESET ROLE")
        with pytest.raises(errors.InsufficientPrivilege):  # not a member: the office's group is out of reach
            conn.execute("SET ROLE plandesk_office")
    assert setup.entries(setup.other) == 0 and setup.entries(setup.own) == 1
    assert setup.assignment(setup.other).percent == 0


def test_an_unknown_login_is_not_the_office(setup: Setup) -> None:
    """A login of plandesk_unit without a unit_login row (another database's unit, a row deleted) may write nothing."""
    with setup.admin() as admin:
        admin.execute("DELETE FROM unit_login WHERE role_name = %s", (ROLE,))
    with setup.attacker() as conn:
        assert conn.execute("SELECT pd_login_unit()").fetchone() == (None,)
        for target in (setup.own, setup.other):
            with pytest.raises(errors.InsufficientPrivilege):
                insert_entry(conn, target, "没有单位的账号")
            assert changed_rows(conn, "UPDATE assignment SET percent = 99 WHERE id = %s", (target,)) == 0
    assert setup.entries(setup.own) == setup.entries(setup.other) == 0


# 2. A table of its own named unit_login must not make the login another unit, or the office.


def test_a_unit_login_cannot_create_temporary_tables(setup: Setup) -> None:
    with setup.attacker() as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute("CREATE TEMP TABLE unit_login (role_name text, unit_id integer)")


def test_a_temporary_unit_login_table_changes_nothing(setup: Setup) -> None:
    # As on a server where TEMP could not be taken back (the migration not run by the database's owner).
    with setup.admin() as admin:
        admin.execute(f'GRANT TEMP ON DATABASE "{make_url(setup.db_url).database}" TO "{ROLE}"')
    with setup.attacker() as conn:
        conn.execute("CREATE TEMP TABLE unit_login (role_name text, unit_id integer)")
        conn.execute(
            "INSERT INTO unit_login VALUES (session_user, %s), (current_user, %s)",
            (setup.other_unit, setup.other_unit),
        )
        assert conn.execute("SELECT pd_login_unit()").fetchone() == (setup.own_unit,)
        with pytest.raises(errors.InsufficientPrivilege):
            insert_entry(conn, setup.other, "冒充别的单位")
        assert changed_rows(conn, "UPDATE assignment SET percent = 99 WHERE id = %s", (setup.other,)) == 0
        conn.execute("DELETE FROM unit_login")  # no row at all: before, that made the login the office
        with pytest.raises(errors.InsufficientPrivilege):
            insert_entry(conn, setup.other, "冒充办公室")
        assert changed_rows(conn, "UPDATE assignment SET percent = 99 WHERE id = %s", (setup.other,)) == 0
    assert setup.entries(setup.other) == 0 and setup.assignment(setup.other).percent == 0


# 3. The office's secrets: the package signing key and the workbook secret.


def test_a_unit_login_reads_none_of_the_offices_secrets(setup: Setup, tmp_path: Path) -> None:
    plan_id = setup.plan_id
    export_package(setup.db, plan_id=plan_id, path=tmp_path / "交换包.pdx")
    export_workbooks(setup.db, plan_id=plan_id, all_units=True, out=tmp_path / "反馈表")
    set_setting(setup.db, "evidence.max_mb", 7)
    with setup.db.read() as s:
        secrets = [str(s.get(Setting, key).value) for key in (SIGNING_KEY, SECRET_KEY)]  # type: ignore[union-attr]
    assert all(len(secret) >= 32 for secret in secrets)
    with setup.attacker() as conn:
        tables = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        assert "setting" in tables and "audit_entry" in tables
        for table in tables:
            try:
                rows = conn.execute(f'SELECT t::text FROM public."{table}" AS t').fetchall()
            except errors.InsufficientPrivilege:
                continue
            seen = "\n".join(r[0] for r in rows)
            for secret in secrets:
                assert secret not in seen, f"单位账号从 {table} 读到了办公室的密钥"
        keys = {r[0] for r in conn.execute("SELECT key FROM setting")}
        assert SIGNING_KEY not in keys and SECRET_KEY not in keys
        assert "evidence.max_mb" in keys
    # The unit's own client still reads the settings it works by.
    with open_database(setup.unit_url(), operator="监管局联络员") as unit_db:
        assert get_setting(unit_db, "evidence.max_mb") == 7
        assert get_setting(unit_db, SIGNING_KEY) is None


# 4. Locks: a unit may not take a lock that keeps the office out of a table.


def test_a_unit_login_cannot_lock_the_office_out(setup: Setup) -> None:
    with setup.attacker() as conn:
        tables = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        taken = []
        for table in tables:
            for mode in STRONG_LOCKS:
                try:
                    with conn.transaction():
                        conn.execute(f'LOCK TABLE public."{table}" IN {mode} MODE NOWAIT')
                    taken.append(f"{table} {mode}")
                except errors.InsufficientPrivilege:
                    pass
        assert taken == []
        with pytest.raises(errors.InsufficientPrivilege), conn.transaction():
            conn.execute("LOCK TABLE assignment IN ACCESS EXCLUSIVE MODE")
        # Its own row it may still lock while it reports (the client's SELECT … FOR UPDATE).
        with conn.transaction():
            locked = conn.execute(
                "SELECT id FROM assignment WHERE id = %s FOR UPDATE", (setup.own,)
            ).fetchall()
            assert locked == [(setup.own,)]
            assert (
                conn.execute("SELECT id FROM assignment WHERE id = %s FOR UPDATE", (setup.other,)).fetchall()
                == []
            )


# 6. Columns and steps only the office decides.


def test_a_unit_login_changes_only_what_its_reports_move(setup: Setup) -> None:
    add_progress(setup.db, assignment_id=setup.own, period="2025-02", text="办公室代填", percent=10)
    with setup.db.read() as s:
        entry_id = s.scalar(select(ProgressEntry.id).where(ProgressEntry.assignment_id == setup.own))
    refused = [
        ("UPDATE assignment SET deadline = '2030-12-31' WHERE id = %s", (setup.own,)),
        ("UPDATE assignment SET original_deadline = '2030-12-31' WHERE id = %s", (setup.own,)),
        ("UPDATE assignment SET node_id = node_id WHERE id = %s", (setup.own,)),
        ("UPDATE assignment SET unit_id = unit_id WHERE id = %s", (setup.own,)),
        ("UPDATE assignment SET archived = true WHERE id = %s", (setup.own,)),
        ("UPDATE assignment SET workflow_state = 'closed' WHERE id = %s", (setup.own,)),
        ("UPDATE assignment SET workflow_state = 'accepted' WHERE id = %s", (setup.own,)),
        ("UPDATE progress_entry SET entered_by = '办公室' WHERE id = %s", (entry_id,)),
        ("UPDATE progress_entry SET text = '改写的进展' WHERE id = %s", (entry_id,)),
        ("DELETE FROM progress_entry WHERE id = %s", (entry_id,)),
        (
            "UPDATE audit_entry SET operator = '别人' WHERE id = (SELECT max(id) FROM audit_entry) AND %s > 0",
            (1,),
        ),
        ("DELETE FROM audit_entry WHERE %s > 0", (1,)),
        ("DELETE FROM workflow_step WHERE assignment_id = %s", (setup.own,)),
    ]
    with setup.attacker() as conn:
        for sql, params in refused:
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(sql, params)
        for step, state in (("accept", "accepted"), ("close", "closed"), ("strike", "struck_off")):
            with pytest.raises(errors.InsufficientPrivilege):
                insert_step(conn, setup.own, step, state)
        with pytest.raises(errors.InsufficientPrivilege):  # audit rows only about what a unit writes
            conn.execute(
                "INSERT INTO audit_entry (at, operator, os_user, action, table_name, field, cause) "
                "VALUES (now(), '办公室', '', 'update', 'plan', 'title', '伪造')"
            )
        for sql in (
            "UPDATE assignment SET status = 'suspended' WHERE id = %s",  # 暂缓 is the office's to decide
            "UPDATE assignment SET status = 'not_started' WHERE id = %s",
            "UPDATE assignment SET version = version + 1000 WHERE id = %s",
            "UPDATE assignment SET percent = 1000, version = version + 1 WHERE id = %s",
        ):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(sql, (setup.own,))
        with pytest.raises(errors.InsufficientPrivilege):
            insert_step(conn, setup.own, "report", "closed")  # a 反馈 that claims to close the work
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("UPDATE progress_entry SET percent = 1000 WHERE id = %s", (entry_id,))
        # Work the office has closed stays closed.
        with setup.admin() as admin:
            admin.execute("UPDATE assignment SET workflow_state = 'closed' WHERE id = %s", (setup.own,))
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute(
                "UPDATE assignment SET workflow_state = 'reported', version = version + 1 WHERE id = %s",
                (setup.own,),
            )
        with pytest.raises(errors.InsufficientPrivilege):
            insert_entry(conn, setup.own, "已办结的事项再报进展")
        with pytest.raises(errors.InsufficientPrivilege):
            insert_step(conn, setup.own, "report", "reported")
    a = setup.assignment(setup.own)
    assert (a.deadline, a.workflow_state, a.archived, a.status) == (
        dt.date(2025, 6, 30),
        "closed",
        False,
        "in_progress",
    )
    assert setup.entries(setup.own) == 1
    # What the unit's own client does still works: 签收 and 反馈.
    with open_database(setup.unit_url(), operator="监管局联络员") as unit_db:
        acknowledge(unit_db, assignment_id=setup.own_fresh)
        add_progress(unit_db, assignment_id=setup.own_fresh, period="2025-03", text="本单位进展", percent=100)
    a = setup.assignment(setup.own_fresh)
    assert (a.workflow_state, a.percent) == ("reported", 100)


# The office is named, not guessed: a login of plandesk_office writes everything; one with rights but no name, nothing.

STAFF = "pd_test_rls_staff"
STRANGER = "pd_test_rls_stranger"


def test_the_office_is_who_plandesk_office_names(setup: Setup, tmp_path: Path) -> None:
    export_package(setup.db, plan_id=setup.plan_id, path=tmp_path / "交换包.pdx")  # makes the signing key
    admin_url = admin_conninfo(setup.db_url)
    for role in (STAFF, STRANGER):
        drop_role(admin_url, role)
    try:
        with setup.admin() as admin:
            admin.execute(f"CREATE ROLE {STAFF} LOGIN IN ROLE plandesk_office")
            # Every right on the tables, granted by hand, yet not named the office.
            admin.execute(f"CREATE ROLE {STRANGER} LOGIN")
            admin.execute(f"GRANT USAGE ON SCHEMA public TO {STRANGER}")
            admin.execute(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {STRANGER}")
            admin.execute(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {STRANGER}")
        staff_url = (
            make_url(setup.db_url).set(username=STAFF, password=None).render_as_string(hide_password=False)
        )
        with open_database(staff_url, operator="办公室职员") as staff_db:
            add_progress(
                staff_db, assignment_id=setup.other, period="2025-03", text="办公室代为登记", percent=20
            )
            set_setting(staff_db, "evidence.max_mb", 9)
            assert get_setting(staff_db, SIGNING_KEY) is not None
        with psycopg.connect(unit_conninfo(setup.db_url, STRANGER), autocommit=True) as conn:
            assert conn.execute("SELECT pd_is_office(), pd_login_unit()").fetchone() == (False, None)
            with pytest.raises(errors.InsufficientPrivilege):
                insert_entry(conn, setup.other, "有表权限却不是办公室")
            assert changed_rows(conn, "UPDATE assignment SET percent = 99 WHERE id = %s", (setup.other,)) == 0
            assert conn.execute("SELECT count(*) FROM setting WHERE key = %s", (SIGNING_KEY,)).fetchone() == (
                0,
            )
    finally:
        for role in (STAFF, STRANGER):
            drop_role(admin_url, role)
    assert setup.entries(setup.other) == 1 and setup.assignment(setup.other).percent == 20
    assert get_setting(setup.db, "evidence.max_mb") == 9
