"""The ledger's 最新进展: the latest month's report, and of several in that month the last one entered."""

from __future__ import annotations

import datetime as dt

from desktop.clock import fixed_today
from desktop.services.core.tree import children, get_plan
from desktop.services.plans.plan_import import import_plan
from desktop.services.reporting.ledger import ledger_rows
from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.storage import Database

from factories import small_plan


def test_latest_month_then_last_entered_whatever_order_months_were_entered(db: Database) -> None:
    with fixed_today(dt.date(2024, 1, 15)):  # assigned in January; the reports all came in by June
        plan_id = import_plan(db, parsed=small_plan(), backup=False).plan_id
        root = get_plan(db, plan_id=plan_id).root_id
        sec1 = children(db, node_id=children(db, node_id=root)[0].id)[0]  # type: ignore[arg-type]
        t1, t2 = children(db, node_id=sec1.id)
        a1 = create_assignment(db, node_id=t1.id, unit="区市场监管局").id
        a2 = create_assignment(db, node_id=t2.id, unit="区市场监管局").id
        create_assignment(db, node_id=t2.id, unit="区科委", role="co")  # never reported
    with fixed_today(dt.date(2024, 6, 20)):
        for period, text in (
            ("2024-05", "五月"),
            ("2024-04", "四月"),
            ("2024-05", "五月补报"),
            ("2024-03", "三月"),
        ):
            add_progress(db, assignment_id=a1, period=period, text=text, problems=f"{text}问题")
        add_progress(db, assignment_id=a2, period="2024-02", text="二月", next_steps="三月开工")
    rows = list(ledger_rows(db, plan_id=plan_id, as_of=dt.date(2024, 6, 30)))
    latest = {(r[2], r[3]): (r[12], r[13], r[14]) for r in rows if r[9] != "未分工"}
    assert latest == {
        (t1.title, "区市场监管局"): ("［2024-05］五月补报", "五月补报问题", ""),
        (t2.title, "区市场监管局"): ("［2024-02］二月", "", "三月开工"),
        (t2.title, "区科委"): ("", "", ""),
    }
