"""Writing a parsed plan into the database: one transaction, with a backup taken first."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ...errors import Cancelled, PlanDeskError
from ...importers.parsed import ParsedNode, ParsedPlan
from ...models import (
    ImportBatch,
    Indicator,
    NodeLink,
    Plan,
    PlanNode,
    PlanRevision,
    Responsibility,
    Unit,
    UnitAlias,
)
from ...storage import Database
from ..core.backups import backup_before
from ..core.division import LINK_NOTE
from ..core.units import canonical_unit_name, check_unit_name, clean_unit_name, unit_kind_of
from ..core.validation import parse_date
from .adopt import AdoptPlan, adopt_in
from .parsed_checks import check_parsed_plan
from .plan_admin import clean_properties, find_duplicate, level_code

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
    if "省" in parsed.issuer or any(
        parsed.doc_number.startswith(p) for p in ("陕政", "粤府", "苏政", "浙政")
    ):
        return "province"
    if any(k in parsed.issuer for k in ("区人民政府", "县人民政府", "区政府", "县政府")):
        return "district"
    return "city"


def tree_snapshot(
    nodes: list[PlanNode], held: dict[PlanNode, list[Responsibility]] | None = None
) -> list[dict[str, Any]]:
    """The plan tree as a revision stores it; ``held`` gives responsibilities already at hand (else loaded)."""
    by_id = {n.id: n for n in nodes}
    return [
        {
            "uid": n.uid,
            "parent_uid": by_id[n.parent_id].uid if n.parent_id in by_id else None,
            "kind": n.kind,
            "label": n.label,
            "title": n.title,
            "text": n.text,
            "units": [[r.unit_id, r.role] for r in (held[n] if held is not None else n.responsibilities)],
        }
        for n in nodes
    ]


def jsonable(data: Any) -> Any:
    """Dates and other plain values as JSON can store them."""
    return json.loads(json.dumps(data, ensure_ascii=False, default=str))


def read_document(
    path: str | os.PathLike[str],
    *,
    progress: ProgressFn | None = None,
    is_cancelled: CancelFn | None = None,
    part: int = 1,
) -> ParsedPlan:
    """The import use case's first step, for the window's preview: what the importer recognised in the document
    (any Chinese encoding, .docx, PDF, web page; of a file bundling several plans, the ``part``-th). Nothing is
    written."""
    from ...importers.load import load_plan

    return load_plan(path, progress=progress, is_cancelled=is_cancelled, part=part)


def review_text(parsed: ParsedPlan) -> list[str]:
    """The import review as the preview and the command line print it: what was found, and where to look."""
    from ...importers.review import review_lines

    return review_lines(parsed)


def _review(parsed: ParsedPlan) -> tuple[list[str], dict[str, Any]]:
    from ...importers.review import review_dict

    return review_text(parsed), jsonable(review_dict(parsed))


class _UnitCache:
    """The units an import names, resolved like ensure_unit but from two queries instead of several per name.

    Known units come back as their id; units the import adds are pending Unit rows written with the tree.
    """

    def __init__(self, s: Session) -> None:
        self.s = s
        self.ids: dict[str, int] = dict(s.execute(select(Unit.name, Unit.id)).tuples().all())
        self.alias_ids: dict[str, int] = dict(
            s.execute(select(UnitAlias.alias, UnitAlias.unit_id)).tuples().all()
        )
        # Names stored before they were cleaned as now (traditional, full-width) still answer to their clean form.
        for table in (self.ids, self.alias_ids):
            for stored, unit_id in list(table.items()):
                table.setdefault(clean_unit_name(stored), unit_id)
        self.resolved: dict[str, int | Unit] = {}
        self.created: dict[str, Unit] = {}  # canonical name → unit added by this import

    def get(self, name: str) -> int | Unit:
        key = check_unit_name(name, field="unit", label="责任单位名称")
        found = self.resolved.get(key)
        if found is not None:
            return found
        unit: int | Unit | None = None
        if key:  # find_unit: the name, an alias, then the canonical form of the name
            unit = self.ids.get(key) or self.alias_ids.get(key)
            if unit is None:
                canonical = canonical_unit_name(key)
                if canonical != key:
                    unit = self.ids.get(canonical)
        if unit is None:
            canonical = clean_unit_name(canonical_unit_name(key)) or key
            unit = self.ids.get(canonical) or self.created.get(canonical)
            if unit is None:
                unit = self.created[canonical] = Unit(name=canonical, kind=unit_kind_of(canonical))
                self.s.add(unit)
            if key != canonical and key not in self.alias_ids:
                self.s.add(
                    UnitAlias(unit_id=unit, alias=key)
                    if isinstance(unit, int)
                    else UnitAlias(unit=unit, alias=key)
                )
        self.resolved[key] = unit
        return unit


def reserve_ids(s: Session, model: type[Any], count: int) -> list[int] | None:
    """``count`` unused ids of ``model``'s table, ascending, for rows about to be added in this transaction.

    Rows that carry their id need nothing back from the database, so the ORM sends them as one multi-row
    INSERT (on SQLite it otherwise inserts row by row to learn each new id), and a plan's nodes keep
    document order by id although children are added before their parents are written. None where the
    database cannot hand ids out; callers then let the database number the rows.
    """
    table = model.__table__.name
    dialect = s.get_bind().dialect.name
    if count <= 0 or dialect not in ("sqlite", "postgresql"):
        return None if count > 0 else []
    if dialect == "sqlite":
        # Callers write in a transaction begun IMMEDIATE (SQLite's write lock), so nobody else takes these.
        start = s.scalar(text(f"SELECT coalesce(max(id), 0) FROM {table}")) or 0
        return list(range(start + 1, start + 1 + count))
    return sorted(
        s.scalars(
            text(f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, :n)"),
            {"n": count},
        )
    )


def _new_node(pnode: ParsedNode, plan: Plan, parent: PlanNode, position: int) -> PlanNode:
    node = PlanNode(
        plan_id=plan.id,
        position=position,
        kind=pnode.kind,
        label=pnode.label,
        title=pnode.title,
        text=pnode.text,
        origin="document",
        span_start=pnode.span[0] if pnode.span else None,
        span_end=pnode.span[1] if pnode.span else None,
        needs_review=pnode.needs_review,
        deadline_hint=pnode.deadline,
        recurrence=pnode.recurrence,
        goal_year=pnode.goal_year,
    )
    if parent.id is not None:
        node.parent_id = parent.id
    else:
        node.parent = parent  # type: ignore[unreachable]  # a pending row's id is None; Mapped[int] cannot say so
    return node


def _responsibilities(pnode: ParsedNode, node: PlanNode, units: _UnitCache) -> list[Responsibility]:
    """The units the document names for a node, each once, in printed order (positions keep any gaps)."""
    duties: list[Responsibility] = []
    chosen: list[int | Unit] = []
    for i, pu in enumerate(pnode.units):
        unit = units.get(pu.name)
        if unit in chosen:
            continue
        chosen.append(unit)
        duty = Responsibility(role=pu.role, position=i, raw_name=pu.raw or pu.name)
        if isinstance(unit, int):
            duty.unit_id = unit
        else:
            duty.unit = unit
        if node.id is not None:
            duty.node_id = node.id
        else:
            duty.node = node  # type: ignore[unreachable]  # a pending row's id is None; Mapped[int] cannot say so
        duties.append(duty)
    return duties


@dataclass(frozen=True)
class ImportChoices:
    """What the user decided in the import preview (or on the command line)."""

    title: str | None = None  # corrected properties; None keeps what the importer read
    issuer: str | None = None
    doc_number: str | None = None
    issued_on: dt.date | str | None = None
    level: str | None = None  # None: guessed from the document number and issuer
    short_name: str = ""
    parent_plan_id: int | None = None
    adopt: bool = False  # create the assignments the document names (按文件分工)
    deadline: dt.date | str | None = None  # for adopted work whose task gives no deadline of its own
    as_new: bool = False  # import a document already in the database as a separate plan


@dataclass
class DocumentImported:
    """What one import changed: the plan and its tree, and the assignments adopted with it."""

    result: ImportResult
    adopted: AdoptPlan | None = None

    @property
    def plan_id(self) -> int:
        return self.result.plan_id


def import_document(
    db: Database,
    *,
    parsed: ParsedPlan,
    choices: ImportChoices = ImportChoices(),
    progress: ProgressFn | None = None,
    is_cancelled: CancelFn | None = None,
    backup: bool = True,
) -> DocumentImported:
    """The import use case, for the window and the command line alike: a document read by the importer becomes a
    plan with the user's corrections, its short name and (if asked) the assignments the document names — in one
    transaction, so either all of it is written or nothing is. A document already in the database is refused
    unless ``choices.as_new`` (its revision is imported through services.plans.revision instead)."""
    if not parsed.nodes:
        raise PlanDeskError(
            "文档中未识别出任何章节或任务，未导入。请确认这是一份规划或实施方案。",
            location=parsed.source_name,
        )
    corrected = {
        key: value
        for key in ("title", "issuer", "doc_number", "issued_on")
        if (value := getattr(choices, key)) is not None
    }
    clean = clean_properties(
        {**corrected, **({"short_name": choices.short_name} if choices.short_name else {})}
    )
    level = level_code(choices.level) if choices.level else None
    default_deadline = parse_date(choices.deadline, field="deadline", label="默认截止日期")
    check_parsed_plan(parsed)
    if not choices.as_new:
        duplicate = find_duplicate(db, parsed=parsed)
        if duplicate is not None:
            raise PlanDeskError(
                duplicate.describe() + "未导入。可作为该方案的修订版导入，或确认另建一个方案。",
                field="duplicate",
                location=parsed.source_name,
            )
    # The user's corrections go into a copy: the reader's ParsedPlan stays what the document said.
    parsed = replace(parsed)
    for key, value in clean.items():
        if key != "short_name":
            setattr(parsed, key, value)
    report = progress or (lambda _p, _m: None)
    cancelled = is_cancelled or (lambda: False)
    backup_path = backup_before(db, "import") if backup else None
    with db.write(cause=f"导入：{parsed.source_name or parsed.title}") as s:
        result = _store(s, db.operator, parsed, level, choices.parent_plan_id, report, cancelled)
        result.backup = str(backup_path) if backup_path else None
        if clean.get("short_name"):
            plan = s.get(Plan, result.plan_id)
            assert plan is not None  # written above
            plan.short_name = str(clean["short_name"])
        adopted = None
        if choices.adopt:
            s.flush()
            adopted = adopt_in(s, plan_id=result.plan_id, deadline=default_deadline)
        report(100, "导入完成")
    return DocumentImported(result, adopted)


def import_plan(
    db: Database,
    *,
    parsed: ParsedPlan,
    level: str | None = None,
    parent_plan_id: int | None = None,
    progress: ProgressFn | None = None,
    is_cancelled: CancelFn | None = None,
    backup: bool = True,
) -> ImportResult:
    """Store ``parsed`` as a new plan (the import use case without corrections or adoption; duplicates allowed).
    Either the whole plan is written or nothing is."""
    return import_document(
        db,
        parsed=parsed,
        choices=ImportChoices(level=level, parent_plan_id=parent_plan_id, as_new=True),
        progress=progress,
        is_cancelled=is_cancelled,
        backup=backup,
    ).result


def _store(
    s: Session,
    operator: str,
    parsed: ParsedPlan,
    level: str | None,
    parent_plan_id: int | None,
    report: ProgressFn,
    cancelled: CancelFn,
) -> ImportResult:
    """Write the plan, its tree, responsibilities, indicators and first revision inside the caller's transaction."""
    lines, data = _review(parsed)
    order: list[tuple[ParsedNode, int, int]] = []  # (node, index of its parent in order or -1, position)

    def walk(pnodes: list[ParsedNode], parent: int) -> None:
        for position, pnode in enumerate(pnodes):
            order.append((pnode, parent, position))
            walk(pnode.children, len(order) - 1)

    walk(parsed.nodes, -1)
    total = max(len(order), 1)
    batch = ImportBatch(
        kind="plan_import",
        source_name=parsed.source_name,
        source_sha256=parsed.source_sha256,
        operator=operator,
        summary=data,
    )
    s.add(batch)
    s.flush()
    s.info["batch_id"] = batch.id
    plan = Plan(
        title=parsed.title or Path(parsed.source_name).stem,
        issuer=parsed.issuer,
        doc_number=parsed.doc_number,
        issued_on=parsed.issued_on,
        level=level or guess_level(parsed),
        parent_plan_id=parent_plan_id,
        source_name=parsed.source_name,
        source_sha256=parsed.source_sha256,
        source_format=parsed.source_format,
        extra=jsonable(dict(parsed.metadata)),
        revision=1,
    )
    s.add(plan)
    s.flush()
    ids = reserve_ids(s, PlanNode, total + 1)
    root = PlanNode(
        id=ids[0] if ids else None,
        plan_id=plan.id,
        parent_id=None,
        position=0,
        kind="root",
        label="",
        title=plan.title,
    )
    s.add(root)
    units = _UnitCache(s)
    written: list[PlanNode] = [root]
    held: dict[PlanNode, list[Responsibility]] = {root: []}  # each node's responsibilities, in order
    duties_in_order: list[Responsibility] = []
    counts: dict[str, int] = {}
    stored: dict[int, PlanNode] = {}  # id(parsed node) → its node, for the 任务分工表 links
    # The whole tree goes in one flush (one pass of the audit hook) instead of a flush per node.
    for done, (pnode, parent_index, position) in enumerate(order, start=1):
        parent = written[parent_index + 1]
        node = _new_node(pnode, plan, parent, position)
        if ids:
            node.id = ids[done]
        s.add(node)
        duties = held[node] = _responsibilities(pnode, node, units)
        duties_in_order += duties
        written.append(node)
        stored[id(pnode)] = node
        counts[pnode.kind] = counts.get(pnode.kind, 0) + 1
        if done % 20 == 0:
            if cancelled():
                raise Cancelled()
            report(10 + int(60 * done / total), "写入方案条目")
    indicators = [
        Indicator(
            plan_id=plan.id,
            position=i,
            field=ind.field,
            name=ind.name,
            unit_of_measure=ind.unit,
            target_text=ind.target,
            operator=ind.operator,
            target_value=ind.target_value,
            target_year=ind.year,
            attribute=ind.attribute,
            baseline=ind.baseline,
            from_prose=ind.from_prose,
        )
        for i, ind in enumerate(parsed.indicators)
    ]
    batches: tuple[Sequence[Responsibility | Indicator], ...] = (duties_in_order, indicators)
    for rows in batches:
        numbers = reserve_ids(s, type(rows[0]), len(rows)) if rows and ids else None
        for row, number in zip(rows, numbers or [], strict=False):
            row.id = number
        s.add_all(rows)
    if cancelled():
        raise Cancelled()
    report(70, "写入方案条目")
    s.flush()
    s.add_all(division_links(parsed, stored))
    s.add(
        PlanRevision(
            plan_id=plan.id,
            revision=1,
            source_name=parsed.source_name,
            source_sha256=parsed.source_sha256,
            text=parsed.text,
            tree=tree_snapshot(written, held),
            batch_id=batch.id,
        )
    )
    if cancelled():
        raise Cancelled()
    return ImportResult(plan.id, plan.title, counts, len(parsed.indicators), lines, data)


