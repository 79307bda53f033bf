"""Task decomposition services: office sub-tasks can be added, retitled, reordered and deleted."""

from __future__ import annotations

import pytest

from desktop.errors import ConflictError, PlanDeskError
from desktop.services.core.tree import children, list_plans
from desktop.services.plans.nodes import add_subtask, delete_node, move_node, node_uid, rename_node
from desktop.services.plans.plan_import import import_plan
from desktop.services.supervision.assignments import create_assignment
from desktop.storage import Database

from factories import small_plan


def _task(db: Database):
    import_plan(db, parsed=small_plan(), backup=False)
    root = list_plans(db)[0].root_id
    chapter = children(db, node_id=root)[0]
    section = children(db, node_id=chapter.id)[0]
    return children(db, node_id=section.id)[0]


def test_subtasks_are_office_nodes_in_order(db: Database) -> None:
    task = _task(db)
    a = add_subtask(db, parent_id=task.id, title="第一步")
    b = add_subtask(db, parent_id=task.id, title="第二步")
    c = add_subtask(db, parent_id=task.id, title="插在最前", position=0)
    assert [r.title for r in children(db, node_id=task.id)] == ["插在最前", "第一步", "第二步"]
    assert [r.position for r in children(db, node_id=task.id)] == [0, 1, 2]
    assert {a.origin, b.origin, c.origin} == {"office"} and a.kind == "item"
    assert children(db, node_id=task.parent_id)[0].child_count == 3


def test_rename_only_office_nodes_and_guard_versions(db: Database) -> None:
    task = _task(db)
    sub = add_subtask(db, parent_id=task.id, title="草稿")
    renamed = rename_node(db, node_id=sub.id, title="定稿", expected_version=sub.version)
    assert renamed.title == "定稿" and renamed.version == sub.version + 1
    with pytest.raises(ConflictError, match="已被他人修改"):
        rename_node(db, node_id=sub.id, title="再改", expected_version=sub.version)
    with pytest.raises(PlanDeskError, match="不能改标题"):
        rename_node(db, node_id=task.id, title="改原文")
    with pytest.raises(PlanDeskError, match="标题"):
        rename_node(db, node_id=sub.id, title="  ")
    assert children(db, node_id=task.id)[0].title == "定稿"


def test_move_reorders_any_siblings(db: Database) -> None:
    task = _task(db)
    siblings = children(db, node_id=task.parent_id)
    move_node(db, node_id=siblings[0].id, position=len(siblings) - 1)
    after = children(db, node_id=task.parent_id)
    assert [r.id for r in after] == [s.id for s in siblings[1:]] + [siblings[0].id]
    with pytest.raises(PlanDeskError, match="超出范围"):
        move_node(db, node_id=task.id, position=99)


def test_delete_only_empty_office_nodes_and_restore_keeps_uid(db: Database) -> None:
    task = _task(db)
    sub = add_subtask(db, parent_id=task.id, title="可删")
    inner = add_subtask(db, parent_id=sub.id, title="下一级")
    with pytest.raises(PlanDeskError, match="不能删除"):
        delete_node(db, node_id=task.id)
    with pytest.raises(PlanDeskError, match="还有子任务"):
        delete_node(db, node_id=sub.id)
    create_assignment(db, node_id=inner.id, unit="区科委")
    with pytest.raises(PlanDeskError, match="已有分工"):
        delete_node(db, node_id=inner.id)
    other = add_subtask(db, parent_id=task.id, title="另一个")
    uid = node_uid(db, node_id=other.id)
    delete_node(db, node_id=other.id, expected_version=other.version)
    assert [r.title for r in children(db, node_id=task.id)] == ["可删"]
    back = add_subtask(db, parent_id=task.id, title="另一个", position=1, uid=uid)
    assert node_uid(db, node_id=back.id) == uid
