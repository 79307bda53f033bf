"""督办事项 register: items by source with working-day deadlines, on the same machinery as plan tasks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook
from supervision_setup import load_small_plan

from desktop.cli import main
from desktop.errors import PlanDeskError
from desktop.services.core.settings import set_setting
from desktop.services.core.tree import list_plans
from desktop.services.supervision import workflow
from desktop.services.supervision.assignments import add_progress
from desktop.services.supervision.item_import import import_items_workbook, preview_items_workbook
from desktop.services.supervision.items import ItemDraft, list_collections, list_items, register_item
from desktop.services.supervision.warnings import compute_warnings
from desktop.storage import Database

D = dt.date


def _instruction(
    title: str = "关于加快碳计量中心建设的批示", received: dt.date = D(2026, 2, 12)
) -> ItemDraft:
    return ItemDraft(
        title=title,
        source="instruction",
        received_on=received,
        unit="区市场监管局",
        cooperating=("区科委",),
        leader="王区长",
        instructed_on=received - dt.timedelta(days=1),
        doc_ref="区委办〔2026〕3号",
    )


@pytest.fixture
def district(db: Database) -> Database:
    load_small_plan(db)
    return db


def test_an_instruction_gets_five_working_days_across_the_spring_festival(district: Database) -> None:
    info = register_item(district, draft=_instruction())
    assert (info.year, info.source_name, info.label, info.rule) == (2026, "领导批示件", "1.", "5个工作日")
    assert info.deadline == D(2026, 2, 26) and info.unit == "区市场监管局"
    assert (info.leader, info.doc_ref, info.instructed_on) == ("王区长", "区委办〔2026〕3号", D(2026, 2, 11))
    assert len(info.assignment_ids) == 2
    assert list_items(district, as_of="2026-02-13")[0].remaining == "剩余4个工作日"
    assert list_items(district, as_of="2026-03-02")[0].remaining == "已逾期3个工作日"


def test_items_form_a_collection_per_year_beside_the_plans(district: Database) -> None:
    register_item(district, draft=_instruction())
    register_item(district, draft=_instruction("上年度遗留事项", D(2025, 12, 30)))
    meeting = ItemDraft(
        title="推进计量数据平台建设",
        source="meeting",
        received_on=D(2026, 3, 2),
        unit="区发展改革委",
        meeting_name="区政府常务会议",
        meeting_session="第5次",
    )
    assert register_item(district, draft=meeting).deadline == D(2026, 4, 14)
    titles = [p.title for p in list_plans(district)]
    assert titles[1:] == ["2026年督办事项", "2025年督办事项"]
    assert [(c.year, c.items) for c in list_collections(district)] == [(2026, 2), (2025, 1)]
    assert [i.source_name for i in list_items(district, year=2026)] == ["领导批示件", "会议议定事项"]


def test_the_rule_per_source_is_configurable(district: Database) -> None:
    set_setting(district, "items.rules", {"instruction": "3个工作日"})
    assert register_item(district, draft=_instruction()).deadline == D(2026, 2, 24)
    draft = ItemDraft(**{**_instruction().__dict__, "title": "另定时限", "rule": "10天"})
    assert register_item(district, draft=draft).deadline == D(2026, 2, 22)


def test_items_run_through_the_same_workflow_and_warnings(district: Database) -> None:
    info = register_item(district, draft=_instruction())
    lead = info.assignment_ids[0]
    workflow.acknowledge(district, assignment_id=lead, at="2026-02-13")
    add_progress(
        district,
        assignment_id=lead,
        period="2026-02",
        text="已召开专题会",
        percent=60,
        reported_on="2026-02-25",
    )
    assert workflow.workflow_history(district, assignment_id=lead)[-1].step_name == "反馈"
    red = [
        w for w in compute_warnings(district, plan_id=info.plan_id, as_of="2026-03-02") if w.colour == "red"
    ]
    assert {(w.node_title, w.unit) for w in red} == {
        ("关于加快碳计量中心建设的批示", "区市场监管局"),
        ("关于加快碳计量中心建设的批示", "区科委"),
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"leader": ""}, "须填写批示人"),
        ({"unit": "区不存在局"}, "未知单位“区不存在局”"),
        ({"instructed_on": D(2026, 2, 13)}, "批示日期晚于交办日期"),
        ({"rule": "五天"}, "无法识别"),
        ({"source": "传真"}, "来源“传真”无效"),
    ],
)
def test_a_faulty_item_is_refused_and_nothing_written(
    district: Database, change: dict[str, object], message: str
) -> None:
    draft = ItemDraft(**{**_instruction().__dict__, **change})  # type: ignore[arg-type]
    with pytest.raises(PlanDeskError, match=message):
        register_item(district, draft=draft)
    assert list_items(district) == [] and list_collections(district) == []


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "督办清单"
    ws.append(["2026年区政府督办事项清单"])
    ws.append(
        ["序号", "督办事项", "事项来源", "交办日期", "责任单位", "配合单位", "批示人", "会议名称", "办理时限"]
    )
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_an_excel_list_is_previewed_with_its_mapping_then_imported(
    district: Database, tmp_path: Path
) -> None:
    f = _workbook(
        tmp_path / "list.xlsx",
        [
            [
                1,
                "落实碳计量批示",
                "领导批示",
                dt.datetime(2026, 9, 28),
                "区市场监管局",
                "区科委",
                "王区长",
                None,
                None,
            ],
            [
                2,
                "数据平台建设",
                "会议议定事项",
                "2026-03-02",
                "区发展改革委",
                None,
                None,
                "区政府常务会议",
                None,
            ],
            [3, "答复人大建议", "人大建议", "2026-04-01", "区科委", None, None, None, "20个工作日"],
        ],
    )
    preview = preview_items_workbook(district, path=f)
    assert preview.header_row == 2
    assert (
        preview.mapping["title"] == "B" and preview.mapping["unit"] == "E" and preview.mapping["rule"] == "I"
    )
    assert [e.cell for e in preview.errors] == ["督办清单!A5"]  # the 建议 has no 编号 column
    preview = preview_items_workbook(district, path=f, mapping={**preview.mapping, "proposal_number": "A"})
    assert preview.ok and len(preview.drafts) == 3
    ids = import_items_workbook(district, path=f, mapping=preview.mapping)
    by_title = {i.title: i for i in list_items(district)}
    assert len(ids) == 3
    assert by_title["落实碳计量批示"].deadline == D(2026, 10, 10)
    assert by_title["答复人大建议"].deadline == D(2026, 4, 30)  # 清明 4–6 April off


def test_an_excel_list_with_faulty_cells_is_refused_naming_each_cell(
    district: Database, tmp_path: Path
) -> None:
    f = _workbook(
        tmp_path / "bad.xlsx",
        [
            [1, "落实批示", "领导批示", "2026-02-30", "区市场监管局", None, "王区长", None, None],
            [2, "", "会议议定事项", "2026-03-02", "区发展改革委", None, None, "常务会", None],
            [3, "来信答复", "来信", "2026-03-02", "区不存在局", None, None, None, "十天"],
        ],
    )
    preview = preview_items_workbook(district, path=f)
    assert [str(e) for e in preview.errors] == [
        "督办清单!D3（交办日期）：日期“2026-02-30”无效，请使用 YYYY-MM-DD 格式的真实日期。",
        "督办清单!B4（事项名称）：不能为空。",
        "督办清单!I5（办理时限）：期限“十天”无法识别，应写作“5个工作日”或“30天”这样的正整数加单位。",
    ]
    with pytest.raises(PlanDeskError, match="有 3 处错误，未导入任何事项"):
        import_items_workbook(district, path=f)
    assert list_items(district) == []


def test_items_commands(district: Database, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "--db", db_url, "items", "add", "落实碳计量批示", "--source", "领导批示件", "--received", "2026-09-28",
            "--unit", "区市场监管局", "--leader", "王区长", "--doc-ref", "区委办〔2026〕9号",
        ]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0 and "截止 2026-10-10" in out
    assert main(["--db", db_url, "items", "list", "--as-of", "2026-10-09"]) == 0
    out = capsys.readouterr().out
    assert "剩余1个工作日" in out and "区委办〔2026〕9号" in out
    assert main(["--db", db_url, "workdays", "deadline", "2026-02-12", "5个工作日"]) == 0
    assert "截止 2026-02-26（星期四）" in capsys.readouterr().out
    assert (
        main(
            [
                "--db",
                db_url,
                "items",
                "add",
                "x",
                "--source",
                "批示",
                "--received",
                "2026-01-05",
                "--unit",
                "区科委",
            ]
        )
        == 1
    )
    assert "须填写批示人" in capsys.readouterr().err


def test_a_loaded_notice_recounts_computed_deadlines_but_not_extended_ones(
    district: Database, tmp_path: Path
) -> None:
    from desktop.services.supervision.items import apply_calendar

    computed = register_item(district, draft=_instruction("跨年批示甲", D(2026, 12, 30)))
    extended = register_item(district, draft=_instruction("跨年批示乙", D(2026, 12, 30)))
    assert computed.deadline == D(2027, 1, 6)  # 31 Dec, then Fri 1 Jan and Mon–Wed counted as weekdays
    request = workflow.request_extension(
        district, assignment_id=extended.assignment_ids[0], new_deadline="2027-01-20", reason="跨部门协调"
    )
    workflow.decide_extension(district, request_id=request.id, approve=True)
    f = tmp_path / "2027.csv"
    f.write_text("2027-01-01,休\n2027-01-04,休\n", encoding="utf-8")
    update = apply_calendar(district, path=f)
    assert [(m.title, m.old, m.new) for m in update.moved] == [
        ("跨年批示甲", D(2027, 1, 6), D(2027, 1, 8)),
        ("跨年批示乙", D(2027, 1, 6), D(2027, 1, 8)),
    ]
    by_title = {i.title: i for i in list_items(district)}
    assert by_title["跨年批示甲"].deadline == D(2027, 1, 8) and by_title["跨年批示甲"].calendar_note == ""
    assert by_title["跨年批示乙"].deadline == D(2027, 1, 20)


def test_the_source_fields_travel_by_node_uid_for_packages(
    district: Database, db_url: str, tmp_path: Path
) -> None:
    from desktop.models import Plan, PlanNode
    from desktop.services.supervision.items import apply_item_sources_from_package, item_sources_for_package
    from desktop.storage import open_database

    info = register_item(district, draft=_instruction())
    with district.read() as s:
        sources = item_sources_for_package(s, info.plan_id)
        uid = s.get(PlanNode, info.node_id).uid  # type: ignore[union-attr]
    assert sources[uid]["leader"] == "王区长" and sources[uid]["received_on"] == "2026-02-12"
    with open_database(tmp_path / "other.sqlite3") as other:
        with other.write() as s:
            plan = Plan(title="2026年督办事项", extra={"kind": "items", "year": 2026})
            s.add(plan)
            s.flush()
            root = PlanNode(plan_id=plan.id, kind="root", title="")
            s.add(root)
            s.flush()
            s.add(PlanNode(plan_id=plan.id, parent_id=root.id, kind="task", title=info.title, uid=uid))
        with other.write() as s:
            assert apply_item_sources_from_package(s, sources) == 1
        [copy] = list_items(other, as_of="2026-02-13")
        assert (copy.source_name, copy.leader, copy.doc_ref, copy.rule) == (
            "领导批示件",
            "王区长",
            "区委办〔2026〕3号",
            "5个工作日",
        )


def test_the_rule_of_a_source_is_changed_from_the_command_line(
    district: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db_url, "items", "rules", "--set", "领导批示件=3个工作日"]) == 0
    assert "领导批示件\t3个工作日" in capsys.readouterr().out
    assert main(["--db", db_url, "items", "rules", "--set", "领导批示件=三天"]) == 1
    assert "无法识别" in capsys.readouterr().err
    assert register_item(district, draft=_instruction()).deadline == D(2026, 2, 24)


def test_remaining_time_per_node_for_the_warnings(district: Database) -> None:
    from desktop.services.supervision.items import remaining_for_nodes

    info = register_item(district, draft=_instruction())
    plan_root = list_plans(district)[0].root_id
    assert plan_root is not None
    assert remaining_for_nodes(district, node_ids=[info.node_id, plan_root], as_of=D(2026, 2, 13)) == {
        info.node_id: "剩余4个工作日"
    }


def test_an_item_entered_by_mistake_is_withdrawn_until_work_is_recorded(
    district: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    first = register_item(district, draft=_instruction("登记错了"))
    second = register_item(district, draft=_instruction("另一件批示"))
    assert main(["--db", db_url, "items", "withdraw", str(first.node_id)]) == 0
    [left] = list_items(district)
    assert (left.title, left.label) == ("另一件批示", "1.")
    workflow.acknowledge(district, assignment_id=second.assignment_ids[0])
    with pytest.raises(PlanDeskError, match="需留存备查，不能撤销登记"):
        from desktop.services.supervision.items import withdraw_item

        withdraw_item(district, node_id=second.node_id)
    assert len(list_items(district)) == 1
