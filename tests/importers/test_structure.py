"""Document structure: labels broken by a web page's spans, appendices, false labels in running text."""

from __future__ import annotations

import pytest

from desktop.importers.plan_parser import parse_plan


def test_label_split_across_lines_is_one_heading() -> None:
    text = (
        "一、主要任务\n（一）扩大服务供给\n1.有序扩大来源。\n现阶段家庭医生包括全科医生和其他类别临床医师。\n"
        "2\n.不断优化\n签约\n服务团队。\n家庭医生可以个人为签约主体，也可以组建团队。\n"
        "3\n.完善培养培训体系。\n贯彻落实全科医生培养与使用激励机制。\n"
    )
    section = parse_plan(text).nodes[0].children[0]
    assert [(t.label, t.title) for t in section.children] == [
        ("1.", "有序扩大来源"),
        ("2.", "不断优化签约服务团队"),
        ("3.", "完善培养培训体系"),
    ]


def test_appendix_is_its_own_node_not_the_last_measures_text() -> None:
    text = (
        "一、主要任务\n（一）扩大服务供给。\n做好工作。\n二、组织实施\n（一）加强组织领导。\n各区要建立工作机制。\n"
        "附件：1.服务质量监测指标体系\n2.任务分工表\n"
        "附件1\n服务质量监测指标体系\n一级指标\n二级指标\n1.重点人群签约服务覆盖率\n≥80%\n"
        "附件2\n任务分工表\n序号\n工作事项\n1\n有序扩大来源\n"
    )
    plan = parse_plan(text)
    assert [(n.label, n.title) for n in plan.nodes] == [
        ("一、", "主要任务"),
        ("二、", "组织实施"),
        ("附件1", "服务质量监测指标体系"),
        ("附件2", "任务分工表"),
    ]
    measure = plan.nodes[1].children[0]
    assert "覆盖率" not in measure.text and measure.children == []
    assert plan.nodes[2].children == []  # numbered rows of an appendix table are not plan headings


def test_glued_labels_follow_their_numbering() -> None:
    text = (
        "三、主要任务（一）全面控制污染物排放1．狠抓重点行业整治取缔小企业。全面排查小型企业。（区环境局牵头）"
        "2．强化城镇生活污染治理加快设施建设。建设污水处理系统，处理能力达到1.5万吨。（区建设局牵头）"
        "（二）建立统一、规范的标识系统。设置标识。（区规划局负责）"
    )
    plan = parse_plan(text)
    chapter = plan.nodes[0]
    assert [n.label for n in plan.nodes] == ["三、"]
    assert [s.label for s in chapter.children] == ["（一）", "（二）"]
    assert [t.label for t in chapter.children[0].children] == ["1．", "2．"]


def test_notes_under_a_chapter_without_sections_make_one_task_each() -> None:
    text = (
        "一、重点任务\n加快建设数据中心。（责任单位：市数据局）\n完善人才政策。（责任单位：市人社局、市财政局）\n"
        "二、保障措施\n加强组织领导。\n"
    )
    chapter = parse_plan(text).nodes[0]
    assert chapter.units == []
    assert [[u.raw for u in t.units] for t in chapter.children] == [["市数据局"], ["市人社局", "市财政局"]]


def test_chapter_labels_with_a_full_stop() -> None:
    plan = parse_plan("一．总体要求\n坚持系统推进。\n二．主要任务\n（一）加强基础建设\n建设平台。\n")
    assert [(n.label, n.title) for n in plan.nodes] == [("一．", "总体要求"), ("二．", "主要任务")]


