"""Small hand-made plans for tests that must not depend on the document parser."""

from __future__ import annotations

import datetime as dt

from desktop.importers.parsed import ParsedIndicator, ParsedNode, ParsedPlan, ParsedUnit


def small_plan(title: str = "某区贯彻落实计量发展规划实施方案") -> ParsedPlan:
    t1 = ParsedNode(
        "task",
        "1.",
        "加强计量科技创新",
        "加强计量科技创新，建设碳计量中心。（责任单位：区市场监管局、区科委）",
        units=[ParsedUnit("区市场监管局", "lead"), ParsedUnit("区科委", "co")],
        deadline=dt.date(2025, 12, 31),
    )
    t2 = ParsedNode(
        "task",
        "2.",
        "完善计量标准体系",
        "完善计量标准体系。（责任单位：区发展改革委）",
        units=[ParsedUnit("区发展改革委", "lead")],
    )
    t3 = ParsedNode("task", "3.", "推进能源计量", "推进能源计量数据中心建设。", units=[])
    sec = ParsedNode("section", "（一）", "夯实计量基础", "夯实计量基础", children=[t1, t2])
    sec2 = ParsedNode("section", "（二）", "服务绿色发展", "服务绿色发展", children=[t3])
    ch1 = ParsedNode("chapter", "一、", "重点任务", "重点任务", children=[sec, sec2])
    goal = ParsedNode("goal", "", "到2025年目标", "到2025年，计量体系初步建立。", goal_year=2025)
    ch0 = ParsedNode("chapter", "二、", "发展目标", "发展目标", children=[goal])
    return ParsedPlan(
        title=title,
        text="…",
        nodes=[ch1, ch0],
        issuer="某区人民政府",
        doc_number="某政发〔2024〕1号",
        issued_on=dt.date(2024, 3, 1),
        source_name="small.txt",
        source_sha256="0" * 64,
        source_format="txt",
        indicators=[
            ParsedIndicator(
                "社会公用计量标准（项）",
                "50",
                field="科学技术",
                unit="项",
                target_value=50,
                year=2025,
                attribute="binding",
            ),
            ParsedIndicator(
                "覆盖率", "≥90%", unit="%", operator="≥", target_value=90, year=2025, attribute="expected"
            ),
        ],
    )
