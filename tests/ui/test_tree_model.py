"""The plan tree model: a correct Qt model, loaded lazily, with traffic lights and office/archived marks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from desktop.services.core.tree import children, list_plans
from desktop.services.plans.nodes import add_subtask
from desktop.services.supervision.assignments import create_assignment
from desktop.storage import Database
from desktop.ui.delegates import light_for, light_icon
from desktop.ui.tree_model import COL_LABEL, COL_LEAD, COL_STATUS, COL_TITLE, NODE_ROW_ROLE, PlanTreeModel


def _xian(db: Database):
    return next(p for p in list_plans(db) if p.title.startswith("西安"))


def test_model_passes_qt_model_tester(qtmodeltester, seeded_db: Database) -> None:
    model = PlanTreeModel(seeded_db)
    model.set_plan(_xian(seeded_db).root_id)
    qtmodeltester.check(model, force_py=True)


def test_filtered_model_passes_qt_model_tester(qtmodeltester, seeded_db: Database) -> None:
    plan = _xian(seeded_db)
    top = children(seeded_db, node_id=plan.root_id)
    model = PlanTreeModel(seeded_db)
    model.set_plan(plan.root_id)
    model.set_filter({plan.root_id, top[1].id}, {top[1].id}, "任务")
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 1


def test_children_load_only_when_a_node_is_expanded(seeded_db: Database) -> None:
    plan = _xian(seeded_db)
    model = PlanTreeModel(seeded_db)
    model.set_plan(plan.root_id)
    top = children(seeded_db, node_id=plan.root_id)
    assert model.rowCount() == len(top) == 3
    assert len(model.by_id) == 3  # nothing below the chapters is read yet
    chapter = model.index(1, 0)
    assert model.hasChildren(chapter) and model.rowCount(chapter) == 0 and model.canFetchMore(chapter)
    model.fetchMore(chapter)
    assert model.rowCount(chapter) == top[1].child_count
    assert model.index(0, COL_TITLE, chapter).data() == children(seeded_db, node_id=top[1].id)[0].title


def test_status_column_shows_lights_and_office_nodes_are_marked(seeded_db: Database) -> None:
    plan = _xian(seeded_db)
    chapter = children(seeded_db, node_id=plan.root_id)[1]
    section = children(seeded_db, node_id=chapter.id)[0]
    task = children(seeded_db, node_id=section.id)[0]
    yesterday = dt.date.today() - dt.timedelta(days=1)
    create_assignment(
        seeded_db, node_id=task.id, unit=task.lead_unit or "西安市市场监督管理局", deadline=yesterday
    )
    office = add_subtask(seeded_db, parent_id=section.id, title="本局细化措施")
    model = PlanTreeModel(seeded_db)
    model.set_plan(plan.root_id)
    index = model.ensure_loaded([chapter.id, section.id, task.id])
    assert index.siblingAtColumn(COL_STATUS).data() == "已逾期"
    assert index.siblingAtColumn(COL_STATUS).data(Qt.ItemDataRole.DecorationRole) is not None
    assert index.siblingAtColumn(COL_LEAD).data() == task.lead_unit or "西安市市场监督管理局"
    office_index = model.index_of(office.id)
    assert "自增" in office_index.siblingAtColumn(COL_LABEL).data()
    assert office_index.data(Qt.ItemDataRole.FontRole).italic()
    assert model.flags(office_index.siblingAtColumn(COL_TITLE)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(index.siblingAtColumn(COL_TITLE)) & Qt.ItemFlag.ItemIsEditable
    assert model.index_of(task.id).data(NODE_ROW_ROLE).status == "overdue"
    assert not model.parent(QModelIndex()).isValid()
    # The collapsed chapter above carries the same red light as the late task inside it.
    chapter_status = model.index_of(chapter.id).siblingAtColumn(COL_STATUS)
    assert chapter_status.data() in ("", None)
    red = light_icon("red").pixmap(14).toImage()
    assert chapter_status.data(Qt.ItemDataRole.DecorationRole).pixmap(14).toImage() == red


def test_traffic_light_rules() -> None:
    today = dt.date(2025, 6, 1)
    assert light_for("done", None, today, 7) == "done"
    assert light_for("overdue", dt.date(2025, 5, 1), today, 7) == "red"
    assert light_for("in_progress", dt.date(2025, 6, 5), today, 7) == "yellow"
    assert light_for("in_progress", dt.date(2025, 9, 1), today, 7) == "green"
    assert light_for("not_started", dt.date(2025, 9, 1), today, 7) == "grey"
    assert light_for("", None, today, 7) == ""


def test_drop_on_sibling_position_asks_to_move(qtbot: QtBot, seeded_db: Database) -> None:
    plan = _xian(seeded_db)
    model = PlanTreeModel(seeded_db)
    model.set_plan(plan.root_id)
    first = model.index(0, 0)
    data = model.mimeData([first])
    with qtbot.waitSignal(model.move_requested) as moved:
        model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert moved.args == [first.data(NODE_ROW_ROLE).id, 2]
    chapter = model.index(1, 0)
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, chapter)  # only among siblings
