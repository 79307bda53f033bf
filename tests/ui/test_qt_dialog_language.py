"""Qt's own file dialog speaks Chinese with the window: its words, file types and locale."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QMimeDatabase
from PySide6.QtWidgets import QApplication

from desktop.ui.app import make_application


def test_file_dialog_words_and_file_types_are_chinese(qapp: QApplication) -> None:
    assert make_application() is qapp
    assert QLocale().language() == QLocale.Language.Chinese
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "文件夹"
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # qtbase still answers the rest
    assert "文本" in QMimeDatabase().mimeTypeForName("text/plain").comment()
