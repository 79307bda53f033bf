"""info, list, assign, progress, units: the everyday commands offices script."""

from __future__ import annotations

import argparse

from sqlalchemy import func, select

from ..errors import PlanDeskError
from ..logs import log_path
from ..models import Assignment, Plan, PlanNode, ProgressEntry, Unit
from ..services.core.status import LEVEL_NAMES
from ..services.core.tree import list_plans
from ..services.core.units import list_units
from ..services.supervision.assignments import EDITABLE, add_progress, create_assignment, update_assignment
from ..storage.migrate import current_revision, head_revision
from . import open_db, print_json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("info", help="数据库位置、结构版本与数据量")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("list", help="列出方案及其编号")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("assign", help="把条目分配给单位，输出分工记录编号")
    p.add_argument("node_id", type=int, metavar="NODE_ID")
    p.add_argument("--unit", required=True, metavar="NAME", help="单位名称或简称")
    p.add_argument("--role", default="lead", choices=["lead", "co"], help="lead 牵头 / co 配合")
    p.add_argument("--contact", default="", metavar="NAME", help="联系人")
    p.add_argument("--phone", default="", help="联系电话")
    p.add_argument("--start", default=None, metavar="YYYY-MM-DD", help="开始日期")
    p.add_argument("--deadline", default=None, metavar="YYYY-MM-DD", help="截止日期")
    p.add_argument(
        "--status",
        default="not_started",
        metavar="S",
        help="not_started|in_progress|done|suspended 或 未开始/进行中/已完成/暂缓",
    )
    p.add_argument("--percent", default=0, metavar="N", help="完成百分比 0-100")
    p.add_argument("--remarks", default="", help="备注")
    p.set_defaults(func=cmd_assign)

    p = sub.add_parser("edit", help="修改已有的分工记录（只改给出的字段）")
    p.add_argument("assignment_id", type=int, metavar="ASSIGNMENT_ID")
    p.add_argument("--unit", metavar="NAME", help="单位名称或简称")
    p.add_argument("--role", choices=["lead", "co"], help="lead 牵头 / co 配合")
    p.add_argument("--contact", dest="contact_person", metavar="NAME", help="联系人")
    p.add_argument("--phone", dest="contact_phone", help="联系电话")
    p.add_argument("--start", dest="start_date", metavar="YYYY-MM-DD", help="开始日期")
    p.add_argument("--deadline", metavar="YYYY-MM-DD", help="截止日期")
    p.add_argument("--status", metavar="S", help="未开始/进行中/已完成/暂缓")
    p.add_argument("--percent", metavar="N", help="完成百分比 0-100")
    p.add_argument("--remarks", help="备注")
    p.add_argument(
        "--as",
        dest="deadline_kind",
        choices=["更正", "延期", "correction", "extension"],
        metavar="更正|延期",
        help="修改已有截止日期时必选：更正（原日期录入有误，原定截止日期一并改正，不算延期）或 "
        "延期（经批准推迟，保留原定截止日期）",
    )
    p.add_argument("--reason", default="", help="延期理由（--as 延期 时必填）")
    p.set_defaults(func=cmd_edit)

    p = sub.add_parser("progress", help="为分工记录登记一条进展")
    p.add_argument("assignment_id", type=int, metavar="ASSIGNMENT_ID")
    p.add_argument("--period", required=True, metavar="YYYY-MM", help="报告期")
    p.add_argument("--text", required=True, help="进展情况")
    p.add_argument("--percent", default=None, metavar="N", help="完成百分比 0-100")
    p.add_argument("--problems", default="", help="存在问题")
    p.add_argument("--next", dest="next_steps", default="", help="下步计划")
    p.set_defaults(func=cmd_progress)

    p = sub.add_parser("units", help="列出已知单位及其别名")
    p.set_defaults(func=cmd_units)


def cmd_info(args: argparse.Namespace) -> int:
    with open_db(args) as db, db.read() as s:

        def count(model: type) -> int:
            return s.scalar(select(func.count()).select_from(model)) or 0

        nodes = s.scalar(select(func.count()).select_from(PlanNode).where(PlanNode.kind != "root")) or 0
        print(f"数据库：{db.path or db.url}")
        print(f"结构版本：{current_revision(db)}（本程序最新：{head_revision()}）")
        print(f"日志：{log_path()}")
        print(
            f"方案：{count(Plan)}  条目：{nodes}  单位：{count(Unit)}  分工：{count(Assignment)}  "
            f"进展：{count(ProgressEntry)}"
        )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        plans = list_plans(db)
    if args.json:
        print_json([p.__dict__ for p in plans])
        return 0
    if not plans:
        print("数据库中还没有方案。用 plandesk import 文件 导入。")
    for p in plans:
        issued = p.issued_on.isoformat() if p.issued_on else "—"
        print(
            f"{p.id}\t{LEVEL_NAMES.get(p.level, p.level)}\t{p.doc_number or '—'}\t{issued}\t第{p.revision}版\t"
            f"{p.node_count}条\t{p.title}{'（已归档）' if p.archived else ''}"
        )
    return 0


def cmd_assign(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        a = create_assignment(
            db,
            node_id=args.node_id,
            unit=args.unit,
            role=args.role,
            contact_person=args.contact,
            contact_phone=args.phone,
            start_date=args.start,
            deadline=args.deadline,
            status=args.status,
            percent=args.percent,
            remarks=args.remarks,
        )
    print(a.id)
    return 0


# ``plandesk edit`` passes on the fields the service lets a user change (each has an option of that name).
EDIT_FIELDS = EDITABLE
KIND_HINT = "命令行请加 --as 更正 或 --as 延期 --reason 延期理由。"


def cmd_edit(args: argparse.Namespace) -> int:
    changes = {f: getattr(args, f) for f in EDIT_FIELDS if getattr(args, f) is not None}
    if not changes:
        raise PlanDeskError("没有要修改的内容：请至少给出一个选项，例如 --deadline 2026-12-31。")
    if (args.deadline_kind or args.reason) and "deadline" not in changes:
        raise PlanDeskError(
            "--as 与 --reason 说明截止日期的修改，请同时给出 --deadline 新日期。", field="deadline"
        )
    with open_db(args) as db:
        try:
            a = update_assignment(
                db,
                assignment_id=args.assignment_id,
                deadline_kind=args.deadline_kind,
                deadline_reason=args.reason,
                **changes,
            )
        except PlanDeskError as exc:
            if exc.field != "deadline_kind":
                raise
            # A deadline moved without saying how: the service's message, and how to say it here.
            raise PlanDeskError(exc.message + KIND_HINT, field=exc.field) from exc
    print(f"{a.id}\t{a.unit_name}\t{a.deadline or '—'}\t{a.status}\t{a.percent}%")
    return 0


def cmd_progress(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        entry = add_progress(
            db,
            assignment_id=args.assignment_id,
            period=args.period,
            text=args.text,
            percent=args.percent,
            problems=args.problems,
            next_steps=args.next_steps,
            source="cli",
        )
    print(entry.id)
    return 0


def cmd_units(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        for u in list_units(db):
            alias = f"（又称：{'、'.join(u.aliases)}）" if u.aliases else ""
            print(f"{u.id}\t{u.name}{alias}")
    return 0
