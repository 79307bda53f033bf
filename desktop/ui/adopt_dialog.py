"""The 按文件分工 preview: every assignment the document's lists give, before any is created."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..errors import PlanDeskError
from ..services.plans.adopt import AdoptPlan, preview_adoption
from ..storage import Database
from .date_entry import DateLineEdit


class AdoptDialog(QDialog):
    """Lists (task, unit, role, deadline) for a plan or a subtree; OK emits the chosen default deadline."""

    confirmed = Signal(object)  # the default deadline (dt.date | None)

    def __init__(
        self,
        db: Database,
        *,
        plan_id: int,
        node_id: int | None = None,
        scope: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.plan_id, self.node_id = db, plan_id, node_id
        self.plan: AdoptPlan | None = None
        self.setWindowTitle(self.tr("按文件分工：{0}").format(scope) if scope else self.tr("按文件分工"))
        intro = QLabel(
            self.tr(
                "按方案原文的责任单位清单，为每项任务的每个单位建立一条分工（牵头、配合照原文）。"
                "原文写明时限的按原文时限，其余使用下面的默认截止日期（可不填）。已有的分工不重复建立。"
            )
        )
        intro.setWordWrap(True)
        self.deadline = DateLineEdit(label=self.tr("默认截止日期"))
        self.deadline.textChanged.connect(lambda _t: self.refresh())
        form = QFormLayout()
        form.addRow(self.tr("默认截止日期："), self.deadline)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setHeaderLabels(
            [self.tr("编号"), self.tr("任务"), self.tr("单位"), self.tr("角色"), self.tr("截止日期")]
        )
        for column, width in enumerate((60, 300, 200, 50, 150)):
            self.table.setColumnWidth(column, width)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("新建分工"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 560)
        self.refresh()

    def default_deadline(self) -> dt.date | None:
        return self.deadline.date()

    def refresh(self) -> None:
        """Preview again (the default deadline changes what rows without 原文时限 get)."""
        problem = self.deadline.problem()
        self.error_label.setText(problem)
        self.error_label.setVisible(bool(problem))
        if problem:
            self.ok_button.setEnabled(False)
            return
        try:
            self.plan = preview_adoption(
                self.db, plan_id=self.plan_id, node_id=self.node_id, deadline=self.default_deadline()
            )
        except PlanDeskError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            self.ok_button.setEnabled(False)
            return
        self.summary.setText(self.plan.summary())
        self.table.clear()
        for item in self.plan.items:
            when = item.deadline.isoformat() if item.deadline else self.tr("未设定")
            if item.deadline_from_text:
                when += self.tr("（原文时限）")
            row = QTreeWidgetItem(
                [
                    item.label,
                    item.title,
                    item.unit_name,
                    self.tr("牵头") if item.role == "lead" else self.tr("配合"),
                    when,
                ]
            )
            row.setToolTip(1, item.title)
            self.table.addTopLevelItem(row)
        self.ok_button.setEnabled(bool(self.plan.items))

    def _on_ok(self) -> None:
        if self.deadline.problem():
            return
        self.confirmed.emit(self.default_deadline())
        self.accept()
