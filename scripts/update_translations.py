"""Refresh the translation catalogues in resources/i18n from desktop/ui and compile finished ones to .qm.

Usage: python scripts/update_translations.py [LANG ...]   (default: en)
Translate the .ts files with Qt Linguist (pyside6-linguist); PlanDesk loads plandesk_<locale>.qm at start.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tool(name: str) -> str:
    """The Qt tool beside this Python (a virtual environment need not be activated), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name) or name


def main(langs: list[str]) -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop" / "ui").rglob("*.py"))
    for lang in langs or ["en"]:
        ts = ROOT / "resources" / "i18n" / f"plandesk_{lang}.ts"
        subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(ts)], cwd=ROOT, check=True)
        if 'type="unfinished"' not in ts.read_text(encoding="utf-8"):  # only a finished catalogue is shipped
            subprocess.run(
                [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], cwd=ROOT, check=True
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
