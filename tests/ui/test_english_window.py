"""The window in English through the real catalogue: menus, actions, tabs and Qt's buttons carry no Chinese.

Plan titles and the plan tree are the user's data and stay as printed.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot

from desktop.storage import Database
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences_dialog import PreferencesDialog
from desktop.ui.settings import UiSettings
from desktop.ui.translation import choose_language, install_translators, remove_translators

CJK = re.compile(r"[\u4e00-\u9fff]")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    install_translators(qapp, "en")
    yield
    remove_translators(qapp)
    QLocale.setDefault(before)


def _texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        if action.menu() is not None:
            yield from _texts(action.menu())
        elif not action.isSeparator():
            yield action.text()


def test_window_in_english_has_no_chinese_in_menus_actions_tabs_and_buttons(
    qtbot: QtBot, seeded_db: Database, english: None
) -> None:
    window = MainWindow(seeded_db)
    qtbot.addWidget(window)
    window.show()
    window.start()
    texts = [t for a in window.menuBar().actions() if a.menu() for t in _texts(a.menu())]
    texts += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "&File" in texts and "Import plan…" in texts
    assert [t for t in texts if CJK.search(t)] == []
    dialog = PreferencesDialog(seeded_db, UiSettings(), window)
    qtbot.addWidget(dialog)
    buttons = dialog.findChild(QDialogButtonBox)
    labels = [b.text() for b in buttons.buttons()]
    assert labels and [t for t in labels if CJK.search(t)] == []
    assert dialog.windowTitle() == "Preferences"


def test_the_language_follows_the_command_line_then_the_preference_else_chinese() -> None:
    assert choose_language("en", "zh_CN") == "en"
    assert choose_language(None, "en") == "en"
    assert choose_language("en_GB", "") == "en"
    assert choose_language(None, "") == "zh_CN"
    assert choose_language("de", None) == "zh_CN"  # no German catalogue: the source language


def test_every_window_string_has_a_finished_english_translation() -> None:
    """A string added to the window without a translation is caught here (scripts/update_translations.py)."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--check", "en"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stdout + out.stderr
