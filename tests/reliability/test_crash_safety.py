"""Killing PlanDesk (SIGKILL) in the middle of an import never leaves a damaged database or half a plan."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rel_helpers import PG_URL, ROOT, subprocess_env
from sqlalchemy import func, select

from desktop.cli import main
from desktop.models import Plan, PlanNode
from desktop.services.core.integrity import check_database
from desktop.storage import open_database
from desktop.storage.backup import list_backups

from conftest import XIAN

# Raise in bench runs: PLANDESK_KILL_ROUNDS=300 pytest tests/reliability/test_crash_safety.py -s
KILL_ROUNDS = int(os.environ.get("PLANDESK_KILL_ROUNDS", "30"))
TIME_BUDGET = float(os.environ.get("PLANDESK_KILL_SECONDS", "40"))  # stops the loop early on a slow machine


def plan_shape(url: str) -> tuple[int, dict[int, int]]:
    """Plans and the node count of each, after checking the database is sound."""
    with open_database(url) as db:
        problems = check_database(db)
        assert problems == [], [p.message for p in problems]
        if db.path is not None:
            con = sqlite3.connect(db.path)
            try:
                assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            finally:
                con.close()
        with db.read() as s:
            rows = s.execute(select(PlanNode.plan_id, func.count()).group_by(PlanNode.plan_id)).all()
            plans = s.scalar(select(func.count()).select_from(Plan)) or 0
    return plans, dict(rows)


def backup_names(url: str) -> set[str]:
    path = Path(url)
    return {b.path.name for b in list_backups(path)} if not PG_URL else set()


def forked_import(url: str, path: Path) -> int:
    """Run ``plandesk --db URL import PATH`` in a forked child (no interpreter start-up to wait for)."""
    pid = os.fork()
    if pid == 0:  # child: never returns into pytest
        code = 1
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            code = main(["--db", url, "import", str(path)])
        finally:
            os._exit(code)
    return pid


def kill_and_reap(pid: int, delay: float) -> bool:
    """SIGKILL after ``delay`` seconds; True when the child had already finished by itself."""
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        done, _status = os.waitpid(pid, os.WNOHANG)
        if done:
            return True
        time.sleep(0.002)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return False


@pytest.fixture
def crash_url(db_url: str) -> str:
    open_database(db_url).close()
    return db_url


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the bulk loop forks; the subprocess test covers Windows")
@pytest.mark.slow
def test_import_killed_at_random_moments_is_all_or_nothing(crash_url: str) -> None:
    rng = random.Random(int(os.environ.get("PLANDESK_KILL_SEED", "20250101")))
    plans, nodes = plan_shape(crash_url)
    start = time.monotonic()
    pid = forked_import(crash_url, XIAN)
    assert kill_and_reap(pid, 120), "an undisturbed import finishes"
    full = time.monotonic() - start
    plans, after = plan_shape(crash_url)
    expected = after[max(after)]  # nodes of one whole Xi'an plan, root included
    assert plans == 1 and expected > 50
    outcomes = {"nothing": 0, "killed after backup, before commit": 0, "whole": 0, "finished": 0}
    loop_start = time.monotonic()
    rounds = 0
    while rounds < KILL_ROUNDS and time.monotonic() - loop_start < TIME_BUDGET:
        rounds += 1
        before_plans, before_nodes = plan_shape(crash_url)
        backups_before = backup_names(crash_url)
        pid = forked_import(crash_url, XIAN)
        finished = kill_and_reap(pid, rng.uniform(0.05, 1.1) * full)
        plans, nodes = plan_shape(crash_url)
        if plans == before_plans:
            assert nodes == before_nodes, "a killed import left rows behind"
            outcomes["nothing"] += 1
            # The pre-import backup is taken just before the write transaction starts.
            outcomes["killed after backup, before commit"] += bool(backup_names(crash_url) - backups_before)
        else:
            assert plans == before_plans + 1, "at most one plan per import"
            new = set(nodes) - set(before_nodes)
            assert len(new) == 1 and nodes[new.pop()] == expected, "the new plan is complete"
            outcomes["finished" if finished else "whole"] += 1
    print(
        f"\nkills survived: {rounds - outcomes['finished']} of {rounds} rounds; "
        f"outcomes {outcomes}; one import takes {full:.2f} s"
    )
    assert rounds >= min(KILL_ROUNDS, 5)
    assert outcomes["nothing"] > 0, "some kills landed before the commit"


def test_cli_process_killed_during_import_leaves_a_sound_database(crash_url: str) -> None:
    """The real ``plandesk import`` command, started as a new process and killed while it works."""
    plans, nodes = plan_shape(crash_url)
    rng = random.Random(7)
    for _ in range(2 if PG_URL else 3):
        proc = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--db", crash_url, "import", str(XIAN)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=subprocess_env(),
            cwd=ROOT,
        )
        time.sleep(rng.uniform(0.5, 2.5))  # somewhere in start-up, parsing or writing
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        after_plans, after_nodes = plan_shape(crash_url)
        assert after_plans - plans in (0, 1)
        if after_plans == plans:
            assert after_nodes == nodes
        plans, nodes = after_plans, after_nodes
