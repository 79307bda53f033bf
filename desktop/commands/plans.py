"""import and export plan: bringing documents in and plans out."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..fileio import write_text_atomically
from ..services.plan_export import plan_as_json
from ..services.plan_import import import_file
from . import group, open_db, print_json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("import", help="导入方案文件（txt/docx/pdf/html），输出导入审阅")
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--level", choices=["national", "province", "city", "district"], help="方案层级（默认自动判断）"
    )
    p.add_argument("--parent", type=int, metavar="PLAN_ID", help="本方案所落实的上级方案")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（含新方案编号）")
    p.add_argument("--revise", type=int, metavar="PLAN_ID", help="作为已有方案的修订版导入，列出变化并更新")
    p.add_argument("--dry-run", action="store_true", help="只显示将导入的内容或修订变化，不写入")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("adopt", help="按文件分工：把方案原文的责任单位清单转为分工记录")
    p.add_argument("--plan", type=int, required=True, metavar="PLAN_ID", help="方案编号")
    p.add_argument("--node", type=int, metavar="NODE_ID", help="只处理该条目及其下级")
    p.add_argument("--deadline", metavar="YYYY-MM-DD", help="原文未写时限的任务使用的截止日期（默认不设）")
    p.add_argument("--dry-run", action="store_true", help="只列出将新建的分工，不写入")
    p.set_defaults(func=cmd_adopt)

    exp = group(sub, "export", "导出方案、台账等")
    p = exp.add_parser("plan", help="把方案导出为 JSON")
    p.add_argument("plan_id", type=int, metavar="PLAN_ID")
    p.add_argument("--format", default="json", choices=["json"])
    p.add_argument("-o", "--output", metavar="FILE", help="输出文件（默认标准输出）")
    p.set_defaults(func=cmd_export_plan)


def cmd_import(args: argparse.Namespace) -> int:
    if args.revise is not None or args.dry_run:
        from .exchange import cmd_import_preview

        return cmd_import_preview(args)
    with open_db(args, create=True) as db:
        result = import_file(db, path=args.file, level=args.level, parent_plan_id=args.parent)
    if args.json:
        print_json(
            {
                "plan_id": result.plan_id,
                "title": result.title,
                "counts": result.counts,
                "indicators": result.indicators,
                "review": result.review_data,
                "backup": result.backup,
            }
        )
    else:
        print(f"已导入方案 {result.plan_id}：{result.title}")
        for line in result.review:
            print(line)
    return 0


def cmd_adopt(args: argparse.Namespace) -> int:
    from ..services.adopt import adopt_responsibilities, preview_adoption

    with open_db(args) as db:
        call = preview_adoption if args.dry_run else adopt_responsibilities
        result = call(db, plan_id=args.plan, node_id=args.node, deadline=args.deadline)
    for item in result.items:
        role = "牵头" if item.role == "lead" else "配合"
        when = item.deadline.isoformat() if item.deadline else "—"
        source = "原文时限" if item.deadline_from_text else ("默认" if item.deadline else "")
        print(f"{item.label or '—'}\t{item.title[:30]}\t{item.unit_name}\t{role}\t{when}\t{source}".rstrip())
    summary = result.summary()
    if args.dry_run:
        print(f"（预览，未写入）{summary}")
    else:
        print(summary.replace("将为", "已为", 1))
    return 0


def cmd_export_plan(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        data = plan_as_json(db, plan_id=args.plan_id)
    if args.output:
        write_text_atomically(Path(args.output), json.dumps(data, ensure_ascii=False, indent=2))
        print(f"已写入 {args.output}", file=sys.stderr)
    else:
        print_json(data)
    return 0
