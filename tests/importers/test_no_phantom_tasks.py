"""No phantom work: every numbered task or measure PlanDesk reads from a corpus plan is a heading of the document
by its hand-checked truth (tests/data/plans/corpus/truth, read by people). The corpus score counts what was
found; this counts what was made up — a box's numbered entries read as the plan's tasks would be counted, listed
未分工 and reported every month."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from desktop.importers.load import load_plan
from desktop.importers.plan_parser import parse_plan

CORPUS = Path(__file__).resolve().parents[1] / "data" / "plans" / "corpus"
TRUTHS = sorted((CORPUS / "truth").glob("*.json"))


def _scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SOURCES = [
    (truth, source)
    for truth in TRUTHS
    for source in sorted(CORPUS.glob(f"{truth.stem}.*"))
    if source.suffix in (".txt", ".docx", ".pdf", ".html")
]


@pytest.mark.parametrize(("truth_path", "source"), SOURCES, ids=lambda p: p.name[:2] + p.suffix)
def test_every_numbered_task_is_a_heading_of_the_document(truth_path: Path, source: Path) -> None:
    score = _scorer()
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    heads = [(score.label_key(h["label"]), score.norm(h["title_prefix"])[:4]) for h in truth["headings"]]
    plan = load_plan(source)
    phantom = [
        f"{n.label}{n.title[:20]}"
        for n in plan.walk()
        if n.kind in ("task", "measure")
        and score.label_key(n.label)
        and not any(
            score.label_key(n.label) == label
            and (score.norm(n.title) + score.norm(n.text)).startswith(prefix)
            for label, prefix in heads
        )
    ]
    assert phantom == []


def test_numbered_entries_right_under_a_boxs_title_are_its_items() -> None:
    plan = parse_plan(
        "某市安全生产规划\n一、主要任务\n（一）深化安全生产治本攻坚。\n严格安全准入。加强重点区域安全管理。\n"
        "专栏1　安全生产治本攻坚重点\n1．危险化学品。化工园区本质安全整治提升。\n2．烟花爆竹。生产储存运输设施。\n"
        "（二）加强自然灾害综合治理。\n1．推进自然灾害综合风险普查。（责任单位：市应急局）\n"
    )
    [chapter] = plan.nodes
    box = chapter.children[0].children[0]
    assert (box.kind, [c.kind for c in box.children]) == ("column", ["item", "item"])
    assert [(n.label, n.title) for n in plan.walk() if n.kind == "task"] == [
        ("1．", "推进自然灾害综合风险普查")
    ]


def test_a_task_without_a_note_among_noted_siblings_is_shown_in_the_review() -> None:
    from desktop.importers.review import review_lines

    plan = parse_plan(
        "某市营商环境实施方案\n一、主要任务\n"
        "1.推行企业开办一网通办。（责任单位：市政务服务数据管理局）\n"
        "2.压减工程建设项目审批时间。（责任单位：市住房城乡建设局）\n"
        "3.推行惠企政策免申即享。具体工作请市发展改革委会同有关部门抓好。\n"
        "4.加强知识产权保护。（责任单位：市市场监管局）\n"
    )
    [doubt] = [f for f in plan.findings if f.code == "note_missing"]
    assert (
        doubt.line == 5 and "3.推行惠企政策免申即享" in doubt.message and "4 项任务中 3 项" in doubt.message
    )
    assert any("推行惠企政策免申即享" in line for line in review_lines(plan))
