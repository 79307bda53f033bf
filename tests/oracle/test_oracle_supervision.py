"""The oracle against the supervision outputs: the 催办 notices (a preview, so nothing is numbered or recorded),
the 计分办法 ranking exported to .xlsx and the 督查通报's 主要指标 — each read back from the file PlanDesk writes and
compared with oracle_rules, on histories with 退回, 办结/销号, 更正, 延期 and indicator values with and without a
measured day, printed as of a day on two later days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import oracle_outputs
import oracle_rules
import pytest
from hypothesis import given, note, settings
from hypothesis.control import currently_in_test_context
from oracle_history import UNITS, Scenario, Supervision, office, print_supervision, scenarios, write_until
from oracle_rules import History, Report
from test_oracle_one_clock import SETTINGS, _diff

D = dt.date

# -- the disagreements the oracle found, as minimal histories ---------------------------------------------------

FOUND: dict[str, Scenario] = {}


def _points(sc: Scenario, printed: dt.date) -> dict[str, tuple[object, ...]]:
    first, last = sc.ledger_months
    ranked = oracle_rules.point_ranking(sc.history, UNITS, first, last, sc.as_of, printed)
    return {u: (p.rank, p.points, p.counts) for u, p in ranked.items()}


def _notices(sc: Scenario, printed: dt.date) -> dict[str, dict[str, object]]:
    return {
        unit: {
            "items": items,
            "as_of": sc.as_of,
            "issued": printed,
            "counts": (sum(i[3] == "已逾期" for i in items), sum(i[3] == "临期" for i in items)),
            "today": 0,  # issued after the as-of day: a deadline on it is 于统计截止日到期, never 今日到期
        }
        for unit, items in oracle_rules.notice_lists(sc.history, sc.as_of, printed).items()
    }


def _check(sc: Scenario, p: Supervision, printed: dt.date) -> list[str]:
    where = f"[printed {printed}]"
    out: list[str] = []
    got_notices = oracle_outputs.notices(p.notices_pdf) if p.notices_pdf is not None else {}
    _diff(f"{where} notices", got_notices, _notices(sc, printed), out)

    sheet, ranks = oracle_outputs.point_sheet(p.points_xlsx)
    _diff(f"{where} points.xlsx", sheet, _points(sc, printed), out)
    if ranks != sorted(ranks):
        out.append(f"{where} points.xlsx ranks out of order: {ranks}")

    got: dict[str, Any] = oracle_outputs.bulletin_indicators(p.bulletin_pdf)
    want: dict[str, Any] = oracle_rules.indicator_figures(sc.history, sc.as_of, printed)
    want |= {"as_of": sc.as_of if want["unreported"] else None, "rest": ""}
    _diff(f"{where} bulletin 主要指标", got, want, out)
    return out


def _disagreements(template: Path, sc: Scenario) -> str:
    """ "" when every figure of the notices, the points and the 主要指标 is the oracle's on both printing days;
    else the history and every figure that differs."""
    if currently_in_test_context():
        note(sc.describe())
    problems: list[str] = []
    plan_day = min([a.day for a in sc.history.actions], default=sc.as_of) - oracle_rules.DAY
    kept = [a for a in sc.history.actions if not (isinstance(a, Report) and a.reported_on > a.day)]
    recorded = replace(sc, history=History(kept))
    with office(template, plan_day) as o:
        for day in sc.printed:
            write_until(o, sc.history, day)
            problems += _check(recorded, print_supervision(o, sc, day), day)
    return sc.describe() + "\n" + "\n".join(problems) if problems else ""


@pytest.mark.parametrize("name", sorted(FOUND))
def test_found_counterexample(template_db: Path, name: str) -> None:
    """Each history the oracle found PlanDesk disagreeing on, one by one (the property test runs them first too)."""
    verdict = _disagreements(template_db, FOUND[name])
    assert not verdict, verdict


@settings(SETTINGS, max_examples=20)
@given(sc=scenarios(workflow=True, indicators=True))
def test_supervision_outputs_agree_with_the_oracle(template_db: Path, sc: Scenario) -> None:
    """催办 notices, the 计分办法 ranking and the 督查通报's 主要指标 as of a day, printed a week and three weeks
    later: the oracle's."""
    verdict = _disagreements(template_db, sc)
    assert not verdict, verdict
