"""Writing a parsed plan into the database: one transaction, with a backup taken first."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Cancelled, PlanDeskError
from ..importers.parsed import ParsedNode, ParsedPlan
from ..models import ImportBatch, Indicator, Plan, PlanNode, PlanRevision, Responsibility
from ..storage import Database
from .backups import backup_before
from .units import ensure_unit

ProgressFn = Callable[[int, str], None]
CancelFn = Callable[[], bool]


@dataclass
class ImportResult:
    plan_id: int
    title: str
    counts: dict[str, int]
    indicators: int
    review: list[str] = field(default_factory=list)
    review_data: dict[str, Any] = field(default_factory=dict)
    backup: str | None = None


def guess_level(parsed: ParsedPlan) -> str:
    """National, province, city or district, from the document number and issuer."""
    probe = parsed.doc_number + parsed.issuer + parsed.title
    if parsed.doc_number.startswith(("国发", "国办发", "国函", "国办函")) or probe.startswith("国务院"):
        return "national"
    if "省" in parsed.issuer or any(parsed.doc_number.startswith(p) for p in ("陕政", "粤府", "苏政", "浙政")):
        return "province"
    if any(k in parsed.issuer for k in ("区人民政府", "县人民政府", "区政府", "县政府")):
        return "district"
    return "city"


def tree_snapshot(nodes: list[PlanNode]) -> list[dict[str, Any]]:
    by_id = {n.id: n for n in nodes}
    return [{"uid": n.uid, "parent_uid": by_id[n.parent_id].uid if n.parent_id in by_id else None,
             "kind": n.kind, "label": n.label, "title": n.title, "text": n.text,
             "units": [[r.unit_id, r.role] for r in n.responsibilities]} for n in nodes]


def jsonable(data: Any) -> Any:
    """Dates and other plain values as JSON can store them."""
    return json.loads(json.dumps(data, ensure_ascii=False, default=str))


def _review(parsed: ParsedPlan) -> tuple[list[str], dict[str, Any]]:
    from ..importers.review import review_dict, review_lines

    return review_lines(parsed), jsonable(review_dict(parsed))


def import_plan(db: Database, *, parsed: ParsedPlan, level: str | None = None, parent_plan_id: int | None = None,
                progress: ProgressFn | None = None, is_cancelled: CancelFn | None = None,
                backup: bool = True) -> ImportResult:
    """Store ``parsed`` as a new plan. Either the whole plan is written or nothing is."""
    if not parsed.nodes:
        raise PlanDeskError("文档中未识别出任何章节或任务，未导入。请确认这是一份规划或实施方案。",
                            location=parsed.source_name)
    report = progress or (lambda _p, _m: None)
    cancelled = is_cancelled or (lambda: False)
    backup_path = backup_before(db, "import") if backup else None
    lines, data = _review(parsed)
    total = max(len(parsed.walk()), 1)
    with db.write(cause=f"导入：{parsed.source_name or parsed.title}") as s:
        batch = ImportBatch(kind="plan_import", source_name=parsed.source_name, source_sha256=parsed.source_sha256,
                            operator=db.operator, summary=data)
        s.add(batch)
        s.flush()
        s.info["batch_id"] = batch.id
        plan = Plan(title=parsed.title or Path(parsed.source_name).stem, issuer=parsed.issuer,
                    doc_number=parsed.doc_number, issued_on=parsed.issued_on, level=level or guess_level(parsed),
                    parent_plan_id=parent_plan_id, source_name=parsed.source_name,
                    source_sha256=parsed.source_sha256, source_format=parsed.source_format,
                    extra=jsonable(dict(parsed.metadata)), revision=1)
        s.add(plan)
        s.flush()
        root = PlanNode(plan_id=plan.id, parent_id=None, position=0, kind="root", label="", title=plan.title)
        s.add(root)
        s.flush()
        written: list[PlanNode] = [root]
        counts: dict[str, int] = {}
        done = 0

        def add(pnode: ParsedNode, parent: PlanNode, position: int) -> None:
            nonlocal done
            node = PlanNode(plan_id=plan.id, parent_id=parent.id, position=position, kind=pnode.kind,
                            label=pnode.label, title=pnode.title, text=pnode.text, origin="document",
                            span_start=pnode.span[0] if pnode.span else None,
                            span_end=pnode.span[1] if pnode.span else None, needs_review=pnode.needs_review,
                            deadline_hint=pnode.deadline, recurrence=pnode.recurrence, goal_year=pnode.goal_year)
            s.add(node)
            s.flush()
            seen: set[int] = set()
            for i, pu in enumerate(pnode.units):
                unit = ensure_unit(s, pu.name)
                if unit.id in seen:
                    continue
                seen.add(unit.id)
                s.add(Responsibility(node_id=node.id, unit_id=unit.id, role=pu.role, position=i,
                                     raw_name=pu.raw or pu.name))
            written.append(node)
            counts[pnode.kind] = counts.get(pnode.kind, 0) + 1
            done += 1
            if done % 20 == 0:
                if cancelled():
                    raise Cancelled()
                report(10 + int(80 * done / total), "写入方案条目")
            for j, child in enumerate(pnode.children):
                add(child, node, j)

        for i, top in enumerate(parsed.nodes):
            add(top, root, i)
        for i, ind in enumerate(parsed.indicators):
            s.add(Indicator(plan_id=plan.id, position=i, field=ind.field, name=ind.name, unit_of_measure=ind.unit,
                            target_text=ind.target, operator=ind.operator, target_value=ind.target_value,
                            target_year=ind.year, attribute=ind.attribute, baseline=ind.baseline,
                            from_prose=ind.from_prose))
        s.flush()
        s.add(PlanRevision(plan_id=plan.id, revision=1, source_name=parsed.source_name,
                           source_sha256=parsed.source_sha256, text=parsed.text, tree=tree_snapshot(written),
                           batch_id=batch.id))
        if cancelled():
            raise Cancelled()
        report(100, "导入完成")
        return ImportResult(plan.id, plan.title, counts, len(parsed.indicators), lines, data,
                            str(backup_path) if backup_path else None)


def import_file(db: Database, *, path: str | os.PathLike[str], level: str | None = None,
                parent_plan_id: int | None = None, progress: ProgressFn | None = None,
                is_cancelled: CancelFn | None = None, backup: bool = True) -> ImportResult:
    """Read, repair, parse and store a plan document."""
    from ..importers.load import load_plan

    report = progress or (lambda _p, _m: None)
    parsed = load_plan(path, progress=lambda p, m: report(p // 10, m), is_cancelled=is_cancelled)
    return import_plan(db, parsed=parsed, level=level, parent_plan_id=parent_plan_id, progress=progress,
                       is_cancelled=is_cancelled, backup=backup)


def sample_plan_files() -> list[Path]:
    """The sample plans shipped with PlanDesk, offered on first start."""
    from ..resources import resource_path

    return sorted(resource_path("plans").glob("*.txt"))


def load_sample_plans(db: Database) -> list[ImportResult]:
    """Import the shipped sample plans into an empty database (does nothing if plans exist)."""
    from .tree import list_plans

    if list_plans(db):
        return []
    return [import_file(db, path=p, backup=False) for p in sample_plan_files()]
