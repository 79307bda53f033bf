"""Shared pieces of the reliability tests: a small plan with work on it, row counts, the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.cli import main
from desktop.models import Assignment, AuditEntry, Plan, PlanNode, ProgressEntry
from desktop.services.core.tree import children, list_plans
from desktop.services.plans.plan_import import import_plan
from desktop.storage import Database

from factories import small_plan

ROOT = Path(__file__).resolve().parents[2]
PG_URL = os.environ.get("PLANDESK_TEST_DATABASE_URL", "")
# Backups, restore and file damage concern the SQLite file: these tests run on one in every run.
sqlite_only = pytest.mark.sqlite_file


def task_ids(db: Database) -> dict[str, int]:
    """Import the small plan; its task node ids by label, plus "plan"."""
    result = import_plan(db, parsed=small_plan(), backup=False)
    root = [p for p in list_plans(db) if p.id == result.plan_id][0].root_id
    ids: dict[str, int] = {"plan": result.plan_id}
    stack = [root]
    while stack:
        for row in children(db, node_id=stack.pop()):  # type: ignore[arg-type]
            ids.setdefault(row.label or row.title, row.id)
            stack.append(row.id)
    return ids


def counts(db: Database) -> dict[str, int]:
    with db.read() as s:
        return {
            m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0
            for m in (Plan, PlanNode, Assignment, ProgressEntry, AuditEntry)
        }


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def plandesk(*argv: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *argv],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=subprocess_env(),
    )
