"""督办事项 register: 领导批示件, 会议议定事项, 建议提案 and 来信, kept as a 督办事项 collection per year.

Each year's items form a Plan (``extra["kind"] == "items"``) whose chapters are the sources and whose tasks are
the items, so assignments, the hand-off workflow, progress, warnings, reminders, reports, workbooks and packages
work on them unchanged; the source fields sit in ``supervision_item`` keyed by the node.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import clock
from ...errors import NotFound, PlanDeskError
from ...models import ITEM_SOURCES, Assignment, Plan, PlanNode, Setting, SupervisionItem, Unit
from ...status import effective_status
from ...storage import Database
from ..core.settings import get_setting
from ..core.units import check_unit_name, ensure_unit, resolve_unit
from ..core.validation import check_text, check_xml_text, parse_date
from ..core.workdays import (
    DeadlineRule,
    LoadedYear,
    WorkCalendar,
    calendar_note,
    compute_deadline,
    parse_calendar_file,
    parse_rule,
    remaining_text,
    store_years,
    work_calendar,
    work_calendar_years,
)
from .assignments import history_count

COLLECTION_KIND = "items"
SOURCE_NAMES = {
    "instruction": "领导批示件",
    "meeting": "会议议定事项",
    "proposal": "建议提案",
    "letter": "群众来信",
}
SOURCE_CODES = {name: code for code, name in SOURCE_NAMES.items()} | {
    "领导批示": "instruction",
    "批示件": "instruction",
    "批示": "instruction",
    "会议事项": "meeting",
    "会议": "meeting",
    "人大建议": "proposal",
    "政协提案": "proposal",
    "建议": "proposal",
    "提案": "proposal",
    "来信": "letter",
}
CHAPTER_LABELS = ("一、", "二、", "三、", "四、")
# Setting ``items.rules``: the period each source gets unless an item states its own.
RULES_SETTING = "items.rules"
DEFAULT_RULES = {
    "instruction": "5个工作日",
    "meeting": "30个工作日",
    "proposal": "90天",
    "letter": "15个工作日",
}


def source_code(value: str, *, field: str = "source") -> str:
    code = SOURCE_CODES.get((value or "").strip(), (value or "").strip())
    if code not in ITEM_SOURCES:
        raise PlanDeskError(
            f"来源“{value}”无效，可选：{'、'.join(SOURCE_NAMES.values())}（或 {', '.join(ITEM_SOURCES)}）。",
            field=field,
        )
    return code


def item_rules(db: Database) -> dict[str, DeadlineRule]:
    """The period per source: setting ``items.rules`` (e.g. {"instruction": "3个工作日"}) over the defaults."""
    stored = get_setting(db, RULES_SETTING, {}) or {}
    if not isinstance(stored, dict):
        raise PlanDeskError(
            '设置 items.rules 应为键值表，例如 {"instruction": "5个工作日"}。', field=RULES_SETTING
        )
    rules: dict[str, DeadlineRule] = {}
    for code, text in {**DEFAULT_RULES, **stored}.items():
        rules[source_code(code, field=RULES_SETTING)] = parse_rule(str(text), field=RULES_SETTING)
    return rules


@dataclass(frozen=True)
class ItemDraft:
    """What the office enters for one item (form, command line or a row of an Excel list)."""

    title: str
    source: str
    received_on: dt.date
    unit: str
    cooperating: tuple[str, ...] = ()
    rule: str = ""  # empty: the source's rule
    text: str = ""
    leader: str = ""
    instructed_on: dt.date | None = None
    doc_ref: str = ""
    meeting_name: str = ""
    meeting_session: str = ""
    proposal_number: str = ""
    sender: str = ""
    contact_person: str = ""


@dataclass(frozen=True)
class ItemInfo:
    node_id: int
    plan_id: int
    year: int
    label: str
    title: str
    source: str
    source_name: str
    received_on: dt.date
    rule: str
    rule_unit: str
    deadline: dt.date | None
    unit: str
    status: str
    remaining: str
    leader: str
    instructed_on: dt.date | None
    doc_ref: str
    meeting_name: str
    meeting_session: str
    proposal_number: str
    sender: str
    assignment_ids: tuple[int, ...] = field(default=())
    calendar_note: str = ""


def find_collection(s: Session, year: int) -> Plan | None:
    for plan in s.scalars(select(Plan).order_by(Plan.id)):
        extra = plan.extra or {}
        # the office's own collection of the year, never one received in another office's package
        if extra.get("kind") == COLLECTION_KIND and extra.get("year") == year and not extra.get("received"):
            return plan
    return None


def is_collection(plan: Plan) -> bool:
    return (plan.extra or {}).get("kind") == COLLECTION_KIND


def _collection(s: Session, year: int) -> Plan:
    plan = find_collection(s, year)
    if plan is not None:
        return plan
    plan = Plan(
        title=f"{year}年督办事项",
        level="district",
        source_format="items",
        extra={"kind": COLLECTION_KIND, "year": year},
    )
    s.add(plan)
    s.flush()
    s.add(
        PlanNode(plan_id=plan.id, parent_id=None, position=0, kind="root", title=plan.title, origin="office")
    )
    s.flush()
    return plan


def _chapter(s: Session, plan: Plan, source: str) -> PlanNode:
    root = s.scalar(select(PlanNode).where(PlanNode.plan_id == plan.id, PlanNode.parent_id.is_(None)))
    assert root is not None
    title = SOURCE_NAMES[source]
    chapters = list(
        s.scalars(select(PlanNode).where(PlanNode.parent_id == root.id).order_by(PlanNode.position))
    )
    for c in chapters:
        if c.title == title:
            return c
    chapter = PlanNode(
        plan_id=plan.id,
        parent_id=root.id,
        position=ITEM_SOURCES.index(source),
        kind="chapter",
        label=CHAPTER_LABELS[ITEM_SOURCES.index(source)],
        title=title,
        origin="office",
    )
    s.add(chapter)
    s.flush()
    return chapter


def _unit(s: Session, name: str, create: bool, field: str) -> Unit:
    if create:
        return ensure_unit(s, name)
    return resolve_unit(s, name, field=field)


# The free-text fields of a draft, with the names the form and the Excel list give them.
_DRAFT_TEXTS = {
    "rule": "办理时限",
    "text": "内容",
    "leader": "批示人",
    "doc_ref": "原件文号",
    "meeting_name": "会议名称",
    "meeting_session": "期次",
    "proposal_number": "编号",
    "sender": "来信人",
    "contact_person": "联系人",
}


def _checked(draft: ItemDraft) -> ItemDraft:
    check_text(draft.title, field="title", label="事项名称", max_len=2000, required=True)
    check_text(draft.unit, field="unit", label="责任单位", max_len=200, required=True)
    check_unit_name(draft.unit, field="unit", label="责任单位")
    for name in draft.cooperating:
        if name.strip():
            check_unit_name(name, field="cooperating", label="配合单位")
    for key, label in _DRAFT_TEXTS.items():
        check_xml_text(getattr(draft, key), field=key, label=label)
    if parse_date(draft.received_on, field="received_on", label="交办日期") is None:
        raise PlanDeskError("请填写交办日期。", field="received_on")
    parse_date(draft.instructed_on, field="instructed_on", label="批示日期")
    source_code(draft.source)
    if draft.source == "instruction" and not draft.leader.strip():
        raise PlanDeskError("领导批示件须填写批示人。", field="leader")
    if draft.source == "meeting" and not draft.meeting_name.strip():
        raise PlanDeskError("会议议定事项须填写会议名称。", field="meeting_name")
    if draft.source == "proposal" and not draft.proposal_number.strip():
        raise PlanDeskError("建议提案须填写编号。", field="proposal_number")
    if draft.instructed_on and draft.instructed_on > draft.received_on:
        raise PlanDeskError("批示日期晚于交办日期。", field="instructed_on")
    return draft


def write_item(
    s: Session,
    draft: ItemDraft,
    rules: dict[str, DeadlineRule],
    calendar: WorkCalendar,
    *,
    create_units: bool,
) -> tuple[PlanNode, SupervisionItem]:
    """Add one item in the caller's transaction: its node, source row and the assignments with the deadline."""
    source = source_code(draft.source)
    rule = parse_rule(draft.rule, field="rule") if draft.rule.strip() else rules[source]
    deadline = compute_deadline(calendar, draft.received_on, rule).deadline
    lead = _unit(s, draft.unit, create_units, "unit")
    helpers = [_unit(s, name, create_units, "cooperating") for name in draft.cooperating if name.strip()]
    plan = _collection(s, draft.received_on.year)
    chapter = _chapter(s, plan, source)
    count = len(list(s.scalars(select(PlanNode.id).where(PlanNode.parent_id == chapter.id))))
    node = PlanNode(
        plan_id=plan.id,
        parent_id=chapter.id,
        position=count,
        kind="task",
        label=f"{count + 1}.",
        title=draft.title.strip(),
        text=draft.text.strip(),
        origin="office",
        deadline_hint=deadline,
    )
    s.add(node)
    s.flush()
    item = SupervisionItem(
        node_id=node.id,
        source=source,
        received_on=draft.received_on,
        rule_days=rule.days,
        rule_unit=rule.unit,
        deadline=deadline,
        leader=draft.leader.strip(),
        instructed_on=draft.instructed_on,
        doc_ref=draft.doc_ref.strip(),
        meeting_name=draft.meeting_name.strip(),
        meeting_session=draft.meeting_session.strip(),
        proposal_number=draft.proposal_number.strip(),
        sender=draft.sender.strip(),
    )
    s.add(item)
    seen = {lead.id}
    for unit, role in [(lead, "lead"), *((u, "co") for u in helpers)]:
        if role == "co" and unit.id in seen:
            continue
        seen.add(unit.id)
        s.add(
            Assignment(
                node_id=node.id,
                unit_id=unit.id,
                role=role,
                contact_person=draft.contact_person.strip() if role == "lead" else "",
                start_date=draft.received_on,
                deadline=deadline,
                original_deadline=deadline,
                status="not_started",
                percent=0,
                workflow_state="assigned",
            )
        )
    s.flush()
    return node, item


