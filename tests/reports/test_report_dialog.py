"""The report dialog generates each kind of output in the background and can be cancelled."""

from __future__ import annotations

import threading
import time

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot
from report_fixtures import MARKET, seed_xian
from sqlalchemy import func, select

from desktop.models import Reminder
from desktop.ui import report_dialog
from desktop.ui.report_dialog import LEDGER, MONTHLY, NOTICES, ReportDialog


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
