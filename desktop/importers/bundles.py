"""One file that bundles several plans (a 汇编, or a notice issuing two 方案 at once): where each plan begins.

Each bundled plan opens with a title line of its own (…行动方案, …实施意见) and numbers its chapters from 一、
again. Read as one plan, the second plan's chapters fall onto the first's and its tasks take the first's
places with another's units — a silent wrong answer. So the file is read as parts, one plan each, and the
review of each names the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.importers.numbering import match_heading

_PLAN_NAME = (
    r"(?:实施方案|工作方案|行动方案|行动计划|工作计划|指导意见|若干意见|实施意见|若干措施|政策措施|实施办法|实施细则|工作要点"
    r"|规划|方案|意见|计划|措施)"
)
# A plan's own title: no sentence punctuation, ending in what a plan is called, perhaps with its years.
_PART_TITLE = re.compile(rf"^[^。；，,：:\t]{{4,80}}{_PLAN_NAME}(?:[（(][^）)]{{2,20}}[）)])?$")
# How far back from a restarted 一、 its title may stand (a short preamble between them).
_LOOK_BACK = 8


@dataclass(frozen=True)
class Part:
    title: str
    start: int  # 0-based line index where the part begins (its title line)
    end: int  # one past its last line


def bundle_parts(lines: list[str]) -> list[Part]:
    """The plans in ``lines``; one part (the whole text) when the file holds a single plan."""
    starts: list[tuple[int, str]] = []
    first_title = ""
    reached = 0  # the highest chapter number of the plan read so far
    for i, raw in enumerate(lines):
        heading = match_heading(raw.strip()) if raw.strip() else None
        if heading is None or heading.kind != "chapter":
            continue
        title_at = _title_before(lines, i) if heading.number == 1 else None
        # a plan before it that got as far as 二、: a lone 一、 in a covering notice (a page's text out of
        # order) is no plan of its own
        if title_at is not None and reached >= 2:
            starts.append((title_at, lines[title_at].strip()))
            reached = 0
        elif title_at is not None and not reached and not starts:
            first_title = lines[title_at].strip()
        reached = max(reached, heading.number)
    if not starts:
        return [Part(first_title, 0, len(lines))]
    parts = [Part(first_title, 0, starts[0][0])]
    for k, (start, title) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        parts.append(Part(title, start, end))
    return parts


def _title_before(lines: list[str], i: int) -> int | None:
    """The line of a plan title shortly before line ``i`` with no heading between, or None."""
    looked = 0
    for j in range(i - 1, -1, -1):
        text = lines[j].strip()
        if not text:
            continue
        looked += 1
        if looked > _LOOK_BACK or match_heading(text) is not None or text.startswith("附件"):
            return None
        if _PART_TITLE.match(text):
            return j
    return None
