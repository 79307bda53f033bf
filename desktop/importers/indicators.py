"""Indicators: rows of tab-separated indicator tables and targets stated in prose (覆盖率达到90%)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.importers.parsed import ParsedIndicator

_OPERATORS = {
    "≥": "≥",
    ">=": "≥",
    "≧": "≥",
    "≤": "≤",
    "<=": "≤",
    "≦": "≤",
    "＞": ">",
    ">": ">",
    "＜": "<",
    "<": "<",
    "=": "=",
    "＝": "=",
}
_TARGET = re.compile(r"^(≥|>=|≧|≤|<=|≦|＞|>|＜|<|＝|=)?\s*(\d+(?:\.\d+)?)\s*(%|％|万|亿)?")
_UNIT_IN_NAME = re.compile(r"[（(]([^（）()]{1,6})[）)]\s*$")
_ATTRIBUTES = {"约束性": "binding", "预期性": "expected"}


@dataclass
class TableLine:
    cells: list[str]
    start: int
    end: int


def parse_target(target: str) -> tuple[str, float | None]:
    """Operator (normalised) and numeric value of a target such as ≥80, ＞95%, 1000."""
    m = _TARGET.match(target.strip())
    if not m:
        return "", None
    operator = _OPERATORS.get(m.group(1) or "", "")
    return operator, float(m.group(2))


def _normalise_target(target: str) -> str:
    target = target.strip().replace("％", "%")
    for raw, op in _OPERATORS.items():
        if target.startswith(raw):
            return op + target[len(raw) :].strip()
    return target


def _header_roles(cells: list[str]) -> dict[str, int] | None:
    roles: dict[str, int] = {}
    years: list[int] = []
    for i, cell in enumerate(cells):
        c = re.sub(r"\s+", "", cell)
        if re.search(r"领域|类别|分类|方面", c):
            roles.setdefault("field", i)
        elif "指标" in c or "名称" in c:
            roles.setdefault("name", i)
        elif "属性" in c or "性质" in c:
            roles["attribute"] = i
        elif re.search(r"\d{4}年|目标|基期|现状|基准", c):
            years.append(i)
        elif "单位" in c:
            roles["unit"] = i
    if "name" not in roles or not years:
        return None
    roles["target"] = years[-1]
    if len(years) > 1:
        roles["baseline"] = years[0]
    return roles


def parse_table(lines: list[TableLine], default_year: int | None = None) -> list[ParsedIndicator]:
    """Indicators from tab-separated rows; the first row with 指标 and a year column is the header."""
    out: list[ParsedIndicator] = []
    roles: dict[str, int] | None = None
    year = default_year
    field = ""
    pending: TableLine | None = None
    for line in lines:
        if roles is None:
            roles = _header_roles(line.cells)
            if roles:
                m = re.search(r"(\d{4})\s*年", re.sub(r"\s+", "", line.cells[roles["target"]]))
                year = int(m.group(1)) if m else default_year
            continue
        cells = [c.strip() for c in line.cells]
        if pending is not None:
            # A row the page break cut: glue this line's pieces onto the pending row.
            cells = _merge_rows([c.strip() for c in pending.cells], cells, roles)
            line = TableLine(cells, pending.start, line.end)
            pending = None
        target = _cell(cells, roles["target"])
        name = _cell(cells, roles["name"])
        if name and not target:
            pending = line
            continue
        if not name or not target:
            continue
        field = _cell(cells, roles.get("field", -1)) or field
        out.append(_indicator(cells, roles, name, target, field, year, line))
    return out


def _merge_rows(first: list[str], second: list[str], roles: dict[str, int]) -> list[str]:
    merged = list(first) + [""] * max(0, len(second) - len(first))
    nonempty = [c for c in second if c]
    if not nonempty:
        return merged
    # The continuation's first piece finishes the name when it is not a number.
    if not _TARGET.match(nonempty[0]):
        merged[roles["name"]] = merged[roles["name"]] + nonempty.pop(0)
    for key in ("target", "attribute"):
        idx = roles.get(key)
        if idx is not None and idx < len(merged) and not merged[idx] and nonempty:
            merged[idx] = nonempty.pop(0)
    return merged


def _cell(cells: list[str], index: int) -> str:
    return cells[index].strip() if 0 <= index < len(cells) else ""


def _indicator(
    cells: list[str],
    roles: dict[str, int],
    name: str,
    target: str,
    field: str,
    year: int | None,
    line: TableLine,
) -> ParsedIndicator:
    name = re.sub(r"\s+", "", name)
    unit = _cell(cells, roles.get("unit", -1))
    m = _UNIT_IN_NAME.search(name)
    if m and not unit:
        unit = m.group(1)
    target = _normalise_target(target)
    if target.endswith("%") and not unit:
        unit = "%"
    operator, value = parse_target(target)
    attribute = _ATTRIBUTES.get(re.sub(r"\s+", "", _cell(cells, roles.get("attribute", -1))))
    return ParsedIndicator(
        name=name,
        target=target,
        field=re.sub(r"\s+", "", field),
        unit=unit,
        operator=operator,
        target_value=value,
        year=year,
        attribute=attribute,  # type: ignore[arg-type]
        baseline=_cell(cells, roles.get("baseline", -1)),
        span=(line.start, line.end),
    )


_PROSE_PATTERNS = (
    # "…覆盖率达到90%" / "…规范达到100项" / "…超过10亿千瓦"
    re.compile(
        r"([^，,。；;：:、]{2,40}?)(?:达到|超过|不低于|不少于|保持在|稳定在|提高到|提升至|提升到|控制在)\s*"
        r"(\d+(?:\.\d+)?)\s*(%|％|个百分点|万|亿|项|家|个|处|所|人|次|千瓦|吨|亩|公里|座|台)"
    ),
    # "累计培育全市诚信计量单位6000家"
    re.compile(r"(累计[^，,。；;：:]{2,40}?)(\d+(?:\.\d+)?)\s*(万|亿)?\s*(家|个|项|处|所|人|次|座|台|套)"),
)


def prose_indicators(text: str, base: int, year: int | None) -> list[ParsedIndicator]:
    """Quantified targets stated in running text; ``base`` is the text's offset in the plan."""
    out: list[ParsedIndicator] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PROSE_PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            groups = [g for g in m.groups()[1:] if g]
            value = groups[0]
            unit = "".join(groups[1:]).replace("％", "%")
            name = m.group(1).strip()
            name = re.sub(r"^(全市|全国|其中|并|且|和|以及)", "", name) or name
            taken.append((m.start(), m.end()))
            out.append(
                ParsedIndicator(
                    name=name,
                    target=value + ("%" if unit == "%" else ""),
                    unit=unit,
                    operator="",
                    target_value=float(value),
                    year=year,
                    from_prose=True,
                    span=(base + m.start(), base + m.end()),
                )
            )
    out.sort(key=lambda i: i.span[0] if i.span else 0)
    return out
