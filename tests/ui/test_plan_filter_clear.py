"""清除 in the filter bar gives the whole tree back without closing the branches the user was in."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.storage import Database
from desktop.ui.main_window import MainWindow
from desktop.ui.tree_state import expanded_ids


def test_clear_keeps_the_open_branches_and_the_current_task(qtbot: QtBot, seeded_db: Database) -> None:
    window = MainWindow(seeded_db)
    qtbot.addWidget(window)
    window.show()
    window.start()
    full_rows = window.model.rowCount()
    search = window.filter_bar.search
    search.setFocus()
    event = QInputMethodEvent()
    event.setCommitString("汽车")
    QApplication.sendEvent(search, event)
    qtbot.waitUntil(lambda: window.model.visible is not None, timeout=5000)
    current = window.current_node()
    assert current is not None and "汽车" in current.title
    opened = expanded_ids(window.tree)
    assert opened  # the search opened the branches down to the match
    window.filter_bar.clear_button.click()
    qtbot.waitUntil(lambda: window.model.visible is None, timeout=5000)
    assert window.model.rowCount() == full_rows
    assert set(opened) <= set(expanded_ids(window.tree))
    assert window.current_node().id == current.id
    assert window.tree.isExpanded(window.model.index_of(current.parent_id))
