"""history, check, backup, restore: looking after the data itself."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from ..errors import PlanDeskError
from ..services.core.backups import backup_now, backups, check_backup_file, restore_file
from ..services.core.integrity import Problem, check_database
from ..services.core.validation import parse_date
from ..services.supervision.history import DEFAULT_LIMIT, display_value, history
from ..storage import Database, open_database, resolve_url
from ..storage.engine import make_engine
from ..storage.health import storage_problem
from . import open_db, print_json

PROBLEMS_FOUND = 2  # exit code of ``check`` when the database has faults (1 stays "could not run")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("history", help="查看操作记录（谁在何时改了什么）")
    p.add_argument("--node", type=int, metavar="NODE_ID", help="只看某个条目（含其分工与进展）")
    p.add_argument("--plan", type=int, metavar="PLAN_ID", help="只看某个方案")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="只看该日期以来的记录")
    p.add_argument(
        "--limit", type=int, default=DEFAULT_LIMIT, metavar="N", help=f"最多显示条数（默认 {DEFAULT_LIMIT}）"
    )
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("check", help="检查数据库完整性与 PlanDesk 数据规则，发现问题时退出码为 2")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("backup", help="立即备份数据库（SQLite）")
    p.add_argument("-o", "--output", metavar="FILE", help="备份文件（默认数据库旁的备份文件夹）")
    p.add_argument("--list", action="store_true", help="列出已有备份")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="用备份文件替换当前数据库（被替换的数据库先自动备份）")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser(
        "unit-login", help="为单位设置 PostgreSQL 登录账号（该账号只能登记本单位的进展和办理步骤）"
    )
    p.add_argument("--unit", metavar="NAME", help="单位名称或简称")
    p.add_argument("--role", metavar="ROLE", help="PostgreSQL 账号名（小写字母、数字、下划线）")
    p.add_argument(
        "--password", metavar="PASSWORD", help="设置账号的密码（新建或已有的单位账号；不写则保留原密码）"
    )
    p.add_argument("--list", action="store_true", help="列出已设置的单位账号")
    p.set_defaults(func=cmd_unit_login)


def cmd_history(args: argparse.Namespace) -> int:
    since = parse_date(args.since, field="since", label="起始日期") if args.since else None
    with open_db(args) as db:
        entries = history(db, node_id=args.node, plan_id=args.plan, since=since, limit=args.limit)
    if args.json:
        print_json([e.as_dict() for e in entries])
        return 0
    if not entries:
        print("没有符合条件的操作记录。")
    for e in entries:
        who = e.operator or "（未署名）"
        if e.os_user and e.os_user != e.operator:
            who += f"［{e.os_user}］"
        change = ""
        if e.action == "update":
            change = f"：{display_value(e.field, e.old_value)} → {display_value(e.field, e.new_value)}"
        row = f" #{e.row_id}" if e.row_id is not None else ""
        print(f"{e.local_time:%Y-%m-%d %H:%M:%S}\t{who}\t{e.what}{row}{change}\t{e.cause}")
    return 0


def _database_for_check(args: argparse.Namespace) -> Database:
    """Open without migrating: a check must report an old schema, not silently upgrade it."""
    url = resolve_url(args.db)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        path = Path(parsed.database)
        if not path.is_file():
            raise PlanDeskError("数据库文件不存在。", location=str(path))
    return Database(url, make_engine(url), operator=getattr(args, "operator", "") or "")


def cmd_check(args: argparse.Namespace) -> int:
    try:
        db = _database_for_check(args)
    except SQLAlchemyError as exc:
        raise PlanDeskError(f"无法打开数据库：{exc.__class__.__name__}", location=args.db) from exc
    try:
        problems = check_database(db)
    except SQLAlchemyError as exc:
        problem = storage_problem(exc)
        if problem is not None:  # the disk, permissions or a lock: restoring a backup would not help
            raise problem from exc
        problems = [
            Problem("open", f"无法读取数据库，文件可能已损坏或不是 PlanDesk 数据库：{exc.__class__.__name__}")
        ]
    finally:
        db.close()
    where = db.path or db.url
    if not problems:
        print(f"数据库检查通过：{where}")
        return 0
    print(f"数据库检查发现 {len(problems)} 个问题：{where}")
    for i, p in enumerate(problems, 1):
        print(f"{i}. {p.message}")
    print("建议：用 plandesk restore 从备份恢复，或联系管理员。", file=sys.stderr)
    return PROBLEMS_FOUND


def cmd_backup(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        if args.list:
            for b in backups(db):
                print(f"{b.taken_at:%Y-%m-%d %H:%M:%S}\t{b.reason}\t{b.size}\t{b.path}")
            return 0
        path = backup_now(db, dest=args.output)
    print(f"已备份到 {path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    url = resolve_url(args.db)
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        raise PlanDeskError(
            "只有本地 SQLite 数据库可以由 PlanDesk 恢复；服务器数据库请使用服务器的恢复工具。"
        )
    source = Path(args.file).expanduser().resolve()
    check_backup_file(source)
    kept = restore_file(Path(parsed.database), source)
    # Opening migrates an older backup to the current schema (with its own backup first).
    with open_database(url, operator=args.operator or ""):
        pass
    print(f"已从 {source} 恢复数据库；被替换的数据库已备份到 {kept}")
    print(f"恢复时间：{dt.datetime.now():%Y-%m-%d %H:%M:%S}")
    return 0


def cmd_unit_login(args: argparse.Namespace) -> int:
    from ..services.core.unit_logins import grant_unit_login, unit_logins

    with open_db(args) as db:
        if args.list:
            for login in unit_logins(db):
                print(f"{login.role}\t{login.unit_name}")
            return 0
        if not args.unit or not args.role:
            raise PlanDeskError("请用 --unit 指定单位、用 --role 指定账号名。", field="unit")
        info = grant_unit_login(db, unit=args.unit, role=args.role, password=args.password)
    if info.previous_unit is not None:
        print(
            f"注意：账号 {info.role} 原来代表{info.previous_unit}，现已改为代表{info.unit_name}；"
            f"{info.previous_unit}不能再用此账号登记。"
        )
    made = "已新建并设置" if info.created else "已设置"
    print(f"{made}：账号 {info.role} 代表 {info.unit_name}，只能登记该单位的进展和办理步骤。")
    if info.password_set:
        print(f"已设置密码：账号 {info.role} 今后用这个密码登录。")
    elif info.created:
        print("提示：该账号还没有密码，请用 --password 设置，或由服务器管理员为它配置其他登录方式。")
    return 0
