"""CLI subcommands, one module per area; each module has register(subparsers)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from ..errors import PlanDeskError
from ..storage import Database, open_database, resolve_url


def open_db(args: argparse.Namespace, *, create: bool = False) -> Database:
    """The database the command works on; only commands that bring data in may create a new file."""
    url = resolve_url(args.db)
    parsed = make_url(url)
    if (
        not create
        and parsed.get_backend_name() == "sqlite"
        and parsed.database not in (None, "", ":memory:")
        and not Path(parsed.database).exists()
    ):
        raise PlanDeskError(
            f"找不到数据库文件：{parsed.database}。请检查 --db 路径；要新建数据库，可先用 "
            "plandesk --db 路径 import 方案文件 导入方案，或直接打开窗口。"
        )
    return open_database(url, operator=getattr(args, "operator", "") or "")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


_GROUPS: dict[str, Any] = {}


def group(sub: argparse._SubParsersAction, name: str, help_text: str) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    """A command with its own subcommands (``export plan``, ``export ledger``) shared across modules."""
    if name not in _GROUPS:
        parser = sub.add_parser(name, help=help_text)
        _GROUPS[name] = parser.add_subparsers(dest=f"{name}_command", metavar="子命令", required=True)
    return _GROUPS[name]  # type: ignore[no-any-return]


def reset_groups() -> None:
    _GROUPS.clear()
