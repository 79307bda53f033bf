"""Reading the audit trail: who changed what, when and why, with Chinese names for display."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import or_, select

from ...errors import PlanDeskError
from ...models import Assignment, AuditEntry, PlanNode, ProgressEntry
from ...storage import Database
from ..core.status import KIND_NAMES, ROLE_NAMES, STATUS_NAMES
from ..core.validation import parse_date
from .workflow import STATE_NAMES, STEP_NAMES

TABLE_NAMES = {
    "plan": "方案",
    "plan_node": "条目",
    "unit": "单位",
    "unit_alias": "单位别名",
    "responsibility": "责任单位",
    "assignment": "分工记录",
    "progress_entry": "进展记录",
    "indicator": "指标",
    "indicator_value": "指标值",
    "evidence": "佐证材料",
    "extension_request": "延期申请",
    "node_link": "条目关联",
    "setting": "设置",
    "workflow_step": "办理步骤",
    "reminder": "催办记录",
}
FIELD_NAMES = {
    "title": "标题",
    "text": "内容",
    "label": "编号",
    "kind": "类型",
    "position": "顺序",
    "parent_id": "上级条目",
    "plan_id": "方案",
    "node_id": "条目",
    "unit_id": "单位",
    "role": "角色",
    "contact_person": "联系人",
    "contact_phone": "联系电话",
    "start_date": "开始日期",
    "deadline": "截止日期",
    "original_deadline": "原定截止日期",
    "status": "状态",
    "percent": "完成百分比",
    "remarks": "备注",
    "workflow_state": "办理环节",
    "archived": "归档",
    "period": "报告期",
    "reported_on": "报送日期",
    "problems": "存在问题",
    "next_steps": "下步计划",
    "entered_by": "录入人",
    "source": "来源",
    "name": "名称",
    "alias": "别名",
    "value": "数值",
    "measured_on": "测量日期",
    "note": "说明",
    "target_text": "目标值",
    "issuer": "发文机关",
    "doc_number": "文号",
    "issued_on": "印发日期",
    "level": "层级",
    "needs_review": "待核对",
    "key": "设置项",
    "step": "环节",
    "from_state": "原环节",
    "to_state": "新环节",
    "actor": "办理人",
    "at": "时间",
    "decision": "审批结果",
    "reason": "理由",
    "requested_deadline": "申请截止日期",
    "old_deadline": "原截止日期",
    "channel": "方式",
    "sent_by": "发出人",
    "assignment_id": "分工记录",
    "entry_id": "进展记录",
    "indicator_id": "指标",
    "target_node_id": "关联条目",
    "unit_of_measure": "计量单位",
    "target_value": "目标数值",
    "target_year": "目标年份",
    "attribute": "属性",
    "field": "领域",
    "operator": "运算符",
    "baseline": "基期值",
    "file_name": "文件名",
    "size": "大小",
    "added_by": "添加人",
    "requested_by": "申请人",
    "requested_at": "申请时间",
    "decided_by": "审批人",
    "decided_at": "审批时间",
    "decision_note": "审批意见",
    "sent_at": "发出时间",
    "raw_name": "原文名称",
    "origin": "来源",
    "span_start": "原文起点",
    "span_end": "原文终点",
    "deadline_hint": "建议截止日期",
    "recurrence": "周期",
    "goal_year": "目标年份",
    "source_ref": "来源标识",
    "entered_at": "录入时间",
    "source_name": "来源文件",
    "revision": "修订版次",
    "parent_plan_id": "上级方案",
}
ACTION_NAMES = {"insert": "新增", "update": "修改", "delete": "删除"}
# Coded values shown as the words users know.
VALUE_NAMES = {
    "status": STATUS_NAMES,
    "role": ROLE_NAMES,
    "kind": KIND_NAMES,
    "workflow_state": STATE_NAMES,
    "from_state": STATE_NAMES,
    "to_state": STATE_NAMES,
    "step": STEP_NAMES,
    "decision": {"pending": "待审批", "approved": "同意", "refused": "不同意"},
    "source": {"manual": "手工录入", "workbook": "进展反馈表", "package": "交换包", "cli": "命令行"},
}
DEFAULT_LIMIT = 500


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: dt.datetime  # UTC, as stored
    operator: str
    os_user: str
    action: str  # insert | update | delete
    action_name: str  # 新增 / 修改 / 删除
    table: str
    table_name: str  # 分工记录, 进展记录, …
    row_id: int | None
    plan_id: int | None
    node_id: int | None
    field: str
    field_name: str  # 截止日期, 状态, …
    old_value: str | None
    new_value: str | None
    cause: str
    batch_id: int | None

    @property
    def local_time(self) -> dt.datetime:
        """The time in the computer's own time zone, for display."""
        return self.at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)

    @property
    def what(self) -> str:
        """One phrase: "修改 分工记录 截止日期" or "新增 进展记录"."""
        return " ".join(p for p in (self.action_name, self.table_name, self.field_name) if p)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["at"] = self.at.isoformat(timespec="seconds")
        return data


