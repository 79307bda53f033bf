"""Office-to-office packages: a plan with its assignments and progress, merged by uid on the other side."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from ... import clock
from ...errors import ImportRefused, NotFound, PlanDeskError
from ...exchange.package_check import CHECKPOINT, ESCALATION, ITEM_SOURCE, check_content
from ...exchange.package_check import KIND_NAMES as KIND_NAMES  # the window and the CLI name kinds with it
from ...exchange.package_format import PackageFile, fingerprint, public_key_of, write_package
from ...exchange.package_format import read_package as read_package_file
from ...models import (
    Assignment,
    Checkpoint,
    Escalation,
    ImportBatch,
    Indicator,
    IndicatorValue,
    Plan,
    PlanNode,
    PlanRevision,
    ProgressEntry,
    Responsibility,
    Setting,
    SupervisionItem,
    Unit,
    UnitAlias,
)
from ...storage import Database
from ..core.backups import backup_before
from ..core.units import check_unit_name, clean_unit_name, find_unit
from ..core.validation import check_number, parse_date, xml_invalid_char
from ..plans.plan_import import reserve_ids
from ..supervision.items import is_collection, item_sources_for_package
from .keystore import SIGNING_KEY, database_identity, office_secret, take_identity_notice

KINDS = (
    "plan",
    "units",
    "nodes",
    "assignments",
    "progress",
    "indicators",
    "values",
    "revisions",
    "item_sources",
    "checkpoints",
    "escalations",
)
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
    fingerprint: str = ""  # of the key that signed it, as people read it out to each other
    known: bool = True  # False: a key never confirmed here — importing needs the fingerprint confirmed

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
    notice: str = ""  # said once: this database is a copy and signs with an identity of its own from now on


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _row(obj: Any, names: tuple[str, ...]) -> dict[str, Any]:
    """The named fields and the revision counter the receiving side compares with its own."""
    return {**{n: _plain(getattr(obj, n)) for n in names}, "version": obj.version}


def export_package(
    db: Database, *, plan_id: int, path: str | os.PathLike[str], include_progress: bool = True
) -> PackageInfo:
    """Write the plan, its units, assignments, progress and indicators to a package file."""
    with db.write(cause="导出交换包") as s:
        # this database's id and signing key: made by the first export, kept outside a SQLite file (keystore);
        # a copy of another database's file takes an identity of its own here and says so
        database_identity(s, create=True)
        _signing_key(s)
        notice = take_identity_notice(s)
    with db.read() as s:  # reading only: nobody waits on an export
        plan = s.get(Plan, plan_id)
        if plan is None:
            raise NotFound(f"找不到编号为 {plan_id} 的方案。", field="plan_id")
        source = database_identity(s, create=False) or ""
        key = _signing_key(s)
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
        private_key=key,
    )
    return PackageInfo(str(path), counts, digest, notice)


def _collect(s: Session, plan: Plan, include_progress: bool) -> dict[str, Any]:
    nodes = list(
        s.scalars(
            select(PlanNode)
            .where(PlanNode.plan_id == plan.id)
            .options(selectinload(PlanNode.responsibilities).joinedload(Responsibility.unit))
        )
    )
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
        s.scalars(
            select(Assignment)
            .where(Assignment.node_id.in_(list(by_id)))
            .options(joinedload(Assignment.unit), selectinload(Assignment.progress))
            .order_by(Assignment.id)
        )
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
    indicators = list(
        s.scalars(
            select(Indicator)
            .where(Indicator.plan_id == plan.id)
            .options(selectinload(Indicator.values))
            .order_by(Indicator.id)
        )
    )
    units = [s.get(Unit, i) for i in sorted(unit_ids)]
    revisions = s.scalars(
        select(PlanRevision).where(PlanRevision.plan_id == plan.id).order_by(PlanRevision.revision)
    )
    content: dict[str, Any] = {
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
    if is_collection(plan):
        content["item_sources"] = _item_sources(s, plan.id)
    content["checkpoints"] = [
        {"node_uid": by_id[c.node_id].uid, **{k: _plain(getattr(c, k)) for k in CHECKPOINT}}
        for c in s.scalars(
            select(Checkpoint).where(Checkpoint.node_id.in_(list(by_id))).order_by(Checkpoint.id)
        )
        if by_id[c.node_id].kind != "root"
    ]
    by_assignment = {a.id: a.uid for a in assignments}
    content["escalations"] = [
        {"assignment_uid": by_assignment[e.assignment_id], **{k: _plain(getattr(e, k)) for k in ESCALATION}}
        for e in s.scalars(
            select(Escalation)
            .where(Escalation.assignment_id.in_(list(by_assignment)))
            .order_by(Escalation.id)
        )
    ]
    return content


def _item_sources(s: Session, plan_id: int) -> list[dict[str, Any]]:
    """The 督办事项 source fields (批示人, 原件文号, 会议名称…) of a collection, one record per item node."""
    versions: dict[str, int] = {
        uid: version
        for uid, version in s.execute(
            select(PlanNode.uid, SupervisionItem.version)
            .join(SupervisionItem, SupervisionItem.node_id == PlanNode.id)
            .where(PlanNode.plan_id == plan_id)
        )
    }
    return [
        {"node_uid": uid, **values, "version": versions.get(uid, 1)}
        for uid, values in sorted(item_sources_for_package(s, plan_id).items())
    ]


OFFICES_KEY = "exchange.offices"  # public key -> what this database knows of the office that signs with it
CHUNK = 500
# Past this the import stops and rolls back: the write lock is never held for minutes.
APPLY_SECONDS = 120.0
CHECK_EVERY = 1000  # rows between looks at the clock


def _signing_key(s: Session) -> str:
    key = office_secret(s, SIGNING_KEY, create=True)
    if key is None:
        raise PlanDeskError("本数据库是另一个数据库文件的副本，尚未建立自己的签名密钥：请重新导出。")
    return key


def _own_public_key(s: Session) -> str | None:
    own = office_secret(s, SIGNING_KEY, create=False)
    return public_key_of(own) if own else None


def _in_chunks(uids: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(uids), CHUNK):
        yield uids[i : i + CHUNK]


class _Merge:
    """Walks the checked package in dependency order; writes only when ``apply`` is set.

    Records are matched by uid within the package's own plan only: a uid this database already has in
    another plan refuses the whole package. Which side is newer is decided by the records' revision
    counters (``version``), never by the timestamps a package brings.
    """

    def __init__(self, s: Session, content: dict[str, Any], apply: bool, where: str) -> None:
        self.s, self.content, self.apply, self.where = s, content, apply, where
        self.counts: dict[str, dict[str, int]] = {
            k: {"add": 0, "update": 0, "same": 0, "kept": 0} for k in KINDS
        }
        self.units: dict[str, int | None] = {}
        self.ids: dict[str, int | None] = {}  # uid -> local id for nodes, assignments, indicators
        self.notes: list[str] = []
        self.foreign: list[str] = []
        self.deadline = time.monotonic() + APPLY_SECONDS
        self.done = 0

    def existing(self, kind: str, model: Any, plan_of: Any, join: list[Any]) -> dict[str, Any]:
        """Rows this database already has under the package's uids, with the plan each belongs to."""
        uids = [r["uid"] for r in self.content[kind]]
        found: dict[str, Any] = {}
        for chunk in _in_chunks(uids):
            query = select(model, plan_of).select_from(model)
            for target, on in join:
                query = query.join(target, on)
            for row, plan_id in self.s.execute(query.where(model.uid.in_(chunk))):
                found[row.uid] = row
                if plan_id != self.plan_id:
                    self.foreign.append(f"{KIND_NAMES[kind]} {row.uid}（属于方案 {plan_id}）")
        return found

    def reserve(self, kind: str, model: Any, found: dict[str, Any]) -> Iterator[int] | None:
        """Ids for the rows of ``kind`` this import adds, so they go in without a round trip each."""
        if not self.apply:
            return None
        new = sum(1 for r in self.content[kind] if r["uid"] not in found)
        ids = reserve_ids(self.s, model, new)
        return iter(ids) if ids is not None else None

    def sync(
        self,
        kind: str,
        model: Any,
        data: dict[str, Any],
        values: dict[str, Any],
        row: Any,
        ids: Iterator[int] | None = None,
    ) -> Any:
        """Add or update one row; the side with the higher revision counter wins when both differ."""
        self.done += 1
        if self.done % CHECK_EVERY == 0 and time.monotonic() > self.deadline:
            raise ImportRefused(
                f"交换包过大：导入 {APPLY_SECONDS:.0f} 秒后仍未完成，已停止，未写入任何数据。"
                "请对方分成较小的交换包（例如不含进展记录）后重新导出。",
                location=self.where,
            )
        incoming = int(data.get("version") or 1)
        if row is None:
            self.counts[kind]["add"] += 1
            if self.apply:
                row = model(uid=data["uid"], **values)
                if ids is not None:
                    row.id = next(ids)
                row.version = incoming
                self.s.add(row)
            return row
        if all(getattr(row, k) == v for k, v in values.items()):
            self.counts[kind]["same"] += 1
        elif incoming <= row.version:
            self.counts[kind]["kept"] += 1
        else:
            self.counts[kind]["update"] += 1
            if self.apply:
                for k, v in values.items():
                    if getattr(row, k) != v:
                        setattr(row, k, v)
                row.version = incoming
        return row

    def unit(self, data: dict[str, Any]) -> None:
        name = clean_unit_name(data["name"])
        row = self.s.scalar(select(Unit).where(Unit.uid == data["uid"])) or find_unit(self.s, name)
        if row is not None:
            self.counts["units"]["same"] += 1
        else:
            self.counts["units"]["add"] += 1
            if self.apply:
                row = Unit(uid=data["uid"], name=name, kind=data.get("kind") or "other")
                self.s.add(row)
                self.s.flush()
                for alias in data.get("aliases", []):
                    alias = clean_unit_name(alias)
                    if alias and find_unit(self.s, alias) is None:
                        self.s.add(UnitAlias(unit_id=row.id, alias=alias))
                        self.s.flush()
        self.units[data["uid"]] = row.id if row is not None else None

    def refuse_foreign(self) -> None:
        if self.foreign:
            shown = "；".join(self.foreign[:5]) + ("等" if len(self.foreign) > 5 else "")
            raise ImportRefused(
                f"交换包中有 {len(self.foreign)} 条记录的 uid 已属于本库的其他方案：{shown}。"
                "交换包只能新建或更新它自己的方案，拒绝导入，未写入任何数据。",
                location=self.where,
            )

    def run(self) -> Plan | None:
        c = self.content
        plan = self.s.scalar(select(Plan).where(Plan.uid == c["plan"]["uid"]))
        self.plan_id = plan.id if plan is not None else None
        nodes = self.existing("nodes", PlanNode, PlanNode.plan_id, [])
        on_node = (PlanNode, PlanNode.id == Assignment.node_id)
        assignments = self.existing("assignments", Assignment, PlanNode.plan_id, [on_node])
        on_assignment = (Assignment, Assignment.id == ProgressEntry.assignment_id)
        progress = self.existing("progress", ProgressEntry, PlanNode.plan_id, [on_assignment, on_node])
        indicators = self.existing("indicators", Indicator, Indicator.plan_id, [])
        on_indicator = (Indicator, Indicator.id == IndicatorValue.indicator_id)
        values_found = self.existing("values", IndicatorValue, Indicator.plan_id, [on_indicator])
        self.refuse_foreign()
        for u in c["units"]:
            self.unit(u)
        plan_values = {k: c["plan"][k] for k in PLAN_FIELDS}
        extra = dict(plan_values.get("extra") or {})
        if extra.get("kind") == "items":
            # another office's 督办事项 of a year is theirs: this office's new items never go under it
            plan_values["extra"] = {**extra, "received": True}
        plan = cast(Plan | None, self.sync("plan", Plan, c["plan"], plan_values, plan))
        if plan is not None and self.apply:
            self.s.flush()
        plan_id = plan.id if plan is not None else None
        kept_nodes: set[str] = set()
        new_ids = self.reserve("nodes", PlanNode, nodes)
        with self.s.no_autoflush:
            for n in c["nodes"]:
                values = {
                    **{k: n[k] for k in NODE_FIELDS},
                    "plan_id": plan_id,
                    "parent_id": self.ids.get(n["parent_uid"] or ""),
                }
                before = self.counts["nodes"]["kept"]
                node = self.sync("nodes", PlanNode, n, values, nodes.get(n["uid"]), new_ids)
                if self.counts["nodes"]["kept"] > before:
                    kept_nodes.add(n["uid"])
                if node is not None and node.id is None:
                    self.s.flush()  # children need the id (a database that cannot hand ids out)
                self.ids[n["uid"]] = node.id if node is not None else None
        if self.apply:
            self.s.flush()
        if self.apply:
            self.all_responsibilities(c["nodes"], kept_nodes)
        new_ids = self.reserve("assignments", Assignment, assignments)
        for a in c["assignments"]:
            values = {
                **{k: a[k] for k in ASSIGNMENT_FIELDS},
                "node_id": self.ids.get(a["node_uid"]),
                "unit_id": self.units.get(a["unit_uid"]),
            }
            self.sync("assignments", Assignment, a, values, assignments.get(a["uid"]), new_ids)
        self.flush_ids("assignments", Assignment)
        new_ids = self.reserve("progress", ProgressEntry, progress)
        for p in c["progress"]:
            values = {
                **{k: p[k] for k in PROGRESS_FIELDS},
                "assignment_id": self.ids.get(p["assignment_uid"]),
            }
            if values["entered_at"] is None:
                values.pop("entered_at")
            self.sync("progress", ProgressEntry, p, values, progress.get(p["uid"]), new_ids)
        for i in c["indicators"]:
            values = {
                **{k: i[k] for k in INDICATOR_FIELDS},
                "plan_id": plan_id,
                "node_id": self.ids.get(i["node_uid"]) if i.get("node_uid") else None,
            }
            self.sync("indicators", Indicator, i, values, indicators.get(i["uid"]))
        self.flush_ids("indicators", Indicator)
        for v in c["values"]:
            values = {**{k: v[k] for k in VALUE_FIELDS}, "indicator_id": self.ids.get(v["indicator_uid"])}
            self.sync("values", IndicatorValue, v, values, values_found.get(v["uid"]))
        self.revisions(plan_id, c["revisions"])
        self.item_sources(c["item_sources"])
        self.checkpoints(c["checkpoints"])
        self.escalations(c["escalations"])
        if self.apply:
            self.s.flush()
        return plan

    def flush_ids(self, kind: str, model: Any) -> None:
        """Local ids of the rows just added or matched, for the records that refer to them."""
        uids = [r["uid"] for r in self.content[kind]]
        if self.apply:
            self.s.flush()
        for chunk in _in_chunks(uids):
            for uid, row_id in self.s.execute(select(model.uid, model.id).where(model.uid.in_(chunk))):
                self.ids[uid] = row_id

    def all_responsibilities(self, nodes: list[dict[str, Any]], kept: set[str]) -> None:
        ids = [self.ids[n["uid"]] for n in nodes if n["uid"] not in kept and self.ids.get(n["uid"])]
        existing: dict[int, dict[int, Responsibility]] = {}
        for chunk in range(0, len(ids), CHUNK):
            for r in self.s.scalars(
                select(Responsibility).where(Responsibility.node_id.in_(ids[chunk : chunk + CHUNK]))
            ):
                existing.setdefault(r.node_id, {})[r.unit_id] = r
        for n in nodes:
            node_id = self.ids.get(n["uid"])
            if node_id is None or n["uid"] in kept:
                continue
            self.responsibilities(node_id, n["responsibilities"], existing.get(node_id, {}))

    def responsibilities(
        self, node_id: int, wanted: list[dict[str, Any]], existing: dict[int, Responsibility]
    ) -> None:
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
                        node_id=node_id,
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

    def item_sources(self, sources: list[dict[str, Any]]) -> None:
        """督办来源 onto the package's own item nodes; the higher revision counter wins as for every record."""
        node_ids = [i for i in (self.ids.get(r["node_uid"]) for r in sources) if i is not None]
        existing: dict[int, SupervisionItem] = {}
        for chunk in range(0, len(node_ids), CHUNK):
            for item in self.s.scalars(
                select(SupervisionItem).where(SupervisionItem.node_id.in_(node_ids[chunk : chunk + CHUNK]))
            ):
                existing[item.node_id] = item
        counts = self.counts["item_sources"]
        for r in sources:
            node_id = self.ids.get(r["node_uid"])
            values = {k: r[k] for k in ITEM_SOURCE}
            row = existing.get(node_id) if node_id is not None else None
            if row is None:
                counts["add"] += 1
                if self.apply and node_id is not None:
                    item = SupervisionItem(node_id=node_id, **values)
                    item.version = r["version"]
                    self.s.add(item)
            elif all(getattr(row, k) == v for k, v in values.items()):
                counts["same"] += 1
            elif r["version"] <= row.version:
                counts["kept"] += 1
            else:
                counts["update"] += 1
                if self.apply:
                    for k, v in values.items():
                        if getattr(row, k) != v:
                            setattr(row, k, v)
                    row.version = r["version"]

    def checkpoints(self, rows: list[dict[str, Any]]) -> None:
        """节点目标 by task and date: new ones added; where this database set a different one, it is kept."""
        node_ids = [i for i in (self.ids.get(r["node_uid"]) for r in rows) if i is not None]
        have: dict[tuple[int, dt.date], Checkpoint] = {}
        for chunk in range(0, len(node_ids), CHUNK):
            for c in self.s.scalars(
                select(Checkpoint).where(Checkpoint.node_id.in_(node_ids[chunk : chunk + CHUNK]))
            ):
                have[(c.node_id, c.due)] = c
        counts = self.counts["checkpoints"]
        for r in rows:
            node_id = self.ids.get(r["node_uid"])
            row = have.get((node_id, r["due"])) if node_id is not None else None
            if row is None:
                counts["add"] += 1
                if self.apply and node_id is not None:
                    new = Checkpoint(node_id=node_id, **{k: r[k] for k in CHECKPOINT})
                    self.s.add(new)
                    have[(node_id, r["due"])] = new
            elif (row.expected_percent, row.title) == (r["expected_percent"], r["title"]):
                counts["same"] += 1
            else:
                counts["kept"] += 1

    def escalations(self, rows: list[dict[str, Any]]) -> None:
        """督查单 are records of what was issued, never edited: the ones this database lacks are added."""
        ids = [i for i in (self.ids.get(r["assignment_uid"]) for r in rows) if i is not None]
        have: set[tuple[int, str, dt.datetime]] = set()
        for chunk in range(0, len(ids), CHUNK):
            have.update(
                (aid, level, at)
                for aid, level, at in self.s.execute(
                    select(Escalation.assignment_id, Escalation.level, Escalation.at).where(
                        Escalation.assignment_id.in_(ids[chunk : chunk + CHUNK])
                    )
                )
            )
        counts = self.counts["escalations"]
        for r in rows:
            assignment_id = self.ids.get(r["assignment_uid"])
            if assignment_id is not None and (assignment_id, r["level"], r["at"]) in have:
                counts["same"] += 1
                continue
            counts["add"] += 1
            if self.apply and assignment_id is not None:
                self.s.add(Escalation(assignment_id=assignment_id, **{k: r[k] for k in ESCALATION}))
                have.add((assignment_id, r["level"], r["at"]))

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
            have.add(r["revision"])
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


