"""A Xi'an plan with assignments, progress and indicator values made through the services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desktop.clock import fixed_today
from desktop.models import PlanNode
from desktop.services.plans.indicators import list_indicators, set_indicator_value
from desktop.services.plans.plan_import import import_file
from desktop.services.supervision.assignments import add_progress, create_assignment, update_assignment
from desktop.services.supervision.workflow import decide_extension, request_extension
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


def on(day: str) -> Any:
    """Record what follows on ``day``: reports as of a past day read what was recorded by then."""
    return fixed_today(dt.date.fromisoformat(day))


def seed_xian(db: Database) -> Seeded:
    """Tasks 1–10 assigned: 1–3 overdue, 4 due soon, 5–6 done in March, 7 extended, the rest on time.

    Each fact is recorded on its own day (assignments on 1 January, reports on the day they are dated)."""
    with on("2026-01-01"):
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
        with on("2026-01-01"):
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
            with on("2026-03-20"):
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
            with on("2026-02-25"):
                add_progress(db, assignment_id=a.id, period="2026-02", text="二月份开展调研。", percent=20)
            with on("2026-03-25"):
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
    with on("2026-03-05"):
        # Task 7: deadline moved to 2026-04-30 by an approved extension, so it is not overdue.
        granted = request_extension(
            db, assignment_id=ids["7."], new_deadline="2026-04-30", reason="设备到货延迟"
        )
        decide_extension(db, request_id=granted.id, approve=True)
        # Task 3: the unit asked for more time and was refused: still counts against its deadline.
        refused = request_extension(db, assignment_id=ids["3."], new_deadline="2026-06-30", reason="人手不足")
        decide_extension(db, request_id=refused.id, approve=False, note="理由不充分")
    inds = list_indicators(db, plan_id=plan_id)
    binding = next(i for i in inds if i.attribute == "binding")
    with on("2026-03-01"):
        set_indicator_value(db, indicator_id=binding.id, value=10, measured_on="2026-03-01")
    with on("2026-02-01"):
        set_indicator_value(db, indicator_id=inds[0].id, value=18, measured_on="2026-02-01")
    return Seeded(
        plan_id,
        ids,
        [titles["1."], titles["2."], titles["3."]],
        [titles["4."]],
        [titles["5."], titles["6."]],
        titles["7."],
    )


COUNTY_UNITS = [
    MARKET,
    SCIENCE,
    "西安市工业和信息化局",
    "西安市发展和改革委员会",
    "西安市交通运输局",
    "西安市数据局",
]


@dataclass
class Month:
    plan_id: int
    assignments: int
    progress: int


# What each month's reports say: different work each month, as real reports do (a report repeating the
# previous month is marked 与上月雷同 in the ledger).
WORK_DONE = {
    "2026-01": "召开推进会，完成方案细化和调研",
    "2026-02": "走访企业十二家，梳理形成问题清单",
    "2026-03": "专家评审通过，启动设备采购招标",
}


def seed_xian_month(db: Database) -> Month:
    """A realistic March on the Xi'an plan: 37 assignments on 20 tasks (lead and cooperating units with their
    own deadlines), 91 progress entries over January–March, hand-off steps (签收, 退回, 办结), an approved and a
    pending extension, and January and February closed."""
    from desktop.services.reporting.snapshots import close_month
    from desktop.services.supervision.workflow import close, review

    with on("2026-01-01"):
        plan_id = import_file(db, path=XIAN).plan_id
    with db.read() as s:
        tasks = list(
            s.scalars(
                select(PlanNode.id)
                .where(PlanNode.plan_id == plan_id, PlanNode.kind == "task")
                .order_by(PlanNode.position, PlanNode.id)
            )
        )[:20]
    made: list[tuple[int, int]] = []  # (assignment id, task index)
    for i, node_id in enumerate(tasks):
        lead = COUNTY_UNITS[i % 3 if i % 4 else 0]
        deadline = dt.date(2026, 2, 10) + dt.timedelta(days=9 * i)  # Feb 10 … Aug 3, some past by March 31
        with on("2026-01-01"):
            a = create_assignment(
                db,
                node_id=node_id,
                unit=lead,
                deadline=deadline,
                start_date="2026-01-01",
                contact_person=f"联系人{i + 1}",
                contact_phone=f"029-8678{i:04d}",
            )
        made.append((a.id, i))
        if i < 17:  # a cooperating unit with a deadline of its own, earlier or later than the lead's
            co_unit = COUNTY_UNITS[3 + i % 3] if lead != COUNTY_UNITS[3 + i % 3] else SCIENCE
            with on("2026-01-01"):
                co = create_assignment(
                    db,
                    node_id=node_id,
                    unit=co_unit,
                    role="co",
                    deadline=deadline + dt.timedelta(days=-20 if i % 2 else 15),
                    start_date="2026-01-01",
                )
            made.append((co.id, i))
    entries = 0
    for n, (aid, i) in enumerate(made):
        months = ["2026-01", "2026-02", "2026-03"] if n % 5 else ["2026-01", "2026-02"]
        if n % 7 == 3:
            months = months[1:]
        for month in months:
            if entries == 91:
                break
            done = month == "2026-03" and i in (2, 9) and n % 2 == 0
            with on(f"{month}-2{n % 8}"):
                add_progress(
                    db,
                    assignment_id=aid,
                    period=month,
                    text=(f"{month[5:]}月{WORK_DONE[month]}，第{n + 1}项工作按计划推进。" * (1 + n % 3)),
                    percent=100 if done else min(95, 20 * int(month[5:]) + n % 10),
                    problems="部分资金尚未到位，需协调解决。" if n % 3 == 0 else "",
                    next_steps="下月完成项目招标并启动实施。" if n % 2 == 0 else "",
                    reported_on=f"{month}-2{n % 8}",
                )
            entries += 1
    with on("2026-03-26"):
        review(db, assignment_id=made[0][0], accept=True, at="2026-03-26")
    with on("2026-03-27"):
        review(db, assignment_id=made[1][0], accept=False, reason="进展描述不具体", at="2026-03-27")
        review(db, assignment_id=made[4][0], accept=True, at="2026-03-27")
    with on("2026-03-28"):
        close(db, assignment_id=made[4][0], note="已办结", at="2026-03-28")
    with on("2026-03-18"):
        granted = request_extension(
            db, assignment_id=made[6][0], new_deadline="2026-06-30", reason="设备到货延迟"
        )
        decide_extension(db, request_id=granted.id, approve=True)
        request_extension(db, assignment_id=made[8][0], new_deadline="2026-07-31", reason="需要补充论证")
    for month, day in (("2026-01", dt.date(2026, 2, 3)), ("2026-02", dt.date(2026, 3, 3))):
        with fixed_today(day):
            close_month(db, plan_id=plan_id, period=month, today=day)
    return Month(plan_id, len(made), entries)
