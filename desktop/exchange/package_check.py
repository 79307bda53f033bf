"""Every field of a package's content.json checked like user input, before the database is touched.

A package comes from another office, by mail or USB stick: its content is parsed into typed values here
(dates as dates, counters as bounded integers, statuses from the known list) and every reference checked
against the package itself. Anything else is an ImportRefused that says, in Chinese, which record and
field is wrong.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any

from ..errors import ImportRefused
from ..models import (
    ASSIGNMENT_STATUSES,
    NODE_KINDS,
    NODE_ORIGINS,
    PLAN_LEVELS,
    ROLES,
    UNIT_KINDS,
    WORKFLOW_STATES,
)
from ..models.indicator import ATTRIBUTES
from ..models.items import ESCALATION_LEVELS, ITEM_SOURCES

LONG_TEXT = 200_000  # a clause, a progress report: far above any real one
MAX_INT = 2**31 - 1
MAX_VALUE = 1e15  # indicator figures: anything larger is not a measurement
MAX_RECORDS = 100_000  # of any one kind: years of monthly progress on a large plan fit many times over
MAX_NODES = 20_000  # the largest published plans have a few thousand clauses
MAX_SHOWN = 10
UID = re.compile(r"^[0-9A-Za-z_-]{1,32}$")
PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

KIND_NAMES = {
    "plan": "方案",
    "units": "单位",
    "nodes": "条目",
    "assignments": "分工",
    "progress": "进展",
    "indicators": "指标",
    "values": "指标值",
    "revisions": "修订原文",
    "item_sources": "督办来源",
    "checkpoints": "节点目标",
    "escalations": "督查单",
}

Check = Callable[[Any], Any]


class _Bad(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def text(max_len: int, *, required: bool = False) -> Check:
    def check(value: Any) -> Any:
        if value is None and not required:
            return ""
        if not isinstance(value, str):
            raise _Bad("应为文字")
        if len(value) > max_len:
            raise _Bad(f"过长（{len(value)} 字，最多 {max_len} 字）")
        if required and not value.strip():
            raise _Bad("不能为空")
        if "\x00" in value:
            raise _Bad("含有不可见的控制字符")
        return value

    return check


def optional_text(max_len: int) -> Check:
    def check(value: Any) -> Any:
        return None if value is None else text(max_len)(value)

    return check


def integer(low: int = 0, high: int = MAX_INT, *, optional: bool = False) -> Check:
    def check(value: Any) -> Any:
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Bad(f"应为 {low}–{high} 之间的整数，实为“{str(value)[:30]}”")
        if not low <= value <= high:
            raise _Bad(f"应在 {low}–{high} 之间，实为 {value}")
        return value

    return check


def number(*, optional: bool = False) -> Check:
    def check(value: Any) -> Any:
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _Bad(f"应为数字，实为“{str(value)[:30]}”")
        if not math.isfinite(value) or abs(value) > MAX_VALUE:
            raise _Bad(f"不是有效的数值（{value}）")
        return float(value)

    return check


def flag(value: Any) -> Any:
    if not isinstance(value, bool):
        raise _Bad(f"应为是/否，实为“{str(value)[:30]}”")
    return value


def date(*, optional: bool = True) -> Check:
    def check(value: Any) -> Any:
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise _Bad(f"应为日期（YYYY-MM-DD），实为“{str(value)[:30]}”")
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise _Bad(f"不是有效日期：“{value[:30]}”") from None
        if not 1900 <= day.year <= 2200:
            raise _Bad(f"日期超出合理范围：{value}")
        return day

    return check


def moment(value: Any) -> Any:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Bad(f"应为时间，实为“{str(value)[:30]}”")
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        raise _Bad(f"不是有效时间：“{value[:30]}”") from None
    if not 1900 <= when.year <= 2200:
        raise _Bad(f"时间超出合理范围：{value}")
    return when.replace(tzinfo=None)


def choice(options: tuple[str, ...], *, optional: bool = False) -> Check:
    def check(value: Any) -> Any:
        if value is None and optional:
            return None
        if value not in options:
            raise _Bad(f"“{str(value)[:30]}”不是有效取值（可选：{'、'.join(options)}）")
        return value

    return check


def period(value: Any) -> Any:
    if not isinstance(value, str) or not PERIOD.match(value):
        raise _Bad(f"报告期应为 YYYY-MM，实为“{str(value)[:30]}”")
    return value


def mapping(value: Any) -> Any:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _Bad("应为键值表")
    return value


EXTRA_KEYS = 40  # a plan's extra properties (抄送, 印发日期, 前言…; a 督办事项 collection's kind and year)
_EXTRA_KEY = text(40, required=True)
_EXTRA_TEXT = text(4000)


def plan_extra(value: Any) -> Any:
    """A plan's extra properties: a flat table of short names to short texts, numbers or yes/no — and a 督办事项
    collection's year a year (a bad one once broke the items list for good)."""
    value = mapping(value)
    if len(value) > EXTRA_KEYS:
        raise _Bad(f"最多 {EXTRA_KEYS} 项，实为 {len(value)} 项")
    for key, item in value.items():
        _EXTRA_KEY(key)
        if isinstance(item, float) and not math.isfinite(item):
            raise _Bad(f"“{key}”的值不是有限数")
        if isinstance(item, str):
            _EXTRA_TEXT(item)
        elif item is not None and not isinstance(item, int | float | bool):
            raise _Bad(f"“{key}”的值应为文字或数字")
    if value.get("kind") == "items":
        year = value.get("year")
        if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2100:
            raise _Bad(f"督办事项汇总的年份应为 1900–2100 之间的整数，实为“{str(year)[:20]}”")
    return value


