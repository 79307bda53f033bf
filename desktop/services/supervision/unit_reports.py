"""A unit's own 进展情况报告 (Word, PDF, text) read into proposals the office confirms.

Units answer with a report of their own, not with PlanDesk's workbook, and offices retype each paragraph into the
right task by hand. Here the report is split into passages (one per task it speaks of), and each passage is
proposed for one of the unit's assignments — by the task title it cites or paraphrases, weighed by how rare the
shared wording is among the unit's tasks — with a progress entry drawn from it: the text, the percent where it
states one (完成…%), the problems and the next steps it names. Nothing is written until the office confirms; then
every confirmed entry is recorded in one transaction with the report kept as 佐证. A passage matched to no task
is listed, never dropped.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import clock
from ...errors import ImportRefused, NotFound, PlanDeskError
from ...importers.dates import is_date_line
from ...importers.numbering import match_heading
from ...importers.readers import read_document
from ...models import Assignment, Evidence, PlanNode, ProgressEntry, Unit
from ...storage import Database
from ..core.records import Change
from ..core.units import find_unit
from ..core.validation import check_percent, check_text, parse_date, parse_period
from .assignments import record_progress
from .evidence import max_bytes, store_copy, store_folder
from .workflow import FINAL_STATES

SOURCE = "unit_report"
SURE = "较确定"
UNSURE = "需核对"
# Parts of one task's passage (or of the whole report): not a task of their own.
_PART = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])?\s*"
    r"(?P<part>(?:主要|工作|目前|总体)?(?:进展|完成|推进|落实)情况|工作进展|主要做法|主要成效|工作成效|"
    r"(?:存在的?|面临的?)?(?:主要)?(?:问题|困难)(?:和|及|与)?(?:问题|困难|不足)?|"
    r"下[一]?步(?:工作)?(?:计划|打算|安排|措施|工作)?|下阶段(?:工作)?(?:计划|打算|安排)?|工作打算|意见建议|有关建议)"
    r"[:：]?\s*$"
)
_PROBLEM_PART = re.compile(r"问题|困难|不足")
_NEXT_PART = re.compile(r"下一?步|下阶段|打算|计划|安排")
_INLINE = re.compile(r"(存在(?:的)?(?:主要)?(?:问题|困难)|下一?步(?:工作)?(?:计划|打算)?|下阶段)[:：]")
_PERCENT = re.compile(r"(?:完成|进度|完成率|完成进度|进展)[^。；，,;\d]{0,8}?(\d{1,3}(?:\.\d+)?)\s*[%％]")
_QUOTED = re.compile(r"[“\"《「]([^”\"》」]{4,60})[”\"》」]")
_SURE_SCORE, _SURE_MARGIN, _FLOOR = 0.55, 0.15, 0.3
# The report's frame, about no task: its title, the addressee, the greeting, the closing, attachments.
_FRAME = re.compile(r"报告如下|特此报告|^附件|^.{0,80}(?:情况|工作)?的?(?:报告|汇报)$|^[^，。；]{1,30}[:：]$")


@dataclass(frozen=True)
class Passage:
    number: int  # 1-based, in the report's order
    line: int  # the report's line it starts on
    heading: str
    text: str


@dataclass(frozen=True)
class Choice:
    """One of the unit's assignments a passage may be about."""

    assignment_id: int
    label: str
    title: str
    text: str = field(default="", repr=False, compare=False)  # the task's own text, for a passage quoting it


@dataclass(frozen=True)
class Proposal:
    passage: Passage
    choice: Choice | None  # None: matched to no task (listed, for the office to place or drop)
    certainty: str  # SURE, UNSURE or "" when unmatched
    why: str  # what the match rests on, in words
    text: str
    percent: int | None
    problems: str
    next_steps: str


@dataclass
class UnitReportPreview:
    path: str
    plan_id: int
    unit: str
    period: str
    choices: list[Choice]
    proposals: list[Proposal] = field(default_factory=list)

    @property
    def unmatched(self) -> list[Proposal]:
        return [p for p in self.proposals if p.choice is None]


