"""The 报送台账 tab: each unit's months as 按时/迟报/未报, and the point-rule ranking with its method and events."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...errors import PlanDeskError
from ...services.supervision import points
from ...services.supervision import report_register as reporting_ledger
from ...storage import Database
from ..vocabulary import (
    DUE_RULES,
    METHODS,
    POINT_DETAILS,
    ledger_state_name,
    point_event_name,
    sentence,
)

FILLS = {"on_time": QColor("#d9ead3"), "late": QColor("#fff2cc"), "missing": QColor("#f4cccc")}


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    return table


def _set(
    table: QTableWidget, row: int, col: int, text: str, fill: QColor | None = None, tip: str | None = None
) -> None:
    item = QTableWidgetItem(text)
    item.setToolTip(tip or text)
    if fill is not None:
        item.setBackground(QBrush(fill))
    table.setItem(row, col, item)


class TimelinessPane(QWidget):
    """Months ``first``…``last`` counted on a day; a click on a ranked unit lists the events behind its points."""

    failed = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.db = db
        day = today or dt.date.today()
        self.ledger: reporting_ledger.ReportingLedger | None = None
        self.ranking: points.PointRanking | None = None
        self.dialog: QFileDialog | None = None
        self.first = QLineEdit(f"{day.year}-01")
        self.last = QLineEdit(f"{day:%Y-%m}")
        for edit in (self.first, self.last):
            edit.setInputMask("0000-00")
            edit.editingFinished.connect(self.refresh)
        self.as_of = QDateEdit(QDate(day.year, day.month, day.day))
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.dateChanged.connect(lambda _d: self.refresh())
        self.export_ledger_button = QPushButton(self.tr("导出报送台账…"))
        self.export_ledger_button.clicked.connect(lambda: self.choose_export("ledger"))
        self.export_ranking_button = QPushButton(self.tr("导出考核排名…"))
        self.export_ranking_button.clicked.connect(lambda: self.choose_export("ranking"))
        self.rule_label = QLabel()
        self.ledger_table = _table([self.tr("单位")])
        self.ranking_table = _table(
            [self.tr("名次"), self.tr("单位"), self.tr("得分")]
            + [point_event_name(code) for code in points.EVENTS]
        )
        self.ranking_table.currentCellChanged.connect(lambda row, *_: self.show_events(row))
        self.method = QLabel()
        self.method.setWordWrap(True)
        self.events_table = _table(
            [self.tr("日期"), self.tr("事项"), self.tr("分值"), self.tr("条目"), self.tr("说明")]
        )
        self.events_table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("月份")))
        head.addWidget(self.first)
        head.addWidget(QLabel(self.tr("至")))
        head.addWidget(self.last)
        head.addWidget(QLabel(self.tr("统计日期")))
        head.addWidget(self.as_of)
        head.addStretch(1)
        head.addWidget(self.export_ledger_button)
        head.addWidget(self.export_ranking_button)
        ranking_side = QWidget()
        side = QVBoxLayout(ranking_side)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.method)
        side.addWidget(self.events_table)
        lower = QSplitter()
        lower.addWidget(self.ranking_table)
        lower.addWidget(ranking_side)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.rule_label)
        layout.addWidget(self.ledger_table, 1)
        layout.addWidget(lower, 1)
        layout.addWidget(self.message)

    def set_range(self, first: str, last: str, as_of: dt.date) -> None:
        self.first.setText(first)
        self.last.setText(last)
        self.as_of.blockSignals(True)
        self.as_of.setDate(QDate(as_of.year, as_of.month, as_of.day))
        self.as_of.blockSignals(False)
        self.refresh()

    def _as_of(self) -> dt.date:
        d = self.as_of.date()
        return dt.date(d.year(), d.month(), d.day())

    def refresh(self) -> None:
        try:
            self.ledger = reporting_ledger.reporting_ledger(
                self.db, first=self.first.text(), last=self.last.text(), as_of=self._as_of()
            )
            self.ranking = points.point_ranking(
                self.db, first=self.first.text(), last=self.last.text(), as_of=self._as_of()
            )
        except PlanDeskError as exc:
            self.message.setText(str(exc))
            self.failed.emit(str(exc))
            return
        self.message.clear()
        self._fill_ledger(self.ledger)
        self._fill_ranking(self.ranking)

    def _fill_ledger(self, ledger: reporting_ledger.ReportingLedger) -> None:
        self.rule_label.setText(self.tr("报送要求：{0}").format(sentence(ledger.rule, DUE_RULES)))
        table = self.ledger_table
        table.setColumnCount(len(ledger.periods) + 4)
        table.setHorizontalHeaderLabels(
            [self.tr("单位"), *ledger.periods, self.tr("按时"), self.tr("迟报"), self.tr("未报")]
        )
        table.setRowCount(len(ledger.units))
        for i, unit in enumerate(ledger.units):
            _set(table, i, 0, unit)
            for j, period in enumerate(ledger.periods, start=1):
                c = ledger.cell(unit, period)
                if c is None:
                    _set(table, i, j, "—")
                    continue
                text = ledger_state_name(c.state)
                if c.reported_on is not None:
                    text += f" {c.reported_on:%m-%d}"
                tip = self.tr("应于 {0} 前报送；已报 {1}/{2} 项").format(
                    c.due.isoformat(), c.reported, c.assignments
                )
                _set(table, i, j, text, FILLS.get(c.state), tip)
            counts = ledger.counts(unit)
            for j, key in enumerate(("on_time", "late", "missing"), start=len(ledger.periods) + 1):
                _set(table, i, j, str(counts[key]))
        table.resizeColumnsToContents()

    def _fill_ranking(self, ranking: points.PointRanking) -> None:
        self.method.setText(sentence(ranking.method, METHODS))
        table = self.ranking_table
        table.setRowCount(len(ranking.units))
        for i, u in enumerate(ranking.units):
            cells = [str(u.rank), u.unit, f"{u.points:g}", *(str(u.counts[k]) for k in points.EVENTS)]
            for j, text in enumerate(cells):
                _set(table, i, j, text)
        table.resizeColumnsToContents()
        self.show_events(0 if ranking.units else -1)

    def show_events(self, row: int) -> None:
        """The events behind the points of the unit in ``row`` of the ranking."""
        events = (
            self.ranking.events_of(self.ranking.units[row].unit)
            if self.ranking and 0 <= row < len(self.ranking.units)
            else []
        )
        self.events_table.setRowCount(len(events))
        for i, e in enumerate(events):
            name, detail = point_event_name(e.event), sentence(e.detail, POINT_DETAILS)
            for j, text in enumerate((e.on.isoformat(), name, f"{e.points:+g}", e.node, detail)):
                _set(self.events_table, i, j, text)
        self.events_table.resizeColumnsToContents()

    def choose_export(self, what: str) -> QFileDialog:
        name = self.tr("报送台账.xlsx") if what == "ledger" else self.tr("考核排名.xlsx")
        dialog = QFileDialog(self, self.tr("导出"), name, self.tr("Excel 工作簿 (*.xlsx)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("xlsx")
        dialog.fileSelected.connect(lambda path: self.export(what, path))
        self.dialog = dialog
        dialog.open()
        return dialog

    def export(self, what: str, path: str) -> None:
        try:
            if what == "ledger" and self.ledger is not None:
                reporting_ledger.export_reporting_ledger(self.ledger, path)
            elif what == "ranking" and self.ranking is not None:
                points.export_point_ranking(self.ranking, path)
        except OSError as exc:
            self.message.setText(self.tr("无法写入文件：{0}（{1}）").format(path, exc.strerror or exc))
            return
        self.message.setText(self.tr("已导出：{0}").format(path))
