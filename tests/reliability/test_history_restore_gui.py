"""The history pane and the restore dialog, driven as a user would (offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from rel_helpers import counts, sqlite_only, task_ids

from desktop.services.core.backups import backup_now
from desktop.services.supervision.assignments import create_assignment, update_assignment
from desktop.storage import Database
from desktop.ui.history_pane import HistoryPane
from desktop.ui.restore_dialog import RestoreDialog


def test_history_pane_shows_a_nodes_changes_read_only(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = task_ids(db)
    a = create_assignment(db, node_id=ids["2."], unit="区发展改革委", deadline="2025-06-30")
    db.operator = "李科长"
    update_assignment(
        db, assignment_id=a.id, deadline="2025-09-30", deadline_kind="延期", deadline_reason="x"
    )
    pane = HistoryPane(db)
    qtbot.addWidget(pane)
    pane.show()
    assert pane.model.rowCount() == 0 and "选择条目" in pane.caption.text()
    pane.set_node(ids["2."])
    rows = [[pane.model.item(r, c).text() for c in range(5)] for r in range(pane.model.rowCount())]
    assert rows[0][1].startswith("李科长") and rows[0][2] == "修改 分工记录 截止日期"
    assert rows[0][3] == "2025-06-30 → 2025-09-30" and rows[0][4]
    assert rows[-1][2] == "新增 条目" and rows[-1][4].startswith("导入")
    assert f"共 {len(rows)} 条" in pane.caption.text()
    assert not pane.model.item(0, 3).isEditable()
    assert pane.table.editTriggers() == pane.table.EditTrigger.NoEditTriggers
    pane.set_node(None)
    assert pane.model.rowCount() == 0


@sqlite_only
def test_restore_dialog_lists_backups_and_reopens_the_database(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = task_ids(db)
    backup_now(db)
    before = counts(db)
    create_assignment(db, node_id=ids["1."], unit="区科委")
    dialog = RestoreDialog(db)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.list.topLevelItemCount() == 1
    item = dialog.list.topLevelItem(0)
    assert item.text(1) == "手动备份" and item.text(2).endswith("KB")
    assert not dialog.restore_button.isEnabled()
    dialog.list.setCurrentItem(item)
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.restored, timeout=30_000) as signal:
        dialog.restore_button.click()
    new_db = signal.args[0]
    try:
        assert counts(new_db) == before
        reasons = sorted(dialog.list.topLevelItem(i).text(1) for i in range(dialog.list.topLevelItemCount()))
        assert reasons == ["恢复前", "手动备份"]
    finally:
        new_db.close()


@sqlite_only
def test_restore_dialog_refuses_a_bad_file_and_keeps_the_database(
    qtbot,
    db: Database,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    task_ids(db)
    before = counts(db)
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"nonsense" * 1000)
    dialog = RestoreDialog(db)
    qtbot.addWidget(dialog)
    dialog.open()
    # 从其他文件恢复… opens a file dialog that does not block the window; choosing the file restores from it.
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    chooser = dialog.file_dialog
    assert chooser is not None and chooser.isVisible()
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as signal:
        chooser.fileSelected.emit(str(bad))
    chooser.reject()
    assert "不是有效的数据库" in signal.args[0] and "不是有效的数据库" in dialog.status.text()
    assert counts(db) == before


def test_restore_dialog_on_a_server_explains_itself(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    dialog = RestoreDialog(db)
    qtbot.addWidget(dialog)
    dialog.open()
    if db.path is None:
        assert "服务器" in dialog.status.text() and not dialog.backup_button.isEnabled()
    else:
        dialog.backup_button.click()
        assert dialog.list.topLevelItemCount() == 1 and "已备份" in dialog.status.text()


pytestmark = pytest.mark.usefixtures("qapp")
