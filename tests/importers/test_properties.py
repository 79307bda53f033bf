"""Any input either becomes a ParsedPlan or is refused with ImportRefused — never another exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.errors import ImportRefused
from desktop.importers.load import load_plan
from desktop.importers.parsed import ParsedPlan
from desktop.importers.plan_parser import parse_plan

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "resources/plans/xian_jiliang_2024.txt").read_text(encoding="utf-8")

# Pieces of real plans, so generated text exercises headings, lists and tables, not only noise.
PIECES = st.sampled_from(
    [
        "一、",
        "（一）",
        "（十五）",
        "1.",
        "2．",
        "（1）",
        "专栏 1",
        "专栏2",
        "到2025年，",
        "2019年6月底前",
        "\t",
        "\n",
        "（责任单位：市市场监管局、市科技局）",
        "（财政部、海关总署负责，排在第一位的部门为牵头部门，下同）",
        "（市市场监管局牵头，各有关部门按职责分工负责）",
        "领域\t指标\t2025年\t属性\n",
        "科学技术\t项目（项）\t≥20\t约束性\n",
        "保障措施",
        "抄送：",
        "— 3 —",
        "⼀",
        "⼈",
        "。",
        "，",
        "（",
        "）",
        "京政发〔2022〕35号",
        "发布日期:2022-12-30",
        "北京市人民政府",
        "2024年4月28日",
        "加强计量基础研究",
        "关于印发",
        "的通知",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40).map("".join)


def _check(plan: ParsedPlan) -> None:
    for node in plan.walk():
        if node.span is not None:
            start, end = node.span
            assert 0 <= start <= end <= len(plan.text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_parse_plan_never_crashes(text: str) -> None:
    try:
        plan = parse_plan(text)
    except ImportRefused:
        return
    _check(plan)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from(["a.txt", "a.docx", "a.pdf", "a.html", "a"]))
def test_load_plan_on_any_bytes(data: bytes, name: str) -> None:
    try:
        _check(load_plan(name, data=data))
    except ImportRefused as exc:
        assert exc.message


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(min_value=0, max_value=len(SEED)),
    st.integers(min_value=0, max_value=len(SEED)),
    st.sampled_from(["", "\n", "\n\n— 7 —\n\n", "（三）", "\t"]),
)
def test_damaged_seed_still_parses(cut: int, paste: int, insert: str) -> None:
    # Cut a slice out, paste some furniture in: the importer must still produce a plan.
    text = SEED[:cut] + insert + SEED[paste:]
    try:
        plan = parse_plan(text)
    except ImportRefused:
        return
    _check(plan)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
    st.text(
        alphabet=st.characters(codec="gb18030", exclude_categories=("Cs", "Co", "Cn", "Cc")), max_size=60
    ),
)
def test_encoded_text_roundtrip(encoding: str, text: str) -> None:
    try:
        load_plan("p.txt", data=("一、总体要求\n" + text).encode(encoding))
    except ImportRefused as exc:
        assert exc.message
