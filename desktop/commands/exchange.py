"""workbook and package commands, and import --revise/--dry-run: taking work in from units and offices."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from ..errors import PlanDeskError
from ..services.exchange.packages import KIND_NAMES, apply_package, export_package, read_package
from ..services.exchange.workbooks import WorkbookPreview, apply_workbooks, export_workbooks, read_workbooks
from . import group, open_db, print_json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    wb = group(sub, "workbook", "单位进展反馈表：导出给各单位、导入填好的表")
    p = wb.add_parser("export", help="为单位导出进展反馈表（.xlsx）")
    p.add_argument("--plan", type=int, required=True, metavar="PLAN_ID", help="方案编号")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--unit", metavar="NAME", help="单位名称或简称（导出一个文件）")
    who.add_argument("--all-units", action="store_true", help="每个有分工的单位各导出一个文件")
    p.add_argument(
        "-o", "--output", required=True, metavar="DIR_OR_FILE", help="文件（单个单位）或文件夹（全部单位）"
    )
    p.add_argument("--period", metavar="YYYY-MM", help="报告期（默认本月）")
    p.set_defaults(func=cmd_workbook_export)

    p = wb.add_parser("import", help="导入单位填好的反馈表（每个文件要么全部导入，要么不导入）")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="只检查并列出将登记的进展，不写入")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_workbook_import)

    pk = group(sub, "package", "办公室之间的交换包：导出、导入")
    p = pk.add_parser("export", help="把方案及其分工、进展导出为交换包")
    p.add_argument("--plan", type=int, required=True, metavar="PLAN_ID", help="方案编号")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="交换包文件")
    p.add_argument("--no-progress", action="store_true", help="不包含进展记录")
    p.set_defaults(func=cmd_package_export)

    p = pk.add_parser("import", help="导入交换包（按 uid 合并，重复导入只更新不重复）")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="只列出将新增或更新的内容，不写入")
    p.add_argument(
        "--trust",
        metavar="FINGERPRINT",
        help="首次收到某办公室的交换包时，与对方核对一致的密钥指纹（如 1A2B-3C4D-5E6F-7081）",
    )
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_package_import)


def cmd_import_preview(args: argparse.Namespace) -> int:
    """``import FILE --revise PLAN_ID [--dry-run]`` and ``import FILE --dry-run``."""
    from ..importers.load import load_plan

    parsed = load_plan(args.file, part=args.part)
    if args.revise is None:
        from ..importers.review import review_dict, review_lines

        if args.json:
            print_json({"title": parsed.title, "review": review_dict(parsed), "written": False})
        else:
            print(f"（试导入，未写入）{parsed.title}")
            for line in review_lines(parsed):
                print(line)
        return 0
    from ..services.plans.revision import apply_revision, diff_revision

    with open_db(args) as db:
        if args.dry_run:
            diff = diff_revision(db, plan_id=args.revise, parsed=parsed)
            result = None
        else:
            result = apply_revision(db, plan_id=args.revise, parsed=parsed)
            diff = result.diff
    if args.json:
        data: dict[str, Any] = {"diff": diff.as_dict(), "applied": result is not None}
        if result is not None:
            data.update(
                revision=result.revision,
                archived=result.archived,
                deleted=result.deleted,
                backup=result.backup,
            )
        print_json(data)
        return 0
    for line in diff.lines():
        print(line)
    if result is None:
        print("（试运行，未写入。去掉 --dry-run 以应用修订。）")
    else:
        print(f"已更新为第{result.revision}版：归档 {result.archived} 条，删除 {result.deleted} 条。")
    return 0


def cmd_workbook_export(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        files = export_workbooks(
            db,
            plan_id=args.plan,
            unit=args.unit,
            all_units=args.all_units,
            out=args.output,
            period=args.period,
        )
    for path in files:
        print(f"已导出 {path}")
    return 0


def _preview_lines(preview: WorkbookPreview) -> list[str]:
    names = {"add": "新增", "update": "更正", "same": "已导入过"}
    out = []
    for f in preview.files:
        state = "拒绝导入" if f.blocked else f"{f.changes} 条进展待登记"
        out.append(f"{f.path}：{f.unit or '—'} {f.period}，{state}")
        out += [
            f"  第{e.row}行 {e.task}：{names[e.action]} {e.text}"
            + (f"（{e.percent}%）" if e.percent is not None else "")
            for e in f.entries
        ]
        out += [f"  {'问题' if p.blocking else '提示'}：{p}" for p in f.problems]
    return out


def cmd_workbook_import(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        preview = read_workbooks(db, paths=args.files)
        result = None if args.dry_run else apply_workbooks(db, paths=args.files)
    if args.json:
        data: dict[str, Any] = {"preview": dataclasses.asdict(preview), "applied": result is not None}
        if result is not None:
            data["result"] = dataclasses.asdict(result)
        print_json(data)
    else:
        for line in _preview_lines(preview):
            print(line)
        if result is None:
            print("（试运行，未写入。）")
        else:
            for f in result.files:
                print(
                    f"{f.path}："
                    + (
                        f"已导入，新增 {f.added}，更正 {f.updated}，已导入过 {f.unchanged}"
                        if f.applied
                        else "未导入（存在问题，整份退回）"
                    )
                )
    if result is not None and result.refused:
        refused, total = len(result.refused), len(result.files)
        rest = f"其余 {total - refused} 个已导入。" if total > refused else ""
        raise PlanDeskError(f"{refused} 个文件存在问题未导入（问题见上），{rest}")
    if result is None and preview.blocked:
        return 1
    return 0


def cmd_package_export(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        info = export_package(db, plan_id=args.plan, path=args.output, include_progress=not args.no_progress)
    counts = "，".join(f"{KIND_NAMES.get(k, k)} {v}" for k, v in info.counts.items())
    print(f"已导出 {info.path}（{counts}）")
    if info.notice:
        print(info.notice)
    return 0


def cmd_package_import(args: argparse.Namespace) -> int:
    with open_db(args, create=True) as db:  # a new office begins with a package
        preview = read_package(db, path=args.file)
        result = None if args.dry_run else apply_package(db, path=args.file, trust=args.trust)
    if args.json:
        data: dict[str, Any] = {"preview": dataclasses.asdict(preview), "applied": result is not None}
        if result is not None:
            data["result"] = dataclasses.asdict(result)
        print_json(data)
        return 0
    for line in preview.lines():
        print(line)
    print("（试运行，未写入。）" if result is None else f"已导入，方案编号 {result.plan_id}。")
    return 0
