"""Asked when an assignment's deadline is changed: is it a 更正 (entered wrong) or a 延期 (an approved extension)?"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class DeadlineChangeDialog(QDialog):
    """Nothing is chosen for the user; 延期 takes a reason and is offered only for a later date.

    Opened with ``open()``; ``submit(kind, reason)`` saves the change (kind ``correction`` or ``extension``)
    and returns whether it was accepted; a refusal is shown in the dialog, which stays open.
    """

    def __init__(self, old: dt.date, new: dt.date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改截止日期"))
        self.submit: Callable[[str, str], bool] | None = None
        shown_new = new.isoformat() if new else self.tr("（空）")
        self.summary = QLabel(
            self.tr("截止日期由 {0} 改为 {1}。这次修改是：").format(old.isoformat(), shown_new)
        )
        self.summary.setWordWrap(True)
        self.correction = QRadioButton(self.tr("更正：原截止日期录入有误（原定截止日期一并改正，不算延期）"))
        self.extension = QRadioButton(self.tr("延期：经批准推迟（保留原定截止日期，计为延期）"))
        self.kinds = QButtonGroup(self)
        self.kinds.addButton(self.correction)
        self.kinds.addButton(self.extension)
        self.reason_label = QLabel(self.tr("延期理由"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("延期时必填，例如：设备到货延迟"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #666;")
        if new is None or new <= old:
            self.extension.setEnabled(False)
            self.hint.setText(
                self.tr("新日期早于原截止日期，只能作为更正。")
                if new is not None
                else self.tr("清空截止日期只能作为更正。")
            )
        else:
            self.hint.hide()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c0392b;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (
            self.summary,
            self.correction,
            self.extension,
            self.hint,
            self.reason_label,
            self.reason,
            self.error_label,
            self.buttons,
        ):
            layout.addWidget(w)
        self.kinds.buttonToggled.connect(lambda *_: self._chosen())
        self._chosen()
        self.resize(460, 0)

    def kind(self) -> str | None:
        if self.extension.isChecked():
            return "extension"
        return "correction" if self.correction.isChecked() else None

    def _chosen(self) -> None:
        kind = self.kind()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(kind is not None)
        for w in (self.reason_label, self.reason):
            w.setEnabled(kind == "extension")
        if kind == "extension":
            self.reason.setFocus()

    def show_error(self, _field: str, message: str) -> None:
        self.error_label.setText(message)

    def accept(self) -> None:
        kind = self.kind()
        if kind is None or self.submit is None:
            return
        reason = self.reason.text().strip() if kind == "extension" else ""
        if self.submit(kind, reason):
            super().accept()
