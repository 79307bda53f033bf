"""Unit aliases and responsibility list forms."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.importers.dates import find_deadline, find_recurrence
from desktop.importers.plan_parser import parse_plan
from desktop.importers.responsibility import find_responsibility, parse_responsibility
from desktop.importers.units import canonical_unit, is_collective, unit_kind


@pytest.mark.parametrize(
    ("a", "b", "city"),
    [
        ("市市场监管局", "北京市市场监督管理局", "北京"),
        ("市发展改革委", "市发改委", None),
        ("市科委", "市科技局", None),
        ("市经济和信息化局", "市经济信息化局", None),
        ("市住房城乡建设委", "市住房和城乡建设委员会", None),
        ("市卫生健康委", "市卫健委", None),
        ("国家市场监管总局", "市场监管总局", None),
        ("国家市场监督管理总局", "市场监管总局", None),
        ("发展改革委", "国家发展改革委", None),
        ("海淀区政府", "海淀区人民政府", None),
        (" 市 教委 ", "市教育委员会", None),
    ],
)
def test_aliases_meet(a: str, b: str, city: str | None) -> None:
    assert canonical_unit(a, city) == canonical_unit(b, city)


def test_city_keeps_bureaus_apart() -> None:
    assert canonical_unit("市市场监管局", "北京") != canonical_unit("市市场监管局", "西安")
    assert canonical_unit("西安市市场监督管理局") == canonical_unit("市市场监管局", "西安市")


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("市财政局", "bureau"),
        ("怀柔区政府", "district_government"),
        ("国网北京市电力公司", "company"),
        ("各区政府", "collective"),
        ("各有关部门", "collective"),
        ("中国计量科学研究院", "institution"),
        ("某某", "other"),
    ],
)
def test_unit_kind(name: str, kind: str) -> None:
    assert unit_kind(name) == kind
    assert is_collective(name) == (kind == "collective")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("责任单位：市财政局、市教委", [("市财政局", "lead"), ("市教委", "co")]),
        (
            "牵头单位：市发展改革委；配合单位：市财政局，市科委",
            [("市发展改革委", "lead"), ("市财政局", "co"), ("市科委", "co")],
        ),
        ("市市场监管局牵头，各有关部门按职责分工负责", [("市市场监管局", "lead"), ("各有关部门", "co")]),
        (
            "税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同",
            [("税务总局", "lead"), ("财政部", "co"), ("海关总署", "co")],
        ),
        (
            "人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同",
            [("人力资源社会保障部", "lead"), ("财政部", "co")],
        ),
        ("农业农村部、发展改革委等负责", [("农业农村部", "lead"), ("发展改革委", "co")]),
        (
            "生态环境部牵头，国家发展改革委、工业和信息化部参与",
            [("生态环境部", "lead"), ("国家发展改革委", "co"), ("工业和信息化部", "co")],
        ),
        ("自然资源部、工业和信息化部指导", [("自然资源部", "lead"), ("工业和信息化部", "co")]),
    ],
)
def test_list_forms(content: str, expected: list[tuple[str, str]]) -> None:
    units = parse_responsibility(content)
    assert units is not None
    assert [(u.raw, u.role) for u in units] == expected


@pytest.mark.parametrize(
    "text",
    [
        "（2021—2035年）",
        "（基地、实验室、专业站等）",
        "（此件公开发布）",
        "（试行）",
        "实施（技工院校内由人力资源社会保障行政部门负责），国务院",
    ],
)
def test_ordinary_parentheses_are_not_lists(text: str) -> None:
    assert find_responsibility(text) == []


def test_half_width_brackets_and_separators() -> None:
    plan = parse_plan("一、重点任务\n1. 做好工作。(责任单位:市财政局,市教委;市科委)\n")
    task = plan.nodes[0].children[0]
    assert [u.raw for u in task.units] == ["市财政局", "市教委", "市科委"]
    assert task.title == "做好工作"


def test_deadlines_and_recurrence() -> None:
    assert find_deadline("到2025年，建成") == dt.date(2025, 12, 31)
    assert find_deadline("2025年底前完成") == dt.date(2025, 12, 31)
    assert find_deadline("2019年6月底前，研究") == dt.date(2019, 6, 30)
    assert find_deadline("2024年年底前完成") == dt.date(2024, 12, 31)
    assert find_deadline("加强管理") is None
    assert find_deadline("2025年6月底完成") == dt.date(2025, 6, 30)
    assert find_deadline("2023年6月，市政府印发") is None  # a month mentioned is not a deadline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（牵头单位：市商务局；完成时限：2024年12月）", dt.date(2024, 12, 31)),
        ("（责任单位：市商务局；完成时间：2025年9月30日）", dt.date(2025, 9, 30)),
        ("到2027年，建成体系。（责任单位：市商务局；完成时限：2025年）", dt.date(2025, 12, 31)),
        ("完成时限：2025年上半年", dt.date(2025, 6, 30)),
        ("完成时限：2025年第三季度）", dt.date(2025, 9, 30)),
        (
            "时间节点：2024年3月启动，2024年12月底前完成",
            dt.date(2024, 12, 31),
        ),  # when it starts is no deadline
        ("完成时限：2023年起持续推进", None),
        ("（县林业局牵头，县水务局参与，2024年1月—12月）", dt.date(2024, 12, 31)),
    ],
)
def test_a_deadline_under_its_label_is_the_deadline(text: str, expected: dt.date | None) -> None:
    assert find_deadline(text) == expected
    assert find_recurrence("每年开展一次") == "每年"
    assert find_recurrence("长期坚持") == "长期"
    assert find_recurrence("持续推进诚信建设") == "持续"


def test_unknown_units_are_reported_once() -> None:
    plan = parse_plan(
        "一、重点任务\n1. 甲。（责任单位：市新设局、市财政局）\n2. 乙。（责任单位：市新设局）\n"
    )
    unknown = [f for f in plan.findings if f.code == "unknown_unit"]
    assert [f.excerpt for f in unknown] == ["市新设局"]


@pytest.mark.parametrize("name", ["市直各有关单位", "市有关部门", "区直相关单位", "县级其他部门"])
def test_a_citys_collective_wording_is_no_single_unit_and_gets_no_city_name(name: str) -> None:
    assert is_collective(name)
    assert canonical_unit(name, "运城") == name


def test_a_single_city_unit_gets_the_citys_name() -> None:
    assert canonical_unit("市直机关工委", "运城") == "运城市直机关工委"


def test_an_annual_plan_writes_its_deadlines_without_the_year() -> None:
    plan = parse_plan(
        "2024年全县安全生产工作要点\n一、重点工作\n1.道路交通安全。6月底前完成隐患车辆清零。（责任单位：县交警大队）\n"
        "2.应急队伍建设。第三季度末前完成队伍组建。（责任单位：县应急管理局）\n3.消防安全。年内完成检查。（责任单位：县消防救援大队）\n4.经济运行。全年增长6%。（责任单位：县统计局）\n"
    )
    assert [t.deadline for t in plan.nodes[0].children] == [
        dt.date(2024, 6, 30),
        dt.date(2024, 9, 30),
        dt.date(2024, 12, 31),
        None,  # 全年 in prose says how much in the year, not by when
    ]


def test_a_year_that_describes_sets_no_deadline_and_a_bond_is_no_rhythm() -> None:
    plan = parse_plan(
        "某市推进城市更新行动实施方案（2024—2026年）\n一、重点任务\n"
        "1.推进老旧小区改造。重点改造2000年底前建成的老旧小区，用好超长期特别国债资金。（责任单位：市住建局）\n"
    )
    task = plan.nodes[0].children[0]
    assert (task.deadline, task.recurrence) == (None, "")


def test_a_date_in_chinese_numerals() -> None:
    from desktop.importers.dates import parse_date

    assert parse_date("二〇二四年四月十日") == dt.date(2024, 4, 10)
    assert parse_date("二○一五年十二月三十一日") == dt.date(2015, 12, 31)


def test_a_serial_cell_list_keeps_a_bracketed_name_whole() -> None:
    from desktop.importers.table_tasks import split_units
    from desktop.importers.text_tables import is_unit_list

    assert split_units("市住建局、各县（市、区）人民政府 市财政局") == [
        "市住建局",
        "各县（市、区）人民政府",
        "市财政局",
    ]
    assert is_unit_list("各县（市、区）人民政府、市财政局")
    assert canonical_unit("市直各执法部门", "青川") == "市直各执法部门"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("力争三年内完成", None),
        ("明年底前完成", None),
        ("上半年经济运行平稳", None),
        ("上半年启动，年底前完成", dt.date(2024, 12, 31)),
        ("4月前后", None),
        ("6月30日前完成", dt.date(2024, 6, 30)),
    ],
)
def test_year_less_phrases_in_an_annual_plan(text: str, expected: dt.date | None) -> None:
    from desktop.importers.dates import find_deadline_in_year

    assert find_deadline_in_year(text, 2024) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "某县2030年前碳达峰实施方案",
            dt.date(2025, 12, 31),
        ),  # no plan for one year: the dated phrase stands
        ("某县三年行动方案（2024年—2026年）", None),  # a span of years: 6月底前 has no year
    ],
)
def test_only_a_plan_for_one_year_lends_its_year(title: str, expected: dt.date | None) -> None:
    body = "2025年底前完成。" if "2030" in title else "6月底前启动，两年内完成。"
    plan = parse_plan(f"{title}\n一、任务\n1.甲。{body}（责任单位：县发改局）\n")
    assert plan.nodes[0].children[0].deadline == expected


def test_a_year_end_before_a_verb_that_is_no_description() -> None:
    assert find_deadline("2024年底前全县的农村公路完成改造") == dt.date(2024, 12, 31)
    assert find_deadline("重点改造2000年底前建成的老旧小区") is None