PLAN: dict[str, Check] = {
    "title": text(500, required=True),
    "issuer": text(200),
    "doc_number": text(100),
    "issued_on": date(),
    "level": choice(PLAN_LEVELS),
    "source_name": text(500),
    "source_sha256": text(64),
    "source_format": text(8),
    "revision": integer(1),
    "extra": plan_extra,
}
NODE: dict[str, Check] = {
    "position": integer(),
    "kind": choice(NODE_KINDS),
    "label": text(40),
    "title": text(LONG_TEXT),
    "text": text(LONG_TEXT),
    "origin": choice(NODE_ORIGINS),
    "span_start": integer(optional=True),
    "span_end": integer(optional=True),
    "needs_review": flag,
    "deadline_hint": date(),
    "recurrence": text(20),
    "goal_year": integer(1900, 2200, optional=True),
    "archived": flag,
    "archived_in_revision": integer(optional=True),
}
ASSIGNMENT: dict[str, Check] = {
    "role": choice(ROLES),
    "contact_person": text(100),
    "contact_phone": text(50),
    "start_date": date(),
    "deadline": date(),
    "original_deadline": date(),
    "status": choice(ASSIGNMENT_STATUSES),
    "percent": integer(0, 100),
    "remarks": text(LONG_TEXT),
    "workflow_state": choice(WORKFLOW_STATES),
    "archived": flag,
}
PROGRESS: dict[str, Check] = {
    "period": period,
    "reported_on": date(),
    "text": text(LONG_TEXT),
    "percent": integer(0, 100, optional=True),
    "problems": text(LONG_TEXT),
    "next_steps": text(LONG_TEXT),
    "entered_by": text(100),
    "entered_at": moment,
    "source": text(16),
    "source_ref": optional_text(200),
}
INDICATOR: dict[str, Check] = {
    "position": integer(),
    "field": text(100),
    "name": text(LONG_TEXT, required=True),
    "unit_of_measure": text(20),
    "target_text": text(100),
    "operator": text(2),
    "target_value": number(optional=True),
    "target_year": integer(1900, 2200, optional=True),
    "attribute": choice(ATTRIBUTES, optional=True),
    "baseline": text(100),
    "from_prose": flag,
    "archived": flag,
}
VALUE: dict[str, Check] = {
    "measured_on": date(optional=False),
    "value": number(),
    "source": text(200),
    "note": text(LONG_TEXT),
    "entered_by": text(100),
}
# The source of a 督办事项 (table supervision_item), one per item node of a 督办事项 collection.
ITEM_SOURCE: dict[str, Check] = {
    "source": choice(ITEM_SOURCES),
    "received_on": date(optional=False),
    "rule_days": integer(0, 3660),
    "rule_unit": choice(("workday", "day")),
    "deadline": date(),
    "leader": text(100),
    "instructed_on": date(),
    "doc_ref": text(100),
    "meeting_name": text(200),
    "meeting_session": text(50),
    "proposal_number": text(50),
    "sender": text(100),
}
CHECKPOINT: dict[str, Check] = {
    "due": date(optional=False),
    "expected_percent": integer(0, 100),
    "title": text(LONG_TEXT),
}


def required_moment(value: Any) -> Any:
    if value is None:
        raise _Bad("缺少时间")
    return moment(value)


ESCALATION: dict[str, Check] = {
    "level": choice(ESCALATION_LEVELS),
    "at": required_moment,
    "reason": text(LONG_TEXT),
    "rule": text(40),
    "actor": text(100),
}
FIELDS = {
    "plan": PLAN,
    "nodes": NODE,
    "assignments": ASSIGNMENT,
    "progress": PROGRESS,
    "indicators": INDICATOR,
    "values": VALUE,
}
VERSION = integer(1)


