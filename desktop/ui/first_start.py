"""The first start: who works here (operator and unit for the audit trail), and the samples kept apart."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class FirstStartDialog(QDialog):
    """Asks the name and unit; 打开示例数据库 also opens the samples in their own database."""

    chosen = Signal(str, str, bool)  # name, unit, open the demo database

    def __init__(self, unit_names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("欢迎使用 PlanDesk 规划督办台"))
        intro = QLabel(
            self.tr(
                "这是一个新的数据库，还没有方案。请填写您的姓名和单位：姓名记入操作记录和进展的“录入人”，"
                "单位用于“只看本单位”。\n\n想先看看效果，可打开示例数据库：示例方案放在单独的文件中，"
                "不会进入本单位的正式数据。"
            )
        )
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("例如 张三"))
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("例如 西安市市场监督管理局"))
        completer = QCompleter(unit_names, self.unit)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.unit.setCompleter(completer)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("姓名："), self.name)
        form.addRow(self.tr("单位："), self.unit)
        form.addRow(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("开始使用"))
        self.demo_button = QPushButton(self.tr("打开示例数据库"))
        self.buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.ok_button.clicked.connect(lambda: self._finish(False))
        self.demo_button.clicked.connect(lambda: self._finish(True))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(560, 300)

    def _finish(self, demo: bool) -> None:
        name = self.name.text().strip()
        if not name:
            self.error_label.setText(self.tr("请填写姓名：操作记录需要知道是谁录入的。"))
            self.error_label.show()
            self.name.setFocus()
            return
        self.chosen.emit(name, self.unit.text().strip(), demo)
        self.accept()
