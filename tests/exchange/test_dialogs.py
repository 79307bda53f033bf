"""The preview dialogs show what will change, and OK applies it off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.exchange.workbook_format import DATA_SHEET
from desktop.services.core.tree import children, get_plan
from desktop.services.exchange.packages import export_package, read_package
from desktop.services.exchange.workbooks import export_workbooks, read_workbooks
from desktop.services.plans.plan_import import import_plan
from desktop.services.plans.revision import diff_revision
from desktop.services.supervision.assignments import create_assignment, list_progress
from desktop.storage import Database, open_database
from desktop.ui.exchange_dialogs import PackageDialog, RevisionDialog, WorkbookDialog

from factories import small_plan


def first_task(db: Database, plan_id: int) -> int:
    chapter = children(db, node_id=get_plan(db, plan_id=plan_id).root_id)[0]  # type: ignore[arg-type]
    return children(db, node_id=children(db, node_id=chapter.id)[0].id)[0].id


def test_workbook_dialog_applies_in_background(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    plan_id = import_plan(db, parsed=small_plan(), backup=False).plan_id
    a = create_assignment(db, node_id=first_task(db, plan_id), unit="区市场监管局")
    [path] = export_workbooks(db, plan_id=plan_id, unit="区市场监管局", out=tmp_path / "a.xlsx")
    wb = load_workbook(path)
    ws = wb[DATA_SHEET]
    cols = {c.value: c.column for c in ws[3]}
    ws.cell(row=4, column=cols["本月进展"], value="已完成选址")
    wb.save(path)
    dialog = WorkbookDialog(db, paths=[path], preview=read_workbooks(db, paths=[path]))
    qtbot.addWidget(dialog)
    dialog.open()
    top = dialog.tree.topLevelItem(0)
    assert top.text(2) == "可导入" and top.child(0).text(3) == "已完成选址"
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.applied, timeout=10000) as blocker:
        dialog.ok_button.click()
    assert blocker.args[0].files[0].added == 1
    assert [p.text for p in list_progress(db, assignment_id=a.id)] == ["已完成选址"]


def test_revision_dialog_lists_changes_and_package_dialog_counts(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    plan_id = import_plan(db, parsed=small_plan(), backup=False).plan_id
    revised = small_plan()
    revised.nodes[0].children[1].children = []
    dialog = RevisionDialog(
        db, plan_id=plan_id, parsed=revised, diff=diff_revision(db, plan_id=plan_id, parsed=revised)
    )
    qtbot.addWidget(dialog)
    dialog.open()
    removed = dialog.tree.topLevelItem(0)
    assert removed.text(0) == "删除（1）" and removed.child(0).text(0) == "任务 3.推进能源计量"
    with qtbot.waitSignal(dialog.applied, timeout=10000):
        dialog.ok_button.click()
    assert get_plan(db, plan_id=plan_id).revision == 2

    pkg = tmp_path / "p.pdpkg"
    export_package(db, plan_id=plan_id, path=pkg)
    other = open_database(tmp_path / "other.sqlite3")
    try:
        pdialog = PackageDialog(other, path=pkg, preview=read_package(other, path=pkg))
        qtbot.addWidget(pdialog)
        pdialog.open()
        rows = {
            pdialog.tree.topLevelItem(i).text(0): pdialog.tree.topLevelItem(i).text(1)
            for i in range(pdialog.tree.topLevelItemCount())
        }
        assert rows["方案"] == "1" and rows["指标"] == "2"
        # a first package from this office: nothing until the user says the fingerprint was checked
        assert pdialog.confirm is not None and pdialog.fingerprint in pdialog.confirm.text()
        assert not pdialog.ok_button.isEnabled()
        qtbot.mouseClick(pdialog.confirm, Qt.MouseButton.LeftButton, pos=pdialog.confirm.rect().center())
        assert pdialog.ok_button.isEnabled()
        with qtbot.waitSignal(pdialog.applied, timeout=10000):
            pdialog.ok_button.click()
        assert get_plan(other, plan_id=1).title == "某区贯彻落实计量发展规划实施方案"
    finally:
        other.close()
