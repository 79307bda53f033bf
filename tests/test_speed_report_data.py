"""The leader's brief, gathered without progress texts, counts and lists exactly what the full report shows."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.clock import fixed_today
from desktop.models import PlanNode
from desktop.reports.monthly import render_monthly
from desktop.services.plans.plan_import import import_file, import_plan
from desktop.services.reporting.report_data import gather_monthly
from desktop.services.supervision.assignments import add_progress, create_assignment, update_assignment
from desktop.storage import Database

from conftest import XIAN
from factories import small_plan

MONTH = "2026-03"
MARKET, SCIENCE = "西安市市场监督管理局", "西安市科学技术局"


def seed(db: Database) -> tuple[int, list[str]]:
    """Two plans: Xi'an tasks overdue, due soon, done this month, on time; one overdue task in a second plan,
    all recorded in March (a report as of 31 March counts what was recorded by then)."""
    with fixed_today(dt.date(2026, 3, 10)):
        return _seed(db)


def _seed(db: Database) -> tuple[int, list[str]]:
    plans = [
        import_file(db, path=XIAN, backup=False).plan_id,
        import_plan(db, parsed=small_plan(), backup=False).plan_id,
    ]
    with db.read() as s:
        tasks = (
            s.execute(
                select(PlanNode.plan_id, PlanNode.label, PlanNode.id, PlanNode.title).where(
                    PlanNode.kind == "task"
                )
            )
            .tuples()
            .all()
        )
    node = {(plan, label): (node_id, title) for plan, label, node_id, title in tasks}
    deadlines = {
        1: "2026-02-28",
        2: "2026-03-15",
        3: "2026-04-03",
        4: "2026-12-31",
        5: "2026-12-31",
        6: "2026-03-30",
        7: "2026-04-05",
    }
    overdue = []
    for i, deadline in deadlines.items():
        node_id, title = node[(plans[0], f"{i}.")]
        a = create_assignment(db, node_id=node_id, unit=MARKET if i != 6 else SCIENCE, deadline=deadline)
        if i in (1, 2, 6):
            overdue.append(title)
        if i in (1, 3, 5):
            co = create_assignment(db, node_id=node_id, unit=SCIENCE, role="co", deadline=deadline)
        if i == 5:
            add_progress(db, assignment_id=a.id, period=MONTH, text="已全部完成。", percent=100)
            update_assignment(db, assignment_id=co.id, status="done")
        if i in (1, 4):
            add_progress(
                db, assignment_id=a.id, period=MONTH, text="推进中。", percent=40, problems="资金未到位"
            )
    node_id, title = node[(plans[1], "1.")]
    create_assignment(db, node_id=node_id, unit=MARKET, deadline="2026-01-31")
    return plans[0], [*overdue, title]


def _without_progress(data):  # type: ignore[no-untyped-def]
    return [
        (
            t.node_id,
            t.path_label,
            t.title,
            t.status,
            t.deadline,
            [
                (a.id, a.unit, a.role, a.status, a.deadline, a.percent, a.extended, a.completed_this_month)
                for a in t.assignments
            ],
        )
        for t in data
    ]


@pytest.mark.parametrize("unit", [None, MARKET, SCIENCE])
@pytest.mark.parametrize("every_plan", [False, True])
def test_brief_matches_the_full_report_restricted_to_summary_and_attention(
    db: Database, unit: str | None, every_plan: bool
) -> None:
    xian, _overdue = seed(db)
    plan_id = None if every_plan else xian
    full = gather_monthly(db, plan_id=plan_id, month=MONTH, unit=unit)
    brief = gather_monthly(db, plan_id=plan_id, month=MONTH, unit=unit, brief=True)
    assert brief.brief and not full.brief
    assert brief.summary == full.summary and list(brief.summary.by_status) == list(full.summary.by_status)
    assert brief.units == full.units
    # The brief keeps the overdue and due-soon tasks and the 未分工 ones (counted, never left out).
    late = {t.node_id for t, _ in full.overdue_lines()}
    attention = [t for t in full.tasks if t.node_id in late or t in full.at_risk_tasks() or not t.assignments]
    assert attention and _without_progress(brief.tasks) == _without_progress(attention)
    assert all(not a.progress for t in brief.tasks for a in t.assignments)
    assert brief.overdue_tasks and [t.title for t in brief.at_risk_tasks()] == [
        t.title for t in full.at_risk_tasks()
    ]


def test_brief_pdf_lists_every_overdue_task_of_all_plans(db: Database, tmp_path: Path) -> None:
    _xian, overdue = seed(db)
    data = gather_monthly(db, plan_id=None, month=MONTH, brief=True)
    out = render_monthly(data, tmp_path / "brief.pdf")
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(out).pages))
    assigned = data.summary.tasks - data.summary.unassigned
    assert assigned == 8 and f"纳入督办的任务共{data.summary.tasks}项" in text and "已逾期4项" in text
    for title in overdue:
        assert re.sub(r"\s+", "", title)[:10] in text
    assert "本月工作进展" not in text
