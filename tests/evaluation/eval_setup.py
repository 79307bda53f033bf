"""A small plan with assignments, reports and indicator values, for the evaluation tests."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from desktop.models import Indicator, PlanNode
from desktop.services.evaluation.assessment import set_indicator_base
from desktop.services.plans.indicators import set_indicator_value
from desktop.services.plans.plan_import import import_plan
from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.storage import Database

from factories import small_plan


def load_evaluated_plan(db: Database) -> dict[str, int]:
    """Tasks 1. (done by 2024-12), 2. (overdue since 2024-12-31), 3. (60 % in 2024-10), each report sent on
    the 25th of its month; indicator values."""
    plan_id = import_plan(db, parsed=small_plan(), backup=False).plan_id
    with db.read() as s:
        nodes = {n.label: n.id for n in s.scalars(select(PlanNode).where(PlanNode.kind == "task"))}
        inds = {i.name: i.id for i in s.scalars(select(Indicator))}
    start = dt.date(2024, 3, 1)
    a1 = create_assignment(
        db, node_id=nodes["1."], unit="区市场监管局", start_date=start, deadline="2025-12-31"
    ).id
    a1co = create_assignment(
        db, node_id=nodes["1."], unit="区科委", role="co", start_date=start, deadline="2025-12-31"
    ).id
    a2 = create_assignment(
        db, node_id=nodes["2."], unit="区发展改革委", start_date=start, deadline="2024-12-31"
    ).id
    a3 = create_assignment(
        db, node_id=nodes["3."], unit="区市场监管局", start_date=start, deadline="2025-12-31"
    ).id
    add_progress(
        db, assignment_id=a1, period="2024-06", text="完成方案编制", percent=40, reported_on="2024-06-25"
    )
    add_progress(
        db, assignment_id=a1, period="2024-12", text="碳计量中心建成", percent=100, reported_on="2024-12-25"
    )
    add_progress(
        db, assignment_id=a2, period="2024-06", text="启动标准体系梳理", percent=10, reported_on="2024-06-25"
    )
    add_progress(
        db,
        assignment_id=a3,
        period="2024-10",
        text="数据中心完成主体建设",
        percent=60,
        reported_on="2024-10-25",
    )
    standards = inds["社会公用计量标准（项）"]  # 50 by 2025, binding
    set_indicator_base(db, indicator_id=standards, base_year=2023, base_value=10)
    set_indicator_value(db, indicator_id=standards, value=20, measured_on="2024-12-31", source="市场监管统计")
    coverage = inds["覆盖率"]  # ≥90 % by 2025, expected
    for day, value in (("2023-12-31", 70), ("2024-06-30", 80), ("2024-12-31", 86)):
        set_indicator_value(db, indicator_id=coverage, value=value, measured_on=day)
    return {
        "plan": plan_id,
        "a1": a1,
        "a1co": a1co,
        "a2": a2,
        "a3": a3,
        "standards": standards,
        "coverage": coverage,
        **{f"task{k[0]}": v for k, v in nodes.items()},
    }