@dataclass(frozen=True)
class Accepted:
    """A proposal as the office confirmed it (task and fields possibly corrected)."""

    assignment_id: int
    text: str
    percent: int | str | None = None  # as typed: checked when recorded
    problems: str = ""
    next_steps: str = ""


# -- reading the report -------------------------------------------------------------------------------------


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        line = line.strip().strip("\u3000")
        if line:
            out.append((n, line))
    return out


def _is_task_heading(line: str) -> bool:
    """A line that opens a task's passage: numbered, or a short line naming work, not one of its parts."""
    if _PART.match(line):
        return False
    heading = match_heading(line)
    if heading is not None:
        rest = heading.rest
        return bool(rest) and (len(rest) <= 60 or not rest.endswith("。"))
    return len(line) <= 40 and line.startswith(("关于", "【", "〔")) and not line.endswith("。")


def split_passages(text: str) -> list[Passage]:
    """One passage per task heading with the paragraphs under it; a report without headings, one per
    paragraph. The greeting and the closing (现将…报告如下 / 特此报告) belong to no task."""
    paras = _paragraphs(text)
    closing = next((i for i, (_, p) in enumerate(paras) if re.match(r"^特此(?:报告|汇报)", p)), None)
    if closing is not None:
        paras = paras[:closing]  # after it: the signature and the date
    paras = [(n, p) for n, p in paras if not _FRAME.search(p) and not is_date_line(p)]
    starts = [i for i, (_, p) in enumerate(paras) if _is_task_heading(p)]
    if not starts:
        return [Passage(k, n, "", p) for k, (n, p) in enumerate(paras, start=1) if len(p) >= 15]
    out: list[Passage] = []
    if starts[0] > 0:
        body = "\n".join(p for _, p in paras[: starts[0]] if not _PART.match(p))
        if len(body) >= 30 and not _looks_like_preamble(body):
            out.append(Passage(len(out) + 1, paras[0][0], "", body))
    for k, i in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(paras)
        line, head = paras[i]
        out.append(Passage(len(out) + 1, line, head, "\n".join(p for _, p in paras[i + 1 : end])))
    return out


def _looks_like_preamble(text: str) -> bool:
    return len(text) < 200 and bool(re.search(r"(?:现将|根据|按照).{0,40}(?:要求|通知|报告)", text))


def _parts(passage: Passage) -> tuple[str, str, str]:
    """(progress, problems, next steps) of a passage: by its part headings, or inline labels."""
    buckets: dict[str, list[str]] = {"text": [], "problems": [], "next": []}
    current = "text"
    for line in passage.text.splitlines():
        part = _PART.match(line)
        if part:
            name = part.group("part")
            current = (
                "problems" if _PROBLEM_PART.search(name) else "next" if _NEXT_PART.search(name) else "text"
            )
            continue
        pieces = _INLINE.split(line)
        buckets[current].append(pieces[0])
        for label, rest in zip(pieces[1::2], pieces[2::2], strict=False):
            current = "problems" if _PROBLEM_PART.search(label) else "next"
            buckets[current].append(rest)

    def join(key: str) -> str:
        return "\n".join(x.strip() for x in buckets[key] if x.strip())

    return join("text"), join("problems"), join("next")


def _percent(text: str) -> int | None:
    found = [float(m.group(1)) for m in _PERCENT.finditer(text)]
    found = [f for f in found if 0 <= f <= 100]
    return round(found[-1]) if found else None  # the last stated: where the work stands now


# -- matching passages to the unit's tasks -----------------------------------------------------------------


def _words(text: str) -> str:
    norm = unicodedata.normalize("NFKC", text)
    norm = re.sub(r"^(?:关于|推进|做好)?", "", norm)
    return "".join(ch for ch in norm if "\u4e00" <= ch <= "\u9fff" or ch.isalnum())


