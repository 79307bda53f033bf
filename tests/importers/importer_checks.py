"""Shared checks for importer tests: tree signatures and sentence splitting."""

from __future__ import annotations

import re

from desktop.importers.parsed import ParsedPlan

KANGXI = re.compile(r"[\u2e80-\u2eff\u2f00-\u2fdf]")


def tree_signature(plan: ParsedPlan) -> list[tuple]:
    """What a user sees in the tree: kinds, labels, titles and units in order."""
    return [(n.kind, n.label, n.title, tuple((u.name, u.role) for u in n.units)) for n in plan.walk()]


def sentences(text: str, minimum: int = 10) -> list[str]:
    parts = re.findall(r"[^。！？\n]*[。！？]", text)
    return [p.strip() for p in parts if len(p.strip()) >= minimum and not p.strip().startswith(("（", "("))]
