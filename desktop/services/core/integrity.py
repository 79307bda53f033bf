"""The database check: SQLite's own checks plus the invariants PlanDesk relies on, on every backend."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import aliased

from ...models import Assignment, Indicator, IndicatorValue, Plan, PlanNode, ProgressEntry, Responsibility
from ...storage import Database
from ...storage.health import storage_problem
from ...storage.migrate import current_revision, head_revision
from .validation import MAX_NUMBER, NUMBER_BOUND_TEXT

SHOWN = 20  # a damaged database can have thousands of faults; the first ones say enough


@dataclass(frozen=True)
class Problem:
    check: str  # short code: integrity, foreign_key, root, position, …
    message: str  # Chinese, for the user


def _sqlite_checks(conn: Connection) -> list[Problem]:
    found = [
        Problem("integrity", f"SQLite 完整性检查：{r[0]}")
        for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchmany(SHOWN)
        if r[0] != "ok"
    ]
    for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchmany(SHOWN):
        found.append(Problem("foreign_key", f"表 {table} 第 {rowid} 行引用的 {parent} 记录不存在。"))
    return found


def _roots(conn: Connection) -> list[Problem]:
    found: list[Problem] = []
    roots = (
        select(Plan.id, Plan.title, func.count(PlanNode.id))
        .outerjoin(PlanNode, (PlanNode.plan_id == Plan.id) & (PlanNode.kind == "root"))
        .group_by(Plan.id, Plan.title)
        .having(func.count(PlanNode.id) != 1)
    )
    for plan_id, title, n in conn.execute(roots).fetchmany(SHOWN):
        found.append(Problem("root", f"方案 {plan_id}（{title}）有 {n} 个根条目，应当恰好 1 个。"))
    bad_root = select(PlanNode.id, PlanNode.plan_id).where(
        PlanNode.kind == "root", PlanNode.parent_id.is_not(None)
    )
    for node_id, plan_id in conn.execute(bad_root).fetchmany(SHOWN):
        found.append(Problem("root", f"方案 {plan_id} 的根条目 {node_id} 挂在其他条目之下。"))
    loose = select(PlanNode.id, PlanNode.plan_id).where(PlanNode.kind != "root", PlanNode.parent_id.is_(None))
    for node_id, plan_id in conn.execute(loose).fetchmany(SHOWN):
        found.append(Problem("parent", f"方案 {plan_id} 的条目 {node_id} 没有上级条目。"))
    return found


def _tree(conn: Connection) -> list[Problem]:
    found: list[Problem] = []
    dup = (
        select(PlanNode.parent_id, PlanNode.position, func.count())
        .where(PlanNode.parent_id.is_not(None))
        .group_by(PlanNode.parent_id, PlanNode.position)
        .having(func.count() > 1)
    )
    for parent_id, position, n in conn.execute(dup).fetchmany(SHOWN):
        found.append(Problem("position", f"条目 {parent_id} 下有 {n} 个子条目的顺序号同为 {position}。"))
    parent = aliased(PlanNode)
    cross = (
        select(PlanNode.id, PlanNode.plan_id, parent.plan_id)
        .join(parent, parent.id == PlanNode.parent_id)
        .where(parent.plan_id != PlanNode.plan_id)
    )
    for node_id, plan_id, other in conn.execute(cross).fetchmany(SHOWN):
        found.append(Problem("parent", f"方案 {plan_id} 的条目 {node_id} 的上级条目属于另一方案 {other}。"))
    missing = (
        select(PlanNode.id)
        .outerjoin(parent, parent.id == PlanNode.parent_id)
        .where(PlanNode.parent_id.is_not(None), parent.id.is_(None))
    )
    for (node_id,) in conn.execute(missing).fetchmany(SHOWN):
        found.append(Problem("parent", f"条目 {node_id} 的上级条目不存在。"))
    return found


def _work(conn: Connection) -> list[Problem]:
    found: list[Problem] = []
    node = aliased(PlanNode)
    orphan = (
        select(Assignment.id, Assignment.node_id, node.kind)
        .outerjoin(node, node.id == Assignment.node_id)
        .where((node.id.is_(None)) | (node.kind == "root"))
    )
    for a_id, node_id, kind in conn.execute(orphan).fetchmany(SHOWN):
        where = "不存在的条目" if kind is None else "方案根条目"
        found.append(Problem("assignment", f"分工记录 {a_id} 挂在{where} {node_id} 上。"))
    for a_id, pct in conn.execute(
        select(Assignment.id, Assignment.percent).where((Assignment.percent < 0) | (Assignment.percent > 100))
    ).fetchmany(SHOWN):
        found.append(Problem("percent", f"分工记录 {a_id} 的完成百分比为 {pct}，超出 0–100。"))
    bad = select(ProgressEntry.id, ProgressEntry.percent).where(
        ProgressEntry.percent.is_not(None), (ProgressEntry.percent < 0) | (ProgressEntry.percent > 100)
    )
    for e_id, pct in conn.execute(bad).fetchmany(SHOWN):
        found.append(Problem("percent", f"进展记录 {e_id} 的完成百分比为 {pct}，超出 0–100。"))
    return found


def _responsibilities(conn: Connection) -> list[Problem]:
    """A node that lists units lists a lead unit first (position 0); joint leads (A、B牵头) come before co units."""
    found: list[Problem] = []
    rows = conn.execute(
        select(Responsibility.node_id, Responsibility.role, Responsibility.position).order_by(
            Responsibility.node_id, Responsibility.position, Responsibility.id
        )
    ).all()
    by_node: dict[int, list[tuple[str, int]]] = {}
    for node_id, role, position in rows:
        by_node.setdefault(node_id, []).append((role, position))
    for node_id, units in by_node.items():
        roles = [role for role, _p in units]
        positions = [p for _r, p in units]
        if "lead" not in roles:
            found.append(Problem("lead", f"条目 {node_id} 列出 {len(units)} 个责任单位，但没有牵头单位。"))
        elif units[0] != ("lead", 0) or roles != sorted(roles, key=lambda r: r != "lead"):
            found.append(Problem("lead", f"条目 {node_id} 的牵头单位没有排在责任单位最前（顺序号 0 起）。"))
        if len(set(positions)) != len(positions):
            found.append(Problem("lead", f"条目 {node_id} 的责任单位顺序号重复。"))
        if len(found) >= SHOWN:
            break
    return found


def _values(conn: Connection) -> list[Problem]:
    """Figures stored before they were checked: NaN (never equal to itself), infinities and beyond ±MAX_NUMBER."""
    found: list[Problem] = []
    for row_id, column, what in (
        (IndicatorValue.id, IndicatorValue.value, "指标值记录 {} 的数值"),
        (Indicator.id, Indicator.base_value, "指标 {} 的基期值"),
        (Indicator.id, Indicator.target_value, "指标 {} 的目标值"),
    ):
        bad = (column != column) | (column > MAX_NUMBER) | (column < -MAX_NUMBER)
        found += [
            Problem(
                "indicator", f"{what.format(i)} {v} 无效，应为有限数值且绝对值不超过 {NUMBER_BOUND_TEXT}。"
            )
            for i, v in conn.execute(select(row_id, column).where(bad)).fetchmany(SHOWN)
        ]
    return found


CHECKS: list[Callable[[Connection], list[Problem]]] = [_roots, _tree, _work, _responsibilities, _values]


def check_database(db: Database) -> list[Problem]:
    """Everything wrong with the database; an empty list means it is sound."""
    found: list[Problem] = []
    try:
        current = current_revision(db)
    except SQLAlchemyError as exc:
        problem = storage_problem(exc)
        if problem is not None:  # a lock or permissions: nothing to find in the data
            raise problem from exc
        return [Problem("open", f"无法读取数据库结构版本：{getattr(exc, 'orig', exc)}")]
    head = head_revision()
    if current != head:
        found.append(Problem("schema", f"数据库结构版本为 {current}，本程序要求 {head}。"))
    with db.engine.connect() as conn:
        try:
            if db.is_sqlite:
                found += _sqlite_checks(conn)
            for check in CHECKS:
                found += check(conn)
        except SQLAlchemyError as exc:
            problem = storage_problem(exc)
            if problem is not None:
                raise problem from exc
            found.append(Problem("read", f"读取数据时出错，数据库可能已损坏：{getattr(exc, 'orig', exc)}"))
        finally:
            conn.rollback()
    return found
