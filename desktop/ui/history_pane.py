"""Read-only list of a node's changes: time, operator, what, old → new, cause."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ..errors import PlanDeskError
from ..services.supervision.history import HistoryEntry, display_value, history
from ..storage import Database

SHOWN = 300  # the newest changes; the CLI (plandesk history --json) gives the whole trail


class HistoryPane(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.node_id: int | None = None
        self.entries: list[HistoryEntry] = []
        self.caption = QLabel(self.tr("选择条目后显示其修改记录"))
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("操作员"), self.tr("内容"), self.tr("原值 → 新值"), self.tr("原因")]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.table)

    def set_node(self, node_id: int | None) -> None:
        self.node_id = node_id
        self.reload()

    def reload(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        self.entries = []
        if self.node_id is None:
            self.caption.setText(self.tr("选择条目后显示其修改记录"))
            return
        try:
            self.entries = history(self.db, node_id=self.node_id, limit=SHOWN)
        except PlanDeskError as exc:
            self.caption.setText(str(exc))
            return
        for e in self.entries:
            self.model.appendRow([self._item(text) for text in self.row_texts(e)])
        self.caption.setText(
            self.tr("共 {0} 条修改记录（最新在前）").format(len(self.entries))
            if self.entries
            else self.tr("该条目没有修改记录")
        )
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def row_texts(self, e: HistoryEntry) -> list[str]:
        who = e.operator or self.tr("（未署名）")
        if e.os_user and e.os_user != e.operator:
            who += f"［{e.os_user}］"
        if e.action == "update":
            change = f"{display_value(e.field, e.old_value)} → {display_value(e.field, e.new_value)}"
        elif e.action == "insert":
            change = display_value("", e.new_value)
        else:
            change = display_value("", e.old_value)
        return [f"{e.local_time:%Y-%m-%d %H:%M}", who, e.what, change, e.cause]

    @staticmethod
    def _item(text: str) -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setToolTip(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return item
