"""Every Chinese string the window shows goes through Qt's translation machinery, so other languages can follow."""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "desktop" / "ui"
CJK = re.compile(r"[\u4e00-\u9fff]")
KEEP = "# i18n: keep"
TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
# Text measured to size a column is never shown.
MEASURING = {"horizontalAdvance", "boundingRect", "width"}


def _call_name(node: ast.Call) -> str:
    return node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")


def untranslated(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str) and CJK.search(node.value)):
            continue
        if isinstance(parents.get(node), ast.Expr):  # a docstring
            continue
        if KEEP in lines[node.lineno - 1]:  # e.g. a language's own name in the language menu
            continue
        up, ok = node, False
        while up in parents and not ok:
            up = parents[up]
            ok = isinstance(up, ast.Call) and _call_name(up) in TRANSLATING | MEASURING
        if not ok:
            found.append(f"{path.name}:{node.lineno} {node.value[:30]!r}")
    return found


def test_every_chinese_ui_string_is_translatable() -> None:
    problems = [p for path in sorted(UI.rglob("*.py")) for p in untranslated(path)]
    assert not problems, "wrap in self.tr()/QCoreApplication.translate()/QT_TRANSLATE_NOOP:\n" + "\n".join(
        problems
    )


def test_the_scan_catches_a_bare_string(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('label = "未翻译"\nok = tr("已翻译")\n', encoding="utf-8")
    assert [p.split(" ", 1)[1] for p in untranslated(sample)] == ["'未翻译'"]


def test_the_vocabulary_list_holds_every_name_the_window_shows() -> None:
    from desktop import status
    from desktop.ui.vocabulary import NAMES

    shown = {
        *status.STATUS_NAMES.values(),
        *status.ROLE_NAMES.values(),
        *status.LEVEL_NAMES.values(),
        *status.KIND_NAMES.values(),
        *status.ATTRIBUTE_NAMES.values(),
    }
    assert shown == set(NAMES)
