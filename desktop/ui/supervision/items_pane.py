"""The 督办事项 tab: the register by source with remaining working days, and the form that registers an item."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...errors import PlanDeskError
from ...services.core import workdays
from ...services.core.status import ITEM_SOURCES
from ...services.supervision import items
from ...storage import Database
from ..vocabulary import REMAINING, RULES, sentence, source_name

OVERDUE = QColor("#f8d0d0")


def _date(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class ItemDialog(QDialog):
    """登记督办事项: the fields of the chosen source, and the deadline as it will be computed, shown live."""

    registered = Signal(int)  # node id of the new item

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("登记督办事项"))
        self.rules = items.item_rules(db)
        self.calendar = workdays.work_calendar(db)
        self.source = QComboBox()
        for code in ITEM_SOURCES:
            self.source.addItem(source_name(code), code)
        self.title_edit = QLineEdit()
        self.unit = QLineEdit()
        self.cooperating = QLineEdit()
        self.cooperating.setPlaceholderText(self.tr("多个单位用顿号分隔"))
        self.received = _date_edit(today or dt.date.today())
        self.rule = QLineEdit()
        self.leader = QLineEdit()
        self.instructed = _date_edit(today or dt.date.today())
        self.doc_ref = QLineEdit()
        self.meeting = QLineEdit()
        self.session = QLineEdit()
        self.number = QLineEdit()
        self.sender_edit = QLineEdit()
        self.text_edit = QLineEdit()
        self.deadline_label = QLabel()
        self.deadline_label.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("来源"), self.source)
        form.addRow(self.tr("事项名称"), self.title_edit)
        form.addRow(self.tr("牵头单位"), self.unit)
        form.addRow(self.tr("配合单位"), self.cooperating)
        form.addRow(self.tr("交办日期"), self.received)
        form.addRow(self.tr("办理时限"), self.rule)
        self.source_rows: dict[str, list[tuple[QLabel, QWidget]]] = {}
        source_fields: list[tuple[str, str, QWidget]] = [
            ("instruction", self.tr("批示人"), self.leader),
            ("instruction", self.tr("批示日期"), self.instructed),
            ("instruction", self.tr("原件文号"), self.doc_ref),
            ("meeting", self.tr("会议名称"), self.meeting),
            ("meeting", self.tr("期次"), self.session),
            ("proposal", self.tr("编号"), self.number),
            ("letter", self.tr("来信人"), self.sender_edit),
        ]
        for code, label, widget in source_fields:
            caption = QLabel(label)
            form.addRow(caption, widget)
            self.source_rows.setdefault(code, []).append((caption, widget))
        form.addRow(self.tr("内容"), self.text_edit)
        form.addRow(self.tr("截止日期"), self.deadline_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登记"))
        self.buttons.accepted.connect(self._on_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.source.currentIndexChanged.connect(lambda _i: self._on_source_changed())
        self.received.dateChanged.connect(lambda _d: self._update_deadline())
        self.rule.textChanged.connect(lambda _t: self._update_deadline())
        self._on_source_changed()

    def source_code(self) -> str:
        return str(self.source.currentData())

    def _on_source_changed(self) -> None:
        code = self.source_code()
        for source, rows in self.source_rows.items():
            for caption, widget in rows:
                caption.setVisible(source == code)
                widget.setVisible(source == code)
        self.rule.setText(self.rules[code].text)
        self._update_deadline()

    def _update_deadline(self) -> None:
        try:
            result = workdays.compute_deadline(self.calendar, _date(self.received), self.rule.text())
        except PlanDeskError as exc:
            self.deadline_label.setText(str(exc))
            return
        weekday = self.tr("星期一 星期二 星期三 星期四 星期五 星期六 星期日").split()[
            result.deadline.weekday()
        ]
        text = self.tr("{0}（{1}），自交办次日起 {2}").format(
            result.deadline.isoformat(), weekday, result.rule.text
        )
        if result.note:
            text += "\n" + result.note
        self.deadline_label.setText(text)

    def draft(self) -> items.ItemDraft:
        code = self.source_code()
        return items.ItemDraft(
            title=self.title_edit.text(),
            source=code,
            received_on=_date(self.received),
            unit=self.unit.text().strip(),
            cooperating=tuple(
                u for u in self.cooperating.text().replace("，", "、").split("、") if u.strip()
            ),
            rule=self.rule.text(),
            text=self.text_edit.text(),
            leader=self.leader.text() if code == "instruction" else "",
            instructed_on=_date(self.instructed) if code == "instruction" else None,
            doc_ref=self.doc_ref.text() if code == "instruction" else "",
            meeting_name=self.meeting.text() if code == "meeting" else "",
            meeting_session=self.session.text() if code == "meeting" else "",
            proposal_number=self.number.text() if code == "proposal" else "",
            sender=self.sender_edit.text() if code == "letter" else "",
        )

    def _on_accepted(self) -> None:
        try:
            info = items.register_item(self.db, draft=self.draft())
        except PlanDeskError as exc:
            self.error.setText(str(exc))
            return
        self.registered.emit(info.node_id)
        self.accept()


class ItemsPane(QWidget):
    """督办事项 of a year by source: deadline, who, and what is left in working days; double click opens the item."""

    failed = Signal(str)
    changed = Signal()
    item_activated = Signal(int, int)  # plan id, node id

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today
        self.dialog: QWidget | None = None
        self.rows: list[items.ItemInfo] = []
        self.year = QComboBox()
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.source = QComboBox()
        self.source.addItem(self.tr("全部来源"), "")
        for code in ITEM_SOURCES:
            self.source.addItem(source_name(code), code)
        self.source.currentIndexChanged.connect(lambda _i: self.refresh())
        self.add_button = QPushButton(self.tr("登记督办事项…"))
        self.add_button.clicked.connect(lambda: self.open_register())
        self.withdraw_button = QPushButton(self.tr("撤销登记…"))
        self.withdraw_button.clicked.connect(lambda: self.confirm_withdraw())
        self.import_button = QPushButton(self.tr("导入清单…"))
        self.import_button.clicked.connect(lambda: self.choose_list())
        self.calendar_button = QPushButton(self.tr("导入放假安排…"))
        self.calendar_button.clicked.connect(lambda: self.choose_calendar())
        headers = [
            self.tr("来源"),
            self.tr("序号"),
            self.tr("事项"),
            self.tr("牵头单位"),
            self.tr("交办日期"),
            self.tr("办理时限"),
            self.tr("截止日期"),
            self.tr("剩余时限"),
            self.tr("出处"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.cellDoubleClicked.connect(
            lambda row, _c: self.item_activated.emit(self.rows[row].plan_id, self.rows[row].node_id)
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("年度")))
        head.addWidget(self.year)
        head.addWidget(self.source)
        head.addStretch(1)
        head.addWidget(self.add_button)
        head.addWidget(self.import_button)
        head.addWidget(self.withdraw_button)
        head.addWidget(self.calendar_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        self._loaded = False  # read when first shown: a tab behind others costs the window's start nothing

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        if not self._loaded:
            self.reload_years()
        super().showEvent(event)

    def reload_years(self) -> None:
        self._loaded = True
        current = self.year.currentData()
        years = sorted({c.year for c in items.list_collections(self.db)}, reverse=True)
        self.year.blockSignals(True)
        self.year.clear()
        for y in years:
            self.year.addItem(self.tr("{0}年").format(y), y)
        if current in years:
            self.year.setCurrentIndex(years.index(current))
        self.year.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        year = self.year.currentData()
        try:
            self.rows = (
                items.list_items(
                    self.db, year=year, source=self.source.currentData() or None, as_of=self.today
                )
                if year is not None
                else []
            )
        except PlanDeskError as exc:
            self.failed.emit(str(exc))
            return
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            where = r.doc_ref or (r.meeting_name + r.meeting_session) or r.proposal_number or r.sender
            if r.leader:
                where = self.tr("{0}批示 {1}").format(r.leader, where).strip()
            cells = [
                source_name(r.source),
                r.label,
                r.title,
                r.unit,
                r.received_on.isoformat(),
                sentence(r.rule, RULES),
                r.deadline.isoformat() if r.deadline else "—",
                sentence(r.remaining, REMAINING),
                where,
            ]
            for j, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(r.calendar_note or text)
                if r.status == "overdue":
                    cell.setBackground(QBrush(OVERDUE))
                self.table.setItem(i, j, cell)
        self.table.resizeColumnsToContents()
        notes = {r.calendar_note for r in self.rows if r.calendar_note}
        self.message.setText("\n".join(sorted(notes)) if notes else "")

    def open_register(self) -> ItemDialog:
        dialog = ItemDialog(self.db, self, today=self.today)
        dialog.registered.connect(lambda _id: self._on_registered())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_registered(self) -> None:
        self.reload_years()
        self.changed.emit()

    def confirm_withdraw(self) -> QMessageBox | None:
        """Ask before removing the selected item; only one with nothing recorded on it can go."""
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            self.message.setText(self.tr("请先在表中选择要撤销登记的督办事项。"))
            return None
        item = self.rows[row]
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("撤销登记"),
            self.tr("撤销登记督办事项“{0}”？其分工记录一并删除。").format(item.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.accepted.connect(lambda: self.withdraw(item.node_id))
        self.dialog = box
        box.open()
        return box

    def withdraw(self, node_id: int) -> None:
        try:
            items.withdraw_item(self.db, node_id=node_id)
        except PlanDeskError as exc:
            self.message.setText(str(exc))
            self.failed.emit(str(exc))
            return
        self._on_registered()
        self.message.setText(self.tr("已撤销登记。"))

    def choose_list(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("导入督办事项清单"), "", self.tr("Excel 工作簿 (*.xlsx)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.preview_list)
        self.dialog = dialog
        dialog.open()
        return dialog

    def preview_list(self, path: str) -> QDialog:
        from .items_import_dialog import ItemsImportDialog

        dialog = ItemsImportDialog(self.db, path, self)
        dialog.imported.connect(lambda n: self._on_imported(n))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_imported(self, count: int) -> None:
        self._on_registered()
        self.message.setText(self.tr("已导入 {0} 件督办事项。").format(count))

    def choose_calendar(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("导入放假安排"), "", self.tr("放假安排 (*.csv *.json)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.load_calendar)
        self.dialog = dialog
        dialog.open()
        return dialog

    def load_calendar(self, path: str) -> None:
        try:
            update = items.apply_calendar(self.db, path=path)
        except (PlanDeskError, OSError) as exc:
            self.message.setText(str(exc))
            self.failed.emit(str(exc))
            return
        self.refresh()
        self.message.setText(
            "；".join(
                self.tr("已导入 {0} 年放假安排：放假 {1} 天，调休上班 {2} 天").format(
                    y.year, y.holidays, y.workdays
                )
                for y in update.loaded
            )
            + (
                self.tr("；{0} 件督办事项的截止日期已按新安排重算").format(len(update.moved))
                if update.moved
                else ""
            )
        )
