"""Preferences: operator name, my unit, the due-soon window and the report font."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ..errors import PlanDeskError
from ..services.core.settings import get_setting, set_setting
from ..services.core.units import list_units
from ..services.reporting.notices import notice_settings, set_notice_settings
from ..services.supervision.warnings import MAX_DUE_DAYS, due_soon_days, set_due_soon_days
from ..storage import Database
from .settings import UiSettings
from .translation import LANGUAGES, available_languages, choose_language

FONT_SETTING = "report.font_path"


class PreferencesDialog(QDialog):
    """Window preferences live in QSettings; the report font and 临期 are domain settings kept in the database."""

    def __init__(self, db: Database, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.setWindowTitle(self.tr("首选项"))
        self.operator = QLineEdit(settings.operator or db.operator)
        self.operator.setPlaceholderText(self.tr("记录在修改日志中的姓名"))
        self.my_unit = QLineEdit(settings.my_unit)
        names = sorted({n for u in list_units(db) for n in (u.name, *u.aliases)})
        completer = QCompleter(names, self.my_unit)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.my_unit.setCompleter(completer)
        self.my_unit_only = QCheckBox(self.tr("启动时只看本单位负责的条目"))
        self.my_unit_only.setChecked(settings.my_unit_only)
        self.due_days = QSpinBox()
        self.due_days.setRange(0, MAX_DUE_DAYS)
        self.due_days.setSuffix(self.tr(" 天"))
        self.due_days.setToolTip(
            self.tr("树形列表的黄灯、预警的“临近截止”和月度报告都按这一天数计算，对使用本数据库的所有人生效")
        )
        self.due_days.setValue(due_soon_days(db))
        self.font_path = QLineEdit(str(get_setting(db, FONT_SETTING, "") or ""))
        self.font_path.setPlaceholderText(self.tr("留空则自动查找中文字体"))
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self.choose_font)
        font_row = QHBoxLayout()
        font_row.addWidget(self.font_path, 1)
        font_row.addWidget(browse)
        self.language = QComboBox()
        for code in available_languages():
            self.language.addItem(LANGUAGES[code], code)
        current = self.language.findData(choose_language(None, settings.language))
        self.language.setCurrentIndex(max(current, 0))
        # 本单位公文: the name and 机关代字 the office's notices go out under (database settings, for everyone).
        office = notice_settings(db)
        self.office_fields: dict[str, QLineEdit] = {}
        for key, placeholder in (
            ("office", self.tr("如：某某区人民政府督查室（留空则用方案的发文机关）")),
            ("prefix", self.tr("如：督办（文号为 督办〔2026〕1号）")),
            ("contact_person", ""),
            ("contact_phone", ""),
            ("cc", self.tr("抄送的机关，用顿号分隔")),
            ("printer", self.tr("留空则同发文机关")),
        ):
            edit = QLineEdit(str(getattr(office, key)))
            edit.setPlaceholderText(placeholder)
            self.office_fields[key] = edit
        office_box = QGroupBox(self.tr("本单位公文（催办、催报通知）"))
        office_form = QFormLayout(office_box)
        for key, label in (
            ("office", self.tr("发文机关")),
            ("prefix", self.tr("机关代字")),
            ("contact_person", self.tr("联系人")),
            ("contact_phone", self.tr("联系电话")),
            ("cc", self.tr("抄送")),
            ("printer", self.tr("印发机关")),
        ):
            office_form.addRow(label, self.office_fields[key])
        self.office_box = office_box
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("操作人姓名"), self.operator)
        form.addRow(self.tr("本单位"), self.my_unit)
        form.addRow("", self.my_unit_only)
        form.addRow(self.tr("即将到期提醒（黄灯）"), self.due_days)
        form.addRow(self.tr("报表字体文件"), font_row)
        form.addRow(self.tr("界面语言（下次启动生效）"), self.language)
        form.addRow(office_box)
        form.addRow(self.error_label)
        form.addRow(self.buttons)
        self.file_dialog: QFileDialog | None = None
        self.resize(560, 520)

    def choose_font(self) -> QFileDialog:
        from .file_dialogs import localize

        dialog = localize(QFileDialog(self, self.tr("选择字体文件"), "", self.tr("字体 (*.ttf *.ttc *.otf)")))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.font_path.setText)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def accept(self) -> None:
        font = self.font_path.text().strip()
        if font and not Path(font).is_file():
            self.error_label.setText(self.tr("找不到字体文件“{0}”。").format(font))
            self.font_path.setFocus()
            return
        try:
            if font != (get_setting(self.db, FONT_SETTING, "") or ""):
                set_setting(self.db, FONT_SETTING, font or None)
            if self.due_days.value() != due_soon_days(self.db):
                set_due_soon_days(self.db, days=self.due_days.value())
            typed = {key: edit.text() for key, edit in self.office_fields.items()}
            stored = notice_settings(self.db)
            if any(getattr(stored, key) != value.strip() for key, value in typed.items()):
                set_notice_settings(self.db, **typed)
        except PlanDeskError as exc:
            self.error_label.setText(str(exc))
            if exc.field in self.office_fields:
                self.office_fields[exc.field].setFocus()
            return
        self.settings.operator = self.operator.text()
        self.settings.my_unit = self.my_unit.text()
        self.settings.my_unit_only = self.my_unit_only.isChecked()
        self.settings.language = str(self.language.currentData())
        self.settings.sync()
        super().accept()
