"""Qt's own buttons (Cancel, OK in dialogs PlanDesk opens) speak Chinese like the rest of the window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.ui.app import make_application


def test_qt_buttons_are_chinese(qapp: QApplication) -> None:
    assert make_application() is qapp
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
