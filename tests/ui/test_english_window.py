"""The window in English through the real catalogue: menus, actions, tabs and Qt's buttons carry no Chinese.

Plan titles and the plan tree are the user's data and stay as printed; everything else, tab by tab, is English.
Set PLANDESK_SCREENSHOTS=folder to keep a picture of every tab in English (english_<n>_<tab>.png).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.models import (
    Checkpoint,
    Indicator,
    Plan,
    PlanNode,
    ProgressEntry,
    Responsibility,
    SupervisionItem,
    Unit,
    UnitAlias,
    WorkflowStep,
)
from desktop.services.core.tree import children, list_plans
from desktop.services.plans.matrix import short_unit_name
from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.services.supervision.checkpoints import add_checkpoints
from desktop.services.supervision.items import COLLECTION_KIND, ItemDraft, list_collections, register_item
from desktop.storage import Database
from desktop.ui.dashboard import DueTableModel
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences_dialog import PreferencesDialog
from desktop.ui.qt_fonts import install_cjk_font
from desktop.ui.settings import UiSettings
from desktop.ui.translation import choose_language, install_translators, remove_translators
from desktop.ui.tree_model import COL_STATUS
from desktop.ui.vocabulary import status_name

CJK = re.compile(r"[\u4e00-\u9fff]")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    install_translators(qapp, "en")
    yield
    remove_translators(qapp)
    QLocale.setDefault(before)


def _texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        if action.menu() is not None:
            yield from _texts(action.menu())
        elif not action.isSeparator():
            yield action.text()


def test_window_in_english_has_no_chinese_in_menus_actions_tabs_and_buttons(
    qtbot: QtBot, seeded_db: Database, english: None
) -> None:
    window = MainWindow(seeded_db)
    qtbot.addWidget(window)
    window.show()
    window.start()
    texts = [t for a in window.menuBar().actions() if a.menu() for t in _texts(a.menu())]
    texts += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "&File" in texts and "Import plan…" in texts
    assert [t for t in texts if CJK.search(t)] == []
    dialog = PreferencesDialog(seeded_db, UiSettings(), window)
    qtbot.addWidget(dialog)
    buttons = dialog.findChild(QDialogButtonBox)
    labels = [b.text() for b in buttons.buttons()]
    assert labels and [t for t in labels if CJK.search(t)] == []
    assert dialog.windowTitle() == "Preferences"


def test_the_language_follows_the_command_line_then_the_preference_else_chinese() -> None:
    assert choose_language("en", "zh_CN") == "en"
    assert choose_language(None, "en") == "en"
    assert choose_language("en_GB", "") == "en"
    assert choose_language(None, "") == "zh_CN"
    assert choose_language("de", None) == "zh_CN"  # no German catalogue: the source language


def test_every_window_string_has_a_finished_english_translation() -> None:
    """A string added to the window without a translation is caught here (scripts/update_translations.py)."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--check", "en"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stdout + out.stderr


# ---- every tab in English ------------------------------------------------------------------------------------
SHOTS = os.environ.get("PLANDESK_SCREENSHOTS", "")


def not_the_windows_words(window: MainWindow) -> dict[QWidget, str]:
    """The few widgets whose text is not the window's own words, each with the reason."""
    pane = window.panes["evaluation"]
    report = "the 评估 tab's draft of the evaluation report, printed in Chinese like every report"
    return {
        pane.summary: report,
        pane.indicators: report,
        pane.chapters: report,
        pane.units: report,
        pane.behind: report,
        pane.problems: report,
        pane.suggestions: report,
        pane.detail: report,
        window.detail.path_label: "the node's path: outline labels and (shortened) titles, plan data",
        window.extra.history.table: "the 历史 tab's audit trail: what changed, old and new values, cause, as recorded",
    }


def plan_data(db: Database) -> list[str]:
    """What the office and the documents wrote, by field; these stay as printed in any language.

    A 督办事项 collection's own title is not among them: the services name it (2026年督办事项) and the window
    shows it in its language.
    """
    with db.read() as s:
        collections = {
            p.id for p in s.scalars(select(Plan)) if (p.extra or {}).get("kind") == COLLECTION_KIND
        }
        found: set[str] = set()
        for p in s.scalars(select(Plan).where(Plan.id.not_in(collections))):
            found |= {p.title, p.issuer, p.doc_number, p.short_name, p.source_name}
        for n in s.scalars(select(PlanNode)):
            if not (n.plan_id in collections and n.kind == "root"):
                found |= {n.label, n.title, n.text}
        names = set(s.scalars(select(Unit.name)))
        found |= names | {short_unit_name(n) for n in names}
        found |= set(s.scalars(select(UnitAlias.alias))) | set(s.scalars(select(Responsibility.raw_name)))
        for i in s.scalars(select(Indicator)):
            found |= {i.field, i.name, i.unit_of_measure, i.target_text, i.baseline}
        for e in s.scalars(select(ProgressEntry)):
            found |= {e.text, e.problems, e.next_steps, e.entered_by}
        for w in s.scalars(select(WorkflowStep)):
            found |= {w.actor, w.note}
        found |= set(s.scalars(select(Checkpoint.title)))
        for item in s.scalars(select(SupervisionItem)):
            found |= {item.leader, item.doc_ref, item.meeting_name, item.meeting_session, item.sender}
    found.add(db.operator)
    return sorted((t for t in found if t), key=len, reverse=True)


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a QListWidget's model keeps columnCount private: one column
        return 1


