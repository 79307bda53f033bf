"""Responsibility notes read as a grammar: clauses of unit lists, role phrases, labels and conventions."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.importers.plan_parser import parse_plan
from desktop.importers.responsibility import find_prose_owners, find_responsibility, parse_responsibility


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "市发展改革委牵头负责、市财政局按职责牵头负责，各区政府组织落实",
            [("市发展改革委", "lead"), ("市财政局", "lead"), ("各区政府", "co")],
        ),
        (
            "牵头单位：市商务局，市财政局。配合单位：市税务局",
            [("市商务局", "lead"), ("市财政局", "lead"), ("市税务局", "co")],
        ),
        (
            "牵头单位：市商务局；配合单位：各区、县级市",
            [("市商务局", "lead"), ("各区、县级市", "co")],
        ),
        (
            "区环境与国土资源局牵头，区经济发展局等参与，相关乡镇配合。以下均需相关乡镇配合，不再列出",
            [("区环境与国土资源局", "lead"), ("区经济发展局", "co"), ("相关乡镇", "co")],
        ),
        (
            "市科委和市财政局牵头，区直各相关单位按职责组织配合",
            [("市科委", "lead"), ("市财政局", "lead"), ("区直各相关单位", "co")],
        ),
        (
            "市住房和城乡建设局、市交通运输局负责，各区县政府配合",
            [("市住房和城乡建设局", "lead"), ("市交通运输局", "co"), ("各区县政府", "co")],
        ),
        (
            "市卫生健康委、市医保局、各片区开发管理局等有关部门负责",
            [("市卫生健康委", "lead"), ("市医保局", "co"), ("各片区开发管理局", "co")],
        ),
    ],
)
def test_note_clauses(content: str, expected: list[tuple[str, str]]) -> None:
    units = parse_responsibility(content)
    assert units is not None
    assert [(u.raw, u.role) for u in units] == expected


def test_role_phrase_never_stays_in_a_name() -> None:
    units = parse_responsibility("市城管局牵头，各区政府组织落实")
    assert units is not None and [u.raw for u in units] == ["市城管局", "各区政府"]


def test_a_note_that_names_a_lead_is_read_mid_sentence() -> None:
    text = "实施居民搬迁工程（区环境局牵头，区经济局等参与）2018年底前完成。"
    [found] = find_responsibility(text)
    assert [u.raw for u in found.units] == ["区环境局", "区经济局"]


def test_prose_owners_first_clause_leads() -> None:
    text = "责任分工：由区规划局负责开展规划编制工作，金井、澳前片区开发管理局组织实施，区直各部门各司其职，协同配合，区交通与建设局业务检查指导。"
    [found] = find_prose_owners(text)
    assert [(u.raw, u.role) for u in found.units] == [
        ("区规划局", "lead"),
        ("金井", "co"),
        ("澳前片区开发管理局", "co"),
        ("区直各部门", "co"),
        ("区交通与建设局", "co"),
    ]


def test_all_responsible_lead_where_the_document_names_leads_with_qiantou() -> None:
    plan = parse_plan(
        "一、主要任务\n（一）控制污染\n1．整治企业\n取缔小企业。（区环境局牵头，区经济局等参与）\n"
        "整治矿山。（区环境局、区安监局负责）\n"
    )
    task = plan.nodes[0].children[0].children[0]
    assert [[(u.raw, u.role) for u in t.units] for t in task.children] == [
        [("区环境局", "lead"), ("区经济局", "co")],
        [("区环境局", "lead"), ("区安监局", "lead")],
    ]


def test_unreadable_notes_are_listed_in_the_review() -> None:
    plan = parse_plan("一、主要任务\n1. 做好工作。（责任单位：2025年底前完成）\n")
    assert [f.code for f in plan.findings if f.code == "unread_note"] == ["unread_note"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("责任单位：市科委（牵头）、市财政局", [("市科委", "lead"), ("市财政局", "co")]),
        ("市科委牵头，市财政局配合，2025年底前完成", [("市科委", "lead"), ("市财政局", "co")]),
        ("持续推进；市商务局负责", [("市商务局", "lead")]),
    ],
)
def test_roles_in_brackets_and_deadlines_inside_notes(content: str, expected: list[tuple[str, str]]) -> None:
    units = parse_responsibility(content)
    assert units is not None and [(u.raw, u.role) for u in units] == expected


def test_bare_unit_names_closing_a_paragraph() -> None:
    [found] = find_responsibility("加快通关便利化改革。（上海海关、市商务委）\n")
    assert [(u.raw, u.role) for u in found.units] == [("上海海关", "lead"), ("市商务委", "co")]
    assert find_responsibility("改造养殖场（小区）和专业户。") == []
    assert find_responsibility("建设全科医生队伍。（含中医类别）\n") == []


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "市发展改革委会同市财政局、市商务委负责",
            [("市发展改革委", "lead"), ("市财政局", "co"), ("市商务委", "co")],
        ),
        ("各区政府负总责，市有关部门按职责分工", [("各区政府", "lead"), ("市有关部门", "co")]),
        (
            "主要责任单位：市科委；协同单位：市教委、市财政局",
            [("市科委", "lead"), ("市教委", "co"), ("市财政局", "co")],
        ),
    ],
)
def test_more_role_phrases_and_labels(content: str, expected: list[tuple[str, str]]) -> None:
    units = parse_responsibility(content)
    assert units is not None and [(u.raw, u.role) for u in units] == expected


def test_a_stray_verb_inside_a_list() -> None:
    units = parse_responsibility("市商务局、市发展改革委负责、市财政局、市税务局")
    assert units is not None
    assert [(u.raw, u.role) for u in units] == [
        ("市商务局", "lead"),
        ("市发展改革委", "co"),
        ("市财政局", "co"),
        ("市税务局", "co"),
    ]
    assert parse_responsibility("市商务局负责、其他事项另行安排") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("实施市场准入负面清单制度。〔责任单位：省市场监管局、商务厅〕", ["省市场监管局", "商务厅"]),
        ("推进“一网通办”。【牵头单位：市政务服务局；配合单位：各区政府】", ["市政务服务局", "各区政府"]),
        ("完善物流枢纽。［责任单位：省发展改革委牵头，交通运输厅配合］", ["省发展改革委", "交通运输厅"]),
    ],
)
def test_notes_in_hexagonal_and_square_brackets(text: str, expected: list[str]) -> None:
    [found] = find_responsibility(text)
    assert [u.raw for u in found.units] == expected
    assert text[found.start] in "〔【［" and found.end == len(text)


def test_a_document_number_in_hexagonal_brackets_is_not_a_note() -> None:
    assert find_responsibility("根据《实施意见》（国发〔2021〕36号）。") == []


def test_a_remark_after_the_list_names_no_unit() -> None:
    units = parse_responsibility(
        "责任单位：省发展改革委、省市场监管局按职责分工负责。具体任务均涉及相关市（州）人民政府，不再做分工，下同。"
    )
    assert units is not None
    assert [u.raw for u in units] == ["省发展改革委", "省市场监管局"]


def test_a_list_comma_inside_brackets_stays_in_the_name() -> None:
    units = parse_responsibility("责任单位：市应急局、各县（市、区）人民政府、各开发区管委会")
    assert units is not None
    assert [u.raw for u in units] == ["市应急局", "各县（市、区）人民政府", "各开发区管委会"]


def test_a_note_after_numbered_sub_items_belongs_to_their_task() -> None:
    text = (
        "（一）一案三制建设\n1.完善应急预案体系\n（1）加强应急预案管理。\n（2）推进应急预案精编化。\n"
        "（责任单位：市应急局、市公安局）\n2.健全应急管理机制\n（1）推进机构建设。（责任单位：市委编办）\n"
        "（2）完善联动机制。\n（责任单位：市应急局）\n"
    )
    section = parse_plan(text).nodes[0]
    first, second = section.children
    assert [u.raw for u in first.units] == ["市应急局", "市公安局"]
    assert [c.units for c in first.children] == [[], []]
    # where a sub-item has a note of its own, each note stays with its item
    assert second.units == []
    assert [[u.raw for u in c.units] for c in second.children] == [["市委编办"], ["市应急局"]]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "牵头单位：市发展改革委；配合单位：市财政局、市数据局；完成时限：2024年12月底前",
            [("市发展改革委", "lead"), ("市财政局", "co"), ("市数据局", "co")],
        ),
        ("责任单位：市数据局；责任领导：分管副市长", [("市数据局", "lead")]),
        (
            "牵头单位：市商务局；联系人：王明，电话：12345678；配合单位：市财政局",
            [("市商务局", "lead"), ("市财政局", "co")],
        ),
    ],
)
def test_time_and_person_labels_name_no_unit(content: str, expected: list[tuple[str, str]]) -> None:
    units = parse_responsibility(content)
    assert units is not None
    assert [(u.raw, u.role) for u in units] == expected


def test_a_first_listed_rule_stated_as_paiming_diyi_makes_the_first_lead() -> None:
    text = (
        "一、重点任务\n1.优化营商环境。（责任单位：市发展改革委、市市场监管局，排名第一的为牵头单位，下同）\n"
        "2.建设数据中心。（市政务服务局牵头，市财政局配合）\n"
    )
    first = parse_plan(text).nodes[0].children[0]
    assert [(u.raw, u.role) for u in first.units] == [("市发展改革委", "lead"), ("市市场监管局", "co")]


def test_a_bare_line_that_names_the_leader_first() -> None:
    text = "一、发展乡村产业\n1、推进农文旅融合。打造精品线路3条。\n牵头领导：副区长；牵头单位：区文化旅游局；配合单位：区农业农村局\n"
    task = parse_plan(text).nodes[0].children[0]
    assert [(u.raw, u.role) for u in task.units] == [("区文化旅游局", "lead"), ("区农业农村局", "co")]


def test_sub_item_numbers_with_no_task_above_them_are_sibling_tasks() -> None:
    text = (
        "一、深入打好污染防治攻坚战\n（1）推进大气污染治理。（责任单位：市生态环境局）\n"
        "（2）推进水污染治理。（责任单位：市水务局）\n（3）推进土壤污染防治。（责任单位：市农业农村局）\n"
    )
    chapter = parse_plan(text).nodes[0]
    assert [(t.label, [u.raw for u in t.units]) for t in chapter.children] == [
        ("（1）", ["市生态环境局"]),
        ("（2）", ["市水务局"]),
        ("（3）", ["市农业农村局"]),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("市发展改革委牵头，市能源局配合。", [("市发展改革委", "lead"), ("市能源局", "co")]),
        ("各区政府负责组织实施。", []),  # prose: no unit leads by 牵头
        ("市政府统一领导，市发展改革委牵头。", []),  # 市政府统一领导 is no unit's name
    ],
)
def test_a_closing_sentence_without_brackets(sentence: str, expected: list[tuple[str, str]]) -> None:
    text = f"一、重点任务\n1.推进能源结构调整。有序推进煤电机组改造。{sentence}\n"
    task = parse_plan(text).nodes[0].children[0]
    assert [(u.raw, u.role) for u in task.units] == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("责任单位：市发改委 市财政局 市商务局", ["市发改委", "市财政局", "市商务局"]),
        ("责任单位：市发改委\u3000市财政局", ["市发改委", "市财政局"]),
        ("牵头单位：市发改委 配合单位：市财政局", ["市发改委", "市财政局"]),
        ("责任单位：市住房和城乡 建设局", ["市住房和城乡建设局"]),  # a name wrapped at the line's end
        ("市发展和改革委员会 负责", ["市发展和改革委员会"]),
    ],
)
def test_spaces_between_names_part_them(content: str, expected: list[str]) -> None:
    units = parse_responsibility(content)
    assert units is not None and [u.raw for u in units] == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("市发改委牵头。市财政局配合，下同", [("市发改委", "lead"), ("市财政局", "co")]),
        (
            "牵头单位：市发改委。市财政局、市商务局配合，不再列出",
            [("市发改委", "lead"), ("市财政局", "co"), ("市商务局", "co")],
        ),
        ("责任单位：市发改委 和 市财政局", [("市发改委", "lead"), ("市财政局", "co")]),
        ("市发改委 及各区政府负责", [("市发改委", "lead"), ("各区政府", "co")]),
        ("责任单位：区政府 办公室", [("区政府办公室", "lead")]),
        ("市发改委牵头；责任领导：张副市长；市财政局配合", [("市发改委", "lead"), ("市财政局", "co")]),
        (
            "责任单位：市发改委、市财政局；完成时限：2024年底前；市商务局配合",
            [("市发改委", "lead"), ("市财政局", "co"), ("市商务局", "co")],
        ),
    ],
)
def test_lists_around_remarks_spaces_and_labels_keep_every_unit(
    content: str, expected: list[tuple[str, str]]
) -> None:
    units = parse_responsibility(content)
    assert units is not None
    assert [(u.raw, u.role) for u in units] == expected


def test_a_ranking_in_the_text_is_no_first_listed_rule() -> None:
    text = (
        "一、重点任务\n1.营商环境评价连续三年排名第一。（市发改委、市财政局负责）\n"
        "2.建设数据中心。（市商务局牵头，市财政局配合）\n"
    )
    first = parse_plan(text).nodes[0].children[0]
    assert [(u.raw, u.role) for u in first.units] == [("市发改委", "lead"), ("市财政局", "lead")]


def test_a_closing_sentence_must_name_units_not_a_verb_and_a_unit() -> None:
    text = "一、重点任务\n1.完善机制。实行市发改委牵头，市财政局配合。\n"
    assert parse_plan(text).nodes[0].children[0].units == []


def test_sub_item_tasks_and_numbered_tasks_after_them_keep_their_order() -> None:
    text = (
        "一、任务\n（一）交通\n（1）甲。（责任单位：市交通局）\n（2）乙。（责任单位：市住建局）\n"
        "1.丙。（责任单位：市水务局）\n2.丁。（责任单位：市工信局）\n"
    )
    section = parse_plan(text).nodes[0].children[0]
    assert [(t.label, [u.raw for u in t.units]) for t in section.children] == [
        ("（1）", ["市交通局"]),
        ("（2）", ["市住建局"]),
        ("1.", ["市水务局"]),
        ("2.", ["市工信局"]),
    ]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "（一）推进厕所革命。新改建农村户厕2000座。牵头单位：县农业农村局；配合单位：县卫健局；"
            "完成时间：2024年10月31日前。",
            [("县农业农村局", "lead"), ("县卫健局", "co")],
        ),
        (
            "1.建设旅游公路。建成旅游环线公路120公里。责任单位：县交通运输局、县文旅局。",
            [("县交通运输局", "lead"), ("县文旅局", "co")],
        ),
    ],
)
def test_a_labelled_note_without_brackets_closing_the_paragraph(
    paragraph: str, expected: list[tuple[str, str]]
) -> None:
    node = parse_plan(f"一、重点任务\n{paragraph}\n").nodes[0].children[0]
    assert [(u.raw, u.role) for u in node.units] == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("区工信局牵头，区财政局配合，年内完成", [("区工信局", "lead"), ("区财政局", "co")]),
        ("人民银行长宁支行、区商务局，2024年6月底前", [("人民银行长宁支行", "lead"), ("区商务局", "co")]),
        (
            "责任单位：县应急管理局、各乡镇人民政府，第三季度末前完成",
            [("县应急管理局", "lead"), ("各乡镇人民政府", "co")],
        ),
        ("县市场监管局等有关行业主管部门负责", [("县市场监管局", "lead")]),
    ],
)
def test_when_inside_a_note_is_no_unit(content: str, expected: list[tuple[str, str]]) -> None:
    units = parse_responsibility(content)
    assert units is not None and [(u.raw, u.role) for u in units] == expected


def test_a_role_in_brackets_after_a_name_is_no_unread_note() -> None:
    from desktop.importers.responsibility import unread_notes

    assert unread_notes("1\t推进老旧小区改造\t市住建局（牵头）、市发改委\t2025年底前") == []


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("县水务局牵头，各镇人民政府落实", [("县水务局", "lead"), ("各镇人民政府", "co")]),
        (
            "县水务局牵头，县林业局配合，各镇人民政府抓好落实",
            [("县水务局", "lead"), ("县林业局", "co"), ("各镇人民政府", "co")],
        ),
        (
            "责任单位：区农业农村局、区委组织部（按职责分工负责）",
            [("区农业农村局", "lead"), ("区委组织部", "co")],
        ),
    ],
)
def test_luoshi_and_a_role_remark_in_brackets(content: str, expected: list[tuple[str, str]]) -> None:
    units = parse_responsibility(content)
    assert units is not None and [(u.raw, u.role) for u in units] == expected


def test_a_list_of_tasks_with_no_chapter_above_keeps_its_note_lines() -> None:
    text = (
        "测试区任务分工方案\n1．实施高标准农田建设2万亩。\n牵头单位：区农业农村局\n配合单位：区财政局、区水务局\n"
        "完成时限：2024年12月底前\n2．稳定粮食播种面积。\n责任单位：区农业农村局\n"
    )
    first, second = parse_plan(text).nodes
    assert [(u.raw, u.role) for u in first.units] == [
        ("区农业农村局", "lead"),
        ("区财政局", "co"),
        ("区水务局", "co"),
    ]
    assert first.deadline == dt.date(2024, 12, 31)
    assert [u.raw for u in second.units] == ["区农业农村局"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "1.改厕。改造户厕2000座。牵头单位：县农业农村局。各乡镇要加强配合。",
        "1.协调。加强协调。责任单位：要切实履行主体责任，县财政局要保障经费。",
        "1.森林。森林覆盖率达到45%（2020年，省林业局）。",
    ],
)
def test_prose_after_a_label_and_a_cited_source_name_no_unit(paragraph: str) -> None:
    assert parse_plan(f"一、任务\n{paragraph}\n").nodes[0].children[0].units == []


def test_a_line_beginning_with_yishang_that_is_no_note() -> None:
    text = "一、任务\n1.甲。\n2.乙。\n以上各项任务要明确责任人，各责任单位负责落实。\n"
    assert [t.units for t in parse_plan(text).nodes[0].children] == [[], []]


def test_a_zerenbumen_list_has_its_first_lead_even_where_other_notes_name_leads() -> None:
    """（A、B负责） may mean all lead in a plan that names leads with 牵头 elsewhere; （责任单位：A、B） keeps the
    rule that the first listed unit leads."""
    text = (
        "一、主要任务\n（一）实施智能化改造。〔责任单位：市工业和信息化局、市发展改革委，各区县（市）人民政府〕\n"
        "（二）培育平台。〔牵头单位：市工业和信息化局；配合单位：市科技局〕\n（三）强化支撑。（市数据局、市财政局负责）\n"
    )
    first, _, third = parse_plan(text).nodes[0].children
    assert [(u.raw, u.role) for u in first.units] == [
        ("市工业和信息化局", "lead"),
        ("市发展改革委", "co"),
        ("各区县（市）人民政府", "co"),
    ]
    assert [(u.raw, u.role) for u in third.units] == [("市数据局", "lead"), ("市财政局", "lead")]


def test_a_supply_cooperative_and_a_library_are_units() -> None:
    units = parse_responsibility("区商务局、区供销社，6月底前完成")
    assert units is not None and [u.raw for u in units] == ["区商务局", "区供销社"]
    units = parse_responsibility("县文化馆和县图书馆负责")
    assert units is not None and [u.raw for u in units] == ["县文化馆", "县图书馆"]
