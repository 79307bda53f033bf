"""Tables whose cell boundaries were lost: flattened one cell per paragraph, or space-separated (PDF)."""

from __future__ import annotations

import re

from desktop.importers.text_tables import rebuild_text_tables

_HEADER_TOKEN = re.compile(
    r"领\s*域|类\s*别|序\s*号|指\s*标(?:\s*名\s*称)?|\d{4}\s*年(?:\s*目\s*标\s*值?)?|基\s*期\s*值?|目\s*标\s*值|属\s*性|单\s*位"
)
_ATTRIBUTE = re.compile(r"^(约束性|预期性)$")
_VALUE = re.compile(r"^(≥|≤|>|<|＞|＜|>=|<=)?\d+(\.\d+)?(%|％)?$")


def _header_cells(line: str) -> list[str] | None:
    if "\t" in line:
        return None
    tokens = _HEADER_TOKEN.findall(line)
    rest = _HEADER_TOKEN.sub("", line).strip()
    joined = re.sub(r"\s+", "", "".join(tokens))
    if len(tokens) >= 3 and not rest and "指标" in joined and re.search(r"\d{4}年|目标", joined):
        return ["".join(t.split()) for t in tokens]
    return None


def _row_cells(line: str, width: int, has_attribute: bool) -> list[str] | None:
    tokens = line.split()
    if len(tokens) < 2:
        return None
    tail: list[str] = []
    if has_attribute:
        if not _ATTRIBUTE.match(tokens[-1]):
            return None
        tail.insert(0, tokens.pop())
    values = 0
    while tokens and _VALUE.match(tokens[-1]) and values < width - 1:
        tail.insert(0, tokens.pop())
        values += 1
    if not values or not tokens:
        return None
    head_width = width - len(tail)
    if len(tokens) >= head_width and head_width >= 2:
        head = [tokens[0], "".join(tokens[1:])]
    else:
        head = ["", "".join(tokens)] if head_width >= 2 else ["".join(tokens)]
    return head + tail


def rebuild_tables(lines: list[str]) -> list[str]:
    """Turn flattened and space-separated tables back into tab-separated lines, one per row."""
    out: list[str] = []
    lines = rebuild_text_tables(lines)
    header: list[str] | None = None
    for line in lines:
        if header is not None:
            cells = _row_cells(line.strip(), len(header), "属性" in header)
            if cells is not None:
                out.append("\t".join(cells))
                continue
            header = None
        found = _header_cells(line.strip())
        if found is not None:
            header = found
            out.append("\t".join(found))
            continue
        out.append(line)
    return out
