"""The plan tree as a lazily loaded Qt item model over desktop.services.core.tree."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ..services.core.records import NodeRow
from ..services.core.tree import children, get_nodes
from ..services.supervision.items import SOURCE_NAMES
from ..storage import Database
from .delegates import HIGHLIGHT_ROLE, light_for, light_icon
from .vocabulary import source_name, status_name

Index = QModelIndex | QPersistentModelIndex
NODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
NODE_ROW_ROLE = Qt.ItemDataRole.UserRole + 2
MIME_TYPE = "application/x-plandesk-node"
COL_LABEL, COL_TITLE, COL_LEAD, COL_DEADLINE, COL_STATUS, COL_PERCENT = range(6)


SOURCE_CHAPTERS = {name: code for code, name in SOURCE_NAMES.items()}


def shown_title(row: NodeRow) -> str:
    """A node's title; the source chapters the services add to a 督办事项 collection in the window's language."""
    if row.kind == "chapter" and row.origin == "office" and row.title in SOURCE_CHAPTERS:
        return source_name(SOURCE_CHAPTERS[row.title])
    return row.title


class TreeNode:
    """One loaded row; the model keeps these alive because Qt indexes point at them."""

    __slots__ = ("row", "parent", "children", "fetched")

    def __init__(self, row: NodeRow | None, parent: TreeNode | None) -> None:
        self.row = row
        self.parent = parent
        self.children: list[TreeNode] = []
        self.fetched = False

    @property
    def node_id(self) -> int | None:
        return self.row.id if self.row else None

    def position(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


class PlanTreeModel(QAbstractItemModel):
    """Children are read per expand (one service call), so a plan of any size opens at once."""

    rename_requested = Signal(int, str, int)  # node id, new title, version edited
    move_requested = Signal(int, int)  # node id, new position among its siblings
    error = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.root = TreeNode(None, None)
        self.root_id: int | None = None
        self.by_id: dict[int, TreeNode] = {}
        self.visible: set[int] | None = None  # when filtering: matches and their ancestors
        self.matches: set[int] = set()
        self.needle = ""
        self.due_soon_days = 7
        self.today = dt.date.today()
        self.headers = [
            self.tr("编号"),
            self.tr("标题"),
            self.tr("牵头单位"),
            self.tr("截止日期"),
            self.tr("状态"),
            self.tr("进度"),
        ]

    # -- loading -------------------------------------------------------------------------------------
    def set_plan(self, root_id: int | None) -> None:
        self.beginResetModel()
        self.root_id = root_id
        self._reset_root()
        self.endResetModel()

    def set_filter(self, visible: set[int] | None, matches: set[int] | None = None, needle: str = "") -> None:
        """Show only ``visible`` nodes (None: all); ``matches`` are drawn bold with ``needle`` marked."""
        self.beginResetModel()
        self.visible = visible
        self.matches = matches or set()
        self.needle = needle
        self._reset_root()
        self.endResetModel()

    def reload(self) -> None:
        self.set_filter(self.visible, self.matches, self.needle)

    def _reset_root(self) -> None:
        self.today = dt.date.today()
        self.root = TreeNode(None, None)
        self.by_id = {}
        if self.root_id is not None:
            self.root.children = self._load(self.root, self.root_id)
            self.root.fetched = True

    def _load(self, parent: TreeNode, node_id: int) -> list[TreeNode]:
        rows = children(self.db, node_id=node_id, as_of=self.today)
        if self.visible is not None:
            rows = [r for r in rows if r.id in self.visible]
        out = [TreeNode(r, parent) for r in rows]
        for node in out:
            self.by_id[node.row.id] = node  # type: ignore[union-attr]
        return out

    def _node(self, index: Index) -> TreeNode:
        if index.isValid():
            return index.internalPointer()
        return self.root

    def canFetchMore(self, parent: Index) -> bool:
        node = self._node(parent)
        return node.row is not None and not node.fetched and node.row.child_count > 0

    def fetchMore(self, parent: Index) -> None:
        node = self._node(parent)
        if node.row is None or node.fetched:
            return
        loaded = self._load(node, node.row.id)
        node.fetched = True
        if loaded:
            self.beginInsertRows(parent, 0, len(loaded) - 1)
            node.children = loaded
            self.endInsertRows()

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:
        node = self._node(parent)
        if node.row is None:
            return bool(node.children)
        if node.fetched:
            return bool(node.children)
        return node.row.child_count > 0

    # -- structure -----------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._node(parent).children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node: TreeNode = index.internalPointer()
        up = node.parent
        if up is None or up.row is None:
            return QModelIndex()
        return self.createIndex(up.position(), 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    # -- content -------------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: C901 - one switch per role
        if not index.isValid():
            return None
        row: NodeRow = index.internalPointer().row
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, col, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_STATUS:
            # A container without its own assignment shows the worst of what it holds.
            status = row.status or (row.rollup if row.child_count else "")
            light = light_for(status, row.deadline, self.today, self.due_soon_days)
            return light_icon(light) if light else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.archived:
                return QBrush(QColor("#a0a0a0"))
            if row.origin == "office" and col in (COL_LABEL, COL_TITLE):
                return QBrush(QColor("#1f5fb0"))
            return None
        if role == Qt.ItemDataRole.FontRole:
            if row.id in self.matches or row.archived or row.origin == "office":
                font = QFont()
                font.setBold(row.id in self.matches)
                font.setItalic(row.origin == "office")
                font.setStrikeOut(row.archived)
                return font
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == HIGHLIGHT_ROLE and col == COL_TITLE and row.id in self.matches:
            return self.needle or None
        if role == NODE_ID_ROLE:
            return row.id
        if role == NODE_ROW_ROLE:
            return row
        return None

    def _text(self, row: NodeRow, col: int, editing: bool) -> str:
        if col == COL_LABEL:
            return row.label + (self.tr(" [自增]") if row.origin == "office" and not editing else "")
        if col == COL_TITLE:
            return row.title if editing else shown_title(row)
        if col == COL_LEAD:
            return row.lead_unit
        if col == COL_DEADLINE:
            return row.deadline.isoformat() if row.deadline else ""
        if col == COL_STATUS:
            return status_name(row.status) if row.status else ""
        return f"{row.percent}%" if row.percent is not None else ""

    def _tooltip(self, row: NodeRow) -> str:
        parts = [row.title]
        if row.origin == "office":
            parts.append(self.tr("本单位添加的子任务，可修改标题、删除"))
        if row.archived:
            parts.append(self.tr("已在方案修订中删除并归档，只读"))
        if row.needs_review:
            parts.append(self.tr("导入时位置不确定，请核对"))
        return "\n".join(parts)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        row: NodeRow = index.internalPointer().row
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )
        if index.column() == COL_TITLE and row.origin == "office" and not row.archived:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() != COL_TITLE:
            return False
        row: NodeRow = index.internalPointer().row
        title = str(value or "").strip()
        if not title or title == row.title:
            return False
        # The window runs the rename as an undoable command, then refreshes this row.
        self.rename_requested.emit(row.id, title, row.version)
        return True

    # -- drag and drop: reorder among siblings -------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        ids = [i.internalPointer().row.id for i in indexes if i.isValid() and i.column() == 0]
        if ids:
            mime.setData(MIME_TYPE, QByteArray(str(ids[0]).encode()))
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self._drop_target(data, row, parent) is not None

    def _drop_target(self, data: QMimeData, row: int, parent: Index) -> tuple[int, int] | None:
        """(node id, new position) when the drop reorders a node among its own siblings."""
        if not data.hasFormat(MIME_TYPE):
            return None
        try:
            node_id = int(bytes(data.data(MIME_TYPE).data()).decode())
        except ValueError:
            return None
        node = self.by_id.get(node_id)
        target = self._node(parent)
        if node is None or node.parent is not target or row < 0 or self.visible is not None:
            return None
        current = node.position()
        position = row - 1 if row > current else row
        return (node_id, position) if position != current else None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        target = self._drop_target(data, row, parent)
        if target is None:
            return False
        self.move_requested.emit(*target)
        return False  # the rows are moved by refresh_children once the service has stored the order

    # -- refreshing after edits ----------------------------------------------------------------------
    def index_of(self, node_id: int, column: int = 0) -> QModelIndex:
        node = self.by_id.get(node_id)
        if node is None or node.row is None:
            return QModelIndex()
        return self.createIndex(node.position(), column, node)

    def refresh_rows(self, node_ids: set[int] | list[int]) -> None:
        """Re-read rows whose fields changed (title, lead unit, status, percent)."""
        known = [i for i in node_ids if i in self.by_id]
        if not known:
            return
        self.today = dt.date.today()
        for row in get_nodes(self.db, node_ids=known, as_of=self.today):
            node = self.by_id[row.id]
            node.row = row
            first = self.index_of(row.id, 0)
            self.dataChanged.emit(first, first.siblingAtColumn(self.columnCount() - 1))

    def refresh_children(self, node_id: int | None) -> None:
        """Re-read the children of a node after one was added, removed or moved."""
        parent_node = self.root if node_id is None or node_id == self.root_id else self.by_id.get(node_id)
        if parent_node is None:
            return
        parent_index = (
            self.index_of(node_id) if node_id is not None and parent_node is not self.root else QModelIndex()
        )
        if parent_node.row is not None:
            self.refresh_rows([parent_node.row.id])  # child count changed
            parent_node = self.by_id[parent_node.row.id]
        if not parent_node.fetched and parent_node.row is not None:
            return
        if parent_node.children:
            self.beginRemoveRows(parent_index, 0, len(parent_node.children) - 1)
            self._forget(parent_node.children)
            parent_node.children = []
            self.endRemoveRows()
        loaded = self._load(parent_node, parent_node.row.id if parent_node.row else self.root_id)  # type: ignore[arg-type]
        if loaded:
            self.beginInsertRows(parent_index, 0, len(loaded) - 1)
            parent_node.children = loaded
            self.endInsertRows()

    def _forget(self, nodes: list[TreeNode]) -> None:
        for node in nodes:
            self._forget(node.children)
            if node.row is not None:
                self.by_id.pop(node.row.id, None)

    def ensure_loaded(self, path_ids: list[int]) -> QModelIndex:
        """Load the rows along ``path_ids`` (root excluded, the target last) and return the target's index."""
        index = QModelIndex()
        for node_id in path_ids:
            if index.isValid() and self.canFetchMore(index):
                self.fetchMore(index)
            index = self.index_of(node_id)
            if not index.isValid():
                return QModelIndex()
        return index
