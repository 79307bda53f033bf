"""Importing a revised plan: what changed, and applying it without losing any assignment or progress."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...errors import Cancelled, NotFound, PlanDeskError
from ...exchange.matching import TreeNode, match_trees, normalize
from ...exchange.revision_diff import (
    IndicatorChange,
    NodeChange,
    ResponsibilityChange,
)
from ...exchange.revision_diff import RevisionDiff as RevisionDiff  # what the window shows of a revision
from ...exchange.revision_diff import RevisionResult as RevisionResult
from ...importers.parsed import ParsedIndicator, ParsedNode, ParsedPlan
from ...models import (
    Assignment,
    ImportBatch,
    Indicator,
    IndicatorValue,
    NodeLink,
    Plan,
    PlanNode,
    PlanRevision,
    ProgressEntry,
    Responsibility,
    Unit,
)
from ...storage import Database
from ..core.backups import backup_before
from ..core.units import ensure_unit, find_unit
from .parsed_checks import check_parsed_plan
from .plan_import import division_links, jsonable, tree_snapshot

# "（责任单位：…）" at the end of a task: a change there is a responsibility change, not a rewording.
_DUTY_NOTE = re.compile(r"[（(]\s*(?:责任|牵头|配合)[^（）()]*[）)]")
ProgressFn = Callable[[int, str], None]
CancelFn = Callable[[], bool]


@dataclass
class _Match:
    """Both trees, their pairing, and the stored rows by uid."""

    plan: Plan
    root: PlanNode
    old: dict[str, PlanNode]  # document nodes in the current tree, by uid
    new: list[tuple[str, str | None, ParsedNode]]  # (key, parent key, node) in document order
    pairs: dict[str, str]
    added: list[str]
    removed: list[str]
    units: dict[int, list[tuple[str, str]]]  # node id -> [(unit name, role)]


def _load(s: Session, plan_id: int) -> tuple[Plan, PlanNode, list[PlanNode]]:
    plan = s.get(Plan, plan_id)
    if plan is None:
        raise NotFound(f"找不到编号为 {plan_id} 的方案。", field="plan_id")
    nodes = list(
        s.scalars(
            select(PlanNode)
            .where(PlanNode.plan_id == plan_id)
            .order_by(PlanNode.parent_id, PlanNode.position, PlanNode.id)
        )
    )
    root = next((n for n in nodes if n.parent_id is None), None)
    if root is None:
        raise PlanDeskError("该方案缺少根条目，无法比较修订。", location=plan.title)
    return plan, root, nodes


def _match(s: Session, plan_id: int, parsed: ParsedPlan) -> _Match:
    if not parsed.nodes:
        raise PlanDeskError("修订文档中未识别出任何章节或任务，未导入。", location=parsed.source_name)
    plan, root, nodes = _load(s, plan_id)
    units: dict[int, list[tuple[str, str]]] = {}
    for node_id, name, role in s.execute(
        select(Responsibility.node_id, Unit.name, Responsibility.role)
        .join(Unit)
        .join(PlanNode, PlanNode.id == Responsibility.node_id)
        .where(PlanNode.plan_id == plan_id)
        .order_by(Responsibility.node_id, Responsibility.position)
    ):
        units.setdefault(node_id, []).append((name, role))
    by_id = {n.id: n for n in nodes}
    old = {n.uid: n for n in nodes if n.kind != "root" and not n.archived and n.origin == "document"}
    old_tree = []
    for n in old.values():
        parent = by_id.get(n.parent_id or -1)
        parent_key = parent.uid if parent is not None and parent.uid in old else None
        old_tree.append(TreeNode(n.uid, parent_key, n.kind, n.label, n.title, n.text, units.get(n.id, [])))
    new: list[tuple[str, str | None, ParsedNode]] = []

    def walk(pnodes: list[ParsedNode], parent: str | None) -> None:
        for p in pnodes:
            key = f"n{len(new)}"
            new.append((key, parent, p))
            walk(p.children, key)

    walk(parsed.nodes, None)
    new_tree = [TreeNode(k, pk, p.kind, p.label, p.title, p.text) for k, pk, p in new]
    m = match_trees(old_tree, new_tree)
    return _Match(plan, root, old, new, m.pairs, m.added, m.removed, units)


def _carried(s: Session, node_ids: list[int]) -> dict[int, int]:
    """Assignments, progress entries, office sub-tasks and links to or from other plans on each node."""
    if not node_ids:
        return {}
    out: dict[int, int] = dict.fromkeys(node_ids, 0)
    for node_id, count in s.execute(
        select(Assignment.node_id, func.count())
        .where(Assignment.node_id.in_(node_ids))
        .group_by(Assignment.node_id)
    ):
        out[node_id] += count
    for node_id, count in s.execute(
        select(Assignment.node_id, func.count())
        .join(ProgressEntry)
        .where(Assignment.node_id.in_(node_ids))
        .group_by(Assignment.node_id)
    ):
        out[node_id] += count
    for node_id, count in s.execute(
        select(PlanNode.parent_id, func.count())
        .where(PlanNode.parent_id.in_(node_ids), (PlanNode.origin == "office") | PlanNode.archived.is_(True))
        .group_by(PlanNode.parent_id)
    ):
        out[node_id] += count
    # A district task that carries out this clause must not lose its link when the city revises its plan.
    for column in (NodeLink.node_id, NodeLink.target_node_id):
        for node_id, count in s.execute(
            select(column, func.count()).where(column.in_(node_ids)).group_by(column)
        ):
            out[node_id] += count
    return out


def _new_units(s: Session, pnode: ParsedNode) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for pu in pnode.units:
        unit = find_unit(s, pu.name)
        name = unit.name if unit is not None else pu.name
        if name not in [n for n, _ in out]:
            out.append((name, pu.role))
    return out


def _lead(units: list[tuple[str, str]]) -> str:
    return next((n for n, r in units if r == "lead"), "")


def _parent_title(node: PlanNode | None, by_id: dict[int, PlanNode]) -> str:
    if node is None or node.kind == "root":
        return "方案正文"
    return f"{node.label}{node.title}"


def _indicator_key(name: str) -> str:
    return normalize(name)


def _indicator_changes(
    s: Session, plan_id: int, parsed: ParsedPlan
) -> tuple[list[IndicatorChange], dict[int, Indicator | None]]:
    """Indicators matched by name; returns the changes and parsed index -> stored indicator."""
    import difflib

    stored = list(
        s.scalars(
            select(Indicator)
            .where(Indicator.plan_id == plan_id, Indicator.archived.is_(False))
            .order_by(Indicator.position, Indicator.id)
        )
    )
    free = {i.id: i for i in stored}
    pairs: dict[int, Indicator | None] = {}
    for idx, pi in enumerate(parsed.indicators):
        exact = next(
            (
                i
                for i in free.values()
                if _indicator_key(i.name) == _indicator_key(pi.name) and i.field == pi.field
            ),
            None,
        )
        exact = exact or next(
            (i for i in free.values() if _indicator_key(i.name) == _indicator_key(pi.name)), None
        )
        pairs[idx] = exact
        if exact is not None:
            free.pop(exact.id)
    for idx, pi in enumerate(parsed.indicators):
        if pairs[idx] is None:
            best = max(
                free.values(),
                default=None,
                key=lambda i: difflib.SequenceMatcher(
                    None, _indicator_key(i.name), _indicator_key(pi.name)
                ).ratio(),
            )
            if (
                best is not None
                and difflib.SequenceMatcher(None, _indicator_key(best.name), _indicator_key(pi.name)).ratio()
                >= 0.8
            ):
                pairs[idx] = best
                free.pop(best.id)
    changes: list[IndicatorChange] = []
    for idx, pi in enumerate(parsed.indicators):
        ind = pairs[idx]
        if ind is None:
            changes.append(IndicatorChange("added", pi.name, new_target=pi.target))
        elif (ind.target_text, ind.target_year) != (pi.target, pi.year):
            changes.append(IndicatorChange("target", pi.name, ind.target_text, pi.target, ind.id))
    changes += [
        IndicatorChange("removed", i.name, old_target=i.target_text, indicator_id=i.id) for i in free.values()
    ]
    return changes, pairs


def _diff(s: Session, m: _Match, parsed: ParsedPlan) -> RevisionDiff:
    all_nodes = {n.id: n for n in s.scalars(select(PlanNode).where(PlanNode.plan_id == m.plan.id))}
    new_by_key = {k: (pk, p) for k, pk, p in m.new}
    diff = RevisionDiff(m.plan.id, m.plan.title, m.plan.revision, m.plan.revision + 1, matched=len(m.pairs))

    def new_parent_name(parent_key: str | None) -> str:
        if parent_key is None:
            return "方案正文"
        p = new_by_key[parent_key][1]
        return f"{p.label}{p.title}"

    for key in m.added:
        pk, p = new_by_key[key]
        diff.added.append(
            NodeChange("added", p.kind, "", "", None, p.label, p.title, "", new_parent_name(pk))
        )
    carried = _carried(s, [m.old[u].id for u in m.removed])
    removed = set(m.removed)
    # A removed parent stays (archived) when something beneath it is kept.
    keeps: dict[str, int] = {u: carried[m.old[u].id] for u in m.removed}
    for uid in sorted(m.removed, key=lambda u: -_depth(m.old[u], all_nodes)):
        node = m.old[uid]
        parent = all_nodes.get(node.parent_id or -1)
        if keeps[uid] and parent is not None and parent.uid in removed:
            keeps[parent.uid] += 1
    for uid in m.removed:
        node = m.old[uid]
        diff.removed.append(
            NodeChange(
                "removed",
                node.kind,
                node.label,
                node.title,
                node.id,
                old_parent=_parent_title(all_nodes.get(node.parent_id or -1), all_nodes),
                carries=carried[node.id],
                archive=keeps[uid] > 0,
            )
        )
    for key, pk, p in m.new:
        if key not in m.pairs:
            continue
        node = m.old[m.pairs[key]]
        old_parent = all_nodes.get(node.parent_id or -1)
        new_parent_uid = m.pairs.get(pk) if pk else None
        old_parent_uid = old_parent.uid if old_parent is not None and old_parent.kind != "root" else None
        base: dict[str, Any] = {
            "kind": node.kind,
            "label": node.label,
            "title": node.title,
            "node_id": node.id,
            "new_label": p.label,
            "new_title": p.title,
        }
        if new_parent_uid != old_parent_uid or (pk is not None and new_parent_uid is None):
            diff.moved.append(
                NodeChange(
                    "moved",
                    old_parent=_parent_title(old_parent, all_nodes),
                    new_parent=new_parent_name(pk),
                    **base,
                )
            )
        if _wording(node.title, node.text) != _wording(p.title, p.text):
            diff.reworded.append(NodeChange("reworded", **base))
        if node.label != p.label:
            diff.relabelled.append(NodeChange("relabelled", **base))
        old_units = m.units.get(node.id, [])
        new_units = _new_units(s, p)
        if old_units != new_units:
            old_names = [n for n, _ in old_units]
            new_names = [n for n, _ in new_units]
            added = [n for n in new_names if n not in old_names]
            gone = [n for n in old_names if n not in new_names]
            if added or gone or _lead(old_units) != _lead(new_units):
                diff.responsibilities.append(
                    ResponsibilityChange(
                        node.id, p.label, p.title, added, gone, _lead(old_units), _lead(new_units)
                    )
                )
    diff.indicators, _ = _indicator_changes(s, m.plan.id, parsed)
    return diff


def _wording(title: str, text: str) -> str:
    """Title and text without the responsibility note, which is compared on its own."""
    return normalize(title + _DUTY_NOTE.sub("", text))


def _depth(node: PlanNode, nodes: dict[int, PlanNode]) -> int:
    depth = 0
    while node.parent_id is not None and node.parent_id in nodes:
        node = nodes[node.parent_id]
        depth += 1
    return depth


def diff_revision(db: Database, *, plan_id: int, parsed: ParsedPlan) -> RevisionDiff:
    """What importing ``parsed`` as the next revision of the plan would change (nothing is written)."""
    check_parsed_plan(parsed)
    with db.read() as s:
        return _diff(s, _match(s, plan_id, parsed), parsed)


def _set_fields(node: PlanNode, p: ParsedNode) -> None:
    node.kind, node.label, node.title, node.text = p.kind, p.label, p.title, p.text
    node.span_start = p.span[0] if p.span else None
    node.span_end = p.span[1] if p.span else None
    node.needs_review, node.deadline_hint = p.needs_review, p.deadline
    node.recurrence, node.goal_year = p.recurrence, p.goal_year


def _sync_units(s: Session, node: PlanNode, p: ParsedNode) -> None:
    existing = {
        r.unit_id: r for r in s.scalars(select(Responsibility).where(Responsibility.node_id == node.id))
    }
    wanted: list[int] = []
    for i, pu in enumerate(p.units):
        unit = ensure_unit(s, pu.name)
        if unit.id in wanted:
            continue
        wanted.append(unit.id)
        row = existing.get(unit.id)
        if row is None:
            s.add(
                Responsibility(
                    node_id=node.id, unit_id=unit.id, role=pu.role, position=i, raw_name=pu.raw or pu.name
                )
            )
        elif (row.role, row.position, row.raw_name) != (pu.role, i, pu.raw or pu.name):
            row.role, row.position, row.raw_name = pu.role, i, pu.raw or pu.name
    for unit_id, row in existing.items():
        if unit_id not in wanted:
            s.delete(row)


def _apply_indicators(s: Session, plan_id: int, parsed: ParsedPlan, revision: int) -> None:
    changes, pairs = _indicator_changes(s, plan_id, parsed)
    for idx, pi in enumerate(parsed.indicators):
        ind = pairs[idx]
        if ind is None:
            ind = Indicator(plan_id=plan_id)
            s.add(ind)
        _set_indicator(ind, pi, idx)
    for c in changes:
        if c.change == "removed" and c.indicator_id is not None:
            ind = s.get(Indicator, c.indicator_id)
            has_values = s.scalar(
                select(func.count())
                .select_from(IndicatorValue)
                .where(IndicatorValue.indicator_id == c.indicator_id)
            )
            if ind is not None and has_values:
                ind.archived = True
            elif ind is not None:
                s.delete(ind)


def _set_indicator(ind: Indicator, pi: ParsedIndicator, position: int) -> None:
    values = {
        "position": position,
        "field": pi.field,
        "name": pi.name,
        "unit_of_measure": pi.unit,
        "target_text": pi.target,
        "operator": pi.operator,
        "target_value": pi.target_value,
        "target_year": pi.year,
        "attribute": pi.attribute,
        "baseline": pi.baseline,
        "from_prose": pi.from_prose,
    }
    for key, value in values.items():
        if getattr(ind, key) != value:
            setattr(ind, key, value)


def apply_revision(
    db: Database,
    *,
    plan_id: int,
    parsed: ParsedPlan,
    progress: ProgressFn | None = None,
    is_cancelled: CancelFn | None = None,
) -> RevisionResult:
    """Make ``parsed`` the plan's next revision; matched nodes keep their ids and everything on them."""
    check_parsed_plan(parsed)
    report = progress or (lambda _p, _m: None)
    cancelled = is_cancelled or (lambda: False)
    backup_path = backup_before(db, "revision")
    with db.write(cause=f"方案修订：{parsed.source_name or parsed.title}") as s:
        m = _match(s, plan_id, parsed)
        diff = _diff(s, m, parsed)
        batch = ImportBatch(
            kind="revision",
            source_name=parsed.source_name,
            source_sha256=parsed.source_sha256,
            operator=db.operator,
            summary={"plan_id": plan_id, **diff.counts()},
        )
        s.add(batch)
        s.flush()
        s.info["batch_id"] = batch.id
        new_revision = m.plan.revision + 1
        report(10, "更新方案条目")
        placed: dict[str, PlanNode] = {}
        child_count: dict[int, int] = {}
        for i, (key, pk, p) in enumerate(m.new):
            if i % 20 == 0 and cancelled():
                raise Cancelled()
            parent = placed[pk] if pk else m.root
            node = m.old[m.pairs[key]] if key in m.pairs else None
            if node is None:
                node = PlanNode(plan_id=plan_id, origin="document")
                s.add(node)
            _set_fields(node, p)
            position = child_count.get(parent.id, 0)
            child_count[parent.id] = position + 1
            if node.parent_id != parent.id or node.position != position:
                node.parent_id, node.position = parent.id, position
            s.flush()
            _sync_units(s, node, p)
            placed[key] = node
            report(10 + int(70 * i / max(len(m.new), 1)), "更新方案条目")
        s.flush()
        _relink_division(s, plan_id, parsed, {id(p): placed[key] for key, _pk, p in m.new})
        archived, deleted = _retire(s, m, diff, new_revision, child_count)
        _apply_indicators(s, plan_id, parsed, new_revision)
        plan = m.plan
        plan.revision = new_revision
        for attr in ("title", "issuer", "doc_number", "issued_on"):
            value = getattr(parsed, attr)
            if value and getattr(plan, attr) != value:
                setattr(plan, attr, value)
        plan.source_name, plan.source_sha256 = parsed.source_name, parsed.source_sha256
        plan.source_format = parsed.source_format
        if parsed.metadata:
            plan.extra = jsonable(dict(parsed.metadata))
        s.flush()
        s.expire_all()
        nodes = list(s.scalars(select(PlanNode).where(PlanNode.plan_id == plan_id).order_by(PlanNode.id)))
        s.add(
            PlanRevision(
                plan_id=plan_id,
                revision=new_revision,
                source_name=parsed.source_name,
                source_sha256=parsed.source_sha256,
                text=parsed.text,
                tree=tree_snapshot(nodes),
                batch_id=batch.id,
            )
        )
        if cancelled():
            raise Cancelled()
        report(100, "修订完成")
        return RevisionResult(
            plan_id,
            new_revision,
            diff,
            archived,
            deleted,
            batch.id,
            str(backup_path) if backup_path else None,
        )


