"""A 任务分工表 that repeats the body's tasks: both stay as the document prints them, each body task linked to
the row(s) that assign it, so each work item is counted once — the rows carry the units, roles and deadlines;
a linked body task is not work again. Rows that repeat no body task and body tasks no row assigns are flagged in
the review."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from division_plans import GenPlan, gen_plans
from hypothesis import HealthCheck, given, note, settings

from desktop.importers.load import load_plan
from desktop.importers.parsed import ParsedNode, ParsedPlan
from desktop.importers.plan_parser import parse_plan
from desktop.importers.review import review_lines

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "plans" / "corpus"
PLAN_21 = CORPUS / "21_guangzhou-2023-jiatingyisheng-qianyue-shishifangan"


def tasks_of(plan: ParsedPlan) -> list[ParsedNode]:
    """The body's tasks (a table's rows excluded: they hang under the table's node)."""
    rows = {id(r) for n in plan.walk() for r in n.assigned_in}
    rows |= {id(n) for a in plan.nodes if a.label.startswith("附件") for n in _below(a)}
    return [n for n in plan.walk() if n.kind == "task" and id(n) not in rows]


def _below(node: ParsedNode) -> list[ParsedNode]:
    out: list[ParsedNode] = []
    for c in node.children:
        out += [c, *_below(c)]
    return out


def work_of(plan: ParsedPlan) -> list[ParsedNode]:
    """What counts as work: tasks and measures, except a body task a row assigns."""
    return [n for n in plan.walk() if n.kind in ("task", "measure") and not n.assigned_in]


def owners(node: ParsedNode) -> list[tuple[str, str]]:
    """The node's units as its work is assigned: its rows' (a unit leading in any row leads), else its own."""
    if not node.assigned_in:
        return [(u.raw, u.role) for u in node.units]
    out: dict[str, str] = {}
    for row in node.assigned_in:
        for u in row.units:
            out[u.raw] = "lead" if u.role == "lead" or out.get(u.raw) == "lead" else "co"
    return list(out.items())


def deadline(node: ParsedNode) -> dt.date | None:
    dates = [r.deadline for r in node.assigned_in if r.deadline] if node.assigned_in else [node.deadline]
    return max((d for d in dates if d), default=None)


def codes(plan: ParsedPlan, code: str) -> list[str]:
    return [f.message for f in plan.findings if f.code == code]


def _import(gen: GenPlan) -> ParsedPlan:
    if gen.fmt == "docx":
        return load_plan("plan.docx", data=gen.docx())
    return load_plan("plan.txt", data=gen.text().encode("utf-8"))


# -- the oracle: generated plans with their truth ----------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gen_plans())
def test_generated_plans_count_each_task_once_with_the_tables_units(gen: GenPlan) -> None:
    note(gen.describe())
    plan = _import(gen)
    work = work_of(plan)
    note("\n".join(f"{t.label} {t.title} {owners(t)}" for t in plan.walk() if t.kind == "task"))
    assert len(work) == gen.expected_tasks()
    appendix = next(n for n in plan.nodes if n.label.startswith("附件"))
    rows = [n for n in _below(appendix) if n.kind == "task"]
    # the table as printed: every row stays, in the table's order
    assert len(rows) == len(gen.order)
    if gen.body == "prose":
        expected = [gen.tasks[i] for i in gen.order]
        got_nodes = rows
    else:
        expected = gen.body_tasks()
        body = tasks_of(plan)
        # the body's tasks, in the body's order and with the body's labels
        assert [t.title for t in body] == [g.title for g in expected]
        got_nodes = body
        for g, got in zip(expected, body, strict=True):
            # linked to exactly its own row when the table repeats it, to none when it leaves it out
            assert len(got.assigned_in) == (1 if g.in_table else 0), g.title
            if g.in_table:
                assert got.assigned_in[0] is rows[[gen.tasks[i] for i in gen.order].index(g)], g.title
    for g in expected:
        # a table that is the only list gives its task cell as the title, a short title or a whole sentence
        got = next(t for t in got_nodes if t.title.startswith(g.title))
        assert owners(got) == g.truth(), g.title
        if g.in_table and gen.deadlines:
            assert deadline(got) == g.deadline_date(), g.title
    for g in gen.extras():
        # kept under the table's node, with the table's units, for the user to look at
        extra = next(t for t in rows if t.title.startswith(g.title))
        assert owners(extra) == g.truth()
        assert extra.needs_review
    assert len(codes(plan, "division_unmatched")) == len(gen.extras())
    assert codes(plan, "division_uncertain") == []
    assert len(codes(plan, "division_mismatch")) == len(gen.conflicts())
    assert len(codes(plan, "division_missing")) == len(gen.omitted())


# -- plan 21 of the practice corpus --------------------------------------------------------------------------


