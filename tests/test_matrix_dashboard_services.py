"""The responsibility matrix and the overview data on the Xi'an plan with some work assigned."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.clock import fixed_today
from desktop.errors import NotFound
from desktop.models import PlanNode, Responsibility
from desktop.services.plans.matrix import responsibility_matrix
from desktop.services.plans.plan_import import import_file
from desktop.services.reporting.dashboard import dashboard_data
from desktop.services.supervision.assignments import create_assignment, update_assignment
from desktop.storage import Database

from conftest import BEIJING, XIAN

AS_OF = dt.date(2026, 6, 15)
SCJG = "西安市市场监督管理局"
GXJ = "西安市工业和信息化局"
KJJ = "西安市科学技术局"
FGW = "西安市发展和改革委员会"
JTJ = "西安市交通运输局"
JMRH = "西安市委军民融合发展委员会办公室"
GAJ = "西安市公安局"


def day(offset: int) -> dt.date:
    return AS_OF + dt.timedelta(days=offset)


def xian_tasks(db: Database, plan_id: int) -> dict[str, int]:
    """Task label ("7.") → node id."""
    with db.read() as s:
        return dict(
            s.execute(
                select(PlanNode.label, PlanNode.id).where(
                    PlanNode.plan_id == plan_id, PlanNode.kind == "task"
                )
            ).all()
        )


def import_xian_with_work(db: Database) -> tuple[int, dict[str, int]]:
    """The Xi'an plan with assignments on either side of today's and the 30-day horizon's boundaries, all
    made on 5 January (a report as of a day counts what was assigned by then)."""
    with fixed_today(dt.date(2026, 1, 5)):
        plan_id = import_file(db, path=XIAN).plan_id
        t = xian_tasks(db, plan_id)
        create_assignment(db, node_id=t["1."], unit=SCJG, deadline=day(-1))  # overdue since yesterday
        create_assignment(db, node_id=t["2."], unit=SCJG, deadline=day(0))  # due today: not yet overdue
        create_assignment(db, node_id=t["3."], unit=GXJ, deadline=day(30))  # last day of the horizon
        create_assignment(db, node_id=t["4."], unit=FGW, deadline=day(31))  # just beyond it
        create_assignment(db, node_id=t["5."], unit=KJJ, deadline=day(-10), status="in_progress", percent=40)
        create_assignment(db, node_id=t["5."], unit=GXJ, role="co", deadline=day(-10))
        create_assignment(db, node_id=t["6."], unit=SCJG, deadline=day(-3), status="done")
        create_assignment(
            db, node_id=t["7."], unit=JTJ, role="co", deadline=day(5), status="in_progress", percent=20
        )
        create_assignment(db, node_id=t["8."], unit=SCJG, deadline=day(-20), status="suspended")
    return plan_id, t


@pytest.fixture
def xian(db: Database) -> tuple[int, dict[str, int]]:
    return import_xian_with_work(db)


def test_matrix_marks_task_7_lead_first_then_its_five_cooperating_units(
    db: Database, xian: tuple[int, dict[str, int]]
) -> None:
    plan_id, t = xian
    matrix = responsibility_matrix(db, plan_id=plan_id)
    row = next(r for r in matrix.rows if r.node_id == t["7."])
    assert row.label == "7." and row.title == "服务汽车制造"
    assert list(row.roles.items()) == [
        (SCJG, "lead"),
        (JMRH, "co"),
        (FGW, "co"),
        (KJJ, "co"),
        (GXJ, "co"),
        (JTJ, "co"),
    ]


def test_matrix_rows_are_the_24_tasks_and_5_measures_in_plan_order_and_columns_start_with_the_main_lead(
    db: Database, xian: tuple[int, dict[str, int]]
) -> None:
    plan_id, t = xian
    matrix = responsibility_matrix(db, plan_id=plan_id)
    measures = ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert [r.label for r in matrix.rows] == [f"{i}." for i in range(1, 25)] + measures
    assert all(not r.roles for r in matrix.rows[24:]), "nobody is named for the safeguard measures"
    assert matrix.units[0] == SCJG
    assert matrix.lead_counts()[SCJG] == 24
    assert len(matrix.units) == 10
    # Units that lead more come first (工信局, 科技局, 发改委 each lead one assigned task), then by roles held.
    leads = matrix.lead_counts()
    keys = [(leads[u], sum(u in r.roles for r in matrix.rows)) for u in matrix.units]
    assert keys == sorted(keys, reverse=True)
    assert set(matrix.units[1:4]) == {GXJ, KJJ, FGW}


def test_assignments_override_the_printed_role_and_add_units(
    db: Database, xian: tuple[int, dict[str, int]]
) -> None:
    plan_id, t = xian
    create_assignment(db, node_id=t["7."], unit=KJJ, role="lead")
    create_assignment(db, node_id=t["7."], unit=GAJ, role="co")
    a = create_assignment(db, node_id=t["9."], unit=JTJ, role="lead")
    update_assignment(db, assignment_id=a.id, role="co")
    rows = {r.node_id: r for r in responsibility_matrix(db, plan_id=plan_id).rows}
    assert rows[t["7."]].roles[KJJ] == "lead"
    assert rows[t["7."]].roles[GAJ] == "co"
    assert list(rows[t["7."]].roles)[:2] == [SCJG, KJJ]  # both leads before the cooperating units
    assert rows[t["9."]].roles == {SCJG: "lead", GXJ: "co", JTJ: "co"}


def test_an_assigned_column_item_joins_the_matrix_after_its_task(db: Database) -> None:
    plan_id = import_file(db, path=XIAN).plan_id
    with db.read() as s:
        item_id, item_title = s.execute(
            select(PlanNode.id, PlanNode.title)
            .where(PlanNode.plan_id == plan_id, PlanNode.kind == "item")
            .order_by(PlanNode.id)
        ).first()  # type: ignore[misc]
    create_assignment(db, node_id=item_id, unit=KJJ)
    rows = responsibility_matrix(db, plan_id=plan_id).rows
    assert [r.label for r in rows[:3]] == ["1.", "", "2."]
    assert rows[1].title == item_title and rows[1].roles == {KJJ: "lead"}


def test_matrix_of_unknown_plan_is_refused(db: Database) -> None:
    with pytest.raises(NotFound, match="方案"):
        responsibility_matrix(db, plan_id=999)


def test_dashboard_counts_match_the_hand_count(db: Database, xian: tuple[int, dict[str, int]]) -> None:
    plan_id, t = xian
    data = dashboard_data(db, plan_id=plan_id, as_of=AS_OF, horizon_days=30)
    # 24 tasks + 5 保障措施; 8 of them assigned.
    assert data.stats.tasks == 29
    assert data.stats.by_status == {
        "overdue": 2,
        "not_started": 3,
        "in_progress": 1,
        "done": 1,
        "suspended": 1,
        "unassigned": 21,
    }
    assert data.stats.overdue == 2
    # Lead and cooperating assignments both count against their unit: the cooperating 工信局 on task 5 too.
    assert data.overdue_by_unit == [(GXJ, 1), (SCJG, 1), (KJJ, 1)]  # ties by name
    assert data.stats.overdue_by_unit == {SCJG: 1, KJJ: 1}  # the lead-only count is still there
    assert data.unassigned == 21
    assert [(d.node_id, d.unit, d.days_left) for d in data.due_soon] == [
        (t["2."], SCJG, 0),
        (t["7."], JTJ, 5),
        (t["3."], GXJ, 30),
    ]
    assert data.stats.due_soon == 3
    assert data.due_soon[1].role == "co" and data.due_soon[1].status == "in_progress"
    assert data.due_soon[1].title == "服务汽车制造"


def test_dashboard_moves_with_the_day_and_the_horizon(db: Database, xian: tuple[int, dict[str, int]]) -> None:
    plan_id, t = xian
    tomorrow = dashboard_data(db, plan_id=plan_id, as_of=day(1), horizon_days=30)
    assert tomorrow.stats.by_status["overdue"] == 3  # task 2 fell due yesterday
    assert [d.node_id for d in tomorrow.due_soon] == [t["7."], t["3."], t["4."]]
    week = dashboard_data(db, plan_id=plan_id, as_of=AS_OF, horizon_days=7)
    assert [d.node_id for d in week.due_soon] == [t["2."], t["7."]]


def test_dashboard_over_all_plans_and_an_empty_database(db: Database) -> None:
    empty = dashboard_data(db, plan_id=None, as_of=AS_OF)
    assert empty.stats.tasks == 0 and empty.due_soon == [] and empty.overdue_by_unit == []
    import_xian_with_work(db)
    everything = dashboard_data(db, plan_id=None, as_of=AS_OF, horizon_days=30)
    assert everything.stats.overdue == 2 and len(everything.due_soon) == 3
    # Without a horizon of its own the 总览 uses the office's 临期 days, as the 预警 and the reports do.
    default = dashboard_data(db, plan_id=None, as_of=AS_OF)
    assert default.horizon_days == 7 and [d.days_left for d in default.due_soon] == [0, 5]


def test_matrix_columns_carry_the_short_names_plans_print(
    db: Database, xian: tuple[int, dict[str, int]]
) -> None:
    matrix = responsibility_matrix(db, plan_id=xian[0])
    assert matrix.short_names[SCJG] == "市市场监管局"
    assert matrix.short_names[JMRH] == "市委军民融合办"
    assert matrix.short_names[GXJ] == "市工信局"


def test_beijing_sections_with_responsibility_lists_are_rows(db: Database) -> None:
    plan_id = import_file(db, path=BEIJING).plan_id
    matrix = responsibility_matrix(db, plan_id=plan_id)
    with db.read() as s:
        responsible = set(
            s.scalars(select(Responsibility.node_id).join(PlanNode).where(PlanNode.plan_id == plan_id))
        )
    assert responsible and responsible <= {r.node_id for r in matrix.rows}
    assert all(
        any(role == "lead" for role in r.roles.values()) for r in matrix.rows if r.node_id in responsible
    )
