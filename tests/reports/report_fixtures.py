"""A Xi'an plan with assignments, progress and indicator values made through the services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from desktop.models import PlanNode
from desktop.services.assignments import add_progress, create_assignment, update_assignment
from desktop.services.indicators import list_indicators, set_indicator_value
from desktop.services.plan_import import import_file
from desktop.services.workflow import decide_extension, request_extension
from desktop.storage import Database

from conftest import XIAN

MONTH = "2026-03"
AS_OF = dt.date(2026, 3, 31)
MARKET = "西安市市场监督管理局"
SCIENCE = "西安市科学技术局"


@dataclass
class Seeded:
    plan_id: int
    tasks: dict[str, int]  # task label → node id
    overdue_titles: list[str]
    at_risk_titles: list[str]
    done_titles: list[str]
    extended_title: str


def seed_xian(db: Database) -> Seeded:
    """Tasks 1–10 assigned: 1–3 overdue, 4 due soon, 5–6 done in March, 7 extended, the rest on time."""
    plan_id = import_file(db, path=XIAN).plan_id
    with db.read() as s:
        nodes = {
            n.label: (n.id, n.title)
            for n in s.scalars(select(PlanNode).where(PlanNode.plan_id == plan_id, PlanNode.kind == "task"))
        }
    titles = {label: title for label, (_, title) in nodes.items()}
    ids: dict[str, int] = {}
    for i in range(1, 11):
        label = f"{i}."
        node_id = nodes[label][0]
        deadline = {1: "2026-02-28", 2: "2026-03-15", 3: "2026-03-30", 4: "2026-04-03", 7: "2026-03-10"}.get(
            i, "2026-12-31"
        )
        a = create_assignment(
            db,
            node_id=node_id,
            unit=MARKET,
            deadline=deadline,
            contact_person="张伟",
            contact_phone="029-86780000",
            start_date="2026-01-01",
        )
        ids[label] = a.id
        if i in (1, 2, 4, 5, 6):  # a cooperating unit on some tasks
            co = create_assignment(db, node_id=node_id, unit=SCIENCE, role="co", deadline=deadline)
        if i in (5, 6):
            add_progress(
                db,
                assignment_id=a.id,
                period=MONTH,
                text=f"任务{i}已全部完成，形成总结报告。",
                percent=100,
                reported_on="2026-03-20",
            )
            update_assignment(db, assignment_id=co.id, status="done")
        elif i in (1, 2, 8):
            add_progress(
                db,
                assignment_id=a.id,
                period=MONTH,
                text="已召开专题推进会，制定工作方案，完成前期调研。" * (3 if i == 8 else 1),
                percent=40,
                problems="资金尚未到位。",
                next_steps="下月完成招标。",
                reported_on="2026-03-25",
            )
            add_progress(db, assignment_id=a.id, period="2026-02", text="二月份开展调研。", percent=20)
    # Task 7: deadline moved to 2026-04-30 by an approved extension, so it is not overdue.
    granted = request_extension(db, assignment_id=ids["7."], new_deadline="2026-04-30", reason="设备到货延迟")
    decide_extension(db, request_id=granted.id, approve=True)
    # Task 3: the unit asked for more time and was refused: still counts against its deadline.
    refused = request_extension(db, assignment_id=ids["3."], new_deadline="2026-06-30", reason="人手不足")
    decide_extension(db, request_id=refused.id, approve=False, note="理由不充分")
    inds = list_indicators(db, plan_id=plan_id)
    binding = next(i for i in inds if i.attribute == "binding")
    set_indicator_value(db, indicator_id=binding.id, value=10, measured_on="2026-03-01")
    set_indicator_value(db, indicator_id=inds[0].id, value=18, measured_on="2026-02-01")
    return Seeded(
        plan_id,
        ids,
        [titles["1."], titles["2."], titles["3."]],
        [titles["4."]],
        [titles["5."], titles["6."]],
        titles["7."],
    )