@dataclass(frozen=True)
class _Checked:
    file: PackageFile
    content: dict[str, Any]
    sha256: str


# Fields check_content has typed as dates and as figures, by kind of record.
_DATE_FIELDS = {
    "plan": ("issued_on",),
    "nodes": ("deadline_hint",),
    "assignments": ("start_date", "deadline", "original_deadline"),
    "progress": ("reported_on",),
    "values": ("measured_on",),
    "item_sources": ("received_on", "deadline", "instructed_on"),
    "checkpoints": ("due",),
}
_NUMBER_FIELDS = {"indicators": ("target_value",), "values": ("value",)}
_SHOWN_PROBLEMS = 10


def _strings(value: Any, name: str) -> Iterator[tuple[str, str]]:
    """(field, text) of every text in a record, nested lists and tables included."""
    if isinstance(value, str):
        yield name, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _strings(inner, f"{name}.{key}" if name else str(key))
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner, name)


def _record_problems(kind: str, row: dict[str, Any]) -> Iterator[str]:
    """The rules every other entry point applies, for one checked record: dates within 1900–2100, figures
    finite and within ±1e12, unit names with something visible in them, no text XML cannot hold."""
    for name in _DATE_FIELDS.get(kind, ()):
        try:
            parse_date(row.get(name), field=name, label="日期")
        except PlanDeskError as exc:
            yield f"字段 {name}：{exc.message}"
    for name in _NUMBER_FIELDS.get(kind, ()):
        try:
            check_number(row.get(name), field=name, label="数值", optional=True)
        except PlanDeskError as exc:
            yield f"字段 {name}：{exc.message}"
    if kind == "units":
        for name, value in [("name", row.get("name")), *(("aliases", a) for a in row.get("aliases", []))]:
            try:
                check_unit_name(str(value or ""), field=name, label="单位名称" if name == "name" else "别名")
            except PlanDeskError as exc:
                yield f"字段 {name}：{exc.message}"
    for name, text in _strings(row, ""):
        bad = xml_invalid_char(text)
        if bad is not None:
            yield f"字段 {name}：含有无法保存的控制字符（U+{ord(bad):04X}）"


