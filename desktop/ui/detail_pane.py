"""The selected node: its text as printed, responsible units, assignments (edited in place) and progress."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..errors import PlanDeskError
from ..services.core.records import AssignmentInfo, NodeDetail
from ..services.core.tree import node_detail
from ..services.core.units import list_units
from ..storage import Database
from .deadline_dialog import DeadlineChangeDialog
from .delegates import (
    EDIT_VALUE_ROLE,
    DateDelegate,
    PercentDelegate,
    StatusDelegate,
    UnitDelegate,
    highlight_html,
    light_for,
    light_icon,
)
from .progress_form import ProgressForm
from .undo_commands import (
    AddAssignment,
    AddProgress,
    ChangeDeadline,
    DeleteAssignment,
    EditAssignment,
    Editing,
)
from .vocabulary import kind_name, status_name, unit_with_role

Index = QModelIndex | QPersistentModelIndex
# (field, header) in column order.
ASSIGNMENT_COLUMNS = [
    ("unit", QT_TRANSLATE_NOOP("AssignmentTableModel", "单位")),
    ("contact_person", QT_TRANSLATE_NOOP("AssignmentTableModel", "联系人")),
    ("contact_phone", QT_TRANSLATE_NOOP("AssignmentTableModel", "联系电话")),
    ("start_date", QT_TRANSLATE_NOOP("AssignmentTableModel", "开始日期")),
    ("deadline", QT_TRANSLATE_NOOP("AssignmentTableModel", "截止日期")),
    ("status", QT_TRANSLATE_NOOP("AssignmentTableModel", "状态")),
    ("percent", QT_TRANSLATE_NOOP("AssignmentTableModel", "进度")),
    ("remarks", QT_TRANSLATE_NOOP("AssignmentTableModel", "备注")),
]

# Columns of the progress list: 时期 单位 进展情况 进度 存在问题 下步计划 录入人.
PROGRESS_UNIT, PROGRESS_TEXT, PROGRESS_PROBLEMS, PROGRESS_NEXT = 1, 2, 4, 5


class AssignmentTableModel(QAbstractTableModel):
    """The assignments of one node; every edit goes through the undo stack as one service call."""

    # A typed deadline (assignment before, new date or None): the pane asks 更正 or 延期 before saving it.
    deadline_edited = Signal(object, object)

    def __init__(self, editing: Editing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editing = editing
        self.rows: list[AssignmentInfo] = []
        self.due_soon_days = 7
        self.headers = [self.tr(h) for _, h in ASSIGNMENT_COLUMNS]  # type: ignore[arg-type]  # QT_TRANSLATE_NOOP is typed object

    def set_rows(self, rows: list[AssignmentInfo]) -> None:
        if self.rows and [r.id for r in rows] == [r.id for r in self.rows]:
            # The same assignments after an edit: refresh the cells, so the current cell and an editor
            # that Tab is moving to survive.
            self.rows = list(rows)
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(ASSIGNMENT_COLUMNS) - 1))
            return
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(ASSIGNMENT_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self.rows[index.row()]
        field = ASSIGNMENT_COLUMNS[index.column()][0]
        value = getattr(a, "unit_name" if field == "unit" else field)
        if role == EDIT_VALUE_ROLE:
            return value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if field == "unit" and role == Qt.ItemDataRole.DisplayRole:
                return unit_with_role(a.unit_name, a.role)
            if field == "status":
                return status_name(a.effective_status)
            if field == "percent":
                return f"{a.percent}%"
            if isinstance(value, dt.date):
                return value.isoformat()
            return value or ""
        if role == Qt.ItemDataRole.ToolTipRole and field in ("unit", "remarks") and value:
            return unit_with_role(a.unit_name, a.role) if field == "unit" else str(value)
        if role == Qt.ItemDataRole.DecorationRole and field == "status":
            return light_icon(light_for(a.effective_status, a.deadline, dt.date.today(), self.due_soon_days))
        if role == Qt.ItemDataRole.ForegroundRole and field == "deadline" and a.effective_status == "overdue":
            return QBrush(QColor("#d0342c"))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        a = self.rows[index.row()]
        field = ASSIGNMENT_COLUMNS[index.column()][0]
        current = getattr(a, "unit_name" if field == "unit" else field)
        if value == current or (field == "unit" and not value):
            return False
        # The edit reloads this model; run it once the view has finished committing and closed its editor,
        # or the view would be handed an editor that no longer belongs to it.
        if field == "deadline":  # a 更正 or a 延期: the pane asks which before anything is saved
            QTimer.singleShot(0, lambda: self.deadline_edited.emit(a, value))
            return True
        command = EditAssignment(self.editing, a, {field: value})
        QTimer.singleShot(0, lambda: self.editing.push(command))
        return True


class DetailPane(QWidget):
    """Shows one node; writes go through ``editing`` so they can be undone."""

    error_shown = Signal(str)

    def __init__(self, db: Database, editing: Editing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.editing = editing
        self.detail: NodeDetail | None = None
        self.needle = ""
        self.progress_form: ProgressForm | None = None
        self.deadline_dialog: DeadlineChangeDialog | None = None
        self.path_label = QLabel()
        self.path_label.setWordWrap(True)
        self.path_label.setStyleSheet("color: #666;")
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.title_label.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.units_label = QLabel()
        self.units_label.setWordWrap(True)
        # A body task a 任务分工表 assigns, or a row of that table: where the other half of its work item is.
        self.table_label = QLabel()
        self.table_label.setWordWrap(True)
        self.table_label.setStyleSheet("color: #1f4e8c;")
        self.table_label.hide()
        self.text_view = QTextBrowser()
        self.text_view.setOpenLinks(False)

        self.assignments = AssignmentTableModel(editing, self)
        self.assignments.deadline_edited.connect(self.change_deadline)
        self.table = QTableView()
        self.table.setModel(self.assignments)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        # The unit takes the free width; short columns fit their text; 备注 keeps a modest width (tooltip).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(len(ASSIGNMENT_COLUMNS) - 1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.setColumnWidth(len(ASSIGNMENT_COLUMNS) - 1, self._chars(6))
        self.unit_delegate = UnitDelegate([], self.table)
        self.table.setItemDelegateForColumn(0, self.unit_delegate)
        self.start_delegate = DateDelegate(self.table, label=self.tr("开始日期"))
        self.deadline_delegate = DateDelegate(self.table, label=self.tr("截止日期"))
        self.table.setItemDelegateForColumn(3, self.start_delegate)
        self.table.setItemDelegateForColumn(4, self.deadline_delegate)
        self.table.setItemDelegateForColumn(5, StatusDelegate(self.table))
        self.table.setItemDelegateForColumn(6, PercentDelegate(self.table))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.hide()

        self.new_unit = QLineEdit()
        self.new_unit.setPlaceholderText(self.tr("单位名称"))
        self.add_button = QPushButton(self.tr("添加分工"))
        self.delete_button = QPushButton(self.tr("删除分工"))
        self.add_button.clicked.connect(self.add_assignment)
        self.delete_button.clicked.connect(self.delete_assignment)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("分工：")))
        buttons.addWidget(self.new_unit, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)

        self.progress_tree = QTreeWidget()
        self.progress_tree.setRootIsDecorated(False)
        self.progress_tree.setHeaderLabels(
            [
                self.tr("时期"),
                self.tr("单位"),
                self.tr("进展情况"),
                self.tr("进度"),
                self.tr("存在问题"),
                self.tr("下步计划"),
                self.tr("录入人"),
            ]
        )
        # The progress text takes the free width; the other texts keep a modest width and show in full
        # in their tooltips.
        progress_header = self.progress_tree.header()
        progress_header.setStretchLastSection(False)
        progress_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        progress_header.setSectionResizeMode(PROGRESS_TEXT, QHeaderView.ResizeMode.Stretch)
        for column, chars in ((PROGRESS_UNIT, 7), (PROGRESS_PROBLEMS, 6), (PROGRESS_NEXT, 6)):
            progress_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.progress_tree.setColumnWidth(column, self._chars(chars))
        self.progress_button = QPushButton(self.tr("添加进展…"))
        self.progress_button.clicked.connect(self.open_progress_form)
        progress_bar = QHBoxLayout()
        progress_bar.addWidget(QLabel(self.tr("进展记录（最新在前）")))
        progress_bar.addStretch(1)
        progress_bar.addWidget(self.progress_button)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.path_label, self.title_label, self.units_label, self.table_label):
            top_layout.addWidget(w)
        top_layout.addWidget(self.text_view, 1)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addLayout(buttons)
        middle_layout.addWidget(self.table, 1)
        middle_layout.addWidget(self.error_label)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addLayout(progress_bar)
        bottom_layout.addWidget(self.progress_tree, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("detailSplitter")
        for part in (top, middle, bottom):
            self.splitter.addWidget(part)
        self.splitter.setSizes([260, 220, 220])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        editing.failed.connect(self._on_edit_failed)
        self.start_delegate.refused.connect(lambda message: self.show_error("start_date", message))
        self.deadline_delegate.refused.connect(lambda message: self.show_error("deadline", message))
        self.refresh_units()
        self.show_node(None)

    def _chars(self, n: int) -> int:
        return self.fontMetrics().horizontalAdvance("国") * n + 12

    # -- showing -------------------------------------------------------------------------------------
    def refresh_units(self) -> None:
        names = sorted({n for u in list_units(self.db) for n in (u.name, *u.aliases)})
        self.unit_delegate.names = names
        completer = QCompleter(names, self.new_unit)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.new_unit.setCompleter(completer)

    def show_node(self, node_id: int | None) -> None:
        self.clear_error()
        if node_id is None:
            self.detail = None
        else:
            try:
                self.detail = node_detail(self.db, node_id=node_id)
            except PlanDeskError as exc:
                self.detail = None
                self.show_error("", str(exc))
        self._fill()

    def reload(self) -> None:
        self.show_node(self.detail.node.id if self.detail else None)

    def set_highlight(self, needle: str) -> None:
        self.needle = needle
        self._fill_text()

    def _fill(self) -> None:
        d = self.detail
        enabled = d is not None and d.node.kind != "root" and not d.node.archived
        for w in (self.add_button, self.delete_button, self.progress_button, self.new_unit, self.table):
            w.setEnabled(enabled)
        if d is None:
            self.path_label.clear()
            self.title_label.setText(self.tr("请在左侧选择一个条目。"))
            self.units_label.clear()
            self.table_label.hide()
            self.text_view.clear()
            self.assignments.set_rows([])
            self.progress_tree.clear()
            return
        self.path_label.setText(" › ".join(f"{r.label}{r.title[:16]}" for r in d.path[1:-1]))
        kind = kind_name(d.node.kind)
        origin = self.tr("（本单位添加）") if d.node.origin == "office" else ""
        archived = self.tr("（已归档，只读）") if d.node.archived else ""
        self.title_label.setText(f"[{kind}] {d.node.label} {d.node.title}{origin}{archived}")
        leads = "、".join(u.name for u in d.units if u.role == "lead") or self.tr("（无）")
        cos = "、".join(u.name for u in d.units if u.role == "co") or self.tr("（无）")
        hint = self.tr("；原文时限：{0}").format(d.deadline_hint.isoformat()) if d.deadline_hint else ""
        self.units_label.setText(self.tr("牵头单位：{0}；配合单位：{1}").format(leads, cos) + hint)
        self._fill_table_links(d)
        self._fill_text()
        self.assignments.set_rows(d.assignments)
        assigned = {a.unit_name for a in d.assignments}
        suggestion = next((u.name for u in d.units if u.name not in assigned), "")
        self.new_unit.setText(suggestion)
        self.progress_tree.clear()
        for p in d.progress:
            item = QTreeWidgetItem(
                [
                    p.period,
                    p.unit_name,
                    p.text,
                    f"{p.percent}%" if p.percent is not None else "",
                    p.problems,
                    p.next_steps,
                    p.entered_by,
                ]
            )
            for column, text in (
                (PROGRESS_UNIT, p.unit_name),
                (PROGRESS_TEXT, p.text),
                (PROGRESS_PROBLEMS, p.problems),
                (PROGRESS_NEXT, p.next_steps),
            ):
                if text:
                    item.setToolTip(column, text)
            item.setData(0, Qt.ItemDataRole.UserRole, p.id)
            self.progress_tree.addTopLevelItem(item)

    def _fill_table_links(self, d: NodeDetail) -> None:
        lines = []
        for row in d.assigned_in:
            lines.append(
                self.tr("分工见任务分工表第 {0} 项“{1}”：牵头 {2}；配合 {3}。").format(
                    row.label,
                    row.title[:30],
                    "、".join(row.leads) or self.tr("（无）"),
                    "、".join(row.cos) or self.tr("（无）"),
                )
            )
        if d.assigned_in:
            lines.append(self.tr("本项按任务分工表计，不另计为一项任务。"))
        for body in d.assigns:
            lines.append(self.tr("对应正文任务：{0} {1}").format(body.label, body.title[:30]))
        self.table_label.setText("\n".join(lines))
        self.table_label.setVisible(bool(lines))

    def _fill_text(self) -> None:
        d = self.detail
        if d is None:
            return
        body = highlight_html(d.text or d.node.title, self.needle).replace("\n", "<br/>")
        self.text_view.setHtml(f'<div style="line-height:150%">{body}</div>')

    # -- errors next to the table --------------------------------------------------------------------
    def _on_edit_failed(self, field: str, message: str) -> None:
        if self.editing.refused_scope == "detail":  # the window shows the others where they happened
            self.show_error(field, message)

    def show_error(self, field: str, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setToolTip(field)
        self.error_label.show()
        self.error_shown.emit(message)

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    # -- actions -------------------------------------------------------------------------------------
    def current_assignment(self) -> AssignmentInfo | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.assignments.rows):
            return None
        return self.assignments.rows[index.row()]

    def add_assignment(self) -> bool:
        if self.detail is None:
            return False
        unit = self.new_unit.text().strip()
        if not unit:
            self.show_error("unit", self.tr("请填写要分工的单位名称。"))
            return False
        self.clear_error()
        role = "co" if any(a.role == "lead" for a in self.detail.assignments) else "lead"
        return self.editing.push(
            AddAssignment(self.editing, self.detail.node.id, {"unit": unit, "role": role})
        )

    def delete_assignment(self) -> bool:
        a = self.current_assignment()
        if a is None or self.detail is None:
            self.show_error("assignment", self.tr("请先在表格中选择要删除的分工。"))
            return False
        return self.editing.push(DeleteAssignment(self.editing, a))

    def change_deadline(self, a: AssignmentInfo, deadline: dt.date | None) -> DeadlineChangeDialog | None:
        """A deadline typed in the grid. The first one is saved as it is (it is the original deadline); a
        changed one is a 更正 or a 延期, which the dialog asks; cancelling it leaves everything unchanged."""
        if a.deadline is None:
            self.clear_error()
            self.editing.push(ChangeDeadline(self.editing, a, deadline, "correction"))
            return None
        if self.deadline_dialog is not None:
            self.deadline_dialog.deleteLater()
        dialog = DeadlineChangeDialog(a.deadline, deadline, self)
        dialog.submit = lambda kind, reason: self._submit_deadline(dialog, a, deadline, kind, reason)
        self.deadline_dialog = dialog
        dialog.open()
        return dialog

    def _submit_deadline(
        self,
        dialog: DeadlineChangeDialog,
        a: AssignmentInfo,
        deadline: dt.date | None,
        kind: str,
        reason: str,
    ) -> bool:
        command = ChangeDeadline(self.editing, a, deadline, kind, reason)
        # A refusal is explained in the dialog, which stays open.
        self.editing.failed.connect(dialog.show_error)
        command.scope = "form"
        try:
            accepted = self.editing.push(command)
        finally:
            command.scope = "detail"  # a later undo is explained under the table
            self.editing.failed.disconnect(dialog.show_error)
        if accepted:
            self.clear_error()
        return accepted

    def open_progress_form(self) -> ProgressForm | None:
        if self.detail is None or not self.detail.assignments:
            self.show_error("assignment", self.tr("请先添加分工，进展记录属于某个单位的分工。"))
            return None
        current = self.current_assignment()
        form = ProgressForm(self.detail.assignments, current.id if current else None, self)
        form.submit = self._submit_progress
        self.progress_form = form
        form.open()
        return form

    def _submit_progress(self, assignment_id: int, values: dict[str, Any]) -> bool:
        form = self.progress_form
        command = AddProgress(self.editing, assignment_id, values)
        if form is not None:  # a refused entry is explained inside the form (only), which stays open
            self.editing.failed.connect(form.show_error)
            command.scope = "form"
        try:
            return self.editing.push(command)
        finally:
            command.scope = "detail"  # a later undo is explained under the table
            if form is not None:
                self.editing.failed.disconnect(form.show_error)
