"""Running the Alembic migrations shipped inside the package, with a backup before any upgrade."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.exc import DatabaseError, OperationalError

from ..errors import DatabaseVersionError, PlanDeskError
from ..resources import shipped_path
from .backup import take_backup
from .health import DISK_FULL, StorageProblem, disk_nearly_full, storage_problem

if TYPE_CHECKING:
    from alembic.config import Config

    from .database import Database

# Alembic's script folder (env.py, script.py.mako, versions/), read as files: a real folder in a wheel, an
# editable install and the PyInstaller bundle (packaging/plandesk.spec ships it as data).
MIGRATIONS: Path = shipped_path("desktop.storage", "migrations")
VERSIONS = MIGRATIONS / "versions"
VERSION_TABLE = "alembic_version"


def alembic_config(db: Database | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if db is not None:
        cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def _revision_lines(path: Path) -> tuple[str, tuple[str, ...]] | None:
    """(revision, down revisions) read from a migration file's module-level assignments, without running it."""
    found: dict[str, object] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id in ("revision", "down_revision") and node.value:
                    found[target.id] = ast.literal_eval(node.value)
    revision = found.get("revision")
    if not isinstance(revision, str):
        return None
    down = found.get("down_revision")
    downs = (down,) if isinstance(down, str) else tuple(down) if isinstance(down, tuple | list) else ()
    return revision, downs


@cache
def known_revisions() -> dict[str, tuple[str, ...]]:
    """Every shipped revision and the revisions it follows (read from the files; importing alembic costs ~1 s)."""
    graph: dict[str, tuple[str, ...]] = {}
    for path in sorted(VERSIONS.glob("*.py")):
        entry = _revision_lines(path)
        if entry is not None:
            graph[entry[0]] = entry[1]
    return graph


def head_revision() -> str:
    graph = known_revisions()
    followed = {down for downs in graph.values() for down in downs}
    heads = sorted(set(graph) - followed)
    if len(heads) != 1:
        raise PlanDeskError(
            f"程序自带的数据库迁移有 {len(heads)} 个最新版本（应为 1 个）：{', '.join(heads)}"
        )
    return heads[0]


def current_revision(db: Database) -> str | None:
    """The schema revision stored in the database (None for an empty one), read with plain SQL."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        rows = [r[0] for r in conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))]
    if len(rows) > 1:
        raise DatabaseVersionError(
            f"数据库记录了多个结构版本（{', '.join(rows)}），无法判断其版本，数据库未作任何改动。",
            location=db.url,
        )
    return rows[0] if rows else None


def upgrade_to(db: Database, revision: str) -> None:
    """Run migrations up to ``revision`` on this database (no backup; callers decide)."""
    from alembic import command

    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def migrate(db: Database, *, upgrade: bool = True) -> None:
    """Bring the database to the head revision; a database already there costs one query and no alembic."""
    try:
        current = current_revision(db)
        head = head_revision()
        if current == head:
            return
        has_tables = bool(inspect(db.engine).get_table_names())
    except (OperationalError, DatabaseError) as exc:
        problem = storage_problem(exc)
        if problem is None and disk_nearly_full(db.path):
            problem = StorageProblem(DISK_FULL)  # no room for the journal: said as what it is, not as damage
        if problem is not None:  # a full disk, permissions or a lock: the file is fine
            raise problem from exc
        raise PlanDeskError(
            f"无法打开数据库，文件可能已损坏或不是 PlanDesk 数据库：{exc.orig}", location=db.url
        ) from exc
    if current is not None and current not in known_revisions():
        raise DatabaseVersionError(
            f"该数据库由更新版本的 PlanDesk 创建（结构版本 {current}），本程序无法安全打开，数据库未作任何改动。"
            "请升级 PlanDesk，或从备份中恢复旧版本数据库。",
            location=db.url,
        )
    if current is None and has_tables:
        raise PlanDeskError(
            "该数据库不是 PlanDesk 数据库（缺少结构版本信息），未作任何改动。", location=db.url
        )
    if not upgrade:
        raise DatabaseVersionError(f"数据库结构版本 {current} 需要升级到 {head}。", location=db.url)
    if current is not None and db.path is not None:
        take_backup(db.path, f"before-upgrade-{current}")
    upgrade_to(db, "head")
