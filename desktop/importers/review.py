"""The import review: what was recognised and what the user should check, in Chinese."""

from __future__ import annotations

from collections import Counter
from typing import Any

from desktop.importers.parsed import ParsedPlan

KIND_NAMES = {
    "chapter": "章",
    "section": "节",
    "task": "任务",
    "column": "专栏",
    "item": "条目",
    "goal": "目标",
    "measure": "保障措施",
}
FINDING_GROUPS = {
    "text_repaired": "乱码已还原",
    "numbering_gap": "编号缺失",
    "duplicate_removed": "已删除的重复段落",
    "orphan_text": "缺少标题的文字",
    "unknown_unit": "新单位（不在单位名称表中）",
    "order_restored": "顺序已恢复",
    "unread_note": "未能识别的责任分工",
    "note_missing": "同级任务大多注明了责任单位、这一项没有读到",
    "note_inferred": "从正文句子读出的责任单位（没有责任分工注，请核对）",
    "bundled_plans": "一个文件中汇编了几个方案",
    "page_text_removed": "已删除的网页文字",
    "division_unmatched": "任务分工表中未对应到正文任务的行（单独计为任务）",
    "division_mismatch": "任务分工表与正文的责任单位不一致",
    "division_uncertain": "任务分工表与正文任务的对应需要核对",
    "division_missing": "任务分工表中没有的正文任务",
}


# Findings about removed or unread text show that text in full, so nothing disappears unseen.
_SHOW_EXCERPT = ("duplicate_removed", "page_text_removed", "unread_note", "division_unmatched")


def review_dict(plan: ParsedPlan) -> dict[str, Any]:
    """A JSON-friendly summary of the parsed plan and its findings."""
    counts: Counter[str] = Counter(node.kind for node in plan.walk())
    groups: dict[str, list[dict[str, Any]]] = {}
    for f in plan.findings:
        groups.setdefault(f.code, []).append({"message": f.message, "line": f.line, "excerpt": f.excerpt})
    return {
        "title": plan.title,
        "issuer": plan.issuer,
        "doc_number": plan.doc_number,
        "issued_on": plan.issued_on.isoformat() if plan.issued_on else None,
        "source_name": plan.source_name,
        "source_format": plan.source_format,
        "counts": {kind: counts.get(kind, 0) for kind in KIND_NAMES},
        "indicators": len(plan.indicators),
        "units": sorted({u.name for n in plan.walk() for u in n.units}),
        "needs_review": sum(1 for n in plan.walk() if n.needs_review),
        "findings": groups,
    }


def review_lines(plan: ParsedPlan) -> list[str]:
    """Readable review lines, e.g. for the import dialog or the command line."""
    data = review_dict(plan)
    lines = [f"标题：{plan.title or '（未识别）'}"]
    if plan.doc_number:
        lines.append(f"文号：{plan.doc_number}")
    if plan.issuer:
        lines.append(f"发文机关：{plan.issuer}")
    if plan.issued_on:
        lines.append(f"成文日期：{plan.issued_on:%Y年%m月%d日}")
    counts = data["counts"]
    lines.append("识别结果：" + "，".join(f"{KIND_NAMES[k]} {counts[k]} 个" for k in KIND_NAMES))
    lines.append(f"指标 {data['indicators']} 项，责任单位 {len(data['units'])} 个。")
    if data["needs_review"]:
        lines.append(f"需要人工核对的条目：{data['needs_review']} 个。")
    for code, items in data["findings"].items():
        lines.append(f"{FINDING_GROUPS.get(code, code)}（{len(items)}）：")
        for item in items:
            where = f"第{item['line']}行：" if item["line"] else ""
            lines.append(f"  - {where}{item['message']}")
            if code in _SHOW_EXCERPT and item["excerpt"]:
                lines.append(f"    原文：{item['excerpt']}")
    if not data["findings"]:
        lines.append("没有需要注意的问题。")
    return lines
