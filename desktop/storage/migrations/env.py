"""Alembic environment: runs on the connection PlanDesk hands over, batch mode for SQLite."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from desktop.models import Base
from desktop.storage.search_grams import include_name

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        # Command-line use (alembic revision --autogenerate) against the URL in the config.
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
        with engine.begin() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
