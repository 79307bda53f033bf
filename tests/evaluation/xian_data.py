"""The Xi'an sample plan with generated yearly indicator values, assignments and progress, for the mid-term report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from desktop.models import Indicator, PlanNode, Responsibility, Unit
from desktop.services.evaluation.assessment import set_indicator_base
from desktop.services.plans.indicators import set_indicator_value
from desktop.services.plans.plan_import import import_file
from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.storage import Database

XIAN = Path(__file__).resolve().parents[2] / "resources" / "plans" / "xian_jiliang_2024.txt"
# Share of the 2025 target reached at the end of 2021..2024 (None: not reported); every pattern a verdict.
PATTERNS: list[list[float | None]] = [
    [0.30, 0.40, 0.50, 0.75],  # ahead
    [0.20, 0.30, 0.40, 0.55],  # on schedule, short at the end
    [0.30, 0.35, 0.40, 0.45],  # behind
    [0.50, 0.60, 0.80, 1.00],  # reached early
    [None, None, None, 1.00],  # a single value
    [0.40, None, 0.60, 0.70],  # a missing year
    [None, None, None, None],  # nothing reported
]


def load_xian(db: Database) -> int:
    """Import the plan, record 2021–2024 values (base 2023), assign every listed unit and report."""
    plan_id = import_file(db, path=XIAN, backup=False).plan_id
    with db.read() as s:
        inds = list(
            s.scalars(select(Indicator).where(Indicator.plan_id == plan_id).order_by(Indicator.position))
        )
        listed = s.execute(
            select(PlanNode.id, Unit.name)
            .join(Responsibility, Responsibility.node_id == PlanNode.id)
            .join(Unit, Unit.id == Responsibility.unit_id)
            .where(PlanNode.plan_id == plan_id)
            .order_by(PlanNode.id, Responsibility.position)
        ).all()
        targets = [(i.id, i.target_value or 1.0) for i in inds]
    for n, (ind_id, target) in enumerate(targets):
        shares = PATTERNS[n % len(PATTERNS)]
        for year, share in zip(range(2021, 2025), shares, strict=True):
            if share is not None:
                value = round(target * share, 2)
                set_indicator_value(
                    db, indicator_id=ind_id, value=value, measured_on=dt.date(year, 12, 31), source="年度统计"
                )
        if shares[2] is not None:
            set_indicator_base(
                db, indicator_id=ind_id, base_year=2023, base_value=round(target * shares[2], 2)
            )
    seen: set[int] = set()
    for k, (node_id, unit) in enumerate(listed):
        role = "co" if node_id in seen else "lead"  # the first unit listed leads
        seen.add(node_id)
        deadline = "2024-12-31" if k % 5 == 0 else "2025-12-31"
        a = create_assignment(
            db, node_id=node_id, unit=unit, role=role, start_date="2024-05-01", deadline=deadline
        ).id
        percent = (30, 60, 100, 10, 45, 80, 20)[k % 7]
        add_progress(
            db,
            assignment_id=a,
            period="2024-12",
            text="按计划推进。",
            percent=percent,
            reported_on="2024-12-25",
        )
    return plan_id