class _Checker:
    def __init__(self, where: str) -> None:
        self.where = where
        self.problems: list[str] = []

    def fail(self, place: str, message: str) -> None:
        self.problems.append(f"{place}：{message}")
        if len(self.problems) >= MAX_SHOWN:
            self.stop()

    def stop(self) -> None:
        raise ImportRefused(
            "交换包内容有误，拒绝导入，未写入任何数据：\n" + "\n".join(self.problems[:MAX_SHOWN]),
            location=self.where,
        )

    def records(self, content: dict[str, Any], kind: str) -> list[dict[str, Any]]:
        value = content.get(kind, [])
        if not isinstance(value, list):
            self.fail(KIND_NAMES[kind], "应为记录列表")
            return []
        cap = MAX_NODES if kind == "nodes" else MAX_RECORDS
        if len(value) > cap:
            self.fail(KIND_NAMES[kind], f"记录过多（{len(value)} 条，最多 {cap} 条）")
            self.stop()
        good = []
        for i, row in enumerate(value, 1):
            if isinstance(row, dict):
                good.append(row)
            else:
                self.fail(f"{KIND_NAMES[kind]}第 {i} 条", "不是一条记录")
        return good

    def record(self, kind: str, n: int, row: dict[str, Any], uids: set[str]) -> dict[str, Any]:
        place = KIND_NAMES[kind] + (f"第 {n} 条" if n else "")
        out: dict[str, Any] = {}
        uid = row.get("uid")
        if not isinstance(uid, str) or not UID.match(uid):
            self.fail(place, "缺少有效的 uid" if uid is None else f"uid“{str(uid)[:40]}”无效")
        elif uid in uids:
            self.fail(place, f"uid {uid} 重复出现")
        else:
            uids.add(uid)
        out["uid"] = uid
        for name, check in FIELDS.get(kind, {}).items():
            try:
                out[name] = check(row.get(name))
            except _Bad as bad:
                self.fail(f"{place}（uid {str(uid)[:32]}）字段 {name}", bad.message)
        try:
            out["version"] = VERSION(row.get("version", 1))
        except _Bad as bad:
            self.fail(f"{place}（uid {str(uid)[:32]}）字段 version", bad.message)
        return out

    def ref(self, place: str, value: Any, known: set[str], what: str) -> Any:
        if not isinstance(value, str) or value not in known:
            self.fail(place, f"引用的{what}“{str(value)[:40]}”不在交换包中")
        return value


def _units(c: _Checker, content: dict[str, Any]) -> tuple[list[dict[str, Any]], set[str]]:
    units, uids = [], set[str]()
    for n, row in enumerate(c.records(content, "units"), 1):
        place = f"单位第 {n} 条"
        u = c.record("units", n, row, uids)
        try:
            u["name"] = text(200, required=True)(row.get("name"))
            u["kind"] = choice(UNIT_KINDS)(row.get("kind") or "other")
        except _Bad as bad:
            c.fail(place, bad.message)
        aliases = row.get("aliases", [])
        if not isinstance(aliases, list) or not all(
            isinstance(a, str) and 0 < len(a) <= 200 for a in aliases
        ):
            c.fail(place, "别名应为文字列表")
            aliases = []
        u["aliases"] = aliases
        units.append(u)
    return units, uids


def _responsibilities(c: _Checker, place: str, value: Any, unit_uids: set[str]) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        c.fail(place, "责任单位应为列表")
        return []
    out = []
    for r in value:
        if not isinstance(r, dict):
            c.fail(place, "责任单位记录无效")
            continue
        try:
            out.append(
                {
                    "unit_uid": c.ref(place + " 的责任单位", r.get("unit_uid"), unit_uids, "单位"),
                    "role": choice(ROLES)(r.get("role")),
                    "position": integer()(r.get("position")),
                    "raw_name": text(200)(r.get("raw_name")),
                }
            )
        except _Bad as bad:
            c.fail(place + " 的责任单位", bad.message)
    return out


def _nodes(
    c: _Checker, content: dict[str, Any], unit_uids: set[str]
) -> tuple[list[dict[str, Any]], set[str]]:
    nodes, uids = [], set[str]()
    roots = 0
    for n, row in enumerate(c.records(content, "nodes"), 1):
        node = c.record("nodes", n, row, uids)
        place = f"条目第 {n} 条（uid {str(node['uid'])[:32]}）"
        parent = row.get("parent_uid")
        if node.get("kind") == "root":
            roots += 1
            if parent is not None:
                c.fail(place, "根条目不能有上级条目")
        elif parent is None:
            c.fail(place, "缺少上级条目")
        else:
            # Parents come before their children, so a loop or a dangling parent cannot pass.
            c.ref(place + " 的上级条目", parent, uids - {node["uid"]}, "条目")
        node["parent_uid"] = parent
        node["responsibilities"] = _responsibilities(c, place, row.get("responsibilities", []), unit_uids)
        nodes.append(node)
    if roots != 1:
        c.fail("条目", f"应恰好有 1 个根条目，实有 {roots} 个")
    return nodes, uids


