"""Responsibility lists such as （责任单位：…） or （税务总局、财政部负责）: who leads, who cooperates."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LABELS = r"(?:责任单位|责任部门|牵头单位|牵头部门|责任主体|主责单位|负责单位|承担单位|实施单位|配合单位|协办单位|参与单位)"
_LABEL_PART = re.compile(rf"({_LABELS})\s*[:：]\s*")
_CO_LABELS = ("配合单位", "协办单位", "参与单位")
_LEAD_LABELS = ("牵头单位", "牵头部门")
# Trailing clauses that state a convention, not a unit ("排在第一位的部门为牵头部门，下同").
_CONVENTION = re.compile(r"(第一位|第一个|首位|下同|不再列出|以下均需|列在首位)")
_VERB_END = re.compile(
    r"(?:按职责分工负责|按职责负责|分工负责|共同负责|负责落实|牵头负责|负责|牵头|指导|参与|配合|落实)$"
)
_SEPARATORS = re.compile(r"[、，,；;]")
_PAREN = re.compile(r"[（(]([^（）()]{2,400}(?:[（(][^（）()]{0,40}[）)][^（）()]{0,400})*)[）)]")


@dataclass
class RawUnit:
    raw: str  # as printed, verb and "等" removed
    role: str  # "lead" or "co"


def _clean_token(token: str) -> str:
    token = re.sub(r"\s+", "", token)
    token = re.sub(
        r"(按职责分工负责|按职责负责|分工负责|共同负责|负责落实|牵头负责|负责|牵头|指导|参与|配合)$",
        "",
        token,
    )
    token = re.sub(r"等(有关|相关)?(部门|单位)?(和单位)?$", "", token)
    return token.strip("。.:： ")


def _split_units(part: str) -> list[str]:
    out = []
    for token in _SEPARATORS.split(part):
        token = _clean_token(token)
        if token:
            out.append(token)
    return out


def _looks_like_unit(token: str) -> bool:
    return 2 <= len(token) <= 30 and not re.search(r"[。！？%]|\d{4}年|由|对|将|的|在|把|按照|根据", token)


def parse_responsibility(content: str) -> list[RawUnit] | None:
    """Units named in the inside of a parenthetical, or None when it is not a responsibility list."""
    content = re.sub(r"\s+", "", content)
    if not content:
        return None
    if _LABEL_PART.match(content):
        return _parse_labelled(content)
    # Sentence form: "A、B负责，排在第一位的部门为牵头部门，下同" / "A牵头，B、C参与".
    clauses = [c for c in re.split(r"[。]", content) if c]
    if not clauses:
        return None
    main = clauses[0]
    kept = [c for c in re.split(r"[，,；;]", main) if c and not _CONVENTION.search(c)]
    if not kept or not _VERB_END.search(kept[-1]):
        return None
    units: list[RawUnit] = []
    explicit_lead = False
    for clause in kept:
        names = _split_units(clause)
        if not names or not all(_looks_like_unit(n) for n in names):
            return None
        if re.search(r"牵头(负责)?$", clause):
            role = "lead"
            explicit_lead = True
        elif re.search(r"(参与|配合)$", clause):
            role = "co"
        else:
            role = ""
        units.extend(RawUnit(n, role) for n in names)
    return _assign_roles(units, explicit_lead)


def _parse_labelled(content: str) -> list[RawUnit] | None:
    parts = _LABEL_PART.split(content)
    # parts: ["", label, body, label, body, ...]
    units: list[RawUnit] = []
    explicit_lead = False
    for label, body in zip(parts[1::2], parts[2::2], strict=False):
        names = [n for n in _split_units(body) if not _CONVENTION.search(n)]
        if label in _LEAD_LABELS:
            explicit_lead = True
            units.extend(RawUnit(n, "lead") for n in names)
        elif label in _CO_LABELS:
            units.extend(RawUnit(n, "co") for n in names)
        else:
            units.extend(RawUnit(n, "") for n in names)
    if not units or not all(_looks_like_unit(u.raw) for u in units):
        return None
    return _assign_roles(units, explicit_lead)


def _assign_roles(units: list[RawUnit], explicit_lead: bool) -> list[RawUnit]:
    """First unit leads unless the text named a lead explicitly; drop repeated names."""
    seen: set[str] = set()
    out: list[RawUnit] = []
    for i, unit in enumerate(units):
        if unit.raw in seen:
            continue
        seen.add(unit.raw)
        role = unit.role or ("co" if explicit_lead or i > 0 else "lead")
        out.append(RawUnit(unit.raw, role))
    return out


@dataclass
class FoundList:
    start: int  # offsets of the whole parenthetical within the searched string
    end: int
    units: list[RawUnit]


def find_responsibility(text: str) -> list[FoundList]:
    """All responsibility parentheticals in ``text`` (full- or half-width brackets)."""
    found = []
    for m in _PAREN.finditer(text):
        units = parse_responsibility(m.group(1))
        if not units:
            continue
        labelled = bool(_LABEL_PART.match(re.sub(r"\s+", "", m.group(1))))
        after = text[m.end() : m.end() + 1]
        before = text[m.start() - 1 : m.start()] if m.start() else ""
        # A sentence-form list closes a paragraph; one in mid-sentence is an aside about who does what.
        if (
            labelled
            or after in ("", "\n", "。", "；", "（", "(", " ")
            or before in ("", "\n", "。", "；", "）")
        ):
            found.append(FoundList(m.start(), m.end(), units))
    return found


def parse_bare_line(line: str) -> list[RawUnit] | None:
    """A line such as 牵头单位：市发展改革委；配合单位：市财政局 without brackets."""
    stripped = line.strip()
    if _LABEL_PART.match(stripped) and len(stripped) < 300:
        return _parse_labelled(stripped.rstrip("。"))
    return None
