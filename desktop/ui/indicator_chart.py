"""An indicator's chart in the window, drawn with QPainter: values, target, planned path, forecast band."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from ..services.evaluation.assessment import (
    IndicatorEvaluation,
    chart_ranges,
    nice_ticks,
    number,
    planned_path,
)

VALUE = QColor("#1F5FA8")
BAND = QColor("#CFE2F3")
TARGET = QColor("#C00000")
PLANNED = QColor("#8C8C8C")


class IndicatorChart(QWidget):
    """One indicator drawn with QPainter: values, target line, planned path, forecast line and band."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.evaluation: IndicatorEvaluation | None = None
        self.setMinimumSize(280, 180)

    def set_evaluation(self, ev: IndicatorEvaluation | None) -> None:
        self.evaluation = ev
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(420, 260)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        ev = self.evaluation
        if ev is None or not ev.points:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("暂无数据"))
            painter.end()
            return
        self._paint(painter, ev)
        painter.end()

    def _paint(self, painter: QPainter, ev: IndicatorEvaluation) -> None:
        metrics = painter.fontMetrics()
        left, right, top, bottom = metrics.horizontalAdvance("000000") + 8, 24, metrics.height() + 8, 28
        area = QRectF(left, top, max(10, self.width() - left - right), max(10, self.height() - top - bottom))
        x0, x1, y0, y1 = chart_ranges(ev)

        def at(x: float, y: float) -> QPointF:
            y = max(y0, min(y1, y))
            return QPointF(
                area.left() + (x - x0) / (x1 - x0) * area.width(),
                area.bottom() - (y - y0) / (y1 - y0) * area.height(),
            )

        painter.setPen(self.palette().text().color())
        painter.drawText(
            QRectF(4, 2, self.width() - 8, metrics.height() + 4), Qt.AlignmentFlag.AlignLeft, ev.name
        )
        grid = QPen(QColor("#E0E0E0"), 1)
        for v in nice_ticks(y0, y1):
            p = at(x0, v)
            painter.setPen(grid)
            painter.drawLine(p, at(x1, v))
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(0, p.y() - 8, left - 4, 16), Qt.AlignmentFlag.AlignRight, number(v))
        step = max(1, round((x1 - x0) / 6))
        year = int(x0)
        while year <= x1:
            p = at(year, y0)
            painter.drawText(
                QRectF(p.x() - 20, area.bottom() + 4, 40, 16), Qt.AlignmentFlag.AlignCenter, str(year)
            )
            year += step
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        band = [(x, lo, hi) for x, _y, lo, hi in ev.path if lo is not None and hi is not None]
        if band:
            poly = QPolygonF(
                [at(x, hi) for x, _lo, hi in band] + [at(x, lo) for x, lo, _hi in reversed(band)]
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(BAND))
            painter.drawPolygon(poly)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        st = ev.stage
        planned = planned_path(ev)
        if planned:
            painter.setPen(QPen(PLANNED, 1))
            self._polyline(painter, [at(x, y) for x, y in planned])
        if st is not None and st.target_level is not None:
            painter.setPen(QPen(TARGET, 1.2, Qt.PenStyle.DashLine))
            painter.drawLine(at(x0, st.target_level), at(x1, st.target_level))
            label = self.tr("目标 {0}").format(number(st.target_level))
            painter.drawText(at(x0, st.target_level) + QPointF(4, -4), label)
        if ev.path:
            painter.setPen(QPen(VALUE, 1.2, Qt.PenStyle.DashLine))
            self._polyline(painter, [at(x, y) for x, y, _lo, _hi in ev.path])
        painter.setPen(QPen(VALUE, 1.8))
        self._polyline(painter, [at(pt.x, pt.value) for pt in ev.points])
        for pt in ev.points:
            painter.setBrush(QBrush(QColor("white") if pt.value_id is None else VALUE))
            painter.drawEllipse(at(pt.x, pt.value), 3, 3)

    @staticmethod
    def _polyline(painter: QPainter, points: list[QPointF]) -> None:
        if len(points) < 2:
            return
        path = QPainterPath(points[0])
        for p in points[1:]:
            path.lineTo(p)
        painter.drawPath(path)
