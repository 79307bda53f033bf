"""方案属性: title, issuer, document number, date, level and short name — in the import preview and later."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..errors import PlanDeskError
from ..services.core.records import PlanInfo
from ..services.core.status import PLAN_LEVELS
from ..services.plans.plan_admin import clean_properties
from .date_entry import DateLineEdit
from .vocabulary import level_name


class PlanPropertiesForm(QWidget):
    """The six properties as editable fields; ``values()`` gives what the services take."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit()
        self.issuer = QLineEdit()
        self.doc_number = QLineEdit()
        self.issued_on = DateLineEdit(label=self.tr("成文日期"))
        self.level = QComboBox()
        for code in PLAN_LEVELS:
            self.level.addItem(level_name(code), code)
        self.short_name = QLineEdit()
        self.short_name.setPlaceholderText(self.tr("可不填，列表中代替长标题"))
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.fields: dict[str, QWidget] = {
            "title": self.title,
            "issuer": self.issuer,
            "doc_number": self.doc_number,
            "issued_on": self.issued_on,
            "level": self.level,
            "short_name": self.short_name,
        }
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("方案标题："), self.title)
        form.addRow(self.tr("发文机关："), self.issuer)
        form.addRow(self.tr("文号："), self.doc_number)
        form.addRow(self.tr("成文日期："), self.issued_on)
        form.addRow(self.tr("层级："), self.level)
        form.addRow(self.tr("简称："), self.short_name)
        form.addRow(self.error_label)

    def set_values(
        self,
        *,
        title: str,
        issuer: str,
        doc_number: str,
        issued_on: dt.date | None,
        level: str,
        short_name: str = "",
    ) -> None:
        self.title.setText(title)
        self.title.setCursorPosition(0)
        self.issuer.setText(issuer)
        self.doc_number.setText(doc_number)
        self.issued_on.set_date(issued_on)
        self.level.setCurrentIndex(max(0, self.level.findData(level)))
        self.short_name.setText(short_name)

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text().strip(),
            "issuer": self.issuer.text().strip(),
            "doc_number": self.doc_number.text().strip(),
            "issued_on": self.issued_on.text().strip(),
            "level": self.level.currentData(),
            "short_name": self.short_name.text().strip(),
        }

    def checked_values(self) -> dict[str, Any] | None:
        """The values, validated; None after showing what is wrong beside the form (and focusing it)."""
        values = self.values()
        problem = self.issued_on.problem()
        try:
            if problem:
                raise PlanDeskError(problem, field="issued_on")
            clean = clean_properties(values)
        except PlanDeskError as exc:
            self.show_error(exc.field or "", str(exc))
            return None
        self.clear_error()
        return clean

    def show_error(self, field: str, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        widget = self.fields.get(field)
        if widget is not None:
            widget.setFocus()

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()


class PlanPropertiesDialog(QDialog):
    """文件 → 方案属性: OK emits the changed values; the caller runs them as one undoable edit."""

    confirmed = Signal(dict)  # field → new value, only the fields that changed

    def __init__(self, plan: PlanInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("方案属性"))
        self.form = PlanPropertiesForm()
        self.form.set_values(
            title=plan.title,
            issuer=plan.issuer,
            doc_number=plan.doc_number,
            issued_on=plan.issued_on,
            level=plan.level,
            short_name=plan.short_name,
        )
        source = QLabel(self.tr("来源文件：{0}；第 {1} 版").format(plan.source_name or "—", plan.revision))
        source.setStyleSheet("color: #666;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(source)
        layout.addWidget(self.buttons)
        self.resize(640, 300)

    def before(self) -> dict[str, Any]:
        p = self.plan
        return {
            "title": p.title,
            "issuer": p.issuer,
            "doc_number": p.doc_number,
            "issued_on": p.issued_on,
            "level": p.level,
            "short_name": p.short_name,
        }

    def _on_ok(self) -> None:
        clean = self.form.checked_values()
        if clean is None:
            return
        old = self.before()
        changed = {k: v for k, v in clean.items() if old.get(k) != v}
        if changed:
            self.confirmed.emit(changed)
        self.accept()
