"""Undoable edits: each command's redo and undo is one service call (or the inverse call)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..errors import PlanDeskError
from ..services.core.records import AssignmentInfo, NodeRow, ProgressInfo
from ..services.plans import nodes
from ..services.supervision import assignments as asg
from ..storage import Database

FIELDS = asg.EDITABLE  # one list of what may be edited, the service's


def assignment_values(info: AssignmentInfo) -> dict[str, Any]:
    return {
        "unit": info.unit_name,
        "role": info.role,
        "contact_person": info.contact_person,
        "contact_phone": info.contact_phone,
        "start_date": info.start_date,
        "deadline": info.deadline,
        "status": info.status,
        "percent": info.percent,
        "remarks": info.remarks,
    }


class Editing(QObject):
    """Runs edits through a QUndoStack and tells the views what changed or what went wrong."""

    node_changed = Signal(int)  # a node's row or detail changed
    children_changed = Signal(int)  # a node's children were added, removed or reordered
    node_selected = Signal(int)  # the view should select this node (a new or restored one)
    plan_changed = Signal(int)  # many rows of a plan changed at once (adoption, plan properties)
    failed = Signal(str, str)  # field at fault, message
    indicators_changed = Signal(int)  # an indicator's values changed (its id)
    workflow_changed = Signal(int)  # an assignment's hand-off moved (its id)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.stack = QUndoStack(self)
        self.refused = False  # set by a command whose service call was refused
        # Where the refused command's widget is ("detail": the assignment table), so the message is shown
        # there and only there.
        self.refused_scope = ""

    def push(self, command: ServiceCommand) -> bool:
        """Run ``command`` now; it lands on the undo stack only if the service accepted it."""
        self.refused = False
        self.stack.push(command)  # a refused (obsolete) command is deleted by the stack right away
        return not self.refused


class ServiceCommand(QUndoCommand):
    scope = "window"  # where its widget lives: "detail" (assignments, progress) or the window

    def __init__(self, editing: Editing, text: str) -> None:
        super().__init__(text)
        self.editing = editing
        self.db = editing.db

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def _run(self, step: Any) -> None:
        try:
            step()
        except PlanDeskError as exc:
            # A refused step leaves the database as it was; the command is dropped from the stack.
            self.setObsolete(True)
            self.editing.refused = True
            self.editing.refused_scope = self.scope
            self.editing.failed.emit(exc.field or "", str(exc))

    def redo(self) -> None:
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.revert)


class EditAssignment(ServiceCommand):
    """Fields other than the deadline, which moves by ChangeDeadline (a 更正 or a 延期)."""

    scope = "detail"

    def __init__(self, editing: Editing, before: AssignmentInfo, changes: dict[str, Any]) -> None:
        super().__init__(editing, editing.tr("修改分工"))
        self.before = before
        self.changes = changes
        self.version = before.version
        self.after: AssignmentInfo | None = None

    def do(self) -> None:
        self.after = asg.update_assignment(
            self.db, assignment_id=self.before.id, expected_version=self.version, **self.changes
        )
        self.version = self.after.version
        self.editing.node_changed.emit(self.before.node_id)

    def revert(self) -> None:
        assert self.after is not None
        old, new = assignment_values(self.before), assignment_values(self.after)
        restore = {k: v for k, v in old.items() if new[k] != v}
        info = asg.update_assignment(
            self.db, assignment_id=self.before.id, expected_version=self.version, **restore
        )
        self.version = info.version
        self.editing.node_changed.emit(self.before.node_id)


class ChangeDeadline(ServiceCommand):
    """A deadline moved as a 更正 or a 延期 (or an assignment's first deadline, a 更正 of none).

    Undo puts both deadlines back as they were, and withdraws the approved extension a 延期 recorded.
    """

    scope = "detail"

    def __init__(
        self, editing: Editing, before: AssignmentInfo, deadline: dt.date | None, kind: str, reason: str = ""
    ) -> None:
        if kind == "extension":
            text = editing.tr("延期")
        elif before.deadline is None:
            text = editing.tr("填写截止日期")
        else:
            text = editing.tr("更正截止日期")
        super().__init__(editing, text)
        self.before = before
        self.deadline, self.kind, self.reason = deadline, kind, reason
        self.version = before.version

    def do(self) -> None:
        after = asg.change_deadline(
            self.db,
            assignment_id=self.before.id,
            deadline=self.deadline,
            kind=self.kind,
            reason=self.reason,
            expected_version=self.version,
        )
        self.version = after.version
        self.editing.node_changed.emit(self.before.node_id)

    def revert(self) -> None:
        info = asg.revert_deadline_change(
            self.db,
            assignment_id=self.before.id,
            kind=self.kind,
            deadline=self.before.deadline,
            original_deadline=self.before.original_deadline,
            expected_version=self.version,
        )
        self.version = info.version
        self.editing.node_changed.emit(self.before.node_id)


class AddAssignment(ServiceCommand):
    scope = "detail"

    def __init__(self, editing: Editing, node_id: int, values: dict[str, Any]) -> None:
        super().__init__(editing, editing.tr("添加分工"))
        self.node_id = node_id
        self.values = values
        self.created: AssignmentInfo | None = None

    def do(self) -> None:
        self.created = asg.create_assignment(self.db, node_id=self.node_id, **self.values)
        self.editing.node_changed.emit(self.node_id)

    def revert(self) -> None:
        assert self.created is not None
        current = asg.get_assignment(self.db, assignment_id=self.created.id)
        asg.delete_assignment(self.db, assignment_id=current.id, expected_version=current.version)
        self.editing.node_changed.emit(self.node_id)


class DeleteAssignment(ServiceCommand):
    """Only an assignment without records can be deleted; undo brings the same record back."""

    scope = "detail"

    def __init__(self, editing: Editing, info: AssignmentInfo) -> None:
        super().__init__(editing, editing.tr("删除分工"))
        self.info = info
        self.version = info.version

    def do(self) -> None:
        asg.delete_assignment(self.db, assignment_id=self.info.id, expected_version=self.version)
        self.editing.node_changed.emit(self.info.node_id)

    def revert(self) -> None:
        restored = asg.restore_assignment(self.db, info=self.info)
        self.info, self.version = restored, restored.version
        self.editing.node_changed.emit(self.info.node_id)


class AddProgress(ServiceCommand):
    """Undo removes the entry and puts back the percent and status the entry had moved."""

    scope = "detail"

    def __init__(self, editing: Editing, assignment_id: int, values: dict[str, Any]) -> None:
        super().__init__(editing, editing.tr("添加进展"))
        self.assignment_id = assignment_id
        self.values = values
        self.entry: ProgressInfo | None = None
        self.before: AssignmentInfo | None = None

    def do(self) -> None:
        self.before = asg.get_assignment(self.db, assignment_id=self.assignment_id)
        self.entry = asg.add_progress(self.db, assignment_id=self.assignment_id, **self.values)
        self.editing.node_changed.emit(self.entry.node_id)

    def revert(self) -> None:
        assert self.entry is not None and self.before is not None
        asg.delete_progress(self.db, entry_id=self.entry.id)
        now = asg.get_assignment(self.db, assignment_id=self.assignment_id)
        if (now.status, now.percent) != (self.before.status, self.before.percent):
            asg.update_assignment(
                self.db,
                assignment_id=self.assignment_id,
                expected_version=now.version,
                status=self.before.status,
                percent=self.before.percent,
            )
        self.editing.node_changed.emit(self.entry.node_id)


class AdoptResponsibilities(ServiceCommand):
    """按文件分工 as one undo step: undo deletes exactly the assignments it created."""

    def __init__(self, editing: Editing, plan_id: int, node_id: int | None, deadline: dt.date | None) -> None:
        super().__init__(editing, editing.tr("按文件分工"))
        self.plan_id, self.node_id, self.deadline = plan_id, node_id, deadline
        self.result: Any = None

    def do(self) -> None:
        from ..services.plans.adopt import adopt_responsibilities

        self.result = adopt_responsibilities(
            self.db, plan_id=self.plan_id, node_id=self.node_id, deadline=self.deadline
        )
        self.editing.plan_changed.emit(self.plan_id)

    def revert(self) -> None:
        from ..services.plans.adopt import withdraw_adoption

        assert self.result is not None
        withdraw_adoption(self.db, plan_id=self.plan_id, assignment_ids=self.result.created_ids)
        self.editing.plan_changed.emit(self.plan_id)


class EditPlan(ServiceCommand):
    """方案属性 as one undo step; undo puts back exactly the fields it changed."""

    def __init__(
        self, editing: Editing, plan_id: int, version: int, before: dict[str, Any], changes: dict[str, Any]
    ) -> None:
        super().__init__(editing, editing.tr("修改方案属性"))
        self.plan_id, self.version = plan_id, version
        self.before = {k: before.get(k) for k in changes}
        self.changes = changes

    def _set(self, values: dict[str, Any]) -> None:
        from ..services.plans.plan_admin import update_plan

        self.version = update_plan(
            self.db, plan_id=self.plan_id, expected_version=self.version, **values
        ).version
        self.editing.plan_changed.emit(self.plan_id)

    def do(self) -> None:
        self._set(self.changes)

    def revert(self) -> None:
        self._set(self.before)


class SetPlanArchived(ServiceCommand):
    """归档 / 取消归档; undo does the other."""

    def __init__(self, editing: Editing, plan_id: int, archived: bool) -> None:
        super().__init__(editing, editing.tr("归档方案") if archived else editing.tr("取消归档"))
        self.plan_id, self.archived = plan_id, archived

    def _set(self, archived: bool) -> None:
        from ..services.plans.plan_admin import set_archived

        set_archived(self.db, plan_id=self.plan_id, archived=archived)
        self.editing.plan_changed.emit(self.plan_id)

    def do(self) -> None:
        self._set(self.archived)

    def revert(self) -> None:
        self._set(not self.archived)


class SetDuties(ServiceCommand):
    """更正责任单位 as one undo step; undo puts back the list as it was (units created stay, unused)."""

    def __init__(self, editing: Editing, node_id: int, before: list[Any], after: list[Any]) -> None:
        super().__init__(editing, editing.tr("更正责任单位"))
        self.node_id, self.before, self.after = node_id, before, after
        self.created: list[str] = []

    def do(self) -> None:
        from ..services.plans.duties import set_duties

        self.created = set_duties(self.db, node_id=self.node_id, duties=self.after).new_units
        self.editing.node_changed.emit(self.node_id)

    def revert(self) -> None:
        from ..services.plans.duties import set_duties

        set_duties(self.db, node_id=self.node_id, duties=self.before)
        self.editing.node_changed.emit(self.node_id)


class ChangeKind(ServiceCommand):
    def __init__(self, editing: Editing, row: NodeRow, kind: str) -> None:
        super().__init__(editing, editing.tr("更改条目类型"))
        self.node_id, self.old, self.new, self.version = row.id, row.kind, kind, row.version

    def _set(self, kind: str) -> None:
        from ..services.plans.duties import change_kind

        self.version = change_kind(
            self.db, node_id=self.node_id, kind=kind, expected_version=self.version
        ).version
        self.editing.node_changed.emit(self.node_id)

    def do(self) -> None:
        self._set(self.new)

    def revert(self) -> None:
        self._set(self.old)


class AddSubtask(ServiceCommand):
    def __init__(self, editing: Editing, parent_id: int, title: str) -> None:
        super().__init__(editing, editing.tr("添加子任务"))
        self.parent_id = parent_id
        self.title = title
        self.row: NodeRow | None = None
        self._uid: str | None = None

    def do(self) -> None:
        # Redo restores the same uid and place, so exports and links see one node, not a new one.
        self.row = nodes.add_subtask(
            self.db,
            parent_id=self.parent_id,
            title=self.title,
            position=self.row.position if self.row else None,
            uid=self._uid,
        )
        self._uid = nodes.node_uid(self.db, node_id=self.row.id)
        self.editing.children_changed.emit(self.parent_id)
        self.editing.node_selected.emit(self.row.id)

    def revert(self) -> None:
        assert self.row is not None
        nodes.delete_node(self.db, node_id=self.row.id)
        self.editing.children_changed.emit(self.parent_id)
        self.editing.node_selected.emit(self.parent_id)


class DeleteNode(ServiceCommand):
    def __init__(self, editing: Editing, row: NodeRow) -> None:
        super().__init__(editing, editing.tr("删除子任务"))
        self.row = row
        self.uid = nodes.node_uid(editing.db, node_id=row.id)

    def do(self) -> None:
        nodes.delete_node(self.db, node_id=self.row.id, expected_version=self.row.version)
        assert self.row.parent_id is not None
        self.editing.children_changed.emit(self.row.parent_id)
        self.editing.node_selected.emit(self.row.parent_id)

    def revert(self) -> None:
        assert self.row.parent_id is not None
        self.row = nodes.add_subtask(
            self.db,
            parent_id=self.row.parent_id,
            title=self.row.title,
            label=self.row.label,
            position=self.row.position,
            uid=self.uid,
        )
        self.editing.children_changed.emit(self.row.parent_id)
        self.editing.node_selected.emit(self.row.id)


class RenameNode(ServiceCommand):
    def __init__(self, editing: Editing, node_id: int, old: str, new: str, version: int) -> None:
        super().__init__(editing, editing.tr("修改标题"))
        self.node_id, self.old, self.new, self.version = node_id, old, new, version

    def do(self) -> None:
        self.version = nodes.rename_node(
            self.db, node_id=self.node_id, title=self.new, expected_version=self.version
        ).version
        self.editing.node_changed.emit(self.node_id)

    def revert(self) -> None:
        self.version = nodes.rename_node(
            self.db, node_id=self.node_id, title=self.old, expected_version=self.version
        ).version
        self.editing.node_changed.emit(self.node_id)


class MoveNode(ServiceCommand):
    def __init__(self, editing: Editing, row: NodeRow, old: int, new: int) -> None:
        super().__init__(editing, editing.tr("调整顺序"))
        self.row, self.old, self.new = row, old, new

    def _move(self, position: int) -> None:
        nodes.move_node(self.db, node_id=self.row.id, position=position)
        assert self.row.parent_id is not None
        self.editing.children_changed.emit(self.row.parent_id)
        self.editing.node_selected.emit(self.row.id)

    def do(self) -> None:
        self._move(self.new)

    def revert(self) -> None:
        self._move(self.old)


def progress_values(
    period: str,
    text: str,
    percent: int | None,
    problems: str,
    next_steps: str,
    reported_on: dt.date | None = None,
) -> dict[str, Any]:
    return {
        "period": period,
        "text": text,
        "percent": percent,
        "problems": problems,
        "next_steps": next_steps,
        "reported_on": reported_on,
    }


class SetIndicatorValue(ServiceCommand):
    """An indicator value recorded (指标 → 录入指标值); undo deletes exactly that value."""

    def __init__(self, editing: Editing, indicator_id: int, values: dict[str, Any]) -> None:
        super().__init__(editing, editing.tr("录入指标值"))
        self.indicator_id = indicator_id
        self.values = values
        self.value_id: int | None = None

    def do(self) -> None:
        from ..services.plans.indicators import set_indicator_value

        info = set_indicator_value(self.db, indicator_id=self.indicator_id, **self.values)
        self.value_id = max(v.id for v in info.history)  # the one just recorded
        self.editing.indicators_changed.emit(self.indicator_id)

    def revert(self) -> None:
        from ..services.plans.indicators import delete_indicator_value

        assert self.value_id is not None
        delete_indicator_value(self.db, value_id=self.value_id)
        self.editing.indicators_changed.emit(self.indicator_id)


class WorkflowStepCommand(ServiceCommand):
    """签收, 审核通过/退回, 办结/销号 (办理 tab) as one undo step: undo takes the step back and, for a close,
    gives the assignment back the status and percent it had."""

    def __init__(self, editing: Editing, assignment_id: int, code: str, note: str) -> None:
        from ..services.supervision import workflow as wf

        super().__init__(editing, editing.tr("办理：{0}").format(wf.STEP_NAMES.get(code, code)))
        self.assignment_id = assignment_id
        self.code = code
        self.note = note
        self.step_id: int | None = None
        self.before: AssignmentInfo | None = None

    def do(self) -> None:
        from ..services.supervision import workflow as wf

        self.before = asg.get_assignment(self.db, assignment_id=self.assignment_id)
        aid, code, note = self.assignment_id, self.code, self.note
        if code in ("accept", "return"):
            step = wf.review(self.db, assignment_id=aid, accept=code == "accept", reason=note)
        elif code in ("close", "strike"):
            step = wf.close(self.db, assignment_id=aid, struck_off=code == "strike", note=note)
        else:
            step = wf.acknowledge(self.db, assignment_id=aid, note=note)
        self.step_id = step.id
        self.editing.workflow_changed.emit(aid)

    def revert(self) -> None:
        from ..services.supervision import workflow as wf

        assert self.step_id is not None and self.before is not None
        wf.withdraw_step(
            self.db, step_id=self.step_id, status=self.before.status, percent=self.before.percent
        )
        self.editing.workflow_changed.emit(self.assignment_id)
