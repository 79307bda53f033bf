"""The hand-off panel of one assignment: steps, next actions, extensions, reminders and evidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...errors import PlanDeskError
from ...services.supervision import evidence as ev
from ...services.supervision import workflow as wf
from ...services.supervision.assignments import get_assignment
from ...storage import Database
from ..undo_commands import Editing, WorkflowStepCommand
from ..vocabulary import decision_name, workflow_state_name, workflow_step_name
from .checkpoint_box import CheckpointBox
from .escalation_box import EscalationBox

BUTTONS = {
    "acknowledge": QT_TRANSLATE_NOOP("WorkflowPanel", "签收"),
    "accept": QT_TRANSLATE_NOOP("WorkflowPanel", "审核通过"),
    "return": QT_TRANSLATE_NOOP("WorkflowPanel", "退回"),
    "close": QT_TRANSLATE_NOOP("WorkflowPanel", "办结"),
    "strike": QT_TRANSLATE_NOOP("WorkflowPanel", "销号"),
}


class WorkflowPanel(QWidget):
    """Shows where an assignment stands and offers only the steps allowed from there."""

    changed = Signal(int)  # assignment id, after any step was recorded
    failed = Signal(str)  # the Chinese message of a refused step

    def __init__(self, db: Database, parent: QWidget | None = None, editing: Editing | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.editing = editing  # the window's undo stack: a step recorded here can be taken back (撤销)
        self.assignment_id: int | None = None
        self.state_label = QLabel()
        self.deadline_label = QLabel()
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020")
        self.steps = QTableWidget(0, 5)
        self.steps.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("环节"), self.tr("状态变化"), self.tr("办理人"), self.tr("说明")]
        )
        self.steps.horizontalHeader().setStretchLastSection(True)
        self.steps.verticalHeader().hide()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("说明或退回理由"))
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for code, text in BUTTONS.items():
            button = QPushButton(self.tr(text))  # type: ignore[arg-type]  # QT_TRANSLATE_NOOP is typed object
            button.clicked.connect(lambda _=False, c=code: self.do_step(c))
            self.buttons[code] = button
            actions.addWidget(button)
        actions.addWidget(self.note, 1)

        self.new_deadline = QDateEdit()
        self.new_deadline.setCalendarPopup(True)
        self.new_deadline.setDisplayFormat("yyyy-MM-dd")
        self.ext_reason = QLineEdit()
        self.ext_reason.setPlaceholderText(self.tr("延期理由"))
        self.request_button = QPushButton(self.tr("申请延期"))
        self.request_button.clicked.connect(self.request_extension)
        self.extensions = QListWidget()
        self.approve_button = QPushButton(self.tr("同意延期"))
        self.refuse_button = QPushButton(self.tr("不同意"))
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.refuse_button.clicked.connect(lambda: self.decide(False))
        ext_box = QGroupBox(self.tr("延期申请"))
        ext = QVBoxLayout(ext_box)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("延期至")))
        row.addWidget(self.new_deadline)
        row.addWidget(self.ext_reason, 1)
        row.addWidget(self.request_button)
        ext.addLayout(row)
        ext.addWidget(self.extensions)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.approve_button)
        row.addWidget(self.refuse_button)
        ext.addLayout(row)

        self.reminders = QListWidget()
        rem_box = QGroupBox(self.tr("催办记录"))
        QVBoxLayout(rem_box).addWidget(self.reminders)
        self.evidence = QListWidget()
        self.evidence.itemDoubleClicked.connect(lambda _item: self.open_selected_evidence())
        self.attach_button = QPushButton(self.tr("添加佐证材料…"))
        self.attach_button.clicked.connect(self.choose_evidence)
        self.open_button = QPushButton(self.tr("打开"))
        self.open_button.clicked.connect(self.open_selected_evidence)
        ev_box = QGroupBox(self.tr("佐证材料（附在最近一条进展上）"))
        ev_layout = QVBoxLayout(ev_box)
        ev_layout.addWidget(self.evidence)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.attach_button)
        row.addWidget(self.open_button)
        ev_layout.addLayout(row)

        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(self.state_label)
        head.addStretch(1)
        head.addWidget(self.deadline_label)
        layout.addLayout(head)
        layout.addWidget(self.steps, 2)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(ext_box, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(rem_box)
        bottom.addWidget(ev_box)
        layout.addLayout(bottom, 1)
        self.escalation = EscalationBox(db)
        self.escalation.failed.connect(self.failed)
        self.checkpoints = CheckpointBox(db)
        self.checkpoints.failed.connect(self.failed)
        lowest = QHBoxLayout()
        lowest.addWidget(self.escalation)
        lowest.addWidget(self.checkpoints)
        layout.addLayout(lowest, 1)
        self._dialog: QFileDialog | None = None
        self.set_assignment(None)

    # ---- loading --------------------------------------------------------------------------------
    def set_assignment(self, assignment_id: int | None) -> None:
        self.assignment_id = assignment_id
        self.message.clear()
        self.refresh()
        self.escalation.set_assignment(assignment_id)
        self.checkpoints.set_assignment(assignment_id)

    def refresh(self) -> None:
        aid = self.assignment_id
        enabled = aid is not None
        for w in (self.request_button, self.attach_button, self.open_button, self.note, self.ext_reason):
            w.setEnabled(enabled)
        if aid is None:
            self.state_label.setText(self.tr("未选择分工记录"))
            self.deadline_label.clear()
            self.steps.setRowCount(0)
            for lst in (self.extensions, self.reminders, self.evidence):
                lst.clear()
            for b in (*self.buttons.values(), self.approve_button, self.refuse_button):
                b.setEnabled(False)
            return
        info = get_assignment(self.db, assignment_id=aid)
        self.state_label.setText(
            self.tr("{0}　当前环节：{1}").format(info.unit_name, workflow_state_name(info.workflow_state))
        )
        history = wf.deadline_history(self.db, assignment_id=aid)
        self.deadline_label.setText(
            self.tr("截止日期：")
            + " → ".join((h.deadline.isoformat() if h.deadline else "—") for h in history)
        )
        allowed = set(wf.allowed_steps(info.workflow_state))
        for code, button in self.buttons.items():
            button.setEnabled(code in allowed)
        self.new_deadline.setDate(_qdate((info.deadline or dt.date.today()) + dt.timedelta(days=30)))
        self._fill_steps(wf.workflow_history(self.db, assignment_id=aid))
        self._fill_extensions(wf.extensions(self.db, assignment_id=aid))
        self.reminders.clear()
        for r in wf.reminders(self.db, assignment_id=aid):
            self.reminders.addItem(f"{r.sent_at:%Y-%m-%d}　{r.doc_number or r.channel}　{r.sent_by}")
        self.evidence.clear()
        for e in ev.list_evidence(self.db, assignment_id=aid):
            item = QListWidgetItem(f"{e.file_name}（{e.size / 1024:.0f} KB，{e.added_by}）")
            item.setData(256, e.id)
            self.evidence.addItem(item)

    def _fill_steps(self, steps: list[wf.StepInfo]) -> None:
        self.steps.setRowCount(len(steps))
        for i, st in enumerate(steps):
            moved = (
                workflow_state_name(st.to_state)
                if not st.from_state or st.from_state == st.to_state
                else f"{workflow_state_name(st.from_state)} → {workflow_state_name(st.to_state)}"
            )
            step = workflow_step_name(st.step)
            for j, text in enumerate((f"{st.at:%Y-%m-%d %H:%M}", step, moved, st.actor, st.note)):
                self.steps.setItem(i, j, QTableWidgetItem(text))
        self.steps.resizeColumnsToContents()

    def _fill_extensions(self, rows: list[wf.ExtensionInfo]) -> None:
        self.extensions.clear()
        pending = False
        for r in rows:
            old = r.old_deadline.isoformat() if r.old_deadline else "—"
            item = QListWidgetItem(
                f"{r.requested_at:%Y-%m-%d}　{old} → {r.requested_deadline.isoformat()}　"
                f"{decision_name(r.decision)}　{r.reason}"
            )
            item.setData(256, r.id if r.decision == "pending" else None)
            pending = pending or r.decision == "pending"
            self.extensions.addItem(item)
        self.approve_button.setEnabled(pending)
        self.refuse_button.setEnabled(pending)

    # ---- actions --------------------------------------------------------------------------------
    def _run(self, action: Callable[[], Any]) -> bool:
        try:
            action()
        except PlanDeskError as exc:
            self.message.setText(str(exc))
            self.failed.emit(str(exc))
            return False
        self.message.clear()
        self.refresh()
        if self.assignment_id is not None:
            self.changed.emit(self.assignment_id)
        return True

    def do_step(self, code: str) -> bool:
        aid, note = self.assignment_id, self.note.text()
        if aid is None:
            return False
        if self.editing is not None:
            ok = self._push(WorkflowStepCommand(self.editing, aid, code, note))
        elif code in ("accept", "return"):
            ok = self._run(
                lambda: wf.review(self.db, assignment_id=aid, accept=code == "accept", reason=note)
            )
        elif code in ("close", "strike"):
            ok = self._run(
                lambda: wf.close(self.db, assignment_id=aid, struck_off=code == "strike", note=note)
            )
        else:
            ok = self._run(lambda: wf.acknowledge(self.db, assignment_id=aid, note=note))
        if ok:
            self.note.clear()
        return ok

    def _push(self, command: WorkflowStepCommand) -> bool:
        assert self.editing is not None
        refused: list[str] = []

        def note(_field: str, message: str) -> None:
            refused.append(message)

        self.editing.failed.connect(note)
        try:
            ok = self.editing.push(command)
        finally:
            self.editing.failed.disconnect(note)
        if not ok:
            self.message.setText(refused[0] if refused else "")
            return False
        self.message.clear()
        return True

    def request_extension(self) -> bool:
        aid = self.assignment_id
        if aid is None:
            return False
        day: dt.date = self.new_deadline.date().toPython()  # type: ignore[assignment]  # QDate.toPython is typed object
        return self._run(
            lambda: wf.request_extension(
                self.db, assignment_id=aid, new_deadline=day, reason=self.ext_reason.text()
            )
        )

    def decide(self, approve: bool) -> bool:
        ids = [self.extensions.item(i).data(256) for i in range(self.extensions.count())]
        pending = [i for i in ids if i is not None]
        if not pending:
            return False
        return self._run(
            lambda: wf.decide_extension(
                self.db, request_id=pending[-1], approve=approve, note=self.note.text()
            )
        )

    def choose_evidence(self) -> None:
        from ..file_dialogs import localize

        self._dialog = localize(QFileDialog(self, self.tr("选择佐证材料")))
        self._dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        self._dialog.fileSelected.connect(self.attach_file)
        self._dialog.open()

    def attach_file(self, path: str) -> bool:
        aid = self.assignment_id
        if aid is None:
            return False
        from ...services.supervision.assignments import list_progress

        entries = list_progress(self.db, assignment_id=aid)
        if not entries:
            self.message.setText(self.tr("请先登记一条进展，再为它添加佐证材料。"))
            return False
        return self._run(lambda: ev.attach_evidence(self.db, entry_id=entries[0].id, path=path))

    def open_selected_evidence(self) -> bool:
        item = self.evidence.currentItem()
        if item is None:
            return False  # type: ignore[unreachable]  # the stubs say never None; it is with nothing selected
        try:
            path = ev.evidence_path(self.db, evidence_id=item.data(256))
        except PlanDeskError as exc:
            self.message.setText(str(exc))
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)