def register_item(db: Database, *, draft: ItemDraft, create_units: bool = False) -> ItemInfo:
    """登记督办事项: the item, its deadline from the source's rule in working days, and its units' assignments."""
    _checked(draft)
    rules = item_rules(db)
    calendar = work_calendar(db)
    with db.write(cause="登记督办事项") as s:
        node, _ = write_item(s, draft, rules, calendar, create_units=create_units)
        node_id = node.id
    return get_item(db, node_id=node_id)


def _assignments(s: Session, node_ids: list[int]) -> dict[int, list[tuple[Assignment, str]]]:
    """The live assignments of the nodes, lead first."""
    out: dict[int, list[tuple[Assignment, str]]] = {n: [] for n in node_ids}
    rows = s.execute(
        select(Assignment, Unit.name)
        .join(Unit, Unit.id == Assignment.unit_id)
        .where(Assignment.node_id.in_(node_ids), Assignment.archived.is_(False))
        .order_by(Assignment.node_id, Assignment.role != "lead", Assignment.id)
    )
    for a, name in rows:
        out[a.node_id].append((a, name))
    return out


def _years(s: Session) -> dict[int, int]:
    return {
        p.id: int(p.extra["year"]) for p in s.scalars(select(Plan)) if is_collection(p) and "year" in p.extra
    }


