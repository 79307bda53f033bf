"""Importing a plan file end to end: read → repair → parse, with progress and cancellation."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace

from desktop.errors import Cancelled, ImportRefused
from desktop.importers.bundles import Part, bundle_parts
from desktop.importers.parsed import Finding, ParsedPlan
from desktop.importers.plan_parser import parse_repaired
from desktop.importers.readers import read_document
from desktop.importers.repair import RepairResult, repair_text

# The longest published plans run to some 200 000 characters; a text ten times that long is not one plan, and
# importing it would keep the user waiting for minutes.
MAX_TEXT_CHARS = 2_000_000


def load_plan(
    path: str | os.PathLike[str],
    *,
    data: bytes | None = None,
    progress: Callable[[int, str], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    part: int = 1,
) -> ParsedPlan:
    """Read, repair and parse a plan document; raises ImportRefused or Cancelled.

    A file bundling several plans is read one plan at a time: ``part`` (from 1) says which; the review of each
    names all of them."""

    def step(percent: int, message: str) -> None:
        if is_cancelled is not None and is_cancelled():
            raise Cancelled()
        if progress is not None:
            progress(percent, message)

    step(0, "正在读取文件…")
    extracted = read_document(path, data)
    if len(extracted.text) > MAX_TEXT_CHARS:
        raise ImportRefused(
            f"文件“{extracted.source_name}”的文字过长（约 {len(extracted.text) // 10_000} 万字，"
            f"上限为 {MAX_TEXT_CHARS // 10_000} 万字），不像是一份规划文件，无法导入。"
            "请确认选择的文件是否正确，或将其拆分后分别导入。",
            location=extracted.source_name,
        )
    step(30, "正在修复文字（分页、重复段落、异体字符）…")
    repaired = repair_text(extracted.text)
    if not repaired.text.strip():
        raise ImportRefused(
            f"文件“{extracted.source_name}”中没有可识别的文字。", location=extracted.source_name
        )
    step(60, "正在识别章节、任务与责任单位…")
    parts = bundle_parts(repaired.text.split("\n"))
    repaired, bundled = _one_part(repaired, parts, part, extracted.source_name)
    try:
        plan = parse_repaired(repaired, source_name=extracted.source_name)
    except RecursionError as exc:
        raise ImportRefused(
            f"文件“{extracted.source_name}”结构过于复杂，无法解析。", location=extracted.source_name
        ) from exc
    plan.source_sha256 = extracted.source_sha256
    plan.source_format = extracted.source_format
    plan.encoding = extracted.encoding
    plan.findings[:0] = [Finding("text_repaired", note) for note in extracted.notes] + bundled
    if len(parts) > 1:
        plan.bundle, plan.part = [p.title or f"第 {k} 个方案" for k, p in enumerate(parts, start=1)], part
    step(100, "导入分析完成。")
    return plan


def _one_part(
    repaired: RepairResult, parts: list[Part], part: int, source: str
) -> tuple[RepairResult, list[Finding]]:
    """The repaired text of one plan of a bundle, and the finding that names the bundle's plans."""
    lines = repaired.text.split("\n")
    if len(parts) == 1:
        if part != 1:
            raise ImportRefused(f"文件“{source}”只包含一个方案，没有第 {part} 个。", location=source)
        return repaired, []
    if not 1 <= part <= len(parts):
        raise ImportRefused(f"文件“{source}”包含 {len(parts)} 个方案，没有第 {part} 个。", location=source)
    chosen = parts[part - 1]
    named = "；".join(
        f"{k}.{p.title or '（未识别标题）'}（第{p.start + 1}行起）" for k, p in enumerate(parts, start=1)
    )
    finding = Finding(
        "bundled_plans",
        f"本文件包含 {len(parts)} 个方案，各自从“一、”编号：{named}。这里读取的是第 {part} 个；"
        "其余方案请分别导入：在导入预览上方的列表中选择，或在命令行加 --part 序号。",
        line=chosen.start + 1,
        excerpt=chosen.title,
    )
    text = "\n".join(lines[chosen.start : chosen.end]).strip("\n") + "\n"
    return replace(repaired, text=text), [finding]
