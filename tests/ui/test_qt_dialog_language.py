"""Qt's own file dialog speaks Chinese with the window: its words, file types and locale."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMimeDatabase, QTime
from PySide6.QtWidgets import QApplication

from desktop.ui.app import make_application


def test_file_dialog_words_and_file_types_are_chinese(qapp: QApplication) -> None:
    assert make_application() is qapp
    assert QLocale().language() == QLocale.Language.Chinese
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "文件夹"
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # qtbase still answers the rest
    assert "文本" in QMimeDatabase().mimeTypeForName("text/plain").comment()


def test_the_import_file_dialog_shows_chinese_dates_and_folder_type(qtbot, seeded_db, tmp_path) -> None:
    import datetime as dt
    import os

    from PySide6.QtWidgets import QTreeView

    from desktop.ui.main_window import MainWindow

    (tmp_path / "资料").mkdir()
    plan = tmp_path / "方案.txt"
    plan.write_text("一、总体要求\n" * 200, encoding="utf-8")
    stamp = dt.datetime(2026, 10, 31, 9, 30).timestamp()
    os.utime(plan, (stamp, stamp))
    make_application()
    window = MainWindow(seeded_db)
    qtbot.addWidget(window)
    window.show()
    window.start()
    window.open_import()
    dialog = window.importer.file_dialog
    dialog.setDirectory(str(tmp_path))
    view = dialog.findChild(QTreeView, "treeView")
    model = view.model()

    def row_of(name: str):
        root = view.rootIndex()
        return next((r for r in range(model.rowCount(root)) if model.index(r, 0, root).data() == name), None)

    qtbot.waitUntil(lambda: row_of("方案.txt") is not None and row_of("资料") is not None, timeout=10000)
    root = view.rootIndex()
    file_row, folder_row = row_of("方案.txt"), row_of("资料")
    assert model.index(folder_row, 2, root).data() == "文件夹"
    assert model.index(file_row, 3, root).data() == QLocale().toString(
        QDateTime(QDate(2026, 10, 31), QTime(9, 30)), QLocale.FormatType.ShortFormat
    )
    assert (
        "2026" in model.index(file_row, 3, root).data() and "Oct" not in model.index(file_row, 3, root).data()
    )
    assert "KiB" not in model.index(file_row, 1, root).data()
    dialog.reject()
