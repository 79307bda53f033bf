"""A district's 2026: its plan tasks, 20 领导批示件 and 10 会议议定事项 across the Spring Festival and National Day.

Deadlines are checked day by day against the 2026 holiday notice as read by hand (notice_2026), then the units
work through the year and the 报送台账 and the point-rule ranking are checked against what they did.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import notice_2026 as notice
import pytest
from supervision_setup import load_small_plan

from desktop.services.supervision import workflow
from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.services.supervision.items import ItemDraft, list_collections, list_items, register_items
from desktop.services.supervision.points import point_ranking
from desktop.services.supervision.report_register import reporting_ledger
from desktop.storage import Database

D = dt.date
A, B, C = "区市场监管局", "区发展改革委", "区科委"
UNITS = (A, B, C)
# Instructions arrive every day around both holidays; meetings weekly before them.
INSTRUCTION_DAYS = notice.days(D(2026, 2, 9), D(2026, 2, 18)) + notice.days(D(2026, 9, 24), D(2026, 10, 3))
MEETING_DAYS = [D(2026, 1, 20), D(2026, 1, 27), D(2026, 2, 3), D(2026, 2, 10), D(2026, 2, 17)] + [
    D(2026, 8, 25),
    D(2026, 9, 1),
    D(2026, 9, 8),
    D(2026, 9, 15),
    D(2026, 9, 22),
]
# When each unit sends its monthly report: A on the 20th, B on the 27th, C on the 10th but not in summer.
REPORT_DAY = {A: 20, B: 27, C: 10}
C_SILENT = (6, 7, 8)
# The due day as the office reads it: the 25th, or the next working day (worked out by hand from the notice).
DUE = {
    "2026-01": D(2026, 1, 26),  # Sunday 25th
    "2026-02": D(2026, 2, 25),
    "2026-03": D(2026, 3, 25),
    "2026-04": D(2026, 4, 27),  # Saturday 25th
    "2026-05": D(2026, 5, 25),
    "2026-06": D(2026, 6, 25),
    "2026-07": D(2026, 7, 27),  # Saturday 25th
    "2026-08": D(2026, 8, 25),
    "2026-09": D(2026, 9, 28),  # Friday 25th is 中秋节, then the weekend
    "2026-10": D(2026, 10, 26),  # Sunday 25th
    "2026-11": D(2026, 11, 25),
}


def _drafts() -> list[ItemDraft]:
    out = []
    for i, day in enumerate(INSTRUCTION_DAYS):
        out.append(
            ItemDraft(
                title=f"关于第{i + 1}件批示的落实",
                source="instruction",
                received_on=day,
                unit=UNITS[i % 3],
                leader="王区长",
                doc_ref=f"区委办〔2026〕{i + 1}号",
            )
        )
    for i, day in enumerate(MEETING_DAYS):
        out.append(
            ItemDraft(
                title=f"区政府常务会议第{i + 1}项议定事项",
                source="meeting",
                received_on=day,
                unit=UNITS[i % 3],
                meeting_name="区政府常务会议",
                meeting_session=f"第{i + 1}次",
            )
        )
    return out


def _expected_remaining(day: dt.date, deadline: dt.date) -> str:
    if day == deadline:
        return "今日到期"
    if day < deadline:
        return f"剩余{notice.workdays_after(day, deadline)}个工作日"
    late = notice.workdays_after(deadline, day)
    return f"已逾期{late}个工作日" if late else f"已过截止日期 {deadline.isoformat()}（其后均为休息日）"


@pytest.fixture
def year(db: Database) -> dict[str, int]:
    ids = load_small_plan(db, "某区计量发展实施方案")
    for unit, task in zip(UNITS, ("1.", "2.", "3."), strict=True):
        ids[unit] = create_assignment(
            db, node_id=ids[task], unit=unit, start_date="2026-01-01", deadline="2026-12-31"
        ).id
    register_items(db, drafts=_drafts())
    return ids


def test_the_deadlines_follow_the_2026_notice_day_by_day(db: Database, year: dict[str, int]) -> None:
    items = list_items(db, as_of="2026-01-05")
    assert [(c.year, c.items) for c in list_collections(db)] == [(2026, 30)]
    rules = {"instruction": 5, "meeting": 30}
    for item in items:
        assert item.deadline == notice.add_workdays(item.received_on, rules[item.source]), item.title
    by_received = {(i.source, i.received_on): i.deadline for i in items}
    # Read off the calendar by hand.
    assert by_received["instruction", D(2026, 2, 12)] == D(2026, 2, 26)  # Fri 13, Sat 14 worked, 24, 25, 26
    assert by_received["instruction", D(2026, 2, 13)] == D(2026, 2, 27)
    assert by_received["instruction", D(2026, 2, 14)] == D(2026, 2, 28)  # the Saturday after is worked too
    assert by_received["instruction", D(2026, 2, 16)] == D(
        2026, 2, 28
    )  # received in the holiday: 24–27, Sat 28
    assert by_received["instruction", D(2026, 9, 30)] == D(2026, 10, 13)  # 8, 9, Sat 10 worked, 12, 13
    assert by_received["instruction", D(2026, 10, 3)] == D(2026, 10, 13)
    assert by_received["meeting", D(2026, 2, 10)] == D(2026, 3, 30)
    assert by_received["meeting", D(2026, 9, 22)] == D(2026, 11, 10)
    # Every day around both holidays, what the register says is left equals the count on the notice.
    for day in [*notice.days(D(2026, 2, 9), D(2026, 3, 10)), *notice.days(D(2026, 9, 24), D(2026, 10, 20))]:
        for item in list_items(db, as_of=day):
            if item.received_on <= day and item.deadline is not None:
                assert item.remaining == _expected_remaining(day, item.deadline), (item.title, day)


def _work_through_the_year(db: Database, year: dict[str, int]) -> dict[str, list[tuple[str, dt.date]]]:
    """Monthly reports on the plan tasks and every item handled; returns each unit's (period, date) reports."""
    sent: dict[str, list[tuple[str, dt.date]]] = defaultdict(list)
    for month in range(1, 12):
        period = f"2026-{month:02d}"
        for unit in UNITS:
            if unit == C and month in C_SILENT:
                continue
            day = D(2026, month, REPORT_DAY[unit])
            add_progress(db, assignment_id=year[unit], period=period, text="按月报送", reported_on=day)
            sent[unit].append((period, day))
    returned_once = False
    for item in list_items(db, as_of="2026-01-05"):
        lead = item.assignment_ids[0]
        assert item.deadline is not None
        # A and B finish on the deadline, C two working days after it.
        done = item.deadline if item.unit != C else notice.add_workdays(item.deadline, 2)
        period = f"{done:%Y-%m}"
        add_progress(db, assignment_id=lead, period=period, text="已办理", percent=100, reported_on=done)
        sent[item.unit].append((period, done))
        if item.unit == B and not returned_once:
            workflow.review(db, assignment_id=lead, accept=False, reason="答复不完整", at=done)
            add_progress(
                db, assignment_id=lead, period=period, text="补充答复", percent=100, reported_on=done
            )
            returned_once = True
        workflow.review(db, assignment_id=lead, accept=True, at=done)
        workflow.close(db, assignment_id=lead, at=done)
    return sent


