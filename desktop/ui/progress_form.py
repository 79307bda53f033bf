"""The small form for one progress entry: period, text, percent, problems, next steps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ..services.core.records import AssignmentInfo
from .undo_commands import progress_values
from .vocabulary import unit_with_role


class ProgressForm(QDialog):
    """Non-modal; ``submit(assignment_id, values)`` stores the entry and returns whether it was accepted."""

    def __init__(
        self, assignments: list[AssignmentInfo], current: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加进展记录"))
        self.submit: Callable[[int, dict[str, Any]], bool] | None = None
        self.assignment = QComboBox()
        for a in assignments:
            self.assignment.addItem(unit_with_role(a.unit_name, a.role), a.id)
        if current is not None:
            self.assignment.setCurrentIndex(max(0, self.assignment.findData(current)))
        self.period = QLineEdit(dt.date.today().strftime("%Y-%m"))
        self.period.setPlaceholderText("YYYY-MM")
        self.period.setInputMask("9999-99")
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("本期工作进展"))
        self.percent = QSpinBox()
        self.percent.setRange(-1, 100)
        self.percent.setSpecialValueText(self.tr("不填"))
        self.percent.setSuffix("%")
        self.percent.setValue(-1)
        self.problems = QPlainTextEdit()
        self.problems.setMaximumHeight(70)
        self.next_steps = QPlainTextEdit()
        self.next_steps.setMaximumHeight(70)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c0392b;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("分工单位"), self.assignment)
        form.addRow(self.tr("时期（年-月）"), self.period)
        form.addRow(self.tr("进展情况"), self.text)
        form.addRow(self.tr("完成进度"), self.percent)
        form.addRow(self.tr("存在问题"), self.problems)
        form.addRow(self.tr("下步计划"), self.next_steps)
        form.addRow(self.error_label)
        form.addRow(self.buttons)
        self.resize(520, 460)

    def values(self) -> dict[str, Any]:
        percent = self.percent.value()
        return progress_values(
            self.period.text().strip(),
            self.text.toPlainText().strip(),
            None if percent < 0 else percent,
            self.problems.toPlainText().strip(),
            self.next_steps.toPlainText().strip(),
        )

    def show_error(self, _field: str, message: str) -> None:
        self.error_label.setText(message)

    def accept(self) -> None:
        if self.submit is None or self.assignment.currentData() is None:
            return
        if self.submit(int(self.assignment.currentData()), self.values()):
            super().accept()
