"""临期 is one setting: 首选项 edits the database's rule, and the tree, 预警 and the monthly report follow it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.models import Plan, PlanNode
from desktop.services.core.settings import get_setting, set_setting
from desktop.services.reporting.report_data import gather_monthly
from desktop.services.supervision.assignments import create_assignment
from desktop.services.supervision.warnings import due_soon_days
from desktop.storage import Database
from desktop.ui.delegates import light_icon
from desktop.ui.main_window import MainWindow
from desktop.ui.tree_model import COL_STATUS


def _window(qtbot: QtBot, db: Database) -> MainWindow:
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    win.start()
    return win


def _task_due_in(db: Database, days: int) -> tuple[int, int, int]:
    """A leaf of the first plan given to a unit, due ``days`` from today: (plan id, node id, assignment id)."""
    with db.read() as s:
        plan_id = s.scalars(select(Plan.id).order_by(Plan.id)).first()
        parents = select(PlanNode.parent_id).where(PlanNode.parent_id.is_not(None))
        node_id = s.scalars(
            select(PlanNode.id)
            .where(PlanNode.plan_id == plan_id, PlanNode.parent_id.is_not(None), PlanNode.id.not_in(parents))
            .order_by(PlanNode.id)
        ).first()
    a = create_assignment(
        db,
        node_id=node_id,
        unit="西安市科学技术局",
        status="in_progress",
        percent=40,
        deadline=dt.date.today() + dt.timedelta(days=days),
    )
    return plan_id, node_id, a.id


def _light(window: MainWindow, node_id: int) -> int:
    assert window.select_node(node_id)
    return window.tree.currentIndex().siblingAtColumn(COL_STATUS).data(1).cacheKey()  # DecorationRole


def _report_due_soon(db: Database, plan_id: int) -> set[int]:
    today = dt.date.today()
    data = gather_monthly(db, plan_id=plan_id, month=f"{today:%Y-%m}", as_of=today, live=True)
    return {a.id for _t, a in data.due_soon_lines()}


def test_due_soon_days_from_preferences_drive_tree_warnings_and_report(
    qtbot: QtBot, seeded_db: Database
) -> None:
    plan_id, node_id, assignment_id = _task_due_in(seeded_db, 10)
    window = _window(qtbot, seeded_db)
    window.plan_combo.setCurrentIndex(window.plan_combo.findData(plan_id))
    assert _light(window, node_id) == light_icon("green").cacheKey()  # 10 days away, 临期 is 7
    assert assignment_id not in _report_due_soon(seeded_db, plan_id)

    window.open_preferences()
    dialog = window.preferences
    assert dialog.due_days.value() == 7
    dialog.due_days.setValue(14)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    assert get_setting(seeded_db, "warnings.rules")["due_days"] == 14
    assert _light(window, node_id) == light_icon("yellow").cacheKey()
    window.extra.show_tab("warnings")
    view = window.panes["warnings"]
    assert any(w.assignment_id == assignment_id and w.rule == "due_soon" for w in view.rows)
    assert assignment_id in _report_due_soon(seeded_db, plan_id)
    assert not QSettings().contains("view/due_soon_days")  # no second home for the setting


def test_an_older_window_preference_is_taken_over_once(qtbot: QtBot, seeded_db: Database) -> None:
    QSettings().setValue("view/due_soon_days", 10)
    window = _window(qtbot, seeded_db)
    assert due_soon_days(seeded_db) == 10 and window.model.due_soon_days == 10
    assert not QSettings().contains("view/due_soon_days")


def test_an_older_window_preference_never_overrides_the_database(qtbot: QtBot, seeded_db: Database) -> None:
    set_setting(seeded_db, "warnings.rules", {"due_days": 5})
    QSettings().setValue("view/due_soon_days", 10)
    window = _window(qtbot, seeded_db)
    assert due_soon_days(seeded_db) == 5 and window.model.due_soon_days == 5
    assert not QSettings().contains("view/due_soon_days")