def test_a_plan_divided_into_di_chapters_and_di_sections() -> None:
    """十四五 plans number 第一章 › 第一节 › 一、: 一、 are the tasks there, never chapters of their own."""
    text = (
        "第一章 发展基础\n第一节 发展成效\n全市数字经济规模持续扩大。\n"
        "第二章 重点任务\n第一节 建设数字基础设施\n一、加快5G网络建设。（责任单位：市通信管理办）\n"
        "（一）建设基站。建成5G基站1万个。\n二、布局算力设施。（责任单位：市发展改革委）\n"
        "第二节 发展数字产业\n一、培育软件产业。（责任单位：市软件园管委会）\n"
    )
    chapters = parse_plan(text).nodes
    assert [(c.label, c.title) for c in chapters] == [("第一章", "发展基础"), ("第二章", "重点任务")]
    sections = chapters[1].children
    assert [(s.kind, s.label) for s in sections] == [("section", "第一节"), ("section", "第二节")]
    tasks = sections[0].children
    assert [(t.kind, t.label, [u.raw for u in t.units]) for t in tasks] == [
        ("task", "一、", ["市通信管理办"]),
        ("task", "二、", ["市发展改革委"]),
    ]
    assert [(c.label, c.title) for c in tasks[0].children] == [("（一）", "建设基站")]
    assert [t.title for t in sections[1].children] == ["培育软件产业"]


def test_a_plan_divided_into_di_chapters_only() -> None:
    text = (
        "第一章 总体要求\n一、指导思想\n坚持稳中求进。\n第二章 主要任务\n一、优化政务服务\n"
        "（一）推行一网通办。（责任单位：市政务服务局）\n1.建设办事平台。\n二、优化市场环境\n"
        "（一）维护公平竞争。（责任单位：市市场监管局）\n"
    )
    chapters = parse_plan(text).nodes
    assert [c.label for c in chapters] == ["第一章", "第二章"]
    sections = chapters[1].children
    assert [(s.kind, s.label, s.title) for s in sections] == [
        ("section", "一、", "优化政务服务"),
        ("section", "二、", "优化市场环境"),
    ]
    first = sections[0].children[0]
    assert (first.kind, first.label, [u.raw for u in first.units]) == ("task", "（一）", ["市政务服务局"])
    assert [c.label for c in first.children] == ["1."]


def test_below_di_chapters_the_forms_present_take_the_levels_in_order() -> None:
    """第一章 › 1. › （1）: the sub-items stay tasks of their own; 第一章 › 第一节 › （一） › 1. likewise."""
    text = (
        "第一章 交通\n1.推进道路建设。（责任单位：市交通局）\n（1）建设甲路。（责任单位：市住建局）\n"
        "（2）建设乙路。（责任单位：市水务局）\n第二章 水利\n1.治理河道。（责任单位：市水务局）\n"
    )
    task = parse_plan(text).nodes[0].children[0]
    assert [u.raw for u in task.units] == ["市交通局"]
    assert [(c.label, [u.raw for u in c.units]) for c in task.children] == [
        ("（1）", ["市住建局"]),
        ("（2）", ["市水务局"]),
    ]
    text = (
        "第一章 交通\n第一节 道路\n（一）推进道路建设。（责任单位：市交通局）\n1.建设甲路。（责任单位：市住建局）\n"
        "第二章 水利\n第一节 河道\n（一）治理河道。（责任单位：市水务局）\n"
    )
    section = parse_plan(text).nodes[0].children[0]
    assert (section.kind, section.label) == ("section", "第一节")
    task = section.children[0]
    assert (task.kind, task.label, [c.label for c in task.children]) == ("task", "（一）", ["1."])


def test_a_note_for_the_tasks_above_reaches_each_back_to_the_last_with_its_own() -> None:
    text = (
        "一、发展工业\n1.培育龙头企业。（责任单位：市商务局）\n2.发展专精特新。\n3.推进技术改造。\n"
        "以上任务由市工业和信息化局牵头，市金融办、市财政局配合。\n4.招商引资。\n"
    )
    tasks = parse_plan(text).nodes[0].children
    assert [[(u.raw, u.role) for u in t.units] for t in tasks] == [
        [("市商务局", "lead")],
        [("市工业和信息化局", "lead"), ("市金融办", "co"), ("市财政局", "co")],
        [("市工业和信息化局", "lead"), ("市金融办", "co"), ("市财政局", "co")],
        [],
    ]


