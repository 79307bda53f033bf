"""导入单位进展报告: a unit's own Word / PDF / text report, read into proposals the office confirms row by row.

One row per passage of the report: whether to record it, the task it is proposed for (a list of the unit's tasks,
"（不登记）" first), how sure the proposal is, the percent, and the progress, problems and next steps it would
record — all editable. Nothing is written until 登记; then every ticked row is recorded in one transaction.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import clock
from ..errors import PlanDeskError
from ..services.supervision.unit_reports import (
    SURE,
    Accepted,
    UnitReportPreview,
    apply_unit_report,
    read_unit_report,
    reporting_units,
)
from ..storage import Database

TAKE, PASSAGE, TASK, CERTAINTY, PERCENT, TEXT, PROBLEMS, STEPS = range(8)
UNSURE_COLOUR = QColor("#fff4d6")
UNMATCHED_COLOUR = QColor("#fde2e2")


class UnitReportDialog(QDialog):
    recorded = Signal(int)  # how many progress entries were recorded

    def __init__(
        self, db: Database, *, plan_id: int, path: str | os.PathLike[str], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.db, self.plan_id, self.path = db, plan_id, str(path)
        self.preview: UnitReportPreview | None = None
        self.setWindowTitle(self.tr("导入单位进展报告"))
        self.resize(1100, 640)
        self.file_label = QLabel(os.path.basename(self.path))
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.addItems(reporting_units(db, plan_id=plan_id))
        self.unit.setCurrentIndex(-1)
        self.period = QLineEdit(clock.today().strftime("%Y-%m"))
        self.period.setInputMask("9999-99")
        self.read_button = QPushButton(self.tr("读取报告"))
        form = QFormLayout()
        form.addRow(self.tr("报告文件"), self.file_label)
        unit_row = QHBoxLayout()
        unit_row.addWidget(self.unit, 1)
        unit_row.addWidget(QLabel(self.tr("月份")))
        unit_row.addWidget(self.period)
        unit_row.addWidget(self.read_button)
        form.addRow(self.tr("报送单位"), unit_row)
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("登记"),
                self.tr("报告段落"),
                self.tr("对应任务"),
                self.tr("把握"),
                self.tr("完成%"),
                self.tr("进展情况"),
                self.tr("存在问题"),
                self.tr("下步计划"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(PASSAGE, 180)
        self.table.setColumnWidth(TASK, 220)
        self.table.setWordWrap(True)
        self.status = QLabel(self.tr("请选择报送单位和月份，然后读取报告。未确认前不会登记任何内容。"))
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("登记所选进展"))
        self.ok_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.read_button.clicked.connect(self.read)
        self.buttons.accepted.connect(self.record)
        self.buttons.rejected.connect(self.reject)

    # -- reading --------------------------------------------------------------------------------------
    def read(self) -> bool:
        try:
            preview = read_unit_report(
                self.db,
                path=self.path,
                plan_id=self.plan_id,
                unit=self.unit.currentText(),
                period=self.period.text(),
            )
        except PlanDeskError as exc:
            self.status.setText(str(exc))
            return False
        self.preview = preview
        self._fill(preview)
        unmatched = len(preview.unmatched)
        self.status.setText(
            self.tr(
                "共 {0} 段：{1} 段已对应到任务，{2} 段未对应（请选择任务或不登记）。请逐行核对后登记。"
            ).format(len(preview.proposals), len(preview.proposals) - unmatched, unmatched)
        )
        self.ok_button.setEnabled(True)
        return True

    def _fill(self, preview: UnitReportPreview) -> None:
        self.table.setRowCount(len(preview.proposals))
        for row, p in enumerate(preview.proposals):
            take = QTableWidgetItem()
            take.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            take.setCheckState(Qt.CheckState.Checked if p.choice is not None else Qt.CheckState.Unchecked)
            self.table.setItem(row, TAKE, take)
            passage = QTableWidgetItem(p.passage.heading or p.passage.text[:40])
            passage.setToolTip(f"{p.passage.heading}\n{p.passage.text}".strip())
            passage.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, PASSAGE, passage)
            task = QComboBox()
            task.addItem(self.tr("（不登记）"), None)
            for c in preview.choices:
                task.addItem(f"{c.label} {c.title}", c.assignment_id)
            task.setCurrentIndex(
                0
                if p.choice is None
                else 1 + [c.assignment_id for c in preview.choices].index(p.choice.assignment_id)
            )
            task.currentIndexChanged.connect(lambda index, r=row: self._task_chosen(r, index))
            self.table.setCellWidget(row, TASK, task)
            certainty = QTableWidgetItem(p.certainty or self.tr("未对应"))
            certainty.setToolTip(p.why)
            certainty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, CERTAINTY, certainty)
            for column, value in (
                (PERCENT, "" if p.percent is None else str(p.percent)),
                (TEXT, p.text),
                (PROBLEMS, p.problems),
                (STEPS, p.next_steps),
            ):
                self.table.setItem(row, column, QTableWidgetItem(value))
            colour = (
                None if p.certainty == SURE else UNSURE_COLOUR if p.choice is not None else UNMATCHED_COLOUR
            )
            if colour is not None:
                for column in (PASSAGE, CERTAINTY):
                    self._cell(row, column).setBackground(colour)
        self.table.resizeRowsToContents()

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None  # every cell is filled by _fill
        return item

    def _task_chosen(self, row: int, index: int) -> None:
        take = self._cell(row, TAKE)
        take.setCheckState(Qt.CheckState.Checked if index > 0 else Qt.CheckState.Unchecked)

    # -- recording ------------------------------------------------------------------------------------
    def accepted_rows(self) -> list[Accepted]:
        out: list[Accepted] = []
        for row in range(self.table.rowCount()):
            task = self.table.cellWidget(row, TASK)
            assert isinstance(task, QComboBox)
            aid = task.currentData()
            if self._cell(row, TAKE).checkState() != Qt.CheckState.Checked or aid is None:
                continue
            percent = self._cell(row, PERCENT).text().strip()
            out.append(
                Accepted(
                    int(aid),
                    self._cell(row, TEXT).text(),
                    int(percent) if percent.isdigit() else (percent or None),
                    self._cell(row, PROBLEMS).text(),
                    self._cell(row, STEPS).text(),
                )
            )
        return out

    def record(self) -> bool:
        if self.preview is None:
            return False
        accepted = self.accepted_rows()
        try:
            apply_unit_report(self.db, path=self.path, period=self.preview.period, accepted=accepted)
        except PlanDeskError as exc:
            self.status.setText(str(exc))  # nothing was written: the office corrects the row and tries again
            return False
        self.recorded.emit(len(accepted))
        self.accept()
        return True
