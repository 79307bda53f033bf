"""Starting the window on an emptied database file: the newest good backup is offered and restored."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from rel_helpers import counts, sqlite_only, task_ids

from desktop.services.core.backups import backup_now
from desktop.storage import open_database
from desktop.ui import app

pytestmark = sqlite_only


def test_an_emptied_database_offers_its_newest_good_backup(
    qtbot: object, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_database(db_url) as db:
        task_ids(db)
        good = backup_now(db)
        before = counts(db)
    Path(db_url).write_bytes(b"")
    shown: list[str] = []

    def choose_restore(box: QMessageBox) -> int:
        shown.append(box.text())
        wanted = [b for b in box.buttons() if good.name in b.text()]
        assert len(wanted) == 1, [b.text() for b in box.buttons()]
        wanted[0].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_restore)
    opened = app.open_for_gui(db_url, "测试员")
    assert opened is not None
    try:
        assert counts(opened) == before
    finally:
        opened.close()
    assert "0 字节" in shown[0] and good.name in shown[0]


def test_closing_the_message_leaves_the_file_as_it_was(
    qtbot: object, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_database(db_url) as db:
        task_ids(db)
        backup_now(db)
    Path(db_url).write_bytes(b"")

    def close(box: QMessageBox) -> int:
        box.button(QMessageBox.StandardButton.Close).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", close)
    assert app.open_for_gui(db_url, "测试员") is None
    assert Path(db_url).stat().st_size == 0
