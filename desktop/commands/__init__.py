"""CLI subcommands, one module per area; each module has register(subparsers)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..storage import Database, open_database


def open_db(args: argparse.Namespace) -> Database:
    return open_database(args.db, operator=getattr(args, "operator", "") or "")


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
