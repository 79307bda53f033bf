"""evaluate and baseline: the mid-term and annual evaluation report, and the indicators' base values."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from ..errors import PlanDeskError
from ..reports.evaluation_text import base_text, forecast_text
from ..services.evaluation.assessment import (
    gather_evaluation,
    parse_stage_targets,
    render_report,
    set_indicator_base,
)
from . import open_db, print_json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "evaluate", help="中期评估、年度评估：指标结论与预测、任务进度，评估报告（PDF 或 Word）"
    )
    p.add_argument("--plan", type=int, required=True, metavar="PLAN_ID")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="评估截止日期（中期评估默认规划期中点）")
    p.add_argument(
        "--kind", choices=("midterm", "annual"), default="midterm", help="midterm 中期（默认）或 annual 年度"
    )
    p.add_argument("-o", "--output", metavar="FILE.pdf|FILE.docx", help="评估报告文件；不给则只列出指标结论")
    p.add_argument("--problems", metavar="FILE", help="“存在问题”文字（文本文件，每段一行；默认按数据生成）")
    p.add_argument("--suggestions", metavar="FILE", help="“下一步建议”文字（文本文件，每段一行）")
    p.add_argument("--office", default="", metavar="NAME", help="评估单位（默认方案印发机关）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出评估数据")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("baseline", help="设置指标的基期年份和基期值（评估用）")
    p.add_argument("indicator", type=int, metavar="INDICATOR_ID")
    p.add_argument("--year", type=int, required=True, metavar="YYYY", help="基期年份")
    p.add_argument("--value", required=True, metavar="N", help="基期值")
    p.add_argument("--stages", metavar="2030:90；2035:95", help="其他目标年及目标值（替换已有的阶段目标）")
    p.set_defaults(func=cmd_baseline)


def _lines(path: str | None) -> list[str] | None:
    if not path:
        return None
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise PlanDeskError(f"无法读取文件 {path}：{exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise PlanDeskError(f"文件 {path} 不是 UTF-8 文本。") from None
    return [line.strip() for line in text.splitlines() if line.strip()]


def cmd_evaluate(args: argparse.Namespace) -> int:
    output = Path(args.output) if args.output else None
    if output is not None and output.suffix.lower() not in (".pdf", ".docx"):
        raise PlanDeskError(f"评估报告只能保存为 .pdf 或 .docx：{output.name}")  # before any work
    problems, suggestions = _lines(args.problems), _lines(args.suggestions)
    with open_db(args) as db:
        data = gather_evaluation(
            db,
            plan_id=args.plan,
            as_of=args.as_of,
            kind=args.kind,
            problems=problems,
            suggestions=suggestions,
            office=args.office,
        )
    if output is not None:
        render_report(data, output)
        print(f"已生成 {output}：{data.title}，评估截止 {data.as_of.isoformat()}", file=sys.stderr)
    if args.json:
        print_json(dataclasses.asdict(data))
    elif output is None:
        for e in data.indicators:
            latest = f"{e.latest.value:g}" if e.latest else "未录入"
            print(
                f"{e.indicator_id}\t{e.name}\t基期 {base_text(e)}\t目标 {e.target_text}\t最新 {latest}\t"
                f"预计 {forecast_text(e).replace(chr(10), ' ')}\t{e.verdict}"
                + (f"\t{e.stage.outlook}" if e.stage else "")
                + ("\t预警" if e.warning else "")
            )
        print(data.tasks.judgement)
    return 0


def cmd_baseline(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        set_indicator_base(
            db,
            indicator_id=args.indicator,
            base_year=args.year,
            base_value=args.value,
            stage_targets=parse_stage_targets(args.stages) if args.stages is not None else None,
        )
    print(f"已设置指标 {args.indicator} 的基期：{args.year}年 {args.value}", file=sys.stderr)
    return 0