def _info(
    node: PlanNode,
    item: SupervisionItem,
    rows: list[tuple[Assignment, str]],
    year: int | None,
    calendar: WorkCalendar,
    as_of: dt.date,
) -> ItemInfo:
    lead = rows[0][0] if rows else None
    deadline = lead.deadline if lead is not None else item.deadline
    status = effective_status(lead.status, lead.deadline, as_of) if lead is not None else "not_started"
    rule = DeadlineRule(item.rule_days, item.rule_unit)
    done = status == "done"
    unknown = (
        calendar.unknown_years(item.received_on, deadline) if deadline and rule.unit == "workday" else []
    )
    return ItemInfo(
        node_id=node.id,
        plan_id=node.plan_id,
        year=year if year is not None else item.received_on.year,
        label=node.label,
        title=node.title,
        source=item.source,
        source_name=SOURCE_NAMES[item.source],
        received_on=item.received_on,
        rule=rule.text,
        rule_unit=rule.unit,
        deadline=deadline,
        unit=rows[0][1] if rows else "",
        status=status,
        remaining="已完成" if done else remaining_text(calendar, as_of, deadline, rule.unit),
        leader=item.leader,
        instructed_on=item.instructed_on,
        doc_ref=item.doc_ref,
        meeting_name=item.meeting_name,
        meeting_session=item.meeting_session,
        proposal_number=item.proposal_number,
        sender=item.sender,
        assignment_ids=tuple(a.id for a, _ in rows),
        calendar_note=calendar_note(unknown),
    )


def get_item(db: Database, *, node_id: int, as_of: dt.date | None = None) -> ItemInfo:
    calendar = work_calendar(db)
    with db.read() as s:
        item = s.scalar(select(SupervisionItem).where(SupervisionItem.node_id == node_id))
        node = s.get(PlanNode, node_id)
        if item is None or node is None:
            raise NotFound(f"编号为 {node_id} 的条目不是督办事项。", field="node_id")
        rows = _assignments(s, [node.id])[node.id]
        return _info(node, item, rows, _years(s).get(node.plan_id), calendar, as_of or clock.today())


