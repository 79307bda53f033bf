"""The 督办事项 tab and its registration form on real widgets: fields by source, the live working-day deadline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from supervision_setup import load_small_plan

from desktop.services.supervision.items import ItemDraft, list_items, register_item
from desktop.storage import Database
from desktop.ui.supervision.items_pane import ItemDialog, ItemsPane

D = dt.date


def type_chinese(widget: QWidget, text: str) -> None:
    """Chinese arrives as an input method's commit string (keyClicks cannot send it)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def district(db: Database, qapp: QApplication) -> Database:
    load_small_plan(db)
    return db


def test_the_form_shows_the_sources_fields_and_the_deadline_in_working_days(
    qtbot: QtBot, district: Database
) -> None:
    dialog = ItemDialog(district, today=D(2026, 2, 12))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.leader.isVisible() and not dialog.meeting.isVisible()
    assert dialog.rule.text() == "5个工作日"
    assert dialog.deadline_label.text().startswith("2026-02-26（星期四）")
    dialog.source.setCurrentIndex(dialog.source.findData("meeting"))
    assert dialog.meeting.isVisible() and not dialog.leader.isVisible()
    assert dialog.rule.text() == "30个工作日"
    dialog.received.setDate(QDate(2026, 9, 28))
    assert dialog.deadline_label.text().startswith(
        "2026-11-13（星期五）"
    )  # Golden Week, then Sat 10 Oct worked
    dialog.received.setDate(QDate(2026, 12, 28))
    assert "没有2027年的法定节假日安排" in dialog.deadline_label.text()
    dialog.rule.clear()
    type_chinese(dialog.rule, "五天")
    assert "无法识别" in dialog.deadline_label.text()


def test_registering_from_the_form_adds_the_item_and_refuses_plainly(
    qtbot: QtBot, district: Database
) -> None:
    pane = ItemsPane(district, today=D(2026, 2, 13))
    qtbot.addWidget(pane)
    pane.show()
    assert pane.table.rowCount() == 0
    dialog = pane.open_register()
    dialog.received.setDate(QDate(2026, 2, 12))
    dialog.instructed.setDate(QDate(2026, 2, 11))
    type_chinese(dialog.title_edit, "关于碳计量中心建设的批示")
    type_chinese(dialog.unit, "区市场监管局")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert "须填写批示人" in dialog.error.text() and dialog.isVisible()
    assert list_items(district) == []
    type_chinese(dialog.leader, "王区长")
    with qtbot.waitSignal(pane.changed):
        ok.click()
    assert not dialog.isVisible()
    assert [i.deadline for i in list_items(district)] == [D(2026, 2, 26)]
    assert pane.year.currentText() == "2026年"
    row = [pane.table.item(0, j).text() for j in range(pane.table.columnCount())]
    assert row[:3] == ["领导批示件", "1.", "关于碳计量中心建设的批示"]
    assert row[6:8] == ["2026-02-26", "剩余4个工作日"]
    assert row[8].startswith("王区长批示")


def test_overdue_items_are_marked_and_a_notice_file_is_loaded(
    qtbot: QtBot, district: Database, tmp_path: Path
) -> None:
    draft = ItemDraft(
        title="上年度事项", source="letter", received_on=D(2026, 12, 21), unit="区科委", sender="张某"
    )
    register_item(district, draft=draft)
    pane = ItemsPane(district, today=D(2027, 1, 20))
    qtbot.addWidget(pane)
    assert pane.table.rowCount() == 0, "read when shown, not when the window is built"
    pane.show()
    assert pane.table.item(0, 7).text() == "已逾期7个工作日（按周一至周五估算）"  # due Mon 11 Jan
    assert "没有2027年" in pane.message.text()
    f = tmp_path / "2027.csv"
    f.write_text("2027-01-01,休\n2027-01-04,休\n", encoding="utf-8")
    pane.load_calendar(str(f))
    assert "已导入 2027 年放假安排：放假 2 天" in pane.message.text()
    assert "1 件督办事项的截止日期已按新安排重算" in pane.message.text()
    assert pane.table.item(0, 6).text() == "2027-01-13"
    assert pane.table.item(0, 7).text() == "已逾期5个工作日"