def _grams(text: str) -> set[str]:
    w = _words(text)
    return {w[i : i + 2] for i in range(len(w) - 1)}


class _Matcher:
    """The share of a task title's wording a passage has, rarer wording among the unit's tasks counting more."""

    def __init__(self, choices: list[Choice]) -> None:
        self.choices = choices
        self.grams = [_grams(c.title) for c in choices]
        df: dict[str, int] = {}
        for g in self.grams:
            for x in g:
                df[x] = df.get(x, 0) + 1
        n = len(choices) + 1
        self.weight = {x: math.log(n / c) + 0.2 for x, c in df.items()}

    def cover(self, k: int, grams: set[str]) -> float:
        mine = self.grams[k]
        total = sum(self.weight[x] for x in mine)
        return sum(self.weight[x] for x in mine & grams) / total if total else 0.0

    def quoting(self, passage: Passage) -> int | None:
        """The one task whose own text holds a phrase the passage quotes (按照“…”的要求)."""
        texts = [_words(c.text) for c in self.choices]
        for phrase in _QUOTED.findall(passage.heading + passage.text[:300]):
            words = _words(phrase)
            holders = [k for k, t in enumerate(texts) if len(words) >= 6 and words in t]
            if len(holders) == 1:
                return holders[0]
        return None

    def best(self, passage: Passage) -> tuple[int | None, str, str]:
        if not self.choices:
            return None, "", ""
        quoting = self.quoting(passage)
        if quoting is not None:
            return quoting, SURE, "引用了该任务原文"
        quoted = " ".join(_QUOTED.findall(passage.heading + passage.text[:200]))
        head = _grams(passage.heading + " " + quoted)
        lead = _grams(passage.text[:300])
        scored = []
        for k in range(len(self.choices)):
            by_head = self.cover(k, head)
            by_text = self.cover(k, lead) * 0.8
            scored.append((max(by_head, by_text), k, "标题" if by_head >= by_text else "内容"))
        scored.sort(reverse=True)
        score, k, basis = scored[0]
        runner = scored[1][0] if len(scored) > 1 else 0.0
        if score < _FLOOR:
            return None, "", ""
        sure = score >= _SURE_SCORE and score - runner >= _SURE_MARGIN
        why = f"按{basis}用语对应（吻合 {score:.0%}" + (f"，次选 {runner:.0%}）" if len(scored) > 1 else "）")
        return k, SURE if sure else UNSURE, why


def _choices(s: Session, plan_id: int, unit_id: int) -> list[Choice]:
    rows = s.execute(
        select(Assignment.id, PlanNode.label, PlanNode.title, PlanNode.text, Assignment.workflow_state)
        .join(PlanNode, PlanNode.id == Assignment.node_id)
        .where(
            PlanNode.plan_id == plan_id,
            Assignment.unit_id == unit_id,
            Assignment.archived.is_(False),
            PlanNode.archived.is_(False),
        )
        .order_by(PlanNode.id)
    ).tuples()
    return [
        Choice(aid, label, title, text)
        for aid, label, title, text, state in rows
        if state not in FINAL_STATES
    ]


def read_unit_report(
    db: Database, *, path: str | os.PathLike[str], plan_id: int, unit: str, period: str
) -> UnitReportPreview:
    """The report's passages, each proposed for one of the unit's assignments in the plan (nothing written)."""
    period = parse_period(period)
    document = read_document(path)
    with db.read() as s:
        found = find_unit(s, unit)
        if found is None:
            raise NotFound(f"找不到单位“{unit}”。", field="unit")
        choices = _choices(s, plan_id, found.id)
        name = found.name
    if not choices:
        raise PlanDeskError(f"{name}在该方案中没有可登记进展的分工。", field="unit")
    preview = UnitReportPreview(str(path), plan_id, name, period, choices)
    matcher = _Matcher(choices)
    for passage in split_passages(document.text):
        k, certainty, why = matcher.best(passage)
        text, problems, steps = _parts(passage)
        if not text:
            text = passage.heading
        preview.proposals.append(
            Proposal(
                passage,
                choices[k] if k is not None else None,
                certainty,
                why,
                text,
                _percent(passage.text),
                problems,
                steps,
            )
        )
    if not preview.proposals:
        raise ImportRefused(f"文件“{Path(path).name}”中没有找到进展内容。", location=str(path))
    return preview


