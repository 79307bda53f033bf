"""Row security a unit's own login cannot switch off, escape or read past (PostgreSQL)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 18:40:00

Attacks with a unit's own login and hand-written SQL (tests/reliability/test_rls_attacks.py) got past 0008:

- Who a login is. pd_login_unit() read current_user and named unit_login without a schema, and a login with no
  unit counted as the office: a unit became the office with SET ROLE plandesk_unit, or any unit or the office
  with a temporary table of its own named unit_login. Now pd_login_unit() and pd_is_office() are SECURITY
  DEFINER with a fixed search_path, name their table with its schema and read session_user (the login, whatever
  role it sets). A login that is no unit writes nothing; the office is named: members of the group role
  plandesk_office, which holds the office's rights (the tables' owner and superusers pass row security anyway).
  Roles that could write assignments directly (offices' own logins) join plandesk_office so they keep writing.
- The office's secrets. setting's exchange.signing_key and exchange.secret, and the audit rows of setting (which
  carry their values), are read by the office only.
- Locks and columns. Any table-wide UPDATE lets LOCK TABLE take every mode, ACCESS EXCLUSIVE included: units now
  hold UPDATE only on the assignment columns a report moves and nothing else beyond INSERT, so a unit may lock
  no table against the office. A unit records only 签收 and 反馈 steps, moves its assignment only to 已签收 or
  已反馈, adds nothing to closed (办结, 销号) or archived work, and adds audit rows only about what it may write;
  a trigger keeps 暂缓 and 未开始 the office's, the version rising by one and percents within 0-100.
- TEMP on the database and CREATE on the schema are taken from PUBLIC (plandesk_office keeps TEMP). Where the
  role running this does not own the database or the schema, PostgreSQL only warns: the functions above do not
  depend on it.
On PostgreSQL 16 and later unit logins hold plandesk_unit WITH SET FALSE. SQLite: nothing (a file has no logins).
"""
from __future__ import annotations

from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

UNIT = "plandesk_unit"
OFFICE = "plandesk_office"
SECRET_SETTINGS = "('exchange.signing_key', 'exchange.secret')"
# The columns a report or a 签收 moves (workflow.note_report, workflow.apply_step; the ORM's version and stamp).
UNIT_ASSIGNMENT_COLUMNS = "status, percent, workflow_state, version, updated_at"
UNIT_STEPS = "(('acknowledge', 'acknowledged'), ('report', 'reported'))"  # 签收 and 反馈, with the state each leads to
UNIT_STATES = "('acknowledged', 'reported')"
# PlanDesk words "permission denied for" as a unit's lack of rights (storage.health); psql shows the Chinese too.
REFUSED = "permission denied for table assignment: 单位账号不能修改该分工的"
GUARDED = ("assignment", "progress_entry", "workflow_step", "setting", "audit_entry")
OLD_GUARDED = ("assignment", "progress_entry", "workflow_step")  # what 0008 guarded


def _ignoring_refusal(statement: str) -> str:
    """Run ``statement`` in a block that notes, not fails, when this role may not grant or revoke it."""
    return (
        "DO $pd$ BEGIN " + statement + "; "
        "EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN "
        "RAISE NOTICE 'PlanDesk: %', SQLERRM; END $pd$"
    )


