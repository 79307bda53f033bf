"""Document structure: labels broken by a web page's spans, appendices, false labels in running text."""

from __future__ import annotations

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
