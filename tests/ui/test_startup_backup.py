"""The main window appears filled first; the day's backup is taken right after, in the background."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from desktop.storage import Database, open_database
from desktop.storage.backup import list_backups
from desktop.ui.app import show_main_window


def test_window_shows_before_the_daily_backup_which_follows(
    qtbot: QtBot, tmp_path: Path, seeded_template: Path
) -> None:
    path = tmp_path / "office.sqlite3"
    shutil.copyfile(seeded_template, path)
    db = open_database(path, operator="测试员")
    window, worker = show_main_window(db)
    qtbot.addWidget(window)
    try:
        assert window.isVisible() and window.model.rowCount() > 0
        assert not list_backups(path), "no copy of a large file before the window shows"
        with qtbot.waitSignal(worker.signals.finished, timeout=20_000) as done:
            pass
        assert done.args[0] is not None
        backups = list_backups(path)
        assert len(backups) == 1 and backups[0].reason == "daily"
        assert "每日备份" in window.statusBar().currentMessage()
    finally:
        QThreadPool.globalInstance().waitForDone()
        db.close()


def test_backup_only_for_a_local_file(qtbot: QtBot, seeded_db: Database) -> None:
    window, worker = show_main_window(seeded_db)
    qtbot.addWidget(window)
    assert window.model.rowCount() > 0
    with qtbot.waitSignal(worker.signals.finished, timeout=20_000) as done:
        pass
    assert (done.args[0] is None) == (seeded_db.path is None), "a server database is backed up by its server"
    QThreadPool.globalInstance().waitForDone()
