"""A plan as the importer read it, checked like user input before an import or a revision writes anything."""

from __future__ import annotations

from collections.abc import Iterator

from ...errors import ImportRefused, PlanDeskError
from ...importers.parsed import ParsedNode, ParsedPlan
from ..core.units import check_unit_name
from ..core.validation import check_number, check_year, parse_date


def _nodes(nodes: list[ParsedNode]) -> Iterator[ParsedNode]:
    for node in nodes:
        yield node
        yield from _nodes(node.children)


def _named(node: ParsedNode) -> str:
    title = node.title if len(node.title) <= 20 else node.title[:20] + "…"
    return f"条目“{node.label}{title}”"


def check_parsed_plan(parsed: ParsedPlan) -> None:
    """Indicator targets finite and bounded, dates and years within 1900–2100, every responsible unit named
    by something visible. The first fault is an ImportRefused naming the indicator or clause and the file."""
    where = parsed.source_name or parsed.title or None
    try:
        parse_date(parsed.issued_on, field="issued_on", label="成文日期")
        for ind in parsed.indicators:
            name = f"指标“{ind.name[:20]}”"
            check_number(ind.target_value, field="target_value", label=f"{name}的目标值", optional=True)
            if ind.year is not None:
                check_year(ind.year, field="target_year", label=f"{name}的目标年份")
        for node in _nodes(parsed.nodes):
            parse_date(node.deadline, field="deadline", label=f"{_named(node)}的截止日期")
            if node.goal_year is not None:
                check_year(node.goal_year, field="goal_year", label=f"{_named(node)}的目标年份")
            for unit in node.units:
                check_unit_name(unit.name, field="unit", label=f"{_named(node)}的责任单位名称")
    except PlanDeskError as exc:
        raise ImportRefused(f"{exc.message}未导入任何内容。", field=exc.field, location=where) from None
