"""The 生成报表 dialog: monthly report, reminder notices, the Excel ledger or the 督查通报, generated off the GUI
thread."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..services.core.tree import list_plans
from ..services.core.units import list_units
from ..services.reporting.bulletin import requirements, write_bulletin
from ..services.reporting.ledger import export_ledger
from ..services.reporting.monthly import write_monthly_report
from ..services.reporting.notices import issue_notices
from ..services.supervision.warnings import due_soon_days
from ..storage import Database
from .file_dialogs import localize
from .jobs import BackgroundJob
from .workers import Worker

MONTHLY, NOTICES, LEDGER, BULLETIN = range(4)


def print_file(path: Path) -> bool:
    """Send a file to the default printer where the system offers a way; False when it does not."""
    if sys.platform.startswith("win"):
        os.startfile(str(path), "print")  # type: ignore[attr-defined]  # noqa: S606
        return True
    if shutil.which("lp"):
        return subprocess.run(["lp", str(path)], capture_output=True, timeout=60).returncode == 0
    return False


class ReportDialog(QDialog):
    """Choose what to generate, run it in the background with progress and Cancel, then open or print it."""

    generated = Signal(object)  # Path of the file (or folder) written
    failed = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None, plan_id: int | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.worker: Worker | None = None
        self.file_dialog: QFileDialog | None = None
        self.result_path: Path | None = None
        self.setWindowTitle(self.tr("生成报表"))
        self.setMinimumWidth(520)

        self.kind = QComboBox()
        self.kind.addItems([self.tr("月度报告"), self.tr("催办单"), self.tr("工作台账"), self.tr("督查通报")])
        self.plan = QComboBox()
        self.plan.addItem(self.tr("全部方案"), None)
        for p in list_plans(db):
            self.plan.addItem(p.title, p.id)
        if plan_id is not None:
            self.plan.setCurrentIndex(max(self.plan.findData(plan_id), 0))
        elif self.plan.count() > 1:
            self.plan.setCurrentIndex(1)
        today = QDate.currentDate()
        self.month = QDateEdit(today)
        self.month.setDisplayFormat("yyyy-MM")
        self.as_of = QDateEdit(today)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setCalendarPopup(True)
        self.unit = QComboBox()
        self.unit.addItem(self.tr("全部单位"), None)
        for u in list_units(db):
            self.unit.addItem(u.name, u.name)
        self.brief = QCheckBox(self.tr("领导简报（只含总体情况和逾期任务）"))
        self.exclude_done = QCheckBox(self.tr("不列已完成的任务"))
        self.per_unit = QCheckBox(self.tr("每个单位一个文件"))
        self.preview = QCheckBox(self.tr("只生成预览稿（不编文号、不记催办）"))
        self.preview.setChecked(True)  # a notice is looked at before it is issued
        self.within = QSpinBox()
        self.within.setRange(0, 90)
        self.within.setValue(due_soon_days(db))  # the 临期 days of the warning rules
        self.within.setSuffix(self.tr(" 天"))
        # 五、下一步工作要求 of the 督查通报: the office's own words, remembered per plan once printed.
        self.requirements = QPlainTextEdit()
        self.requirements.setMaximumHeight(90)
        self.draft = QCheckBox(self.tr("只出草稿（不取期号）"))
        self.output = QLineEdit()
        self.browse = QPushButton(self.tr("浏览…"))
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(self.browse)

        form = QFormLayout()
        form.addRow(self.tr("报表类型"), self.kind)
        form.addRow(self.tr("方案"), self.plan)
        form.addRow(self.tr("报告月份"), self.month)
        form.addRow(self.tr("统计截止日期"), self.as_of)
        form.addRow(self.tr("责任单位"), self.unit)
        form.addRow(self.tr("催办临期任务"), self.within)
        form.addRow(self.tr("选项"), self.brief)
        form.addRow("", self.exclude_done)
        form.addRow("", self.per_unit)
        form.addRow("", self.preview)
        form.addRow(self.tr("下一步工作要求"), self.requirements)
        form.addRow("", self.draft)
        form.addRow(self.tr("保存到"), out_row)
        self.form = form

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.generate_button = QPushButton(self.tr("生成"))
        self.generate_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.open_button = QPushButton(self.tr("打开"))
        self.print_button = QPushButton(self.tr("打印"))
        self.close_button = QPushButton(self.tr("关闭"))
        buttons = QHBoxLayout()
        for b in (self.generate_button, self.cancel_button, self.open_button, self.print_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.plan.currentIndexChanged.connect(self._plan_changed)
        self.month.dateChanged.connect(self._month_changed)
        self.browse.clicked.connect(self._browse)
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self.open_result)
        self.print_button.clicked.connect(self.print_result)
        self.close_button.clicked.connect(self.reject)
        self.per_unit.toggled.connect(lambda _: self._suggest_output())
        self._plan_changed()
        self._kind_changed()
        self._set_running(False)

    # -- form ------------------------------------------------------------------------------------------

    def _kind_changed(self) -> None:
        kind = self.kind.currentIndex()
        visible = {
            self.month: kind in (MONTHLY, BULLETIN),
            self.as_of: True,  # every output is as of a day, printed on it
            self.unit: kind in (MONTHLY, NOTICES),
            self.within: kind == NOTICES,
            self.brief: kind == MONTHLY,
            self.exclude_done: kind == MONTHLY,
            self.per_unit: kind == NOTICES,
            self.preview: kind == NOTICES,
            self.requirements: kind == BULLETIN,
            self.draft: kind == BULLETIN,
        }
        for widget, show in visible.items():
            self.form.setRowVisible(widget, show)
        self._suggest_output()

    def _plan_changed(self) -> None:
        """The 督查通报's requirements are the plan's own (the default wording until the office changes it)."""
        plan_id = self.plan.currentData()
        self.requirements.setPlainText(requirements(self.db, plan_id) if plan_id is not None else "")

    def _month_changed(self) -> None:
        """A report month's figures are as of its last day (today while the month runs), unless changed."""
        first = self.month.date()
        first = QDate(first.year(), first.month(), 1)
        last = first.addDays(first.daysInMonth() - 1)
        today = QDate.currentDate()
        self.as_of.setDate(today if first <= today <= last else last)
        self._suggest_output()

    def _suggest_output(self) -> None:
        kind = self.kind.currentIndex()
        folder = Path(self.output.text()).parent if self.output.text() else Path.home()
        if kind == MONTHLY:
            name = self.tr("月度进展报告_{0}.pdf").format(self.month.date().toString("yyyy-MM"))
        elif kind == NOTICES:
            name = self.tr("催办通知") if self.per_unit.isChecked() else self.tr("催办通知.pdf")
        elif kind == BULLETIN:
            name = self.tr("督查通报_{0}.pdf").format(self.month.date().toString("yyyy-MM"))
        else:
            name = self.tr("工作台账.xlsx")
        self.output.setText(str(folder / name))

    def _browse(self) -> QFileDialog:
        """Non-blocking: the chosen place lands in the output field when the file dialog reports it."""
        kind = self.kind.currentIndex()
        if kind == NOTICES and self.per_unit.isChecked():
            dialog = QFileDialog(self, self.tr("选择保存催办通知的文件夹"), self.output.text())
            dialog.setFileMode(QFileDialog.FileMode.Directory)
            dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        else:
            if kind == LEDGER:
                flt = self.tr("Excel 工作簿 (*.xlsx)")
            else:
                flt = self.tr("PDF 文件 (*.pdf);;Word 文档 (*.docx)")
            dialog = QFileDialog(self, self.tr("保存为"), self.output.text(), flt)
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        localize(dialog)
        dialog.fileSelected.connect(lambda path: self.output.setText(path) if path else None)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def _set_running(self, running: bool) -> None:
        for w in (
            self.kind,
            self.plan,
            self.month,
            self.as_of,
            self.unit,
            self.within,
            self.brief,
            self.exclude_done,
            self.per_unit,
            self.preview,
            self.requirements,
            self.draft,
            self.output,
            self.browse,
            self.generate_button,
            self.close_button,
        ):
            w.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        done = not running and self.result_path is not None
        self.open_button.setEnabled(done)
        self.print_button.setEnabled(done and self.result_path is not None and self.result_path.is_file())

    # -- work ------------------------------------------------------------------------------------------

    def _job(self) -> Any:
        """The service call for the chosen kind, with the form's values captured now (workers never read widgets)."""
        db, kind, out = self.db, self.kind.currentIndex(), self.output.text().strip()
        plan_id = self.plan.currentData()
        unit = self.unit.currentData()
        as_of = dt.date.fromisoformat(self.as_of.date().toString("yyyy-MM-dd"))
        if kind == MONTHLY:
            month = self.month.date().toString("yyyy-MM")
            brief, include_done = self.brief.isChecked(), not self.exclude_done.isChecked()

            def monthly(progress: Any, is_cancelled: Any) -> Path:
                return write_monthly_report(
                    db,
                    plan_id=plan_id,
                    month=month,
                    path=out,
                    unit=unit,
                    brief=brief,
                    include_done=include_done,
                    as_of=as_of,
                    progress=progress,
                    is_cancelled=is_cancelled,
                ).path

            return monthly
        if kind == NOTICES:
            one_file, within = not self.per_unit.isChecked(), self.within.value()
            preview = self.preview.isChecked()

            def notices(progress: Any, is_cancelled: Any) -> Path:
                issue_notices(
                    db,
                    plan_id=plan_id,
                    as_of=as_of,
                    path=out,
                    one_file=one_file,
                    due_within_days=within,
                    units=[unit] if unit else None,
                    preview=preview,
                    progress=progress,
                    is_cancelled=is_cancelled,
                )
                return Path(out)

            return notices

        if kind == BULLETIN:
            month = self.month.date().toString("yyyy-MM")
            wanted, issue = self.requirements.toPlainText(), not self.draft.isChecked()
            gathering = self.tr("正在汇总本月情况…")  # translated here: the job runs off the GUI thread

            def bulletin(progress: Any, is_cancelled: Any) -> Path:
                progress(10, gathering)
                path, _ = write_bulletin(
                    db,
                    plan_id=plan_id,
                    month=month,
                    path=out,
                    as_of=as_of,
                    issue=issue,
                    requirements_text=wanted,
                )
                return path

            return bulletin

        def ledger(progress: Any, is_cancelled: Any) -> Path:
            return export_ledger(
                db, plan_id=plan_id, path=out, as_of=as_of, progress=progress, is_cancelled=is_cancelled
            )

        return ledger

    def generate(self) -> None:
        if self.worker is not None:
            return
        if not self.output.text().strip():
            self._fail(self.tr("请选择保存位置。"))
            return
        if self.kind.currentIndex() == NOTICES and self.plan.currentData() is None:
            self._fail(self.tr("催办单需选择一个方案。"))
            return
        if self.kind.currentIndex() == BULLETIN and self.plan.currentData() is None:
            self._fail(self.tr("督查通报需选择一个方案。"))
            return
        if self.kind.currentIndex() == BULLETIN and not self.requirements.toPlainText().strip():
            self._fail(self.tr("请填写下一步工作要求。"))
            return
        self.result_path = None
        self.progress.setValue(0)
        self.status.setText(self.tr("正在生成…"))
        background = BackgroundJob(self._job())  # progress shows in this dialog's own bar
        background.progressed.connect(self._on_progress)
        background.finished.connect(self._on_finished)
        background.failed.connect(self._fail)
        background.cancelled.connect(self._on_cancelled)
        self.worker = background.worker
        self._set_running(True)
        background.start()

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.status.setText(self.tr("正在取消…"))

    def _on_progress(self, percent: int, message: str) -> None:
        self.progress.setValue(percent)
        self.status.setText(message)

    def _on_finished(self, path: object) -> None:
        self.worker = None
        self.result_path = Path(str(path))
        self.progress.setValue(100)
        self.status.setText(self.tr("已生成：{0}").format(self.result_path))
        self._set_running(False)
        self.generated.emit(self.result_path)

    def _on_cancelled(self) -> None:
        self.worker = None
        self.progress.setValue(0)
        self.status.setText(self.tr("已取消，未生成文件。"))
        self._set_running(False)

    def _fail(self, message: str) -> None:
        self.worker = None
        self.status.setText(message)
        self._set_running(False)
        self.failed.emit(message)

    def open_result(self) -> None:
        if self.result_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result_path)))

    def print_result(self) -> None:
        if self.result_path is None:
            return
        if not print_file(self.result_path):
            # Said in the dialog's own status line (not a blocking box), then the file opens in its viewer.
            self.status.setText(self.tr("本机没有可直接调用的打印命令，将打开文件，请在阅读器中打印。"))
            self.open_result()

    def reject(self) -> None:
        if self.worker is not None:  # closing while working means stop
            self.cancel()
            return
        super().reject()
