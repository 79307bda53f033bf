"""import and export plan: bringing documents in and plans out."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import PlanDeskError
from ..fileio import write_text_atomically
from ..services.plans.plan_export import plan_as_json
from ..services.plans.plan_import import ImportChoices, import_document
from ..status import LEVEL_NAMES
from . import group, open_db, print_json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("import", help="导入方案文件（txt/docx/pdf/ofd/xlsx/html），输出导入审阅")
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--level", choices=["national", "province", "city", "district"], help="方案层级（默认自动判断）"
    )
    p.add_argument("--parent", type=int, metavar="PLAN_ID", help="本方案所落实的上级方案")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（含新方案编号）")
    p.add_argument("--revise", type=int, metavar="PLAN_ID", help="作为已有方案的修订版导入，列出变化并更新")
    p.add_argument("--dry-run", action="store_true", help="只显示将导入的内容或修订变化，不写入")
    p.add_argument("--new", action="store_true", help="与已有方案文号或内容相同时，仍作为另一个方案导入")
    p.add_argument("--adopt", action="store_true", help="导入后按文件分工（每项任务的每个责任单位一条分工）")
    p.add_argument(
        "--part",
        type=int,
        default=1,
        metavar="N",
        help="文件汇编了几个方案时，导入其中第 N 个（默认第 1 个）",
    )
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("adopt", help="按文件分工：把方案原文的责任单位清单转为分工记录")
    p.add_argument("--plan", type=int, required=True, metavar="PLAN_ID", help="方案编号")
    p.add_argument("--node", type=int, metavar="NODE_ID", help="只处理该条目及其下级")
    p.add_argument("--deadline", metavar="YYYY-MM-DD", help="原文未写时限的任务使用的截止日期（默认不设）")
    p.add_argument("--dry-run", action="store_true", help="只列出将新建的分工，不写入")
    p.set_defaults(func=cmd_adopt)

    plan = group(sub, "plan", "方案属性与生命周期：修改、归档、删除")
    p = plan.add_parser("edit", help="更正方案属性（只改给出的项）")
    p.add_argument("plan_id", type=int, metavar="PLAN_ID")
    p.add_argument("--title", help="方案标题")
    p.add_argument("--issuer", help="发文机关")
    p.add_argument("--doc-number", dest="doc_number", help="文号")
    p.add_argument("--date", dest="issued_on", metavar="YYYY-MM-DD", help="成文日期")
    p.add_argument("--level", help="层级：市级、区县级、省级、国家（或 city、district …）")
    p.add_argument("--short-name", dest="short_name", help="简称")
    p.set_defaults(func=cmd_plan_edit)
    p = plan.add_parser("delete", help="删除方案及其分工和进展（先自动备份）")
    p.add_argument("plan_id", type=int, metavar="PLAN_ID")
    p.add_argument("--yes", action="store_true", help="不再询问，直接删除（用于脚本）")
    p.set_defaults(func=cmd_plan_delete)
    p = plan.add_parser("archive", help="归档已办结的方案（不删除，日常视图中隐藏）")
    p.add_argument("plan_id", type=int, metavar="PLAN_ID")
    p.set_defaults(func=cmd_plan_archive, archived=True)
    p = plan.add_parser("unarchive", help="取消归档")
    p.add_argument("plan_id", type=int, metavar="PLAN_ID")
    p.set_defaults(func=cmd_plan_archive, archived=False)

    node = group(sub, "node", "更正条目：责任单位清单、类型")
    p = node.add_parser("units", help="列出或更正条目的责任单位（原文写法列在旁边）")
    p.add_argument("node_id", type=int, metavar="NODE_ID")
    p.add_argument(
        "--set",
        dest="units",
        metavar="LIST",
        help="新的清单，按顺序用逗号分隔，配合单位后加 :co，例如 “市市场监管局,市科技局:co”",
    )
    p.set_defaults(func=cmd_node_units)
    p = node.add_parser("kind", help="更改条目类型：chapter section task column measure item goal")
    p.add_argument("node_id", type=int, metavar="NODE_ID")
    p.add_argument("kind", metavar="KIND")
    p.set_defaults(func=cmd_node_kind)

    exp = group(sub, "export", "导出方案、台账等")
    p = exp.add_parser("plan", help="把方案导出为 JSON")
    p.add_argument("plan_id", type=int, metavar="PLAN_ID")
    p.add_argument("--format", default="json", choices=["json"])
    p.add_argument("-o", "--output", metavar="FILE", help="输出文件（默认标准输出）")
    p.set_defaults(func=cmd_export_plan)


def cmd_import(args: argparse.Namespace) -> int:
    if args.revise is not None and args.new:
        raise PlanDeskError("--new 与 --revise 只能选一个：作为新方案导入，或作为已有方案的修订版导入。")
    if args.revise is not None or args.dry_run:
        from .exchange import cmd_import_preview

        return cmd_import_preview(args)
    from ..importers.load import load_plan
    from ..services.plans.plan_admin import find_duplicate

    parsed = load_plan(args.file, part=args.part)
    with open_db(args, create=True) as db:
        duplicate = find_duplicate(db, parsed=parsed)
        if duplicate is not None and not args.new:
            raise PlanDeskError(
                duplicate.describe() + f"未导入。作为该方案的修订版导入请加 --revise {duplicate.plan_id}；"
                "确需另建一个方案请加 --new。",
                location=args.file,
            )
        # The one import use case the window calls too: the plan and its adoption in one transaction.
        imported = import_document(
            db,
            parsed=parsed,
            choices=ImportChoices(
                level=args.level, parent_plan_id=args.parent, adopt=args.adopt, as_new=True
            ),
        )
        result, adopted = imported.result, imported.adopted
    if args.json:
        print_json(
            {
                "plan_id": result.plan_id,
                "title": result.title,
                "counts": result.counts,
                "indicators": result.indicators,
                "review": result.review_data,
                "backup": result.backup,
                "adopted": len(adopted.created_ids) if adopted else 0,
            }
        )
    else:
        print(f"已导入方案 {result.plan_id}：{result.title}")
        for line in result.review:
            print(line)
        if adopted is not None:
            print("按文件分工：" + adopted.summary(done=True))
    return 0


def cmd_plan_edit(args: argparse.Namespace) -> int:
    from ..services.plans.plan_admin import PLAN_FIELDS, update_plan

    changes = {k: getattr(args, k) for k in PLAN_FIELDS if getattr(args, k, None) is not None}
    if not changes:
        raise PlanDeskError("没有要修改的内容：请至少给出一项，例如 --title 新标题。")
    with open_db(args) as db:
        plan = update_plan(db, plan_id=args.plan_id, **changes)
    issued = plan.issued_on.isoformat() if plan.issued_on else "—"
    level = LEVEL_NAMES.get(plan.level, plan.level)
    print(f"{plan.id}\t{level}\t{plan.doc_number or '—'}\t{issued}\t{plan.issuer or '—'}\t{plan.title}")
    return 0


def cmd_plan_delete(args: argparse.Namespace) -> int:
    from ..services.plans.plan_admin import delete_plan, plan_footprint

    with open_db(args) as db:
        footprint = plan_footprint(db, plan_id=args.plan_id)
        if not args.yes:
            print(footprint.describe() + "删除前会自动备份。", file=sys.stderr)
            if not sys.stdin.isatty():
                raise PlanDeskError("未删除：需要确认。在脚本中请加 --yes。")
            answer = input("确定删除吗？输入 yes 确认：").strip().lower()
            if answer not in ("yes", "y", "是"):
                print("已取消，未删除。", file=sys.stderr)
                return 1
        result = delete_plan(db, plan_id=args.plan_id)
    print(f"已删除方案 {args.plan_id}：{footprint.title}")
    if result.backup:
        print(f"删除前的备份：{result.backup}")
    else:
        print("服务器数据库由服务器的备份工具备份，PlanDesk 未另存副本。")
    return 0


def cmd_plan_archive(args: argparse.Namespace) -> int:
    from ..services.plans.plan_admin import set_archived

    with open_db(args) as db:
        plan = set_archived(db, plan_id=args.plan_id, archived=args.archived)
    print(f"{'已归档' if plan.archived else '已取消归档'}方案 {plan.id}：{plan.title}")
    return 0


def cmd_adopt(args: argparse.Namespace) -> int:
    from ..services.plans.adopt import adopt_responsibilities, preview_adoption

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
        print(result.summary(done=True))
    return 0


def cmd_node_units(args: argparse.Namespace) -> int:
    from ..services.plans.duties import Duty, node_duties, set_duties

    with open_db(args) as db:
        if args.units is None:
            result = node_duties(db, node_id=args.node_id)
        else:
            wanted = []
            for part in (p.strip() for p in args.units.replace("，", ",").split(",")):
                if not part:
                    continue
                name, _, role = part.partition(":")
                wanted.append(Duty(name.strip(), role.strip() or "lead"))
            result = set_duties(db, node_id=args.node_id, duties=wanted)
    for duty in result.duties:
        role = "牵头" if duty.role == "lead" else "配合"
        print(f"{duty.unit}\t{role}\t{duty.raw_name or '（本单位添加）'}")
    if result.new_units:
        print(f"新建单位：{'、'.join(result.new_units)}")
    return 0


def cmd_node_kind(args: argparse.Namespace) -> int:
    from ..services.plans.duties import change_kind
    from ..status import KIND_NAMES

    codes = {name: code for code, name in KIND_NAMES.items()}
    with open_db(args) as db:
        row = change_kind(db, node_id=args.node_id, kind=codes.get(args.kind, args.kind))
    print(f"{row.id}\t{KIND_NAMES.get(row.kind, row.kind)}\t{row.label}{row.title}")
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
