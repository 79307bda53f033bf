"""What every PlanDesk PDF shares: Chinese styles, page numbers 第 X 页 共 Y 页, fixed dates, atomic files."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from ..errors import Cancelled
from ..fileio import atomic_path as atomic_path  # re-exported for the renderers
from . import rl_state
from .fonts import register_report_font

RED = colors.HexColor("#C00000")
HEADER_FILL = colors.HexColor("#DCE3EE")
RISK_FILL = colors.HexColor("#FFF2CC")
OVERDUE_FILL = colors.HexColor("#FBE3E3")
GRID = colors.HexColor("#7F7F7F")

Progress = Callable[[int, str], None] | None
IsCancelled = Callable[[], bool] | None


def text(value: object) -> str:
    """Plain text made safe for a reportlab Paragraph (which reads a little XML)."""
    return escape("" if value is None else str(value)).replace("\n", "<br/>")


def cn_date(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def cn_month(month: str) -> str:
    return f"{int(month[:4])}年{int(month[5:7])}月"


# Chinese closing punctuation that reportlab's CJK wrapping does not know: it must never begin a line.
CN_CANNOT_START = "，。、；：？！”’》）〉」』】〕］｝…％"


def cjk_line_rules() -> None:
    """Teach reportlab's CJK line breaking the Chinese punctuation rules (a hanging comma, not a leading one)."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    # Both copies: one-style paragraphs break in textsplit, mixed-style ones in paragraph.
    for module in (textsplit, paragraph):
        missing = "".join(c for c in CN_CANNOT_START if c not in module.ALL_CANNOT_START)
        if missing:
            module.ALL_CANNOT_START += missing  # type: ignore[attr-defined]  # the stubs lack paragraph.ALL_CANNOT_START


def styles(font: str | None = None) -> dict[str, ParagraphStyle]:
    """Paragraph styles for reports; CJK wrapping keeps punctuation off the start of a line."""
    font = font or register_report_font()
    cjk_line_rules()
    base = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=16, wordWrap="CJK")
    return {
        "body": base,
        "title": ParagraphStyle(
            "title", parent=base, fontSize=20, leading=30, alignment=TA_CENTER, spaceAfter=6
        ),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=12, leading=20, alignment=TA_CENTER),
        "h1": ParagraphStyle(
            "h1", parent=base, fontSize=14, leading=22, spaceBefore=10, spaceAfter=4, keepWithNext=1
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontSize=11.5, leading=18, spaceBefore=6, spaceAfter=2, keepWithNext=1
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=12),
        "cell_c": ParagraphStyle("cell_c", parent=base, fontSize=9, leading=12, alignment=TA_CENTER),
        "cell_r": ParagraphStyle("cell_r", parent=base, fontSize=9, leading=12, alignment=TA_RIGHT),
        "cell_red": ParagraphStyle("cell_red", parent=base, fontSize=9, leading=12, textColor=RED),
        "cell_red_c": ParagraphStyle(
            "cell_red_c", parent=base, fontSize=9, leading=12, textColor=RED, alignment=TA_CENTER
        ),
        "head": ParagraphStyle("head", parent=base, fontSize=9, leading=12, alignment=TA_CENTER),
        "note": ParagraphStyle(
            "note", parent=base, fontSize=9, leading=14, textColor=colors.HexColor("#404040")
        ),
        "progress": ParagraphStyle(
            "progress", parent=base, fontSize=9.5, leading=14, leftIndent=12, alignment=TA_LEFT
        ),
    }


def fixed_timestamp(day: dt.date) -> TimeStamp:
    """A PDF creation date taken from the report's data, so the same data gives the same bytes."""
    ts = TimeStamp(True)
    ts.t = calendar.timegm(day.timetuple())
    ts.lt = ts.YMDhms = tuple(dt.datetime(day.year, day.month, day.day).timetuple())[:6]  # type: ignore[assignment]
    return ts


def numbered_canvas(header: str, issued_on: dt.date, font: str, *, numbers: bool = True) -> type[Canvas]:
    """A canvas class that knows the page count when it draws each page's header and footer."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["invariant"] = 1
            super().__init__(*args, **kwargs)
            rl_state.fix_timestamp(self, fixed_timestamp(issued_on))
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(rl_state.page_state(self))
            rl_state.start_next_page(self)

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                rl_state.resume_page(self, state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, height = rl_state.page_size(self)
            self.saveState()
            self.setFont(font, 9)
            self.setFillColor(colors.HexColor("#404040"))
            if header:
                self.drawCentredString(width / 2, height - 36, header)
                self.setStrokeColor(GRID)
                self.setLineWidth(0.5)
                self.line(56, height - 41, width - 56, height - 41)
            if numbers:
                self.drawCentredString(width / 2, 30, f"第 {number} 页 共 {total} 页")
            self.restoreState()

    return NumberedCanvas


class ChartFlowable(Flowable):
    """A reportlab.graphics drawing whose default font is the embedded CJK font, not an unembedded Times."""

    def __init__(self, drawing: Drawing, font: str) -> None:
        super().__init__()
        self.drawing = drawing
        self.font = font
        self.width, self.height = drawing.width, drawing.height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        saved = STATE_DEFAULTS["fontName"]
        STATE_DEFAULTS["fontName"] = self.font
        try:
            renderPDF.draw(self.drawing, self.canv, 0, 0)
        finally:
            STATE_DEFAULTS["fontName"] = saved


@contextmanager
def binary_streams() -> Iterator[None]:
    """Page streams deflated without the ASCII85 layer: smaller files, and much faster in pure Python."""
    from reportlab import rl_config

    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def checker(progress: Progress, is_cancelled: IsCancelled) -> Callable[[int, str], None]:
    """One call that reports progress and stops the work when the user cancelled."""

    def step(percent: int, message: str) -> None:
        if is_cancelled is not None and is_cancelled():
            raise Cancelled()
        if progress is not None:
            progress(percent, message)

    return step