def _check_bounds(content: dict[str, Any], where: str) -> None:
    """ImportRefused listing the first records that break _record_problems' rules (nothing is written)."""
    problems: list[str] = []
    for kind in KINDS:
        rows = content.get(kind)
        for n, row in enumerate([rows] if isinstance(rows, dict) else rows or [], 1):
            uid = row.get("uid") or row.get("node_uid") or row.get("assignment_uid")
            place = (
                KIND_NAMES[kind]
                + ("" if kind == "plan" else f"第 {n} 条")
                + (f"（uid {uid}）" if uid else "")
            )
            problems += (f"{place}{problem}" for problem in _record_problems(kind, row))
            if len(problems) >= _SHOWN_PROBLEMS:
                break
    if problems:
        raise ImportRefused(
            "交换包内容有误，拒绝导入，未写入任何数据：\n" + "\n".join(problems[:_SHOWN_PROBLEMS]),
            location=where,
        )


def _load(path: Path) -> _Checked:
    """Read, verify and check the whole package; nothing here touches the database."""
    file = read_package_file(path)
    content = check_content(file.content, path.name)
    _check_bounds(content, path.name)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return _Checked(file, content, digest)


def _offices(s: Session) -> dict[str, dict[str, Any]]:
    row = s.get(Setting, OFFICES_KEY)
    value = row.value if row is not None else None
    return dict(value) if isinstance(value, dict) else {}