def division_links(parsed: ParsedPlan, stored: dict[int, PlanNode]) -> list[NodeLink]:
    """Each body task linked to the 任务分工表 row(s) that assign it (row → body task, as a local task carries
    out a clause), so the work is counted once."""
    return [
        NodeLink(node_id=stored[id(row)].id, target_node_id=stored[id(pnode)].id, note=LINK_NOTE)
        for pnode in parsed.walk()
        for row in pnode.assigned_in
        if id(row) in stored and id(pnode) in stored
    ]


def import_file(
    db: Database,
    *,
    path: str | os.PathLike[str],
    level: str | None = None,
    parent_plan_id: int | None = None,
    progress: ProgressFn | None = None,
    is_cancelled: CancelFn | None = None,
    backup: bool = True,
) -> ImportResult:
    """Read, repair, parse and store a plan document."""
    from ...importers.load import load_plan

    report = progress or (lambda _p, _m: None)
    parsed = load_plan(path, progress=lambda p, m: report(p // 10, m), is_cancelled=is_cancelled)
    return import_plan(
        db,
        parsed=parsed,
        level=level,
        parent_plan_id=parent_plan_id,
        progress=progress,
        is_cancelled=is_cancelled,
        backup=backup,
    )


def sample_plan_files() -> list[Path]:
    """The sample plans shipped with PlanDesk, offered on first start."""
    from ...resources import resource_path

    return sorted(resource_path("plans").glob("*.txt"))


def load_sample_plans(db: Database) -> list[ImportResult]:
    """Import the shipped sample plans into an empty database (does nothing if plans exist)."""
    from ..core.tree import list_plans

    if list_plans(db):
        return []
    return [import_file(db, path=p, backup=False) for p in sample_plan_files()]
