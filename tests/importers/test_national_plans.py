"""Real national plans: numbering conventions, responsibility conventions, html equals txt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from importer_checks import tree_signature

from desktop.importers.load import load_plan
from desktop.importers.parsed import ParsedPlan

PLANS = Path(__file__).resolve().parents[1] / "data" / "plans"
NAMES = sorted(p.stem for p in PLANS.glob("0*.txt"))


def _load(prefix: str, ext: str = "txt") -> ParsedPlan:
    return load_plan(next(PLANS.glob(f"{prefix}_*.{ext}")))


@pytest.mark.parametrize("stem", NAMES)
def test_html_and_txt_give_the_same_tree(stem: str) -> None:
    txt, html = load_plan(PLANS / f"{stem}.txt"), load_plan(PLANS / f"{stem}.html")
    assert html.source_format == "html" and txt.source_format == "txt"
    assert tree_signature(html) == tree_signature(txt)
    assert (html.title, html.doc_number, html.issued_on) == (txt.title, txt.doc_number, txt.issued_on)


def test_02_tasks_and_first_unit_leads() -> None:
    plan = _load("02")
    assert plan.title == "国务院关于促进综合保税区高水平开放高质量发展的若干意见"
    assert (plan.doc_number, plan.issued_on) == ("国发〔2019〕3号", dt.date(2019, 1, 12))
    tasks = [n for n in plan.walk() if n.kind == "task"]
    assert [t.label for t in tasks] == [f"{i}." for i in range(1, 22)]
    first = tasks[0]
    assert first.title == "拓展两个市场"
    # "排在第一位的部门为牵头部门，下同" is a convention, not a unit
    assert [(u.name, u.role) for u in first.units] == [
        ("税务总局", "lead"),
        ("财政部", "co"),
        ("海关总署", "co"),
    ]
    assert all(t.units for t in tasks)


def test_03_sections_with_convention_and_collective_units() -> None:
    plan = _load("03")
    sections = [n for n in plan.walk() if n.kind == "section"]
    assert len(sections) == 15 and all(s.units for s in sections)
    assert [u.name for u in sections[0].units] == ["人力资源社会保障部", "财政部"]
    names = {u.name for s in sections for u in s.units}
    assert "各省级人民政府" in names and not any("第一位" in n or "下同" in n for n in names)


def test_04_straight_through_sections_and_goals() -> None:
    plan = _load("04")
    sections = [n for n in plan.walk() if n.kind in ("section", "measure")]
    assert [s.label for s in sections][:3] == ["（一）", "（二）", "（三）"] and sections[
        -1
    ].label == "（二十）"
    assert len(sections) == 20
    assert [n.label for n in plan.nodes[1].children] == ["（三）", "（四）", "（五）", "（六）"]
    assert [u.name for u in sections[2].units][:2] == ["工业和信息化部", "国家发展改革委"]  # "等负责" dropped
    assert not [f for f in plan.findings if f.code == "numbering_gap"]
    assert sorted(n.goal_year for n in plan.walk() if n.kind == "goal") == [2020, 2025]


def test_05_covering_notice_unnumbered_tasks_and_deadlines() -> None:
    plan = _load("05")
    assert plan.title == "“无废城市”建设试点工作方案"
    assert "关于印发" in plan.metadata["通知标题"] and plan.issuer == "国务院办公厅"
    first_section = plan.nodes[1].children[0]
    tasks = [c for c in first_section.children if c.kind == "task"]
    assert len(tasks) == 4
    assert tasks[0].title == "建立“无废城市”建设指标体系，发挥导向引领作用"
    assert tasks[0].units[0].name == "生态环境部" and tasks[0].units[0].role == "lead"
    assert tasks[0].deadline == dt.date(2019, 6, 30)
    assert all("指导" not in u.name for n in plan.walk() for u in n.units)
    assert [m.kind for m in plan.nodes[-1].children] == ["measure"] * 4


def test_06_no_units_invented() -> None:
    plan = _load("06")
    assert plan.title == "国家职业教育改革实施方案"
    assert all(not n.units for n in plan.walk())
    assert not [f for f in plan.findings if f.code == "unknown_unit"]
    assert plan.count("section") + plan.count("measure") == 20
