"""Tables flattened one cell per paragraph: task tables become tasks with units and deadlines, indicator
tables become indicators, whatever the page breaks, merged cells and split cells did to the paragraphs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.importers.load import load_plan
from desktop.importers.parsed import ParsedNode, ParsedPlan
from desktop.importers.plan_parser import parse_plan

PLAN_HEAD = "某市优化营商环境三年行动方案（2023—2025年）\n一、总体要求\n坚持问题导向，持续优化营商环境。\n"


def cells(*paragraphs: str) -> str:
    return "\n".join(paragraphs) + "\n"


def tasks_of(plan: ParsedPlan) -> list[ParsedNode]:
    return [n for n in plan.walk() if n.kind == "task"]


def owners(node: ParsedNode) -> list[tuple[str, str]]:
    return [(u.raw, u.role) for u in node.units]


TASK_TABLE = PLAN_HEAD + cells(
    "附件",
    "重点任务分工表",
    "序号",
    "任务名称",
    "牵头单位",
    "配合单位",
    "完成时限",
    "1",
    "建立企业开办一网通办平台",
    "市政务服务数据管理局",
    "市市场监管局、市税务局",
    "2023年底前",
    "2",
    "压减工程建设项目审批时间",
    "市住房城乡建设局",
    "市自然资源局",
    "2024年6月",
    "3",
    "推行惠企政策免申即享",
    "市发展改革委、市财政局",
    "/",
    "长期坚持",
)


def test_each_row_of_a_task_table_is_a_task_with_its_units_and_deadline() -> None:
    plan = parse_plan(TASK_TABLE)
    tasks = tasks_of(plan)
    assert [(t.label, t.title) for t in tasks] == [
        ("1", "建立企业开办一网通办平台"),
        ("2", "压减工程建设项目审批时间"),
        ("3", "推行惠企政策免申即享"),
    ]
    assert owners(tasks[0]) == [
        ("市政务服务数据管理局", "lead"),
        ("市市场监管局", "co"),
        ("市税务局", "co"),
    ]
    # every unit of a 牵头单位 cell leads; '/' is an empty cell
    assert owners(tasks[2]) == [("市发展改革委", "lead"), ("市财政局", "lead")]
    assert [t.deadline for t in tasks] == [dt.date(2023, 12, 31), dt.date(2024, 6, 30), None]
    assert tasks[2].recurrence == "长期"


def test_an_appendix_table_hangs_under_its_own_node() -> None:
    plan = parse_plan(TASK_TABLE)
    appendix = plan.nodes[-1]
    assert (appendix.label, appendix.title) == ("附件", "重点任务分工表")
    assert [c.label for c in appendix.children] == ["1", "2", "3"]
    # the chapter before the appendix keeps only its own text
    assert "建立企业开办" not in plan.nodes[0].text


def test_serial_numbers_and_recurring_unit_cells_survive_the_clean_up() -> None:
    # Bare '1'/'2' lines look like page numbers and a cell printed on every row like a running header.
    rows = []
    for n in range(1, 6):
        rows += [str(n), f"第{n}项改革任务落实到位", "市财政局", "2025年底前"]
    plan = parse_plan(PLAN_HEAD + cells("序号", "工作任务", "责任单位", "完成时限", *rows))
    tasks = tasks_of(plan)
    assert [t.label for t in tasks] == ["1", "2", "3", "4", "5"]
    assert all(owners(t) == [("市财政局", "lead")] for t in tasks)
    assert all(t.deadline == dt.date(2025, 12, 31) for t in tasks)


def test_header_repeated_at_a_page_break_and_page_marks_are_dropped() -> None:
    plan = parse_plan(
        PLAN_HEAD
        + cells(
            "序号",
            "重点任务",
            "牵头单位",
            "完成时限",
            "1",
            "开展数字政府建设",
            "市政务服务数据管理局",
            "2024年底前",
            "- 2 -",
            "序号",
            "重点任务",
            "牵头单位",
            "完成时限",
            "2",
            "深化信用监管",
            "市发展改革委",
            "2025年底前",
        )
    )
    tasks = tasks_of(plan)
    assert [(t.label, t.title, owners(t)) for t in tasks] == [
        ("1", "开展数字政府建设", [("市政务服务数据管理局", "lead")]),
        ("2", "深化信用监管", [("市发展改革委", "lead")]),
    ]


def test_a_merged_cell_printed_once_applies_to_the_rows_it_spans() -> None:
    plan = parse_plan(
        PLAN_HEAD
        + cells(
            "序号",
            "任务",
            "责任单位",
            "完成时限",
            "1",
            "编制产业地图",
            "市工业和信息化局",
            "2024年底前",
            "2",
            "建立重点企业服务专员制度",
            "2025年6月底前",
        )
    )
    tasks = tasks_of(plan)
    assert owners(tasks[1]) == [("市工业和信息化局", "lead")]
    assert tasks[1].deadline == dt.date(2025, 6, 30)


def test_sub_rows_split_cells_and_units_one_per_line() -> None:
    plan = parse_plan(
        PLAN_HEAD
        + cells(
            "序号",
            "工作事项",
            "主要内容",
            "牵头单位",
            "配合单位",
            "1",
            "提升政务服务效能。",
            "推行帮办代办服务，在各区政务服务中心设立帮办代办窗口，",
            "为企业提供全程指导。",
            "各区政府",
            "市政务服务数据管理局",
            "建立政务服务好差评制度，差评整改率达到100%。",
            "市政务服务数据管理局",
            "市委编办",
            "各区政府",
            "2",
            "优化纳税服务。",
            "拓展非接触式办税缴费服务，主要涉税服务事项网上办理。",
            "市税务局",
            "/",
        )
    )
    tasks = tasks_of(plan)
    assert [t.label for t in tasks] == ["1", "2"]
    first = tasks[0]
    assert first.title == "提升政务服务效能"
    # the sub-rows' owners are united; a unit that leads in one sub-row leads the task
    assert owners(first) == [("各区政府", "lead"), ("市政务服务数据管理局", "lead"), ("市委编办", "co")]
    # a cell split over two paragraphs is one cell again
    assert "设立帮办代办窗口，为企业提供全程指导。" in first.text
    assert "差评整改率达到100%" in first.text
    assert owners(tasks[1]) == [("市税务局", "lead")]


def test_a_table_that_is_not_followed_by_a_table_ends_where_prose_resumes() -> None:
    plan = parse_plan(
        PLAN_HEAD
        + cells(
            "专栏1　主要指标",
            "序号",
            "指　　标",
            "预期值",
            "属性",
            "1",
            "生产安全事故死亡人数",
            "下降15%",
            "约束性",
            "2",
            "年均每百万人口因自然灾害死亡率",
            "<1",
            "预期性",
            "应急管理体制机制更加完善，领导体制、指挥体制、职能配置、机构设置更加协同高效。",
            "二、主要任务",
            "（一）深化体制改革",
            "1.健全领导体制。完善应急指挥机制。（市应急局负责）",
        )
    )
    assert [(i.name, i.target, i.operator, i.target_value, i.attribute, i.year) for i in plan.indicators] == [
        ("生产安全事故死亡人数", "下降15%", "", 15.0, "binding", 2025),
        ("年均每百万人口因自然灾害死亡率", "<1", "<", 1.0, "expected", 2025),
    ]
    column = next(n for n in plan.walk() if n.kind == "column")
    assert "应急管理体制机制更加完善" in column.text or any(
        "应急管理体制机制更加完善" in c.title for c in column.children
    )
    assert [t.label for t in tasks_of(plan)] == ["1."]


def test_indicator_table_with_groups_vertical_text_and_several_target_years() -> None:
    plan = parse_plan(
        PLAN_HEAD
        + cells(
            "专栏1 主要发展指标",
            "类别",
            "指标",
            "单位",
            "2020年",
            "2025年",
            "2035年",
            "属性",
            "生",
            "态",
            "环",
            "境",
            "森林覆盖率",
            "%",
            "45.2",
            "≥46",
            "50",
            "约束性",
            "新增湿地面积",
            "平方公里",
            "10",
            "50平方公里",
            "80",
            "预期性",
            "民生",
            "城镇污水处理率",
            "%",
            "90",
            "100%（不含农村）",
            "100",
            "约束性",
        )
    )
    inds = plan.indicators
    assert [(i.field, i.name) for i in inds] == [
        ("生态环境", "森林覆盖率"),
        ("生态环境", "新增湿地面积"),
        ("民生", "城镇污水处理率"),
    ]
    assert [(i.target, i.unit, i.year, i.attribute) for i in inds] == [
        ("≥46", "%", 2025, "binding"),
        ("50平方公里", "平方公里", 2025, "expected"),
        ("100%（不含农村）", "%", 2025, "binding"),
    ]
    assert inds[0].operator == "≥" and inds[0].target_value == 46.0
    # the baseline and the 2035 target are kept with the indicator
    assert inds[0].baseline.startswith("45.2") and "2035年：50" in inds[0].baseline


def test_numbered_rows_of_an_appendix_indicator_table_are_not_headings() -> None:
    plan = parse_plan(
        PLAN_HEAD
        + cells(
            "附件1",
            "监测指标体系",
            "一级指标",
            "二级指标",
            "评价标准",
            "数据来源",
            "服务数量",
            "1.重点人群签约服务覆盖率",
            "较上一年增加，2025年达到80%。",
            "统计年报",
            "2.签约服务覆盖率",
            "每年增加1-3个百分点。",
            "1.抽查核实；",
            "2.现场检查。",
            "服务质量",
            "3.签约居民满意率",
            "≥90%",
            "第三方调查",
        )
    )
    assert [(i.field, i.name, i.target) for i in plan.indicators] == [
        ("服务数量", "重点人群签约服务覆盖率", "较上一年增加，2025年达到80%。"),
        ("服务数量", "签约服务覆盖率", "每年增加1-3个百分点。"),
        ("服务质量", "签约居民满意率", "≥90%"),
    ]
    assert tasks_of(plan) == []


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_task_table_reads_the_same_in_any_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"plan_{encoding}.txt"
    path.write_bytes(TASK_TABLE.encode(encoding))
    plan = load_plan(path)
    assert [(t.label, owners(t)[0]) for t in tasks_of(plan)] == [
        ("1", ("市政务服务数据管理局", "lead")),
        ("2", ("市住房城乡建设局", "lead")),
        ("3", ("市发展改革委", "lead")),
    ]


def test_group_rows_spanning_a_task_table_group_its_tasks() -> None:
    plan = parse_plan(
        PLAN_HEAD
        + cells(
            "附件",
            "任务清单",
            "序号",
            "重点任务",
            "责任单位",
            "完成时限",
            "一、优化政务服务",
            "1",
            "推行一网通办",
            "市政务服务数据管理局",
            "2024年底前",
            "2",
            "推行跨省通办",
            "市政务服务数据管理局",
            "2025年底前",
            "二、优化法治环境",
            "1",
            "规范涉企执法",
            "市司法局",
            "2024年6月底前",
        )
    )
    appendix = plan.nodes[-1]
    groups = appendix.children
    assert [(g.label, g.title) for g in groups] == [("一、", "优化政务服务"), ("二、", "优化法治环境")]
    assert [[(t.label, t.title) for t in g.children] for g in groups] == [
        [("1", "推行一网通办"), ("2", "推行跨省通办")],
        [("1", "规范涉企执法")],
    ]
    assert owners(groups[1].children[0]) == [("市司法局", "lead")]
    # the plan's own chapters are not mixed up with the table's groups
    assert [n.label for n in plan.nodes] == ["一、", "附件"]


def test_header_cells_over_two_paragraphs_and_a_second_unit_column() -> None:
    plan = parse_plan(
        PLAN_HEAD
        + cells(
            "序",
            "号",
            "工作任务",
            "牵头单位",
            "责任单位",
            "完成",
            "时限",
            "1",
            "实施技术改造",
            "市工业和信息化局",
            "各区政府",
            "2024年",
            "2",
            "培育专精特新企业",
            "市工业和信息化局",
            "市科技局、市财政局",
            "2025年12月",
        )
    )
    tasks = tasks_of(plan)
    assert [(t.label, t.title) for t in tasks] == [("1", "实施技术改造"), ("2", "培育专精特新企业")]
    # 牵头单位 leads, the 责任单位 beside it cooperate
    assert owners(tasks[1]) == [("市工业和信息化局", "lead"), ("市科技局", "co"), ("市财政局", "co")]
    assert [t.deadline for t in tasks] == [dt.date(2024, 12, 31), dt.date(2025, 12, 31)]


def test_without_a_serial_column_the_numbered_task_name_gives_the_label() -> None:
    plan = parse_plan(
        PLAN_HEAD
        + cells(
            "重点任务",
            "责任单位",
            "完成时限",
            "1.推行一网通办",
            "市政务服务数据管理局",
            "2024年底前",
            "2.规范涉企执法",
            "市司法局",
            "2025年底前",
        )
    )
    assert [(t.label, t.title, owners(t)) for t in tasks_of(plan)] == [
        ("1", "推行一网通办", [("市政务服务数据管理局", "lead")]),
        ("2", "规范涉企执法", [("市司法局", "lead")]),
    ]


def test_a_two_column_task_list_and_cells_that_say_who_leads() -> None:
    plan = parse_plan(
        PLAN_HEAD
        + cells(
            "重点任务",
            "责任单位",
            "推行一网通办",
            "市政务服务数据管理局牵头，各区政府配合",
            "规范涉企执法",
            "市司法局、市市场监管局",
        )
    )
    tasks = tasks_of(plan)
    assert [t.title for t in tasks] == ["推行一网通办", "规范涉企执法"]
    assert owners(tasks[0]) == [("市政务服务数据管理局", "lead"), ("各区政府", "co")]
    # a 责任单位 list without a word on roles: the first unit leads
    assert owners(tasks[1]) == [("市司法局", "lead"), ("市市场监管局", "co")]


def test_a_table_of_projects_headed_xiangmu_neirong_gives_tasks() -> None:
    plan = parse_plan(
        "某区2026年为民办实事项目实施方案\n一、医疗类项目\n"
        "序号\t项目内容\t责任单位\t完成时限\n"
        "1\t建设社区卫生服务站5个\t区卫生健康委\t2026年10月底\n"
        "2\t开展老年人免费体检\t区卫生健康委、各街道办事处\t2026年12月底\n"
    )
    assert [(t.title, owners(t), t.deadline) for t in tasks_of(plan)] == [
        ("建设社区卫生服务站5个", [("区卫生健康委", "lead")], dt.date(2026, 10, 31)),
        ("开展老年人免费体检", [("区卫生健康委", "lead"), ("各街道办事处", "co")], dt.date(2026, 12, 31)),
    ]


def test_a_plan_that_is_one_task_table_under_its_title() -> None:
    plan = parse_plan(
        "东湖区2024年城市更新行动任务清单\n东湖区人民政府办公室\n2024年3月15日\n"
        "序号\t工作任务\t具体措施\t牵头单位\t责任单位\t完成时限\n"
        "1\t老旧小区改造\t完成老旧小区改造30个\t区住房城乡建设局\t各街道办事处\t2024年12月底前\n"
        "2\t城中村改造\t启动城中村改造项目3个\t区城市更新中心\t区财政局\t2024年6月底前\n"
    )
    assert (plan.title, plan.issuer, plan.issued_on) == (
        "东湖区2024年城市更新行动任务清单",
        "东湖区人民政府办公室",
        dt.date(2024, 3, 15),
    )
    assert [(t.title, owners(t), t.deadline) for t in tasks_of(plan)] == [
        ("老旧小区改造", [("区住房城乡建设局", "lead"), ("各街道办事处", "co")], dt.date(2024, 12, 31)),
        ("城中村改造", [("区城市更新中心", "lead"), ("区财政局", "co")], dt.date(2024, 6, 30)),
    ]


def test_a_table_of_projects_without_serial_numbers_gives_one_task_per_row() -> None:
    plan = parse_plan(
        "南湖县2024年重点民生实事项目责任分解表\n一、民生实事\n"
        "类别\t项目内容\t责任领导\t牵头单位\t责任单位\t完成时限\n"
        "教育\t新建城南小学，新增学位1800个\t陈志强\t县教育局\t县财政局\t2024年8月底前\n"
        "教育\t改造农村薄弱学校10所\t陈志强\t县教育局\t各乡镇人民政府\t2024年12月底前\n"
        "医疗\t建设县域医共体信息平台\t李华\t县卫生健康局\t县大数据中心\t2024年11月底前\n"
    )
    assert [(owners(t)[0], t.deadline) for t in tasks_of(plan)] == [
        (("县教育局", "lead"), dt.date(2024, 8, 31)),
        (("县教育局", "lead"), dt.date(2024, 12, 31)),
        (("县卫生健康局", "lead"), dt.date(2024, 11, 30)),
    ]
