"""The domain stays free of Qt: it must import and work with PySide6 unavailable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DOMAIN = [
    "desktop.models",
    "desktop.storage",
    "desktop.services",
    "desktop.importers",
    "desktop.reports",
    "desktop.commands",
    "desktop.cli",
]


def test_domain_imports_without_qt() -> None:
    root = Path(__file__).resolve().parent.parent
    modules = sorted(
        {
            ".".join(p.relative_to(root).with_suffix("").parts)
            for pkg in DOMAIN
            for p in (root / pkg.replace(".", "/")).rglob("*.py")
        }
        | {"desktop.cli"}
    )
    modules = [
        m.removesuffix(".__init__") for m in modules if "migrations" not in m and m != "desktop.cli.py"
    ]
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'):\n"
        "            raise ImportError('Qt is blocked for the domain: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"import importlib\nfor m in {modules!r}:\n    importlib.import_module(m)\n"
        "print(len(sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root)
    assert out.returncode == 0, out.stderr


def test_arrows_point_one_way() -> None:
    """Readers, formats and renderers take plain data: they never reach into services, storage or the UI."""
    import ast

    root = Path(__file__).resolve().parent.parent / "desktop"
    forbidden = {"services", "storage", "ui", "commands", "cli"}
    found = []
    for package in ("importers", "exchange", "reports", "models"):
        for path in (root / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.ImportFrom)
                    and node.level == 2
                    and node.module
                    and node.module.split(".")[0] in forbidden
                ):
                    found.append(f"{package}/{path.name}: from ..{node.module}")
    assert not found, found
