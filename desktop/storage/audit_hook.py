"""Writes the audit trail at flush time, so no service can forget to record a change."""

from __future__ import annotations

import datetime as dt
import getpass
import json
from typing import Any, cast

from sqlalchemy import Table, event, insert, inspect, select
from sqlalchemy.orm import InstanceState, Session

from .. import clock
from ..models import (
    Assignment,
    AuditEntry,
    Evidence,
    ExtensionRequest,
    Indicator,
    IndicatorValue,
    NodeLink,
    Plan,
    PlanNode,
    ProgressEntry,
    Reminder,
    Responsibility,
    Setting,
    Unit,
    UnitAlias,
    WorkflowStep,
)
from ..models.setting import REDACTED, SECRET_SETTINGS

AUDITED = (
    Plan,
    PlanNode,
    Unit,
    UnitAlias,
    Responsibility,
    Assignment,
    ProgressEntry,
    Indicator,
    IndicatorValue,
    Evidence,
    ExtensionRequest,
    NodeLink,
    Setting,
    WorkflowStep,
    Reminder,
)
SKIPPED_FIELDS = {"created_at", "updated_at", "version"}
MAX_VALUE = 2000  # long texts are cut in the trail; the row itself keeps them whole

try:
    OS_USER = getpass.getuser()
except Exception:  # no login name (service accounts, some containers)
    OS_USER = ""


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    text = str(value)
    return text if len(text) <= MAX_VALUE else text[:MAX_VALUE] + "…"


def _columns(obj: Any) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    out = {c.key: getattr(obj, c.key) for c in mapper.column_attrs if c.key not in SKIPPED_FIELDS}
    if _secret(obj):
        out["value"] = REDACTED
    return out


def _secret(obj: Any) -> bool:
    return isinstance(obj, Setting) and obj.key in SECRET_SETTINGS


def _row_id(obj: Any) -> int | None:
    # Not inspect(obj).identity: new rows only get their identity key after after_flush has run.
    ident = inspect(obj).mapper.primary_key_from_instance(obj)
    return ident[0] if ident and isinstance(ident[0], int) else None


class _Context:
    """Resolves plan and node ids for rows that only point at them indirectly, a few queries per flush."""

    def __init__(self, session: Session, objects: list[Any]) -> None:
        conn = session.connection()
        # What the flush itself holds needs no query: new nodes know their plan, assignments their node.
        self.node_plan: dict[int, int] = {o.id: o.plan_id for o in objects if isinstance(o, PlanNode)}
        self.assignment_node: dict[int, int] = {o.id: o.node_id for o in objects if isinstance(o, Assignment)}
        entries = {o.entry_id for o in objects if isinstance(o, Evidence)}
        self.entry_assignment: dict[int, int] = (
            dict(
                conn.execute(
                    select(ProgressEntry.id, ProgressEntry.assignment_id).where(ProgressEntry.id.in_(entries))
                )
                .tuples()
                .all()
            )
            if entries
            else {}
        )
        wanted = {
            o.assignment_id
            for o in objects
            if isinstance(o, ProgressEntry | ExtensionRequest | WorkflowStep | Reminder)
        }
        wanted |= set(self.entry_assignment.values())
        wanted -= set(self.assignment_node)
        if wanted:
            self.assignment_node.update(
                conn.execute(select(Assignment.id, Assignment.node_id).where(Assignment.id.in_(wanted)))
                .tuples()
                .all()
            )
        nodes = {o.node_id for o in objects if isinstance(o, Responsibility | NodeLink | Assignment)}
        nodes |= set(self.assignment_node.values())
        nodes -= set(self.node_plan)
        if nodes:
            self.node_plan.update(
                conn.execute(select(PlanNode.id, PlanNode.plan_id).where(PlanNode.id.in_(nodes)))
                .tuples()
                .all()
            )
        indicators = {o.indicator_id for o in objects if isinstance(o, IndicatorValue)}
        self.indicator_plan: dict[int, int] = (
            dict(
                conn.execute(select(Indicator.id, Indicator.plan_id).where(Indicator.id.in_(indicators)))
                .tuples()
                .all()
            )
            if indicators
            else {}
        )

    def _of_assignment(self, assignment_id: int | None) -> tuple[int | None, int | None]:
        node_id = self.assignment_node.get(assignment_id) if assignment_id is not None else None
        return (self.node_plan.get(node_id), node_id) if node_id is not None else (None, None)

    def locate(self, obj: Any) -> tuple[int | None, int | None]:
        """(plan_id, node_id) of a row."""
        if isinstance(obj, Plan):
            return obj.id, None
        if isinstance(obj, PlanNode):
            return obj.plan_id, obj.id
        if isinstance(obj, Responsibility | NodeLink | Assignment):
            return self.node_plan.get(obj.node_id), obj.node_id
        if isinstance(obj, ProgressEntry | ExtensionRequest | WorkflowStep | Reminder):
            return self._of_assignment(obj.assignment_id)
        if isinstance(obj, Evidence):
            return self._of_assignment(self.entry_assignment.get(obj.entry_id))
        if isinstance(obj, Indicator):
            return obj.plan_id, obj.node_id
        if isinstance(obj, IndicatorValue):
            return self.indicator_plan.get(obj.indicator_id), None
        return None, None


def _entries(session: Session) -> list[dict[str, Any]]:
    info = session.info
    base = {
        "operator": info.get("operator", ""),
        "os_user": OS_USER,
        "cause": info.get("cause", "手工编辑"),
        "batch_id": info.get("batch_id"),
        "at": info.get("at") or clock.utcnow(),
    }
    ctx = _Context(
        session, [o for o in (*session.new, *session.dirty, *session.deleted) if isinstance(o, AUDITED)]
    )
    rows: list[dict[str, Any]] = []

    def add(obj: Any, action: str, field: str = "", old: Any = None, new: Any = None) -> None:
        plan_id, node_id = ctx.locate(obj)
        rows.append(
            {
                **base,
                "action": action,
                "table_name": obj.__tablename__,
                "row_id": _row_id(obj),
                "plan_id": plan_id,
                "node_id": node_id,
                "field": field,
                "old_value": _text(old),
                "new_value": _text(new),
            }
        )

    for obj in session.new:
        if isinstance(obj, AUDITED):
            add(obj, "insert", new=_columns(obj))
    for obj in session.dirty:
        if not isinstance(obj, AUDITED):
            continue
        state: InstanceState[Any] = inspect(obj)
        # Only a column set since the row was loaded can have history: the others need no look.
        touched = state.committed_state
        if not touched:
            continue
        for attr in state.mapper.column_attrs:
            if attr.key in SKIPPED_FIELDS or attr.key not in touched:
                continue
            hist = state.attrs[attr.key].history
            if hist.has_changes():
                old = hist.deleted[0] if hist.deleted else None
                new = hist.added[0] if hist.added else None
                if old != new and _secret(obj):
                    add(obj, "update", attr.key, REDACTED, REDACTED)
                elif old != new:
                    add(obj, "update", attr.key, old, new)
    for obj in session.deleted:
        if isinstance(obj, AUDITED):
            add(obj, "delete", old=_columns(obj))
    return rows


def install(session_factory: Any) -> None:
    """Attach the audit hook to every session the factory makes."""

    @event.listens_for(session_factory, "after_flush")
    def _after_flush(session: Session, _ctx: Any) -> None:
        if session.info.get("audit", True):
            rows = _entries(session)
            if rows:
                session.connection().execute(insert(cast(Table, AuditEntry.__table__)), rows)
