"""Starting the GUI: QApplication, fonts, translations, the database, the main window."""

from __future__ import annotations

import gc
import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
)
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

from ..errors import PlanDeskError
from ..storage import Database, open_database
from ..storage.health import DatabaseDamaged
from .qt_fonts import install_cjk_font
from .translation import choose_language, install_translators
from .workers import Worker

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("PlanDesk", text)


def make_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """The application in ``language`` (else the saved preference, else the system's language if PlanDesk
    speaks it, else Chinese)."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)  # PlanDesk only ever makes a QApplication
    app.setApplicationName("PlanDesk")
    app.setOrganizationName("PlanDesk")
    from .settings import UiSettings

    install_translators(app, choose_language(language, UiSettings().language))
    app.setApplicationDisplayName(tr("PlanDesk 规划督办台"))
    install_cjk_font(app)
    # The modules loaded so far live as long as the program: keeping their objects out of the collector's
    # full scans saves collections while the window is built and the walk over them at exit.
    gc.freeze()
    return app


def damaged_box(
    exc: DatabaseDamaged, *, offer_restore: bool = True
) -> tuple[QMessageBox, QAbstractButton | None]:
    """The message for a damaged database file, with a button to restore the newest good backup."""
    box = QMessageBox(QMessageBox.Icon.Critical, tr("数据库文件已损坏"), str(exc))
    restore = None
    if exc.backup is not None and offer_restore:
        restore = box.addButton(
            tr("用备份 {0} 恢复").format(exc.backup.name), QMessageBox.ButtonRole.AcceptRole
        )
    box.addButton(QMessageBox.StandardButton.Close)
    return box, restore


def open_for_gui(db: str | None, operator: str) -> Database | None:
    try:
        return open_database(db, operator=operator)
    except DatabaseDamaged as exc:
        box, restore = damaged_box(exc)
        box.exec()
        if restore is None or box.clickedButton() is not restore or exc.backup is None:
            return None
        try:
            from ..services.core.backups import restore_file

            restore_file(Path(exc.location or ""), exc.backup)
            return open_database(db, operator=operator)
        except PlanDeskError as again:
            QMessageBox.critical(None, tr("无法恢复数据库"), str(again))
            return None
    except PlanDeskError as exc:
        QMessageBox.critical(None, tr("无法打开数据库"), str(exc))
        return None


class _FirstPaint(QObject):
    """Calls back once, right after the widget's first paint (or after a while if it never paints)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None], fallback_ms: int = 2000) -> None:
        super().__init__(widget)
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            parent = self.parent()  # the watched widget, which owns this filter
            if parent is not None:
                parent.removeEventFilter(self)
            callback()


def _daily_backup_job(
    database: Database,
) -> Callable[[Callable[[int, str], None], Callable[[], bool]], Path | DatabaseDamaged | None]:
    """The day's first backup: one snapshot of the file copied in steps, so edits never wait for it."""

    def job(
        _progress: Callable[[int, str], None], is_cancelled: Callable[[], bool]
    ) -> Path | DatabaseDamaged | None:
        from ..services.core.backups import daily_backup

        if database.path is None or not database.path.exists():
            return None
        try:
            return daily_backup(database, should_stop=is_cancelled)
        except DatabaseDamaged as exc:  # a finding for the user, not a failed job
            return exc

    return job


def start_daily_backup(window: QWidget, database: Database) -> Worker:
    """Take the daily backup once the window has painted; failing to back up must not stop work."""
    worker = Worker(_daily_backup_job(database))

    def done(path: object) -> None:
        if isinstance(path, DatabaseDamaged):
            log.error("daily backup: %s", path)
            box, _restore = damaged_box(path, offer_restore=False)
            box.setParent(window, box.windowFlags())
            box.setWindowModality(Qt.WindowModality.NonModal)
            box.show()  # not modal: the window stays usable: the user may still read and export; the window owns the box
            return
        if path is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(tr("已完成每日备份"), 5000)

    def failed(message: str) -> None:
        log.warning("daily backup failed: %s", message)
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(tr("每日备份失败：{0}").format(message), 10000)

    worker.signals.finished.connect(done)
    worker.signals.failed.connect(failed)
    _FirstPaint(window, worker.start)
    return worker


def show_main_window(database: Database) -> tuple[MainWindow, Worker]:
    """Show the filled main window first; the daily backup follows in the background."""
    from .main_window import MainWindow

    window = MainWindow(database)
    window.show()
    window.start()
    return window, start_daily_backup(window, database)


# A file name here makes the window, once its plan tree has painted, write one JSON line about what it shows
# (tree rows, plans, whether Qt's own strings are translated) to that file and quit. packaging/smoke.py uses
# it to prove that a built bundle opens a filled window; a file, not stdout, because the Windows window
# program has no console to print to.
STARTUP_PROBE_ENV = "PLANDESK_STARTUP_PROBE"


class _StartupProbe(QObject):
    """Reports the window's state to a file after the tree's first paint (or says it never painted)."""

    def __init__(self, window: MainWindow, target: Path, timeout_ms: int = 60000) -> None:
        super().__init__(window)
        self.window = window
        self.target = target
        self.done = False
        window.tree.viewport().installEventFilter(self)
        QTimer.singleShot(timeout_ms, lambda: self.report(painted=False))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self.done:
            QTimer.singleShot(0, lambda: self.report(painted=True))
        return False

    def report(self, *, painted: bool) -> None:
        if self.done:
            return
        self.done = True
        state = {
            "painted": painted,
            "tree_rows": self.window.model.rowCount(),
            "plans": len(self.window.plans),
            "title": self.window.windowTitle(),
            "qt_cancel": QCoreApplication.translate("QPlatformTheme", "Cancel"),
        }
        self.target.write_text(json.dumps(state, ensure_ascii=False) + "\n", encoding="utf-8")
        QApplication.exit(0 if painted else 1)


_RUNNING: list[QApplication] = []


def start_window(
    db: str | None = None, operator: str = "", language: str | None = None
) -> tuple[Database, MainWindow, Worker] | None:
    """The application, the database opened (or None after telling the user why not), the filled window
    shown and the day's backup begun."""
    from . import main_window  # noqa: F401 - loaded before the app so gc.freeze() covers its modules

    _RUNNING.append(make_application(language=language))  # held for as long as the program runs
    from .crash_dialog import install_excepthook
    from .settings import UiSettings

    install_excepthook()

    # The name given on the command line wins; otherwise the one saved in the preferences.
    database = open_for_gui(db, operator or UiSettings().operator)
    if database is None:
        return None
    window, backup = show_main_window(database)
    return database, window, backup


def run(db: str | None = None, operator: str = "", language: str | None = None) -> int:
    started = start_window(db, operator, language)
    if started is None:
        return 1
    database, window, backup = started
    probe = os.environ.get(STARTUP_PROBE_ENV)
    if probe:
        _StartupProbe(window, Path(probe))
    code = QApplication.exec()
    backup.cancel()  # a copy still running stops at its next step; the next start takes the day's backup
    QThreadPool.globalInstance().waitForDone()
    database.close()
    return int(code)