def test_the_reporting_ledger_and_the_ranking_of_the_year(db: Database, year: dict[str, int]) -> None:
    sent = _work_through_the_year(db, year)
    ledger = reporting_ledger(db, first="2026-01", last="2026-11", as_of="2026-12-01")
    expected_counts = {}
    for unit in UNITS:
        first = {p: min(d for q, d in sent[unit] if q == p) for p in {q for q, _ in sent[unit]}}
        counts = {"on_time": 0, "late": 0, "missing": 0}
        for period, due in DUE.items():
            cell = ledger.cell(unit, period)
            assert cell is not None and cell.due == due, (unit, period)
            if period not in first:
                assert (cell.state_name, cell.reported_on) == ("未报", None), (unit, period)
                counts["missing"] += 1
            else:
                state = "按时" if first[period] <= due else "迟报"
                assert (cell.state_name, cell.reported_on) == (state, first[period]), (unit, period)
                counts["on_time" if state == "按时" else "late"] += 1
        assert {k: v for k, v in ledger.counts(unit).items() if k != "pending"} == counts
        expected_counts[unit] = counts
    # By hand: B's report on the 27th is late except where the due day moved to the 27th or 28th.
    assert ledger.cell(B, "2026-04").state_name == "按时"  # type: ignore[union-attr]
    assert ledger.cell(B, "2026-09").state_name == "按时"  # type: ignore[union-attr]
    assert ledger.cell(B, "2026-05").state_name == "迟报"  # type: ignore[union-attr]
    assert [ledger.cell(C, f"2026-{m:02d}").state_name for m in C_SILENT] == ["未报"] * 3  # type: ignore[union-attr]

    ranking = point_ranking(db, first="2026-01", last="2026-11", as_of="2026-12-01")
    items_of = {u: sum(1 for i in list_items(db) if i.unit == u) for u in UNITS}
    expected = {
        A: expected_counts[A]["on_time"] - expected_counts[A]["missing"] + 2 * items_of[A],
        B: expected_counts[B]["on_time"] - expected_counts[B]["missing"] + 2 * items_of[B] - 2,
        C: expected_counts[C]["on_time"] - expected_counts[C]["missing"],  # C closed every item late: 0 each
    }
    assert {u.unit: u.points for u in ranking.units} == expected
    assert [u.unit for u in ranking.units] == sorted(UNITS, key=lambda u: -expected[u])
    assert ranking.method.startswith("计分办法：按时反馈 +1分/月")
    for u in ranking.units:
        assert sum(e.points for e in ranking.events_of(u.unit)) == u.points
        assert u.counts["closed_on_time"] == (items_of[u.unit] if u.unit != C else 0)
    assert ranking.units[-1].counts["closed_late"] == items_of[C]
    returned = [e for e in ranking.events if e.event == "returned"]
    assert [(e.unit, e.detail) for e in returned] == [(B, "答复不完整")]