def test_an_appendix_named_at_the_end_of_the_text_and_then_printed_is_one_node() -> None:
    text = (
        "一、主要任务\n（一）推进老旧小区改造。\n附件：重点任务分工表\n附件\n重点任务分工表\n"
        "序号\t任务内容\t责任单位\t完成时限\n1\t推进老旧小区改造\t市住建局（牵头），市财政局\t2025年12月\n"
    )
    appendices = [n for n in parse_plan(text).nodes if n.label.startswith("附件")]
    assert [(a.label, a.title) for a in appendices] == [("附件", "重点任务分工表")]
    [task] = appendices[0].children
    assert [(u.raw, u.role) for u in task.units] == [("市住建局", "lead"), ("市财政局", "co")]


def test_numbered_items_in_a_box_are_its_items_and_the_next_task_stays_a_task() -> None:
    text = (
        "一、重点任务\n（一）健全物流体系\n1.推进共同配送。建设物流中心1个。（责任单位：县商务局）\n"
        "专栏 重点项目\n1.县城商贸综合体改造项目\n2.电商物流园项目\n"
        "2.建设乡镇商贸中心。改造8个。（责任单位：县供销社）\n"
        "（二）改善大气环境\n专栏1 大气污染治理重点工程\n1.工业源治理工程：完成50家重点企业深度治理。\n"
        "2.移动源治理工程：淘汰柴油货车3000辆。\n"
    )
    first, second = parse_plan(text).nodes[0].children
    assert [(c.kind, c.label) for c in first.children] == [("task", "1."), ("column", "专栏"), ("task", "2.")]
    box = first.children[1]
    assert (box.title, [(i.kind, i.label, i.title) for i in box.children]) == (
        "重点项目",
        [("item", "1.", "县城商贸综合体改造项目"), ("item", "2.", "电商物流园项目")],
    )
    assert [u.raw for u in first.children[2].units] == ["县供销社"]
    [column] = second.children
    assert [i.kind for i in column.children] == ["item", "item"]


def test_running_text_that_begins_with_zhuanlan_is_no_box() -> None:
    from desktop.importers.numbering import match_heading

    assert match_heading("专栏中列出的项目要抓紧推进") is None
    assert match_heading("专栏 重点项目").kind == "column"


def test_the_plans_tasks_after_or_before_a_box_stay_tasks() -> None:
    after = (
        "一、发展商贸\n1.建设乡镇商贸中心。（责任单位：县商务局）\n2.发展农村电商。（责任单位：县商务局）\n"
        "专栏1 商贸重点项目\n1.县城商贸综合体改造项目\n2.电商物流园项目\n3.完善物流配送体系\n"
        "加快建设配送网络。（责任单位：县邮政局）\n"
    )
    chapter = parse_plan(after).nodes[0]
    assert [(c.kind, c.label) for c in chapter.children] == [
        ("task", "1."),
        ("task", "2."),
        ("column", "专栏1"),
        ("task", "3."),
    ]
    before = "二、扩大消费\n专栏2 消费提升重点\n围绕重点领域扩大消费。\n1.举办消费季活动\n2.发展夜间经济\n"
    assert [c.kind for c in parse_plan(before).nodes[0].children] == ["column", "task", "task"]


@pytest.mark.parametrize("line", ["专栏所列项目由县发改委牵头组织实施", "专栏报道", "专栏作家访谈录"])
def test_words_beginning_with_zhuanlan_are_no_box(line: str) -> None:
    from desktop.importers.numbering import match_heading

    assert match_heading(line) is None


def test_a_box_numbered_in_chinese() -> None:
    from desktop.importers.numbering import match_heading

    h = match_heading("专栏一：重点工程")
    assert h is not None and (h.kind, h.number, h.label, h.rest) == ("column", 1, "专栏一", "重点工程")
