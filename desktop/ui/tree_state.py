"""Keeping the plan tree's open branches across a model reset (clearing a filter, refilling after edits)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTreeView

from .tree_model import NODE_ROW_ROLE

# Re-opening walks only loaded branches; this caps the walk on a huge plan with everything open.
MAX_REOPENED = 500


def expanded_ids(tree: QTreeView) -> list[int]:
    """The ids of the open branches, parents before children."""
    model = tree.model()
    found: list[int] = []
    queue = [QModelIndex()]
    while queue and len(found) < MAX_REOPENED:
        parent = queue.pop(0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if tree.isExpanded(index):
                node = index.data(NODE_ROW_ROLE)
                if node is not None:
                    found.append(node.id)
                queue.append(index)
    return found


def expand_ids(tree: QTreeView, ids: list[int]) -> None:
    """Open again the branches named in ``ids`` that the tree still shows."""
    wanted = set(ids)
    model = tree.model()
    queue = [QModelIndex()]
    while queue:
        parent = queue.pop(0)
        if parent.isValid():
            if model.canFetchMore(parent):
                model.fetchMore(parent)
            tree.expand(parent)
        for row in range(model.rowCount(parent) if wanted else 0):
            index = model.index(row, 0, parent)
            node = index.data(NODE_ROW_ROLE)
            if node is not None and node.id in wanted:
                wanted.discard(node.id)
                queue.append(index)
