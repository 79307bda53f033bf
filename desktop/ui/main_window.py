"""The main window: plan selector and plan tree."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QMainWindow, QTreeView, QVBoxLayout, QWidget

from ..errors import PlanDeskError
from ..services.plan_import import load_sample_plans
from ..services.tree import children, list_plans
from ..storage import Database


class MainWindow(QMainWindow):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.setWindowTitle(self.tr("PlanDesk 规划督办台"))
        self.plan_combo = QComboBox()
        self.tree = QTreeView()
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([self.tr("编号"), self.tr("标题"), self.tr("牵头单位")])
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.plan_combo)
        layout.addWidget(self.tree)
        self.setCentralWidget(central)
        self.plan_combo.currentIndexChanged.connect(self._on_plan_chosen)
        self.resize(1100, 720)

    def start(self) -> None:
        """Fill the window; a new, empty database gets the sample plans so it is never empty."""
        try:
            if not list_plans(self.db):
                load_sample_plans(self.db)
                self.statusBar().showMessage(self.tr("已载入示例方案"), 5000)
        except PlanDeskError as exc:
            self.statusBar().showMessage(str(exc))
        self.reload_plans()

    def reload_plans(self) -> None:
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        for plan in list_plans(self.db):
            self.plan_combo.addItem(f"{plan.title}（{plan.doc_number or plan.level}）", plan.root_id)
        self.plan_combo.blockSignals(False)
        if self.plan_combo.count():
            self._on_plan_chosen(0)

    def _on_plan_chosen(self, index: int) -> None:
        self.model.removeRows(0, self.model.rowCount())
        root_id = self.plan_combo.itemData(index)
        if root_id is not None:
            self._fill(self.model.invisibleRootItem(), root_id)

    def _fill(self, parent: QStandardItem, node_id: int) -> None:
        for row in children(self.db, node_id=node_id):
            items = [QStandardItem(row.label), QStandardItem(row.title), QStandardItem(row.lead_unit)]
            for item in items:
                item.setData(row.id, Qt.ItemDataRole.UserRole)
                item.setEditable(False)
            parent.appendRow(items)
            if row.child_count:
                self._fill(items[0], row.id)