def _sender(s: Session, checked: _Checked) -> tuple[str, bool, str | None]:
    """(how the sender is shown, known?, why the package must be refused or None)."""
    key = checked.file.public_key
    claimed = str(checked.file.manifest.get("source_database", ""))
    if _own_public_key(s) == key:
        return "本数据库（该交换包由本数据库导出）", True, None
    offices = _offices(s)
    if key in offices:
        seen = offices[key]
        return (
            f"已知办公室（密钥指纹 {fingerprint(key)}，首次收到于 {seen.get('first_seen', '')}）",
            True,
            None,
        )
    for other_key, seen in offices.items():
        if claimed and seen.get("database_id") == claimed and other_key != key:
            return (
                f"未知办公室（密钥指纹 {fingerprint(key)}）",
                False,
                "交换包自称来自一个已知办公室，但签名密钥与该办公室以往的交换包不同，可能是伪造的，"
                "拒绝导入。请与对方核实。",
            )
    return (
        f"未知办公室：首次收到此办公室的交换包（密钥指纹 {fingerprint(key)}），请与对方核对指纹后再导入",
        False,
        None,
    )


def _owner_refusal(s: Session, checked: _Checked) -> str | None:
    """A plan received from one office is updated only by packages signed with that office's key."""
    key = checked.file.public_key
    uid = str(checked.content["plan"]["uid"])
    for other_key, seen in _offices(s).items():
        if other_key != key and uid in seen.get("plans", []):
            return (
                f"该方案来自另一个办公室（密钥指纹 {fingerprint(other_key)}），只能由该办公室的交换包更新；"
                f"这个交换包的签名密钥不同（指纹 {fingerprint(key)}），拒绝导入。"
            )
    return None


