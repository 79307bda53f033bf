"""The report dialog generates each kind of output in the background and can be cancelled."""

from __future__ import annotations

import datetime as dt
import threading
import time

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from report_fixtures import MARKET, seed_xian
from sqlalchemy import func, select

from desktop.clock import fixed_today
from desktop.models import Reminder
from desktop.ui import report_dialog
from desktop.ui.report_dialog import BULLETIN, LEDGER, MONTHLY, NOTICES, ReportDialog


def open_dialog(qtbot: QtBot, db, plan_id: int) -> ReportDialog:
    dialog = ReportDialog(db, plan_id=plan_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_monthly_report_for_one_unit(qtbot: QtBot, db, tmp_path):
    seed = seed_xian(db)
    dialog = open_dialog(qtbot, db, seed.plan_id)
    dialog.kind.setCurrentIndex(MONTHLY)
    dialog.month.setDate(QDate(2026, 3, 1))
    dialog.unit.setCurrentIndex(dialog.unit.findData(MARKET))
    dialog.brief.setChecked(True)
    target = tmp_path / "月报.pdf"
    dialog.output.setText(str(target))
    assert not dialog.open_button.isEnabled()
    with qtbot.waitSignal(dialog.generated, timeout=30000):
        dialog.generate_button.click()
    qtbot.waitUntil(target.exists)
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "领导简报" in text and MARKET in text and "2026年3月" in text
    assert dialog.open_button.isEnabled() and dialog.print_button.isEnabled()
    assert dialog.progress.value() == 100


def test_notices_and_ledger(qtbot: QtBot, db, tmp_path):
    seed = seed_xian(db)
    with fixed_today(dt.date(2026, 4, 2)):  # issued on 2 April: the 文号's year is the year of issue
        _notices_and_ledger(qtbot, db, tmp_path, seed)


def _notices_and_ledger(qtbot: QtBot, db, tmp_path, seed) -> None:
    dialog = open_dialog(qtbot, db, seed.plan_id)
    dialog.kind.setCurrentIndex(NOTICES)
    assert dialog.form.isRowVisible(dialog.as_of) and not dialog.form.isRowVisible(dialog.month)
    dialog.as_of.setDate(QDate(2026, 3, 31))
    notices = tmp_path / "催办.pdf"
    dialog.output.setText(str(notices))
    # A preview comes first: it is marked as such and records nothing.
    assert dialog.preview.isChecked() and dialog.form.isRowVisible(dialog.preview)
    with qtbot.waitSignal(dialog.generated, timeout=30000):
        dialog.generate_button.click()
    assert "预览稿" in PdfReader(notices).pages[0].extract_text()
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Reminder)) == 0
    dialog.preview.setChecked(False)  # 印发: numbered and recorded
    with qtbot.waitSignal(dialog.generated, timeout=30000):
        dialog.generate_button.click()
    first = PdfReader(notices).pages[0].extract_text()
    assert "督办〔2026〕1号" in first and "预览稿" not in first
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Reminder)) == 7

    dialog.kind.setCurrentIndex(LEDGER)
    ledger = tmp_path / "台账.xlsx"
    dialog.output.setText(str(ledger))
    with qtbot.waitSignal(dialog.generated, timeout=30000):
        dialog.generate_button.click()
    qtbot.waitUntil(ledger.exists)
    # 15 assignments, each a row after the title rows and the header; 未分工 tasks follow them
    assert (
        sum(
            1 for r in load_workbook(ledger).active.iter_rows(min_row=4, values_only=True) if r[9] != "未分工"
        )
        == 15
    )


def test_notices_need_a_plan_and_cancel_leaves_no_file(qtbot: QtBot, db, tmp_path, monkeypatch):
    seed = seed_xian(db)
    dialog = open_dialog(qtbot, db, seed.plan_id)
    dialog.kind.setCurrentIndex(NOTICES)
    dialog.plan.setCurrentIndex(dialog.plan.findData(None))
    with qtbot.waitSignal(dialog.failed) as failed:
        dialog.generate_button.click()
    assert "需选择一个方案" in failed.args[0]

    dialog.kind.setCurrentIndex(LEDGER)
    target = tmp_path / "台账.xlsx"
    dialog.output.setText(str(target))
    started = threading.Event()

    def slow_export(db, **kwargs):  # the real export, started once the user has pressed Cancel
        started.set()
        deadline = time.monotonic() + 20
        while not kwargs["is_cancelled"]() and time.monotonic() < deadline:
            time.sleep(0.01)
        return report_dialog.export_ledger.__wrapped__(db, **kwargs)

    slow_export.__wrapped__ = report_dialog.export_ledger  # type: ignore[attr-defined]
    monkeypatch.setattr(report_dialog, "export_ledger", slow_export)
    dialog.generate_button.click()
    assert dialog.cancel_button.isEnabled() and not dialog.generate_button.isEnabled()
    qtbot.waitUntil(started.is_set)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=30000)
    assert "已取消" in dialog.status.text()
    assert not target.exists() and not dialog.open_button.isEnabled()