def _upgrade_statements(schema: str) -> list[str]:
    office = f"(SELECT {schema}.pd_is_office())"
    login_unit = f"(SELECT {schema}.pd_login_unit())"
    # The unit's own work that is still open: nothing is added to closed (办结, 销号) or archived assignments.
    own_assignment = (
        f"assignment_id IN (SELECT a.id FROM {schema}.assignment a WHERE a.unit_id = {login_unit} "
        "AND a.workflow_state NOT IN ('closed', 'struck_off') AND NOT a.archived)"
    )
    statements = [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{OFFICE}') "
        f"THEN CREATE ROLE {OFFICE} NOLOGIN; END IF; END $$",
        # The login, not the current role: SET ROLE changes current_user but never session_user.
        f"CREATE OR REPLACE FUNCTION {schema}.pd_login_unit() RETURNS integer "
        "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS "
        f"$$ SELECT unit_id FROM {schema}.unit_login WHERE role_name = session_user::text $$",
        f"CREATE OR REPLACE FUNCTION {schema}.pd_is_office() RETURNS boolean "
        "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS "
        f"$$ SELECT pg_has_role(session_user, '{OFFICE}', 'MEMBER') "
        f"AND NOT EXISTS (SELECT 1 FROM {schema}.unit_login WHERE role_name = session_user::text) $$",
        # What a policy cannot see (the row before the change): a unit leaves closed and archived work alone,
        # moves the status only forward (暂缓 and 未开始 are the office's), the version by one, percent within 0-100.
        f"CREATE OR REPLACE FUNCTION {schema}.pd_unit_assignment_check() RETURNS trigger "
        "LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$ BEGIN "
        f"IF {schema}.pd_login_unit() IS NULL THEN RETURN NEW; END IF; "
        "IF OLD.workflow_state IN ('closed', 'struck_off') OR OLD.archived THEN "
        f"RAISE EXCEPTION '{REFUSED}已办结、已销号或已归档的分工只能由办公室修改' USING ERRCODE = 'insufficient_privilege'; END IF; "
        "IF NEW.status IS DISTINCT FROM OLD.status AND NEW.status NOT IN ('in_progress', 'done') THEN "
        f"RAISE EXCEPTION '{REFUSED}状态：暂缓等状态由办公室决定' USING ERRCODE = 'insufficient_privilege'; END IF; "
        "IF NEW.percent NOT BETWEEN 0 AND 100 OR NEW.version IS DISTINCT FROM OLD.version + 1 THEN "
        f"RAISE EXCEPTION '{REFUSED}完成百分比或版本号' USING ERRCODE = 'insufficient_privilege'; END IF; "
        "RETURN NEW; END $$",
        f"DROP TRIGGER IF EXISTS pd_unit_assignment_check ON {schema}.assignment",
        # Fired only by changes a unit may not always make: the office's usual updates cost no call.
        f"CREATE TRIGGER pd_unit_assignment_check BEFORE UPDATE ON {schema}.assignment FOR EACH ROW "
        "WHEN (OLD.workflow_state IN ('closed', 'struck_off') OR OLD.archived OR NEW.status IS DISTINCT FROM OLD.status "
        "OR NEW.percent NOT BETWEEN 0 AND 100 OR NEW.version IS DISTINCT FROM OLD.version + 1) "
        f"EXECUTE FUNCTION {schema}.pd_unit_assignment_check()",
        # Units: no table-wide UPDATE (it would let LOCK TABLE take any mode), only the columns a report moves.
        f"REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA {schema} FROM {UNIT}",
        f"REVOKE CREATE ON SCHEMA {schema} FROM {UNIT}",
        f"GRANT UPDATE ({UNIT_ASSIGNMENT_COLUMNS}) ON {schema}.assignment TO {UNIT}",
        # The office's group holds what the office does.
        f"GRANT USAGE ON SCHEMA {schema} TO {OFFICE}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {OFFICE}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {schema} TO {OFFICE}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {OFFICE}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {OFFICE}",
        # Offices' own logins that could write assignments stay the office (units never could insert one).
        "DO $$ DECLARE r record; BEGIN FOR r IN SELECT rolname FROM pg_roles "
        f"WHERE NOT rolsuper AND rolname NOT LIKE 'pg\\_%' AND rolname NOT IN ('{UNIT}', '{OFFICE}') "
        f"AND NOT pg_has_role(oid, '{UNIT}', 'MEMBER') "
        f"AND NOT pg_has_role(oid, (SELECT relowner FROM pg_class WHERE oid = '{schema}.assignment'::regclass), 'MEMBER') "
        f"AND rolname NOT IN (SELECT role_name FROM {schema}.unit_login) "
        f"AND has_table_privilege(oid, '{schema}.assignment', 'INSERT') "
        f"LOOP BEGIN EXECUTE format('GRANT {OFFICE} TO %I', r.rolname); "
        "EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN "
        "RAISE NOTICE 'PlanDesk: %', SQLERRM; END; END LOOP; END $$",
        # PostgreSQL 16 and later: a unit login cannot even SET ROLE to its group.
        "DO $$ DECLARE r record; BEGIN "
        "IF current_setting('server_version_num')::int >= 160000 THEN "
        f"FOR r IN SELECT role_name FROM {schema}.unit_login WHERE role_name IN (SELECT rolname FROM pg_roles) LOOP "
        f"BEGIN EXECUTE format('GRANT {UNIT} TO %I WITH SET FALSE', r.role_name); "
        "EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN "
        "RAISE NOTICE 'PlanDesk: %', SQLERRM; END; END LOOP; END IF; END $$",
        # Nothing of a unit's own may shadow PlanDesk's tables.
        _ignoring_refusal("EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database())"),
        _ignoring_refusal(f"EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO {OFFICE}', current_database())"),
        _ignoring_refusal(f"REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC"),
    ]
    for table in OLD_GUARDED:
        statements += [f"DROP POLICY IF EXISTS {name} ON {schema}.{table}" for name in ("pd_read", "pd_office", "pd_own_unit")]
    for table in GUARDED:
        statements += [
            f"ALTER TABLE {schema}.{table} ENABLE ROW LEVEL SECURITY",
            f"CREATE POLICY pd_office ON {schema}.{table} USING ({office}) WITH CHECK ({office})",
        ]
    statements += [
        f"CREATE POLICY pd_read ON {schema}.assignment FOR SELECT USING (true)",
        f"CREATE POLICY pd_own_unit ON {schema}.assignment FOR UPDATE USING (unit_id = {login_unit}) "
        f"WITH CHECK (unit_id = {login_unit} AND workflow_state IN {UNIT_STATES})",
        f"CREATE POLICY pd_read ON {schema}.progress_entry FOR SELECT USING (true)",
        f"CREATE POLICY pd_own_unit ON {schema}.progress_entry FOR INSERT "
        f"WITH CHECK ({own_assignment} AND (percent IS NULL OR percent BETWEEN 0 AND 100))",
        f"CREATE POLICY pd_read ON {schema}.workflow_step FOR SELECT USING (true)",
        f"CREATE POLICY pd_own_unit ON {schema}.workflow_step FOR INSERT "
        f"WITH CHECK ({own_assignment} AND (step, to_state) IN {UNIT_STEPS})",
        f"CREATE POLICY pd_read ON {schema}.setting FOR SELECT USING (key NOT IN {SECRET_SETTINGS} OR {office})",
        f"CREATE POLICY pd_read ON {schema}.audit_entry FOR SELECT USING (table_name <> 'setting' OR {office})",
        f"CREATE POLICY pd_own_unit ON {schema}.audit_entry FOR INSERT "
        f"WITH CHECK ({login_unit} IS NOT NULL AND table_name IN ('assignment', 'progress_entry', 'workflow_step'))",
    ]
    return statements


