"""督查单 escalation: 提示 → 催办 → 督办 → 约谈 per assignment, raised by hand or by rules on lateness that repeats."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import clock
from ...errors import NotFound, PlanDeskError
from ...models import ESCALATION_LEVELS, Assignment, Escalation, PlanNode, Setting, Unit, utcnow
from ...status import effective_status
from ...storage import Database
from ..core.settings import get_setting
from ..core.validation import check_text, parse_date
from ..core.workdays import work_calendar
from .report_register import assignment_lateness
from .workflow import FINAL_STATES, load_assignment, step_time

LEVEL_NAMES = {"notice": "提示", "urge": "催办", "supervise": "督办", "interview": "约谈"}
LEVEL_CODES = {name: code for code, name in LEVEL_NAMES.items()}
RULES_SETTING = "escalation.rules"
# overdue_workdays: working days past the deadline that call for each level;
# repeated_months: how many late (迟报) or missing (未报) months, among the last twelve, call for each level.
DEFAULT_RULES: dict[str, dict[str, int]] = {
    "overdue_workdays": {"notice": 1, "urge": 5, "supervise": 10, "interview": 20},
    "repeated_months": {"notice": 1, "urge": 2, "supervise": 3, "interview": 4},
}


@dataclass(frozen=True)
class EscalationInfo:
    id: int
    assignment_id: int
    level: str
    level_name: str
    at: dt.datetime
    reason: str
    rule: str
    actor: str


def level_code(value: str, *, field: str = "level") -> str:
    code = LEVEL_CODES.get((value or "").strip(), (value or "").strip())
    if code not in ESCALATION_LEVELS:
        raise PlanDeskError(f"督查级别“{value}”无效，可选：{' → '.join(LEVEL_NAMES.values())}。", field=field)
    return code


def escalation_rules(db: Database) -> dict[str, dict[str, int]]:
    """Setting ``escalation.rules`` over the defaults; thresholds must rise with the level."""
    return _checked_rules(get_setting(db, RULES_SETTING, {}) or {})


def _checked_rules(stored: Any) -> dict[str, dict[str, int]]:
    if not isinstance(stored, dict):
        raise PlanDeskError("设置 escalation.rules 应为键值表。", field=RULES_SETTING)
    rules: dict[str, dict[str, int]] = {}
    for key, default in DEFAULT_RULES.items():
        given: Any = stored.get(key, {})
        if not isinstance(given, dict):
            raise PlanDeskError(f"设置 escalation.rules 中 {key} 应为键值表。", field=RULES_SETTING)
        merged = {**default, **{level_code(k, field=RULES_SETTING): v for k, v in given.items()}}
        values = [merged[level] for level in ESCALATION_LEVELS]
        if any(not isinstance(v, int) or isinstance(v, bool) or v < 1 for v in values) or values != sorted(
            values
        ):
            raise PlanDeskError(
                f"设置 escalation.rules 中 {key} 应为逐级递增的正整数，现为 {values}。", field=RULES_SETTING
            )
        rules[key] = merged
    unknown = set(stored) - set(DEFAULT_RULES)
    if unknown:
        raise PlanDeskError(f"设置 escalation.rules 中的“{sorted(unknown)[0]}”无效。", field=RULES_SETTING)
    return rules


def set_escalation_rules(
    db: Database, *, overdue: dict[str, int] | None = None, repeated: dict[str, int] | None = None
) -> dict[str, dict[str, int]]:
    """Change thresholds (by level code or name, e.g. overdue={"督办": 8}); the whole rule is checked before kept."""
    with db.write(cause="修改督查升级规则") as s:
        row = s.get(Setting, RULES_SETTING)
        stored: dict[str, dict[str, int]] = {
            k: dict(v) for k, v in ((row.value or {}) if row else {}).items()
        }
        for key, given in (("overdue_workdays", overdue), ("repeated_months", repeated)):
            if given:
                stored.setdefault(key, {}).update(
                    {level_code(k, field=RULES_SETTING): v for k, v in given.items()}
                )
        _checked_rules(stored)
        if row is None:
            s.add(Setting(key=RULES_SETTING, value=stored))
        else:
            row.value = stored
    return escalation_rules(db)


def _info(row: Escalation) -> EscalationInfo:
    return EscalationInfo(
        row.id, row.assignment_id, row.level, LEVEL_NAMES[row.level], row.at, row.reason, row.rule, row.actor
    )


def _current(s: Session, assignment_id: int) -> Escalation | None:
    return s.scalar(
        select(Escalation)
        .where(Escalation.assignment_id == assignment_id)
        .order_by(Escalation.at.desc(), Escalation.id.desc())
        .limit(1)
    )


def escalate(
    db: Database,
    *,
    assignment_id: int,
    level: str | None = None,
    reason: str,
    actor: str | None = None,
    at: dt.date | str | None = None,
) -> EscalationInfo:
    """发督查单: the next level (or the one given, never lower than the current); the same level again is a repeat."""
    reason = check_text(reason, field="reason", label="督查事由", max_len=4000, required=True)
    who = check_text(db.operator if actor is None else actor, field="actor", label="办理人", max_len=100)
    with db.write(cause="督办：督查单") as s:
        a = load_assignment(s, assignment_id)
        if a.workflow_state in FINAL_STATES:
            raise PlanDeskError(f"分工记录 {a.id} 已办结或销号，不能再发督查单。", field="assignment_id")
        current = _current(s, a.id)
        index = ESCALATION_LEVELS.index(current.level) if current is not None else -1
        code = level_code(level) if level else ESCALATION_LEVELS[min(index + 1, len(ESCALATION_LEVELS) - 1)]
        if ESCALATION_LEVELS.index(code) < index:
            raise PlanDeskError(
                f"分工记录 {a.id} 已到“{LEVEL_NAMES[ESCALATION_LEVELS[index]]}”，不能降为“{LEVEL_NAMES[code]}”。",
                field="level",
            )
        row = Escalation(
            assignment_id=a.id, level=code, at=step_time(at), reason=reason, rule="manual", actor=who
        )
        s.add(row)
        s.flush()
        return _info(row)


def escalation_history(db: Database, *, assignment_id: int) -> list[EscalationInfo]:
    """Every 督查单 of an assignment, oldest first."""
    with db.read() as s:
        if s.get(Assignment, assignment_id) is None:
            raise NotFound(f"找不到编号为 {assignment_id} 的分工记录。", field="assignment_id")
        rows = s.scalars(
            select(Escalation)
            .where(Escalation.assignment_id == assignment_id)
            .order_by(Escalation.at, Escalation.id)
        )
        return [_info(r) for r in rows]


def current_level(db: Database, *, assignment_id: int) -> EscalationInfo | None:
    with db.read() as s:
        row = _current(s, assignment_id)
        return _info(row) if row is not None else None


@dataclass(frozen=True)
class Proposal:
    assignment_id: int
    unit: str
    node: str
    current: str | None
    level: str
    level_name: str
    rule: str  # overdue | repeated
    reason: str


def _level_for(value: int, thresholds: dict[str, int]) -> int:
    """The highest level whose threshold ``value`` reaches; -1 for none."""
    reached = [i for i, level in enumerate(ESCALATION_LEVELS) if value >= thresholds[level]]
    return max(reached) if reached else -1


def propose_escalations(
    db: Database, *, as_of: str | dt.date | None = None, plan_id: int | None = None
) -> list[Proposal]:
    """What the rules call for on ``as_of``: assignments whose lateness is above their current level."""
    day = parse_date(as_of, field="as_of", label="统计日期") or clock.today()
    rules = escalation_rules(db)
    calendar = work_calendar(db)
    lateness = assignment_lateness(db, as_of=day, plan_id=plan_id)
    out: list[Proposal] = []
    with db.read() as s:
        q = (
            select(Assignment, Unit.name, PlanNode.label, PlanNode.title)
            .join(Unit, Unit.id == Assignment.unit_id)
            .join(PlanNode, PlanNode.id == Assignment.node_id)
            .where(PlanNode.archived.is_(False), Assignment.archived.is_(False))
            .order_by(Assignment.id)
        )
        if plan_id is not None:
            q = q.where(PlanNode.plan_id == plan_id)
        for a, unit, label, title in s.execute(q):
            if a.workflow_state in FINAL_STATES:
                continue
            current = _current(s, a.id)
            have = ESCALATION_LEVELS.index(current.level) if current is not None else -1
            candidates: list[tuple[int, str, str]] = []
            if a.deadline is not None and effective_status(a.status, a.deadline, day) == "overdue":
                late = calendar.workdays_between(a.deadline, day)
                candidates.append(
                    (
                        _level_for(late, rules["overdue_workdays"]),
                        "overdue",
                        f"已逾期{late}个工作日（截止日期 {a.deadline.isoformat()}）",
                    )
                )
            bad = lateness.get(a.id, [])
            if bad:
                months = "、".join(f"{p}{'迟报' if st == 'late' else '未报'}" for p, st in bad)
                candidates.append(
                    (
                        _level_for(len(bad), rules["repeated_months"]),
                        "repeated",
                        f"近12个月第{len(bad)}次迟报或未报：{months}",
                    )
                )
            if not candidates:
                continue
            best = max(candidates, key=lambda c: c[0])
            if best[0] > have:
                level = ESCALATION_LEVELS[best[0]]
                out.append(
                    Proposal(
                        a.id,
                        unit,
                        f"{label}{title}",
                        current.level if current is not None else None,
                        level,
                        LEVEL_NAMES[level],
                        best[1],
                        best[2],
                    )
                )
    return out


def apply_escalation_rules(
    db: Database, *, as_of: str | dt.date | None = None, plan_id: int | None = None, actor: str | None = None
) -> list[EscalationInfo]:
    """Issue the 督查单 the rules call for, all in one transaction; running it again the same day adds nothing."""
    day = parse_date(as_of, field="as_of", label="统计日期") or clock.today()
    proposals = propose_escalations(db, as_of=day, plan_id=plan_id)
    who = check_text(db.operator if actor is None else actor, field="actor", label="办理人", max_len=100)
    at = dt.datetime.combine(day, utcnow().time()) if as_of is not None else utcnow()
    with db.write(cause="督办：按规则发督查单") as s:
        rows = []
        for p in proposals:
            row = Escalation(
                assignment_id=p.assignment_id, level=p.level, at=at, reason=p.reason, rule=p.rule, actor=who
            )
            s.add(row)
            rows.append(row)
        s.flush()
        return [_info(r) for r in rows]
