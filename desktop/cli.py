"""The ``plandesk`` command: with no arguments the window, otherwise one subcommand per use case."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from . import __version__, cli_messages
from .commands import reset_groups
from .errors import DatabaseVersionError, PlanDeskError

# Each module defines register(subparsers); a subcommand sets ``func(args) -> int``.
COMMAND_MODULES = [
    "desktop.commands.core",
    "desktop.commands.plans",
    "desktop.commands.maintenance",
    "desktop.commands.supervision",
    "desktop.commands.reports",
    "desktop.commands.exchange",
    "desktop.commands.items",
    "desktop.commands.oversight",
]


def build_parser() -> argparse.ArgumentParser:
    cli_messages.install()
    parser = argparse.ArgumentParser(
        prog="plandesk", description="PlanDesk 规划督办台：规划实施方案的分工、进展、督办与报表。"
    )
    parser.add_argument(
        "--version", action="version", version=f"PlanDesk {__version__}", help="显示版本号并退出"
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="数据库文件路径或 SQLAlchemy URL（默认：环境变量 PLANDESK_DATABASE_URL / PLANDESK_DB，"
        "否则用户数据文件夹中的 plandesk.sqlite3）",
    )
    parser.add_argument(
        "--operator",
        metavar="NAME",
        default=os.environ.get("PLANDESK_OPERATOR", ""),
        help="记入操作记录的操作员姓名",
    )
    sub = parser.add_subparsers(dest="command", metavar="命令")
    reset_groups()
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def _start_gui(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if not has_display():
        names = sorted(parser._subparsers._group_actions[0].choices) if parser._subparsers else []  # type: ignore[union-attr]
        print(
            "没有可用的图形显示（未设置 DISPLAY），无法打开窗口。\n可以使用命令行：plandesk "
            + " | ".join(names)
            + "\n例如：plandesk --db 数据库.sqlite3 list；plandesk --help 查看全部命令。",
            file=sys.stderr,
        )
        return 1
    from .ui.app import run

    return run(db=args.db, operator=args.operator)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if not args.command:
            return _start_gui(args, parser)
        return int(args.func(args) or 0)
    except DatabaseVersionError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 3
    except PlanDeskError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        # A file that cannot be read or written (missing folder, no permission, disk full): say which.
        where = f"：{exc.filename}" if exc.filename else ""
        print(f"错误：无法读写文件{where}（{exc.strerror or exc}）", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
