"""The independent oracle against PlanDesk's outputs: generated office histories are written through the services,
the outputs are printed as of a day on two later days, and every figure read back from the files (PDF text,
.xlsx cells; the 总览 from its data, it has no file) must be the oracle's.

The oracle (oracle_rules) shares no code with PlanDesk; see its docstring for the rules it implements.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import oracle_outputs
import oracle_rules
import pytest
from hypothesis import HealthCheck, example, given, note, settings
from hypothesis.control import currently_in_test_context
from oracle_history import (
    TASKS,
    TITLE,
    UNITS,
    Office,
    Printed,
    Scenario,
    office,
    print_outputs,
    scenarios,
    write_until,
)
from oracle_rules import History, Made, Report

D = dt.date

# -- the disagreements the oracle found, as minimal histories (run first, before any generated one) -------------

# 本月应报未报送: an assignment recorded on 1 February without a start date did not exist in January, yet the
# January report (as of 2 February) counts it as owing January's report and missing it.
MISSING_BEFORE_IT_EXISTED = Scenario(
    "2026-01",
    D(2026, 2, 2),
    History([Made(0, "1.", "区市场监管局", "lead", D(2026, 2, 1), None, None, "not_started", 0)]),
)
# 报送台账: a report for July from an assignment recorded on 18 August makes July 迟报 for a unit that owed
# nothing in July.
LATE_BEFORE_IT_EXISTED = Scenario(
    "2025-09",
    D(2025, 9, 5),
    History(
        [
            Made(0, "1.", "区发展改革委", "lead", D(2025, 8, 18), None, None, "not_started", 0),
            Report(0, "2025-07", None, D(2025, 8, 18), D(2025, 8, 18)),
        ]
    ),
)
# 报送台账: a suspended (暂缓) assignment owes no report, yet its report fills the unit's April cell (按时 04-20)
# and hides that the unit's other assignment, which owed April's report, sent none (未报; the monthly report
# itself counts that assignment 未报送).
SUSPENDED_REPORT_HIDES_MISSING = Scenario(
    "2025-04",
    D(2025, 4, 30),
    History(
        [
            Made(0, "1.", "区发展改革委", "lead", D(2025, 4, 1), None, D(2025, 12, 31), "not_started", 0),
            Made(1, "2.", "区发展改革委", "lead", D(2025, 4, 1), None, None, "suspended", 0),
            Report(1, "2025-04", None, D(2025, 4, 20), D(2025, 4, 20)),
        ]
    ),
)
# 报送台账 as of 27 March: an assignment recorded on 28 March (after the ledger's day) makes March 未报 and
# April 未到期 for a unit that had nothing assigned by the 27th.
OWED_BEFORE_THE_LEDGER_DAY = Scenario(
    "2025-03",
    D(2025, 3, 27),
    History([Made(0, "1.", "区科委", "lead", D(2025, 3, 28), None, None, "not_started", 0)]),
)
# The same, seen as the one clock: as of 10 March, printed on 17 and on 30 March; the assignment recorded on
# 20 March (dated after the 10th) changes the ledger as of the 10th between the two printings.
LEDGER_MOVES_BETWEEN_PRINTINGS = Scenario(
    "2025-03",
    D(2025, 3, 10),
    History(
        [
            Made(0, "2.", "区发展改革委", "lead", D(2025, 2, 3), None, D(2025, 6, 30), "not_started", 0),
            Made(1, "1.", "区科委", "lead", D(2025, 3, 20), None, None, "not_started", 0),
        ]
    ),
)
# A report typed in on 5 March but dated 20 March moves the work as of 10 March (进行中, 60 %), though a report
# dated after the day never counts.
TYPED_BEFORE_ITS_DATE = Scenario(
    "2025-03",
    D(2025, 3, 10),
    History(
        [
            Made(0, "1.", "区市场监管局", "lead", D(2025, 3, 1), None, None, "not_started", 0),
            Report(0, "2025-03", 60, D(2025, 3, 20), D(2025, 3, 5)),
        ]
    ),
)

SETTINGS = settings(
    deadline=None,
    database=None,  # nothing written into the working tree
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _diff(
    where: str, got: Any, want: Any, out: list[str], names: tuple[str, str] = ("PlanDesk", "oracle")
) -> None:
    """Every figure that differs, as "where: PlanDesk …, oracle …"."""
    if isinstance(got, dict) and isinstance(want, dict):
        for key in sorted(set(got) | set(want), key=str):
            _diff(f"{where}.{key}", got.get(key, "(absent)"), want.get(key, "(absent)"), out, names)
    elif got != want:
        out.append(f"{where}: {names[0]} {got!r}, {names[1]} {want!r}")


def _with_every_row(ledger: dict[str, dict[str, Any]], periods: list[str]) -> dict[str, dict[str, Any]]:
    """The ledger with a row of — for each unit it leaves out, so that two ledgers are compared cell by cell."""
    blank: dict[str, Any] = dict.fromkeys(periods, "—") | {"counts": (0, 0, 0)}
    return {unit: ledger.get(unit, blank) for unit in UNITS}


def _periods(sc: Scenario) -> list[str]:
    first, last = sc.ledger_months
    periods = [first]
    while periods[-1] != last:
        periods.append(oracle_rules.month_of(oracle_rules.month_last(periods[-1]) + oracle_rules.DAY))
    return periods


def _dashboard(p: Printed, o: Office) -> dict[str, Any]:
    d: Any = p.dashboard
    key_of = {aid: key for key, aid in o.ids.items()}
    return {
        "tasks": d.stats.tasks,
        "by_status": {k: v for k, v in d.stats.by_status.items() if v},
        "overdue": d.stats.overdue,
        "done": d.stats.done,
        "due_soon_tasks": d.stats.due_soon,
        "overdue_by_lead_unit": dict(d.stats.overdue_by_unit),
        "overdue_by_unit": list(d.overdue_by_unit),
        "due_soon": sorted((key_of[i.assignment_id], i.days_left, i.status, i.percent) for i in d.due_soon),
    }


def _read(p: Printed, o: Office) -> dict[str, Any]:
    """The figures of one printing, read back from the files."""
    units, ledger = oracle_outputs.ledger_figures(p.ledger_xlsx)
    return {
        "monthly": oracle_outputs.monthly_figures(p.monthly_pdf, TITLE, UNITS),
        "ledger": ledger,
        "ledger_units": units,
        "dashboard": _dashboard(p, o),
    }


def _oracle(sc: Scenario, printed: dt.date) -> dict[str, Any]:
    h = sc.history
    periods = _periods(sc)
    return {
        "monthly": oracle_rules.monthly_figures(h, TASKS, sc.period, sc.as_of, printed),
        "ledger": oracle_rules.ledger_figures(h, UNITS, periods, sc.as_of, printed),
        "dashboard": oracle_rules.dashboard_figures(h, TASKS, sc.as_of, printed),
    }


def _check(sc: Scenario, got: dict[str, Any], printed: dt.date) -> list[str]:
    want = _oracle(sc, printed)
    out: list[str] = []
    periods = _periods(sc)
    _diff(f"[printed {printed}] monthly", got["monthly"], want["monthly"], out)
    _diff(
        f"[printed {printed}] ledger",
        _with_every_row(got["ledger"], periods),
        _with_every_row(want["ledger"], periods),
        out,
    )
    _diff(f"[printed {printed}] dashboard", got["dashboard"], want["dashboard"], out)
    # The 报送台账 lists every unit with a cell that is not —, and only units with an assignment recorded by then.
    recorded = {m.unit for m in sc.history.made(printed)}
    rows = set(got["ledger_units"])
    if not set(want["ledger"]) <= rows <= recorded:
        out.append(
            f"[printed {printed}] ledger rows: PlanDesk {sorted(rows)}, oracle ⊇ {sorted(want['ledger'])}"
        )
    return out


def _run(template: Path, sc: Scenario) -> tuple[list[dict[str, Any]], list[str]]:
    """Write the history day by day, printing on both printing days; the figures read and the disagreements."""
    if currently_in_test_context():
        note(sc.describe())  # shown with any failure, an error raised by PlanDesk included
    readings: list[dict[str, Any]] = []
    problems: list[str] = []
    plan_day = min([a.day for a in sc.history.actions], default=sc.as_of) - oracle_rules.DAY
    # What the office could record: a report typed in before the day it is dated is refused, so it never was.
    kept = [a for a in sc.history.actions if not (isinstance(a, Report) and a.reported_on > a.day)]
    recorded = replace(sc, history=History(kept))
    with office(template, plan_day) as o:
        for day in sc.printed:
            write_until(o, sc.history, day)
            got = _read(print_outputs(o, sc, day), o)
            readings.append(got)
            problems += _check(recorded, got, day)
    return readings, problems


def _disagreements(template: Path, sc: Scenario, *, same_both_days: bool = False) -> str:
    """ "" when every figure is the oracle's (and, with ``same_both_days``, the two printings agree); else the
    history and every figure that differs."""
    (early, late), problems = _run(template, sc)
    if same_both_days:
        periods = _periods(sc)
        early["ledger"] = _with_every_row(early["ledger"], periods)
        late["ledger"] = _with_every_row(late["ledger"], periods)
        names = (f"printed {sc.printed[0]}", f"printed {sc.printed[1]}")
        for part in ("monthly", "ledger", "dashboard"):
            _diff(f"[as of {sc.as_of}] {part}", early[part], late[part], problems, names)
    return sc.describe() + "\n" + "\n".join(problems) if problems else ""


@pytest.mark.parametrize(
    "name",
    [
        "MISSING_BEFORE_IT_EXISTED",
        "LATE_BEFORE_IT_EXISTED",
        "SUSPENDED_REPORT_HIDES_MISSING",
        "OWED_BEFORE_THE_LEDGER_DAY",
        "LEDGER_MOVES_BETWEEN_PRINTINGS",
        "TYPED_BEFORE_ITS_DATE",
    ],
)
def test_found_counterexample(template_db: Path, name: str) -> None:
    """Each history the oracle found PlanDesk disagreeing on, one by one (the property tests run them first too)."""
    verdict = _disagreements(
        template_db, globals()[name], same_both_days=name == "LEDGER_MOVES_BETWEEN_PRINTINGS"
    )
    assert not verdict, verdict


@settings(SETTINGS, max_examples=24)
@given(sc=scenarios())
@example(sc=MISSING_BEFORE_IT_EXISTED)
@example(sc=LATE_BEFORE_IT_EXISTED)
@example(sc=SUSPENDED_REPORT_HIDES_MISSING)
@example(sc=OWED_BEFORE_THE_LEDGER_DAY)
def test_outputs_agree_with_the_oracle(template_db: Path, sc: Scenario) -> None:
    """Monthly report, 报送台账 and 总览 as of a day, printed a week and three weeks later: the oracle's figures."""
    verdict = _disagreements(template_db, sc)
    assert not verdict, verdict


@settings(SETTINGS, max_examples=12)
@given(sc=scenarios(quiet_between=True))
@example(sc=LEDGER_MOVES_BETWEEN_PRINTINGS)
def test_printing_later_changes_no_figure(template_db: Path, sc: Scenario) -> None:
    """Facts recorded between the two printings, all dated after the as-of day, change no printed figure."""
    verdict = _disagreements(template_db, sc, same_both_days=True)
    assert not verdict, verdict


@settings(SETTINGS, max_examples=10)
@given(sc=scenarios(future_dated=True))
@example(sc=TYPED_BEFORE_ITS_DATE)
def test_reports_typed_in_before_their_date(template_db: Path, sc: Scenario) -> None:
    """A report typed in before the day it is dated is refused (nothing is written), so no output counts it —
    dated after the as-of day, it could otherwise have counted as of a day before it was due to exist."""
    verdict = _disagreements(template_db, sc)
    assert not verdict, verdict
