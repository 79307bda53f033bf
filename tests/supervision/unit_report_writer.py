"""Units' own 进展情况报告, written the way units write them, together with their truth.

The writer picks some of a unit's tasks and writes one passage about each — its heading in one of the forms units
use (一、关于…工作 / （一）… / 1.…进展情况 / 关于“…”任务 / a shortened title / no heading at all, the paragraph
naming the task), its progress in the unit's words, sometimes a percent, problems and next steps under part headings
or inline — between a greeting and a signature. It records which task each passage is about and what it states,
so the reader is checked against what was written, never against its own output.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

CN = "一二三四五六七八九十"
DEEDS = (
    "召开专题推进会，明确责任分工和时间节点",
    "印发工作方案，细化年度目标任务",
    "组织开展实地调研，摸清工作底数",
    "完成项目立项和资金申请工作",
    "协调相关单位建立联席会议机制",
    "开展专项检查，督促企业落实主体责任",
    "组织技术人员参加业务培训",
    "推动试点示范项目落地实施",
)
PROBLEMS = ("专业技术人员不足", "项目资金尚未完全到位", "部分企业参与积极性不高", "基础数据统计口径不一")
STEPS = ("加快推进项目建设进度", "加强部门协调配合", "做好年度总结评估", "扩大试点覆盖范围")


@dataclass
class Written:
    assignment_id: int
    title: str
    percent: int | None
    problems: str
    steps: str


@dataclass
class Report:
    text: str
    truth: list[Written]  # in the order the passages appear
    headed: bool


def _clause(rng: random.Random, text: str) -> str:
    """A clause of the task's own text (units quote what the plan asks of them)."""
    clauses = [c for c in re.split(r"[，。；、：]", text) if 6 <= len(c) <= 30]
    return rng.choice(clauses) if clauses else ""


def _heading(rng: random.Random, k: int, title: str) -> str:
    form = rng.randrange(6)
    if form == 5 and len(title) >= 6:
        # the title's words turned round: 服务汽车制造 → 汽车制造服务工作
        return f"{CN[k % 10]}、{title[2:]}{title[:2]}工作"
    if form == 0:
        return f"{CN[k % 10]}、关于{title}工作"
    if form == 1:
        return f"（{CN[k % 10]}）{title}"
    if form == 2:
        return f"{k + 1}.{title}进展情况"
    if form == 3:
        return f"{CN[k % 10]}、关于“{title}”任务落实情况"
    short = title[: max(4, (len(title) * 2 + 2) // 3)]
    return f"{CN[k % 10]}、{short}"


def write_report(rng: random.Random, unit: str, tasks: list[tuple[int, str, str]], period: str) -> Report:
    """A report on some of ``tasks`` ((assignment id, title, the task's text)) for ``period`` (YYYY-MM)."""
    chosen = rng.sample(tasks, rng.randint(1, min(8, len(tasks))))
    headed = rng.random() < 0.8
    month = int(period[5:])
    lines = [
        f"{unit}关于{month}月份重点任务落实情况的报告",
        "市推进办：",
        f"现将我单位{month}月份工作进展情况报告如下：",
    ]
    truth: list[Written] = []
    for k, (aid, title, text) in enumerate(chosen):
        deeds = "；".join(rng.sample(DEEDS, 2))
        percent = rng.choice([None, rng.randrange(5, 100, 5)])
        stated = f"目前已完成{percent}%。" if percent is not None else ""
        problems = rng.choice(["", rng.choice(PROBLEMS)])
        steps = rng.choice(["", rng.choice(STEPS)])
        quoted = _clause(rng, text)
        if headed:
            lines.append(_heading(rng, k, title))
            body = f"围绕{title}，我单位{deeds}。{stated}"
        elif quoted and rng.random() < 0.5:
            # no title at all: the passage says what it did in the plan's own words
            body = f"按照“{quoted}”的要求，我单位{deeds}。{stated}"
        else:
            body = f"在{title}方面，我单位{deeds}。{stated}"
        lines.append(body)
        parts_as_headings = headed and rng.random() < 0.5
        if problems:
            if parts_as_headings:
                lines += ["存在问题", f"{problems}。"]
            else:
                lines[-1] += f"存在问题：{problems}。"
        if steps:
            if parts_as_headings:
                lines += ["下一步工作计划", f"{steps}。"]
            else:
                lines[-1] += f"下一步计划：{steps}。"
        truth.append(Written(aid, title, percent, problems, steps))
    lines += ["特此报告。", unit, f"{period[:4]}年{month}月28日"]
    return Report("\n".join(lines) + "\n", truth, headed)
