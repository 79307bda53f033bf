"""The 报送台账 tab: coloured months per unit, the ranking with its method beside it and the events behind it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_reporting_ledger import MARKET, REFORM, quarter  # noqa: F401 - the fixture

from desktop.storage import Database
from desktop.ui.supervision.timeliness_pane import FILLS, TimelinessPane


def test_the_tab_shows_the_ledger_ranking_method_and_events(
    qtbot: QtBot,
    db: Database,
    quarter: dict[str, int],  # noqa: F811
    qapp: QApplication,
    tmp_path: Path,
) -> None:
    pane = TimelinessPane(db, today=dt.date(2026, 4, 10))
    qtbot.addWidget(pane)
    pane.set_range("2026-01", "2026-04", dt.date(2026, 4, 10))
    table = pane.ledger_table
    headers = [table.horizontalHeaderItem(j).text() for j in range(table.columnCount())]
    assert headers == ["单位", "2026-01", "2026-02", "2026-03", "2026-04", "按时", "迟报", "未报"]
    rows = {
        table.item(i, 0).text(): [table.item(i, j).text() for j in range(1, 8)]
        for i in range(table.rowCount())
    }
    assert rows[MARKET] == ["按时 01-20", "迟报 02-27", "未报", "未到期", "1", "1", "1"]
    market = next(i for i in range(table.rowCount()) if table.item(i, 0).text() == MARKET)
    assert table.item(market, 2).background().color() == FILLS["late"]
    assert "应于 2026-02-25 前报送" in table.item(market, 2).toolTip()
    assert pane.method.text().startswith("计分办法：按时反馈 +1分/月")
    assert [pane.ranking_table.item(i, 1).text() for i in range(3)] == [REFORM, "区科委", MARKET]
    pane.ranking_table.setCurrentCell(2, 1)
    events = [pane.events_table.item(i, 1).text() for i in range(pane.events_table.rowCount())]
    assert events == ["按时反馈", "迟报", "被退回", "未报", "逾期"]
    pane.first.setText("2026-13")
    pane.refresh()
    assert "报告期“2026-13”无效" in pane.message.text()
    pane.set_range("2026-01", "2026-03", dt.date(2026, 4, 10))
    pane.export("ledger", str(tmp_path / "台账.xlsx"))
    assert pane.message.text().startswith("已导出")
    assert load_workbook(tmp_path / "台账.xlsx")["报送台账"]["B3"].value is not None
