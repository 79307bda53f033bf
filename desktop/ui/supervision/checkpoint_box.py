"""The 节点目标 box of the 办理 tab: the task's checkpoints, met or missed, and adding them (quarterly in one step)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...errors import PlanDeskError
from ...services.supervision import checkpoints
from ...services.supervision.assignments import get_assignment
from ...storage import Database

COLOURS = {"met": QColor("#d9ead3"), "missed": QColor("#f4cccc")}


class CheckpointBox(QGroupBox):
    """Checkpoints of the selected assignment's task, judged by what its lead unit reported by each date."""

    changed = Signal(int)  # node id
    failed = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("节点目标"))
        self.db = db
        self.today = today
        self.node_id: int | None = None
        self.list = QListWidget()
        day = today or dt.date.today()
        self.due = QDateEdit(QDate(day.year, day.month, day.day))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.percent = QSpinBox()
        self.percent.setRange(0, 100)
        self.percent.setSuffix("%")
        self.add_button = QPushButton(self.tr("添加"))
        self.add_button.clicked.connect(lambda: self.add())
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(day.year)
        self.quarterly_button = QPushButton(self.tr("按季度设置（25/50/75/100%）"))
        self.quarterly_button.clicked.connect(lambda: self.add_quarterly())
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.due)
        row.addWidget(self.percent)
        row.addWidget(self.add_button)
        row.addStretch(1)
        row.addWidget(self.year)
        row.addWidget(self.quarterly_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.set_assignment(None)

    def set_assignment(self, assignment_id: int | None) -> None:
        self.node_id = get_assignment(self.db, assignment_id=assignment_id).node_id if assignment_id else None
        self.message.clear()
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for w in (self.due, self.percent, self.add_button, self.year, self.quarterly_button):
            w.setEnabled(self.node_id is not None)
        if self.node_id is None:
            return
        for c in checkpoints.list_checkpoints(self.db, node_id=self.node_id, as_of=self.today):
            actual = f"{c.actual_percent}%" if c.actual_percent is not None else self.tr("未报")
            item = QListWidgetItem(
                self.tr("{0}　预期 {1}%　实际 {2}　{3}　{4}").format(
                    c.due.isoformat(), c.expected_percent, actual, c.state_name, c.title
                )
            )
            if c.state in COLOURS:
                item.setBackground(QBrush(COLOURS[c.state]))
            self.list.addItem(item)

    def _run(self, job: str) -> None:
        if self.node_id is None:
            return
        try:
            if job == "quarterly":
                checkpoints.add_quarterly_checkpoints(self.db, node_id=self.node_id, year=self.year.value())
            else:
                d = self.due.date()
                due = dt.date(d.year(), d.month(), d.day())
                checkpoints.add_checkpoints(
                    self.db, node_id=self.node_id, targets=[(due, self.percent.value(), "")]
                )
        except PlanDeskError as exc:
            self.message.setText(str(exc))
            self.failed.emit(str(exc))
            return
        self.message.clear()
        self.refresh()
        self.changed.emit(self.node_id)

    def add(self) -> None:
        self._run("single")

    def add_quarterly(self) -> None:
        self._run("quarterly")