def list_items(
    db: Database,
    *,
    year: int | None = None,
    source: str | None = None,
    as_of: str | dt.date | None = None,
) -> list[ItemInfo]:
    """The register, by source and order of entry; remaining time in working days where the rule is."""
    day = parse_date(as_of, field="as_of", label="统计日期") or clock.today()
    code = source_code(source) if source else None
    calendar = work_calendar(db)
    with db.read() as s:
        q = (
            select(PlanNode, SupervisionItem)
            .join(SupervisionItem, SupervisionItem.node_id == PlanNode.id)
            .where(PlanNode.archived.is_(False))
        )
        if code is not None:
            q = q.where(SupervisionItem.source == code)
        found = s.execute(q.order_by(PlanNode.plan_id, SupervisionItem.source, PlanNode.position)).all()
        assignments = _assignments(s, [node.id for node, _ in found])
        years = _years(s)
        out = []
        for node, item in found:
            info = _info(node, item, assignments[node.id], years.get(node.plan_id), calendar, day)
            if year is None or info.year == year:
                out.append(info)
        order = {c: i for i, c in enumerate(ITEM_SOURCES)}
        out.sort(key=lambda i: (i.year, order[i.source], i.node_id))
        return out


@dataclass(frozen=True)
class CollectionInfo:
    plan_id: int
    year: int
    title: str
    items: int


def list_collections(db: Database) -> list[CollectionInfo]:
    """The 督办事项 collections, one per year, beside the plans."""
    with db.read() as s:
        out = []
        for plan in s.scalars(select(Plan).order_by(Plan.id)):
            if not is_collection(plan):
                continue
            count = len(
                s.scalars(
                    select(SupervisionItem.id)
                    .join(PlanNode, PlanNode.id == SupervisionItem.node_id)
                    .where(PlanNode.plan_id == plan.id)
                ).all()
            )
            out.append(CollectionInfo(plan.id, int(plan.extra["year"]), plan.title, count))
        return out


def register_items(db: Database, *, drafts: Sequence[ItemDraft], create_units: bool = False) -> list[int]:
    """Several items in one transaction (an imported list): all or nothing. Returns their node ids."""
    for d in drafts:
        _checked(d)
    rules = item_rules(db)
    calendar = work_calendar(db)
    with db.write(cause="导入督办事项") as s:
        return [write_item(s, d, rules, calendar, create_units=create_units)[0].id for d in drafts]


@dataclass(frozen=True)
class MovedDeadline:
    node_id: int
    title: str
    old: dt.date | None
    new: dt.date


@dataclass(frozen=True)
class CalendarUpdate:
    loaded: list[LoadedYear]
    moved: list[MovedDeadline]


def apply_calendar(db: Database, *, path: str | Path) -> CalendarUpdate:
    """导入放假安排, and in the same transaction recount the working-day deadlines of the items it touches.

    Only deadlines still as PlanDesk computed them move; one changed by hand or by an approved extension stays.
    """
    years = parse_calendar_file(path)
    touched = {y.year for y in years}
    moved: list[MovedDeadline] = []
    with db.write(cause="导入放假安排") as s:
        loaded = store_years(s, years)
        s.flush()
        calendar = WorkCalendar({y.year: y for y in (*work_calendar_years(s), *years)})
        rows = s.execute(
            select(SupervisionItem, PlanNode)
            .join(PlanNode, PlanNode.id == SupervisionItem.node_id)
            .where(SupervisionItem.rule_unit == "workday")
        ).all()
        for item, node in rows:
            if item.deadline is None or not touched & set(
                range(item.received_on.year, item.deadline.year + 2)
            ):
                continue
            new = calendar.add_workdays(item.received_on, item.rule_days)
            if new == item.deadline:
                continue
            for a in s.scalars(select(Assignment).where(Assignment.node_id == node.id)):
                if a.deadline == item.deadline:
                    a.deadline = new
                    if a.original_deadline == item.deadline:
                        a.original_deadline = new
            moved.append(MovedDeadline(node.id, node.title, item.deadline, new))
            item.deadline = new
            node.deadline_hint = new
    return CalendarUpdate(loaded, moved)


# ---- carrying the source fields in an exchange package ------------------------------------------

_SOURCE_FIELDS = (
    "source",
    "received_on",
    "rule_days",
    "rule_unit",
    "deadline",
    "leader",
    "instructed_on",
    "doc_ref",
    "meeting_name",
    "meeting_session",
    "proposal_number",
    "sender",
)