def _same_fingerprint(given: str | None, key: str) -> bool:
    """The fingerprint the user confirmed, however typed (spaces, dashes, case)."""
    squeeze = re.compile(r"[\s\-:：]")
    return bool(given) and squeeze.sub("", str(given)).upper() == squeeze.sub("", fingerprint(key))


def package_fingerprint(path: str | os.PathLike[str]) -> str:
    """The fingerprint of the key a package is signed with (to read out and compare with the sender)."""
    return fingerprint(_load(Path(path)).file.public_key)


def _remember(s: Session, checked: _Checked) -> None:
    """Trust the package's key from now on (the user confirmed it) and note the plan it brought."""
    key = checked.file.public_key
    if _own_public_key(s) == key:
        return
    offices = _offices(s)
    seen = dict(offices.get(key) or {})
    seen.setdefault("database_id", str(checked.file.manifest.get("source_database", "")))
    seen.setdefault("first_seen", clock.today().isoformat())
    seen.setdefault("plan_title", checked.content["plan"]["title"][:100])
    plans = [str(p) for p in seen.get("plans", []) if isinstance(p, str)]
    uid = str(checked.content["plan"]["uid"])
    if uid not in plans:
        plans.append(uid)
    seen["plans"] = plans
    offices[key] = seen
    row = s.get(Setting, OFFICES_KEY)
    if row is None:
        s.add(Setting(key=OFFICES_KEY, value=offices))
    else:
        row.value = offices


