"""Importing an Excel list of 督办事项: the column mapping to check or change, every faulty cell, then import."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from ...errors import PlanDeskError
from ...services.supervision import item_import
from ...storage import Database


class ItemsImportDialog(QDialog):
    """Shows how the columns were understood; the import button works only when no cell is at fault."""

    imported = Signal(int)  # how many items were imported

    def __init__(self, db: Database, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.path = path
        self.preview: item_import.ItemsPreview | None = None
        self.setWindowTitle(self.tr("导入督办事项清单"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.columns: dict[str, QComboBox] = {}
        form = QFormLayout()
        for name, (label, _, required) in item_import.FIELDS.items():
            combo = QComboBox()
            combo.currentIndexChanged.connect(lambda _i: self.check())
            self.columns[name] = combo
            form.addRow(label + ("*" if required else ""), combo)
        self.new_units = QCheckBox(self.tr("表中的新单位直接新建"))
        self.new_units.toggled.connect(lambda _on: self.check())
        self.errors = QListWidget()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("导入"))
        self.buttons.accepted.connect(self._on_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.new_units)
        layout.addWidget(QLabel(self.tr("错误（须全部改正后才能导入）")))
        layout.addWidget(self.errors, 1)
        layout.addWidget(self.buttons)
        self._filling = False
        self._first_preview()

    def _first_preview(self) -> None:
        try:
            preview = item_import.preview_items_workbook(self.db, path=self.path)
        except (PlanDeskError, OSError) as exc:
            self._show_failure(str(exc))
            return
        self._filling = True
        for name, combo in self.columns.items():
            combo.clear()
            combo.addItem(self.tr("（不导入）"), "")
            for letter, header in preview.headers.items():
                combo.addItem(self.tr("{0}列：{1}").format(letter, header), letter)
            chosen = preview.mapping.get(name, "")
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
        self._filling = False
        self._show(preview)

    def mapping(self) -> dict[str, str]:
        return {name: combo.currentData() for name, combo in self.columns.items() if combo.currentData()}

    def check(self) -> None:
        """Read the file again with the mapping as it now stands."""
        if self._filling:
            return
        try:
            preview = item_import.preview_items_workbook(
                self.db, path=self.path, mapping=self.mapping(), create_units=self.new_units.isChecked()
            )
        except (PlanDeskError, OSError) as exc:
            self._show_failure(str(exc))
            return
        self._show(preview)

    def _show(self, preview: item_import.ItemsPreview) -> None:
        self.preview = preview
        text = self.tr("工作表 {0}，表头在第{1}行，可导入事项 {2} 件。").format(
            preview.sheet, preview.header_row, len(preview.drafts)
        )
        if preview.unknown_units:
            text += self.tr("新单位：{0}").format("、".join(preview.unknown_units))
        self.summary.setText(text)
        self.errors.clear()
        for e in preview.errors:
            self.errors.addItem(str(e))
        self.import_button.setEnabled(preview.ok and bool(preview.drafts))

    def _show_failure(self, message: str) -> None:
        self.preview = None
        self.summary.setText(message)
        self.errors.clear()
        self.import_button.setEnabled(False)

    def _on_import(self) -> None:
        try:
            ids = item_import.import_items_workbook(
                self.db, path=self.path, mapping=self.mapping(), create_units=self.new_units.isChecked()
            )
        except (PlanDeskError, OSError) as exc:
            self._show_failure(str(exc))
            return
        self.imported.emit(len(ids))
        self.accept()
