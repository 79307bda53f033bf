"""An unexpected fault in the window: logged, shown in Chinese with its details to copy, and survived.

Qt calls Python slots from its event loop; an exception escaping one reaches ``sys.excepthook``. Without this
hook it is printed to a console the office user never sees, and the user is left guessing.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..logs import log_path

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("CrashDialog", text)


class CrashDialog(QDialog):
    """Non-blocking: the window behind it stays usable while the user reads or copies the details."""

    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("发生意外错误"))
        self.details = details
        message = QLabel(
            tr(
                "PlanDesk 遇到了意外错误：{0}\n刚才的操作可能没有完成，已保存的数据不受影响，窗口可以继续使用。\n"
                "详细信息已记入日志：{1}"
            ).format(summary, log_path())
        )
        message.setWordWrap(True)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.copy_button = QPushButton(tr("复制详细信息"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(tr("已复制"))


OPEN_DIALOGS: list[CrashDialog] = []


def report_exception(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> CrashDialog | None:
    """Log the fault and show it; returns the dialog (None without a running application)."""
    details = "".join(traceback.format_exception(kind, value, tb))
    log.error("unhandled exception in the window\n%s", details)
    if QApplication.instance() is None:
        sys.stderr.write(details)
        return None
    parent = QApplication.activeWindow()
    dialog = CrashDialog(f"{kind.__name__}: {value}", details, parent)
    dialog.finished.connect(lambda _result: OPEN_DIALOGS.remove(dialog) if dialog in OPEN_DIALOGS else None)
    OPEN_DIALOGS.append(dialog)
    dialog.open()
    return dialog


def install_excepthook() -> None:
    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        try:
            report_exception(kind, value, tb)
        except Exception:  # noqa: BLE001 - the hook itself must never fail
            sys.__excepthook__(kind, value, tb)

    sys.excepthook = hook