def test_plan_21_links_each_serial_of_its_table_to_the_body_task_it_recasts() -> None:
    """The truth lists the 分工表's 24 serials with their units; serials 1–21 recast the body's tasks in order
    and 22–24 the sections of 三、组织实施 — the same 24 items, in the same order, as the body's."""
    truth = json.loads((CORPUS / "truth" / f"{PLAN_21.name}.json").read_text(encoding="utf-8"))
    by_serial = {r["heading_label_path"][-1]: r for r in truth["responsibilities"]}
    plan = load_plan(PLAN_21.with_suffix(".txt"))
    linked = [n for n in plan.walk() if n.assigned_in]
    assert len(linked) == len(by_serial) == 24
    for k, node in enumerate(linked, start=1):
        [row] = node.assigned_in
        assert row.label == str(k), node.title
        want = by_serial[str(k)]
        assert [u.raw for u in row.units] == want["units"], (k, node.title)
        assert {u.raw for u in row.units if u.role == "lead"} == set(want["lead"]), (k, node.title)


def test_plan_21_counts_its_24_tasks_once_in_every_format() -> None:
    for suffix in (".txt", ".html", ".docx", ".pdf"):
        plan = load_plan(PLAN_21.with_suffix(suffix))
        work = work_of(plan)
        assert len(work) == 24, suffix
        assert all(n.units for n in work), suffix
        appendix = next(n for n in plan.nodes if n.label == "附件2")
        assert len(appendix.children) == 24, suffix  # the table as printed
        first = next(n for n in plan.walk() if n.assigned_in)
        assert (first.label, first.title) == ("1.", "有序扩大家庭医生来源")
        assert owners(first) == [("各区政府", "lead"), ("市卫生健康委", "co"), ("市人社局", "co")]
        # 三、（三）加强宣传引导 is serial 24 of the table
        assert owners(work[-1]) == [("各区政府", "lead"), ("市卫生健康委", "lead")]
        assert not [f for f in plan.findings if f.code.startswith("division_")], suffix


# -- the matching, case by case ---------------------------------------------------------------------------

HEAD = (
    "某市优化营商环境实施方案\n"
    "一、总体要求\n"
    "坚持问题导向，持续优化营商环境。\n"
    "二、主要任务\n"
    "（一）提升政务服务效能\n"
    "1.推行企业开办一网通办。建立企业开办全流程网上办理平台，实现一日办结。\n"
    "2.压减工程建设项目审批时间。全面推行告知承诺制，审批时间压减至40个工作日以内。\n"
    "（二）优化市场环境\n"
    "1.推行惠企政策免申即享。梳理惠企政策清单，实现符合条件的企业免予申报、直接享受。\n"
    "2.加强知识产权保护。健全知识产权快速维权机制。（责任单位：市市场监管局）\n"
    "附件\n"
    "重点任务分工表\n"
)


def _table(*rows: str, header: str = "序号\t工作任务\t牵头单位\t配合单位\t完成时限") -> str:
    return HEAD + header + "\n" + "\n".join(rows) + "\n"


def test_rows_numbered_straight_through_go_to_the_body_tasks_numbered_per_section() -> None:
    plan = parse_plan(
        _table(
            "1\t推行企业开办一网通办\t市政务服务数据管理局\t市市场监管局、市税务局\t2023年底前",
            "2\t压减工程建设项目审批时间\t市住房城乡建设局\t市自然资源局\t2024年6月",
            "3\t推行惠企政策免申即享\t市发展改革委\t/\t长期坚持",
            "4\t加强知识产权保护\t市市场监管局\t市公安局\t2024年底前",
        )
    )
    tasks = tasks_of(plan)
    assert [(t.label, t.title) for t in tasks] == [
        ("1.", "推行企业开办一网通办"),
        ("2.", "压减工程建设项目审批时间"),
        ("1.", "推行惠企政策免申即享"),
        ("2.", "加强知识产权保护"),
    ]
    assert owners(tasks[0]) == [("市政务服务数据管理局", "lead"), ("市市场监管局", "co"), ("市税务局", "co")]
    assert deadline(tasks[1]) == dt.date(2024, 6, 30)
    assert tasks[2].assigned_in[0].recurrence == "长期"
    # the body's note names 市市场监管局 alone, the table adds 市公安局: the table's division, flagged
    assert owners(tasks[3]) == [("市市场监管局", "lead"), ("市公安局", "co")]
    assert tasks[3].needs_review
    assert len(codes(plan, "division_mismatch")) == 1
    # the table stays as printed, its rows the work
    assert [r.label for r in plan.nodes[-1].children] == ["1", "2", "3", "4"]
    assert len(work_of(plan)) == 4


