"""The row of filters above the tree: unit, role, status, overdue, due within N days, and search."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from .vocabulary import status_name

FILTER_STATUSES = ("not_started", "in_progress", "overdue", "done", "suspended")


@dataclass(frozen=True)
class FilterState:
    unit: str = ""
    unit_role: str = "any"
    status: str = ""
    overdue: bool = False
    due_within_days: int | None = None
    query: str = ""

    @property
    def filters_nodes(self) -> bool:
        return bool(self.unit or self.status or self.overdue or self.due_within_days is not None)

    @property
    def active(self) -> bool:
        return self.filters_nodes or bool(self.query)


class FilterBar(QWidget):
    """Emits ``changed`` shortly after the user stops typing or picks a filter."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索标题、正文和进展（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("责任单位"))
        self.unit.setClearButtonEnabled(True)
        self.role = QComboBox()
        self.role.addItem(self.tr("任意角色"), "any")
        self.role.addItem(self.tr("仅牵头"), "lead")
        self.status = QComboBox()
        self.status.addItem(self.tr("全部状态"), "")
        for code in FILTER_STATUSES:
            self.status.addItem(status_name(code), code)
        self.overdue = QCheckBox(self.tr("已逾期"))
        self.due_days = QSpinBox()
        self.due_days.setRange(0, 365)
        self.due_days.setPrefix(self.tr("到期 ≤ "))
        self.due_days.setSuffix(self.tr(" 天"))
        self.due_days.setSpecialValueText(self.tr("到期不限"))
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("清除"))
        self.hits = QLabel()
        self.hits.setMinimumWidth(90)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        layout.addWidget(self.unit, 2)
        for w in (self.role, self.status, self.overdue, self.due_days, self.clear_button, self.hits):
            layout.addWidget(w)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.changed)
        self.search.textChanged.connect(self.timer.start)
        self.unit.editingFinished.connect(self.timer.start)
        for combo in (self.role, self.status):
            combo.currentIndexChanged.connect(self.timer.start)
        self.overdue.toggled.connect(self.timer.start)
        self.due_days.valueChanged.connect(self.timer.start)
        self.clear_button.clicked.connect(self.clear)

    def set_units(self, names: list[str]) -> None:
        completer = QCompleter(names, self.unit)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self.timer.start)
        self.unit.setCompleter(completer)

    def state(self) -> FilterState:
        days = self.due_days.value()
        return FilterState(
            self.unit.text().strip(),
            self.role.currentData(),
            self.status.currentData(),
            self.overdue.isChecked(),
            days or None,
            self.search.text().strip(),
        )

    def clear(self) -> None:
        for w in (self.search, self.unit, self.role, self.status, self.overdue, self.due_days):
            w.blockSignals(True)
        self.search.clear()
        self.unit.clear()
        self.role.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.overdue.setChecked(False)
        self.due_days.setValue(0)
        for w in (self.search, self.unit, self.role, self.status, self.overdue, self.due_days):
            w.blockSignals(False)
        self.timer.start()

    def set_hits(self, text: str) -> None:
        self.hits.setText(text)
