"""Importing a plan file end to end: read → repair → parse, with progress and cancellation."""

from __future__ import annotations

import os
from collections.abc import Callable

from desktop.errors import Cancelled, ImportRefused
from desktop.importers.parsed import Finding, ParsedPlan
from desktop.importers.plan_parser import parse_repaired
from desktop.importers.readers import read_document
from desktop.importers.repair import repair_text

# The longest published plans run to some 200 000 characters; a text ten times that long is not one plan, and
# importing it would keep the user waiting for minutes.
MAX_TEXT_CHARS = 2_000_000


def load_plan(
    path: str | os.PathLike[str],
    *,
    data: bytes | None = None,
    progress: Callable[[int, str], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> ParsedPlan:
    """Read, repair and parse a plan document; raises ImportRefused or Cancelled."""

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
    try:
        plan = parse_repaired(repaired, source_name=extracted.source_name)
    except RecursionError as exc:
        raise ImportRefused(
            f"文件“{extracted.source_name}”结构过于复杂，无法解析。", location=extracted.source_name
        ) from exc
    plan.source_sha256 = extracted.source_sha256
    plan.source_format = extracted.source_format
    plan.encoding = extracted.encoding
    plan.findings[:0] = [Finding("text_repaired", note) for note in extracted.notes]
    step(100, "导入分析完成。")
    return plan
