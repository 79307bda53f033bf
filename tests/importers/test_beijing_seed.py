"""The Beijing seed: glued headings, Kangxi radicals, repeated and scrambled passages, missing headings."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
from importer_checks import KANGXI, sentences

from desktop.importers.load import load_plan
from desktop.importers.numbering import cn_to_int
from desktop.importers.parsed import ParsedPlan
from desktop.importers.repair import normalise_chars
from desktop.importers.review import review_dict, review_lines

ROOT = Path(__file__).resolve().parents[2]
BEIJING = ROOT / "resources" / "plans" / "beijing_jiliang_2022.txt"


@pytest.fixture(scope="module")
def plan() -> ParsedPlan:
    return load_plan(BEIJING)


def _raw() -> str:
    return BEIJING.read_text(encoding="utf-8")


def test_metadata(plan: ParsedPlan) -> None:
    assert plan.title == "北京市贯彻落实《计量发展规划（2021—2035年）》的实施方案"
    assert plan.doc_number == "京政发〔2022〕35号"
    assert plan.issuer == "北京市人民政府"
    assert plan.issued_on == dt.date(2022, 12, 12)
    assert plan.metadata["发布日期"] == "2022-12-30"
    assert "关于印发" in plan.metadata["通知标题"]


def test_no_kangxi_radical_survives(plan: ParsedPlan) -> None:
    assert KANGXI.search(_raw())  # the seed really has them
    assert not KANGXI.search(plan.text) and not KANGXI.search(plan.title)
    for node in plan.walk():
        assert not KANGXI.search(node.title + node.text), node.title
        assert all(not KANGXI.search(u.name) for u in node.units)
    assert plan.nodes[0].title == "指导思想"


def test_every_section_heading_once_in_numeric_order(plan: ParsedPlan) -> None:
    printed = {cn_to_int(m) for m in re.findall(r"（([一二三四五六七八九十]+)）", normalise_chars(_raw()))}
    sections = [n for n in plan.walk() if n.kind in ("section", "measure") and n.label.startswith("（")]
    numbers = [cn_to_int(s.label.strip("（）")) for s in sections]
    assert numbers == sorted(numbers)
    assert len(numbers) == len(set(numbers))
    assert set(numbers) == printed
    chapters = [cn_to_int(n.label.rstrip("、")) for n in plan.nodes]
    assert chapters == [1, 2, 3, 4, 5, 6, 8, 9]


def test_sections_sit_under_their_chapter(plan: ParsedPlan) -> None:
    by_chapter = {
        n.label: [c.label for c in n.children if c.kind in ("section", "measure")] for n in plan.nodes
    }
    assert by_chapter["三、"] == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
    assert by_chapter["四、"][0] == "（七）"
    assert by_chapter["九、"] == ["（三十三）", "（三十五）", "（三十六）"]
    assert all(n.kind == "measure" for n in plan.nodes[-1].children)


def test_no_sentence_twice_in_the_tree(plan: ParsedPlan) -> None:
    counts = Counter(s for node in plan.walk() for s in sentences(node.text))
    assert [s for s, n in counts.items() if n > 1] == []


def test_every_responsibility_list_is_attached(plan: ParsedPlan) -> None:
    lists = set(re.findall(r"（责任单位：([^）]*)）", plan.text))
    attached = {u.raw for n in plan.walk() for u in n.units}
    for content in lists:
        for raw in content.split("、"):
            assert raw in attached, raw
    assert sum(1 for n in plan.walk() if n.units) >= 25


def test_repeats_and_gaps_are_reported(plan: ParsedPlan) -> None:
    codes = Counter(f.code for f in plan.findings)
    assert codes["duplicate_removed"] >= 10
    assert codes["order_restored"] == 1
    gaps = [f.excerpt for f in plan.findings if f.code == "numbering_gap"]
    assert "七、" in gaps and "（十五）" in gaps and "（三十四）" in gaps
    lines = "\n".join(review_lines(plan))
    assert "编号缺失" in lines and "（十五）" in lines and "已删除的重复段落" in lines
    assert review_dict(plan)["counts"]["measure"] == 3


def test_prose_indicators(plan: ParsedPlan) -> None:
    found = {(i.target, i.unit) for i in plan.indicators if i.from_prose}
    assert {("90%", "%"), ("100", "项"), ("6000", "家")} <= found
    assert all(i.year == 2025 for i in plan.indicators)


def test_goals(plan: ParsedPlan) -> None:
    years = sorted(n.goal_year for n in plan.walk() if n.kind == "goal")
    assert years == [2025, 2035]


def test_no_node_carries_the_union_of_two_lists(plan: ParsedPlan) -> None:
    printed = {tuple(c.split("、")) for c in re.findall(r"（责任单位：([^）]*)）", plan.text)}
    carried = [tuple(u.raw for u in n.units) for n in plan.walk() if n.units]
    assert all(units in printed for units in carried), [u for u in carried if u not in printed]
    assert printed <= set(carried)
