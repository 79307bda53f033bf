"""The 总览 pane: counts by status, overdue work by lead unit, and what falls due in the coming days."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..errors import PlanDeskError
from ..services.reporting.dashboard import DashboardData, DueItem, dashboard_data
from ..storage import Database
from .charts import BarChart
from .row_table_model import RowTableModel
from .vocabulary import role_name, status_name

NODE_ROLE = Qt.ItemDataRole.UserRole + 1
# Order and colour of the status cards; "" counts unassigned tasks.
CARDS = [
    ("tasks", "#34495e"),
    ("overdue", "#c0392b"),
    ("in_progress", "#2c6fbb"),
    ("not_started", "#7f8c8d"),
    ("done", "#27ae60"),
    ("suspended", "#8e6c3a"),
    ("unassigned", "#95a5a6"),
    ("due_soon", "#d68910"),
]
Index = QModelIndex | QPersistentModelIndex
WIDE_CHARS = 64  # pane width (in characters) from which the chart and the due list may sit side by side
TASK_CHARS = 12  # the least room (in characters) the due list keeps for the task beside its short columns


class DueTableModel(RowTableModel[DueItem]):
    DEADLINE, DAYS, TASK, UNIT, ROLE, STATUS, PERCENT = range(7)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = [
            self.tr("截止日期"),
            self.tr("剩余"),
            self.tr("任务"),
            self.tr("责任单位"),
            self.tr("角色"),
            self.tr("状态"),
            self.tr("进度"),
        ]

    def _display(self, item: DueItem, column: int) -> str:
        if column == self.DEADLINE:
            return item.deadline.isoformat()
        if column == self.DAYS:
            return self.tr("今天") if item.days_left == 0 else self.tr("{0} 天").format(item.days_left)
        if column == self.TASK:
            return f"{item.label} {item.title}".strip()
        if column == self.UNIT:
            return item.unit
        if column == self.ROLE:
            return role_name(item.role)
        if column == self.STATUS:
            return status_name(item.status)
        return f"{item.percent}%"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        item = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == NODE_ROLE:
            return item.node_id
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.UNIT:
                return item.unit
            if column == self.TASK:
                return f"{item.label} {item.title}".strip()
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.DAYS, self.PERCENT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.DAYS and item.days_left <= 7:
            return QBrush(QColor("#c0392b"))
        return None


class StatusCard(QFrame):
    """A number with a caption under it."""

    def __init__(self, caption: str, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = QLabel("0")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.number.setFont(font)
        self.number.setStyleSheet(f"color: {color};")
        self.caption = QLabel(caption)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set_value(self, value: int) -> None:
        self.number.setText(str(value))


class DashboardPane(QWidget):
    """总览 for one plan (or all plans): double-click a due task to go to it."""

    node_activated = Signal(int)
    unit_clicked = Signal(str)  # full unit name of a clicked overdue bar

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.plan_id: int | None = None
        self.as_of: dt.date | None = None  # None: today
        self.horizon_days: int | None = None  # None: the office's 临期 days (the one setting)
        self.data: DashboardData | None = None
        captions = {
            "tasks": self.tr("任务总数"),
            "overdue": self.tr("已逾期"),
            "in_progress": self.tr("进行中"),
            "not_started": self.tr("未开始"),
            "done": self.tr("已完成"),
            "suspended": self.tr("暂缓"),
            "unassigned": self.tr("未分工"),
            "due_soon": self.tr("近期到期"),
        }
        self.cards = {key: StatusCard(captions[key], color) for key, color in CARDS}
        cards = QGridLayout()
        for i, card in enumerate(self.cards.values()):
            cards.addWidget(card, 0, i)
        self.chart = BarChart()
        chart_box = self.chart_box = QGroupBox(self.tr("逾期任务（按责任单位，含牵头和配合）"))
        chart_scroll = QScrollArea()
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Long unit names are elided inside the chart (full name in the tooltip), never scrolled sideways.
        chart_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        chart_scroll.setWidget(self.chart)
        QVBoxLayout(chart_box).addWidget(chart_scroll)
        self.due_model = DueTableModel(self)
        self.due_view = QTableView()
        self.due_view.setModel(self.due_model)
        self.due_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.due_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.due_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.due_view.setWordWrap(False)
        self.due_view.verticalHeader().hide()
        self.due_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.due_view.horizontalHeader()
        # Short columns fit their text; the unit gets a bounded width (full name in the tooltip) and the
        # task takes the rest, so a long unit name can never squeeze the task to nothing.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DueTableModel.UNIT, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DueTableModel.TASK, QHeaderView.ResizeMode.Stretch)
        self.due_view.setMinimumWidth(self._chars(28))
        self.due_box = QGroupBox()
        QVBoxLayout(self.due_box).addWidget(self.due_view)
        # Side by side when the pane is wide, one above the other when it is narrow (see resizeEvent).
        self.bottom = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.bottom.addWidget(chart_box, 2)
        self.bottom.addWidget(self.due_box, 5)
        bottom = self.bottom
        self.caption = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addLayout(cards)
        layout.addLayout(bottom, 1)
        self.due_view.doubleClicked.connect(self._on_due_activated)
        self.chart.bar_clicked.connect(self._on_bar_clicked)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        self._arrange(event.size().width())
        super().resizeEvent(event)

    def _arrange(self, width: int) -> None:
        """Side by side only when the due list, beside the chart, still shows the task: its short columns fit
        their words, which run longer in English than in Chinese."""
        header = self.due_view.horizontalHeader()
        short = sum(
            header.sectionSize(c)
            if c == DueTableModel.UNIT
            else max(header.sectionSizeHint(c), self.due_view.sizeHintForColumn(c))
            for c in range(self.due_model.columnCount())
            if c != DueTableModel.TASK
        )
        due_list = short + self._chars(TASK_CHARS) + self._chars(3)  # frames, margins and a scroll bar
        chart = self.chart_box.sizeHint().width()
        wide = width >= max(self._chars(WIDE_CHARS), due_list * 7 // 5, chart + due_list + self._chars(2))
        self.bottom.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )

    def _chars(self, n: int) -> int:
        return self.fontMetrics().horizontalAdvance("国") * n

    def _fit_unit_column(self) -> None:
        """The unit column as wide as its longest name, but at most about eight characters."""
        self.due_view.resizeColumnToContents(DueTableModel.UNIT)
        width = self.due_view.columnWidth(DueTableModel.UNIT)
        self.due_view.setColumnWidth(DueTableModel.UNIT, min(max(width, self._chars(5)), self._chars(8)))

    def set_plan(self, plan_id: int | None) -> None:
        self.plan_id = plan_id
        self.refresh()

    def set_as_of(self, as_of: dt.date | None) -> None:
        """Look at the plan as of another day (None: today)."""
        self.as_of = as_of
        self.refresh()

    def refresh(self) -> None:
        try:
            data = dashboard_data(
                self.db, plan_id=self.plan_id, as_of=self.as_of, horizon_days=self.horizon_days
            )
        except PlanDeskError as exc:
            self.caption.setText(str(exc))
            return
        self.data = data
        stats = data.stats
        counts = {"tasks": stats.tasks, "due_soon": stats.due_soon, **stats.by_status}
        for key, card in self.cards.items():
            card.set_value(counts.get(key, 0))
        scope = self.tr("全部方案") if self.plan_id is None else self.tr("本方案")
        self.caption.setText(
            self.tr("{0}截至 {1}：共 {2} 项任务，已完成 {3} 项，已逾期 {4} 项，未分工 {5} 项。").format(
                scope, data.as_of.isoformat(), stats.tasks, stats.done, stats.overdue, data.unassigned
            )
        )
        self.chart.set_data(list(data.overdue_by_unit), self.tr("没有逾期任务"))
        self.due_box.setTitle(self.tr("{0} 天内到期（{1} 项）").format(data.horizon_days, len(data.due_soon)))
        self.due_model.set_rows(data.due_soon)
        self._fit_unit_column()
        self._arrange(self.width())

    def _on_due_activated(self, index: QModelIndex) -> None:
        node_id = index.data(NODE_ROLE)
        if node_id is not None:
            self.node_activated.emit(int(node_id))

    def _on_bar_clicked(self, label: str) -> None:
        if self.data is None:
            return
        self.unit_clicked.emit(label)  # the bars carry full unit names
