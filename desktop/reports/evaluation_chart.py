"""An indicator's chart for the PDF: recorded values, the target line, the planned path and the forecast band."""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, String
from reportlab.lib import colors

from .evaluation_model import IndicatorEvaluation, chart_ranges, nice_ticks, number, planned_path

VALUE = colors.HexColor("#1F5FA8")
BAND = colors.HexColor("#CFE2F3")
TARGET = colors.HexColor("#C00000")
PLANNED = colors.HexColor("#8C8C8C")
AXIS = colors.HexColor("#404040")


def indicator_chart(ev: IndicatorEvaluation, font: str, width: float = 240, height: float = 150) -> Drawing:
    """A small chart of one indicator; the legend is the report's note below the charts."""
    d = Drawing(width, height)
    left, right, bottom, top = 36.0, 8.0, 20.0, 18.0
    x0, x1, y0, y1 = chart_ranges(ev)
    pw, ph = width - left - right, height - bottom - top

    def px(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * pw

    def py(y: float) -> float:
        return bottom + (max(y0, min(y1, y)) - y0) / (y1 - y0) * ph

    title = ev.name if len(ev.name) <= 22 else ev.name[:21] + "…"
    d.add(String(left, height - 12, title, fontName=font, fontSize=8, fillColor=AXIS))
    for v in nice_ticks(y0, y1):
        d.add(Line(left, py(v), left + pw, py(v), strokeColor=colors.HexColor("#E0E0E0"), strokeWidth=0.4))
        d.add(String(left - 3, py(v) - 2.5, number(v), fontName=font, fontSize=6.5, textAnchor="end"))
    step = max(1, round((x1 - x0) / 6))
    year = int(x0)
    while year <= x1:
        d.add(Line(px(year), bottom, px(year), bottom - 2, strokeColor=AXIS, strokeWidth=0.5))
        d.add(String(px(year), bottom - 10, str(year), fontName=font, fontSize=6.5, textAnchor="middle"))
        year += step
    d.add(Line(left, bottom, left + pw, bottom, strokeColor=AXIS, strokeWidth=0.6))
    d.add(Line(left, bottom, left, bottom + ph, strokeColor=AXIS, strokeWidth=0.6))
    band = [(x, lo, hi) for x, _y, lo, hi in ev.path if lo is not None and hi is not None]
    if band:
        pts: list[float] = []
        for x, _lo, hi in band:
            pts += [px(x), py(hi)]
        for x, lo, _hi in reversed(band):
            pts += [px(x), py(lo)]
        d.add(Polygon(pts, fillColor=BAND, strokeColor=None))
    planned = planned_path(ev)
    if planned:
        d.add(PolyLine([c for x, y in planned for c in (px(x), py(y))], strokeColor=PLANNED, strokeWidth=0.6))
    st = ev.stage
    if st is not None and st.target_level is not None:
        ty = py(st.target_level)
        d.add(Line(left, ty, left + pw, ty, strokeColor=TARGET, strokeWidth=0.8, strokeDashArray=[3, 2]))
        d.add(
            String(
                left + 2,
                ty + 2,
                f"目标 {number(st.target_level)}",
                fontName=font,
                fontSize=6.5,
                fillColor=TARGET,
            )
        )
    if ev.path:
        line = [c for x, y, _lo, _hi in ev.path for c in (px(x), py(y))]
        d.add(PolyLine(line, strokeColor=VALUE, strokeWidth=0.8, strokeDashArray=[2, 2]))
    if len(ev.points) > 1:
        d.add(
            PolyLine([c for p in ev.points for c in (px(p.x), py(p.value))], strokeColor=VALUE, strokeWidth=1)
        )
    for p in ev.points:
        fill = colors.white if p.value_id is None else VALUE
        d.add(Circle(px(p.x), py(p.value), 1.8, fillColor=fill, strokeColor=VALUE, strokeWidth=0.7))
    return d