def _children(
    c: _Checker, content: dict[str, Any], kind: str, links: dict[str, tuple[set[str], str]]
) -> tuple[list[dict[str, Any]], set[str]]:
    """Records of ``kind`` whose reference fields (name -> (known uids, what)) must point into the package."""
    rows, uids = [], set[str]()
    for n, row in enumerate(c.records(content, kind), 1):
        r = c.record(kind, n, row, uids)
        place = f"{KIND_NAMES[kind]}第 {n} 条（uid {str(r['uid'])[:32]}）"
        for name, (known, what) in links.items():
            value = row.get(name)
            optional = kind == "indicators" and name == "node_uid"
            r[name] = None if optional and value is None else c.ref(place, value, known, what)
        rows.append(r)
    return rows, uids


def _revisions(c: _Checker, content: dict[str, Any]) -> list[dict[str, Any]]:
    revisions = []
    for n, row in enumerate(c.records(content, "revisions"), 1):
        try:
            revisions.append(
                {
                    "revision": integer(1)(row.get("revision")),
                    "source_name": text(500)(row.get("source_name")),
                    "source_sha256": text(64)(row.get("source_sha256")),
                    "text": text(20 * LONG_TEXT)(row.get("text")),
                }
            )
        except _Bad as bad:
            c.fail(f"修订原文第 {n} 条", bad.message)
    return revisions


def _item_sources(c: _Checker, content: dict[str, Any], inner: set[str]) -> list[dict[str, Any]]:
    """督办来源: every field typed, each pointing at an item of the package, at most one per item."""
    out, seen = [], set[str]()
    for n, row in enumerate(c.records(content, "item_sources"), 1):
        node_uid = row.get("node_uid")
        place = f"督办来源第 {n} 条（条目 uid {str(node_uid)[:32]}）"
        c.ref(place, node_uid, inner, "条目")
        if node_uid in seen:
            c.fail(place, "同一督办事项的来源重复出现")
        seen.add(str(node_uid))
        source: dict[str, Any] = {"node_uid": node_uid}
        for name, check in ITEM_SOURCE.items():
            try:
                source[name] = check(row.get(name))
            except _Bad as bad:
                c.fail(f"{place}字段 {name}", bad.message)
        try:
            source["version"] = VERSION(row.get("version", 1))
        except _Bad as bad:
            c.fail(f"{place}字段 version", bad.message)
        out.append(source)
    return out


def _attached(
    c: _Checker,
    content: dict[str, Any],
    kind: str,
    link: str,
    known: set[str],
    what: str,
    checks: dict[str, Check],
) -> list[dict[str, Any]]:
    """Records without a uid of their own (节点目标, 督查单), each attached to a record of the package."""
    out = []
    for n, row in enumerate(c.records(content, kind), 1):
        place = f"{KIND_NAMES[kind]}第 {n} 条"
        record: dict[str, Any] = {link: c.ref(place, row.get(link), known, what)}
        for name, check in checks.items():
            try:
                record[name] = check(row.get(name))
            except _Bad as bad:
                c.fail(f"{place}字段 {name}", bad.message)
        out.append(record)
    return out


def check_content(content: dict[str, Any], where: str) -> dict[str, Any]:
    """The content with every value typed and checked; ImportRefused listing the first faults otherwise."""
    c = _Checker(where)
    if not isinstance(content.get("plan"), dict):
        c.fail("方案", "缺少方案记录")
        c.stop()
    plan = c.record("plan", 0, content["plan"], set())
    units, unit_uids = _units(c, content)
    nodes, node_uids = _nodes(c, content, unit_uids)
    inner = {n["uid"] for n in nodes if n.get("kind") != "root"}
    assignments, assignment_uids = _children(
        c, content, "assignments", {"node_uid": (inner, "条目"), "unit_uid": (unit_uids, "单位")}
    )
    progress, _ = _children(c, content, "progress", {"assignment_uid": (assignment_uids, "分工")})
    indicators, indicator_uids = _children(c, content, "indicators", {"node_uid": (node_uids, "条目")})
    values, _ = _children(c, content, "values", {"indicator_uid": (indicator_uids, "指标")})
    revisions = _revisions(c, content)
    item_sources = _item_sources(c, content, inner)
    checkpoints = _attached(c, content, "checkpoints", "node_uid", inner, "条目", CHECKPOINT)
    escalations = _attached(c, content, "escalations", "assignment_uid", assignment_uids, "分工", ESCALATION)
    if c.problems:
        c.stop()
    return {
        "plan": plan,
        "units": units,
        "nodes": nodes,
        "assignments": assignments,
        "progress": progress,
        "indicators": indicators,
        "values": values,
        "revisions": revisions,
        "item_sources": item_sources,
        "checkpoints": checkpoints,
        "escalations": escalations,
    }
