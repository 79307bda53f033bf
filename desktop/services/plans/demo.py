"""The demo database: the sample plans live in a file of their own, never in the office's real data."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from ...storage import Database, open_database
from ...storage.database import default_db_path
from .plan_import import load_sample_plans

log = logging.getLogger(__name__)

DEMO_NAME = "plandesk-demo.sqlite3"


def demo_path(real: Database | None = None) -> Path:
    """Where the demo database lives: beside the real file (or in the user's data folder for a server)."""
    override = os.environ.get("PLANDESK_DEMO_DB")
    if override:
        return Path(override)
    if real is not None and real.path is not None:
        return real.path.with_name(DEMO_NAME)
    return default_db_path().with_name(DEMO_NAME)


def open_demo_database(*, path: str | os.PathLike[str], operator: str = "") -> Database:
    """Open (creating it the first time) the demo database, with the sample plans in it."""
    target = Path(path)
    if target.resolve() == default_db_path().resolve():
        raise ValueError("the demo database must not be the real one")
    target.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(target, operator=operator)
    loaded = load_sample_plans(db)
    if loaded:
        log.info("demo database %s: loaded %d sample plans", target, len(loaded))
    return db
