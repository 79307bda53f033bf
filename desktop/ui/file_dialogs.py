"""Qt's own file dialog in the window's language: sizes and dates formatted for the locale PlanDesk speaks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QIdentityProxyModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QFileDialog, QFileSystemModel

SIZE_COLUMN, DATE_COLUMN = 1, 3


class LocalizedFileModel(QIdentityProxyModel):
    """QFileSystemModel formats sizes and dates with the system locale (English on many machines);
    this proxy formats them with PlanDesk's locale (QLocale(), zh_CN when the window speaks Chinese)."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        source = self.sourceModel()
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() and isinstance(source, QFileSystemModel):
            at = self.mapToSource(index)
            if index.column() == SIZE_COLUMN and not source.isDir(at):
                return QLocale().formattedDataSize(
                    source.size(at), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
                )
            if index.column() == DATE_COLUMN:
                return QLocale().toString(source.lastModified(at), QLocale.FormatType.ShortFormat)
        return super().data(index, role)


def localize(dialog: QFileDialog) -> QFileDialog:
    """Give a (non-native) file dialog locale-formatted sizes and dates; native dialogs follow the system."""
    dialog.setProxyModel(LocalizedFileModel(dialog))
    return dialog
