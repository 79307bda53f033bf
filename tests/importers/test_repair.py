"""Repair: page furniture, broken lines, metadata lines, radicals, glued headings, repeats."""

from __future__ import annotations

from desktop.importers.plan_parser import parse_plan
from desktop.importers.repair import repair_text


def test_page_numbers_and_running_headers_dropped() -> None:
    page = "某市实施方案\n一、总体要求\n加强工作，推进落实，确保各项任务按期完成，形成良好工作格局和\n\n— 3 —\n\n某市实施方案\n氛围。\n- 4 -\n第5页\n某市实施方案\n"
    repaired = repair_text("标题\n" + page)
    assert "— 3 —" not in repaired.text and "- 4 -" not in repaired.text and "第5页" not in repaired.text
    assert "形成良好工作格局和氛围。" in repaired.text


def test_cc_lines_become_metadata() -> None:
    repaired = repair_text(
        "一、总体要求\n正文。\n抄送：市委各部门，市人大常委会办公厅。\n市监委，市法院。\n市政府办公厅 2024年4月28日印发\n"
    )
    assert "抄送" not in repaired.text and "市法院" not in repaired.text
    assert repaired.metadata["抄送"] == "市委各部门，市人大常委会办公厅。市监委，市法院。"
    assert repaired.metadata["印发"].endswith("印发")


def test_glued_headings_and_radicals() -> None:
    plan = parse_plan(
        "某市方案\n⼀、指导思想坚持以新发展理念为指导，推动发展。⼆、重点任务（⼀）加强基础研究。开展研究。（责任单位：市科委）（⼆）强化应用。推广应用。\n"
    )
    assert [(n.label, n.title) for n in plan.nodes] == [("一、", "指导思想"), ("二、", "重点任务")]
    sections = plan.nodes[1].children
    assert [(s.label, s.title) for s in sections] == [("（一）", "加强基础研究"), ("（二）", "强化应用")]
    assert [u.raw for u in sections[0].units] == ["市科委"] and not sections[1].units


def test_repeated_passage_removed_once_reported() -> None:
    para = "推进计量数据融合共享与应用，强化计量数据的溯源性和安全性。"
    repaired = repair_text(f"一、任务\n{para}\n其他内容在这里出现一次。\n{para}\n")
    assert repaired.text.count(para) == 1
    assert [f.code for f in repaired.findings] == ["duplicate_removed"]


def test_repair_is_idempotent() -> None:
    from pathlib import Path

    raw = (Path(__file__).resolve().parents[2] / "resources/plans/beijing_jiliang_2022.txt").read_text(
        encoding="utf-8"
    )
    once = repair_text(raw).text
    assert repair_text(once).text == once


def test_a_sentence_the_author_repeats_in_two_tasks_stays() -> None:
    text = (
        "一、主要任务\n1.排水管网项目。完成金井二路管网建设。具体补助办法另行制定。（责任单位：区建设局）\n"
        "2.雨水管网项目。完成如意路雨水管网建设。具体补助办法另行制定。（责任单位：区建设局）\n"
    )
    repaired = repair_text(text)
    assert repaired.text.count("具体补助办法另行制定。") == 2
    assert not repaired.findings


def test_an_appendix_restating_the_plan_is_not_a_repeat() -> None:
    para = "推进计量数据融合共享与应用，强化计量数据的溯源性和安全性。"
    repaired = repair_text(f"一、任务\n1.数据共享。\n{para}\n附件2\n任务分工表\n1\n数据共享\n{para}\n")
    assert repaired.text.count(para) == 2 and not repaired.findings


def test_a_wrapped_note_end_that_recurs_is_not_taken_for_a_page_header() -> None:
    # A PDF-like wrap leaves '负责）' on a line of its own after every note: three times is not a page header.
    owners = {"一": "人力资源社会保障部", "二": "财政部", "三": "教育部"}
    sections = "".join(
        f"（{n}）推进第{n}项工作。\n由{owner}会同有关方面加快推进第{n}项工作，确保按期完成。\n（{owner}\n负责）\n"
        for n, owner in owners.items()
    )
    text = repair_text("一、总体要求\n" + sections).text
    assert all(f"（{owner}负责）" in text for owner in owners.values()), text
