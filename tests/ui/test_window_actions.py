"""The 报表, 数据交换 and 督办 menus: each opens its dialog or tab and the work reaches the database."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.errors import PlanDeskError
from desktop.exchange.workbook_format import HEADER_ROW
from desktop.models import Assignment, ProgressEntry
from desktop.services.core.tree import list_plans
from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.storage import Database
from desktop.ui.main_window import MainWindow
from desktop.ui.report_dialog import ReportDialog


@pytest.fixture
def window(qtbot: QtBot, seeded_db: Database) -> MainWindow:
    win = MainWindow(seeded_db)
    qtbot.addWidget(win)
    win.show()
    win.start()
    xian = next(i for i in range(win.plan_combo.count()) if "西安" in win.plan_combo.itemText(i))
    win.plan_combo.setCurrentIndex(xian)
    return win


def first_task(db: Database, window: MainWindow) -> int:
    from desktop.services.core.tree import children

    plan = window.current_plan()
    assert plan is not None and plan.root_id is not None
    stack = [plan.root_id]
    while stack:
        rows = children(db, node_id=stack.pop(0))
        task = next((r for r in rows if r.kind == "task"), None)
        if task:
            return task.id
        stack.extend(r.id for r in rows if r.child_count)
    raise AssertionError("the Xi'an plan has tasks")


def test_menus_reach_every_area(window: MainWindow) -> None:
    titles = {
        m.title().replace("(&R)", "").replace("(&X)", "").replace("(&S)", ""): [a.text() for a in m.actions()]
        for m in (window.menu_reports, window.menu_exchange, window.menu_supervision)
    }
    assert "生成报表…" in titles["报表"]
    assert {"导入方案修订版…", "导出进展反馈表…", "导入进展反馈表…", "导出交换包…", "导入交换包…"} <= set(
        titles["数据交换"]
    )
    assert {"预警", "报送情况", "考核", "对接情况", "办理"} <= set(titles["督办"])


def test_report_menu_opens_the_report_dialog_on_the_current_plan(window: MainWindow) -> None:
    window.extra.report_action.trigger()
    dialog = window.extra.dialog
    assert isinstance(dialog, ReportDialog) and dialog.isVisible()
    dialog.reject()


def test_workbook_round_trip_through_the_menus(
    qtbot: QtBot, window: MainWindow, seeded_db: Database, tmp_path: Path
) -> None:
    import openpyxl

    task = first_task(seeded_db, window)
    create_assignment(seeded_db, node_id=task, unit="西安市市场监督管理局", deadline="2030-12-31")
    window.extra.choose_workbook_export()
    assert window.extra.file_dialog is not None and window.extra.file_dialog.isVisible()
    window.extra.file_dialog.reject()
    worker = window.extra.export_workbooks(str(tmp_path))
    assert worker is not None
    qtbot.waitUntil(lambda: window.extra.worker is None and any(tmp_path.glob("*.xlsx")), timeout=20000)
    [path] = list(tmp_path.glob("*.xlsx"))
    book = openpyxl.load_workbook(path)
    sheet = book["进展反馈"]
    headers = [c.value for c in sheet[HEADER_ROW]]
    row = HEADER_ROW + 1
    sheet.cell(row, headers.index("本月进展") + 1).value = "完成计量测试平台选址"
    sheet.cell(row, headers.index("完成百分比") + 1).value = 40
    book.save(path)

    window.extra.preview_workbooks([str(path)])
    qtbot.waitUntil(
        lambda: window.extra.dialog is not None and window.extra.dialog.isVisible(), timeout=20000
    )
    dialog = window.extra.dialog
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.applied, timeout=20000):
        dialog.ok_button.click()
    with seeded_db.read() as s:
        texts = list(s.scalars(select(ProgressEntry.text)))
    assert texts == ["完成计量测试平台选址"]


def test_supervision_tabs_follow_the_plan_and_the_selected_assignment(
    qtbot: QtBot, window: MainWindow, seeded_db: Database
) -> None:
    task = first_task(seeded_db, window)
    a = create_assignment(seeded_db, node_id=task, unit="西安市市场监督管理局", deadline="2020-01-31")
    window.refresh()
    window.extra.show_tab("warnings")
    warnings = window.panes["warnings"]
    qtbot.waitUntil(lambda: warnings.table.rowCount() > 0, timeout=10000)
    assert any(
        "逾期" in (warnings.table.item(r, c).text() if warnings.table.item(r, c) else "")
        for r in range(warnings.table.rowCount())
        for c in range(warnings.table.columnCount())
    )
    assert window.select_node(task)
    window.detail.table.setCurrentIndex(window.detail.table.model().index(0, 0))
    assert window.extra.workflow.assignment_id == a.id
    window.extra.show_tab("workflow")
    assert window.extra.workflow.do_step("acknowledge")
    with seeded_db.read() as s:
        assert s.get(Assignment, a.id).workflow_state == "acknowledged"  # type: ignore[union-attr]
        assert s.scalar(select(func.count()).select_from(ProgressEntry)) == 0
    assert list_plans(seeded_db)


def test_history_tab_follows_the_selected_task(qtbot: QtBot, window: MainWindow, seeded_db: Database) -> None:
    task = first_task(seeded_db, window)
    create_assignment(seeded_db, node_id=task, unit="西安市市场监督管理局", contact_person="王科长")
    assert window.select_node(task)
    window.tabs.setCurrentWidget(window.extra.history)
    history = window.extra.history
    qtbot.waitUntil(lambda: history.model.rowCount() > 0, timeout=10000)
    cells = [
        history.model.index(r, c).data() or ""
        for r in range(history.model.rowCount())
        for c in range(history.model.columnCount())
    ]
    assert any("王科长" in c for c in cells) and any("测试员" in c for c in cells)


def test_restore_from_the_file_menu_hands_over_to_a_window_on_the_restored_file(
    qtbot: QtBot, window: MainWindow, seeded_db: Database
) -> None:
    from desktop.services.core.backups import backup_now
    from desktop.ui.window_actions import OPEN_WINDOWS

    if seeded_db.path is None:  # a server database is backed up with the server's tools
        assert window.extra.open_restore().isVisible()
        return
    backup_now(seeded_db)
    task = first_task(seeded_db, window)
    create_assignment(seeded_db, node_id=task, unit="西安市市场监督管理局")
    dialog = window.extra.open_restore()
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: bool(OPEN_WINDOWS) and OPEN_WINDOWS[-1].isVisible(), timeout=30000)
    successor = OPEN_WINDOWS.pop()
    qtbot.addWidget(successor)
    assert not window.isVisible()
    with successor.db.read() as s:  # the assignment made after the backup is gone
        assert s.scalar(select(func.count()).select_from(Assignment)) == 0
    successor.db.close()


def test_two_jobs_started_at_once_both_finish(qtbot: QtBot, window: MainWindow) -> None:
    results: list[str] = []
    window.extra.run("一", lambda _p, _c: "first", results.append)
    window.extra.run("二", lambda _p, _c: "second", results.append)
    assert len(window.extra.running) <= 2
    qtbot.waitUntil(lambda: len(results) == 2 and not window.extra.running, timeout=10000)
    assert sorted(results) == ["first", "second"]


def test_a_workflow_step_is_undone_and_redone_from_the_window(
    qtbot: QtBot, window: MainWindow, seeded_db: Database
) -> None:
    """办结 recorded in the 办理 tab by mistake: 撤销 takes the step back with the status and percent the work
    had; 重做 closes it again; a step that is no longer the latest is refused in words."""
    from desktop.services.supervision import workflow as wf
    from desktop.services.supervision.assignments import get_assignment

    task = first_task(seeded_db, window)
    a = create_assignment(seeded_db, node_id=task, unit="西安市市场监督管理局", deadline="2030-01-31")
    window.refresh()
    assert window.select_node(task)
    window.detail.table.setCurrentIndex(window.detail.table.model().index(0, 0))
    window.extra.show_tab("workflow")
    panel = window.extra.workflow
    assert panel.do_step("acknowledge")
    add_progress(seeded_db, assignment_id=a.id, period="2026-11", text="已完成全部建设内容", percent=60)
    window.refresh()
    assert panel.do_step("accept") and panel.do_step("close")
    closed = get_assignment(seeded_db, assignment_id=a.id)
    assert (closed.workflow_state, closed.status, closed.percent) == ("closed", "done", 100)
    assert "办结" in window.undo_action.text()
    window.undo_action.trigger()
    back = get_assignment(seeded_db, assignment_id=a.id)
    assert (back.workflow_state, back.status, back.percent) == ("accepted", "in_progress", 60)
    assert [s.step for s in wf.workflow_history(seeded_db, assignment_id=a.id) if s.id][-1] == "accept"
    assert wf.state_name("accepted") in panel.state_label.text()
    window.redo_action.trigger()
    assert get_assignment(seeded_db, assignment_id=a.id).workflow_state == "closed"
    # only the latest step can be taken back
    first = next(s for s in wf.workflow_history(seeded_db, assignment_id=a.id) if s.id)
    with pytest.raises(PlanDeskError, match="只能撤销该分工最近的一个办理步骤"):
        wf.withdraw_step(seeded_db, step_id=first.id)  # type: ignore[arg-type]
