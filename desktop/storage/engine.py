"""Engine creation with the SQLite settings PlanDesk relies on (WAL, foreign keys, busy timeout)."""

from __future__ import annotations

import contextvars
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from .search_grams import register as register_search_functions

# Set while a write transaction is opened, so SQLite takes the write lock at BEGIN: a second
# writer then waits (busy timeout) instead of failing half-way through its transaction.
WRITE_INTENT: contextvars.ContextVar[bool] = contextvars.ContextVar("plandesk_write_intent", default=False)

BUSY_TIMEOUT_MS = 15000


def make_engine(url: str, **kwargs: Any) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        engine = create_engine(url, pool_pre_ping=True, **kwargs)
        if parsed.get_backend_name() == "postgresql":

            @event.listens_for(engine, "connect")
            def _on_pg_connect(dbapi_conn: Any, _record: Any) -> None:
                # PlanDesk's statements are short: compiling one with JIT took 240 ms of a 1 ms query.
                cur = dbapi_conn.cursor()
                cur.execute("SET jit = off")
                cur.close()
                dbapi_conn.commit()

        return engine
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **kwargs)
    in_memory = parsed.database in (None, "", ":memory:")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # pysqlite's own transaction handling is bypassed so that BEGIN is ours (see WRITE_INTENT).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if not in_memory:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()
        register_search_functions(dbapi_conn)  # the search index triggers call pd_grams()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if WRITE_INTENT.get() else "BEGIN")

    return engine
