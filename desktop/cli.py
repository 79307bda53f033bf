"""The ``plandesk`` command: with no arguments the window, otherwise one subcommand per use case."""

from __future__ import annotations

import argparse
import errno
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from . import __version__, cli_messages
from .errors import DatabaseVersionError, PlanDeskError
from .logs import log_path, setup_logging

# SQLAlchemy, the storage layer and the command modules (which load the services, reportlab, openpyxl and
# python-docx) are imported inside the functions below, so that ``plandesk --version`` answers at once.

log = logging.getLogger("desktop.cli")

# Each module defines register(subparsers); a subcommand sets ``func(args) -> int``.
COMMAND_MODULES = [
    "desktop.commands.core",
    "desktop.commands.plans",
    "desktop.commands.maintenance",
    "desktop.commands.supervision",
    "desktop.commands.reports",
    "desktop.commands.exchange",
    "desktop.commands.evaluate",
    "desktop.commands.items",
    "desktop.commands.oversight",
]


def build_parser(*, overview: bool = False) -> argparse.ArgumentParser:
    """The command line's parser; ``overview`` lists the commands from desktop.cli_catalog without loading
    them (enough for ``plandesk --help``, which then answers at once)."""
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
    parser.add_argument(
        "--lang",
        metavar="LANG",
        default=None,
        help="窗口语言：zh_CN（简体中文）或 en（English）；默认按首选项，否则简体中文",
    )
    sub = parser.add_subparsers(dest="command", metavar="命令")
    if overview:
        from .cli_catalog import COMMANDS

        for name, help_text in COMMANDS:
            sub.add_parser(name, help=help_text)
        return parser
    from .commands import reset_groups

    reset_groups()
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    platform = sys.platform  # a plain name, so mypy does not decide this branch for its own system
    if platform.startswith("linux") or "bsd" in platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


# What Qt's X11 window (the xcb platform plugin of PySide6) loads from the system, by Debian package; a
# Debian or Ubuntu desktop without them gets Qt's own abort ("could not load the Qt platform plugin xcb",
# naming only xcb-cursor), so they are looked for first and named. The same list is in the README.
X11_WINDOW_LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}


def missing_window_libraries() -> list[str]:
    """The Debian packages missing for an X11 window (Linux, X11 session, Qt choosing its xcb platform)."""
    platform = sys.platform
    chosen = os.environ.get("QT_QPA_PLATFORM", "")
    if not platform.startswith("linux") or (chosen and not chosen.startswith("xcb")):
        return []
    if not chosen and os.environ.get("WAYLAND_DISPLAY"):
        return []  # Qt tries its Wayland platform first there
    import ctypes

    missing = []
    for library, package in X11_WINDOW_LIBRARIES.items():
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append(package)
    return missing


def _start_gui(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if not has_display():
        choices = parser._subparsers._group_actions[0].choices if parser._subparsers else None
        names = sorted(choices or [])
        print(
            "没有可用的图形显示（未设置 DISPLAY），无法打开窗口。\n可以使用命令行：plandesk "
            + " | ".join(names)
            + "\n例如：plandesk --db 数据库.sqlite3 list；plandesk --help 查看全部命令。",
            file=sys.stderr,
        )
        return 1
    missing = missing_window_libraries()
    if missing:
        print(
            "无法打开窗口：系统缺少窗口所需的库。Debian / Ubuntu 上请运行：\n"
            f"  sudo apt-get install {' '.join(missing)}\n"
            "然后重新启动 PlanDesk。命令行功能不受影响（plandesk --help 查看全部命令）。",
            file=sys.stderr,
        )
        return 1
    from .storage.opening import begin_start_check

    begin_start_check(args.db)  # the file's check runs while the window's code loads
    from .ui.app import run

    return run(db=args.db, operator=args.operator, language=args.lang)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__


def asks_version(argv: Sequence[str]) -> bool:
    """``--version`` (or a prefix argparse would take for it) as the first argument: argparse would print the
    version there without looking further, so it is answered before the command modules are loaded."""
    first = argv[0] if argv else ""
    return len(first) >= 3 and "--version".startswith(first)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if asks_version(arguments):
        print(f"PlanDesk {__version__}")
        sys.exit(0)  # as argparse's version action does
    if arguments in (["-h"], ["--help"]):
        build_parser(overview=True).print_help()
        sys.exit(0)  # as argparse's help action does
    parser = build_parser()
    args = parser.parse_args(arguments)
    setup_logging()
    log.info("plandesk %s", args.command or "(window)")
    from sqlalchemy.exc import SQLAlchemyError

    from .storage.health import DISK_FULL, storage_problem

    try:
        if not args.command:
            return _start_gui(args, parser)
        return int(args.func(args) or 0)
    except DatabaseVersionError as exc:
        log.warning("%s", exc)
        print(f"错误：{exc}", file=sys.stderr)
        return 3
    except PlanDeskError as exc:
        log.info("refused: %s", exc)
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except SQLAlchemyError as exc:
        # Whatever a service did not word itself: say what happened to the database, never a traceback.
        log.warning("database error", exc_info=True)
        problem = storage_problem(exc)
        message = problem.message if problem is not None else f"数据库操作失败：{_first_line(exc)}"
        print(f"错误：{message}", file=sys.stderr)
        return 1
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            print(f"错误：{DISK_FULL}", file=sys.stderr)
            return 1
        # A file that cannot be read or written (missing folder, no permission, disk full): say which.
        log.warning("file error", exc_info=True)
        where = f"：{exc.filename}" if exc.filename else ""
        print(f"错误：无法读写文件{where}（{exc.strerror or exc}）", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except Exception as exc:
        # A fault of PlanDesk itself: the user gets one sentence and where the details are, the log the trace.
        log.exception("unhandled exception")
        print(
            f"错误：PlanDesk 发生意外错误（{type(exc).__name__}: {exc}）。详细信息见日志：{log_path()}",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
