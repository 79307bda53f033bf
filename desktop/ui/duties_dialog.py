"""更正责任单位: the node's list beside the wording the document printed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..services.plans.duties import Duty, NodeDuties
from .delegates import highlight_html

RAW_ROLE = Qt.ItemDataRole.UserRole + 1


class DutiesDialog(QDialog):
    """Rows of (unit, role); add, remove, move and 设为牵头. OK emits the new list."""

    confirmed = Signal(list)  # list[Duty]

    def __init__(
        self, duties: NodeDuties, unit_names: list[str], title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.duties = duties
        self.setWindowTitle(self.tr("更正责任单位：{0}").format(title))
        self.text = QTextBrowser()
        printed = [d.raw_name for d in duties.duties if d.raw_name]
        body = duties.text
        html = highlight_html(body, printed[0]) if printed else highlight_html(body, "")
        self.text.setHtml(f'<div style="line-height:150%">{html}</div>')
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("单位"), self.tr("角色"), self.tr("原文写法")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.unit_names = unit_names
        for duty in duties.duties:
            self._append(duty)
        self.new_unit = QLineEdit()
        self.new_unit.setPlaceholderText(self.tr("要添加的单位名称"))
        completer = QCompleter(unit_names, self.new_unit)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.new_unit.setCompleter(completer)
        self.add_button = QPushButton(self.tr("添加"))
        self.remove_button = QPushButton(self.tr("删除"))
        self.up_button = QPushButton(self.tr("上移"))
        self.down_button = QPushButton(self.tr("下移"))
        self.lead_button = QPushButton(self.tr("设为牵头"))
        self.add_button.clicked.connect(self.add_unit)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.lead_button.clicked.connect(self.make_lead)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_unit, 1)
        add_row.addWidget(self.add_button)
        move_row = QHBoxLayout()
        for button in (self.remove_button, self.up_button, self.down_button, self.lead_button):
            move_row.addWidget(button)
        move_row.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("责任单位（牵头在前，按原文顺序）")))
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(move_row)
        right_layout.addLayout(add_row)
        right_layout.addWidget(self.error_label)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("原文")))
        left_layout.addWidget(self.text, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([380, 460])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(880, 480)

    # -- rows ----------------------------------------------------------------------------------------
    def _append(self, duty: Duty, row: int | None = None) -> int:
        at = self.table.rowCount() if row is None else row
        self.table.insertRow(at)
        unit = QTableWidgetItem(duty.unit)
        unit.setData(RAW_ROLE, duty.raw_name)
        self.table.setItem(at, 0, unit)
        role = QComboBox()
        role.addItem(self.tr("牵头"), "lead")
        role.addItem(self.tr("配合"), "co")
        role.setCurrentIndex(0 if duty.role == "lead" else 1)
        self.table.setCellWidget(at, 1, role)
        printed = QTableWidgetItem(duty.raw_name or self.tr("（本单位添加）"))
        printed.setFlags(printed.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(at, 2, printed)
        return at

    def _duty(self, row: int) -> Duty:
        unit = self.table.item(row, 0)
        role = self.table.cellWidget(row, 1)
        assert unit is not None and isinstance(role, QComboBox)  # every row is filled with both
        return Duty(unit.text().strip(), role.currentData(), unit.data(RAW_ROLE) or "")

    def current_list(self) -> list[Duty]:
        return [self._duty(r) for r in range(self.table.rowCount())]

    def _replace(self, duties: list[Duty], select: int) -> None:
        self.table.setRowCount(0)
        for duty in duties:
            self._append(duty)
        if 0 <= select < self.table.rowCount():
            self.table.selectRow(select)

    def add_unit(self) -> bool:
        name = self.new_unit.text().strip()
        if not name:
            self.show_error(self.tr("请填写要添加的单位名称。"))
            self.new_unit.setFocus()
            return False
        if any(d.unit == name for d in self.current_list()):
            self.show_error(self.tr("“{0}”已在清单中。").format(name))
            return False
        role = "co" if any(d.role == "lead" for d in self.current_list()) else "lead"
        self.table.selectRow(self._append(Duty(name, role)))
        self.new_unit.clear()
        self.clear_error()
        return True

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            self.show_error(self.tr("请先选择要删除的单位。"))
            return
        self.table.removeRow(row)
        self.clear_error()

    def move_current(self, step: int) -> None:
        row = self.table.currentRow()
        duties = self.current_list()
        to = row + step
        if row < 0 or not 0 <= to < len(duties):
            return
        duties[row], duties[to] = duties[to], duties[row]
        self._replace(duties, to)

    def make_lead(self) -> None:
        """The chosen unit leads and moves first; the former leads cooperate."""
        row = self.table.currentRow()
        if row < 0:
            self.show_error(self.tr("请先选择要设为牵头的单位。"))
            return
        duties = self.current_list()
        chosen = duties.pop(row)
        rest = [Duty(d.unit, "co", d.raw_name) for d in duties]
        self._replace([Duty(chosen.unit, "lead", chosen.raw_name), *rest], 0)
        self.clear_error()

    # -- errors and OK -------------------------------------------------------------------------------
    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    def _on_ok(self) -> None:
        duties = self.current_list()
        empty = next((i for i, d in enumerate(duties, start=1) if not d.unit), None)
        if empty is not None:
            self.show_error(self.tr("第 {0} 行的单位名称为空。").format(empty))
            return
        self.confirmed.emit(duties)
        self.accept()
