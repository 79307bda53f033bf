"""Warnings (coloured), 报送情况, the unit ranking and the coverage of the plan above, as plain tables."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...errors import PlanDeskError
from ...services.core.tree import list_plans
from ...services.plans import links
from ...services.supervision import scoring, warnings
from ...services.supervision.items import list_collections
from ...storage import Database
from ..vocabulary import METHODS, collection_title, level_name, sentence, warning_reason

MAX_COLUMN_CHARS = 11
COLOURS = {"red": QColor("#f8d0d0"), "orange": QColor("#fde2c4"), "yellow": QColor("#fff4b8")}
UNASSIGNED_COLOUR = QColor("#dde5f0")  # 未分工: not late, nobody's yet — its own group and colour


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    # Long titles and explanations wrap onto more lines instead of being cut off; rows follow the widths.
    table.setWordWrap(True)
    table.horizontalHeader().sectionResized.connect(lambda *_: table.resizeRowsToContents())
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], colours: list[QColor | None] | None = None) -> None:
    table.setRowCount(len(rows))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            item = QTableWidgetItem(text)
            if text:
                item.setToolTip(text)  # the whole text where the column cuts it off
            if colours and colours[i] is not None:
                item.setBackground(QBrush(colours[i]))
            table.setItem(i, j, item)
    table.resizeColumnsToContents()
    # No column may push the last one (the explanation) out of sight: long titles wrap at a readable
    # width and the last column takes the rest.
    widest = table.fontMetrics().horizontalAdvance("国") * MAX_COLUMN_CHARS
    for j in range(table.columnCount() - 1):
        table.setColumnWidth(j, min(table.columnWidth(j), widest))
    table.resizeRowsToContents()


class _PlanView(QWidget):
    failed = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.plan_id: int | None = None
        self.message = QLabel()

    def set_plan(self, plan_id: int | None) -> None:
        self.plan_id = plan_id
        self.refresh()

    def refresh(self) -> None:
        if self.plan_id is None:
            return
        try:
            self.load(self.plan_id)
            self.message.clear()
        except PlanDeskError as exc:
            self.message.setText(str(exc))
            self.failed.emit(str(exc))

    def load(self, plan_id: int) -> None:  # pragma: no cover - each view fills itself
        raise NotImplementedError


class WarningsView(_PlanView):
    """Red, orange and yellow warnings of a plan on a day; a double click asks to show the task."""

    node_activated = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.as_of = QDateEdit(QDate.currentDate())
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.dateChanged.connect(lambda _d: self.refresh())
        self.counts = QLabel()
        self.table = _table(
            [self.tr("预警"), self.tr("条目"), self.tr("责任单位"), self.tr("规则"), self.tr("说明")]
        )
        self.table.cellDoubleClicked.connect(lambda row, _c: self.node_activated.emit(self.rows[row].node_id))
        self.rows: list[warnings.Alert] = []
        self.colours: dict[int, str] = {}
        # 未分工: tasks the document gives to units that nobody has assigned yet, with the document's units.
        self.unassigned_table = _table([self.tr("条目"), self.tr("文件所列责任单位")])
        self.unassigned_table.cellDoubleClicked.connect(
            lambda row, _c: self.node_activated.emit(self.unassigned[row].node_id)
        )
        self.unassigned: list[warnings.UnassignedTask] = []
        self.unassigned_box = QGroupBox()
        QVBoxLayout(self.unassigned_box).addWidget(self.unassigned_table)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("预警日期")))
        head.addWidget(self.as_of)
        head.addWidget(self.counts, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.unassigned_box, 1)
        layout.addWidget(self.message)

    def set_as_of(self, day: dt.date) -> None:
        self.as_of.setDate(QDate(day.year, day.month, day.day))

    def load(self, plan_id: int) -> None:
        self.rows = warnings.compute_warnings(self.db, plan_id=plan_id, as_of=self.as_of.date().toPython())  # type: ignore[arg-type]  # QDate.toPython is typed object
        # Roll-up for the plan tree: a collapsed chapter takes the worst colour inside it.
        self.colours = warnings.rollup(self.rows, warnings.plan_tree(self.db, plan_id=plan_id))
        names = {"red": self.tr("红色"), "orange": self.tr("橙色"), "yellow": self.tr("黄色")}
        rules = {
            "overdue": self.tr("逾期"),
            "no_feedback": self.tr("本期未报送"),
            "due_soon": self.tr("临近截止"),
            "lagging": self.tr("序时进度滞后"),
            "checkpoint": self.tr("节点目标未达成"),
        }
        _fill(
            self.table,
            [
                [
                    names[w.colour],
                    f"{w.node_label}{w.node_title}",
                    w.unit,
                    rules[w.rule],
                    warning_reason(w.rule, w.reason),
                ]
                for w in self.rows
            ],
            [COLOURS[w.colour] for w in self.rows],
        )
        self.unassigned = warnings.unassigned_tasks(self.db, plan_id=plan_id)
        nobody = self.tr("文件未列单位")
        _fill(
            self.unassigned_table,
            [[f"{t.label}{t.title}", self.tr("、").join(t.doc_units) or nobody] for t in self.unassigned],
            [UNASSIGNED_COLOUR] * len(self.unassigned),
        )
        self.unassigned_box.setTitle(self.tr("未分工（{0} 项）").format(len(self.unassigned)))
        self.unassigned_box.setVisible(bool(self.unassigned))
        tally = {c: sum(1 for w in self.rows if w.colour == c) for c in COLOURS}
        self.counts.setText(
            self.tr("红色 {0}　橙色 {1}　黄色 {2}　未分工 {3}").format(
                tally["red"], tally["orange"], tally["yellow"], len(self.unassigned)
            )
        )


class ReportingView(_PlanView):
    """报送情况 of a period: who has reported and who has not, with one action to remind the missing."""

    remind_requested = Signal(int, str, list)  # plan id, period, units that have not reported

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.period = QLineEdit(f"{dt.date.today():%Y-%m}")
        self.period.setMaximumWidth(90)
        self.period.editingFinished.connect(self.refresh)
        self.summary = QLabel()
        self.remind_button = QPushButton(self.tr("为未报送单位印发催报通知"))
        self.remind_button.clicked.connect(self.request_reminders)
        self.table = _table([self.tr("单位"), self.tr("应报"), self.tr("已报"), self.tr("情况")])
        self.rows: list[warnings.UnitReporting] = []
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("报告期")))
        head.addWidget(self.period)
        head.addWidget(self.summary, 1)
        head.addWidget(self.remind_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.table)
        layout.addWidget(self.message)

    def load(self, plan_id: int) -> None:
        self.rows = warnings.reporting_status(self.db, plan_id=plan_id, period=self.period.text())
        missing = [u for u in self.rows if not u.complete]
        _fill(
            self.table,
            [
                [
                    u.unit,
                    str(u.assignments),
                    str(u.reported),
                    self.tr("已报送")
                    if u.complete
                    else self.tr("未报送 {0} 项").format(len(u.missing_assignment_ids)),
                ]
                for u in self.rows
            ],
            [None if u.complete else COLOURS["orange"] for u in self.rows],
        )
        self.summary.setText(
            self.tr("{0} 个单位已全部报送，{1} 个单位未报送").format(
                len(self.rows) - len(missing), len(missing)
            )
        )
        self.remind_button.setEnabled(bool(missing))

    def missing_units(self) -> list[str]:
        return [u.unit for u in self.rows if not u.complete]

    def request_reminders(self) -> None:
        """The window prints the notices off the GUI thread (notices.issue_missing_report_notices)."""
        if self.plan_id is not None and self.missing_units():
            self.remind_requested.emit(self.plan_id, self.period.text(), self.missing_units())


class RankingView(_PlanView):
    """考核排名 of a period, exportable to Excel."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.period = QLineEdit(f"{dt.date.today():%Y-%m}")
        self.period.setMaximumWidth(90)
        self.period.editingFinished.connect(self.refresh)
        self.export_button = QPushButton(self.tr("导出 Excel…"))
        self.export_button.clicked.connect(self.choose_export)
        self.table = _table(
            [
                self.tr("名次"),
                self.tr("单位"),
                self.tr("任务数"),
                self.tr("按时反馈率"),
                self.tr("办结率"),
                self.tr("逾期"),
                self.tr("退回"),
                self.tr("得分"),
            ]
        )
        self.scores: list[scoring.UnitScore] = []
        self.ranking: scoring.Ranking | None = None
        # 计分方法: the office's choice, kept in the settings; the ranking below follows it everywhere.
        self.method = QComboBox()
        self.method.addItem(self.tr("按权重计分"), "weights")
        self.method.addItem(self.tr("按计分办法计分"), "points")
        self.method.activated.connect(lambda _i: self.choose_method(str(self.method.currentData())))
        self.method_text = QLabel()
        self.method_text.setWordWrap(True)
        self._dialog: QFileDialog | None = None
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("考核期")))
        head.addWidget(self.period)
        head.addWidget(QLabel(self.tr("计分方法")))
        head.addWidget(self.method)
        head.addStretch(1)
        head.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.method_text)
        layout.addWidget(self.table)
        layout.addWidget(self.message)

    def choose_method(self, method: str) -> None:
        try:
            scoring.set_scoring_method(self.db, method=method)
        except PlanDeskError as exc:
            self.message.setText(str(exc))
            return
        self.refresh()

    def load(self, plan_id: int) -> None:
        self.ranking = scoring.ranking(self.db, plan_id=plan_id, period=self.period.text())
        self.scores = self.ranking.scores
        self.method.setCurrentIndex(max(self.method.findData(self.ranking.method), 0))
        self.method_text.setText(sentence(self.ranking.method_text, METHODS))
        _fill(
            self.table,
            [
                [
                    str(s.rank),
                    s.unit,
                    str(s.assignments),
                    f"{s.feedback_on_time_rate:.0%}",
                    f"{s.completion_rate:.0%}",
                    str(s.overdue),
                    str(s.returned),
                    f"{s.score:g}",
                ]
                for s in self.scores
            ],
        )

    def choose_export(self) -> None:
        from ..file_dialogs import localize

        self._dialog = localize(QFileDialog(self, self.tr("导出考核排名")))
        self._dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        self._dialog.setNameFilter(self.tr("Excel 工作簿 (*.xlsx)"))
        self._dialog.setDefaultSuffix("xlsx")
        self._dialog.fileSelected.connect(self.export_to)
        self._dialog.open()

    def export_to(self, path: str) -> bool:
        try:
            scoring.export_scores(
                self.scores,
                path,
                period=self.period.text(),
                method_text=self.ranking.method_text if self.ranking else "",
                as_of=self.ranking.as_of if self.ranking else None,
            )
        except PlanDeskError as exc:
            self.message.setText(str(exc))
            return False
        self.message.setText(self.tr("已导出：{0}").format(path))
        return True


