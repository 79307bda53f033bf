"""The 评估 tab and the indicator warnings in the 预警 tab, with real widgets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from eval_setup import load_evaluated_plan
from PySide6.QtCore import QDate
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from desktop.storage import Database
from desktop.ui.evaluation_view import EvaluationPane, attach_indicator_warnings
from desktop.ui.supervision.tables import WarningsView


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        pytest.fail("a blocking dialog was opened (use open()/show())")

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)
    for name in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, refuse)


def type_text(widget: object, text: str) -> None:
    """Chinese arrives as an input method's commit string (keyClicks cannot send it)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)  # type: ignore[arg-type]


def test_pane_shows_verdicts_chart_and_exports_the_edited_report(qtbot, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids = load_evaluated_plan(db)
    pane = EvaluationPane(db)
    qtbot.addWidget(pane)
    pane.resize(1000, 800)
    pane.show()
    pane.set_plan(ids["plan"])
    # Mid-term: half way between 2024-03-01 and 2025-12-31.
    assert (
        pane.as_of.date().toPython()
        == dt.date(2024, 3, 1) + (dt.date(2025, 12, 31) - dt.date(2024, 3, 1)) / 2
    )
    pane.as_of.setDate(QDate(2025, 1, 31))
    table = pane.indicators
    assert table.rowCount() == 2
    names = [table.item(r, 1).text() for r in range(2)]
    standards = names.index("社会公用计量标准（项）")
    assert "预警" in table.item(standards, 8).text()
    assert table.item(standards, 1).background().color().name() == "#fbe3e3"
    table.setCurrentCell(standards, 1)
    assert pane.chart.evaluation is not None and pane.chart.evaluation.name == "社会公用计量标准（项）"
    assert not pane.chart.grab().isNull()
    assert "尚需年均 +30" in pane.detail.text()  # (50 − 20) in the one year left
    assert pane.units.rowCount() == 3 and pane.behind.rowCount() == 1

    with qtbot.waitSignal(pane.node_activated) as activated:
        pane.behind.cellDoubleClicked.emit(0, 0)
    assert activated.args == [ids["task2"]]

    pane.suggestions.setFocus()
    pane.suggestions.selectAll()
    type_text(pane.suggestions, "加快建设社会公用计量标准")
    out = tmp_path / "评估.docx"
    with qtbot.waitSignal(pane.exported, timeout=20000):
        assert pane.export_to(str(out)) is not None
    paragraphs = [p.text for p in Document(str(out)).paragraphs]
    at = paragraphs.index("五、下一步建议")
    assert paragraphs[at + 1] == "1. 加快建设社会公用计量标准"

    pane.kind.setCurrentIndex(1)  # 年度评估: the end of last year
    assert pane.as_of.date().toPython() == dt.date(dt.date.today().year - 1, 12, 31)


def test_base_form_saves_and_reports_errors(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = load_evaluated_plan(db)
    pane = EvaluationPane(db)
    qtbot.addWidget(pane)
    pane.set_plan(ids["plan"])
    row = next(r for r in range(pane.indicators.rowCount()) if pane.indicators.item(r, 1).text() == "覆盖率")
    pane.indicators.setCurrentCell(row, 1)
    assert (
        pane.indicators.item(row, 4).text() == "2023年 70*（2023-12-31）"
    )  # a value of the base year stands in
    dialog = pane.edit_base()
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.year_edit, "2022")
    dialog.value_edit.setFocus()
    type_text(dialog.value_edit, "六十五")
    dialog.save()
    assert "不是数字" in dialog.error.text() and dialog.isVisible()
    dialog.value_edit.clear()
    qtbot.keyClicks(dialog.value_edit, "65")
    qtbot.keyClicks(dialog.stages_edit, "2030:95")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert not dialog.isVisible()
    assert pane.indicators.currentRow() == row
    assert pane.indicators.item(row, 4).text() == "2022年 65"


def test_export_refuses_other_formats(qtbot, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids = load_evaluated_plan(db)
    pane = EvaluationPane(db)
    qtbot.addWidget(pane)
    pane.set_plan(ids["plan"])
    assert pane.export_to(str(tmp_path / "x.xlsx")) is None
    assert "只能保存为 .pdf 或 .docx" in pane.message.text()
    dialog = pane.choose_export(".pdf")
    assert dialog is not None and dialog.defaultSuffix() == "pdf"
    dialog.close()


def test_warnings_tab_lists_binding_indicators_that_will_miss(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = load_evaluated_plan(db)
    view = WarningsView(db)
    qtbot.addWidget(view)
    box = attach_indicator_warnings(view)
    view.set_as_of(dt.date(2025, 1, 31))
    view.set_plan(ids["plan"])
    assert not box.isHidden()
    assert "约束性指标预警 1 项" in box.text() and "社会公用计量标准（项）" in box.text()
