"""Small QPainter charts: a horizontal bar chart and a sparkline (QtCharts is not part of PySide6-Essentials)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_COLOR = QColor("#c0392b")
LINE_COLOR = QColor("#2c6fbb")


def paint_sparkline(
    painter: QPainter,
    rect: QRect | QRectF,
    values: Sequence[float],
    color: QColor = LINE_COLOR,
    target: float | None = None,
) -> None:
    """Draw ``values`` as a line inside ``rect``; a dashed line marks ``target`` when it is in range."""
    if not values:
        return
    area = QRectF(rect).adjusted(3, 3, -3, -3)
    low = min([*values, target] if target is not None else values)
    high = max([*values, target] if target is not None else values)
    span = (high - low) or 1.0

    def point(i: int, v: float) -> QPointF:
        x = area.left() + (area.width() * i / (len(values) - 1) if len(values) > 1 else area.width() / 2)
        return QPointF(x, area.bottom() - area.height() * (v - low) / span)

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if target is not None:
        painter.setPen(QPen(QColor("#999999"), 1, Qt.PenStyle.DashLine))
        y = point(0, target).y()
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
    painter.setPen(QPen(color, 1.5))
    path = QPainterPath(point(0, values[0]))
    for i, v in enumerate(values[1:], start=1):
        path.lineTo(point(i, v))
    painter.drawPath(path)
    painter.setBrush(color)
    painter.drawEllipse(point(len(values) - 1, values[-1]), 2.5, 2.5)
    painter.restore()


class Sparkline(QWidget):
    """A tiny trend line of an indicator's history."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[float] = []
        self.target: float | None = None
        self.setMinimumSize(60, 20)

    def set_values(self, values: Sequence[float], target: float | None = None) -> None:
        self.values = list(values)
        self.target = target
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(100, 24)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        paint_sparkline(painter, self.rect(), self.values, target=self.target)
        painter.end()


class BarChart(QWidget):
    """Labelled horizontal bars, longest first as given; clicking a bar emits its label."""

    bar_clicked = Signal(str)

    ROW = 26
    GAP = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, float]] = []
        self.empty_text = ""
        self.color = BAR_COLOR
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMouseTracking(True)

    def set_data(self, bars: Sequence[tuple[str, float]], empty_text: str = "") -> None:
        self.bars = list(bars)
        self.empty_text = empty_text
        self.setToolTip("")
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(360, max(len(self.bars), 2) * (self.ROW + self.GAP) + self.GAP)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(200, max(len(self.bars), 1) * (self.ROW + self.GAP) + self.GAP)

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(label) for label, _ in self.bars), default=0)
        return min(widest + 12, self.width() // 2)

    def bar_rect(self, index: int) -> QRect:
        """Where bar ``index`` is drawn (full available length, for hit testing)."""
        top = self.GAP + index * (self.ROW + self.GAP)
        left = self._label_width()
        return QRect(left, top, max(self.width() - left - 48, 10), self.ROW)

    def bar_at(self, y: float) -> int | None:
        index = int((y - self.GAP) // (self.ROW + self.GAP))
        return index if 0 <= index < len(self.bars) else None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        if not self.bars:
            painter.setPen(QColor("#888888"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            painter.end()
            return
        peak = max(v for _, v in self.bars) or 1.0
        metrics = self.fontMetrics()
        for i, (label, value) in enumerate(self.bars):
            full = self.bar_rect(i)
            painter.setPen(text_color)
            label_rect = QRect(0, full.top(), full.left() - 8, full.height())
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideLeft, label_rect.width())
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown)
            bar = QRectF(
                full.left(), full.top() + 3, max(full.width() * value / peak, 2.0), full.height() - 6
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.color)
            painter.drawRoundedRect(bar, 2, 2)
            painter.setPen(text_color)
            number = f"{value:g}"
            painter.drawText(
                QRectF(bar.right() + 6, full.top(), 44, full.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                number,
            )
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        index = self.bar_at(event.position().y())
        self.setToolTip(f"{self.bars[index][0]}：{self.bars[index][1]:g}" if index is not None else "")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        index = self.bar_at(event.position().y())
        if index is not None and event.button() == Qt.MouseButton.LeftButton:
            self.bar_clicked.emit(self.bars[index][0])
