"""The service API: importing, reading the tree, assigning, progress, indicators, errors."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from desktop.clock import fixed_today
from desktop.errors import ConflictError, NotFound, PlanDeskError
from desktop.importers.parsed import ParsedUnit
from desktop.models import Assignment, AuditEntry, Plan, PlanNode, ProgressEntry
from desktop.services.core.statistics import plan_statistics
from desktop.services.core.tree import children, list_plans, node_detail, node_path
from desktop.services.plans.indicators import list_indicators, set_indicator_value
from desktop.services.plans.plan_import import import_plan
from desktop.services.supervision.assignments import (
    add_progress,
    create_assignment,
    delete_assignment,
    get_assignment,
    update_assignment,
)
from desktop.storage import Database

from factories import small_plan


def task_ids(db: Database, plan_root: int) -> dict[str, int]:
    """label → id of every task in a small plan."""
    out: dict[str, int] = {}
    stack = [plan_root]
    while stack:
        for row in children(db, node_id=stack.pop()):
            if row.kind == "task":
                out[row.label] = row.id
            stack.append(row.id)
    return out


@pytest.fixture
def plan(db: Database) -> dict[str, int]:
    result = import_plan(db, parsed=small_plan())
    root = list_plans(db)[0].root_id
    assert root is not None
    return {"plan": result.plan_id, "root": root, **task_ids(db, root)}


def count(db: Database, model: type) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_import_builds_the_tree_in_document_order(db: Database, plan: dict[str, int]) -> None:
    [info] = list_plans(db)
    assert info.title == "某区贯彻落实计量发展规划实施方案" and info.doc_number == "某政发〔2024〕1号"
    assert info.level == "district"
    chapters = children(db, node_id=plan["root"])
    assert [(c.kind, c.label, c.title) for c in chapters] == [
        ("chapter", "一、", "重点任务"),
        ("chapter", "二、", "发展目标"),
    ]
    sections = children(db, node_id=chapters[0].id)
    assert [s.label for s in sections] == ["（一）", "（二）"] and sections[0].child_count == 2
    tasks = children(db, node_id=sections[0].id)
    assert [(t.label, t.lead_unit) for t in tasks] == [("1.", "区市场监管局"), ("2.", "区发展改革委")]
    assert tasks[0].deadline == dt.date(2025, 12, 31) and tasks[0].status == ""
    path = node_path(db, node_id=tasks[1].id)
    assert [p.label for p in path] == ["", "一、", "（一）", "2."]
    detail = node_detail(db, node_id=tasks[0].id)
    assert [(u.name, u.role) for u in detail.units] == [("区市场监管局", "lead"), ("区科委", "co")]
    assert "碳计量中心" in detail.text
    assert [i.name for i in list_indicators(db, plan_id=plan["plan"])] == ["社会公用计量标准（项）", "覆盖率"]


def test_assignment_round_trip_and_derived_overdue(db: Database, plan: dict[str, int]) -> None:
    a = create_assignment(
        db,
        node_id=plan["1."],
        unit="区科委",
        role="co",
        contact_person="李四",
        contact_phone="010-1234",
        start_date="2024-01-01",
        deadline="2024-06-30",
    )
    assert a.unit_name == "区科委" and a.original_deadline == dt.date(2024, 6, 30)
    assert a.effective_status == "overdue", "an unfinished assignment past its deadline is overdue"
    row = children(db, node_id=node_path(db, node_id=plan["1."])[-2].id)[0]
    assert row.status == "overdue" and row.lead_unit == "区市场监管局"
    b = update_assignment(
        db,
        assignment_id=a.id,
        expected_version=a.version,
        status="进行中",
        percent="60",
        deadline="2030-01-01",
        deadline_kind="extension",
        deadline_reason="规划调整",
    )
    assert (b.status, b.percent, b.effective_status) == ("in_progress", 60, "in_progress")
    assert b.original_deadline == dt.date(2024, 6, 30), "the first deadline stays on record"
    assert b.version == a.version + 1
    c = update_assignment(db, assignment_id=a.id, percent=100)
    assert c.status == "done"


@pytest.mark.parametrize(
    "changes, field, words",
    [
        ({"unit": "不存在的局"}, "unit", "未知单位"),
        ({"deadline": "2025-02-30"}, "deadline", "无效"),
        ({"percent": "150"}, "percent", "0 到 100"),
        ({"percent": "abc"}, "percent", "不是数字"),
        ({"status": "已逾期"}, "status", "自动判断"),
        ({"status": "finished"}, "status", "无效"),
        ({"role": "boss"}, "role", "无效"),
        ({"start_date": "2025-06-01", "deadline": "2025-01-01"}, "deadline", "早于"),
    ],
)
def test_bad_assignment_input_names_the_field_and_writes_nothing(
    db: Database, plan: dict[str, int], changes: dict[str, str], field: str, words: str
) -> None:
    values = {"unit": "区科委", **changes}
    before = count(db, Assignment), count(db, AuditEntry)
    with pytest.raises(PlanDeskError) as err:
        create_assignment(db, node_id=plan["2."], **values)
    assert err.value.field == field and words in err.value.message
    assert (count(db, Assignment), count(db, AuditEntry)) == before


def test_unknown_unit_suggests_close_names(db: Database, plan: dict[str, int]) -> None:
    with pytest.raises(PlanDeskError, match="区市场监管局"):
        create_assignment(db, node_id=plan["2."], unit="区市场监督局")


def test_missing_rows_and_stale_versions(db: Database, plan: dict[str, int]) -> None:
    with pytest.raises(NotFound):
        create_assignment(db, node_id=999999, unit="区科委")
    with pytest.raises(NotFound):
        add_progress(db, assignment_id=424242, period="2024-05", text="x")
    a = create_assignment(db, node_id=plan["2."], unit="区发展改革委")
    update_assignment(db, assignment_id=a.id, expected_version=a.version, remarks="第一次修改")
    with pytest.raises(ConflictError, match="已被他人修改"):
        update_assignment(db, assignment_id=a.id, expected_version=a.version, remarks="基于旧版本的修改")
    assert get_assignment(db, assignment_id=a.id).remarks == "第一次修改"
    with pytest.raises(PlanDeskError, match="已分配"):
        create_assignment(db, node_id=plan["2."], unit="区发展改革委")


def test_progress_moves_the_assignment_and_is_listed_newest_first(db: Database, plan: dict[str, int]) -> None:
    a = create_assignment(db, node_id=plan["1."], unit="区市场监管局", deadline="2099-12-31")
    add_progress(db, assignment_id=a.id, period="2024-01", text="完成调研", percent=20)
    add_progress(
        db,
        assignment_id=a.id,
        period="2024-02",
        text="碳计量中心选址确定",
        percent=45,
        problems="资金未到位",
        next_steps="申请专项资金",
    )
    assert get_assignment(db, assignment_id=a.id).status == "in_progress"
    detail = node_detail(db, node_id=plan["1."])
    assert [p.period for p in detail.progress] == ["2024-02", "2024-01"]
    assert detail.progress[0].entered_by == "测试员" and detail.node.percent == 45
    with pytest.raises(PlanDeskError) as err:
        add_progress(db, assignment_id=a.id, period="2024-13", text="x")
    assert err.value.field == "period"
    with pytest.raises(PlanDeskError) as err:
        add_progress(db, assignment_id=a.id, period="2024-03", text="   ")
    assert err.value.field == "text"
    assert count(db, ProgressEntry) == 2


def test_statistics_count_tasks_by_the_lead_status(db: Database, plan: dict[str, int]) -> None:
    with fixed_today(dt.date(2024, 1, 2)):
        create_assignment(db, node_id=plan["1."], unit="区市场监管局", deadline="2024-01-31")
        create_assignment(
            db, node_id=plan["1."], unit="区科委", role="co", deadline="2024-12-31", status="done"
        )
        create_assignment(
            db, node_id=plan["2."], unit="区发展改革委", deadline="2024-03-05", status="in_progress"
        )
    stats = plan_statistics(db, plan_id=plan["plan"], as_of=dt.date(2024, 3, 1))
    assert stats.tasks == 3
    assert stats.by_status == {"overdue": 1, "in_progress": 1, "unassigned": 1}
    assert stats.overdue_by_unit == {"区市场监管局": 1}
    assert stats.due_soon == 1


def test_indicator_values_keep_history(db: Database, plan: dict[str, int]) -> None:
    ind = list_indicators(db, plan_id=plan["plan"])[0]
    set_indicator_value(db, indicator_id=ind.id, value="20", measured_on="2024-06-30", source="统计年报")
    info = set_indicator_value(db, indicator_id=ind.id, value=35, measured_on="2024-12-31")
    assert info.latest is not None and info.latest.value == 35 and len(info.history) == 2
    assert info.percent_of_target == pytest.approx(70.0)
    with pytest.raises(PlanDeskError) as err:
        set_indicator_value(db, indicator_id=ind.id, value="很多")
    assert err.value.field == "value"


def test_every_change_is_audited_with_operator_and_cause(db: Database, plan: dict[str, int]) -> None:
    a = create_assignment(db, node_id=plan["2."], unit="区发展改革委", contact_person="王五")
    update_assignment(db, assignment_id=a.id, contact_person="赵六")
    delete_assignment(db, assignment_id=a.id)
    with db.read() as s:
        rows = s.scalars(
            select(AuditEntry).where(AuditEntry.table_name == "assignment").order_by(AuditEntry.id)
        ).all()
        assert [r.action for r in rows] == ["insert", "update", "delete"]
        assert (rows[1].field, rows[1].old_value, rows[1].new_value) == ("contact_person", "王五", "赵六")
        assert all(r.operator == "测试员" and r.node_id == plan["2."] for r in rows)
        imported = s.scalar(select(AuditEntry).where(AuditEntry.table_name == "plan"))
        assert imported is not None and imported.cause.startswith("导入") and imported.batch_id is not None


def test_cancelled_or_empty_import_writes_nothing(db: Database, plan: dict[str, int]) -> None:
    from desktop.errors import Cancelled

    before = count(db, Plan), count(db, PlanNode), count(db, AuditEntry)
    with pytest.raises(Cancelled):
        import_plan(db, parsed=small_plan("第二个方案"), is_cancelled=lambda: True)
    empty = small_plan("空方案")
    empty.nodes = []
    with pytest.raises(PlanDeskError, match="未识别出任何章节"):
        import_plan(db, parsed=empty)
    assert (count(db, Plan), count(db, PlanNode), count(db, AuditEntry)) == before


def test_sections_with_responsibility_lists_count_as_work(db: Database) -> None:
    parsed = small_plan()
    section = parsed.nodes[0].children[1]  # （二） with one task below
    section.units = [ParsedUnit("区科委", "lead")]
    result = import_plan(db, parsed=parsed)
    stats = plan_statistics(db, plan_id=result.plan_id, as_of=dt.date(2024, 3, 1))
    assert stats.tasks == 4, "three tasks and the section the document made 区科委 responsible for"


def test_lateness_rolls_up_to_sections_and_chapters(db: Database, plan: dict[str, int]) -> None:
    create_assignment(db, node_id=plan["1."], unit="区市场监管局", deadline="2024-01-31")
    create_assignment(
        db, node_id=plan["2."], unit="区发展改革委", deadline="2030-01-01", status="in_progress"
    )
    chapters = children(db, node_id=plan["root"], as_of=dt.date(2024, 3, 1))
    assert (chapters[0].status, chapters[0].rollup) == ("", "overdue"), "a collapsed chapter shows lateness"
    assert chapters[1].rollup == "", "nothing assigned in the goals chapter"
    sections = children(db, node_id=chapters[0].id, as_of=dt.date(2024, 3, 1))
    assert [s.rollup for s in sections] == ["overdue", ""]
    assert children(db, node_id=chapters[0].id, as_of=dt.date(2023, 12, 1))[0].rollup == "in_progress"


def test_an_assignment_with_records_cannot_be_deleted_and_a_deleted_one_comes_back_whole(
    db: Database, plan: dict[str, int]
) -> None:
    from desktop.services.supervision.assignments import restore_assignment

    kept = create_assignment(db, node_id=plan["1."], unit="区市场监管局", deadline="2030-06-30")
    add_progress(db, assignment_id=kept.id, period="2026-01", text="完成调研", percent=20)
    with pytest.raises(PlanDeskError, match="留存备查"):
        delete_assignment(db, assignment_id=kept.id)
    assert count(db, ProgressEntry) == 1

    mistake = create_assignment(
        db, node_id=plan["2."], unit="区发展改革委", deadline="2030-01-31", contact_person="周七"
    )
    mistake = update_assignment(db, assignment_id=mistake.id, remarks="误分配")
    delete_assignment(db, assignment_id=mistake.id, expected_version=mistake.version)
    back = restore_assignment(db, info=mistake)
    assert (back.uid, back.original_deadline, back.deadline, back.contact_person, back.remarks) == (
        mistake.uid,
        dt.date(2030, 1, 31),
        dt.date(2030, 1, 31),
        "周七",
        "误分配",
    )
    moved = update_assignment(
        db, assignment_id=back.id, deadline="2030-03-31", deadline_kind="延期", deadline_reason="x"
    )
    with pytest.raises(PlanDeskError, match="留存备查"):  # a moved deadline is on record now
        delete_assignment(db, assignment_id=moved.id)
    with pytest.raises(PlanDeskError, match="仍然存在"):
        restore_assignment(db, info=mistake)


def test_one_rule_moves_status_with_percent_whichever_way_it_arrives(
    db: Database, plan: dict[str, int]
) -> None:
    a = create_assignment(db, node_id=plan["1."], unit="区市场监管局", deadline="2030-06-30")
    assert update_assignment(db, assignment_id=a.id, percent=30).status == "in_progress"
    paused = update_assignment(db, assignment_id=a.id, status="暂缓")
    assert update_assignment(db, assignment_id=a.id, percent=100).status == "suspended"
    add_progress(db, assignment_id=paused.id, period="2026-02", text="恢复推进后完成", percent=100)
    assert get_assignment(db, assignment_id=a.id).status == "suspended", (
        "a report does not override 暂缓 either"
    )
    assert update_assignment(db, assignment_id=a.id, status="已完成").percent == 100


def test_short_local_unit_names_resolve_when_they_can_mean_only_one_unit(db: Database) -> None:
    from desktop.services.core.units import add_unit

    plan = import_plan(db, parsed=small_plan())
    task = task_ids(db, list_plans(db)[0].root_id)["1."]  # type: ignore[arg-type]
    add_unit(db, name="西安市数据局")
    add_unit(db, name="西安市市场监督管理局")
    assert create_assignment(db, node_id=task, unit="市数据局").unit_name == "西安市数据局"
    add_unit(db, name="北京市市场监督管理局")
    with pytest.raises(PlanDeskError, match="可以指多个单位：北京市市场监督管理局、西安市市场监督管理局"):
        create_assignment(db, node_id=task, unit="市市场监管局")
    assert plan.plan_id