class CoverageView(_PlanView):
    """Clauses of the plan above that nothing here carries out, and local tasks linked to nothing.

    Linking happens here too: choose the plan above, select a task of this plan and the clause it carries
    out, and link them.
    """

    node_activated = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.summary = QLabel()
        self.parent_plan = QComboBox()
        self.parent_plan.activated.connect(lambda _i: self.choose_parent(self.parent_plan.currentData()))
        self.link_button = QPushButton(self.tr("关联所选任务与上级条款"))
        self.link_button.clicked.connect(lambda: self.link_selected())
        self.parent_table = _table([self.tr("编号"), self.tr("上级方案中未对接的条款")])
        self.local_table = _table([self.tr("编号"), self.tr("本方案中未关联上级条款的任务")])
        for table in (self.parent_table, self.local_table):
            table.cellDoubleClicked.connect(
                lambda row, _c, t=table: self.node_activated.emit(self.node_at(t, row))
            )
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("上级方案：")))
        top.addWidget(self.parent_plan, 1)
        top.addWidget(self.link_button)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        body = QHBoxLayout()
        body.addWidget(self.local_table)
        body.addWidget(self.parent_table)
        layout.addLayout(body)
        layout.addWidget(self.message)

    def choose_parent(self, parent_plan_id: int | None) -> bool:
        if self.plan_id is None:
            return False
        try:
            links.set_parent_plan(self.db, plan_id=self.plan_id, parent_plan_id=parent_plan_id)
        except PlanDeskError as exc:
            self._fail(str(exc))
            return False
        self.refresh()
        return True

    def link_selected(self) -> bool:
        local, clause = self.local_table.currentRow(), self.parent_table.currentRow()
        local_item, clause_item = self.local_table.item(local, 0), self.parent_table.item(clause, 0)
        if local_item is None or clause_item is None:
            self._fail(self.tr("请在左侧选择本方案的任务，在右侧选择它所落实的上级条款。"))
            return False
        try:
            links.link_nodes(
                self.db,
                node_id=self.node_at(self.local_table, local),
                target_node_id=self.node_at(self.parent_table, clause),
            )
        except PlanDeskError as exc:
            self._fail(str(exc))
            return False
        self.refresh()
        return True

    def _fail(self, message: str) -> None:
        self.message.setText(message)
        self.failed.emit(message)

    @staticmethod
    def node_at(table: QTableWidget, row: int) -> int:
        """The node a row shows (its id is kept out of sight; the row shows the outline labels)."""
        item = table.item(row, 0)
        assert item is not None  # _fill_nodes fills every row
        return int(item.data(Qt.ItemDataRole.UserRole))

    @staticmethod
    def _fill_nodes(table: QTableWidget, refs: list[links.NodeRef]) -> None:
        _fill(table, [[n.outline or n.label, n.title] for n in refs])
        for row, ref in enumerate(refs):
            item = table.item(row, 0)
            assert item is not None  # _fill has just filled the row
            item.setData(Qt.ItemDataRole.UserRole, ref.id)

    def _fill_plans(self, plan_id: int, parent_plan_id: int | None) -> None:
        self.parent_plan.clear()
        self.parent_plan.addItem(self.tr("（未设置）"), None)
        collections = {c.plan_id: c.year for c in list_collections(self.db)}
        for p in list_plans(self.db):
            if p.id != plan_id:
                title = collection_title(collections[p.id]) if p.id in collections else p.title
                self.parent_plan.addItem(
                    self.tr("{0}（{1}）").format(title, p.doc_number or level_name(p.level)), p.id
                )
        self.parent_plan.setCurrentIndex(max(self.parent_plan.findData(parent_plan_id), 0))

    def load(self, plan_id: int) -> None:
        cov = links.coverage(self.db, plan_id=plan_id)
        self._fill_plans(plan_id, cov.parent_plan_id)
        self._fill_nodes(self.parent_table, cov.unlinked_parent_clauses)
        self._fill_nodes(self.local_table, cov.unlinked_local_tasks)
        if cov.parent_plan_id is None:
            self.summary.setText(self.tr("本方案尚未设置上级方案。"))
        else:
            self.summary.setText(
                self.tr(
                    "上级条款已对接 {0} 条、未对接 {1} 条；本方案任务已关联 {2} 条、未关联 {3} 条"
                ).format(
                    cov.linked_parent_clauses,
                    len(cov.unlinked_parent_clauses),
                    cov.linked_local_tasks,
                    len(cov.unlinked_local_tasks),
                )
            )
