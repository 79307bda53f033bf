"""Plan-wide actions in the main window: 按文件分工, the tree's context menu, plan properties and life cycle."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from ..errors import PlanDeskError
from ..services.core.records import NodeRow, PlanInfo
from ..services.plans.duties import EDITABLE_KINDS
from .undo_commands import AdoptResponsibilities, ChangeKind, EditPlan, SetDuties, SetPlanArchived
from .vocabulary import kind_name

if TYPE_CHECKING:
    from .main_window import MainWindow


class PlanActions(QObject):
    """Owns the plan actions and the dialogs they open (tests reach the last one as ``dialog``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.db = window.db
        self.dialog: QWidget | None = None
        self.context_menu: QMenu | None = None
        self.deleted_message = ""
        self.demo_window: QWidget | None = None
        self.adopt_plan_action = self._action(self.tr("按文件分工（整个方案）…"), self.adopt_plan)
        self.adopt_node_action = self._action(self.tr("按文件分工（本条目及下级）…"), self.adopt_node)
        self.duties_action = self._action(self.tr("更正责任单位…"), self.open_duties)
        self.kind_menu = QMenu(self.tr("更改类型"), window)
        self.kind_actions: dict[str, QAction] = {}
        for kind in EDITABLE_KINDS:
            action = self._action(kind_name(kind), lambda k=kind: self.change_kind(k))
            action.setCheckable(True)
            self.kind_actions[kind] = action
            self.kind_menu.addAction(action)
        self.kind_menu.aboutToShow.connect(self._check_current_kind)
        self.properties_action = self._action(self.tr("方案属性…"), self.open_properties)
        self.archive_action = self._action(self.tr("归档方案"), self.toggle_archived)
        self.delete_plan_action = self._action(self.tr("删除方案…"), self.confirm_delete)
        self.demo_action = self._action(self.tr("打开示例数据库"), self.open_demo)
        self.show_archived_action = self._action(self.tr("显示已归档方案"), self._on_show_archived)
        self.show_archived_action.setCheckable(True)
        w = window
        w.menu_edit.addSeparator()
        w.menu_edit.addActions([self.adopt_plan_action, self.adopt_node_action, self.duties_action])
        w.menu_edit.addMenu(self.kind_menu)
        w.menu_file.insertActions(
            w.preferences_action,
            [self.properties_action, self.archive_action, self.delete_plan_action, self.demo_action],
        )
        w.menu_file.insertSeparator(w.preferences_action)
        w.menu_file.aboutToShow.connect(self._update_archive_text)
        w.menu_view.addAction(self.show_archived_action)
        w.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        w.tree.customContextMenuRequested.connect(self._on_context_menu)
        w.editing.plan_changed.connect(self._on_plan_changed)

    def _action(self, text: str, slot: Any) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # -- the tree's context menu ---------------------------------------------------------------------
    def build_context_menu(self) -> QMenu:
        w = self.window
        menu = QMenu(w.tree)
        menu.addActions([self.adopt_node_action, self.adopt_plan_action])
        menu.addSeparator()
        menu.addAction(self.duties_action)
        menu.addMenu(self.kind_menu)
        menu.addSeparator()
        menu.addActions([w.add_subtask_action, w.rename_action, w.delete_action])
        node = w.current_node()
        for action in (self.adopt_node_action, self.duties_action):
            action.setEnabled(node is not None and node.kind != "root")
        self.kind_menu.setEnabled(node is not None and node.kind != "root")
        self.context_menu = menu
        return menu

    def _on_context_menu(self, pos: QPoint) -> None:
        tree = self.window.tree
        index = tree.indexAt(pos)
        if index.isValid():
            tree.setCurrentIndex(index)  # the menu acts on the row that was right-clicked
        self.build_context_menu().popup(tree.viewport().mapToGlobal(pos))

    # -- correcting a node --------------------------------------------------------------------------
    def _node(self) -> NodeRow | None:
        node = self.window.current_node()
        if node is None or node.kind == "root":
            self.window.show_error(self.tr("请先在左侧选择一个条目。"))
            return None
        return node

    def open_duties(self) -> QWidget | None:
        from ..services.core.units import list_units
        from ..services.plans.duties import node_duties
        from .duties_dialog import DutiesDialog

        node = self._node()
        if node is None:
            return None
        try:
            duties = node_duties(self.db, node_id=node.id)
        except PlanDeskError as exc:
            self.window.show_error(str(exc))
            return None
        names = sorted({u.name for u in list_units(self.db)})
        dialog = DutiesDialog(duties, names, f"{node.label}{node.title[:20]}", self.window)
        dialog.confirmed.connect(
            lambda after: self.window.editing.push(
                SetDuties(self.window.editing, node.id, duties.duties, after)
            )
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def _check_current_kind(self) -> None:
        node = self.window.current_node()
        for kind, action in self.kind_actions.items():
            action.setChecked(node is not None and node.kind == kind)

    def change_kind(self, kind: str) -> bool:
        node = self._node()
        if node is None or node.kind == kind:
            return False
        return self.window.editing.push(ChangeKind(self.window.editing, node, kind))

    # -- 按文件分工 ----------------------------------------------------------------------------------
    def adopt_plan(self) -> QWidget | None:
        plan = self.window.current_plan()
        if plan is None:
            self.window.show_error(self.tr("请先选择一个方案。"))
            return None
        return self._open_adopt(plan.id, None, plan.title)

    def adopt_node(self) -> QWidget | None:
        plan, node = self.window.current_plan(), self.window.current_node()
        if plan is None or node is None or node.kind == "root":
            self.window.show_error(self.tr("请先在左侧选择一个条目。"))
            return None
        return self._open_adopt(plan.id, node.id, f"{node.label}{node.title[:20]}")

    def _open_adopt(self, plan_id: int, node_id: int | None, scope: str) -> QWidget:
        from .adopt_dialog import AdoptDialog

        dialog = AdoptDialog(self.db, plan_id=plan_id, node_id=node_id, scope=scope, parent=self.window)
        dialog.confirmed.connect(lambda deadline: self._adopt(plan_id, node_id, deadline))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _adopt(self, plan_id: int, node_id: int | None, deadline: Any) -> None:
        command = AdoptResponsibilities(self.window.editing, plan_id, node_id, deadline)
        if self.window.editing.push(command):
            self.window.statusBar().showMessage(
                command.result.summary(done=True) + self.tr("可用“撤销”恢复。"), 8000
            )

    def _on_plan_changed(self, plan_id: int) -> None:
        """Many rows or the plan's own properties changed: refill, keeping the plan and the node in view."""
        from .tree_state import expand_ids, expanded_ids

        w = self.window
        node = w.current_node()
        current = w.current_plan()
        keep_open = expanded_ids(w.tree)
        w.reload_plans(current.id if current else plan_id)
        expand_ids(w.tree, keep_open)
        if node is not None:
            w.select_node(node.id)

    # -- first start and the demo database ---------------------------------------------------------
    def first_start(self) -> QWidget | None:
        """An empty database: ask the name and unit once; otherwise say how to begin."""
        w = self.window
        if w.settings.operator:
            w.statusBar().showMessage(
                self.tr("数据库中还没有方案：请用“文件 → 导入方案”导入，或“文件 → 打开示例数据库”先看示例。"),
                15000,
            )
            return None
        from ..services.core.units import list_units
        from .first_start import FirstStartDialog

        dialog = FirstStartDialog(sorted({u.name for u in list_units(self.db)}), w)
        dialog.name.setText(self.db.operator)  # a name given on the command line (--operator)
        dialog.chosen.connect(self._on_first_start)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_first_start(self, name: str, unit: str, demo: bool) -> None:
        w = self.window
        w.settings.operator = name
        if unit:
            w.settings.my_unit = unit
        w.settings.sync()
        self.db.operator = name
        if demo:
            self.open_demo()

    def open_demo(self) -> Any:
        """The sample plans in their own database, in a window of their own (created on first use)."""
        from ..services.plans.demo import demo_path, open_demo_database

        path = demo_path(self.db)
        if self.db.path is not None and path.resolve() == self.db.path.resolve():
            self.window.show_error(self.tr("当前打开的就是示例数据库。"))
            return None
        operator = self.db.operator
        return self.window.extra.run(
            self.tr("正在准备示例数据库…"),
            lambda _p, _c: open_demo_database(path=path, operator=operator),
            self._show_demo,
        )

    def _show_demo(self, demo_db: Any) -> None:
        from .window_actions import OPEN_WINDOWS

        window = type(self.window)(demo_db)
        window.setWindowTitle(self.tr("PlanDesk 规划督办台 — 示例数据库（{0}）").format(demo_db.path))
        OPEN_WINDOWS.append(window)
        window.show()
        window.start()
        self.demo_window = window

    # -- the plans shown -----------------------------------------------------------------------------
    def visible(self, plans: list[PlanInfo]) -> list[PlanInfo]:
        """The daily view leaves archived plans out unless 显示已归档方案 is on."""
        if self.show_archived_action.isChecked():
            return plans
        return [p for p in plans if not p.archived]

    def _on_show_archived(self) -> None:
        current = self.window.current_plan()
        self.window.reload_plans(current.id if current else None)

    # -- 方案属性 --------------------------------------------------------------------------------------
    def open_properties(self) -> QWidget | None:
        from ..services.core.tree import get_plan
        from .plan_properties import PlanPropertiesDialog

        plan = self.window.current_plan()
        if plan is None:
            self.window.show_error(self.tr("请先选择一个方案。"))
            return None
        fresh = get_plan(self.db, plan_id=plan.id)
        dialog = PlanPropertiesDialog(fresh, self.window)
        dialog.confirmed.connect(
            lambda changes: self.window.editing.push(
                EditPlan(self.window.editing, fresh.id, fresh.version, dialog.before(), changes)
            )
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- 归档 ----------------------------------------------------------------------------------------
    def _update_archive_text(self) -> None:
        plan = self.window.current_plan()
        self.archive_action.setText(
            self.tr("取消归档") if plan is not None and plan.archived else self.tr("归档方案")
        )
        for action in (self.properties_action, self.archive_action, self.delete_plan_action):
            action.setEnabled(plan is not None)

    def toggle_archived(self) -> bool:
        plan = self.window.current_plan()
        if plan is None:
            self.window.show_error(self.tr("请先选择一个方案。"))
            return False
        done = self.window.editing.push(SetPlanArchived(self.window.editing, plan.id, not plan.archived))
        if done:
            message = (
                self.tr("已归档“{0}”，日常视图中不再显示；可在“视图 → 显示已归档方案”中找到，或撤销。")
                if not plan.archived
                else self.tr("已取消归档“{0}”。")
            )
            self.window.statusBar().showMessage(message.format(plan.title), 10000)
        return done

    # -- 删除 ----------------------------------------------------------------------------------------
    def confirm_delete(self) -> QMessageBox | None:
        """Name what goes with the plan, then delete after a backup; a plan others rely on is archived."""
        from ..services.plans.plan_admin import plan_footprint

        plan = self.window.current_plan()
        if plan is None:
            self.window.show_error(self.tr("请先选择一个方案。"))
            return None
        try:
            footprint = plan_footprint(self.db, plan_id=plan.id)
        except PlanDeskError as exc:
            self.window.show_error(str(exc))
            return None
        if footprint.linked_from:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("不能删除方案"),
                self.tr("方案“{0}”被其他方案关联（{1}），删除会切断这些对接关系。是否改为归档？").format(
                    plan.title, "、".join(footprint.linked_from)
                ),
                QMessageBox.StandardButton.Cancel,
                self.window,
            )
            archive = box.addButton(self.tr("归档"), QMessageBox.ButtonRole.AcceptRole)
            box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
            box.finished.connect(
                lambda _r: self.toggle_archived() if box.clickedButton() is archive else None
            )
        else:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("删除方案"),
                footprint.describe()
                + self.tr("删除前会自动备份数据库，删除后不能撤销，只能从备份恢复。确定删除吗？"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                self.window,
            )
            box.button(QMessageBox.StandardButton.Yes).setText(self.tr("删除"))
            box.button(QMessageBox.StandardButton.No).setText(self.tr("取消"))
            box.setDefaultButton(QMessageBox.StandardButton.No)
            box.finished.connect(
                lambda result: self.delete(plan.id) if result == QMessageBox.StandardButton.Yes else None
            )
        self.dialog = box
        box.open()
        return box

    def delete(self, plan_id: int) -> Any:
        from ..services.plans.plan_admin import delete_plan

        return self.window.extra.run(
            self.tr("正在备份并删除方案…"),
            lambda _p, _c: delete_plan(self.db, plan_id=plan_id),
            self._on_deleted,
        )

    def _on_deleted(self, result: Any) -> None:
        w = self.window
        w.editing.stack.clear()  # the steps on the stack named rows that are gone
        w.reload_plans(None)
        message = self.tr("已删除方案“{0}”。").format(result.footprint.title)
        if result.backup:
            message += self.tr("删除前的备份：{0}").format(result.backup)
        w.statusBar().showMessage(message, 15000)
        self.deleted_message = message
