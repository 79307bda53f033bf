"""Refresh the translation catalogues in resources/i18n from desktop/ui and compile them to .qm.

Usage: python scripts/update_translations.py [--check] [LANG ...]   (default: en)

The messages are found with Python's ast, each under the context Qt looks it up in at run time: the class name
for ``self.tr`` inside a class (and every subclass of it in desktop/ui, since Qt takes the runtime class), the
literal context of ``QCoreApplication.translate`` / ``QT_TRANSLATE_NOOP``, and the context of a module's own
``tr()`` helper. Existing translations are kept (matched by context and text, else by text alone), messages that
left the code are dropped, new ones are added unfinished. Translate the .ts with Qt Linguist
(pyside6-linguist). ``--check`` changes nothing and exits 1 when a message has no finished translation.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "desktop" / "ui"
I18N = ROOT / "resources" / "i18n"


@dataclass
class Message:
    context: str
    source: str
    locations: list[tuple[str, int]] = field(default_factory=list)


def tool(name: str) -> str:
    """The Qt tool beside this Python (a virtual environment need not be activated), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name) or name


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _module_tr_context(tree: ast.Module) -> str | None:
    """The context of a module-level ``def tr(text): return QCoreApplication.translate("Ctx", text)``."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "tr":
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call) and getattr(inner.func, "attr", "") == "translate":
                    return _literal(inner.args[0]) if inner.args else None
    return None


def _classes(trees: dict[Path, ast.Module]) -> dict[str, list[str]]:
    """Each class of desktop/ui with the names of its direct bases."""
    bases: dict[str, list[str]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = [
                    b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases
                ]
    return bases


def _subclasses(name: str, bases: dict[str, list[str]]) -> list[str]:
    found = [name]
    for cls, parents in bases.items():
        if name in parents and cls not in found:
            found += [c for c in _subclasses(cls, bases) if c not in found]
    return found


def extract(paths: list[Path] | None = None) -> dict[tuple[str, str], Message]:
    paths = paths or sorted(UI.rglob("*.py"))
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for p in paths}
    bases = _classes(trees)
    found: dict[tuple[str, str], Message] = {}

    def add(context: str, source: str, path: Path, line: int) -> None:
        message = found.setdefault((context, source), Message(context, source))
        message.locations.append((path.relative_to(ROOT).as_posix(), line))

    for path, tree in trees.items():
        module_context = _module_tr_context(tree) or "PlanDesk"
        owner: dict[ast.AST, str] = {}
        # ast.walk goes outer classes first, so a nested class overwrites its outer class for its own nodes.
        for cls in ast.walk(tree):
            if isinstance(cls, ast.ClassDef):
                for inner in ast.walk(cls):
                    if inner is not cls:
                        owner[inner] = cls.name
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2:
                context, source = _literal(node.args[0]), _literal(node.args[1])
                if context is not None and source is not None:
                    add(context, source, path, node.lineno)
            elif (
                name in ("tr", "QT_TR_NOOP") and node.args and (source := _literal(node.args[0])) is not None
            ):
                if isinstance(func, ast.Attribute):
                    target = func.value
                    if isinstance(target, ast.Name) and target.id == "self" and node in owner:
                        for context in _subclasses(owner[node], bases):
                            add(context, source, path, node.lineno)
                        continue
                    # Another object's tr(): its class is not known statically; the catalogue's
                    # context-free lookup (desktop/ui/translation.py) finds it by its text.
                    add(module_context, source, path, node.lineno)
                else:
                    add(module_context, source, path, node.lineno)
    return found


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    if not path.exists():
        return {}
    out: dict[tuple[str, str], str] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            translation = msg.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            out[(name, msg.findtext("source") or "")] = translation.text or ""
    return out


def merge(
    messages: dict[tuple[str, str], Message], known: dict[tuple[str, str], str]
) -> dict[tuple[str, str], str]:
    by_text = {source: text for (_ctx, source), text in known.items() if text}
    return {key: known.get(key) or by_text.get(key[1], "") for key in messages}


def write_ts(
    path: Path, lang: str, messages: dict[tuple[str, str], Message], done: dict[tuple[str, str], str]
) -> None:
    root = ET.Element("TS", version="2.1", language=lang, sourcelanguage="zh_CN")
    by_context: dict[str, list[Message]] = defaultdict(list)
    for message in messages.values():
        by_context[message.context].append(message)
    for context in sorted(by_context):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for message in sorted(by_context[context], key=lambda m: m.locations[0]):
            msg = ET.SubElement(ctx, "message")
            for filename, line in message.locations:
                ET.SubElement(msg, "location", filename="../../" + filename, line=str(line))
            ET.SubElement(msg, "source").text = message.source
            translation = ET.SubElement(msg, "translation")
            text = done.get((context, message.source), "")
            if text:
                translation.text = text
            else:
                translation.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def unfinished(lang: str = "en") -> list[str]:
    """Messages of the code that the catalogue of ``lang`` does not translate (under their context)."""
    known = read_ts(I18N / f"plandesk_{lang}.ts")
    return sorted(f"{ctx}: {src}" for (ctx, src) in extract() if not known.get((ctx, src)))


def main(argv: list[str]) -> int:
    check = "--check" in argv
    langs = [a for a in argv if not a.startswith("--")] or ["en"]
    status = 0
    for lang in langs:
        ts = I18N / f"plandesk_{lang}.ts"
        if check:
            missing = unfinished(lang)
            for line in missing:
                print(f"{ts.name}: untranslated {line}")
            status = status or (1 if missing else 0)
            continue
        messages = extract()
        done = merge(messages, read_ts(ts))
        write_ts(ts, lang, messages, done)
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )
        left = sum(1 for key in messages if not done.get(key))
        print(f"{ts.name}: {len(messages)} messages, {left} untranslated")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
