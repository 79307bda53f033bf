"""Deleting a plan after a backup, and importing a document the database already holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.services.core.backups import backups
from desktop.services.core.tree import children, list_plans
from desktop.services.plans.adopt import adopt_responsibilities
from desktop.services.plans.links import link_nodes
from desktop.storage import Database
from desktop.ui.exchange_dialogs import RevisionDialog
from desktop.ui.main_window import MainWindow

XIAN = Path(__file__).resolve().parents[2] / "resources" / "plans" / "xian_jiliang_2024.txt"


def _window(qtbot: QtBot, db: Database) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    window.start()
    return window


def _button(box: QMessageBox, text: str):
    return next(b for b in box.buttons() if b.text() == text)


def test_delete_names_what_goes_and_leaves_a_backup(qtbot: QtBot, seeded_db: Database) -> None:
    if seeded_db.path is None:  # a server database is backed up by the server
        return
    adopted = adopt_responsibilities(seeded_db, plan_id=1)
    window = _window(qtbot, seeded_db)
    before = len(backups(seeded_db))
    window.menu_file.aboutToShow.emit()
    next(a for a in window.menu_file.actions() if a.text() == "删除方案…").trigger()
    box = window.plan_actions.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert f"{len(adopted.created_ids)} 条分工" in box.text() and "0 条进展记录" in box.text()
    assert "自动备份" in box.text()
    _button(box, "删除").click()
    qtbot.waitUntil(lambda: [p.id for p in list_plans(seeded_db)] == [2], timeout=20000)
    qtbot.waitUntil(lambda: window.plan_actions.deleted_message != "", timeout=20000)
    assert len(backups(seeded_db)) == before + 1
    newest = max(backups(seeded_db), key=lambda b: b.taken_at)
    assert str(newest.path) in window.plan_actions.deleted_message
    assert window.current_plan().id == 2


def test_cancelling_the_delete_keeps_the_plan(qtbot: QtBot, seeded_db: Database) -> None:
    window = _window(qtbot, seeded_db)
    box = window.plan_actions.confirm_delete()
    assert box is not None
    _button(box, "取消").click()
    assert len(list_plans(seeded_db)) == 2


def test_a_plan_carried_out_by_another_is_archived_instead(qtbot: QtBot, seeded_db: Database) -> None:
    plans = list_plans(seeded_db)

    def a_node(root: int) -> int:
        return children(seeded_db, node_id=children(seeded_db, node_id=root)[0].id)[0].id

    link_nodes(seeded_db, node_id=a_node(plans[1].root_id), target_node_id=a_node(plans[0].root_id))
    window = _window(qtbot, seeded_db)
    window.reload_plans(plans[0].id)
    box = window.plan_actions.confirm_delete()
    assert "被其他方案关联" in box.text() and plans[1].title in box.text()
    _button(box, "归档").click()
    assert len(list_plans(seeded_db)) == 2 and list_plans(seeded_db)[0].archived
    assert window.plan_combo.count() == 1


def test_importing_the_same_file_again_asks(qtbot: QtBot, seeded_db: Database) -> None:
    window = _window(qtbot, seeded_db)
    window.open_import()
    controller = window.importer
    with qtbot.waitSignal(controller.duplicate_asked, timeout=20000) as asked:
        controller.load(str(XIAN))
    box = asked.args[0]
    assert "已有方案 1" in box.text() and "内容完全相同" in box.text()
    assert {b.text() for b in box.buttons()} == {"作为该方案的修订版导入", "作为另一个方案导入", "取消"}
    with qtbot.waitSignal(controller.failed) as failed:
        _button(box, "取消").click()
    assert "已有该方案" in failed.args[0]
    assert len(list_plans(seeded_db)) == 2

    with qtbot.waitSignal(controller.duplicate_asked, timeout=20000) as asked:
        controller.load(str(XIAN))
    with qtbot.waitSignal(controller.revision_shown, timeout=20000) as shown:
        _button(asked.args[0], "作为该方案的修订版导入").click()
    dialog = shown.args[0]
    assert isinstance(dialog, RevisionDialog) and dialog.isVisible() and window.current_plan().id == 1
    assert len(list_plans(seeded_db)) == 2
    with qtbot.waitSignal(controller.imported, timeout=20000) as imported:
        dialog.ok_button.click()
    assert imported.args == [1]
    assert [p.revision for p in list_plans(seeded_db)] == [2, 1]  # the same plan, now its second revision
