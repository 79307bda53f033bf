"""Menu actions and tabs for reports, data exchange, supervision and maintenance in the main window."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from .jobs import BackgroundJob, run_job
from .workers import Worker

if TYPE_CHECKING:
    from .main_window import MainWindow  # noqa: F401 - the window these actions serve, for the type checker only


# Windows opened after a restore; kept here so Python does not collect them while they are shown.
OPEN_WINDOWS: list[QWidget] = []


def previous_month(today: dt.date) -> str:
    first = today.replace(day=1)
    return (first - dt.timedelta(days=1)).strftime("%Y-%m")


class WindowActions(QObject):
    """Adds the actions to the window's menus and keeps the dialogs and workers it starts alive."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.db = window.db
        self.dialog: QWidget | None = None  # the last dialog opened (tests reach it here)
        self.file_dialog: QFileDialog | None = None
        self.progress: QProgressDialog | None = None
        self.worker: Worker | None = None  # the latest job started (tests wait on it)
        self.running: set[Worker] = set()  # every job still running, kept alive until it reports
        self._add_supervision_tabs()
        self._add_history_tab()
        self._add_menus()

    # -- construction --------------------------------------------------------------------------------
    def _action(self, menu: Any, text: str, slot: Callable[[], Any], shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _add_menus(self) -> None:
        w = self.window
        self.report_action = self._action(w.menu_reports, self.tr("生成报表…"), self.open_reports, "Ctrl+P")
        self._action(
            w.menu_reports, self.tr("评估报告…"), lambda: w.tabs.setCurrentWidget(w.panes["evaluation"])
        )
        self._action(w.menu_exchange, self.tr("导入方案修订版…"), self.choose_revision)
        w.menu_exchange.addSeparator()
        self._action(w.menu_exchange, self.tr("导出进展反馈表…"), self.choose_workbook_export)
        self._action(w.menu_exchange, self.tr("导入进展反馈表…"), self.choose_workbooks)
        self.unit_report_action = self._action(
            w.menu_exchange, self.tr("导入单位进展报告…"), self.choose_unit_report
        )
        w.menu_exchange.addSeparator()
        self._action(w.menu_exchange, self.tr("导出交换包…"), self.choose_package_export)
        self._action(w.menu_exchange, self.tr("导入交换包…"), self.choose_package)
        for name, title in self.supervision_titles.items():
            self._action(w.menu_supervision, title, functools.partial(self.show_tab, name))
        w.menu_supervision.addSeparator()
        self._action(w.menu_supervision, self.tr("登记督办事项…"), lambda: self.items.open_register())
        self._action(w.menu_supervision, self.tr("导入放假安排…"), lambda: self.items.choose_calendar())
        w.menu_supervision.addSeparator()
        self._action(w.menu_supervision, self.tr("关账（冻结上月报表）…"), self.confirm_close_month)
        backup = QAction(self.tr("立即备份"), w)
        backup.triggered.connect(lambda _checked=False: self.backup_now())
        restore = QAction(self.tr("从备份恢复…"), w)
        restore.triggered.connect(lambda _checked=False: self.open_restore())
        history = QAction(self.tr("操作记录"), w)
        history.triggered.connect(lambda _checked=False: w.tabs.setCurrentWidget(self.history))
        w.menu_file.insertActions(w.preferences_action, [backup, restore])
        w.menu_file.insertSeparator(w.preferences_action)
        w.menu_view.addAction(history)

    def _add_supervision_tabs(self) -> None:
        from .evaluation_view import attach_indicator_warnings
        from .supervision.tables import CoverageView, RankingView, ReportingView, WarningsView
        from .supervision.workflow_panel import WorkflowPanel

        w = self.window
        self.supervision_titles = {
            "warnings": self.tr("预警"),
            "reporting": self.tr("报送情况"),
            "ranking": self.tr("考核"),
            "coverage": self.tr("对接情况"),
            "workflow": self.tr("办理"),
        }
        views: dict[str, Any] = {
            "warnings": WarningsView(self.db),
            "reporting": ReportingView(self.db),
            "ranking": RankingView(self.db),
            "coverage": CoverageView(self.db),
        }
        for name, view in views.items():
            if hasattr(view, "node_activated"):
                view.node_activated.connect(w._on_pane_activated)
            view.failed.connect(w.show_error)
            w.panes[name] = view
            w.tabs.addTab(view, self.supervision_titles[name])
        views["reporting"].remind_requested.connect(self.choose_reminder_file)
        attach_indicator_warnings(views["warnings"])  # binding indicators whose forecast misses
        # 办理 follows the assignment selected in the detail pane.
        self.workflow = WorkflowPanel(self.db, editing=w.editing)
        self.workflow.failed.connect(w.show_error)
        self.workflow.changed.connect(lambda _id: w.refresh())
        # a step recorded, undone or redone: the 办理 tab and the tree show where the work stands now
        w.editing.workflow_changed.connect(self._after_step)
        w.tabs.addTab(self.workflow, self.supervision_titles["workflow"])
        self._add_items_tab()
        w.detail.table.selectionModel().currentChanged.connect(lambda *_: self._follow_assignment())

    def _after_step(self, _assignment_id: int) -> None:
        self.workflow.refresh()
        self.window.refresh()

    def _add_items_tab(self) -> None:
        from .supervision.items_pane import ItemsPane

        w = self.window
        self.items = ItemsPane(self.db)
        self.items.failed.connect(w.show_error)
        self.items.item_activated.connect(lambda plan_id, node_id: self._show_item(plan_id, node_id))
        self.items.changed.connect(lambda: self._after_change(self.tr("已登记督办事项。")))
        w.tabs.addTab(self.items, self.tr("督办事项"))
        from .supervision.timeliness_pane import TimelinessPane

        self.timeliness = TimelinessPane(self.db)
        self.timeliness.failed.connect(w.show_error)
        w.tabs.addTab(self.timeliness, self.tr("报送台账"))
        # Counted when shown: the ledger reads every assignment's reports.
        w.tabs.currentChanged.connect(
            lambda _i: self.timeliness.refresh() if w.tabs.currentWidget() is self.timeliness else None
        )

    def _show_item(self, plan_id: int, node_id: int) -> None:
        self.window.reload_plans(plan_id)
        self.window._on_pane_activated(node_id)

    def _add_history_tab(self) -> None:
        from .history_pane import HistoryPane

        w = self.window
        self.history = HistoryPane(self.db)
        w.tabs.addTab(self.history, self.tr("历史"))
        w.tree.selectionModel().currentChanged.connect(lambda *_: self._follow_node())
        w.tabs.currentChanged.connect(lambda _i: self._follow_node())

    def _follow_node(self) -> None:
        """The history tab shows the selected node's changes, read only while the tab is visible."""
        if self.window.tabs.currentWidget() is self.history:
            node = self.window.current_node()
            self.history.set_node(node.id if node else None)

    def _follow_assignment(self) -> None:
        current = self.window.detail.current_assignment()
        self.workflow.set_assignment(current.id if current else None)

    def show_tab(self, name: str) -> None:
        widget = self.workflow if name == "workflow" else self.window.panes[name]
        self.window.tabs.setCurrentWidget(widget)

    def _plan_id(self) -> int | None:
        plan = self.window.current_plan()
        if plan is None:
            self.window.show_error(self.tr("请先选择一个方案。"))
        return plan.id if plan else None

    # -- plumbing: file choice and background work -----------------------------------------------------
    def ask_file(
        self,
        title: str,
        name_filter: str,
        on_chosen: Callable[[list[str]], Any],
        *,
        save: bool = False,
        many: bool = False,
        folder: bool = False,
        suggested: str = "",
    ) -> QFileDialog:
        """A non-blocking file dialog; ``on_chosen`` gets the chosen paths."""
        from .file_dialogs import localize

        dialog = localize(QFileDialog(self.window, title, suggested, name_filter))
        if folder:
            dialog.setFileMode(QFileDialog.FileMode.Directory)
        elif save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        else:
            dialog.setFileMode(
                QFileDialog.FileMode.ExistingFiles if many else QFileDialog.FileMode.ExistingFile
            )
        dialog.filesSelected.connect(on_chosen)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def run(self, label: str, job: Callable[..., Any], on_done: Callable[[Any], Any]) -> Worker:
        """Run ``job(progress, is_cancelled)`` off the GUI thread behind a cancellable progress dialog."""
        started: list[BackgroundJob] = []  # its outcome arrives through the event loop, after it is stored

        def done() -> None:
            worker = started[0].worker
            self.running.discard(worker)
            if self.worker is worker:
                self.worker = None

        def finish(result: Any) -> None:
            done()
            on_done(result)

        def fail(message: str) -> None:
            done()
            self.window.show_error(message)

        def cancelled() -> None:
            done()
            self.window.statusBar().showMessage(self.tr("已取消，未写入任何数据。"), 5000)

        background = run_job(
            job, on_done=finish, on_failed=fail, on_cancelled=cancelled, label=label, window=self.window
        )
        started.append(background)
        self.progress, self.worker = background.dialog, background.worker
        self.running.add(background.worker)
        return background.worker

    def _open(self, dialog: QWidget) -> QWidget:
        self.dialog = dialog
        dialog.open()  # type: ignore[attr-defined]
        return dialog

    def _after_change(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)
        plan = self.window.current_plan()
        self.window.reload_plans(plan.id if plan else None)

    # -- reports -------------------------------------------------------------------------------------
    def open_reports(self) -> QWidget:
        from .report_dialog import ReportDialog

        plan = self.window.current_plan()
        dialog = ReportDialog(self.db, self.window, plan.id if plan else None)
        dialog.generated.connect(
            lambda path: self.window.statusBar().showMessage(self.tr("已生成：{0}").format(path), 8000)
        )
        return self._open(dialog)

    def choose_reminder_file(self, plan_id: int, period: str, _units: list[str]) -> None:
        self.ask_file(
            self.tr("保存催报通知"),
            self.tr("PDF 文件 (*.pdf)"),
            lambda paths: self.issue_reminders(plan_id, period, paths[0]),
            save=True,
            suggested=self.tr("催报通知-{0}.pdf").format(period),
        )

    def issue_reminders(self, plan_id: int, period: str, path: str) -> Worker:
        from ..services.reporting.notices import issue_missing_report_notices

        return self.run(
            self.tr("正在生成催报通知…"),
            lambda p, c: issue_missing_report_notices(
                self.db, plan_id=plan_id, period=period, path=path, progress=p, is_cancelled=c
            ),
            lambda _r: self.window.statusBar().showMessage(self.tr("已生成催报通知：{0}").format(path), 8000),
        )

    # -- plan revisions ------------------------------------------------------------------------------
    def choose_revision(self) -> None:
        if self._plan_id() is not None:
            self.ask_file(
                self.tr("选择修订后的方案文件"),
                self.tr("方案文件 (*.txt *.docx *.pdf *.ofd *.xlsx *.html *.htm);;所有文件 (*)"),
                lambda paths: self.preview_revision(paths[0]),
            )

    def preview_revision(self, path: str) -> Worker | None:
        from ..services.plans.plan_import import read_document
        from ..services.plans.revision import diff_revision

        plan_id = self._plan_id()
        if plan_id is None:
            return None

        def job(progress: Any, is_cancelled: Any) -> Any:
            parsed = read_document(path, progress=progress, is_cancelled=is_cancelled)
            return parsed, diff_revision(self.db, plan_id=plan_id, parsed=parsed)

        return self.run(self.tr("正在比对修订版…"), job, lambda r: self._show_revision(plan_id, *r))

    def _show_revision(self, plan_id: int, parsed: Any, diff: Any) -> None:
        from .exchange_dialogs import RevisionDialog

        dialog = RevisionDialog(self.db, plan_id=plan_id, parsed=parsed, diff=diff, parent=self.window)
        dialog.applied.connect(lambda _r: self._after_change(self.tr("修订版已导入，原有分工和进展已保留。")))
        self._open(dialog)

    # -- unit feedback workbooks ---------------------------------------------------------------------
    def choose_workbook_export(self) -> None:
        if self._plan_id() is not None:
            self.ask_file(
                self.tr("选择保存进展反馈表的文件夹"),
                "",
                lambda paths: self.export_workbooks(paths[0]),
                folder=True,
            )

    def export_workbooks(self, folder: str) -> Worker | None:
        from ..services.exchange.workbooks import export_workbooks

        plan_id = self._plan_id()
        if plan_id is None:
            return None
        return self.run(
            self.tr("正在导出进展反馈表…"),
            lambda _p, _c: export_workbooks(self.db, plan_id=plan_id, all_units=True, out=folder),
            lambda files: self.window.statusBar().showMessage(
                self.tr("已导出 {0} 份进展反馈表到 {1}").format(len(files), folder), 8000
            ),
        )

    def choose_workbooks(self) -> None:
        self.ask_file(
            self.tr("选择各单位交回的进展反馈表"),
            self.tr("Excel 工作簿 (*.xlsx)"),
            self.preview_workbooks,
            many=True,
        )

    def preview_workbooks(self, paths: list[str]) -> Worker:
        from ..services.exchange.workbooks import read_workbooks

        return self.run(
            self.tr("正在检查进展反馈表…"),
            lambda _p, _c: read_workbooks(self.db, paths=paths),
            lambda preview: self._show_workbooks(paths, preview),
        )

    def _show_workbooks(self, paths: list[str], preview: Any) -> None:
        from .exchange_dialogs import WorkbookDialog

        dialog = WorkbookDialog(self.db, paths=paths, preview=preview, parent=self.window)
        dialog.applied.connect(lambda _r: self._after_change(self.tr("进展反馈表已导入。")))
        self._open(dialog)

    def choose_unit_report(self) -> None:
        if self._plan_id() is not None:
            self.ask_file(
                self.tr("选择单位报送的进展情况报告"),
                self.tr("单位报告 (*.docx *.pdf *.txt *.ofd *.html *.htm)"),
                lambda paths: self.open_unit_report(paths[0]),
            )

    def open_unit_report(self, path: str) -> QWidget | None:
        from .unit_report_dialog import UnitReportDialog

        plan_id = self._plan_id()
        if plan_id is None:
            return None
        dialog = UnitReportDialog(self.db, plan_id=plan_id, path=path, parent=self.window)
        dialog.recorded.connect(
            lambda n: self._after_change(self.tr("已按单位报告登记 {0} 条进展。").format(n))
        )
        return self._open(dialog)

    # -- office packages -----------------------------------------------------------------------------
    def choose_package_export(self) -> None:
        plan = self.window.current_plan()
        if self._plan_id() is not None and plan is not None:
            self.ask_file(
                self.tr("保存交换包"),
                self.tr("PlanDesk 交换包 (*.pdpkg *.zip)"),
                lambda paths: self.export_package(paths[0]),
                save=True,
                suggested=f"{plan.title[:30]}.pdpkg",
            )

    def export_package(self, path: str) -> Worker | None:
        from ..services.exchange.packages import export_package

        plan_id = self._plan_id()
        if plan_id is None:
            return None
        return self.run(
            self.tr("正在导出交换包…"),
            lambda _p, _c: export_package(self.db, plan_id=plan_id, path=path),
            lambda info: self._package_exported(path, info.notice),
        )

    def _package_exported(self, path: str, notice: str) -> None:
        self.window.statusBar().showMessage(self.tr("已导出交换包：{0}").format(path), 8000)
        if notice:  # this database is a copy and now signs as itself: said once, in words the user keeps
            self.identity_box = QMessageBox(
                QMessageBox.Icon.Information, self.tr("交换身份"), notice, parent=self.window
            )
            self.identity_box.open()

    def choose_package(self) -> None:
        self.ask_file(
            self.tr("选择交换包"),
            self.tr("PlanDesk 交换包 (*.pdpkg *.zip);;所有文件 (*)"),
            lambda paths: self.preview_package(paths[0]),
        )

    def preview_package(self, path: str) -> Worker:
        from ..services.exchange.packages import read_package

        return self.run(
            self.tr("正在检查交换包…"),
            lambda _p, _c: read_package(self.db, path=path),
            lambda preview: self._show_package(path, preview),
        )

    def _show_package(self, path: str, preview: Any) -> None:
        from .exchange_dialogs import PackageDialog

        dialog = PackageDialog(self.db, path=path, preview=preview, parent=self.window)
        dialog.applied.connect(lambda _r: self._after_change(self.tr("交换包已导入。")))
        self._open(dialog)

    # -- backups -------------------------------------------------------------------------------------
    def backup_now(self) -> Worker:
        from ..services.core.backups import backup_now

        return self.run(
            self.tr("正在备份…"),
            lambda _p, _c: backup_now(self.db),
            lambda path: self.window.statusBar().showMessage(self.tr("已备份到：{0}").format(path), 8000),
        )

    def open_restore(self) -> QWidget:
        from .restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.db, self.window)
        dialog.restored.connect(self._switch_database)
        dialog.failed.connect(self.window.show_error)
        return self._open(dialog)

    def _switch_database(self, db: Any) -> None:
        """After a restore the old connection is closed: a fresh window takes over on the restored file."""
        successor = type(self.window)(db)
        OPEN_WINDOWS.append(successor)
        successor.show()
        successor.start()
        successor.statusBar().showMessage(self.tr("已从备份恢复，被替换的数据库已另存为备份。"), 10000)
        self.window.close()

    # -- closing a month -----------------------------------------------------------------------------
    def confirm_close_month(self) -> QMessageBox | None:
        plan = self.window.current_plan()
        if plan is None:
            self.window.show_error(self.tr("请先选择一个方案。"))
            return None
        period = previous_month(dt.date.today())
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("关账"),
            self.tr(
                "关闭 {0} 月后，该月报表数据将被冻结，以后可原样重印，且不能再登记该月进展。"
                "关账不可撤销。确定关闭“{1}”的 {0} 月吗？"
            ).format(period, plan.title),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.finished.connect(
            lambda result: (
                self.close_month(plan.id, period) if result == QMessageBox.StandardButton.Ok else None
            )
        )
        self.dialog = box
        box.open()
        return box

    def close_month(self, plan_id: int, period: str) -> Worker:
        from ..services.reporting.snapshots import close_month

        return self.run(
            self.tr("正在关账…"),
            lambda _p, _c: close_month(self.db, plan_id=plan_id, period=period),
            lambda _r: self.window.statusBar().showMessage(self.tr("{0} 月已关账。").format(period), 8000),
        )
