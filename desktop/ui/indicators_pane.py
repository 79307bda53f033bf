"""The 指标 pane: a plan's indicators against their targets, with a form to record measured values."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..errors import PlanDeskError
from ..services.core.records import IndicatorInfo
from ..services.core.status import ATTRIBUTE_NAMES
from ..services.plans.indicators import list_indicators, set_indicator_value
from ..storage import Database
from .charts import paint_sparkline
from .row_table_model import RowTableModel
from .undo_commands import Editing, SetIndicatorValue

ID_ROLE = Qt.ItemDataRole.UserRole + 1
HISTORY_ROLE = Qt.ItemDataRole.UserRole + 2  # list[float] for the sparkline
TARGET_ROLE = Qt.ItemDataRole.UserRole + 3
BEHIND_BG = QColor("#fde2e1")
BEHIND_FG = QColor("#a61b1b")
Index = QModelIndex | QPersistentModelIndex


def format_number(value: float, unit: str) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text}{unit}" if unit in ("%", "‰", "") else f"{text} {unit}"


def format_target(info: IndicatorInfo) -> str:
    """The target as printed, with operator and unit: ≥80%, 50 项."""
    if info.target_value is None:
        return info.target_text
    return f"{info.operator}{format_number(info.target_value, info.unit_of_measure)}"


def is_behind(info: IndicatorInfo) -> bool:
    """A binding (约束性) indicator whose latest value has not reached its target."""
    percent = info.percent_of_target
    return info.attribute == "binding" and percent is not None and percent < 100


class IndicatorTableModel(RowTableModel[IndicatorInfo]):
    FIELD, NAME, TARGET, ATTRIBUTE, LATEST, PERCENT, TREND = range(7)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = [
            self.tr("领域"),
            self.tr("指标"),
            self.tr("目标"),
            self.tr("属性"),
            self.tr("最新值"),
            self.tr("完成度"),
            self.tr("趋势"),
        ]

    def row_of(self, indicator_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.id == indicator_id), None)

    def _display(self, info: IndicatorInfo, column: int) -> str | None:
        if column == self.FIELD:
            return info.field
        if column == self.NAME:
            return info.name
        if column == self.TARGET:
            return format_target(info)
        if column == self.ATTRIBUTE:
            return self.tr(ATTRIBUTE_NAMES[info.attribute]) if info.attribute in ATTRIBUTE_NAMES else ""
        if column == self.LATEST:
            if info.latest is None:
                return self.tr("未填报")
            return format_number(info.latest.value, info.unit_of_measure)
        if column == self.PERCENT:
            percent = info.percent_of_target
            if percent is None:
                return ""
            # Never round a shortfall up to 100%: 49.8 of 50 is 99%, not done.
            return f"{math.floor(percent) if percent < 100 else round(percent)}%"
        return None

    def _tooltip(self, info: IndicatorInfo, column: int) -> str | None:
        if column == self.LATEST and info.latest is not None:
            text = self.tr("统计日期：{0}").format(info.latest.measured_on.isoformat())
            if info.latest.source:
                text += "\n" + self.tr("数据来源：{0}").format(info.latest.source)
            return text
        if column == self.TREND and info.history:
            return "\n".join(
                f"{v.measured_on.isoformat()}  {format_number(v.value, info.unit_of_measure)}"
                for v in info.history
            )
        if column == self.NAME:
            return info.name
        if is_behind(info):
            return self.tr("约束性指标尚未达到目标")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        info = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(info, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(info, column)
        if role == ID_ROLE:
            return info.id
        if role == HISTORY_ROLE:
            return [v.value for v in info.history]
        if role == TARGET_ROLE:
            return info.target_value
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.TARGET, self.LATEST, self.PERCENT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        behind = is_behind(info)
        if role == Qt.ItemDataRole.BackgroundRole and behind:
            return QBrush(BEHIND_BG)
        if role == Qt.ItemDataRole.ForegroundRole:
            if behind:
                return QBrush(BEHIND_FG)
            if column == self.LATEST and info.latest is None:
                return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.FontRole and behind and column == self.PERCENT:
            font = QFont()
            font.setBold(True)
            return font
        return None


class SparklineDelegate(QStyledItemDelegate):
    """Draws the value history of an indicator row as a small line inside its cell."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        style = option.widget.style() if option.widget else QApplication.style()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        values = index.data(HISTORY_ROLE) or []
        if values:
            paint_sparkline(
                painter,
                option.rect.adjusted(4, 2, -4, -2),
                values,
                target=index.data(TARGET_ROLE),
            )


