"""Starting the GUI: QApplication, fonts, translations, the database, the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from ..errors import PlanDeskError
from ..storage import Database, open_database
from .qt_fonts import install_cjk_font


def tr(text: str) -> str:
    return QCoreApplication.translate("PlanDesk", text)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("PlanDesk")
    app.setOrganizationName("PlanDesk")
    app.setApplicationDisplayName(tr("PlanDesk 规划督办台"))
    _install_translators(app)
    install_cjk_font(app)
    return app  # type: ignore[return-value]


def _install_translators(app: QApplication) -> None:
    """Qt's own dialogs in the user's language; PlanDesk's sources are Chinese, other .qm files follow."""
    from ..resources import resource_path

    locale = QLocale()
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    ours = QTranslator(app)
    if ours.load(locale, "plandesk", "_", str(resource_path("i18n"))):
        app.installTranslator(ours)


def open_for_gui(db: str | None, operator: str) -> Database | None:
    try:
        return open_database(db, operator=operator)
    except PlanDeskError as exc:
        QMessageBox.critical(None, tr("无法打开数据库"), str(exc))
        return None


def _daily_backup(database: Database) -> None:
    """The first start of each day keeps a copy of the database; failing to do so must not stop work."""
    from ..services.backups import daily_backup

    try:
        daily_backup(database)
    except (PlanDeskError, OSError) as exc:
        print(tr("每日备份失败：{0}").format(exc), file=sys.stderr)


def run(db: str | None = None, operator: str = "") -> int:
    app = make_application()
    from .settings import UiSettings

    # The name given on the command line wins; otherwise the one saved in the preferences.
    database = open_for_gui(db, operator or UiSettings().operator)
    if database is None:
        return 1
    _daily_backup(database)
    from .main_window import MainWindow

    window = MainWindow(database)
    window.show()
    window.start()
    code = app.exec()
    database.close()
    return int(code)
