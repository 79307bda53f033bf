"""Indicators: rows of tab-separated indicator tables and targets stated in prose (覆盖率达到90%)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.importers.parsed import ParsedIndicator
from desktop.importers.text_tables import header_roles, is_task_header

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
# Words printed before a target's number: 不低于 80% is ≥80, 下降15% keeps no operator.
_TARGET_WORDS = {
    "不低于": "≥",
    "不少于": "≥",
    "不小于": "≥",
    "大于": ">",
    "超过": ">",
    "高于": ">",
    "不高于": "≤",
    "不超过": "≤",
    "不大于": "≤",
    "低于": "<",
    "小于": "<",
    "少于": "<",
}
_TARGET_PREFIX = re.compile(
    r"^(?:下降|降低|提高|增长|提升|增加|减少|达到|累计|控制在|保持在|稳定在|" + "|".join(_TARGET_WORDS) + ")"
)
_MEASURE_AFTER = re.compile(
    r"^[^\d]{0,6}?\d+(?:\.\d+)?\s*((?!年)[\u4e00-\u9fffA-Za-z][^\d\s（()，,。；;、:：%％\-—~～]{0,4})"
)
_UNIT_IN_NAME = re.compile(r"[（(]([^（）()]{1,6})[）)]\s*$")
_ATTRIBUTES = {"约束性": "binding", "预期性": "expected"}


@dataclass
class TableLine:
    cells: list[str]
    start: int
    end: int


def parse_target(target: str) -> tuple[str, float | None]:
    """Operator (normalised) and numeric value of a target such as ≥80, ＞95%, 1000."""
    text = target.strip()
    word = _TARGET_PREFIX.match(text)
    if word:
        text = text[word.end() :].strip()
    m = _TARGET.match(text)
    if not m:
        return "", None
    operator = _OPERATORS.get(m.group(1) or "", "") or (_TARGET_WORDS.get(word.group(0), "") if word else "")
    return operator, float(m.group(2))


def _normalise_target(target: str) -> str:
    target = target.strip().replace("％", "%")
    for raw, op in _OPERATORS.items():
        if target.startswith(raw):
            return op + target[len(raw) :].strip()
    return target


def _header_roles(cells: list[str], default_year: int | None) -> dict[str, int] | None:
    """Column of each role in an indicator table header; None for other rows (and task tables)."""
    roles = header_roles(cells)
    if roles is None or is_task_header(roles) or "name" not in roles:
        return None
    out: dict[str, int] = {"name": roles.index("name")}
    for key, role in (
        ("field", "group"),
        ("attribute", "attribute"),
        ("unit", "unit"),
        ("baseline", "baseline"),
    ):
        if role in roles:
            out[key] = roles.index(role)
    targets = [i for i, r in enumerate(roles) if r == "target"]
    if not targets:
        return None
    years = {i: _year_of(cells[i]) for i in targets}
    if "baseline" not in out and len(targets) > 1 and all(years[i] for i in targets):
        # 2020年 | 2025年 | 2035年: the first year is where the plan starts from.
        out["baseline"] = targets.pop(0)
    principal = next((i for i in targets if default_year and years[i] == default_year), targets[0])
    out["target"] = principal
    for n, i in enumerate(t for t in targets if t != principal):
        out[f"extra{n}"] = i
    return out


def _year_of(cell: str) -> int | None:
    m = re.search(r"(\d{4})", "".join(cell.split()))
    return int(m.group(1)) if m else None


def _column_name(cell: str) -> str:
    year = _year_of(cell)
    return f"{year}年" if year else "".join(cell.split())


def period_end(title: str) -> int | None:
    """The end year of a plan's period from its title: （2021—2025年）, “十四五” → 2025."""
    t = "".join(title.split())
    m = re.search(r"(\d{4})年?[-—–－~～至到](\d{4})年", t)
    if m:
        return int(m.group(2))
    m = re.search(r"十([一二三四五六七八九])五", t)
    if m:
        return 2010 + 5 * _FIVE_YEAR.index(m.group(1))
    return None


_FIVE_YEAR = "一二三四五六七八九"  # 十一五 ends 2010, 十四五 2025


def parse_table(lines: list[TableLine], default_year: int | None = None) -> list[ParsedIndicator]:
    """Indicators from tab-separated rows; a row that reads as an indicator header starts a table."""
    out: list[ParsedIndicator] = []
    roles: dict[str, int] | None = None
    header: list[str] = []
    year = default_year
    field = ""
    pending: TableLine | None = None
    for line in lines:
        found = _header_roles(line.cells, default_year)
        if found is not None or (roles is None and header_roles(line.cells) is not None):
            roles, header, field, pending = found, line.cells, "", None
            if roles:
                year = _year_of(line.cells[roles["target"]]) or default_year
            continue
        if roles is None:
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
        indicator = _indicator(cells, roles, name, target, field, year, line)
        # Targets of further years (2035年) have no column of their own: they stay with the baseline text.
        extras = [
            f"{_column_name(header[i])}：{_cell(cells, i)}"
            for key, i in sorted(roles.items())
            if key.startswith("extra") and _cell(cells, i)
        ]
        if extras:
            extra = "；".join(extras)
            indicator.baseline = f"{indicator.baseline}（{extra}）" if indicator.baseline else extra
        out.append(indicator)
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
    # 1.重点人群签约服务覆盖率: the number orders the rows, it is not part of the name.
    name = re.sub(r"^\d{1,3}\s*[.．、](?!\d)", "", "".join(name.split()))
    unit = _cell(cells, roles.get("unit", -1))
    m = _UNIT_IN_NAME.search(name)
    if m and not unit:
        unit = m.group(1)
    target = _normalise_target(target)
    if "%" in target and not unit:
        unit = "%"
    measure = _MEASURE_AFTER.match(target)
    if measure and not unit:
        unit = measure.group(1)  # 50平方公里, 4.66名
    operator, value = parse_target(target)
    attribute = _ATTRIBUTES.get(re.sub(r"\s+", "", _cell(cells, roles.get("attribute", -1))))
    return ParsedIndicator(
        name=name,
        target=target,
        field="".join(field.split()),
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
