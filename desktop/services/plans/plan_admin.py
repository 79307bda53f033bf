"""A plan's own properties and life cycle: correct the title and numbers, archive, delete with a backup first."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from ...errors import ConflictError, NotFound, PlanDeskError
from ...importers.parsed import ParsedPlan
from ...models import PLAN_LEVELS, Assignment, NodeLink, Plan, PlanNode, ProgressEntry, WorkbookExport
from ...status import LEVEL_NAMES
from ...storage import Database
from ..core.backups import backup_before
from ..core.records import PlanInfo
from ..core.tree import get_plan
from ..core.validation import check_text, parse_date

log = logging.getLogger(__name__)

# What a user may change about a plan, and how the messages name it.
PLAN_FIELDS = {
    "title": "方案标题",
    "issuer": "发文机关",
    "doc_number": "文号",
    "issued_on": "成文日期",
    "level": "层级",
    "short_name": "简称",
}
_LIMITS = {"title": 500, "issuer": 200, "doc_number": 100, "short_name": 100}


@dataclass(frozen=True)
class PlanFootprint:
    """What goes with a plan if it is deleted, and who still depends on it."""

    plan_id: int
    title: str
    nodes: int
    assignments: int
    progress: int
    workbooks: int
    linked_from: list[str] = field(default_factory=list)  # titles of plans whose tasks carry this plan out

    def describe(self) -> str:
        """The Chinese sentence the confirmation shows."""
        text = (
            f"将删除方案“{self.title}”及其 {self.nodes} 个条目、{self.assignments} 条分工、"
            f"{self.progress} 条进展记录"
        )
        if self.workbooks:
            text += f"；已登记的 {self.workbooks} 份进展反馈表将不再关联此方案"
        return text + "。"


@dataclass(frozen=True)
class DeletedPlan:
    footprint: PlanFootprint
    backup: str | None


@dataclass(frozen=True)
class DuplicatePlan:
    """A plan already in the database that an incoming document repeats."""

    plan_id: int
    title: str
    doc_number: str
    reason: str  # "same_text" | "same_number"

    def describe(self) -> str:
        why = "内容完全相同" if self.reason == "same_text" else f"文号同为“{self.doc_number}”"
        return f"数据库中已有方案 {self.plan_id}“{self.title}”，与本文件{why}。"


def level_code(value: str) -> str:
    """A plan level from its code or Chinese name (市级, 区县级, …)."""
    text = (value or "").strip()
    names = {name: code for code, name in LEVEL_NAMES.items()}
    names.update(
        {"区县级": "district", "区级": "district", "县级": "district", "国家级": "national", "市": "city"}
    )
    code = names.get(text, text)
    if code not in PLAN_LEVELS:
        choices = "、".join(LEVEL_NAMES.get(c, c) for c in PLAN_LEVELS)
        raise PlanDeskError(f"层级“{value}”无效，可选：{choices}。", field="level")
    return code


def _plan(s: Session, plan_id: int) -> Plan:
    plan = s.get(Plan, plan_id)
    if plan is None:
        raise NotFound(f"找不到编号为 {plan_id} 的方案。", field="plan_id")
    return plan


def clean_properties(changes: dict[str, object]) -> dict[str, object]:
    """Validated values for :data:`PLAN_FIELDS`; raises naming the first field at fault."""
    clean: dict[str, object] = {}
    for key, value in changes.items():
        if key not in PLAN_FIELDS:
            raise PlanDeskError(f"方案的“{key}”不能修改。", field=key)
        if key == "issued_on":
            clean[key] = parse_date(value, field=key, label="成文日期")  # type: ignore[arg-type]
        elif key == "level":
            clean[key] = level_code(str(value))
        else:
            clean[key] = check_text(
                str(value) if value is not None else "",
                field=key,
                label=PLAN_FIELDS[key],
                max_len=_LIMITS[key],
                required=key == "title",
            )
    return clean


def update_plan(
    db: Database, *, plan_id: int, expected_version: int | None = None, **changes: object
) -> PlanInfo:
    """Correct a plan's title, issuer, document number, date, level or short name (only those given)."""
    clean = clean_properties(changes)
    with db.write(cause="修改方案属性") as s:
        plan = _plan(s, plan_id)
        if expected_version is not None and plan.version != expected_version:
            raise ConflictError(
                f"方案“{plan.title[:20]}”已被他人修改（当前版本 {plan.version}，您编辑的是版本 "
                f"{expected_version}）。请刷新后重试，您的修改未保存。",
                field="version",
            )
        for key, value in clean.items():
            if getattr(plan, key) != value:
                setattr(plan, key, value)
        if "title" in clean:
            root = s.scalar(select(PlanNode).where(PlanNode.plan_id == plan_id, PlanNode.parent_id.is_(None)))
            if root is not None and root.title != clean["title"]:
                root.title = str(clean["title"])
    return get_plan(db, plan_id=plan_id)


