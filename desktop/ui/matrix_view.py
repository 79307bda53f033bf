"""The 任务分工表 pane: tasks × units, ● where a unit leads and ○ where it cooperates."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ..errors import PlanDeskError
from ..services.plans.matrix import Matrix, responsibility_matrix
from ..storage import Database

NODE_ROLE = Qt.ItemDataRole.UserRole + 1
ROLE_ROLE = Qt.ItemDataRole.UserRole + 2  # "lead" | "co" | ""
MARKS = {"lead": "●", "co": "○"}
LEAD_BG = QColor("#fdf1d8")
Index = QModelIndex | QPersistentModelIndex


def wrap(text: str, width: int = 4) -> str:
    """Break a unit name into short lines so narrow columns can show it whole."""
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


SECTION_COLUMN, TASK_COLUMN, FIRST_UNIT = 0, 1, 2


class MatrixTableModel(QAbstractTableModel):
    """Column 0 is the task's section, column 1 the task (label + title); the others are units in order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: Matrix | None = None

    def set_matrix(self, matrix: Matrix | None) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.units) + FIRST_UNIT

    def unit_at(self, column: int) -> str | None:
        if self.matrix is None or not FIRST_UNIT <= column < len(self.matrix.units) + FIRST_UNIT:
            return None
        return self.matrix.units[column - FIRST_UNIT]

    def row_of(self, node_id: int) -> int | None:
        rows = self.matrix.rows if self.matrix else []
        return next((i for i, r in enumerate(rows) if r.node_id == node_id), None)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt API
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or self.matrix is None:
            return None
        unit = self.unit_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == SECTION_COLUMN:
                return self.tr("所属章节")
            if section == TASK_COLUMN:
                return self.tr("任务")
            return wrap(self.matrix.short_names.get(unit, unit)) if unit else None
        if role == Qt.ItemDataRole.ToolTipRole and unit:
            counts = self.matrix.lead_counts()
            total = sum(unit in r.roles for r in self.matrix.rows)
            return self.tr("{0}\n牵头 {1} 项，配合 {2} 项").format(unit, counts[unit], total - counts[unit])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.matrix is None or not index.isValid() or index.row() >= len(self.matrix.rows):
            return None
        row = self.matrix.rows[index.row()]
        unit = self.unit_at(index.column())
        held = row.roles.get(unit, "") if unit else ""
        if role == NODE_ROLE:
            return row.node_id
        if role == ROLE_ROLE:
            return held
        if index.column() == SECTION_COLUMN:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return row.section
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#666"))
            return None
        if index.column() == TASK_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{row.label} {row.title}".strip()
            if role == Qt.ItemDataRole.ToolTipRole:
                leads = "、".join(u for u, r in row.roles.items() if r == "lead")
                cos = "、".join(u for u, r in row.roles.items() if r == "co")
                return self.tr("{0} {1}\n牵头：{2}\n配合：{3}").format(
                    row.label, row.title, leads or "—", cos or "—"
                )
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return MARKS.get(held, "")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and held:
            name = self.tr("牵头") if held == "lead" else self.tr("配合")
            return f"{row.label} {row.title}：{unit} {name}"
        if role == Qt.ItemDataRole.BackgroundRole and held == "lead":
            return QBrush(LEAD_BG)
        if role == Qt.ItemDataRole.FontRole and held:
            font = QFont()
            font.setPointSizeF(font.pointSizeF() * 1.2)
            return font
        return None


class MatrixPane(QWidget):
    """任务分工表: click a cell or a task to go to that task."""

    node_activated = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.plan_id: int | None = None
        self.model = MatrixTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setMinimumSectionSize(24)
        self.summary = QLabel()
        self.legend = QLabel(self.tr("● 牵头单位　○ 配合单位（按方案所列，交办记录优先）"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        layout.addWidget(self.legend)
        # Only clicks: activated also fires on a double-click, which would jump twice.
        self.view.clicked.connect(self._on_activated)

    def set_plan(self, plan_id: int | None) -> None:
        self.plan_id = plan_id
        self.refresh()

    def refresh(self) -> None:
        matrix: Matrix | None = None
        if self.plan_id is not None:
            try:
                matrix = responsibility_matrix(self.db, plan_id=self.plan_id)
            except PlanDeskError as exc:
                self.summary.setText(str(exc))
        self.model.set_matrix(matrix)
        self._layout_columns()
        if matrix is None:
            if self.plan_id is None:
                self.summary.setText(self.tr("请选择方案。"))
            return
        self.summary.setText(
            self.tr("{0} 项任务，{1} 个责任单位").format(len(matrix.rows), len(matrix.units))
        )

    def _layout_columns(self) -> None:
        header = self.view.horizontalHeader()
        if self.model.columnCount() == 0:
            return
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        width = self.fontMetrics().horizontalAdvance("市场监管") + 14
        for column in range(FIRST_UNIT, self.model.columnCount()):
            header.resizeSection(column, width)
        wide = self.fontMetrics().horizontalAdvance("中")
        for column, chars in ((SECTION_COLUMN, 10), (TASK_COLUMN, 26)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.view.resizeColumnToContents(column)
            header.resizeSection(column, min(header.sectionSize(column), chars * wide))

    def _on_activated(self, index: QModelIndex) -> None:
        node_id = index.data(NODE_ROLE)
        if node_id is not None:
            self.node_activated.emit(int(node_id))

    def select_node(self, node_id: int) -> bool:
        """Scroll to and select a task's row (when the window's tree moves to it)."""
        row = self.model.row_of(node_id)
        if row is None:
            return False
        index = self.model.index(row, TASK_COLUMN)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True