def _downgrade_statements(schema: str) -> list[str]:
    """Back to 0008's policies and grants (the group role stays: roles belong to the whole server)."""
    statements = [
        f"DROP POLICY IF EXISTS {name} ON {schema}.{table}"
        for table in GUARDED
        for name in ("pd_read", "pd_office", "pd_own_unit")
    ]
    statements += [
        f"ALTER TABLE {schema}.setting DISABLE ROW LEVEL SECURITY",
        f"ALTER TABLE {schema}.audit_entry DISABLE ROW LEVEL SECURITY",
        f"DROP TRIGGER IF EXISTS pd_unit_assignment_check ON {schema}.assignment",
        f"DROP FUNCTION IF EXISTS {schema}.pd_unit_assignment_check()",
        f"DROP FUNCTION IF EXISTS {schema}.pd_is_office()",
        f"CREATE OR REPLACE FUNCTION {schema}.pd_login_unit() RETURNS integer LANGUAGE sql STABLE AS "
        "$$ SELECT unit_id FROM unit_login WHERE role_name = current_user $$",
        f"REVOKE UPDATE ON {schema}.assignment FROM {UNIT}",
        f"GRANT INSERT, UPDATE ON {schema}.progress_entry, {schema}.workflow_step TO {UNIT}",
        f"GRANT UPDATE ON {schema}.assignment TO {UNIT}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} REVOKE ALL ON TABLES FROM {OFFICE}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} REVOKE ALL ON SEQUENCES FROM {OFFICE}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {OFFICE}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {OFFICE}",
        f"REVOKE ALL ON SCHEMA {schema} FROM {OFFICE}",
        _ignoring_refusal(f"EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM {OFFICE}', current_database())"),
        _ignoring_refusal("EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO PUBLIC', current_database())"),
    ]
    for table in OLD_GUARDED:
        own = (
            "unit_id = pd_login_unit()"
            if table == "assignment"
            else "assignment_id IN (SELECT id FROM assignment WHERE unit_id = pd_login_unit())"
        )
        statements += [
            f"CREATE POLICY pd_read ON {schema}.{table} FOR SELECT USING (true)",
            f"CREATE POLICY pd_office ON {schema}.{table} USING (pd_login_unit() IS NULL) "
            "WITH CHECK (pd_login_unit() IS NULL)",
            f"CREATE POLICY pd_own_unit ON {schema}.{table} USING ({own}) WITH CHECK ({own})",
        ]
    return statements


def _schema() -> str:
    """The schema PlanDesk's tables are in (the migration's own search_path put them there), quoted."""
    return op.get_bind().exec_driver_sql(
        "SELECT quote_ident(n.nspname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.oid = 'unit_login'::regclass"
    ).scalar_one()


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _upgrade_statements(_schema()):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _downgrade_statements(_schema()):
            op.execute(statement)
