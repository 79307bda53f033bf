"""The main window: plan selector, filters, the plan tree and the detail of the selected node."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStyle,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..errors import PlanDeskError
from ..logs import log_path
from ..services.core.filters import filter_nodes, with_ancestors
from ..services.core.records import NodeRow, PlanInfo
from ..services.core.tree import list_plans, node_path
from ..services.core.units import list_units
from ..services.plans.search import search
from ..services.supervision.items import list_collections
from ..services.supervision.warnings import adopt_due_soon_days, due_soon_days
from ..storage import Database
from .delegates import HighlightDelegate
from .detail_pane import DetailPane
from .filter_bar import FilterBar
from .plan_actions import PlanActions
from .settings import UiSettings
from .tree_model import (
    COL_DEADLINE,
    COL_LABEL,
    COL_LEAD,
    COL_PERCENT,
    COL_STATUS,
    COL_TITLE,
    NODE_ROW_ROLE,
    PlanTreeModel,
)
from .tree_state import expand_ids, expanded_ids
from .undo_commands import AddSubtask, DeleteNode, Editing, MoveNode, RenameNode
from .vocabulary import collection_title, level_name, status_name
from .window_actions import WindowActions

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from .import_dialog import ImportController
    from .preferences_dialog import PreferencesDialog

# Auto-expanding a filtered tree opens at most this many branches (each is a query); the rest of the
# matches stay one click away, so a broad filter on a huge plan still answers at once.
EXPAND_LIMIT = 60


class MainWindow(QMainWindow):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.settings = UiSettings()
        self.setWindowTitle(self.tr("PlanDesk 规划督办台"))
        self.plans: list[PlanInfo] = []
        self.collections: dict[int, int] = {}  # plan id → year of each 督办事项 collection
        self.confirm_box: QMessageBox | None = None
        self.preferences: PreferencesDialog | None = None
        self.importer: ImportController | None = None
        self.editing = Editing(db, self)

        self.plan_combo = QComboBox()
        self.plan_combo.setMinimumContentsLength(30)
        self.plan_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.filter_bar = FilterBar()
        self.model = PlanTreeModel(db, self)
        self.tree = QTreeView()
        self.tree.setObjectName("planTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setItemDelegateForColumn(COL_TITLE, HighlightDelegate(self.tree))
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.header().setStretchLastSection(False)
        self._size_tree_columns()
        self.detail = DetailPane(db, self.editing)
        self._adopt_legacy_due_soon_days()
        self._apply_due_soon_days()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.addTab(self.detail, self.tr("详情"))
        self.panes: dict[str, QWidget] = {}
        self._pane_plans: dict[str, int | None] = {}
        self._add_panes()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 0, 4)
        plan_row = QHBoxLayout()
        plan_row.addWidget(QLabel(self.tr("方案：")))
        plan_row.addWidget(self.plan_combo, 1)
        left_layout.addLayout(plan_row)
        left_layout.addWidget(self.filter_bar)
        left_layout.addWidget(self.tree, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c0392b;")
        self.statusBar().addPermanentWidget(self.error_label)

        self._make_actions()
        self._make_menus()
        self.extra = WindowActions(self)  # reports, exchange, supervision
        self.plan_actions = PlanActions(self)  # 按文件分工, plan properties and life cycle
        self._connect()
        self.resize(1400, 900)
        self._restore_layout()

    # -- construction --------------------------------------------------------------------------------
    def _size_tree_columns(self) -> None:
        """Widths that fit the column's words in the window's language (English runs longer than Chinese)."""
        metrics = self.tree.fontMetrics()
        pad = metrics.horizontalAdvance("M") * 2
        header = self.tree.header()

        def fit(col: int, texts: list[str], least: int) -> int:
            words = [*texts, str(self.model.headerData(col, Qt.Orientation.Horizontal))]
            widest = max(metrics.horizontalAdvance(t) for t in words) + pad
            return max(least, widest, header.sectionSizeHint(col))

        icon = self.tree.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 4
        statuses = [
            status_name(code) for code in ("not_started", "in_progress", "done", "overdue", "suspended")
        ]
        widths = {
            COL_LABEL: 110,
            COL_TITLE: 320,
            COL_LEAD: 150,
            COL_DEADLINE: fit(COL_DEADLINE, ["2026-12-31"], 90),
            COL_STATUS: fit(COL_STATUS, statuses, 80) + icon,
            COL_PERCENT: fit(COL_PERCENT, ["100%"], 50),
        }
        for col, width in widths.items():
            self.tree.setColumnWidth(col, width)
        # The short columns never narrower than their words, even after a layout saved in another language.
        self.tree_least = {c: widths[c] for c in (COL_DEADLINE, COL_STATUS, COL_PERCENT)}

    def _action(
        self,
        text: str,
        slot,
        shortcuts: list[QKeySequence | str] | None = None,
        widget: QWidget | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if widget is not None:
            # Tree-only keys (Delete, F2, Alt+arrows) must not steal those keys from text fields.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            widget.addAction(action)
        return action

    def _make_actions(self) -> None:
        stack = self.editing.stack
        self.undo_action = stack.createUndoAction(self, self.tr("撤销"))
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = stack.createRedoAction(self, self.tr("重做"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addActions([self.undo_action, self.redo_action])
        self.import_action = self._action(self.tr("导入方案…"), self.open_import, ["Ctrl+O"])
        self.preferences_action = self._action(self.tr("首选项…"), self.open_preferences, ["Ctrl+,"])
        self.quit_action = self._action(self.tr("退出"), self.close, ["Ctrl+Q"])
        self.find_action = self._action(self.tr("查找…"), self.focus_search, ["Ctrl+F"])
        self.add_subtask_action = self._action(
            self.tr("添加子任务"), self.add_subtask, ["Ctrl+N", "Insert"], self.tree
        )
        self.rename_action = self._action(self.tr("修改标题"), self.rename_current, ["F2"], self.tree)
        self.delete_action = self._action(self.tr("删除子任务…"), self.delete_current, ["Delete"], self.tree)
        self.move_up_action = self._action(
            self.tr("上移"), lambda: self.move_current(-1), ["Alt+Up"], self.tree
        )
        self.move_down_action = self._action(
            self.tr("下移"), lambda: self.move_current(1), ["Alt+Down"], self.tree
        )
        self.my_unit_action = self._action(self.tr("只看本单位"), self.apply_filters)
        self.my_unit_action.setCheckable(True)
        self.my_unit_action.setChecked(self.settings.my_unit_only)
        self.clear_filter_action = self._action(self.tr("清除筛选"), self.filter_bar.clear, ["Ctrl+Shift+F"])
        self.refresh_action = self._action(self.tr("刷新"), self.refresh, ["F5"])
        self.about_action = self._action(self.tr("关于 PlanDesk"), self.show_about)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu(self.tr("文件(&F)"))
        self.menu_file.addActions([self.import_action])
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.preferences_action])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.quit_action)
        self.menu_edit = bar.addMenu(self.tr("编辑(&E)"))
        self.menu_edit.addActions([self.undo_action, self.redo_action])
        self.menu_edit.addSeparator()
        self.menu_edit.addActions(
            [
                self.add_subtask_action,
                self.rename_action,
                self.delete_action,
                self.move_up_action,
                self.move_down_action,
            ]
        )
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.find_action)
        self.menu_view = bar.addMenu(self.tr("视图(&V)"))
        self.menu_view.addActions([self.my_unit_action, self.clear_filter_action, self.refresh_action])
        self.menu_view.addSeparator()
        self.menu_reports = bar.addMenu(self.tr("报表(&R)"))
        self.menu_exchange = bar.addMenu(self.tr("数据交换(&X)"))
        self.menu_supervision = bar.addMenu(self.tr("督办(&S)"))
        self.menu_help = bar.addMenu(self.tr("帮助(&H)"))
        self.menu_help.addAction(self.about_action)

    def _connect(self) -> None:
        self.plan_combo.currentIndexChanged.connect(self._on_plan_chosen)
        self.tree.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.filter_bar.changed.connect(self.apply_filters)
        self.model.rename_requested.connect(self._on_rename_requested)
        self.model.move_requested.connect(self._on_move_requested)
        self.editing.node_changed.connect(self._on_node_changed)
        self.editing.children_changed.connect(self._on_children_changed)
        self.editing.node_selected.connect(self.select_node)
        self.editing.failed.connect(self._on_edit_failed)
        self.editing.stack.indexChanged.connect(lambda _i: self.clear_error())

    def _add_panes(self) -> None:
        """The overview panes live in tabs beside the detail; each is filled only when it is shown."""
        from .dashboard import DashboardPane
        from .evaluation_view import EvaluationPane
        from .indicators_pane import IndicatorsPane
        from .matrix_view import MatrixPane

        for name, cls, title in (
            ("dashboard", DashboardPane, self.tr("总览")),
            ("matrix", MatrixPane, self.tr("任务分工表")),
            ("indicators", IndicatorsPane, self.tr("指标")),
            ("evaluation", EvaluationPane, self.tr("评估")),
        ):
            pane = cls(self.db)
            if hasattr(pane, "editing"):
                pane.editing = self.editing  # its edits go on the window's undo stack
            pane.node_activated.connect(self._on_pane_activated)
            self.panes[name] = pane
            self.tabs.addTab(pane, title)
        self.tabs.currentChanged.connect(lambda _i: self._sync_pane())
        self.editing.stack.indexChanged.connect(lambda _i: self._pane_plans.clear())
        # an undone or redone indicator value shows at once in the 指标 tab
        self.editing.indicators_changed.connect(lambda _id: self._refresh_pane("indicators"))

    def _sync_pane(self) -> None:
        """Give the visible pane the current plan, or refresh it after edits made since it was last shown."""
        current = self.tabs.currentWidget()
        plan = self.current_plan()
        plan_id = plan.id if plan else None
        for name, pane in self.panes.items():
            if pane is current and (name not in self._pane_plans or self._pane_plans[name] != plan_id):
                pane.set_plan(plan_id)  # type: ignore[attr-defined]
                self._pane_plans[name] = plan_id

    def _refresh_pane(self, name: str) -> None:
        self._pane_plans.pop(name, None)
        self._sync_pane()

    def _on_pane_activated(self, node_id: int) -> None:
        self.tabs.setCurrentWidget(self.detail)
        self.select_node(node_id)

    # -- startup and plans ---------------------------------------------------------------------------
    def start(self) -> None:
        """Fill the window; a new, empty database asks who works here and offers the separate samples."""
        plans = list_plans(self.db)
        if not plans:
            self.plan_actions.first_start()
        self.filter_bar.set_units(sorted({u.name for u in list_units(self.db)}))
        self._restore_panes()
        self.reload_plans(self.settings.last_plan_id, plans)

    def reload_plans(self, select_plan_id: int | None = None, plans: list[PlanInfo] | None = None) -> None:
        self.plans = self.plan_actions.visible(list_plans(self.db) if plans is None else plans)
        self.collections = {c.plan_id: c.year for c in list_collections(self.db)}
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        for plan in self.plans:
            title = self.plan_title(plan)
            number = f" {plan.doc_number}" if plan.doc_number else ""
            archived = self.tr("（已归档）") if plan.archived else ""
            self.plan_combo.addItem(f"[{level_name(plan.level)}] {title}{number}{archived}", plan.id)
            self.plan_combo.setItemData(self.plan_combo.count() - 1, title, Qt.ItemDataRole.ToolTipRole)
        chosen = self.plan_combo.findData(select_plan_id) if select_plan_id else -1
        self.plan_combo.setCurrentIndex(chosen if chosen >= 0 else 0 if self.plans else -1)
        self.plan_combo.blockSignals(False)
        self._on_plan_chosen(self.plan_combo.currentIndex())

    def plan_title(self, plan: PlanInfo) -> str:
        """A plan's title; a year's 督办事项 collection, titled by the services, in the window's language."""
        return collection_title(self.collections[plan.id]) if plan.id in self.collections else plan.title

    def current_plan(self) -> PlanInfo | None:
        plan_id = self.plan_combo.currentData()
        return next((p for p in self.plans if p.id == plan_id), None)

    def _on_plan_chosen(self, _index: int) -> None:
        plan = self.current_plan()
        self.model.set_plan(plan.root_id if plan else None)
        if plan is not None:
            self.settings.last_plan_id = plan.id
        self.detail.show_node(None)
        if self.filter_bar.state().active or self._my_unit():
            self.apply_filters()
        self._sync_pane()

    def refresh(self) -> None:
        current = self.current_node()
        self.model.reload()
        self.detail.refresh_units()
        if current is not None:
            self.select_node(current.id)

    # -- selection -----------------------------------------------------------------------------------
    def current_node(self) -> NodeRow | None:
        index = self.tree.currentIndex()
        return index.data(NODE_ROW_ROLE) if index.isValid() else None

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(NODE_ROW_ROLE) if current.isValid() else None
        self.detail.show_node(row.id if row else None)
        self.clear_error()

    def select_node(self, node_id: int) -> bool:
        """Load the rows down to ``node_id``, expand its parents and make it current."""
        index = self.model.index_of(node_id)
        if not index.isValid():
            try:
                path = [r.id for r in node_path(self.db, node_id=node_id)[1:]]
            except PlanDeskError:
                return False
            index = self.model.ensure_loaded(path)
        if not index.isValid():
            return False
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.tree.scrollTo(index)
        return True

    # -- filters and search --------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    def _my_unit(self) -> str:
        return self.settings.my_unit if self.my_unit_action.isChecked() else ""

    def apply_filters(self) -> None:
        """Combine the filter bar, "my unit" and the search into one visible set and show it expanded."""
        self.settings.my_unit_only = self.my_unit_action.isChecked()
        plan = self.current_plan()
        state = self.filter_bar.state()
        unit = state.unit or self._my_unit()
        if plan is None or not (state.active or unit):
            if self.model.visible is not None:  # clearing a filter keeps the branches open and the place
                keep_open, current = expanded_ids(self.tree), self.current_node()
                self.model.set_filter(None)
                expand_ids(self.tree, keep_open)
                if current is not None:
                    self.select_node(current.id)
            self.filter_bar.set_hits("")
            self.detail.set_highlight("")
            return
        try:
            matches: set[int] | None = None
            if state.filters_nodes or unit:
                matches = set(
                    filter_nodes(
                        self.db,
                        plan_id=plan.id,
                        unit=unit or None,
                        unit_role=state.unit_role,  # type: ignore[arg-type]
                        statuses={state.status} if state.status else None,
                        overdue=state.overdue,
                        due_within_days=state.due_within_days,
                    )
                )
            hits_text = ""
            if state.query:
                result = search(self.db, query=state.query, plan_id=plan.id, limit=100000)
                found = {h.node_id for h in result.hits}
                matches = found if matches is None else matches & found
                hits_text = self.tr("搜索命中 {0} 处，").format(result.total)
        except PlanDeskError as exc:
            self.show_error(str(exc))
            return
        self.clear_error()
        visible = with_ancestors(self.db, sorted(matches)) if matches else set()
        self.model.set_filter(visible, matches, state.query)
        self.detail.set_highlight(state.query)
        self.filter_bar.set_hits(hits_text + self.tr("{0} 个条目").format(len(matches or ())))
        self._expand_visible(visible, matches or set())

    def _expand_visible(self, visible: set[int], matches: set[int]) -> None:
        """Open every branch that leads to a match and make the first match current."""
        queue = [QModelIndex()]
        opened = 0
        while queue and opened < EXPAND_LIMIT:
            parent = queue.pop(0)
            if self.model.canFetchMore(parent):
                self.model.fetchMore(parent)
            for row in range(self.model.rowCount(parent)):
                index = self.model.index(row, 0, parent)
                node = index.data(NODE_ROW_ROLE)
                if node.child_count and node.id in visible:
                    queue.append(index)
            if parent.isValid():
                self.tree.expand(parent)
                opened += 1
        first = self._first_match(matches)
        if first.isValid():
            self.tree.selectionModel().setCurrentIndex(
                first,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.tree.scrollTo(first)

    def _first_match(self, matches: set[int]) -> QModelIndex:
        """The first match in document order, preferring one whose title holds the search term."""
        needle = self.model.needle.lower()
        first = QModelIndex()
        stack = [self.model.index(r, 0) for r in reversed(range(self.model.rowCount()))]
        while stack:
            index = stack.pop()
            node = index.data(NODE_ROW_ROLE)
            if node.id in matches:
                if not needle or needle in node.title.lower():
                    return index
                first = first if first.isValid() else index
            stack.extend(self.model.index(r, 0, index) for r in reversed(range(self.model.rowCount(index))))
        return first

    # -- editing the tree ----------------------------------------------------------------------------
    def add_subtask(self) -> bool:
        """A new office sub-task under the current node (or the plan), then its title opens for editing."""
        node = self.current_node()
        plan = self.current_plan()
        parent_id = node.id if node else plan.root_id if plan else None
        if parent_id is None:
            return False
        command = AddSubtask(self.editing, parent_id, self.tr("新子任务"))
        if not self.editing.push(command):
            return False
        index = self.model.index_of(command.row.id, COL_TITLE)  # type: ignore[union-attr]
        if index.isValid():
            self.tree.edit(index)
        return True

    def rename_current(self) -> None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return
        row: NodeRow = index.data(NODE_ROW_ROLE)
        if row.origin != "office":
            self.show_error(self.tr("方案原文中的条目不能改标题，只有本单位添加的子任务可以修改。"))
            return
        self.tree.edit(index.siblingAtColumn(COL_TITLE))

    def _on_rename_requested(self, node_id: int, title: str, version: int) -> None:
        index = self.model.index_of(node_id)
        old = index.data(NODE_ROW_ROLE).title if index.isValid() else ""
        self.editing.push(RenameNode(self.editing, node_id, old, title, version))

    def delete_current(self) -> QMessageBox | None:
        """Ask (without blocking) before deleting an office-added node."""
        row = self.current_node()
        if row is None:
            return None
        if row.origin != "office":
            self.show_error(self.tr("方案原文中的条目不能删除，只有本单位添加的子任务可以删除。"))
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("删除子任务"),
            self.tr("删除子任务“{0}”？可用“撤销”恢复。").format(row.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: self._delete_confirmed(row, result))
        self.confirm_box = box
        box.open()
        return box

    def _delete_confirmed(self, row: NodeRow, result: int) -> None:
        self.confirm_box = None
        if result == QMessageBox.StandardButton.Yes:
            self.editing.push(DeleteNode(self.editing, row))

    def move_current(self, step: int) -> None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return
        if self.model.visible is not None:
            self.show_error(self.tr("筛选时不能调整顺序，请先清除筛选。"))
            return
        row: NodeRow = index.data(NODE_ROW_ROLE)
        new = index.row() + step
        if 0 <= new < self.model.rowCount(index.parent()):
            self.editing.push(MoveNode(self.editing, row, index.row(), new))

    def _on_move_requested(self, node_id: int, position: int) -> None:
        index = self.model.index_of(node_id)
        if index.isValid():
            self.editing.push(MoveNode(self.editing, index.data(NODE_ROW_ROLE), index.row(), position))

    def _on_node_changed(self, node_id: int) -> None:
        self.model.refresh_rows([node_id])
        if self.detail.detail is not None and self.detail.detail.node.id == node_id:
            self.detail.reload()
        else:
            self.select_node(node_id)

    def _on_children_changed(self, parent_id: int) -> None:
        self.model.refresh_children(parent_id)
        index = self.model.index_of(parent_id)
        if index.isValid():
            self.tree.expand(index)

    # -- messages ------------------------------------------------------------------------------------
    def _on_edit_failed(self, _field: str, message: str) -> None:
        # An assignment or progress edit is explained under the assignment table; the rest here, once.
        if self.editing.refused_scope != "detail":
            self.show_error(message)

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setToolTip(message)

    def clear_error(self) -> None:
        self.error_label.clear()

    def show_about(self) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("关于 PlanDesk"),
            self.tr(
                "PlanDesk 规划督办台：规划实施方案的分解、分工、进展与督办。\n\n版本：{0}\n数据库：{1}\n日志：{2}"
            ).format(__version__, self.db.path or self.db.url, log_path()),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.open()
        return box

    # -- dialogs (filled in by import_dialog / preferences_dialog) -----------------------------------
    def open_import(self) -> None:
        from .import_dialog import ImportController

        if self.importer is None:
            self.importer = ImportController(self.db, self)
            self.importer.imported.connect(self._on_imported)
            self.importer.failed.connect(self.show_error)
        self.importer.choose_file()

    def _on_imported(self, plan_id: int) -> None:
        self.reload_plans(plan_id)
        self.detail.refresh_units()
        self.filter_bar.set_units(sorted({u.name for u in list_units(self.db)}))

    def open_preferences(self) -> None:
        from .preferences_dialog import PreferencesDialog

        self.preferences = PreferencesDialog(self.db, self.settings, self)
        self.preferences.accepted.connect(self._on_preferences_changed)
        self.preferences.open()

    def _on_preferences_changed(self) -> None:
        self.db.operator = self.settings.operator or self.db.operator
        self.my_unit_action.setChecked(self.settings.my_unit_only and bool(self.settings.my_unit))
        self._apply_due_soon_days()
        self._pane_plans.clear()  # 预警 and 总览 count with the new 临期 when next shown
        self._sync_pane()
        self.model.reload()
        self.apply_filters()

    def _apply_due_soon_days(self) -> None:
        """The yellow light follows the database's 临期, the same days the warnings and the reports use."""
        days = due_soon_days(self.db)
        self.model.due_soon_days = days
        self.detail.assignments.due_soon_days = days

    def _adopt_legacy_due_soon_days(self) -> None:
        legacy = self.settings.take_legacy_due_soon_days()
        if legacy is not None:
            try:
                adopt_due_soon_days(self.db, days=legacy)
            except PlanDeskError as exc:
                logger.warning("old due-soon preference not taken over: %s", exc)

    # -- window state --------------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        s = self.settings
        if (geometry := s.state("window_geometry")) is not None:
            self.restoreGeometry(geometry)
        if (state := s.state("window_state")) is not None:
            self.restoreState(state)

    def _restore_panes(self) -> None:
        """Splitter and header sizes apply once the window has its size (start() runs after show())."""
        s = self.settings
        if (split := s.state("main_splitter")) is not None:
            self.splitter.restoreState(split)
        if (split := s.state("detail_splitter")) is not None:
            self.detail.splitter.restoreState(split)
        if (header := s.state("tree_header")) is not None:
            self.tree.header().restoreState(header)
            for col, least in self.tree_least.items():
                if self.tree.columnWidth(col) < least:
                    self.tree.setColumnWidth(col, least)

    def save_layout(self) -> None:
        s = self.settings
        s.set_state("window_geometry", self.saveGeometry())
        s.set_state("window_state", self.saveState())
        s.set_state("main_splitter", self.splitter.saveState())
        s.set_state("detail_splitter", self.detail.splitter.saveState())
        s.set_state("tree_header", self.tree.header().saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
