"""Typing dates as people write them (2026-10-31, 2026/10/31, 2026.10.31, 2026年10月31日, 20261031)."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication, QDate, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPen, QPixmap, QValidator
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from ..errors import PlanDeskError
from ..services.core.validation import parse_date

# Characters a date may be typed with; anything else is refused at the keystroke.
_DATE_CHARS = re.compile(r"^[0-9\-/.\u5e74\u6708\u65e5\s]*$")  # digits, separators, 年 月 日
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_typed_date(text: str, *, label: str = "", field: str = "date") -> dt.date | None:
    """The date ``text`` names, or None when it is empty; an impossible date raises PlanDeskError."""
    label = label or QCoreApplication.translate("DateLineEdit", "日期")
    value = (text or "").strip()
    if not value:
        return None
    compact = _COMPACT.match(value)
    if compact:
        value = "-".join(compact.groups())
    return parse_date(value, field=field, label=label)


class DateValidator(QValidator):
    """Acceptable: a real date in any of the typed forms (or nothing); Intermediate: still being typed."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if not _DATE_CHARS.match(text):
            return QValidator.State.Invalid, text, pos
        try:
            parse_typed_date(text)
        except PlanDeskError:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos


def _calendar_icon(size: int = 16) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QPen(QColor("#555"), 1))
    painter.drawRect(2, 3, size - 5, size - 6)
    painter.fillRect(2, 3, size - 4, 3, QColor("#c0392b"))
    for row in range(2):
        for col in range(3):
            painter.fillRect(4 + col * 3, 8 + row * 3, 2, 2, QColor("#555"))
    painter.end()
    return QIcon(pixmap)


class DateLineEdit(QLineEdit):
    """A line edit for one date with a calendar popup; ``date()`` is None while empty or impossible."""

    picked = Signal()  # a date was chosen in the calendar

    def __init__(self, parent: QWidget | None = None, *, label: str = "") -> None:
        super().__init__(parent)
        self.label = label or self.tr("日期")
        self.setValidator(DateValidator(self))
        self.setPlaceholderText(self.tr("例如 2026-10-31"))
        self.calendar_action = QAction(_calendar_icon(), self.tr("选择日期"), self)
        self.calendar_action.triggered.connect(lambda _checked=False: self.show_calendar())
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        # A child popup: focus moving into it does not count as leaving the cell editor.
        self.calendar = QCalendarWidget(self)
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._on_calendar_clicked)
        self.calendar.activated.connect(self._on_calendar_clicked)
        # Wide enough for the longest usual form, 2026年10月31日, and the calendar button.
        width = (
            self.fontMetrics().horizontalAdvance(QCoreApplication.translate("DateLineEdit", "2026年10月31日"))
            + 40
        )
        self.setMinimumWidth(width)

    def date(self) -> dt.date | None:
        try:
            return parse_typed_date(self.text(), label=self.label)
        except PlanDeskError:
            return None

    def problem(self) -> str:
        """Why the typed text is not a date (empty when it is one, or empty)."""
        try:
            parse_typed_date(self.text(), label=self.label)
        except PlanDeskError as exc:
            return str(exc)
        return ""

    def set_date(self, value: dt.date | None) -> None:
        self.setText(value.isoformat() if value else "")

    def show_calendar(self) -> QCalendarWidget:
        current = self.date() or dt.date.today()
        self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        self.calendar.adjustSize()
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()
        self.calendar.setFocus()
        return self.calendar

    def _on_calendar_clicked(self, date: QDate) -> None:
        self.setText(dt.date(date.year(), date.month(), date.day()).isoformat())
        self.calendar.hide()
        self.setFocus()
        self.picked.emit()
