"""Unit logins on PostgreSQL: a unit's own role writes its own progress and nothing of another unit's."""

from __future__ import annotations

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
