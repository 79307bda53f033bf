"""reportlab's private state is touched in one module, for the release pinned in pyproject.toml."""

from __future__ import annotations

import ast
from pathlib import Path

from desktop.reports import rl_state

REPORTS = Path(__file__).resolve().parents[2] / "desktop" / "reports"


def test_the_installed_reportlab_is_the_one_the_fast_paths_were_written_for() -> None:
    # An upgrade fails here first; test_fast_text and test_fast_draw_on then say whether the bytes still agree.
    assert rl_state.supported()


def test_no_report_module_but_rl_state_reaches_into_reportlab_private_state() -> None:
    private = {"_code", "_doc", "_fontname", "_fontsize", "_leading", "_fillColorObj", "_extgstate",
               "_enforceColorSpace", "_startPage", "_pagesize", "_timeStamp", "_FUZZ", "__dict__"}  # fmt: skip
    found = []
    for path in REPORTS.glob("*.py"):
        if path.name == "rl_state.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in private:
                found.append(f"{path.name}:{node.lineno} .{node.attr}")
            if isinstance(node, ast.ImportFrom) and any(a.name in private for a in node.names):
                found.append(f"{path.name}:{node.lineno} import")
    assert found == []
