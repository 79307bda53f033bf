"""The 督查单 box of the 办理 tab: the assignment's level, every 督查单 issued, and issuing the next one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import PlanDeskError
from ...services.core.status import ESCALATION_LEVELS
from ...services.supervision import escalation
from ...storage import Database
from ..vocabulary import escalation_name


class EscalationBox(QGroupBox):
    """提示 → 催办 → 督办 → 约谈: the current level in words, the history, and a form for the next 督查单."""

    changed = Signal(int)  # assignment id, after a 督查单 was issued
    failed = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("督查单"))
        self.db = db
        self.assignment_id: int | None = None
        self.level_label = QLabel()
        self.history = QListWidget()
        self.level = QComboBox()
        self.level.addItem(self.tr("升一级"), "")
        for code in ESCALATION_LEVELS:
            self.level.addItem(escalation_name(code), code)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("督查事由"))
        self.issue_button = QPushButton(self.tr("发督查单"))
        self.issue_button.clicked.connect(lambda: self.issue())
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.level)
        row.addWidget(self.reason, 1)
        row.addWidget(self.issue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.level_label)
        layout.addWidget(self.history)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.set_assignment(None)

    def set_assignment(self, assignment_id: int | None) -> None:
        self.assignment_id = assignment_id
        self.message.clear()
        self.refresh()

    def refresh(self) -> None:
        self.history.clear()
        enabled = self.assignment_id is not None
        for w in (self.level, self.reason, self.issue_button):
            w.setEnabled(enabled)
        if self.assignment_id is None:
            self.level_label.setText(self.tr("未选择分工记录"))
            return
        rows = escalation.escalation_history(self.db, assignment_id=self.assignment_id)
        if rows:
            self.level_label.setText(
                self.tr("当前督查级别：{0}（共发 {1} 次）").format(escalation_name(rows[-1].level), len(rows))
            )
        else:
            self.level_label.setText(self.tr("当前督查级别：无"))
        for r in rows:
            how = self.tr("手工") if r.rule == "manual" else self.tr("按规则")
            self.history.addItem(
                f"{r.at:%Y-%m-%d}　{escalation_name(r.level)}　{how}　{r.actor or '—'}　{r.reason}"
            )

    def issue(self) -> None:
        if self.assignment_id is None:
            return
        try:
            escalation.escalate(
                self.db,
                assignment_id=self.assignment_id,
                level=self.level.currentData() or None,
                reason=self.reason.text(),
            )
        except PlanDeskError as exc:
            self.message.setText(str(exc))
            self.failed.emit(str(exc))
            return
        self.reason.clear()
        self.message.clear()
        self.refresh()
        self.changed.emit(self.assignment_id)
