"""The Xi'an seed plan imports with its chapters, tasks, units, columns and indicator table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.importers.load import load_plan
from desktop.importers.parsed import ParsedPlan

ROOT = Path(__file__).resolve().parents[2]
XIAN = ROOT / "resources" / "plans" / "xian_jiliang_2024.txt"


@pytest.fixture(scope="module")
def plan() -> ParsedPlan:
    return load_plan(XIAN)


def test_metadata(plan: ParsedPlan) -> None:
    assert plan.title == "西安市贯彻落实《计量发展规划（2021—2035年）》实施方案"
    assert plan.doc_number == "市政办函〔2024〕31号"
    assert plan.issuer == "西安市人民政府办公厅"
    assert plan.issued_on == dt.date(2024, 4, 28)
    assert "关于印发" in plan.metadata["通知标题"]
    assert "市委各部门" in plan.metadata["抄送"] and "各人民团体" in plan.metadata["抄送"]
    assert plan.source_format == "txt" and plan.encoding.startswith("utf-8") and len(plan.source_sha256) == 64


def test_chapters_and_sections(plan: ParsedPlan) -> None:
    chapters = [n for n in plan.nodes if n.kind == "chapter"]
    assert [c.label for c in chapters] == ["一、", "二、", "三、"]
    assert [c.title for c in chapters] == ["总体要求", "重点任务", "保障措施"]
    sections = [n for n in chapters[1].children if n.kind == "section"]
    assert [s.label for s in sections] == ["（一）", "（二）", "（三）", "（四）"]
    assert sections[0].title == "加强计量基础研究，推动创新驱动发展"


def test_tasks_with_their_units(plan: ParsedPlan) -> None:
    tasks = [n for n in plan.walk() if n.kind == "task"]
    assert [t.label for t in tasks] == [f"{i}." for i in range(1, 25)]
    assert tasks[0].title == "加强计量基础理论和前沿技术研究"
    for task in tasks:
        assert task.units, task.title
        assert task.units[0].role == "lead" and task.units[0].name == "西安市市场监督管理局"
        assert all(u.role == "co" for u in task.units[1:])
    assert [u.raw for u in tasks[6].units] == [
        "市市场监管局",
        "市委军民融合办",
        "市发改委",
        "市科技局",
        "市工信局",
        "市交通局",
    ]
    # split over a page break: "（责\n\n任部门：…）" and "…、\n\n市科技局…)"
    assert [u.raw for u in tasks[14].units] == ["市市场监管局", "市委军民融合办", "市工信局"]
    assert [u.raw for u in tasks[1].units][-1] == "市数据局"
    # the list stands on its own line after task 8, and after a second paragraph in task 22
    assert len(tasks[7].units) == 4 and [u.raw for u in tasks[21].units] == ["市市场监管局", "市数据局"]


def test_responsibility_removed_from_title_kept_in_text(plan: ParsedPlan) -> None:
    for task in (n for n in plan.walk() if n.kind == "task"):
        assert "责任部门" not in task.title
        assert "责任部门" in task.text


def test_page_break_inside_word_is_joined(plan: ParsedPlan) -> None:
    first = next(n for n in plan.walk() if n.kind == "task")
    assert "加强计量学基础理论和关键技术的原始创新" in first.text


def test_columns_and_items(plan: ParsedPlan) -> None:
    columns = [n for n in plan.walk() if n.kind == "column"]
    assert [c.label for c in columns] == [f"专栏{i}" for i in range(1, 7)]
    assert columns[0].title == "计量发展主要指标"
    assert [len(c.children) for c in columns[1:]] == [2, 3, 3, 3, 3]
    assert all(i.kind == "item" for c in columns for i in c.children)


def test_indicator_table(plan: ParsedPlan) -> None:
    inds = plan.indicators
    assert len(inds) == 15
    assert all(i.year == 2025 and not i.from_prose for i in inds)
    assert [i.field for i in inds].count("科学技术") == 4
    assert [i.field for i in inds].count("支撑保障") == 7
    assert [i.field for i in inds].count("法制监督") == 4
    first = inds[0]
    assert (first.name, first.target, first.unit, first.attribute) == (
        "承接或参与国家级、省级重点科研项目（项）",
        "20",
        "项",
        "expected",
    )
    coverage = next(i for i in inds if "覆盖率" in i.name)
    assert (coverage.operator, coverage.target_value, coverage.unit, coverage.attribute) == (
        "≥",
        80.0,
        "%",
        "binding",
    )
    assert sum(1 for i in inds if i.attribute == "binding") == 6


def test_goals_and_measures(plan: ParsedPlan) -> None:
    goals = [n for n in plan.walk() if n.kind == "goal"]
    assert [g.goal_year for g in goals] == [2025, 2035]
    measures = [n for n in plan.walk() if n.kind == "measure"]
    assert [m.title for m in measures] == [
        "加强组织领导",
        "强化政策支持",
        "强化统筹协调",
        "加强计量文化建设",
        "抓好检查评估",
    ]


def test_spans_point_at_the_wording(plan: ParsedPlan) -> None:
    for node in plan.walk():
        assert node.span is not None
        start, end = node.span
        assert plan.text[start:end].strip()
        if node.kind in ("task", "section", "measure"):
            assert node.title[:6] in plan.text[start:end]