def display_value(field: str, value: str | None) -> str:
    """A stored audit value as a user reads it: codes translated, whole rows summarised."""
    if value is None or value == "":
        return "—"
    names = VALUE_NAMES.get(field)
    if names and value in names:
        return names[value]
    if not field and value.startswith("{"):
        try:
            row = json.loads(value)
        except ValueError:
            return value
        if isinstance(row, dict):
            return "；".join(
                f"{FIELD_NAMES.get(k, k)}：{display_value(k, _plain(v))}"
                for k, v in row.items()
                if k not in ("id", "uid") and v not in (None, "", False)
            )
    return value


def _plain(value: Any) -> str | None:
    return None if value is None else str(value)


def _entry(row: AuditEntry) -> HistoryEntry:
    return HistoryEntry(
        id=row.id,
        at=row.at,
        operator=row.operator,
        os_user=row.os_user,
        action=row.action,
        action_name=ACTION_NAMES.get(row.action, row.action),
        table=row.table_name,
        table_name=TABLE_NAMES.get(row.table_name, row.table_name),
        row_id=row.row_id,
        plan_id=row.plan_id,
        node_id=row.node_id,
        field=row.field,
        field_name=FIELD_NAMES.get(row.field, row.field),
        old_value=row.old_value,
        new_value=row.new_value,
        cause=row.cause,
        batch_id=row.batch_id,
    )


def history(
    db: Database,
    *,
    node_id: int | None = None,
    plan_id: int | None = None,
    since: dt.date | str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[HistoryEntry]:
    """Changes newest first, optionally only those of one node (its own row, assignments, progress) or plan."""
    day = parse_date(since, field="since", label="起始日期") if isinstance(since, str) else since
    if limit <= 0:
        raise PlanDeskError("条数上限必须大于 0。", field="limit")
    with db.read() as s:
        query = select(AuditEntry)
        if node_id is not None:
            # Rows that were deleted with their node still carry node_id, so the trail outlives them.
            assignment_ids = select(Assignment.id).where(Assignment.node_id == node_id)
            progress_ids = select(ProgressEntry.id).where(ProgressEntry.assignment_id.in_(assignment_ids))
            query = query.where(
                or_(
                    AuditEntry.node_id == node_id,
                    (AuditEntry.table_name == "plan_node") & (AuditEntry.row_id == node_id),
                    (AuditEntry.table_name == "assignment") & AuditEntry.row_id.in_(assignment_ids),
                    (AuditEntry.table_name == "progress_entry") & AuditEntry.row_id.in_(progress_ids),
                )
            )
        if plan_id is not None:
            plan_nodes = select(PlanNode.id).where(PlanNode.plan_id == plan_id)
            query = query.where(
                or_(
                    AuditEntry.plan_id == plan_id,
                    AuditEntry.node_id.in_(plan_nodes),
                    (AuditEntry.table_name == "plan") & (AuditEntry.row_id == plan_id),
                )
            )
        if day is not None:
            start = dt.datetime.combine(day, dt.time()).astimezone(dt.UTC).replace(tzinfo=None)
            query = query.where(AuditEntry.at >= start)
        rows = s.scalars(query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit))
        return [_entry(r) for r in rows]
