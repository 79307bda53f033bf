"""The window opens on a database, shows the sample plans, and closes cleanly."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.services.plans.plan_import import import_plan
from desktop.storage import Database
from desktop.ui.main_window import MainWindow

from factories import small_plan


def test_main_window_shows_plan_tree_and_closes(qtbot: QtBot, db: Database) -> None:
    import_plan(db, parsed=small_plan())
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    window.start()
    assert window.plan_combo.count() == 1
    assert "某区贯彻落实" in window.plan_combo.itemText(0)
    assert window.model.rowCount() == 2
    assert window.windowTitle().startswith("PlanDesk")
    assert window.close()