def set_archived(db: Database, *, plan_id: int, archived: bool) -> PlanInfo:
    """归档 (hide finished work from the daily view) or 取消归档."""
    with db.write(cause="归档方案" if archived else "取消归档") as s:
        plan = _plan(s, plan_id)
        if plan.archived != archived:
            plan.archived = archived
    return get_plan(db, plan_id=plan_id)


def _count(s: Session, query: object) -> int:
    return int(s.scalar(query) or 0)  # type: ignore[call-overload]


def _footprint(s: Session, plan: Plan) -> PlanFootprint:
    nodes = select(PlanNode.id).where(PlanNode.plan_id == plan.id)
    here = aliased(PlanNode)
    there = aliased(PlanNode)
    linking = s.scalars(
        select(Plan.title)
        .join(here, here.plan_id == Plan.id)
        .join(NodeLink, NodeLink.node_id == here.id)
        .join(there, there.id == NodeLink.target_node_id)
        .where(there.plan_id == plan.id, here.plan_id != plan.id)
        .distinct()
    ).all()
    children = s.scalars(select(Plan.title).where(Plan.parent_plan_id == plan.id)).all()
    return PlanFootprint(
        plan.id,
        plan.title,
        _count(s, select(func.count()).select_from(PlanNode).where(PlanNode.plan_id == plan.id)) - 1,
        _count(s, select(func.count()).select_from(Assignment).where(Assignment.node_id.in_(nodes))),
        _count(
            s,
            select(func.count())
            .select_from(ProgressEntry)
            .join(Assignment, Assignment.id == ProgressEntry.assignment_id)
            .where(Assignment.node_id.in_(nodes)),
        ),
        _count(s, select(func.count()).select_from(WorkbookExport).where(WorkbookExport.plan_id == plan.id)),
        list(dict.fromkeys([*linking, *children])),
    )


def plan_footprint(db: Database, *, plan_id: int) -> PlanFootprint:
    """Counts for the delete confirmation."""
    with db.read() as s:
        return _footprint(s, _plan(s, plan_id))


def delete_plan(db: Database, *, plan_id: int, backup: bool = True) -> DeletedPlan:
    """Delete a plan with everything recorded under it, after a backup; refused while another plan uses it.

    The audit trail keeps the deleted plan row (with its title and numbers) and the counts in its cause.
    """
    footprint = plan_footprint(db, plan_id=plan_id)
    if footprint.linked_from:
        raise PlanDeskError(
            f"方案“{footprint.title}”被其他方案关联（{'、'.join(footprint.linked_from)}），"
            "删除会切断这些对接关系，未删除。如已办结，可改为“归档”。",
            field="plan_id",
        )
    path: Path | None = backup_before(db, "delete") if backup else None
    cause = (
        f"删除方案：{footprint.title[:60]}（{footprint.nodes} 个条目、{footprint.assignments} 条分工、"
        f"{footprint.progress} 条进展）"
    )
    with db.write(cause=cause) as s:
        plan = _plan(s, plan_id)
        again = _footprint(s, plan)
        if again.linked_from:  # linked meanwhile by another writer
            raise PlanDeskError(f"方案“{plan.title}”刚被其他方案关联，未删除。", field="plan_id")
        s.delete(plan)
    log.info("deleted plan %s (%s), backup %s", plan_id, footprint.title, path)
    return DeletedPlan(footprint, str(path) if path else None)


def find_duplicate(db: Database, *, parsed: ParsedPlan) -> DuplicatePlan | None:
    """A plan whose imported text or document number matches ``parsed`` (the newest such plan)."""
    digest = hashlib.sha256(parsed.text.encode("utf-8")).hexdigest() if parsed.text else ""
    number = (parsed.doc_number or "").strip()
    with db.read() as s:
        for plan in s.scalars(select(Plan).order_by(Plan.id.desc())):
            if parsed.source_sha256 and plan.source_sha256 == parsed.source_sha256:
                return DuplicatePlan(plan.id, plan.title, plan.doc_number, "same_text")
            if digest and _revision_digest(s, plan.id) == digest:
                return DuplicatePlan(plan.id, plan.title, plan.doc_number, "same_text")
            if number and plan.doc_number.strip() == number:
                return DuplicatePlan(plan.id, plan.title, plan.doc_number, "same_number")
    return None


def _revision_digest(s: Session, plan_id: int) -> str:
    from ...models import PlanRevision

    text = s.scalar(
        select(PlanRevision.text)
        .where(PlanRevision.plan_id == plan_id)
        .order_by(PlanRevision.revision.desc())
        .limit(1)
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest() if text else ""