def test_choosing_where_to_save_does_not_block_the_window(qtbot: QtBot, db, tmp_path):
    from PySide6.QtCore import Qt

    seed = seed_xian(db)
    dialog = open_dialog(qtbot, db, seed.plan_id)
    dialog.kind.setCurrentIndex(LEDGER)
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    chooser = dialog.file_dialog
    assert chooser is not None and chooser.isVisible() and "xlsx" in ";".join(chooser.nameFilters())
    chooser.fileSelected.emit(str(tmp_path / "台账.xlsx"))
    chooser.reject()
    assert dialog.output.text() == str(tmp_path / "台账.xlsx")


def test_every_output_is_as_of_the_day_in_the_dialog(qtbot: QtBot, db, tmp_path):
    """统计截止日期 is offered for every kind; a month's report starts at its last day; the ledger takes it."""
    seed = seed_xian(db)
    dialog = open_dialog(qtbot, db, seed.plan_id)
    dialog.kind.setCurrentIndex(MONTHLY)
    assert dialog.form.isRowVisible(dialog.as_of)
    dialog.month.setDate(QDate(2026, 3, 1))
    assert dialog.as_of.date() == QDate(2026, 3, 31)
    dialog.as_of.setDate(QDate(2026, 3, 20))  # the office counts to the 20th
    report = tmp_path / "月报.pdf"
    dialog.output.setText(str(report))
    with qtbot.waitSignal(dialog.generated, timeout=30000):
        dialog.generate_button.click()
    assert "统计截至：2026年3月20日" in "".join(p.extract_text() for p in PdfReader(report).pages)
    dialog.kind.setCurrentIndex(LEDGER)
    assert dialog.form.isRowVisible(dialog.as_of)
    ledger = tmp_path / "台账.xlsx"
    dialog.output.setText(str(ledger))
    with qtbot.waitSignal(dialog.generated, timeout=30000):
        dialog.generate_button.click()
    qtbot.waitUntil(ledger.exists)
    assert "统计截至：2026年3月20日" in str(load_workbook(ledger).active["A2"].value)


def test_the_bulletin_is_issued_from_the_window_with_the_offices_requirements(qtbot: QtBot, db, tmp_path):
    """督查通报 in 生成报表: 五、下一步工作要求 edited in the dialog, printed, and remembered for the next one."""
    seed = seed_xian(db)
    dialog = open_dialog(qtbot, db, seed.plan_id)
    dialog.kind.setCurrentIndex(BULLETIN)
    assert dialog.form.isRowVisible(dialog.requirements) and dialog.form.isRowVisible(dialog.month)
    assert "倒排工期" in dialog.requirements.toPlainText()  # the default wording to start from
    dialog.month.setDate(QDate(2026, 3, 1))
    dialog.requirements.selectAll()
    dialog.requirements.setFocus()
    typed = QInputMethodEvent()  # Chinese arrives as an input method commits it
    typed.setCommitString("各单位务必于4月10日前报送逾期任务整改说明。")
    QApplication.sendEvent(dialog.requirements, typed)
    dialog.draft.setChecked(False)  # 印发: takes 第1期
    target = tmp_path / "通报.pdf"
    dialog.output.setText(str(target))
    with qtbot.waitSignal(dialog.generated, timeout=30000):
        dialog.generate_button.click()
    text = "".join(p.extract_text() for p in PdfReader(target).pages).replace("\n", "")
    assert "各单位务必于4月10日前报送逾期任务整改说明" in text and "第1期" in text
    again = open_dialog(qtbot, db, seed.plan_id)
    again.kind.setCurrentIndex(BULLETIN)
    assert again.requirements.toPlainText() == "各单位务必于4月10日前报送逾期任务整改说明。"
    again.requirements.clear()
    again.output.setText(str(tmp_path / "空.pdf"))
    again.generate_button.click()
    assert "下一步工作要求" in again.status.text() and not (tmp_path / "空.pdf").exists()
