"""The 评估 tab: indicator verdicts and forecasts with a chart, task shares, and the evaluation report export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
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
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..errors import PlanDeskError
from ..services.evaluation.assessment import (
    EvaluationReportData,
    IndicatorEvaluation,
    detail_row,
    gather_evaluation,
    get_indicator_base,
    indicator_row,
    indicator_warnings,
    is_red,
    midpoint,
    parse_stage_targets,
    plan_period,
    render_report,
    set_indicator_base,
    share_row,
)
from ..storage import Database
from .indicator_chart import IndicatorChart
from .jobs import BackgroundJob
from .workers import Worker

RED_ROW = QColor("#FBE3E3")


class BaseDialog(QDialog):
    """基期 and further target years of one indicator; an error keeps the form open and says what is wrong."""

    saved = Signal(int)  # indicator id

    def __init__(self, db: Database, indicator_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.indicator_id = indicator_id
        base = get_indicator_base(db, indicator_id=indicator_id)
        self.setWindowTitle(self.tr("设置基期"))
        self.year_edit = QLineEdit("" if base.base_year is None else str(base.base_year))
        self.year_edit.setPlaceholderText(self.tr("例如 2020"))
        self.value_edit = QLineEdit("" if base.base_value is None else f"{base.base_value:.10g}")
        self.stages_edit = QLineEdit(
            "；".join(f"{st['year']}:{st.get('text') or st['value']}" for st in base.stage_targets)
        )
        self.stages_edit.setPlaceholderText(self.tr("其他目标年，例如 2030:90；2035:≥95"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(QLabel(f"<b>{base.name}</b>"))
        form.addRow(self.tr("基期年份"), self.year_edit)
        form.addRow(self.tr("基期值"), self.value_edit)
        form.addRow(self.tr("阶段目标"), self.stages_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        year_text = self.year_edit.text().strip()
        if year_text and not year_text.isdigit():
            self.error.setText(self.tr("基期年份“{0}”应为四位数字年份。").format(year_text))
            return
        try:
            set_indicator_base(
                self.db,
                indicator_id=self.indicator_id,
                base_year=int(year_text) if year_text else None,
                base_value=self.value_edit.text().strip() or None,
                stage_targets=parse_stage_targets(self.stages_edit.text()),
            )
        except PlanDeskError as exc:
            self.error.setText(str(exc))
            return
        self.saved.emit(self.indicator_id)
        self.accept()


def _day(edit: QDateEdit) -> dt.date:
    day: dt.date = edit.date().toPython()  # type: ignore[assignment]
    return day


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], red: list[bool] | None = None) -> None:
    table.setRowCount(len(rows))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if red and red[i]:
                item.setBackground(QBrush(RED_ROW))
            table.setItem(i, j, item)
    table.resizeRowsToContents()


class EvaluationPane(QWidget):
    """中期评估 / 年度评估 of the current plan on a chosen date; exports the 评估报告 as PDF or Word."""

    node_activated = Signal(int)
    failed = Signal(str)
    exported = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.plan_id: int | None = None
        self.data: EvaluationReportData | None = None
        self.worker: Worker | None = None
        self.file_dialog: QFileDialog | None = None
        self.kind = QComboBox()
        self.kind.addItem(self.tr("中期评估"), "midterm")
        self.kind.addItem(self.tr("年度评估"), "annual")
        self.as_of = QDateEdit(QDate.currentDate())
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.base_button = QPushButton(self.tr("设置基期…"))
        self.base_dialog: BaseDialog | None = None
        self.export_pdf = QPushButton(self.tr("导出 PDF…"))
        self.export_docx = QPushButton(self.tr("导出 Word…"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c0392b;")
        self.indicators = _table(
            [
                self.tr("序号"),
                self.tr("指标"),
                self.tr("单位"),
                self.tr("属性"),
                self.tr("基期"),
                self.tr("目标"),
                self.tr("最新"),
                self.tr("预计"),
                self.tr("结论"),
            ]
        )
        self.chart = IndicatorChart()
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.chapters = _table([self.tr("章节"), *self._task_heads()])
        self.units = _table([self.tr("责任单位"), *self._task_heads()])
        self.behind = _table([self.tr("滞后任务"), self.tr("牵头单位"), self.tr("情况")])
        self.problems = QPlainTextEdit()
        self.suggestions = QPlainTextEdit()
        self._layout()
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.as_of.dateChanged.connect(lambda _d: self.refresh())
        self.indicators.currentCellChanged.connect(lambda row, *_: self._show_indicator(row))
        self.behind.cellDoubleClicked.connect(self._on_behind_activated)
        self.base_button.clicked.connect(self.edit_base)
        self.export_pdf.clicked.connect(lambda: self.choose_export(".pdf"))
        self.export_docx.clicked.connect(lambda: self.choose_export(".docx"))

    def _task_heads(self) -> list[str]:
        return [
            self.tr("任务数"),
            self.tr("已完成"),
            self.tr("序时推进"),
            self.tr("滞后"),
            self.tr("暂缓"),
            self.tr("平均完成"),
        ]

    def _layout(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.kind)
        head.addWidget(QLabel(self.tr("评估日期")))
        head.addWidget(self.as_of)
        head.addStretch(1)
        head.addWidget(self.base_button)
        head.addWidget(self.export_pdf)
        head.addWidget(self.export_docx)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.chart, 1)
        right_layout.addWidget(self.detail)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.indicators)
        split.addWidget(right)
        tasks = QWidget()
        tasks_layout = QVBoxLayout(tasks)
        tasks_layout.addWidget(self.chapters)
        tasks_layout.addWidget(self.units)
        tasks_layout.addWidget(self.behind)
        texts = QWidget()
        texts_layout = QVBoxLayout(texts)
        texts_layout.addWidget(QLabel(self.tr("四、存在问题（每段一行，可修改）")))
        texts_layout.addWidget(self.problems)
        texts_layout.addWidget(QLabel(self.tr("五、下一步建议（每段一行，可修改）")))
        texts_layout.addWidget(self.suggestions)
        self.sections = QTabWidget()
        self.sections.addTab(split, self.tr("主要指标"))
        self.sections.addTab(tasks, self.tr("重点任务"))
        self.sections.addTab(texts, self.tr("问题与建议"))
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.summary)
        layout.addWidget(self.sections, 1)
        layout.addWidget(self.message)

    # -- loading ---------------------------------------------------------------------------------------
    def set_plan(self, plan_id: int | None) -> None:
        changed = plan_id != self.plan_id
        self.plan_id = plan_id
        if changed and plan_id is not None:
            self.problems.clear()
            self.suggestions.clear()
            self._default_date()  # refreshes through dateChanged when the date moves
        self.refresh()

    def _on_kind_changed(self, _index: int) -> None:
        self._default_date()
        self.refresh()

    def _default_date(self) -> None:
        """Mid-term: the plan's midpoint; annual: the end of last year."""
        if self.plan_id is None:
            return
        try:
            if self.kind.currentData() == "midterm":
                day = midpoint(*plan_period(self.db, plan_id=self.plan_id))
            else:
                day = dt.date(dt.date.today().year - 1, 12, 31)
        except PlanDeskError as exc:
            self._fail(str(exc))
            return
        self.as_of.blockSignals(True)
        self.as_of.setDate(QDate(day.year, day.month, day.day))
        self.as_of.blockSignals(False)

    def _texts(self, editor: QPlainTextEdit) -> list[str] | None:
        lines = [line.strip() for line in editor.toPlainText().splitlines() if line.strip()]
        return lines if editor.document().isModified() and lines else None

    def refresh(self) -> None:
        if self.plan_id is None:
            return
        try:
            self.data = self._gather()
        except PlanDeskError as exc:
            self._fail(str(exc))
            return
        self.message.clear()
        data = self.data
        self.summary.setText("\n".join(data.overall))
        evs = data.indicators
        _fill(self.indicators, [indicator_row(i, e) for i, e in enumerate(evs, 1)], [is_red(e) for e in evs])
        t = data.tasks
        _fill(self.chapters, [share_row(r) for r in [*t.by_chapter, t.overall]])
        _fill(self.units, [share_row(r) for r in t.by_unit])
        _fill(
            self.behind,
            [[f"{b.label}{b.title}", b.units, b.reason] for b in t.behind],
            [True] * len(t.behind),
        )
        for editor, lines in ((self.problems, data.problems), (self.suggestions, data.suggestions)):
            if not editor.document().isModified():
                editor.setPlainText("\n".join(lines))
                editor.document().setModified(False)
        if evs:
            self.indicators.setCurrentCell(0, 1)
        self._show_indicator(0 if evs else -1)

    def _gather(self, **kw: Any) -> EvaluationReportData:
        assert self.plan_id is not None
        return gather_evaluation(
            self.db,
            plan_id=self.plan_id,
            as_of=_day(self.as_of),
            kind=self.kind.currentData(),
            problems=self._texts(self.problems),
            suggestions=self._texts(self.suggestions),
            **kw,
        )

    def _show_indicator(self, row: int) -> None:
        evs = self.data.indicators if self.data else []
        ev = evs[row] if 0 <= row < len(evs) else None
        self.chart.set_evaluation(ev)
        if ev is None:
            self.detail.clear()
            return
        _n, _name, progress, expected, needed, observed, notes = detail_row(row + 1, ev)
        self.detail.setText(
            self.tr("完成目标进度 {0}，序时进度 {1}；尚需年均 {2}，趋势年均 {3}。{4}").format(
                progress, expected, needed, observed, notes
            )
        )

    def current_indicator(self) -> IndicatorEvaluation | None:
        evs = self.data.indicators if self.data else []
        row = self.indicators.currentRow()
        return evs[row] if 0 <= row < len(evs) else None

    def edit_base(self) -> BaseDialog | None:
        """The 设置基期 form for the selected indicator; saving it re-evaluates the plan."""
        ev = self.current_indicator()
        if ev is None:
            self._fail(self.tr("请先选择一项指标。"))
            return None
        self.base_dialog = BaseDialog(self.db, ev.indicator_id, self)
        self.base_dialog.saved.connect(self._on_base_saved)
        self.base_dialog.open()
        return self.base_dialog

    def _on_base_saved(self, indicator_id: int) -> None:
        self.refresh()
        evs = self.data.indicators if self.data else []
        row = next((i for i, e in enumerate(evs) if e.indicator_id == indicator_id), -1)
        if row >= 0:
            self.indicators.setCurrentCell(row, 1)

    def _on_behind_activated(self, row: int, _column: int) -> None:
        if self.data and 0 <= row < len(self.data.tasks.behind):
            self.node_activated.emit(self.data.tasks.behind[row].node_id)

    def _fail(self, message: str) -> None:
        self.message.setText(message)
        self.failed.emit(message)

    # -- export ----------------------------------------------------------------------------------------
    def choose_export(self, suffix: str) -> QFileDialog | None:
        if self.data is None:
            self._fail(self.tr("请先选择一个方案。"))
            return None
        name = self.tr("Word 文档 (*.docx)") if suffix == ".docx" else self.tr("PDF 文件 (*.pdf)")
        dialog = QFileDialog(self, self.tr("保存评估报告"), self.data.title + suffix, name)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suffix[1:])
        dialog.fileSelected.connect(self.export_to)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def export_to(self, path: str) -> Worker | None:
        """Gather the report with the edited texts and render it off the GUI thread."""
        if self.plan_id is None or self.worker is not None:
            return None
        try:
            data = self._gather()
        except PlanDeskError as exc:
            self._fail(str(exc))
            return None
        target = Path(path)
        if target.suffix.lower() not in (".pdf", ".docx"):
            self._fail(self.tr("评估报告只能保存为 .pdf 或 .docx：{0}").format(target.name))
            return None

        def job(progress: Any, is_cancelled: Any) -> str:
            return str(render_report(data, target, progress=progress, is_cancelled=is_cancelled))

        background = BackgroundJob(job)
        background.finished.connect(self._on_exported)
        background.failed.connect(self._on_export_failed)
        background.cancelled.connect(lambda: setattr(self, "worker", None))
        self.worker = background.worker
        background.start()
        return self.worker

    def _on_exported(self, path: str) -> None:
        self.worker = None
        self.message.setText(self.tr("已生成 {0}").format(path))
        self.exported.emit(path)

    def _on_export_failed(self, message: str) -> None:
        self.worker = None
        self._fail(message)


class IndicatorWarningsBox(QLabel):
    """约束性指标预警: binding indicators whose forecast misses, shown above the 预警 table."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWordWrap(True)
        self.setStyleSheet("color: #c0392b;")
        self.hide()

    def load(self, plan_id: int, as_of: dt.date) -> None:
        found = indicator_warnings(self.db, plan_id=plan_id, as_of=as_of)
        lines = [f"{w.name}：{w.reason}" for w in found]
        self.setText(self.tr("约束性指标预警 {0} 项：").format(len(found)) + "\n" + "\n".join(lines))
        self.setVisible(bool(found))


def attach_indicator_warnings(view: Any) -> IndicatorWarningsBox:
    """Show the indicator early warnings in the 预警 tab, refreshed whenever the tab loads a plan."""
    box = IndicatorWarningsBox(view.db)
    view.layout().insertWidget(1, box)
    load = view.load

    def load_with_indicators(plan_id: int) -> None:
        load(plan_id)
        box.load(plan_id, _day(view.as_of))

    view.load = load_with_indicators
    view.indicator_warnings = box
    return box
