"""Restore dialog: the database's backups with date, reason and size; restoring reopens the database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..errors import PlanDeskError
from ..services.core.backups import backup_now, backups, check_backup_file, restore_file
from ..storage import Database, open_database
from .file_dialogs import localize
from .jobs import BackgroundJob
from .workers import Worker

REASON_NAMES = {
    "daily": QT_TRANSLATE_NOOP("RestoreDialog", "每日自动备份"),
    "import": QT_TRANSLATE_NOOP("RestoreDialog", "导入前"),
    "manual": QT_TRANSLATE_NOOP("RestoreDialog", "手动备份"),
    "before-restore": QT_TRANSLATE_NOOP("RestoreDialog", "恢复前"),
    "revision": QT_TRANSLATE_NOOP("RestoreDialog", "修订前"),
    "damaged": QT_TRANSLATE_NOOP("RestoreDialog", "损坏的数据库"),
}


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(size // 1024, 1)} KB"


class RestoreDialog(QDialog):
    """Opened with .open(); emits ``restored(new_db)`` after the database was replaced and reopened.

    The old Database object is closed by then; the window must switch to the new one.
    """

    restored = Signal(object)
    failed = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.worker: Worker | None = None
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("从备份恢复"))
        self.resize(720, 420)
        self.list = QTreeWidget()
        self.list.setHeaderLabels([self.tr("备份时间"), self.tr("原因"), self.tr("大小"), self.tr("文件")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(
            self.tr("恢复所选备份"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.file_button = QPushButton(self.tr("从其他文件恢复…"))
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button.clicked.connect(self._choose_file)
        self.backup_button.clicked.connect(self.back_up_now)
        self.buttons.rejected.connect(self.reject)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("恢复会用所选备份替换当前数据库；被替换的数据库会先自动备份。")))
        layout.addWidget(self.list)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        if self.db.path is None:
            self.status.setText(self.tr("服务器数据库由服务器的备份工具备份和恢复。"))
            for button in (self.file_button, self.backup_button):
                button.setEnabled(False)
        for b in backups(self.db):
            item = QTreeWidgetItem(
                [
                    f"{b.taken_at:%Y-%m-%d %H:%M:%S}",
                    self.tr(REASON_NAMES.get(b.reason, b.reason)),  # type: ignore[arg-type]  # QT_TRANSLATE_NOOP is typed object
                    size_text(b.size),
                    b.path.name,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, str(b.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        for column in range(3):
            self.list.resizeColumnToContents(column)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.list.selectedItems()) and self.worker is None)

    def selected_path(self) -> Path | None:
        items = self.list.selectedItems()
        return Path(items[0].data(0, Qt.ItemDataRole.UserRole)) if items else None

    def back_up_now(self) -> None:
        try:
            path = backup_now(self.db)
        except PlanDeskError as exc:
            self.status.setText(str(exc))
            return
        self.reload()
        self.status.setText(self.tr("已备份到 {0}").format(path))

    def _choose_file(self) -> QFileDialog:
        """Non-blocking: the chosen file is restored when the dialog reports it."""
        dialog = localize(
            QFileDialog(
                self, self.tr("选择备份文件"), "", self.tr("PlanDesk 数据库 (*.sqlite3 *.db);;所有文件 (*)")
            )
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda name: self.restore_from(Path(name)) if name else None)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def restore_selected(self) -> None:
        path = self.selected_path()
        if path is not None:
            self.restore_from(path)

    def restore_from(self, source: Path) -> None:
        """Check the backup, then close, replace and reopen the database off the GUI thread."""
        db_path = self.db.path
        if db_path is None or self.worker is not None:
            return
        try:
            check_backup_file(source)  # a bad file is refused while the database is still open and untouched
        except PlanDeskError as exc:
            self.status.setText(str(exc))
            self.failed.emit(str(exc))
            return
        url, operator = self.db.url, self.db.operator
        self.db.close()

        def job(_progress: object, _cancelled: object) -> Database:
            restore_file(db_path, source)
            return open_database(url, operator=operator)

        background = BackgroundJob(job)  # the status line says what happens; a restore is not cancelled
        background.finished.connect(self._done)
        background.failed.connect(self._failed)
        self.worker = background.worker
        self.status.setText(self.tr("正在恢复…"))
        self._update_buttons()
        background.start()

    def _done(self, new_db: Database) -> None:
        self.worker = None
        self.db = new_db
        self.reload()
        self.status.setText(self.tr("已恢复。被替换的数据库已备份。"))
        self.restored.emit(new_db)

    def _failed(self, message: str) -> None:
        self.worker = None
        self.db = open_database(self.db.url, operator=self.db.operator)
        self.reload()
        self.status.setText(message)
        self.failed.emit(message)