def _model_texts(model: QAbstractItemModel, parent: QModelIndex = QModelIndex()) -> Iterator[str]:
    columns = _columns(model, parent)
    if not parent.isValid():
        for c in range(columns):
            yield str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
    for r in range(model.rowCount(parent)):
        for c in range(columns):
            yield str(model.index(r, c, parent).data(Qt.ItemDataRole.DisplayRole) or "")
        first = model.index(r, 0, parent)
        if model.rowCount(first):
            yield from _model_texts(model, first)


def _own(widget: QWidget, skipped: set[QWidget]) -> bool:
    while widget is not None:
        if widget in skipped:
            return False
        widget = widget.parentWidget()
    return True


def shown_texts(window: MainWindow, skipped: set[QWidget]) -> Iterator[tuple[str, str]]:
    """(where, text) of every visible label, button, group, tab, combo item, field and item view cell."""
    for w in [window, *window.findChildren(QWidget)]:
        if not w.isVisible() or not _own(w, skipped) or isinstance(w, QHeaderView):
            continue
        where = f"{type(w).__name__} {w.objectName()}".strip()
        texts: list[str] = []
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QLineEdit):
            texts += [w.placeholderText(), w.text()]
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            texts += [w.placeholderText(), w.toPlainText()]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            texts += list(_model_texts(w.model()))
        for text in texts:
            yield where, text


def _sample(db: Database) -> dict[str, int]:
    """Assignments (lead and co) with every kind of warning, a missed milestone, progress and a 督办事项."""
    today = dt.date.today()
    plan = list_plans(db)[0]
    tasks = []
    queue = [plan.root_id]
    while queue and len(tasks) < 2:
        for row in children(db, node_id=queue.pop(0)):
            if row.kind == "task":
                tasks.append(row.id)
            queue.append(row.id)
    days = dt.timedelta
    xian, beijing = "西安市市场监督管理局", "北京市市场监督管理局"
    late = create_assignment(
        db, node_id=tasks[0], unit=xian, start_date=today - days(200), deadline=today - days(3)
    )
    create_assignment(
        db, node_id=tasks[0], unit=beijing, role="co", start_date=today - days(100), deadline=today + days(3)
    )
    create_assignment(
        db, node_id=tasks[1], unit=xian, start_date=today - days(300), deadline=today + days(30)
    )
    add_progress(db, assignment_id=late.id, period=f"{today:%Y-%m}", text="完成选址", percent=30)
    add_checkpoints(db, node_id=tasks[1], targets=[(today - days(10), 50, "完成方案编制")])
    item = ItemDraft(
        title="关于碳计量中心建设的批示",
        source="instruction",
        received_on=today - days(10),
        unit=xian,
        leader="王区长",
    )
    register_item(db, draft=item, create_units=True)
    return {"plan": plan.id, "task": tasks[0], "assignment": late.id}


def test_every_tab_in_english_shows_no_chinese_but_the_plan_data(
    qtbot: QtBot, seeded_db: Database, english: None, qapp: QApplication
) -> None:
    font = qapp.font()
    if SHOTS:  # before any widget exists, so the layouts are sized with the Chinese font of the plan data
        install_cjk_font(qapp)
    try:
        _check_every_tab(qtbot, seeded_db)
    finally:
        qapp.setFont(font)


def shoot(widget: QWidget, name: str) -> None:
    folder = Path(SHOTS)
    folder.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    widget.grab().save(str(folder / f"{name}.png"))


def _check_widths(window: MainWindow) -> None:
    """Nothing the window says is cut off: the tree's status column holds each status with its light, and the
    总览's due list keeps room for the task beside its short columns."""
    metrics = window.tree.fontMetrics()
    widest = max(metrics.horizontalAdvance(status_name(c)) for c in ("not_started", "in_progress", "overdue"))
    assert window.tree.columnWidth(COL_STATUS) >= widest + 16
    due = window.panes["dashboard"].due_view
    QApplication.processEvents()
    assert due.model().rowCount() > 0
    assert due.columnWidth(DueTableModel.TASK) >= due.fontMetrics().horizontalAdvance("M") * 12


def _check_every_tab(qtbot: QtBot, db: Database) -> None:
    ids = _sample(db)
    data = plan_data(db)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    window.start()
    skipped = set(not_the_windows_words(window))
    problems: list[str] = []
    tabs = window.tabs
    plans = {window.plan_combo.itemData(i): i for i in range(window.plan_combo.count())}
    collection = plans[list_collections(db)[0].plan_id]
    for plan_index in (plans[ids["plan"]], collection):
        window.plan_combo.setCurrentIndex(plan_index)
        if plan_index == plans[ids["plan"]]:
            assert window.select_node(ids["task"])
            table = window.detail.table
            table.selectionModel().setCurrentIndex(
                table.model().index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            QApplication.processEvents()
            name = tabs.tabText(i)
            for where, text in shown_texts(window, skipped):
                rest = text.replace("\n", "")
                for piece in data:
                    rest = rest.replace(piece, "")
                if CJK.search(rest):
                    problems.append(f"{name}: {where}: {text[:100]!r}")
            if plan_index == plans[ids["plan"]] and tabs.currentWidget() is window.panes["dashboard"]:
                _check_widths(window)
            if SHOTS and plan_index == plans[ids["plan"]]:
                shoot(window, f"english_{i:02d}_{name.replace(' ', '_')}")
        if SHOTS:  # the tree's right-hand columns (status, progress), and the 督办事项 collection's tree
            bar = window.tree.horizontalScrollBar()
            bar.setValue(bar.maximum())
            shoot(window.tree, "english_tree_" + ("plan" if plan_index == plans[ids["plan"]] else "items"))
            bar.setValue(0)
    assert not problems, "Chinese beyond the plan data:\n" + "\n".join(dict.fromkeys(problems))
