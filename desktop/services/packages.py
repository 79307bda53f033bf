"""Office-to-office packages: a plan with its assignments and progress, merged by uid on the other side."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import NotFound
from ..exchange.package_format import read_package as read_package_file
from ..exchange.package_format import write_package
from ..models import (
    Assignment,
    ImportBatch,
    Indicator,
    IndicatorValue,
    Plan,
    PlanNode,
    PlanRevision,
    ProgressEntry,
    Responsibility,
    Unit,
    UnitAlias,
)
from ..storage import Database
from .units import find_unit
from .workbooks import database_id

KINDS = ("plan", "units", "nodes", "assignments", "progress", "indicators", "values", "revisions")
KIND_NAMES = {
    "plan": "方案",
    "units": "单位",
    "nodes": "条目",
    "assignments": "分工",
    "progress": "进展",
    "indicators": "指标",
    "values": "指标值",
    "revisions": "修订原文",
}
DATES = {
    "issued_on",
    "deadline_hint",
    "start_date",
    "deadline",
    "original_deadline",
    "reported_on",
    "measured_on",
}
TIMES = {"entered_at", "updated_at", "imported_at"}
PLAN_FIELDS = (
    "title",
    "issuer",
    "doc_number",
    "issued_on",
    "level",
    "source_name",
    "source_sha256",
    "source_format",
    "revision",
    "extra",
)
NODE_FIELDS = (
    "position",
    "kind",
    "label",
    "title",
    "text",
    "origin",
    "span_start",
    "span_end",
    "needs_review",
    "deadline_hint",
    "recurrence",
    "goal_year",
    "archived",
    "archived_in_revision",
)
ASSIGNMENT_FIELDS = (
    "role",
    "contact_person",
    "contact_phone",
    "start_date",
    "deadline",
    "original_deadline",
    "status",
    "percent",
    "remarks",
    "workflow_state",
    "archived",
)
PROGRESS_FIELDS = (
    "period",
    "reported_on",
    "text",
    "percent",
    "problems",
    "next_steps",
    "entered_by",
    "entered_at",
    "source",
    "source_ref",
)
INDICATOR_FIELDS = (
    "position",
    "field",
    "name",
    "unit_of_measure",
    "target_text",
    "operator",
    "target_value",
    "target_year",
    "attribute",
    "baseline",
    "from_prose",
    "archived",
)
VALUE_FIELDS = ("measured_on", "value", "source", "note", "entered_by")


@dataclass
class PackagePreview:
    path: str
    plan_uid: str
    plan_title: str
    source_database: str
    created_at: str
    new_plan: bool
    counts: dict[str, dict[str, int]]  # kind -> {add, update, same, kept}
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"交换包：{Path(self.path).name}（{self.created_at}）",
            f"方案：{self.plan_title}"
            + ("（本库没有，将新建）" if self.new_plan else "（本库已有，合并更新）"),
        ]
        for kind in KINDS:
            c = self.counts.get(kind, {})
            if any(c.values()):
                out.append(
                    f"{KIND_NAMES[kind]}：新增 {c.get('add', 0)}，更新 {c.get('update', 0)}，"
                    f"相同 {c.get('same', 0)}，本库较新保留 {c.get('kept', 0)}"
                )
        return out + self.notes


@dataclass(frozen=True)
class PackageResult:
    plan_id: int
    counts: dict[str, dict[str, int]]
    batch_id: int


@dataclass(frozen=True)
class PackageInfo:
    path: str
    counts: dict[str, int]
    sha256: str


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _row(obj: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {n: _plain(getattr(obj, n)) for n in names}


def export_package(
    db: Database, *, plan_id: int, path: str | os.PathLike[str], include_progress: bool = True
) -> PackageInfo:
    """Write the plan, its units, assignments, progress and indicators to a package file."""
    with db.write(cause="导出交换包") as s:
        plan = s.get(Plan, plan_id)
        if plan is None:
            raise NotFound(f"找不到编号为 {plan_id} 的方案。", field="plan_id")
        source = database_id(s) or ""
        content = _collect(s, plan, include_progress)
    counts = {k: len(v) for k, v in content.items() if isinstance(v, list)}
    # The invisible root node is not an item of the plan as users count them.
    counts["nodes"] = sum(1 for n in content.get("nodes", []) if n.get("kind") != "root")
    digest = write_package(
        Path(path),
        {
            "source_database": source,
            "plan_uid": content["plan"]["uid"],
            "plan_title": content["plan"]["title"],
            "counts": counts,
        },
        content,
    )
    return PackageInfo(str(path), counts, digest)


def _collect(s: Session, plan: Plan, include_progress: bool) -> dict[str, Any]:
    nodes = list(s.scalars(select(PlanNode).where(PlanNode.plan_id == plan.id)))
    by_id = {n.id: n for n in nodes}
    depth: dict[int, int] = {}

    def level(n: PlanNode) -> int:
        if n.id not in depth:
            depth[n.id] = 0 if n.parent_id not in by_id else level(by_id[n.parent_id]) + 1
        return depth[n.id]

    nodes.sort(key=lambda n: (level(n), n.parent_id or 0, n.position, n.id))  # parents before children
    unit_ids: set[int] = set()
    out_nodes = []
    for n in nodes:
        resp = [
            {
                "unit_uid": r.unit.uid,
                "unit_name": r.unit.name,
                "role": r.role,
                "position": r.position,
                "raw_name": r.raw_name,
            }
            for r in n.responsibilities
        ]
        unit_ids.update(r.unit_id for r in n.responsibilities)
        parent = by_id.get(n.parent_id or -1)
        out_nodes.append(
            {
                "uid": n.uid,
                "parent_uid": parent.uid if parent else None,
                "updated_at": _plain(n.updated_at),
                "responsibilities": resp,
                **_row(n, NODE_FIELDS),
            }
        )
    assignments = list(
        s.scalars(select(Assignment).where(Assignment.node_id.in_(list(by_id))).order_by(Assignment.id))
    )
    unit_ids.update(a.unit_id for a in assignments)
    progress = []
    if include_progress:
        for a in assignments:
            progress += [
                {
                    "uid": p.uid,
                    "assignment_uid": a.uid,
                    "updated_at": _plain(p.updated_at),
                    **_row(p, PROGRESS_FIELDS),
                }
                for p in a.progress
            ]
    indicators = list(s.scalars(select(Indicator).where(Indicator.plan_id == plan.id).order_by(Indicator.id)))
    units = [s.get(Unit, i) for i in sorted(unit_ids)]
    revisions = s.scalars(
        select(PlanRevision).where(PlanRevision.plan_id == plan.id).order_by(PlanRevision.revision)
    )
    return {
        "plan": {"uid": plan.uid, "updated_at": _plain(plan.updated_at), **_row(plan, PLAN_FIELDS)},
        "units": [
            {"uid": u.uid, "name": u.name, "kind": u.kind, "aliases": [a.alias for a in u.aliases]}
            for u in units
            if u is not None
        ],
        "nodes": out_nodes,
        "assignments": [
            {
                "uid": a.uid,
                "node_uid": by_id[a.node_id].uid,
                "unit_uid": a.unit.uid,
                "updated_at": _plain(a.updated_at),
                **_row(a, ASSIGNMENT_FIELDS),
            }
            for a in assignments
        ],
        "progress": progress,
        "indicators": [
            {
                "uid": i.uid,
                "node_uid": by_id[i.node_id].uid if i.node_id in by_id else None,
                "updated_at": _plain(i.updated_at),
                **_row(i, INDICATOR_FIELDS),
            }
            for i in indicators
        ],
        "values": [
            {
                "uid": v.uid,
                "indicator_uid": i.uid,
                "updated_at": _plain(v.updated_at),
                **_row(v, VALUE_FIELDS),
            }
            for i in indicators
            for v in i.values
        ],
        "revisions": [
            {
                "revision": r.revision,
                "source_name": r.source_name,
                "source_sha256": r.source_sha256,
                "text": r.text,
                "imported_at": _plain(r.imported_at),
            }
            for r in revisions
        ],
    }


def _typed(data: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    out = {}
    for n in names:
        value = data.get(n)
        if value is not None and n in DATES:
            value = dt.date.fromisoformat(value)
        elif value is not None and n in TIMES:
            value = dt.datetime.fromisoformat(value)
        out[n] = value
    return out


class _Merge:
    """Walks the package in dependency order; writes only when ``apply`` is set."""

    def __init__(self, s: Session, content: dict[str, Any], apply: bool) -> None:
        self.s, self.content, self.apply = s, content, apply
        self.counts: dict[str, dict[str, int]] = {
            k: {"add": 0, "update": 0, "same": 0, "kept": 0} for k in KINDS
        }
        self.units: dict[str, int | None] = {}
        self.ids: dict[str, int | None] = {}  # uid -> local id for nodes, assignments, indicators
        self.notes: list[str] = []

    def sync(self, kind: str, model: Any, data: dict[str, Any], values: dict[str, Any]) -> Any:
        """Add or update one row by uid; the newer side wins when both changed it."""
        row = self.s.scalar(select(model).where(model.uid == data["uid"]))
        stamp = dt.datetime.fromisoformat(data["updated_at"]) if data.get("updated_at") else None
        if row is None:
            self.counts[kind]["add"] += 1
            if self.apply:
                row = model(uid=data["uid"], **values)
                if stamp is not None:
                    row.created_at = row.updated_at = stamp
                self.s.add(row)
                self.s.flush()
            return row
        if all(getattr(row, k) == v for k, v in values.items()):
            self.counts[kind]["same"] += 1
        elif stamp is not None and row.updated_at is not None and row.updated_at > stamp:
            self.counts[kind]["kept"] += 1
        else:
            self.counts[kind]["update"] += 1
            if self.apply:
                for k, v in values.items():
                    if getattr(row, k) != v:
                        setattr(row, k, v)
                if stamp is not None:
                    row.updated_at = stamp
                self.s.flush()
        return row

    def unit(self, data: dict[str, Any]) -> None:
        row = self.s.scalar(select(Unit).where(Unit.uid == data["uid"])) or find_unit(self.s, data["name"])
        if row is not None:
            self.counts["units"]["same"] += 1
        else:
            self.counts["units"]["add"] += 1
            if self.apply:
                row = Unit(uid=data["uid"], name=data["name"], kind=data.get("kind") or "other")
                self.s.add(row)
                self.s.flush()
                for alias in data.get("aliases", []):
                    if find_unit(self.s, alias) is None:
                        self.s.add(UnitAlias(unit_id=row.id, alias=alias))
        self.units[data["uid"]] = row.id if row is not None else None

    def run(self) -> Plan | None:
        c = self.content
        for u in c.get("units", []):
            self.unit(u)
        plan: Plan | None = self.sync("plan", Plan, c["plan"], _typed(c["plan"], PLAN_FIELDS))
        plan_id = plan.id if plan is not None else None
        for n in c["nodes"]:
            values = {
                **_typed(n, NODE_FIELDS),
                "plan_id": plan_id,
                "parent_id": self.ids.get(n["parent_uid"] or ""),
            }
            node = self.sync("nodes", PlanNode, n, values)
            self.ids[n["uid"]] = node.id if node is not None else None
            if node is not None and self.apply:
                self.responsibilities(node, n.get("responsibilities", []))
        for a in c.get("assignments", []):
            values = {
                **_typed(a, ASSIGNMENT_FIELDS),
                "node_id": self.ids.get(a["node_uid"]),
                "unit_id": self.units.get(a["unit_uid"]),
            }
            row = self.sync("assignments", Assignment, a, values)
            self.ids[a["uid"]] = row.id if row is not None else None
        for p in c.get("progress", []):
            values = {**_typed(p, PROGRESS_FIELDS), "assignment_id": self.ids.get(p["assignment_uid"])}
            self.sync("progress", ProgressEntry, p, values)
        for i in c.get("indicators", []):
            values = {
                **_typed(i, INDICATOR_FIELDS),
                "plan_id": plan_id,
                "node_id": self.ids.get(i["node_uid"]) if i.get("node_uid") else None,
            }
            row = self.sync("indicators", Indicator, i, values)
            self.ids[i["uid"]] = row.id if row is not None else None
        for v in c.get("values", []):
            values = {**_typed(v, VALUE_FIELDS), "indicator_id": self.ids.get(v["indicator_uid"])}
            self.sync("values", IndicatorValue, v, values)
        self.revisions(plan_id, c.get("revisions", []))
        return plan

    def responsibilities(self, node: PlanNode, wanted: list[dict[str, Any]]) -> None:
        existing = {
            r.unit_id: r
            for r in self.s.scalars(select(Responsibility).where(Responsibility.node_id == node.id))
        }
        keep: set[int] = set()
        for r in wanted:
            unit_id = self.units.get(r["unit_uid"])
            if unit_id is None or unit_id in keep:
                continue
            keep.add(unit_id)
            row = existing.get(unit_id)
            if row is None:
                self.s.add(
                    Responsibility(
                        node_id=node.id,
                        unit_id=unit_id,
                        role=r["role"],
                        position=r["position"],
                        raw_name=r.get("raw_name", ""),
                    )
                )
            elif (row.role, row.position) != (r["role"], r["position"]):
                row.role, row.position = r["role"], r["position"]
        for unit_id, row in existing.items():
            if unit_id not in keep:
                self.s.delete(row)

    def revisions(self, plan_id: int | None, revisions: list[dict[str, Any]]) -> None:
        have = (
            set()
            if plan_id is None
            else set(self.s.scalars(select(PlanRevision.revision).where(PlanRevision.plan_id == plan_id)))
        )
        for r in revisions:
            if r["revision"] in have:
                self.counts["revisions"]["same"] += 1
                continue
            self.counts["revisions"]["add"] += 1
            if self.apply and plan_id is not None:
                self.s.add(
                    PlanRevision(
                        plan_id=plan_id,
                        revision=r["revision"],
                        source_name=r["source_name"],
                        source_sha256=r["source_sha256"],
                        text=r["text"],
                    )
                )


def read_package(db: Database, *, path: str | os.PathLike[str]) -> PackagePreview:
    """What importing the package would add or update (nothing is written)."""
    manifest, content = read_package_file(Path(path))
    with db.read() as s:
        new_plan = s.scalar(select(Plan.id).where(Plan.uid == content["plan"]["uid"])) is None
        merge = _Merge(s, content, apply=False)
        merge.run()
        if new_plan:
            same = s.scalar(select(Plan.id).where(Plan.title == content["plan"]["title"]))
            if same is not None:
                merge.notes.append(
                    f"注意：本库已有同名方案（编号 {same}），但来源不同；将作为另一份方案导入。"
                )
        own = database_id(s, create=False)
        if own and own == manifest.get("source_database"):
            merge.notes.append("该交换包由本数据库导出。")
    return PackagePreview(
        str(path),
        content["plan"]["uid"],
        content["plan"]["title"],
        str(manifest.get("source_database", "")),
        str(manifest.get("created_at", "")),
        new_plan,
        merge.counts,
        merge.notes,
    )


def apply_package(db: Database, *, path: str | os.PathLike[str]) -> PackageResult:
    """Merge the package in one transaction: new rows added, changed rows updated, nothing duplicated."""
    file = Path(path)
    _manifest, content = read_package_file(file)
    with db.write(cause=f"导入交换包：{file.name}") as s:
        batch = ImportBatch(
            kind="package",
            source_name=file.name,
            source_sha256=hashlib.sha256(file.read_bytes()).hexdigest(),
            operator=db.operator,
        )
        s.add(batch)
        s.flush()
        s.info["batch_id"] = batch.id
        merge = _Merge(s, content, apply=True)
        plan = merge.run()
        assert plan is not None
        batch.summary = {"plan_uid": plan.uid, **{k: v for k, v in merge.counts.items() if any(v.values())}}
        return PackageResult(plan.id, merge.counts, batch.id)
