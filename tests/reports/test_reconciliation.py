"""One model behind every figure: report, brief, unit reports, dashboard, warnings, 报送情况 and 考核 agree.

Databases are generated: random assignments (lead and cooperating, several units, deadlines around the day of
the report, closed or archived ones), random reports for the month; the invariants must hold on every one.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from report_fixtures import MARKET, MONTH, SCIENCE, seed_xian
from sqlalchemy import select

from desktop.cli import main
from desktop.clock import fixed_today
from desktop.errors import PlanDeskError
from desktop.models import Assignment, PlanNode, ProgressEntry
from desktop.reports.monthly import render_monthly
from desktop.services.core.statistics import plan_statistics
from desktop.services.core.units import ensure_unit
from desktop.services.plans.plan_import import import_file
from desktop.services.reporting.report_data import gather_monthly
from desktop.services.supervision.scoring import unit_scores
from desktop.services.supervision.warnings import compute_warnings, reporting_status, unassigned_tasks
from desktop.storage import Database, open_database

from conftest import XIAN

UNITS = [MARKET, SCIENCE, "西安市财政局", "西安市工业和信息化局"]
FIRST = dt.date(2026, 3, 1)
counter = itertools.count()


@pytest.fixture(scope="module")
def xian_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, list[int]]:
    path = tmp_path_factory.mktemp("xian") / "xian.sqlite3"
    shutil.copyfile(template_db, path)
    db = open_database(path, operator="测试员")
    plan_id = import_file(db, path=XIAN, backup=False).plan_id
    with db.read() as s:
        tasks = list(
            s.scalars(
                select(PlanNode.id)
                .where(PlanNode.plan_id == plan_id, PlanNode.kind == "task")
                .order_by(PlanNode.position, PlanNode.id)
            )
        )
    db.close()
    return path, plan_id, tasks[:12]


assignment = st.fixed_dictionaries(
    {
        "task": st.integers(0, 11),
        "unit": st.integers(0, len(UNITS) - 1),
        "role": st.sampled_from(["lead", "co"]),
        "deadline": st.one_of(st.none(), st.integers(-70, 40)),
        "start": st.one_of(st.none(), st.integers(-90, 40)),
        "status": st.sampled_from(["not_started", "in_progress", "done", "suspended"]),
        "workflow": st.sampled_from(["assigned", "reported", "returned", "closed", "struck_off"]),
        "archived": st.booleans(),
        "reports": st.sampled_from([None, 40, 100]),
    }
)


def build(path: Path, rows: list[dict]) -> Database:
    db = open_database(path, operator="测试员")
    # Recorded before the month: each assignment exists from its start date (or from then, without one).
    with fixed_today(FIRST - dt.timedelta(days=100)), db.write() as s:
        units = [ensure_unit(s, name).id for name in UNITS]
        nodes = list(
            s.scalars(
                select(PlanNode.id).where(PlanNode.kind == "task").order_by(PlanNode.position, PlanNode.id)
            )
        )[:12]
        for r in rows:
            a = Assignment(
                node_id=nodes[r["task"]],
                unit_id=units[r["unit"]],
                role=r["role"],
                deadline=None if r["deadline"] is None else FIRST + dt.timedelta(days=r["deadline"]),
                start_date=None if r["start"] is None else FIRST + dt.timedelta(days=r["start"]),
                status=r["status"],
                percent=100 if r["status"] == "done" else 30,
                workflow_state=r["workflow"],
                archived=r["archived"],
            )
            s.add(a)
            s.flush()
            if r["reports"] is not None:
                s.add(ProgressEntry(assignment_id=a.id, period=MONTH, text="推进中", percent=r["reports"]))
    return db


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(assignment, min_size=1, max_size=25), day=st.integers(0, 30))
def test_every_count_agrees(xian_template, tmp_path, rows, day):
    template, plan_id, _ = xian_template
    path = tmp_path / f"gen{next(counter)}.sqlite3"
    shutil.copyfile(template, path)
    db = build(path, rows)
    try:
        as_of = FIRST + dt.timedelta(days=day)
        full = gather_monthly(db, plan_id=plan_id, month=MONTH, as_of=as_of, live=True)
        sm = full.summary
        # Each task once; the sections' totals agree with 总体情况.
        assert (
            len({t.node_id for t in full.tasks}) == len(full.tasks) == sm.tasks == sum(sm.by_status.values())
        )
        assert sm.unassigned == len(full.unassigned_tasks())
        lines = [a for t in full.tasks for a in t.assignments]
        assert sm.assignments == len(lines) == sum(u.tasks for u in full.units)
        assert sum(u.lead + u.co for u in full.units) == sm.assignments
        late = full.overdue_lines()
        assert sm.overdue_assignments == len(late) == sum(u.overdue for u in full.units)
        # A task is overdue when its lead's assignment is (the rulebook: the lead decides).
        deciding_late = {
            t.node_id for t, a in late if a.role == "lead" or not any(x.role == "lead" for x in t.assignments)
        }
        assert sm.overdue == len(deciding_late) == len(full.overdue_tasks)
        assert sm.not_reported == sum(u.not_reported for u in full.units)
        assert sm.due_soon_assignments == len(full.due_soon_lines())
        # The report's overdue set is the warnings' red set and 考核's overdue count.
        late_ids = {a.id for _, a in late}
        red = {
            w.assignment_id for w in compute_warnings(db, plan_id=plan_id, as_of=as_of) if w.colour == "red"
        }
        assert late_ids == red
        scores = {sc.unit: sc.overdue for sc in unit_scores(db, plan_id=plan_id, period=MONTH, as_of=as_of)}
        assert sum(scores.values()) == len(late_ids)
        assert {u.unit: u.overdue for u in full.units} == {k: v for k, v in scores.items() if v} | {
            u.unit: 0 for u in full.units if not u.overdue
        }
        # The dashboard counts the same tasks by the same statuses.
        stats = plan_statistics(db, plan_id=plan_id, as_of=as_of)
        assert stats.tasks == sm.tasks and stats.by_status == sm.by_status
        assert len(unassigned_tasks(db, plan_id=plan_id, as_of=as_of)) == sm.unassigned
        # 报送情况 names the same missing reports as the report's 未报送 (on the month's last day).
        end = gather_monthly(db, plan_id=plan_id, month=MONTH, live=True)
        missing = {a.id for t in end.tasks for a in t.assignments if a.missing_report}
        status = reporting_status(db, plan_id=plan_id, period=MONTH, as_of=end.as_of)
        assert missing == {i for u in status for i in u.missing_assignment_ids}
        # The brief counts exactly what the full report counts; a unit's report holds that unit's rows.
        brief = gather_monthly(db, plan_id=plan_id, month=MONTH, as_of=as_of, brief=True)
        assert brief.summary == sm and brief.units == full.units
        for u in full.units:
            mine = gather_monthly(db, plan_id=plan_id, month=MONTH, as_of=as_of, unit=u.unit, live=True)
            assert mine.summary.assignments == u.tasks and mine.summary.overdue_assignments == u.overdue
            assert mine.units == [u]
    finally:
        db.close()


def test_late_units_are_named_with_their_own_deadlines(db, tmp_path):
    """The lead is not blamed for a cooperating unit's deadline, and due-soon rows show their own date."""
    seed = seed_xian(db)
    data = gather_monthly(db, plan_id=seed.plan_id, month=MONTH)
    rows = {(a.unit, a.role, a.deadline) for _, a in data.overdue_lines()}
    assert (SCIENCE, "co", dt.date(2026, 2, 28)) in rows and (MARKET, "lead", dt.date(2026, 3, 30)) in rows
    assert all(a.deadline and a.deadline >= data.as_of for _, a in data.due_soon_lines())
    text = re.sub(
        r"\s+",
        "",
        "".join(p.extract_text() for p in PdfReader(render_monthly(data, tmp_path / "m.pdf")).pages),
    )
    attention = text.split("逾期及临期任务")[1].split("各单位推进情况")[0]
    assert f"{SCIENCE}（配合）2026-02-28已逾期31天" in attention
    assert "未报送：" in text and "未分工" in text
    units = text.split("各单位推进情况")[1].split("本月工作进展")[0]
    assert SCIENCE in units and f"合计{data.summary.assignments}" in units


def test_an_alias_names_the_unit_and_an_unknown_unit_is_refused(db, db_url, tmp_path, capsys):
    seed = seed_xian(db)
    data = gather_monthly(db, plan_id=seed.plan_id, month=MONTH, unit="市科技局")
    assert data.unit == SCIENCE and data.summary.assignments == 5
    with pytest.raises(PlanDeskError, match="未知单位“不存在的局”"):
        gather_monthly(db, plan_id=seed.plan_id, month=MONTH, unit="不存在的局")
    out = tmp_path / "u.pdf"
    code = main(["--db", db_url, "report", "monthly", "--plan", str(seed.plan_id), "--month", MONTH,
                 "--unit", "不存在的局", "-o", str(out)])  # fmt: skip
    assert code == 1 and not out.exists() and "未知单位" in capsys.readouterr().err