def item_sources_for_package(s: Session, plan_id: int) -> dict[str, dict[str, str | int | None]]:
    """The source fields of a collection's items by node uid, as plain JSON values for a package entry."""
    out: dict[str, dict[str, str | int | None]] = {}
    rows = s.execute(
        select(PlanNode.uid, SupervisionItem)
        .join(SupervisionItem, SupervisionItem.node_id == PlanNode.id)
        .where(PlanNode.plan_id == plan_id)
    )
    for uid, item in rows:
        values: dict[str, str | int | None] = {}
        for name in _SOURCE_FIELDS:
            value = getattr(item, name)
            values[name] = value.isoformat() if isinstance(value, dt.date) else value
        out[uid] = values
    return out


def apply_item_sources_from_package(s: Session, sources: dict[str, dict[str, str | int | None]]) -> int:
    """Write the source fields a package carried onto the nodes with those uids (in the importing transaction)."""
    count = 0
    for uid, values in sources.items():
        node = s.scalar(select(PlanNode).where(PlanNode.uid == uid))
        if node is None:
            continue
        item = s.scalar(select(SupervisionItem).where(SupervisionItem.node_id == node.id))
        if item is None:
            item = SupervisionItem(node_id=node.id)
            s.add(item)
        for name in _SOURCE_FIELDS:
            raw = values.get(name)
            value: object
            if name in ("received_on", "deadline", "instructed_on"):
                value = dt.date.fromisoformat(str(raw)) if raw else None
            elif name == "source":
                value = source_code(str(raw), field="package")
            elif name == "rule_days":
                value = int(raw or 0)
            else:
                value = "" if raw is None else str(raw)
            setattr(item, name, value)
        count += 1
    s.flush()
    return count


def set_item_rules(db: Database, *, rules: dict[str, str]) -> dict[str, DeadlineRule]:
    """Change the period of some sources (e.g. {"领导批示件": "3个工作日"}); items already registered keep theirs."""
    clean = {
        source_code(k, field=RULES_SETTING): parse_rule(v, field=RULES_SETTING).text for k, v in rules.items()
    }
    with db.write(cause="修改督办事项办理时限") as s:
        row = s.get(Setting, RULES_SETTING)
        if row is None:
            s.add(Setting(key=RULES_SETTING, value=clean))
        else:
            row.value = {**(row.value or {}), **clean}
    return item_rules(db)


def remaining_for_nodes(
    db: Database, *, node_ids: Sequence[int], as_of: dt.date | None = None
) -> dict[int, str]:
    """剩余/已逾期 in the item's own unit (working days for a working-day rule) for those nodes that are 督办事项.

    For the warnings and the detail pane: a node missing from the answer is a plan task, counted as before.
    """
    day = as_of or clock.today()
    calendar = work_calendar(db)
    out: dict[int, str] = {}
    with db.read() as s:
        rows = s.execute(select(SupervisionItem).where(SupervisionItem.node_id.in_(list(node_ids)))).scalars()
        for item in rows:
            lead = s.scalar(
                select(Assignment.deadline)
                .where(Assignment.node_id == item.node_id, Assignment.archived.is_(False))
                .order_by(Assignment.role != "lead", Assignment.id)
                .limit(1)
            )
            out[item.node_id] = remaining_text(calendar, day, lead or item.deadline, item.rule_unit)
    return out


def withdraw_item(db: Database, *, node_id: int) -> None:
    """撤销登记: remove an item entered by mistake, with its assignments — only while nothing was recorded on it."""
    with db.write(cause="撤销督办事项登记") as s:
        item = s.scalar(select(SupervisionItem).where(SupervisionItem.node_id == node_id))
        node = s.get(PlanNode, node_id)
        if item is None or node is None:
            raise NotFound(f"编号为 {node_id} 的条目不是督办事项。", field="node_id")
        assignments = list(s.scalars(select(Assignment).where(Assignment.node_id == node_id)))
        if any(history_count(s, a.id) for a in assignments):
            raise PlanDeskError(
                f"督办事项“{node.title[:20]}”已有签收、进展、催办或督查记录，需留存备查，不能撤销登记；"
                "如不再办理，请办理“销号”。",
                field="node_id",
            )
        parent_id = node.parent_id
        for a in assignments:
            s.delete(a)
        s.delete(item)
        s.delete(node)
        s.flush()
        for position, sibling in enumerate(
            s.scalars(select(PlanNode).where(PlanNode.parent_id == parent_id).order_by(PlanNode.position))
        ):
            sibling.position = position
            sibling.label = f"{position + 1}."