def test_a_full_sentence_in_the_table_and_hierarchical_serials_still_match() -> None:
    plan = parse_plan(
        _table(
            "（一）1\t推行企业开办一网通办，建立企业开办全流程网上办理平台\t市政务服务数据管理局\t/\t2023年底前",
            "（一）2\t压减审批时间\t市住房城乡建设局\t/\t2024年6月",
            "（二）1\t惠企政策免申即享\t市发展改革委\t/\t长期坚持",
            "（二）2\t加强知识产权保护\t市市场监管局\t/\t2024年底前",
        )
    )
    tasks = tasks_of(plan)
    assert len(tasks) == 4
    assert [owners(t)[0][0] for t in tasks] == [
        "市政务服务数据管理局",
        "市住房城乡建设局",
        "市发展改革委",
        "市市场监管局",
    ]
    assert codes(plan, "division_unmatched") == []


def test_a_row_that_repeats_no_body_task_is_kept_and_flagged() -> None:
    plan = parse_plan(
        _table(
            "1\t推行企业开办一网通办\t市政务服务数据管理局\t/\t2023年底前",
            "2\t建设港口集疏运体系\t市交通运输局\t/\t2025年底前",
            "3\t压减工程建设项目审批时间\t市住房城乡建设局\t/\t2024年6月",
            "4\t推行惠企政策免申即享\t市发展改革委\t/\t长期坚持",
            "5\t加强知识产权保护\t市市场监管局\t/\t2024年底前",
        )
    )
    assert len(work_of(plan)) == 5
    extra = [r for r in plan.nodes[-1].children if r.needs_review]
    assert [(t.label, t.title) for t in extra] == [("2", "建设港口集疏运体系")]
    assert not any(extra[0] in t.assigned_in for t in tasks_of(plan))
    found = codes(plan, "division_unmatched")
    assert len(found) == 1 and "建设港口集疏运体系" in found[0]
    assert any("建设港口集疏运体系" in line for line in review_lines(plan))


def test_a_body_note_that_names_other_units_than_the_table_is_flagged() -> None:
    plan = parse_plan(
        _table(
            "1\t推行企业开办一网通办\t市政务服务数据管理局\t/\t2023年底前",
            "2\t压减工程建设项目审批时间\t市住房城乡建设局\t/\t2024年6月",
            "3\t推行惠企政策免申即享\t市发展改革委\t/\t长期坚持",
            "4\t加强知识产权保护\t市知识产权局\t/\t2024年底前",
        )
    )
    task = tasks_of(plan)[3]
    assert owners(task) == [("市知识产权局", "lead")]  # the table's division, which states roles and deadline
    assert task.needs_review
    found = codes(plan, "division_mismatch")
    assert len(found) == 1 and "市市场监管局" in found[0] and "市知识产权局" in found[0]


def test_a_body_task_the_table_leaves_out_is_flagged() -> None:
    plan = parse_plan(
        _table(
            "1\t推行企业开办一网通办\t市政务服务数据管理局\t/\t2023年底前",
            "2\t推行惠企政策免申即享\t市发展改革委\t/\t长期坚持",
            "3\t加强知识产权保护\t市市场监管局\t/\t2024年底前",
        )
    )
    tasks = tasks_of(plan)
    assert len(tasks) == 4 and tasks[1].units == [] and tasks[1].assigned_in == []
    assert len(work_of(plan)) == 4  # three rows and the task no row assigns
    found = codes(plan, "division_missing")
    assert len(found) == 1 and "压减工程建设项目审批时间" in found[0]


def test_one_row_for_two_tasks_and_two_rows_for_one_task() -> None:
    plan = parse_plan(
        _table(
            "1\t推行企业开办一网通办；压减工程建设项目审批时间\t市政务服务数据管理局\t市住房城乡建设局\t2024年底前",
            "2\t梳理惠企政策清单\t市发展改革委\t/\t2024年6月",
            "3\t实现符合条件的企业免予申报、直接享受\t市财政局\t/\t2025年6月",
            "4\t加强知识产权保护\t市市场监管局\t/\t2024年底前",
        )
    )
    tasks = tasks_of(plan)
    assert len(tasks) == 4
    both = [("市政务服务数据管理局", "lead"), ("市住房城乡建设局", "co")]
    assert owners(tasks[0]) == both and owners(tasks[1]) == both
    assert tasks[0].assigned_in == tasks[1].assigned_in
    # two rows, each one measure of 推行惠企政策免申即享: the task is assigned in both, done with the last
    assert owners(tasks[2]) == [("市发展改革委", "lead"), ("市财政局", "lead")]
    assert deadline(tasks[2]) == dt.date(2025, 6, 30)
    assert len(work_of(plan)) == 4  # the four rows


