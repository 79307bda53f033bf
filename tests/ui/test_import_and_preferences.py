"""Importing a plan through the window, preferences, and what the window remembers between starts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.services.core.filters import filter_nodes
from desktop.services.core.settings import get_setting
from desktop.services.core.tree import list_plans
from desktop.storage import Database
from desktop.ui.import_dialog import ImportPreviewDialog
from desktop.ui.main_window import MainWindow

XIAN = Path(__file__).resolve().parents[2] / "resources" / "plans" / "xian_jiliang_2024.txt"


def _window(qtbot: QtBot, db: Database) -> MainWindow:
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    win.start()
    return win


def _load_again_as_separate_plan(qtbot: QtBot, controller) -> ImportPreviewDialog:
    """The seed plan is already in the database: answer the question with 作为另一个方案导入."""
    with qtbot.waitSignal(controller.duplicate_asked, timeout=20000) as asked:
        controller.load(str(XIAN))
    separate = next(b for b in asked.args[0].buttons() if b.text() == "作为另一个方案导入")
    with qtbot.waitSignal(controller.preview_shown, timeout=20000) as shown:
        separate.click()
    return shown.args[0]


def test_import_previews_then_stores_the_plan(qtbot: QtBot, seeded_db: Database) -> None:
    window = _window(qtbot, seeded_db)
    assert window.import_action.shortcuts()[0].toString() == "Ctrl+O"
    window.open_import()
    controller = window.importer
    assert controller.file_dialog is not None and controller.file_dialog.isVisible()  # not blocking
    controller.file_dialog.reject()
    preview = _load_again_as_separate_plan(qtbot, controller)
    assert preview.isVisible()
    assert preview.tree.topLevelItemCount() == 3
    assert "识别结果" in preview.review.toPlainText()
    # every label, （一） under its chapter and 1. under its section, fits beside its indentation unelided
    metrics, step = preview.tree.fontMetrics(), preview.tree.indentation()
    needed, stack = 0, [(preview.tree.topLevelItem(i), 1) for i in range(preview.tree.topLevelItemCount())]
    while stack:
        item, depth = stack.pop()
        needed = max(needed, depth * step + metrics.horizontalAdvance(item.text(0)))
        stack.extend((item.child(k), depth + 1) for k in range(item.childCount()))
    assert preview.tree.columnWidth(0) >= needed
    assert len(list_plans(seeded_db)) == 2  # nothing stored before OK
    with qtbot.waitSignal(controller.imported, timeout=20000) as imported:
        preview.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    plans = list_plans(seeded_db)
    assert len(plans) == 3 and plans[-1].id == imported.args[0]
    assert window.current_plan().id == imported.args[0]
    assert window.model.rowCount() == 3


def test_cancelled_preview_stores_nothing(qtbot: QtBot, seeded_db: Database) -> None:
    window = _window(qtbot, seeded_db)
    window.open_import()
    controller = window.importer
    preview = _load_again_as_separate_plan(qtbot, controller)
    preview.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert len(list_plans(seeded_db)) == 2


def test_unreadable_file_reports_a_message(qtbot: QtBot, seeded_db: Database, tmp_path: Path) -> None:
    window = _window(qtbot, seeded_db)
    empty = tmp_path / "空白.txt"
    empty.write_text("   \n", encoding="utf-8")
    window.open_import()
    with qtbot.waitSignal(window.importer.failed, timeout=20000) as failed:
        window.importer.load(str(empty))
    assert "空白.txt" in failed.args[0] and "空文件" in failed.args[0]
    assert failed.args[0] in window.error_label.text()
    assert len(list_plans(seeded_db)) == 2


def test_preferences_store_operator_unit_days_and_font(
    qtbot: QtBot, seeded_db: Database, tmp_path: Path
) -> None:
    window = _window(qtbot, seeded_db)
    window.open_preferences()
    dialog = window.preferences
    assert dialog.isVisible()
    dialog.operator.setText("李四")
    dialog.my_unit.setText("西安市科学技术局")
    dialog.my_unit_only.setChecked(True)
    dialog.due_days.setValue(14)
    dialog.font_path.setText(str(tmp_path / "missing.ttf"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "找不到字体文件" in dialog.error_label.text()
    font = tmp_path / "report.ttf"
    font.write_bytes(b"\0")
    dialog.font_path.setText(str(font))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert get_setting(seeded_db, "report.font_path") == str(font)
    assert seeded_db.operator == "李四"
    assert window.model.due_soon_days == 14
    # "My unit" now limits the tree to what the unit is responsible for.
    plan_id = window.current_plan().id
    expected = set(filter_nodes(seeded_db, plan_id=plan_id, unit="西安市科学技术局"))
    assert window.my_unit_action.isChecked()
    assert window.model.matches == expected and expected


def test_window_remembers_plan_and_layout(qtbot: QtBot, seeded_db: Database) -> None:
    window = _window(qtbot, seeded_db)
    window.plan_combo.setCurrentIndex(1)
    beijing = window.current_plan().id
    window.splitter.setSizes([900, 500])
    window.tree.setColumnWidth(1, 333)
    sizes = window.splitter.sizes()
    window.close()
    again = _window(qtbot, seeded_db)
    assert again.current_plan().id == beijing
    # The screen may clamp the restored window; the detail side keeps the width the user gave it.
    assert again.splitter.sizes()[1] == sizes[1]
    assert again.tree.columnWidth(1) == 333


def test_pane_tabs_follow_the_plan_and_jump_to_tasks(qtbot: QtBot, seeded_db: Database) -> None:
    window = _window(qtbot, seeded_db)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "详情",
        "总览",
        "任务分工表",
        "指标",
        "评估",
        "预警",
        "报送情况",
        "考核",
        "对接情况",
        "办理",
        "督办事项",
        "报送台账",
        "历史",
    ]
    window.tabs.setCurrentWidget(window.panes["indicators"])
    assert window.panes["indicators"].plan_id == window.current_plan().id
    node = window.model.index(1, 0).data(Qt.ItemDataRole.UserRole + 1)
    window.panes["matrix"].node_activated.emit(node)
    assert window.tabs.currentWidget() is window.detail
    assert window.current_node().id == node


def test_menus_are_reachable_for_later_actions(qtbot: QtBot, seeded_db: Database) -> None:
    window = _window(qtbot, seeded_db)
    titles = [
        m.title()
        for m in (
            window.menu_file,
            window.menu_edit,
            window.menu_view,
            window.menu_reports,
            window.menu_exchange,
            window.menu_supervision,
            window.menu_help,
        )
    ]
    assert [t.split("(")[0] for t in titles] == ["文件", "编辑", "视图", "报表", "数据交换", "督办", "帮助"]
    assert "Ctrl+Y" in [s.toString() for s in window.redo_action.shortcuts()]


def test_the_offices_own_name_and_code_are_set_in_preferences(
    qtbot: QtBot, seeded_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from desktop.cli import main
    from desktop.services.reporting.notices import notice_settings

    def type_chinese(widget, text: str) -> None:  # type: ignore[no-untyped-def]
        widget.setFocus()
        widget.selectAll()
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)

    window = _window(qtbot, seeded_db)
    window.open_preferences()
    dialog = window.preferences
    assert dialog.office_box.isVisible()
    fields = dialog.office_fields
    type_chinese(fields["office"], "某某区人民政府督查室")
    type_chinese(fields["prefix"], "区督〔查")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    # a 机关代字 with a bracket cannot make a 文号: said beside the form, the field focused, nothing saved
    assert dialog.isVisible() and "机关代字" in dialog.error_label.text()
    assert dialog.focusWidget() is fields["prefix"]
    assert notice_settings(seeded_db).office == ""
    type_chinese(fields["prefix"], "区督查")
    type_chinese(fields["contact_person"], "王五")
    fields["contact_phone"].setFocus()
    qtbot.keyClicks(fields["contact_phone"], "029-12345678")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    stored = notice_settings(seeded_db)
    assert (stored.office, stored.prefix, stored.contact_person, stored.contact_phone) == (
        "某某区人民政府督查室",
        "区督查",
        "王五",
        "029-12345678",
    )
    # the command line shows and changes the same settings
    url = str(seeded_db.url)
    assert main(["--db", url, "office", "show"]) == 0
    assert "发文机关：某某区人民政府督查室" in capsys.readouterr().out
    assert main(["--db", url, "office", "set", "--cc", "区委办公室"]) == 0
    assert notice_settings(seeded_db).cc == "区委办公室" and notice_settings(seeded_db).prefix == "区督查"


def test_a_file_bundling_two_plans_previews_each_on_its_own(
    qtbot: QtBot, seeded_db: Database, tmp_path: Path
) -> None:
    """A 汇编 of two plans: the preview says so and shows the first; choosing the second in the list shows
    that plan alone (its own tasks and units), and importing it stores that plan only."""
    bundle = tmp_path / "民生实事方案汇编.txt"
    bundle.write_text(
        "某市城市更新行动方案\n一、总体要求\n到2025年，完成老旧小区改造100个。\n二、重点任务\n"
        "1.完善基础设施。（责任单位：市住房城乡建设局）\n2.增加公共空间。（责任单位：市自然资源和规划局）\n\n"
        "某市养老服务提升方案\n一、工作目标\n到2025年，建成社区养老服务中心50个。\n二、主要任务\n"
        "1.建设社区养老服务中心。（责任单位：市民政局）\n2.发展助餐服务。（责任单位：市商务局）\n",
        encoding="utf-8",
    )
    window = _window(qtbot, seeded_db)
    window.open_import()
    controller = window.importer
    assert controller.file_dialog is not None
    controller.file_dialog.reject()
    with qtbot.waitSignal(controller.preview_shown, timeout=20000) as shown:
        controller.load(str(bundle))  # the file the user picked in the dialog
    first: ImportPreviewDialog = shown.args[0]
    assert first.part.isVisible() and first.part.count() == 2
    assert "本文件包含 2 个方案" in first.review.toPlainText()
    with qtbot.waitSignal(controller.preview_shown, timeout=20000) as shown:
        qtbot.keyClick(first.part, Qt.Key.Key_Down)  # the user picks the second plan in the list
    second: ImportPreviewDialog = shown.args[0]
    assert not first.isVisible()
    assert second.part.currentIndex() == 1
    assert second.properties.values()["title"] == "某市养老服务提升方案"
    units = {second.tree.topLevelItem(1).child(k).text(3) for k in range(2)}
    assert units == {"市民政局", "市商务局"}
    with qtbot.waitSignal(controller.imported, timeout=20000) as imported:
        second.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    titles = {p.title for p in list_plans(seeded_db)}
    assert "某市养老服务提升方案" in titles and "某市城市更新行动方案" not in titles
    assert imported.args[0]
