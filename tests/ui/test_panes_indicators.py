"""The 指标 pane: indicators against their targets, values entered through the form land in the database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.services.plans.indicators import list_indicators, set_indicator_value
from desktop.services.plans.plan_import import import_file
from desktop.storage import Database
from desktop.ui.indicators_pane import BEHIND_BG, HISTORY_ROLE, IndicatorsPane, IndicatorTableModel

from conftest import XIAN

COVERAGE = "强检项目市级社会公用计量标准覆盖率（%）"  # binding, ≥80 %
STANDARDS = "标准物质数量（项）"  # binding, 100 项
CENTRE = "国家产业计量测试中心（个）"  # expected, 3 个
BUILT = "建立/改造社会公用计量标准（项）"  # binding, 50 项


def open_pane(qtbot: QtBot, db: Database) -> tuple[IndicatorsPane, int]:
    plan_id = import_file(db, path=XIAN).plan_id
    pane = IndicatorsPane(db)
    qtbot.addWidget(pane)
    pane.resize(1000, 600)
    pane.show()
    pane.set_plan(plan_id)
    return pane, plan_id


def row_named(pane: IndicatorsPane, name: str) -> int:
    return next(i for i, r in enumerate(pane.model.rows) if r.name == name)


def cell(pane: IndicatorsPane, name: str, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return pane.model.index(row_named(pane, name), column).data(role)


def test_pane_lists_the_plans_indicators_with_targets(qtbot: QtBot, qtmodeltester, db: Database) -> None:
    pane, _ = open_pane(qtbot, db)
    qtmodeltester.check(pane.model)
    assert pane.model.rowCount() == 15
    assert cell(pane, COVERAGE, IndicatorTableModel.FIELD) == "法制监督"
    assert cell(pane, COVERAGE, IndicatorTableModel.TARGET) == "≥80%"
    assert cell(pane, COVERAGE, IndicatorTableModel.ATTRIBUTE) == "约束性"
    assert cell(pane, STANDARDS, IndicatorTableModel.TARGET) == "100 项"
    assert cell(pane, CENTRE, IndicatorTableModel.ATTRIBUTE) == "预期性"
    assert cell(pane, COVERAGE, IndicatorTableModel.LATEST) == "未填报"
    assert "共 15 项指标" in pane.summary.text() and "约束性 6 项" in pane.summary.text()


def test_value_entered_in_the_form_is_saved_and_shown(qtbot: QtBot, db: Database) -> None:
    pane, plan_id = open_pane(qtbot, db)
    assert not pane.enter_button.isEnabled()
    pane.select(pane.model.rows[row_named(pane, COVERAGE)].id)
    qtbot.mouseClick(pane.enter_button, Qt.MouseButton.LeftButton)
    dialog = pane.value_dialog
    assert dialog is not None and dialog.isVisible() and COVERAGE in dialog.title_label.text()
    dialog.value_edit.setText("86.5")
    dialog.source_edit.setText("市市场监管局统计")
    with qtbot.waitSignal(pane.value_saved) as saved:
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    info = next(i for i in list_indicators(db, plan_id=plan_id) if i.name == COVERAGE)
    assert saved.args == [info.id]
    assert info.latest is not None and info.latest.value == 86.5 and info.latest.source == "市市场监管局统计"
    assert not dialog.isVisible()
    assert cell(pane, COVERAGE, IndicatorTableModel.LATEST) == "86.5%"
    assert cell(pane, COVERAGE, IndicatorTableModel.PERCENT) == "108%"
    assert pane.current() is not None and pane.current().name == COVERAGE  # type: ignore[union-attr]


def test_a_bad_value_is_explained_next_to_the_field_and_nothing_is_saved(qtbot: QtBot, db: Database) -> None:
    pane, plan_id = open_pane(qtbot, db)
    pane.select(pane.model.rows[row_named(pane, STANDARDS)].id)
    dialog = pane.enter_value()
    assert dialog is not None
    dialog.value_edit.setText("八十")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.errors["value"].isVisible() and "不是数字" in dialog.errors["value"].text()
    assert all(i.latest is None for i in list_indicators(db, plan_id=plan_id))
    dialog.value_edit.setText("")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_binding_indicators_behind_target_are_highlighted(qtbot: QtBot, db: Database) -> None:
    pane, plan_id = open_pane(qtbot, db)
    ids = {i.name: i.id for i in list_indicators(db, plan_id=plan_id)}
    set_indicator_value(db, indicator_id=ids[COVERAGE], value="60", measured_on="2025-06-30")
    set_indicator_value(db, indicator_id=ids[COVERAGE], value="72", measured_on="2025-12-31")
    set_indicator_value(db, indicator_id=ids[STANDARDS], value="120", measured_on="2025-12-31")
    set_indicator_value(db, indicator_id=ids[CENTRE], value="1", measured_on="2025-12-31")
    set_indicator_value(db, indicator_id=ids[BUILT], value="49.8", measured_on="2025-12-31")
    pane.refresh()
    bg = Qt.ItemDataRole.BackgroundRole
    behind = cell(pane, COVERAGE, IndicatorTableModel.NAME, bg)
    assert behind is not None and behind.color() == BEHIND_BG  # type: ignore[attr-defined]
    assert cell(pane, COVERAGE, IndicatorTableModel.PERCENT) == "90%"
    assert cell(pane, STANDARDS, IndicatorTableModel.NAME, bg) is None  # binding, target reached
    assert cell(pane, CENTRE, IndicatorTableModel.NAME, bg) is None  # behind, but only 预期性
    assert cell(pane, COVERAGE, IndicatorTableModel.TREND, HISTORY_ROLE) == [60.0, 72.0]
    # Just short of the target reads 99%, never a rounded-up 100%, and still counts as behind.
    assert cell(pane, BUILT, IndicatorTableModel.PERCENT) == "99%"
    assert cell(pane, BUILT, IndicatorTableModel.NAME, bg) is not None
    assert "约束性未达标 2 项" in pane.summary.text()


def test_no_plan_shows_an_empty_table(qtbot: QtBot, db: Database) -> None:
    pane, _ = open_pane(qtbot, db)
    pane.set_plan(None)
    assert pane.model.rowCount() == 0
    assert pane.enter_value() is None
    assert pane.summary.text() == "请选择方案。"


def test_history_is_drawn_as_a_line_in_the_trend_column(qtbot: QtBot, db: Database) -> None:
    pane, plan_id = open_pane(qtbot, db)
    ids = {i.name: i.id for i in list_indicators(db, plan_id=plan_id)}
    for when, value in (("2024-12-31", "30"), ("2025-06-30", "55"), ("2025-12-31", "70")):
        set_indicator_value(db, indicator_id=ids[STANDARDS], value=value, measured_on=when)
    pane.refresh()

    def line_pixels(name: str) -> int:
        rect = pane.view.visualRect(pane.model.index(row_named(pane, name), IndicatorTableModel.TREND))
        image = pane.view.viewport().grab(rect).toImage()
        return sum(
            1
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).blue() > 150 and image.pixelColor(x, y).red() < 120
        )

    assert line_pixels(STANDARDS) > 20
    assert line_pixels(CENTRE) == 0  # nothing recorded, nothing drawn


def test_a_value_entered_in_the_window_is_undone_and_redone(qtbot: QtBot, seeded_db: Database) -> None:
    """录入指标值 goes on the window's undo stack: 撤销 takes exactly that value out, 重做 puts it back."""
    from desktop.services.core.tree import list_plans
    from desktop.ui.main_window import MainWindow

    xian = next(p for p in list_plans(seeded_db) if "西安" in p.title)
    window = MainWindow(seeded_db)
    qtbot.addWidget(window)
    window.show()
    window.start()
    window.plan_combo.setCurrentIndex(window.plan_combo.findData(xian.id))
    pane = window.panes["indicators"]
    assert isinstance(pane, IndicatorsPane)
    window.tabs.setCurrentWidget(pane)
    pane.select(pane.model.rows[row_named(pane, COVERAGE)].id)
    qtbot.mouseClick(pane.enter_button, Qt.MouseButton.LeftButton)
    dialog = pane.value_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.value_edit.setFocus()
    qtbot.keyClicks(dialog.value_edit, "86.5")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    def latest() -> float | None:
        info = next(i for i in list_indicators(seeded_db, plan_id=xian.id) if i.name == COVERAGE)
        return info.latest.value if info.latest else None

    assert latest() == 86.5 and cell(pane, COVERAGE, IndicatorTableModel.LATEST) != "未填报"
    assert window.undo_action.isEnabled() and "录入指标值" in window.undo_action.text()
    window.undo_action.trigger()
    assert latest() is None
    qtbot.waitUntil(lambda: cell(pane, COVERAGE, IndicatorTableModel.LATEST) == "未填报")
    window.redo_action.trigger()
    assert latest() == 86.5
    qtbot.waitUntil(lambda: cell(pane, COVERAGE, IndicatorTableModel.LATEST) != "未填报")
    # a value the service refuses is said beside its field, and nothing lands on the undo stack
    count = window.editing.stack.count()
    qtbot.mouseClick(pane.enter_button, Qt.MouseButton.LeftButton)
    dialog = pane.value_dialog
    assert dialog is not None
    dialog.value_edit.setFocus()
    typed = QInputMethodEvent()  # Chinese arrives through the input method, as on an office PC
    typed.setCommitString("很多")
    QApplication.sendEvent(dialog.value_edit, typed)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.errors["value"].isVisible()
    assert window.editing.stack.count() == count