def test_rows_in_another_order_than_the_body_still_match() -> None:
    plan = parse_plan(
        _table(
            "1\t加强知识产权保护\t市市场监管局\t/\t2024年底前",
            "2\t推行惠企政策免申即享\t市发展改革委\t/\t长期坚持",
            "3\t推行企业开办一网通办\t市政务服务数据管理局\t/\t2023年底前",
            "4\t压减工程建设项目审批时间\t市住房城乡建设局\t/\t2024年6月",
        )
    )
    tasks = tasks_of(plan)
    assert [owners(t)[0][0] for t in tasks] == [
        "市政务服务数据管理局",
        "市住房城乡建设局",
        "市发展改革委",
        "市市场监管局",
    ]
    assert codes(plan, "division_unmatched") == []


def test_a_table_that_is_the_plans_only_list_of_tasks_is_unchanged() -> None:
    text = (
        "某市优化营商环境实施方案\n一、总体要求\n坚持问题导向，持续优化营商环境。\n附件\n重点任务分工表\n"
        "序号\t任务名称\t牵头单位\t配合单位\t完成时限\n"
        "1\t建立企业开办一网通办平台\t市政务服务数据管理局\t市市场监管局\t2023年底前\n"
        "2\t推行惠企政策免申即享\t市发展改革委\t/\t长期坚持\n"
    )
    plan = parse_plan(text)
    tasks = work_of(plan)
    assert [(t.label, t.title) for t in tasks] == [
        ("1", "建立企业开办一网通办平台"),
        ("2", "推行惠企政策免申即享"),
    ]
    assert owners(tasks[0]) == [("市政务服务数据管理局", "lead"), ("市市场监管局", "co")]
    assert not [f for f in plan.findings if f.code.startswith("division_")]


def test_a_table_in_the_body_repeating_the_tasks_above_it() -> None:
    text = HEAD.removesuffix("附件\n重点任务分工表\n") + (
        "三、任务分工\n"
        "各项任务的分工如下。\n"
        "序号\t工作任务\t牵头单位\t配合单位\n"
        "1\t推行企业开办一网通办\t市政务服务数据管理局\t市市场监管局\n"
        "2\t压减工程建设项目审批时间\t市住房城乡建设局\t/\n"
        "3\t推行惠企政策免申即享\t市发展改革委\t/\n"
        "4\t加强知识产权保护\t市市场监管局\t/\n"
    )
    plan = parse_plan(text)
    tasks = tasks_of(plan)
    assert [t.label for t in tasks if t.assigned_in] == ["1.", "2.", "1.", "2."]
    assert [owners(t)[0] for t in tasks if t.assigned_in] == [
        ("市政务服务数据管理局", "lead"),
        ("市住房城乡建设局", "lead"),
        ("市发展改革委", "lead"),
        ("市市场监管局", "lead"),
    ]
    chapter = plan.nodes[-1]
    assert chapter.label == "三、" and [r.label for r in chapter.children] == ["1", "2", "3", "4"]
    assert len(work_of(plan)) == 4
    assert not [f for f in plan.findings if f.code.startswith("division_")]


def test_a_list_of_projects_sharing_a_subject_with_a_task_stays_a_list_of_its_own() -> None:
    plan = parse_plan(
        HEAD.replace("重点任务分工表", "重点项目表")
        + "序号\t项目名称\t建设内容\t责任单位\t完成时限\n"
        + "1\t知识产权保护中心建设项目\t建设知识产权保护中心1个\t市市场监管局\t2025年底前\n"
        + "2\t城市快速路建设项目\t建设快速路20公里\t市交通运输局\t2026年底前\n"
        + "3\t智慧停车场项目\t新增公共停车泊位5000个\t市公安局\t2025年底前\n"
    )
    tasks = work_of(plan)
    assert len(tasks) == 7
    assert [t.title for t in plan.nodes[-1].children] == [
        "知识产权保护中心建设项目",
        "城市快速路建设项目",
        "智慧停车场项目",
    ]
    assert owners(tasks[3]) == [("市市场监管局", "lead")]  # the body's own note
    assert not [f for f in plan.findings if f.code.startswith("division_")]


def test_a_row_worded_its_own_way_goes_to_the_task_in_its_place_and_is_flagged() -> None:
    plan = parse_plan(
        _table(
            "1\t推行企业开办一网通办\t市政务服务数据管理局\t/\t2023年底前",
            "2\t工程项目审批提速\t市住房城乡建设局\t/\t2024年6月",
            "3\t推行惠企政策免申即享\t市发展改革委\t/\t长期坚持",
            "4\t加强知识产权保护\t市市场监管局\t/\t2024年底前",
        )
    )
    tasks = tasks_of(plan)
    assert len(tasks) == 4
    assert owners(tasks[1]) == [("市住房城乡建设局", "lead")]
    found = codes(plan, "division_uncertain")
    assert len(found) == 1 and "工程项目审批提速" in found[0] and "压减工程建设项目审批时间" in found[0]