class IndicatorValueDialog(QDialog):
    """Form to record one measured value; errors appear next to the field at fault and keep it open."""

    saved = Signal(int)  # indicator id

    FIELDS = ("value", "measured_on", "source", "note")

    def __init__(
        self, db: Database, info: IndicatorInfo, parent: QWidget | None = None, editing: Editing | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.info = info
        self.editing = editing
        self.setWindowTitle(self.tr("录入指标值"))
        self.value_edit = QLineEdit()
        self.value_edit.setPlaceholderText(self.tr("数值，例如 85"))
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("例如 统计年报"))
        self.note_edit = QLineEdit()
        self.errors = {name: self._error_label() for name in (*self.FIELDS, "")}
        grid = QGridLayout()
        self.title_label = QLabel(f"<b>{info.name}</b><br>{self.tr('目标：')}{format_target(info)}")
        self.title_label.setWordWrap(True)
        grid.addWidget(self.title_label, 0, 0, 1, 3)
        rows = [
            (self.tr("数值"), self.value_edit, "value"),
            (self.tr("统计日期"), self.date_edit, "measured_on"),
            (self.tr("数据来源"), self.source_edit, "source"),
            (self.tr("说明"), self.note_edit, "note"),
        ]
        for i, (label, editor, name) in enumerate(rows, start=1):
            grid.addWidget(QLabel(label), i, 0)
            if name == "value" and info.unit_of_measure:
                box = QHBoxLayout()
                box.addWidget(editor)
                box.addWidget(QLabel(info.unit_of_measure))
                grid.addLayout(box, i, 1)
            else:
                grid.addWidget(editor, i, 1)
            grid.addWidget(self.errors[name], i, 2)
        grid.addWidget(self.errors[""], len(rows) + 1, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setStyleSheet("color: #c0392b;")
        label.setWordWrap(True)
        label.setMinimumWidth(180)
        label.hide()
        return label

    def show_error(self, field: str | None, message: str) -> None:
        for label in self.errors.values():
            label.hide()
        label = self.errors.get(field or "", self.errors[""])
        label.setText(message)
        label.show()

    def save(self) -> None:
        measured: dt.date = self.date_edit.date().toPython()  # type: ignore[assignment]
        values: dict[str, Any] = {
            "value": self.value_edit.text(),
            "measured_on": measured,
            "source": self.source_edit.text(),
            "note": self.note_edit.text(),
        }
        if self.editing is None:
            try:
                set_indicator_value(self.db, indicator_id=self.info.id, **values)
            except PlanDeskError as exc:
                self.show_error(exc.field, str(exc))
                return
        else:
            # Through the window's undo stack: 撤销 takes the value back out.
            refused: list[tuple[str, str]] = []

            def note(field: str, message: str) -> None:
                refused.append((field, message))

            self.editing.failed.connect(note)
            try:
                accepted = self.editing.push(SetIndicatorValue(self.editing, self.info.id, values))
            finally:
                self.editing.failed.disconnect(note)
            if not accepted:
                if refused:
                    self.show_error(*refused[0])
                return
        self.saved.emit(self.info.id)
        self.accept()


class IndicatorsPane(QWidget):
    """指标: each indicator with target, attribute, latest value, percent of target and history."""

    node_activated = Signal(int)  # part of every pane's interface; indicators carry no task to jump to
    value_saved = Signal(int)  # indicator id, after a value was recorded

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.plan_id: int | None = None
        self.editing: Editing | None = None  # the window's undo stack, when the pane is in a window
        self.value_dialog: IndicatorValueDialog | None = None
        self.model = IndicatorTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.setItemDelegateForColumn(IndicatorTableModel.TREND, SparklineDelegate(self.view))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(IndicatorTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(IndicatorTableModel.TREND, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(IndicatorTableModel.TREND, 110)
        self.summary = QLabel()
        self.enter_button = QPushButton(self.tr("录入指标值…"))
        self.enter_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.enter_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self.enter_button.clicked.connect(self.enter_value)
        self.view.doubleClicked.connect(lambda index: self.enter_value())
        self.view.selectionModel().selectionChanged.connect(
            lambda *_: self.enter_button.setEnabled(self.current() is not None)
        )

    def set_plan(self, plan_id: int | None) -> None:
        self.plan_id = plan_id
        self.refresh()

    def refresh(self) -> None:
        selected = self.current()
        try:
            rows = list_indicators(self.db, plan_id=self.plan_id) if self.plan_id is not None else []
        except PlanDeskError as exc:
            rows = []
            self.summary.setText(str(exc))
        self.model.set_rows(rows)
        self._summarise(rows)
        if selected is not None:
            self.select(selected.id)
        self.enter_button.setEnabled(self.current() is not None)

    def _summarise(self, rows: list[IndicatorInfo]) -> None:
        if self.plan_id is None:
            self.summary.setText(self.tr("请选择方案。"))
            return
        if not rows:
            self.summary.setText(self.tr("该方案没有指标。"))
            return
        binding = [r for r in rows if r.attribute == "binding"]
        behind = [r for r in binding if is_behind(r)]
        missing = [r for r in rows if r.latest is None]
        self.summary.setText(
            self.tr("共 {0} 项指标，其中约束性 {1} 项；约束性未达标 {2} 项，尚未填报 {3} 项。").format(
                len(rows), len(binding), len(behind), len(missing)
            )
        )

    def current(self) -> IndicatorInfo | None:
        index = self.view.currentIndex()
        rows = self.view.selectionModel().selectedRows()
        if not rows or not index.isValid():
            return None
        return self.model.rows[rows[0].row()]

    def select(self, indicator_id: int) -> bool:
        row = self.model.row_of(indicator_id)
        if row is None:
            return False
        self.view.selectRow(row)
        self.view.setCurrentIndex(self.model.index(row, IndicatorTableModel.NAME))
        return True

    def enter_value(self) -> IndicatorValueDialog | None:
        """Open the value form (non-blocking) for the selected indicator."""
        info = self.current()
        if info is None:
            return None
        if self.value_dialog is not None:
            self.value_dialog.close()
            self.value_dialog.deleteLater()
        self.value_dialog = IndicatorValueDialog(self.db, info, self, self.editing)
        self.value_dialog.saved.connect(self._on_saved)
        self.value_dialog.open()
        return self.value_dialog

    def _on_saved(self, indicator_id: int) -> None:
        self.refresh()
        self.select(indicator_id)
        self.value_saved.emit(indicator_id)