def test_the_window_has_the_items_tab_and_menu_and_opens_an_item(qtbot: QtBot, district: Database) -> None:
    from desktop.ui.main_window import MainWindow

    info = register_item(
        district,
        draft=ItemDraft(
            title="群众来信答复", source="letter", received_on=D(2026, 3, 2), unit="区科委", sender="张某"
        ),
    )
    window = MainWindow(district)
    qtbot.addWidget(window)
    window.show()
    window.start()
    pane = window.extra.items
    titles = [a.text() for a in window.menu_supervision.actions()]
    assert "登记督办事项…" in titles and "导入放假安排…" in titles
    window.tabs.setCurrentWidget(pane)
    assert pane.table.item(0, 2).text() == "群众来信答复"
    pane.table.cellDoubleClicked.emit(0, 2)
    assert window.current_plan().title == "2026年督办事项"
    assert window.current_node().id == info.node_id
    assert window.tabs.currentWidget() is window.detail


def test_an_excel_list_is_previewed_remapped_and_imported(
    qtbot: QtBot, district: Database, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["事项", "单位", "日期", "来源", "领导", "文号"])
    ws.append(["落实碳计量批示", "区市场监管局", "2026-02-12", "领导批示件", "王区长", "区委办〔2026〕3号"])
    ws.append(["答复群众来信", "区科委", "2026-02-13", "来信", "", ""])
    path = tmp_path / "清单.xlsx"
    wb.save(path)
    pane = ItemsPane(district, today=D(2026, 2, 13))
    qtbot.addWidget(pane)
    dialog = pane.preview_list(str(path))
    # 单位 and 日期 are not headers PlanDesk recognises: the office maps those columns by hand.
    assert dialog.columns["title"].currentData() == "A" and dialog.columns["unit"].currentData() == ""
    assert not dialog.import_button.isEnabled()
    assert any("责任单位" in dialog.errors.item(i).text() for i in range(dialog.errors.count()))
    dialog.columns["unit"].setCurrentIndex(dialog.columns["unit"].findData("B"))
    dialog.columns["received_on"].setCurrentIndex(dialog.columns["received_on"].findData("C"))
    dialog.columns["leader"].setCurrentIndex(dialog.columns["leader"].findData("E"))
    dialog.columns["doc_ref"].setCurrentIndex(dialog.columns["doc_ref"].findData("F"))
    assert dialog.errors.count() == 0 and dialog.import_button.isEnabled()
    assert "可导入事项 2 件" in dialog.summary.text()
    with qtbot.waitSignal(pane.changed):
        dialog.import_button.click()
    assert pane.message.text() == "已导入 2 件督办事项。"
    assert pane.table.rowCount() == 2
    assert [i.deadline for i in list_items(district)] == [
        D(2026, 2, 26),
        D(2026, 3, 12),
    ]  # 5 and 15 working days


def test_an_item_is_withdrawn_from_the_tab_after_asking(qtbot: QtBot, district: Database) -> None:
    from PySide6.QtWidgets import QMessageBox

    register_item(
        district, draft=ItemDraft(title="登记错了", source="letter", received_on=D(2026, 3, 2), unit="区科委")
    )
    pane = ItemsPane(district, today=D(2026, 3, 3))
    qtbot.addWidget(pane)
    pane.show()
    assert pane.confirm_withdraw() is None and "请先在表中选择" in pane.message.text()
    pane.table.setCurrentCell(0, 2)
    box = pane.confirm_withdraw()
    assert box is not None and "登记错了" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert list_items(district) == [] and pane.message.text() == "已撤销登记。"
