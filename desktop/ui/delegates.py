"""Painting and editing helpers: traffic-light icons, search highlighting, assignment cell editors."""

from __future__ import annotations

import datetime as dt
from functools import cache

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QIcon,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from .vocabulary import status_name

Index = QModelIndex | QPersistentModelIndex
LIGHT_COLORS = {"green": "#2e9d46", "yellow": "#e0a800", "red": "#d0342c", "grey": "#9a9a9a"}
# The role under which a model hands the delegate the text to highlight.
HIGHLIGHT_ROLE = Qt.ItemDataRole.UserRole + 10
EDIT_VALUE_ROLE = Qt.ItemDataRole.UserRole + 11


def light_for(status: str, deadline: dt.date | None, today: dt.date, due_soon_days: int) -> str:
    """The traffic light a user sees: done, red, yellow, green, grey, or '' when nobody is assigned."""
    if status == "done":
        return "done"
    if status == "overdue":
        return "red"
    if status in ("", "suspended"):
        return "grey" if status else ""
    if deadline is not None and (deadline - today).days <= due_soon_days:
        return "yellow"
    return "grey" if status == "not_started" else "green"


@cache
def light_icon(light: str, size: int = 14) -> QIcon:
    """A small coloured circle (or a check mark for done work), drawn once and cached."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if light == "done":
        pen = QPen(QColor("#2e9d46"), size / 6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawPolyline(
            [
                QPointF(size * 0.18, size * 0.55),
                QPointF(size * 0.42, size * 0.8),
                QPointF(size * 0.85, size * 0.22),
            ]
        )
    elif light in LIGHT_COLORS:
        color = QColor(LIGHT_COLORS[light])
        painter.setPen(QPen(color.darker(130), 1))
        painter.setBrush(color)
        painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def highlight_html(text: str, needle: str, color: str = "#ffe066") -> str:
    """``text`` as HTML with every case-insensitive occurrence of ``needle`` marked."""
    import html

    if not needle:
        return html.escape(text)
    out, low, key, pos = [], text.lower(), needle.lower(), 0
    while (hit := low.find(key, pos)) >= 0:
        out.append(html.escape(text[pos:hit]))
        out.append(
            f'<span style="background-color:{color}; color:#000">{html.escape(text[hit : hit + len(key)])}</span>'
        )
        pos = hit + len(key)
    out.append(html.escape(text[pos:]))
    return "".join(out)


class HighlightDelegate(QStyledItemDelegate):
    """Draws a cell's text with the search term marked when the model gives one (HIGHLIGHT_ROLE)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        needle = index.data(HIGHLIGHT_ROLE)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if not needle or needle.lower() not in str(text).lower():
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
            rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        else:
            rect = opt.rect
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(0)
        doc.setHtml(highlight_html(str(text), str(needle)))
        painter.save()
        painter.translate(rect.left() + 2, rect.top() + max(0, (rect.height() - doc.size().height()) / 2))
        painter.setClipRect(0, 0, rect.width(), rect.height())
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        color_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(color_role))
        if not opt.state & QStyle.StateFlag.State_Enabled or index.data(Qt.ItemDataRole.ForegroundRole):
            brush = index.data(Qt.ItemDataRole.ForegroundRole)
            if brush is not None and not selected:
                ctx.palette.setColor(QPalette.ColorRole.Text, QColor(brush.color()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()


class UnitDelegate(QStyledItemDelegate):
    """A line edit completing over the known unit names (aliases included)."""

    def __init__(self, names: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names = names

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        completer = QCompleter(self.names, editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        editor.setCompleter(completer)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text().strip(), Qt.ItemDataRole.EditRole)


class DateDelegate(QStyledItemDelegate):
    """A date typed in any usual form, or picked from a calendar; an impossible date is refused at the cell.

    ``refused`` carries the reason, so the view can show it beside the table; the cell keeps its value.
    """

    refused = Signal(str)

    def __init__(self, parent: QObject | None = None, *, label: str = "") -> None:
        super().__init__(parent)
        self.label = label or self.tr("日期")

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        from .date_entry import DateLineEdit

        editor = DateLineEdit(parent, label=self.label)
        editor.setFrame(False)
        editor.picked.connect(lambda: self.commitData.emit(editor))
        return editor

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        # Wide enough for the whole date and the calendar button, even in a narrow column.
        rect = option.rect
        rect.setWidth(max(rect.width(), editor.minimumWidth()))
        editor.setGeometry(rect)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        from .date_entry import DateLineEdit

        assert isinstance(editor, DateLineEdit)
        value = index.data(EDIT_VALUE_ROLE)
        editor.set_date(value if isinstance(value, dt.date) else None)
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        from .date_entry import DateLineEdit

        assert isinstance(editor, DateLineEdit)
        problem = editor.problem()
        if problem:
            self.refused.emit(problem)
            return
        model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        from .date_entry import DateLineEdit

        if (
            isinstance(editor, DateLineEdit)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and editor.problem()
        ):
            self.refused.emit(editor.problem())  # the editor stays open until the date is corrected
            return True
        return super().eventFilter(editor, event)


class PercentDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QSpinBox(parent)
        editor.setRange(0, 100)
        editor.setSuffix("%")
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.setValue(int(index.data(EDIT_VALUE_ROLE) or 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


STORED_STATUSES = ("not_started", "in_progress", "done", "suspended")


class StatusDelegate(QStyledItemDelegate):
    """A combo of the stored statuses (已逾期 is derived from the deadline, never chosen)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QComboBox(parent)
        for code in STORED_STATUSES:
            editor.addItem(status_name(code), code)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(EDIT_VALUE_ROLE))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