def read_package(db: Database, *, path: str | os.PathLike[str]) -> PackagePreview:
    """What importing the package would add or update (nothing is written)."""
    file = Path(path)
    checked = _load(file)
    content = checked.content
    with db.read() as s:
        shown, known, refusal = _sender(s, checked)
        refusal = refusal or _owner_refusal(s, checked)
        if refusal:
            raise ImportRefused(refusal, location=file.name)
        new_plan = s.scalar(select(Plan.id).where(Plan.uid == content["plan"]["uid"])) is None
        merge = _Merge(s, content, False, file.name)
        merge.run()
        merge.notes.insert(0, f"来源：{shown}")
        if new_plan:
            same = s.scalar(select(Plan.id).where(Plan.title == content["plan"]["title"]))
            if same is not None:
                merge.notes.append(
                    f"注意：本库已有同名方案（编号 {same}），但来源不同；将作为另一份方案导入。"
                )
    return PackagePreview(
        str(path),
        content["plan"]["uid"],
        content["plan"]["title"],
        str(checked.file.manifest.get("source_database", "")),
        str(checked.file.manifest.get("created_at", "")),
        new_plan,
        merge.counts,
        merge.notes,
        fingerprint(checked.file.public_key),
        known,
    )


def apply_package(db: Database, *, path: str | os.PathLike[str], trust: str | None = None) -> PackageResult:
    """Merge the package in one transaction: new rows added, changed rows updated, nothing duplicated.

    A package signed with a key not yet trusted here is imported only with ``trust`` = the key's fingerprint,
    as the user confirmed it with the sender; a plan that came from one office is updated only by that
    office's key. The whole package is read, verified and checked before the write transaction begins, and
    the database is backed up first.
    """
    file = Path(path)
    checked = _load(file)
    with db.read() as s:
        _shown, known, refusal = _sender(s, checked)
        refusal = refusal or _owner_refusal(s, checked)
    if refusal:
        raise ImportRefused(refusal, location=file.name)
    if not known and not _same_fingerprint(trust, checked.file.public_key):
        fp = fingerprint(checked.file.public_key)
        raise ImportRefused(
            f"尚未确认此办公室的签名密钥（指纹 {fp}）。请通过电话等方式与对方核对指纹，"
            f"确认一致后再导入（命令行加 --trust {fp}）。",
            location=file.name,
        )
    backup_before(db, "import")
    with db.write(cause=f"导入交换包：{file.name}") as s:
        batch = ImportBatch(
            kind="package", source_name=file.name, source_sha256=checked.sha256, operator=db.operator
        )
        s.add(batch)
        s.flush()
        s.info["batch_id"] = batch.id
        merge = _Merge(s, checked.content, True, file.name)
        plan = merge.run()
        assert plan is not None
        _remember(s, checked)
        batch.summary = {"plan_uid": plan.uid, **{k: v for k, v in merge.counts.items() if any(v.values())}}
        return PackageResult(plan.id, merge.counts, batch.id)