# -- recording what the office confirmed ---------------------------------------------------------------------


def apply_unit_report(
    db: Database,
    *,
    path: str | os.PathLike[str],
    period: str,
    accepted: list[Accepted],
    reported_on: str | dt.date | None = None,
) -> Change:
    """Record each confirmed passage as a progress entry of its assignment, the report attached to each as
    佐证 — all in one transaction, or nothing."""
    period = parse_period(period)
    if not accepted:
        raise PlanDeskError("没有确认任何进展，未登记。", field="accepted")
    day = parse_date(reported_on, field="reported_on", label="报送日期") or clock.today()
    if day > clock.today():
        raise PlanDeskError(
            f"报送日期 {day.isoformat()} 晚于今天（{clock.today().isoformat()}），不能登记尚未报送的进展。",
            field="reported_on",
        )
    clean = [
        (
            a.assignment_id,
            check_text(a.text, field="text", label="进展情况", max_len=20000, required=True),
            check_percent(a.percent),
            check_text(a.problems, field="problems", label="存在问题", max_len=20000),
            check_text(a.next_steps, field="next_steps", label="下步计划", max_len=20000),
        )
        for a in accepted
    ]
    source = Path(path)
    try:
        sha, size = store_copy(source, store_folder(db), max_bytes(db))
    except OSError as exc:
        raise PlanDeskError(f"无法保存报告原件：{exc.strerror or exc}", location=str(source)) from exc
    with db.write(cause=f"导入单位进展报告：{source.name}") as s:
        entries: list[ProgressEntry] = []
        nodes: set[int] = set()
        plans: set[int] = set()
        for assignment_id, text, percent, problems, steps in clean:
            row = s.get(Assignment, assignment_id)
            if row is None or row.archived:
                raise NotFound(f"找不到编号为 {assignment_id} 的分工。", field="assignment_id")
            if row.workflow_state in FINAL_STATES:
                raise PlanDeskError("该任务已办结或销号，不能再登记进展。", field="assignment_id")
            unit = s.get(Unit, row.unit_id)
            entry, row = record_progress(
                s,
                assignment_id,
                period=period,
                reported_on=day,
                text=text,
                percent=percent,
                problems=problems,
                next_steps=steps,
                actor=db.operator,
                source=SOURCE,
                source_ref=f"{SOURCE}:{sha}"[:200],
                note=f"{period} 进展（{unit.name if unit else ''}报告）",
            )
            entries.append(entry)
            nodes.add(row.node_id)
            node = s.get(PlanNode, row.node_id)  # loaded by record_progress: no second query
            if node is not None:
                plans.add(node.plan_id)
        s.flush()
        for entry in entries:
            s.add(
                Evidence(
                    entry_id=entry.id,
                    file_name=source.name[:300],
                    sha256=sha,
                    size=size,
                    added_by=db.operator,
                )
            )
        s.flush()
        return Change("progress_added", plans, nodes, {e.assignment_id for e in entries})


def reporting_units(db: Database, *, plan_id: int) -> list[str]:
    """The units with work in the plan, whose reports can be read against it, by name."""
    with db.read() as s:
        return list(
            s.scalars(
                select(Unit.name)
                .join(Assignment, Assignment.unit_id == Unit.id)
                .join(PlanNode, PlanNode.id == Assignment.node_id)
                .where(PlanNode.plan_id == plan_id, Assignment.archived.is_(False))
                .distinct()
                .order_by(Unit.name)
            )
        )
