"""Closing a month while progress for it is being saved: every entry is in the frozen report or refused."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
from typing import Any

import pytest
from rel_helpers import ROOT, subprocess_env, task_ids
from sqlalchemy import select

from desktop.errors import PlanDeskError
from desktop.models import MonthSnapshot, ProgressEntry
from desktop.services.reporting import report_data
from desktop.services.reporting.snapshots import close_month
from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.storage import Database, open_database

MONTH = "2025-03"
DAY = "2025-03-20"


def frozen_texts(db: Database, plan_id: int) -> set[str]:
    with db.read() as s:
        data = s.scalar(select(MonthSnapshot.data).where(MonthSnapshot.plan_id == plan_id))
    return {
        p["text"]
        for t in data["tasks"]
        for a in t["assignments"]
        for p in a["progress"]
        if p["period"] == MONTH
    }


def stored_texts(db: Database) -> set[str]:
    with db.read() as s:
        return set(s.scalars(select(ProgressEntry.text).where(ProgressEntry.period == MONTH)))


def test_an_entry_saved_while_the_month_is_gathered_is_frozen_or_refused(
    db: Database, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = task_ids(db)
    # Handed out in January; March's reports are dated in March (a report dated later is not March's figure).
    a = create_assignment(db, node_id=ids["1."], unit="区市场监管局", start_date="2025-01-02")
    add_progress(db, assignment_id=a.id, period=MONTH, text="关账前的一条", reported_on=DAY)
    outcome: dict[str, Any] = {}
    real = report_data.gather_monthly

    def save_meanwhile() -> None:
        with open_database(db_url, operator="乙") as other:
            try:
                add_progress(
                    other, assignment_id=a.id, period=MONTH, text="关账时保存的一条", reported_on=DAY
                )
                outcome["saved"] = True
            except PlanDeskError as exc:
                outcome["refused"] = str(exc)

    def gather_while_someone_saves(*args: Any, **kwargs: Any) -> Any:
        gathered = real(*args, **kwargs)
        # Someone saves for the month after it was gathered and before it is frozen.
        writer = threading.Thread(target=save_meanwhile)
        writer.start()
        writer.join(1.0)  # the save either lands now or waits for the close to finish
        outcome["thread"] = writer
        return gathered

    monkeypatch.setattr(report_data, "gather_monthly", gather_while_someone_saves)
    close_month(db, plan_id=ids["plan"], period=MONTH)
    outcome["thread"].join(60)
    assert not outcome["thread"].is_alive()
    assert stored_texts(db) == frozen_texts(db, ids["plan"]), "the closed month holds what its report shows"
    assert outcome.get("refused", "").startswith(f"{MONTH} 月已关账"), outcome


# Saves until the close refuses it (a bounded count could all land before the close on a fast machine).
WRITER = """
import sys, time
from desktop.errors import PlanDeskError
from desktop.services.supervision.assignments import add_progress
from desktop.storage import open_database

url, assignment_id, month = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open_database(url, operator="乙") as db:
    print("ready", flush=True)
    give_up = time.monotonic() + 90
    i = 0
    while time.monotonic() < give_up:
        i += 1
        try:
            add_progress(
                db, assignment_id=assignment_id, period=month, text=f"并发第{i}条", reported_on=month + "-20"
            )
        except PlanDeskError as exc:
            print("refused", exc, flush=True)
            break
        print("saved", i, flush=True)
"""


def test_a_process_saving_without_pause_while_the_month_closes_loses_nothing_from_the_report(
    db: Database, db_url: str
) -> None:
    ids = task_ids(db)
    a = create_assignment(db, node_id=ids["1."], unit="区市场监管局", start_date="2025-01-02")
    lines: list[str] = []
    closer: threading.Thread | None = None
    with (
        tempfile.TemporaryFile(mode="w+") as errors,
        subprocess.Popen(
            [sys.executable, "-c", WRITER, db_url, str(a.id), MONTH],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            env=subprocess_env(),
            cwd=ROOT,
        ) as writer,
    ):
        assert writer.stdout is not None
        # Every line is read through this one reader: lines it has read ahead would be lost to communicate(),
        # which reads the pipe beneath it (a save once went uncounted that way).
        for line in writer.stdout:
            lines.append(line)
            if closer is None and sum(x.startswith("saved") for x in lines) >= 5:
                closer = threading.Thread(
                    target=close_month, kwargs={"db": db, "plan_id": ids["plan"], "period": MONTH}
                )
                closer.start()
        code = writer.wait(timeout=120)
        errors.seek(0)
        assert code == 0, errors.read()
    assert closer is not None
    closer.join(120)
    out = "".join(lines)
    saved = out.count("saved")
    assert "refused" in out and "已关账" in out
    frozen, stored = frozen_texts(db, ids["plan"]), stored_texts(db)
    assert stored == frozen and len(stored) == saved
    print(f"\nmonth close while saving: {saved} saved, {len(frozen)} frozen, 0 outside the report")