def _relink_division(s: Session, plan_id: int, parsed: ParsedPlan, stored: dict[int, PlanNode]) -> None:
    """The body tasks and their 任务分工表 rows as the revised document links them (links inside one plan are
    only these: a user links to another plan)."""
    inside = select(PlanNode.id).where(PlanNode.plan_id == plan_id)
    for link in s.scalars(
        select(NodeLink).where(NodeLink.node_id.in_(inside), NodeLink.target_node_id.in_(inside))
    ):
        s.delete(link)
    s.flush()
    s.add_all(division_links(parsed, stored))


def _retire(
    s: Session, m: _Match, diff: RevisionDiff, revision: int, child_count: dict[int, int]
) -> tuple[int, int]:
    """Archive removed nodes that carry records, delete the rest; kept nodes go after the document's."""
    archive = {c.node_id for c in diff.removed if c.archive}
    all_nodes = {n.id: n for n in s.scalars(select(PlanNode).where(PlanNode.plan_id == m.plan.id))}
    removed = [m.old[u] for u in m.removed]
    archived = deleted = 0
    for node in sorted(removed, key=lambda n: -_depth(n, all_nodes)):
        if node.id in archive:
            node.archived, node.archived_in_revision = True, revision
            for a in s.scalars(
                select(Assignment).where(Assignment.node_id == node.id, Assignment.archived.is_(False))
            ):
                a.archived = True
            archived += 1
        else:
            s.delete(node)
            deleted += 1
    s.flush()
    # Office sub-tasks and archived nodes keep their order, after what the document now lists.
    kept = sorted(
        (
            n
            for n in all_nodes.values()
            if n.id not in {d.id for d in removed if d.id not in archive}
            and n.kind != "root"
            and (n.origin == "office" or n.archived)
        ),
        key=lambda n: (n.parent_id or 0, n.position, n.id),
    )
    for node in kept:
        if node.parent_id is None:
            continue
        position = child_count.get(node.parent_id, 0)
        child_count[node.parent_id] = position + 1
        if node.position != position:
            node.position = position
    return archived, deleted


def revision_text(db: Database, *, plan_id: int, revision: int) -> str:
    """The source text of an earlier (or the current) revision of a plan."""
    with db.read() as s:
        text = s.scalar(
            select(PlanRevision.text).where(
                PlanRevision.plan_id == plan_id, PlanRevision.revision == revision
            )
        )
        if text is None:
            raise NotFound(f"方案 {plan_id} 没有第{revision}版的原文。", field="revision")
        return text
