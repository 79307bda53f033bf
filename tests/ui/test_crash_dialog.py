"""A fault inside the window is logged and shown with its details to copy; the window stays usable."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from desktop.logs import log_path, setup_logging
from desktop.ui.crash_dialog import CrashDialog, report_exception


def _fault() -> tuple[type[BaseException], BaseException, object]:
    try:
        raise ValueError("分工表计算出错 815")
    except ValueError:
        return sys.exc_info()  # type: ignore[return-value]


def test_fault_shows_a_dialog_that_copies_its_details(qtbot: QtBot) -> None:
    setup_logging()  # as `plandesk` does before it opens the window
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    kind, value, tb = _fault()
    dialog = report_exception(kind, value, tb)  # type: ignore[arg-type]
    assert isinstance(dialog, CrashDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "发生意外错误"
    assert "分工表计算出错 815" in dialog.text.toPlainText()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "Traceback" in copied and "分工表计算出错 815" in copied
    assert "分工表计算出错 815" in Path(log_path()).read_text(encoding="utf-8")
    # Not modal for the application: the window behind it still takes input.
    assert dialog.windowModality() != Qt.WindowModality.ApplicationModal
    assert window.isEnabled()
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible())
