"""Running the Alembic migrations shipped inside the package, with a backup before any upgrade."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.exc import DatabaseError, OperationalError

from ..errors import DatabaseVersionError, PlanDeskError
from .backup import take_backup

if TYPE_CHECKING:
    from .database import Database

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(db: Database | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if db is not None:
        cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_to(db: Database, revision: str) -> None:
    """Run migrations up to ``revision`` on this database (no backup; callers decide)."""
    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def migrate(db: Database, *, upgrade: bool = True) -> None:
    script = ScriptDirectory.from_config(alembic_config())
    try:
        current = current_revision(db)
        has_tables = bool(inspect(db.engine).get_table_names())
    except (OperationalError, DatabaseError) as exc:
        raise PlanDeskError(f"无法打开数据库，文件可能已损坏或不是 PlanDesk 数据库：{exc.orig}",
                            location=db.url) from exc
    head = script.get_current_head()
    if current == head:
        return
    if current is not None:
        try:
            script.get_revision(current)
        except Exception:
            raise DatabaseVersionError(
                f"该数据库由更新版本的 PlanDesk 创建（结构版本 {current}），本程序无法安全打开，数据库未作任何改动。"
                "请升级 PlanDesk，或从备份中恢复旧版本数据库。", location=db.url) from None
    elif has_tables:
        raise PlanDeskError("该数据库不是 PlanDesk 数据库（缺少结构版本信息），未作任何改动。", location=db.url)
    if not upgrade:
        raise DatabaseVersionError(f"数据库结构版本 {current} 需要升级到 {head}。", location=db.url)
    if current is not None and db.path is not None:
        take_backup(db.path, f"before-upgrade-{current}")
    upgrade_to(db, "head")
